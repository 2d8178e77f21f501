// The structural rules of the XLSForm spec, checked on our own: pyxform (the reference
// converter) is a Python package not reachable here, so this is the guard. Rules follow
// xlsform.org and pyxform's documented errors: names, lists, groups, references, syntax.
import type { XlsForm } from "./xlsform.js";
import { XLSFORM_LANGS } from "./xlsform.js";

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

export function checkXlsForm(form: XlsForm): string[] {
  const problems: string[] = [];
  const at = (sheet: string, i: number) => `${sheet} row ${i + 2}`;
  const langs = Object.values(XLSFORM_LANGS);

  // Choices: valid list and choice names, unique within their list, labels in every language.
  const lists = new Map<string, Set<string>>();
  form.choices.forEach((c, i) => {
    const list = c.list_name ?? "";
    if (!NAME.test(list)) problems.push(`${at("choices", i)}: list_name "${list}" is not a valid name`);
    if (!NAME.test(c.name ?? "")) problems.push(`${at("choices", i)}: choice name "${c.name}" is not a valid name (no spaces; start with a letter or _)`);
    const names = lists.get(list) ?? new Set<string>();
    if (names.has(c.name!)) problems.push(`${at("choices", i)}: choice "${c.name}" appears twice in list ${list}`);
    names.add(c.name!);
    lists.set(list, names);
    for (const l of langs) if (!(c[`label::${l}`] ?? "").trim()) problems.push(`${at("choices", i)}: choice "${c.name}" has no label::${l}`);
  });

  // Survey: types, names, nesting.
  const names = new Map<string, { row: number; type: string }>();
  const stack: { kind: "group" | "repeat"; row: number }[] = [];
  form.survey.forEach((r, i) => {
    const type = (r.type ?? "").trim();
    if (type === "end_group" || type === "end_repeat") {
      const kind = type === "end_group" ? "group" : "repeat";
      const open = stack.pop();
      if (!open) problems.push(`${at("survey", i)}: ${type} without a matching begin_${kind}`);
      else if (open.kind !== kind) problems.push(`${at("survey", i)}: ${type} closes the begin_${open.kind} of ${at("survey", open.row)}`);
      return;
    }
    const name = r.name ?? "";
    if (!NAME.test(name)) problems.push(`${at("survey", i)}: name "${name}" is not a valid name`);
    else if (names.has(name)) problems.push(`${at("survey", i)}: name "${name}" is already used in ${at("survey", names.get(name)!.row)}`);
    names.set(name, { row: i, type });
    if (type === "begin_group" || type === "begin_repeat") {
      stack.push({ kind: type === "begin_group" ? "group" : "repeat", row: i });
    } else {
      const select = /^(select_one|select_multiple) (\S+)$/.exec(type);
      if (select) {
        if (!lists.has(select[2]!)) problems.push(`${at("survey", i)}: list "${select[2]}" is not in the choices sheet`);
      } else if (!BASIC_TYPES.has(type)) {
        problems.push(`${at("survey", i)}: unknown type "${type}"`);
      }
    }
    if (type !== "calculate") for (const l of langs) if (!(r[`label::${l}`] ?? "").trim()) problems.push(`${at("survey", i)}: "${name}" has no label::${l}`);
    if (r.required && r.required !== "yes" && r.required !== "no") problems.push(`${at("survey", i)}: required must be yes or no`);
  });
  for (const open of stack) problems.push(`${at("survey", open.row)}: begin_${open.kind} is never closed`);

  // Expressions: syntax, functions, and every ${ref} naming a question.
  form.survey.forEach((r, i) => {
    for (const col of ["relevant", "constraint"] as const) {
      const expr = r[col];
      if (!expr) continue;
      for (const p of checkExpression(expr, col === "constraint", (ref) => names.get(ref)?.type)) problems.push(`${at("survey", i)} ${col}: ${p}`);
    }
    for (const col of Object.keys(r).filter((k) => k.startsWith("label::"))) {
      for (const m of (r[col] ?? "").matchAll(/\$\{([^}]*)\}/g)) if (!names.has(m[1]!)) problems.push(`${at("survey", i)} ${col}: \${${m[1]}} names no question`);
    }
  });

  const s = form.settings;
  if (!NAME.test(s.form_id ?? "")) problems.push(`settings: form_id "${s.form_id}" is not a valid name`);
  if (!(s.version ?? "").trim()) problems.push("settings: version is empty");
  if (!(s.form_title ?? "").trim()) problems.push("settings: form_title is empty");
  if (s.default_language && !langs.includes(s.default_language as (typeof langs)[number])) problems.push(`settings: default_language "${s.default_language}" is not one of the form's languages`);
  return problems;
}

type Token = { kind: "ref" | "str" | "num" | "name" | "op" | "(" | ")" | "," | "."; text: string };

function tokenize(expr: string): Token[] | string {
  const tokens: Token[] = [];
  const re = /\s*(?:(\$\{[^}]*\})|('[^']*'|"[^"]*")|(\d+(?:\.\d+)?)|(!=|<=|>=|=|<|>|\+|\*)|([()])|(,)|([A-Za-z_][A-Za-z0-9_-]*)|(\.)|(-))/y;
  let i = 0;
  while (i < expr.length) {
    if (/^\s*$/.test(expr.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(expr);
    if (!m) return `cannot read "${expr.slice(i, i + 15)}"`;
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
export function checkExpression(expr: string, isConstraint: boolean, typeOfRef: (name: string) => string | undefined): string[] {
  const problems: string[] = [];
  const tokens = tokenize(expr);
  if (typeof tokens === "string") return [tokens];
  let p = 0;
  const peek = () => tokens[p];
  const expect = (kind: Token["kind"]) => {
    if (peek()?.kind !== kind) throw new Error(`expected ${kind} at "${peek()?.text ?? "end"}"`);
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
    if (!t) throw new Error("the expression ends too early");
    if (t.kind === "op" && t.text === "-") {
      p++;
      return primary();
    }
    p++;
    if (t.kind === "num" || t.kind === "str") return;
    if (t.kind === "ref") {
      const type = typeOfRef(t.text);
      if (type === undefined) problems.push(`\${${t.text}} names no question`);
      else if (type.startsWith("begin_")) problems.push(`\${${t.text}} names a group, not a question`);
      return;
    }
    if (t.kind === ".") {
      if (!isConstraint) problems.push('"." (the current answer) is only meaningful in a constraint');
      return;
    }
    if (t.kind === "(") {
      orExpr();
      expect(")");
      return;
    }
    if (t.kind === "name") {
      const arity = FUNCTIONS[t.text];
      if (!arity) throw new Error(`unknown function ${t.text}()`);
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
      if (args < arity[0] || args > arity[1]) problems.push(`${t.text}() takes ${arity[0]} argument(s), not ${args}`);
      if (t.text === "selected" || t.text === "count-selected") {
        const arg = tokens[first];
        const type = arg?.kind === "ref" ? typeOfRef(arg.text) : arg?.kind === "." ? "." : undefined;
        if (type !== "." && !type?.startsWith("select_multiple")) problems.push(`${t.text}() applies to a select_multiple question`);
      }
      return;
    }
    throw new Error(`unexpected "${t.text}"`);
  };
  const cmp = binary(["=", "!=", "<", "<=", ">", ">="], binary(["+", "-"], binary(["*", "div", "mod"], primary)));
  const andExpr = binary(["and"], cmp);
  const orExpr = binary(["or"], andExpr);
  try {
    orExpr();
    if (p < tokens.length) throw new Error(`unexpected "${tokens[p]!.text}"`);
  } catch (e) {
    problems.push((e as Error).message);
  }
  return problems;
}
