// The structural rules of the XLSForm spec, checked on our own before a form is written:
// pyxform (the reference converter) and ODK Validate are Python and Java, run by the tests
// (tools/xlsform-check), not by assess. Rules follow xlsform.org and pyxform's documented
// errors: names, lists, groups, references, syntax.
import { coded, problem } from "./problems.js";
import type { CodedProblem, DocPath, Problem, ProblemArgs, ProblemCode } from "./problems.js";
import type { XlsForm } from "./xlsform.js";
import { XLSFORM_LANGS } from "./xlsform.js";

/** Problems are placed in the form by sheet and row, as `XLSForm › survey row 7`. */
const SOURCE = "XLSForm";

/** What an expression can get wrong. */
export type ExpressionProblem = Extract<CodedProblem, { code: "XLSFORM_SYNTAX" | "XLSFORM_REFERENCE" | "XLSFORM_CURRENT" | "XLSFORM_FUNCTION" }>;

/** Ends the parse of an expression at its first syntax error. */
class Stop {
  constructor(readonly problem: ExpressionProblem) {}
}

/** XML names as XLSForm allows them: a letter or underscore, then letters, digits, _, -, . */
export const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

const BASIC_TYPES = new Set(["text", "integer", "decimal", "date", "time", "dateTime", "note", "calculate", "geopoint", "image", "acknowledge", "start", "end", "today", "deviceid"]);
const FUNCTIONS: Record<string, [number, number]> = {
  selected: [2, 2],
  "count-selected": [1, 1],
  not: [1, 1],
  date: [1, 1],
  today: [0, 0],
  "string-length": [1, 1],
  "selected-at": [2, 2],
};

export function checkXlsForm(form: XlsForm): Problem[] {
  const problems: Problem[] = [];
  const push = <C extends ProblemCode>(place: string, code: C, args: ProblemArgs[C], path: DocPath = []) => problems.push({ ...problem(code, args, SOURCE, path), place });
  const at = (sheet: string, i: number) => `${sheet} row ${i + 2}`;
  const langs = Object.values(XLSFORM_LANGS);

  // Choices: valid list and choice names, unique within their list, labels in every language.
  const lists = new Map<string, Set<string>>();
  form.choices.forEach((c, i) => {
    const list = c.list_name ?? "";
    const place = at("choices", i);
    if (!NAME.test(list)) push(place, "XLSFORM_NAME", { kind: "list", name: list });
    if (!NAME.test(c.name ?? "")) push(place, "XLSFORM_NAME", { kind: "choice", name: String(c.name) });
    const names = lists.get(list) ?? new Set<string>();
    if (names.has(c.name!)) push(place, "XLSFORM_DUPLICATE", { kind: "choice", name: c.name!, list });
    names.add(c.name!);
    lists.set(list, names);
    for (const l of langs) if (!(c[`label::${l}`] ?? "").trim()) push(place, "XLSFORM_LABEL_MISSING", { kind: "choice", name: String(c.name), column: `label::${l}` });
  });

  // Survey: types, names, nesting.
  const names = new Map<string, { row: number; type: string }>();
  const stack: { kind: "group" | "repeat"; row: number }[] = [];
  form.survey.forEach((r, i) => {
    const type = (r.type ?? "").trim();
    const place = at("survey", i);
    if (type === "end_group" || type === "end_repeat") {
      const kind = type === "end_group" ? "group" : "repeat";
      const open = stack.pop();
      if (!open) push(place, "XLSFORM_GROUPS", { kind: "unmatched", type, open: kind });
      else if (open.kind !== kind) push(place, "XLSFORM_GROUPS", { kind: "crossed", type, open: open.kind, openRow: open.row + 2 });
      return;
    }
    const name = r.name ?? "";
    if (!NAME.test(name)) push(place, "XLSFORM_NAME", { kind: "question", name });
    else if (names.has(name)) push(place, "XLSFORM_DUPLICATE", { kind: "question", name, firstRow: names.get(name)!.row + 2 });
    names.set(name, { row: i, type });
    if (type === "begin_group" || type === "begin_repeat") {
      stack.push({ kind: type === "begin_group" ? "group" : "repeat", row: i });
    } else {
      const select = /^(select_one|select_multiple) (\S+)$/.exec(type);
      if (select) {
        if (!lists.has(select[2]!)) push(place, "XLSFORM_LIST_MISSING", { list: select[2]! });
      } else if (!BASIC_TYPES.has(type)) {
        push(place, "XLSFORM_UNKNOWN_TYPE", { type });
      }
    }
    if (type !== "calculate") for (const l of langs) if (!(r[`label::${l}`] ?? "").trim()) push(place, "XLSFORM_LABEL_MISSING", { kind: "question", name, column: `label::${l}` });
    if (r.required && r.required !== "yes" && r.required !== "no") push(place, "XLSFORM_REQUIRED", {}, ["required"]);
  });
  for (const open of stack) push(at("survey", open.row), "XLSFORM_GROUPS", { kind: "unclosed", open: open.kind });

  // Expressions: syntax, functions, and every ${ref} naming a question.
  form.survey.forEach((r, i) => {
    for (const col of ["relevant", "constraint"] as const) {
      const expr = r[col];
      if (!expr) continue;
      for (const p of checkExpression(expr, col === "constraint", (ref) => names.get(ref)?.type)) problems.push({ ...p, severity: "error", source: SOURCE, path: [col], place: at("survey", i) });
    }
    for (const col of Object.keys(r).filter((k) => k.startsWith("label::"))) {
      for (const m of (r[col] ?? "").matchAll(/\$\{([^}]*)\}/g)) if (!names.has(m[1]!)) push(at("survey", i), "XLSFORM_REFERENCE", { ref: m[1]!, kind: "none" }, [col]);
    }
  });

  const s = form.settings;
  if (!NAME.test(s.form_id ?? "")) push("settings", "XLSFORM_NAME", { kind: "form_id", name: String(s.form_id) });
  if (!(s.version ?? "").trim()) push("settings", "XLSFORM_SETTING", { kind: "empty", setting: "version" });
  if (!(s.form_title ?? "").trim()) push("settings", "XLSFORM_SETTING", { kind: "empty", setting: "form_title" });
  if (s.default_language && !langs.includes(s.default_language as (typeof langs)[number])) push("settings", "XLSFORM_SETTING", { kind: "language", value: s.default_language });
  return problems;
}

type Token = { kind: "ref" | "str" | "num" | "name" | "op" | "(" | ")" | "," | "."; text: string };

function tokenize(expr: string): Token[] | ExpressionProblem {
  const tokens: Token[] = [];
  const re = /\s*(?:(\$\{[^}]*\})|('[^']*'|"[^"]*")|(\d+(?:\.\d+)?)|(!=|<=|>=|=|<|>|\+|\*)|([()])|(,)|([A-Za-z_][A-Za-z0-9_-]*)|(\.)|(-))/y;
  let i = 0;
  while (i < expr.length) {
    if (/^\s*$/.test(expr.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(expr);
    if (!m) return coded("XLSFORM_SYNTAX", { kind: "unreadable", text: expr.slice(i, i + 15) }) as ExpressionProblem;
    i = re.lastIndex;
    if (m[1]) tokens.push({ kind: "ref", text: m[1].slice(2, -1) });
    else if (m[2]) tokens.push({ kind: "str", text: m[2] });
    else if (m[3]) tokens.push({ kind: "num", text: m[3] });
    else if (m[4] || m[9]) tokens.push({ kind: "op", text: (m[4] ?? m[9])! });
    else if (m[5]) tokens.push({ kind: m[5] as "(" | ")", text: m[5] });
    else if (m[6]) tokens.push({ kind: ",", text: "," });
    else if (m[7]) tokens.push({ kind: ["and", "or", "div", "mod"].includes(m[7]) ? "op" : "name", text: m[7] });
    else tokens.push({ kind: ".", text: "." });
  }
  return tokens;
}

/** Problems with an XPath expression as XLSForm allows it (a subset: what our forms use). */
export function checkExpression(expr: string, isConstraint: boolean, typeOfRef: (name: string) => string | undefined): ExpressionProblem[] {
  const problems: ExpressionProblem[] = [];
  const add = <C extends ExpressionProblem["code"]>(code: C, args: ProblemArgs[C]) => problems.push(coded(code, args) as ExpressionProblem);
  const stop = <C extends ExpressionProblem["code"]>(code: C, args: ProblemArgs[C]) => new Stop(coded(code, args) as ExpressionProblem);
  const tokens = tokenize(expr);
  if (!Array.isArray(tokens)) return [tokens];
  let p = 0;
  const peek = () => tokens[p];
  const expect = (kind: Token["kind"]) => {
    if (peek()?.kind !== kind) throw stop("XLSFORM_SYNTAX", { kind: "expected", expected: kind, found: peek()?.text ?? "end" });
    return tokens[p++]!;
  };
  const binary = (ops: string[], next: () => void) => () => {
    next();
    while (peek()?.kind === "op" && ops.includes(peek()!.text)) {
      p++;
      next();
    }
  };
  const primary = (): void => {
    const t = peek();
    if (!t) throw stop("XLSFORM_SYNTAX", { kind: "ends_early" });
    if (t.kind === "op" && t.text === "-") {
      p++;
      return primary();
    }
    p++;
    if (t.kind === "num" || t.kind === "str") return;
    if (t.kind === "ref") {
      const type = typeOfRef(t.text);
      if (type === undefined) add("XLSFORM_REFERENCE", { ref: t.text, kind: "none" });
      else if (type.startsWith("begin_")) add("XLSFORM_REFERENCE", { ref: t.text, kind: "group" });
      return;
    }
    if (t.kind === ".") {
      if (!isConstraint) add("XLSFORM_CURRENT", {});
      return;
    }
    if (t.kind === "(") {
      orExpr();
      expect(")");
      return;
    }
    if (t.kind === "name") {
      const arity = FUNCTIONS[t.text];
      if (!arity) throw stop("XLSFORM_FUNCTION", { kind: "unknown", name: t.text });
      expect("(");
      let args = 0;
      const first = p;
      if (peek()?.kind !== ")") {
        orExpr();
        args++;
        while (peek()?.kind === ",") {
          p++;
          orExpr();
          args++;
        }
      }
      expect(")");
      if (args < arity[0] || args > arity[1]) add("XLSFORM_FUNCTION", { kind: "arity", name: t.text, takes: arity[0], given: args });
      if (t.text === "selected" || t.text === "count-selected") {
        const arg = tokens[first];
        const type = arg?.kind === "ref" ? typeOfRef(arg.text) : arg?.kind === "." ? "." : undefined;
        if (type !== "." && !type?.startsWith("select_multiple")) add("XLSFORM_FUNCTION", { kind: "select_multiple", name: t.text });
      }
      return;
    }
    throw stop("XLSFORM_SYNTAX", { kind: "unexpected", token: t.text });
  };
  const cmp = binary(["=", "!=", "<", "<=", ">", ">="], binary(["+", "-"], binary(["*", "div", "mod"], primary)));
  const andExpr = binary(["and"], cmp);
  const orExpr = binary(["or"], andExpr);
  try {
    orExpr();
    if (p < tokens.length) throw stop("XLSFORM_SYNTAX", { kind: "unexpected", token: tokens[p]!.text });
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    problems.push(e.problem);
  }
  return problems;
}
