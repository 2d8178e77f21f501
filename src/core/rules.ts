// Rules a JSON Schema cannot express. Each rule reads the modules and pushes problems;
// nothing throws, so a module author sees every problem at once.
import { DONT_KNOW, NOT_APPLICABLE, isChoice, isScored, optionsOf } from "./model.js";
import type { Band, Condition, Module, Question, Scope, Text } from "./model.js";
import { problem } from "./problems.js";
import type { DocPath, Problem, ProblemArgs, ProblemCode } from "./problems.js";

export interface ModuleSource {
  /** Where the module came from (a file path), used in every problem. */
  source: string;
  module: Module;
}

interface Seen {
  source: string;
  path: DocPath;
  moduleId: string;
  scope: Scope;
  question: Question;
}

interface Ctx {
  problems: Problem[];
  /** Every question of every module, for cross-module checks. */
  all: Map<string, Seen[]>;
  modules: Map<string, ModuleSource>;
}

const THAI = /[\u0E00-\u0E7F]/;

export function checkModules(sources: readonly ModuleSource[]): Problem[] {
  const ctx: Ctx = { problems: [], all: new Map(), modules: new Map() };
  for (const s of sources) {
    const prior = ctx.modules.get(s.module.id);
    if (prior) {
      ctx.problems.push(problem("DUPLICATE_MODULE", { module: s.module.id, other: prior.source }, s.source, ["id"]));
    } else {
      ctx.modules.set(s.module.id, s);
    }
    forEachQuestion(s, (q, path, scope) => {
      const list = ctx.all.get(q.id) ?? [];
      list.push({ source: s.source, path, moduleId: s.module.id, scope, question: q });
      ctx.all.set(q.id, list);
    });
  }
  for (const [id, seen] of ctx.all) {
    for (const dup of seen.slice(1)) {
      const first = seen[0]!;
      ctx.problems.push(problem("DUPLICATE_QUESTION_ID", { question: id, other: first.source, otherModule: first.moduleId }, dup.source, [...dup.path, "id"]));
    }
  }
  for (const s of sources) checkModule(ctx, s);
  return ctx.problems;
}

function forEachQuestion(s: ModuleSource, fn: (q: Question, path: DocPath, scope: Scope) => void): void {
  s.module.sections.forEach((section, si) => {
    section.questions.forEach((q, qi) => fn(q, ["sections", si, "questions", qi], section.scope));
  });
}

function checkModule(ctx: Ctx, s: ModuleSource): void {
  const { module: m, source } = s;
  const push: Push = (code, args, path) => ctx.problems.push(problem(code, args, source, path));

  checkText(push, m.title, ["title"]);
  checkText(push, m.description, ["description"]);

  (m.requires ?? []).forEach((req, i) => {
    if (req === m.id) push("REQUIRES_SELF", { module: m.id }, ["requires", i]);
    else if (!ctx.modules.has(req)) push("UNKNOWN_REQUIRED_MODULE", { module: req }, ["requires", i]);
  });

  const sourceIds = new Set<string>();
  m.sources.forEach((src, i) => {
    if (sourceIds.has(src.id)) push("DUPLICATE_SOURCE_ID", { id: src.id }, ["sources", i, "id"]);
    sourceIds.add(src.id);
  });

  const sectionIds = new Set<string>();
  // Questions asked before the current one: in required modules, then earlier in this module.
  const earlier = new Map<string, { scope: Scope; question: Question }>();
  for (const req of m.requires ?? []) {
    const rs = ctx.modules.get(req);
    if (!rs || req === m.id) continue;
    for (const sec of rs.module.sections) for (const q of sec.questions) earlier.set(q.id, { scope: sec.scope, question: q });
  }

  m.sections.forEach((section, si) => {
    const spath: DocPath = ["sections", si];
    if (sectionIds.has(section.id)) push("DUPLICATE_SECTION_ID", { section: section.id }, [...spath, "id"]);
    sectionIds.add(section.id);
    checkText(push, section.title, [...spath, "title"]);
    if (section.description) checkText(push, section.description, [...spath, "description"]);

    section.questions.forEach((q, qi) => {
      const qpath: DocPath = [...spath, "questions", qi];
      checkQuestion(push, q, qpath, sourceIds);
      if (q.when) checkCondition(push, q.when, [...qpath, "when"], section.scope, earlier, ctx, q.id);
      earlier.set(q.id, { scope: section.scope, question: q });
    });
  });
}

type Push = <C extends ProblemCode>(code: C, args: ProblemArgs[C], path: DocPath) => void;

function checkText(push: Push, text: Text, path: DocPath): void {
  if (text.en.trim() === "") push("BLANK_TEXT", { lang: "en" }, [...path, "en"]);
  if (text.th.trim() === "") push("BLANK_TEXT", { lang: "th" }, [...path, "th"]);
  else if (!THAI.test(text.th)) push("THAI_MISSING", { text: text.th.slice(0, 40) }, [...path, "th"]);
}

function checkQuestion(push: Push, q: Question, path: DocPath, sourceIds: Set<string>): void {
  checkText(push, q.label, [...path, "label"]);
  checkText(push, q.help, [...path, "help"]);
  if (q.recommendation) checkText(push, q.recommendation, [...path, "recommendation"]);
  if (q.unit) checkText(push, q.unit, [...path, "unit"]);
  (q.sources ?? []).forEach((id, i) => {
    if (!sourceIds.has(id)) push("UNKNOWN_SOURCE", { id }, [...path, "sources", i]);
  });
  if (q.options) checkOptions(push, q, path);
  if (q.type === "number" || q.type === "date") checkRangeAndBands(push, q, path);
  if (isScored(q) && (q.type === "number" || q.type === "date") && !q.bands) {
    push("SCORED_WITHOUT_BANDS", { type: q.type }, [...path, "dimension"]);
  }
}

function checkOptions(push: Push, q: Question, path: DocPath): void {
  const given = q.options ?? [];
  const values = new Set<string>();
  given.forEach((o, i) => {
    const opath: DocPath = [...path, "options", i];
    if (values.has(o.value)) push("DUPLICATE_OPTION", { value: o.value }, [...opath, "value"]);
    values.add(o.value);
    if (o.value === DONT_KNOW || o.value === NOT_APPLICABLE) {
      push("RESERVED_OPTION", { value: o.value }, [...opath, "value"]);
    }
    if (o.label) checkText(push, o.label, [...opath, "label"]);
    else if (q.type !== "yes_no") push("OPTION_LABEL_MISSING", {}, opath);
    if (o.recommendation) checkText(push, o.recommendation, [...opath, "recommendation"]);
    if (q.type !== "multiple_choice" && (o.weight !== undefined || o.exclusive !== undefined)) {
      push("WEIGHT_NOT_ALLOWED", {}, opath);
    }
    if (q.type === "multiple_choice" && o.level !== undefined) {
      push("LEVEL_NOT_ALLOWED", {}, [...opath, "level"]);
    }
    if (q.type === "multiple_choice" && o.exclusive && o.weight !== undefined) {
      push("EXCLUSIVE_WEIGHT", {}, [...opath, "weight"]);
    }
  });

  if (q.type === "yes_no") {
    const ok = given.length === 2 && values.has("yes") && values.has("no");
    if (!ok) push("YES_NO_OPTIONS", {}, [...path, "options"]);
  }

  if (!isScored(q)) {
    given.forEach((o, i) => {
      if (o.level !== undefined || o.weight !== undefined) {
        push("UNSCORED_LEVEL", { on: "options" }, [...path, "options", i]);
      }
    });
    return;
  }

  if (q.type === "single_choice" || q.type === "yes_no") {
    const opts = optionsOf(q);
    let top = -1;
    opts.forEach((o) => (top = Math.max(top, o.level ?? -1)));
    given.forEach((o, i) => {
      if (o.level === undefined) push("LEVEL_MISSING", {}, [...path, "options", i]);
    });
    opts.forEach((o) => {
      if (o.level !== undefined && o.level < top && !o.recommendation && !q.recommendation) {
        const i = given.findIndex((g) => g.value === o.value);
        push("RECOMMENDATION_MISSING", { of: "option", value: o.value }, i >= 0 ? [...path, "options", i] : path);
      }
    });
  } else if (q.type === "multiple_choice") {
    const practices = given.filter((o) => !o.exclusive);
    if (practices.length === 0) push("NO_PRACTICES", {}, [...path, "options"]);
    given.forEach((o, i) => {
      if (!o.exclusive && !o.recommendation && !q.recommendation) {
        push("RECOMMENDATION_MISSING", { of: "practice", value: o.value }, [...path, "options", i]);
      }
    });
  }
}

function checkRangeAndBands(push: Push, q: Question, path: DocPath): void {
  const isDate = q.type === "date";
  for (const key of ["min", "max"] as const) {
    const v = q[key];
    if (v === undefined) continue;
    const ok = isDate ? typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) : typeof v === "number";
    if (!ok) push("BAD_RANGE", { rule: isDate ? "date_limit" : "number_limit" }, [...path, key]);
  }
  if (isDate && q.integer !== undefined) push("BAD_RANGE", { rule: "integer_on_date" }, [...path, "integer"]);
  if (!q.bands) return;
  if (!isScored(q)) push("UNSCORED_LEVEL", { on: "bands" }, [...path, "bands"]);
  const [lo, hi] = isDate ? (["min_months", "max_months"] as const) : (["min", "max"] as const);
  const intervals: { lo: number; hi: number; i: number }[] = [];
  const top = Math.max(...q.bands.map((b) => b.level));
  q.bands.forEach((b: Band, i) => {
    const bpath: DocPath = [...path, "bands", i];
    const wrong = isDate ? b.min !== undefined || b.max !== undefined : b.min_months !== undefined || b.max_months !== undefined;
    if (wrong) push("BAD_BAND", { rule: isDate ? "date_keys" : "number_keys" }, bpath);
    const l = b[lo] ?? -Infinity;
    const h = b[hi] ?? Infinity;
    if (!(l < h)) push("BAD_BAND", { rule: "empty", from: lo, to: hi }, bpath);
    intervals.push({ lo: l, hi: h, i });
    if (b.label) checkText(push, b.label, [...bpath, "label"]);
    if (b.recommendation) checkText(push, b.recommendation, [...bpath, "recommendation"]);
    if (b.level < top && !b.recommendation && !q.recommendation) {
      push("RECOMMENDATION_MISSING", { of: "band" }, bpath);
    }
  });
  intervals.sort((a, b) => a.lo - b.lo);
  for (let k = 1; k < intervals.length; k++) {
    if (intervals[k]!.lo < intervals[k - 1]!.hi) push("BAND_OVERLAP", {}, [...path, "bands", intervals[k]!.i]);
  }
}

function checkCondition(
  push: Push,
  c: Condition,
  path: DocPath,
  scope: Scope,
  earlier: Map<string, { scope: Scope; question: Question }>,
  ctx: Ctx,
  self: string,
): void {
  if ("all" in c) return c.all.forEach((x, i) => checkCondition(push, x, [...path, "all", i], scope, earlier, ctx, self));
  if ("any" in c) return c.any.forEach((x, i) => checkCondition(push, x, [...path, "any", i], scope, earlier, ctx, self));
  if ("not" in c) return checkCondition(push, c.not, [...path, "not"], scope, earlier, ctx, self);

  const target = earlier.get(c.question);
  if (!target) {
    const why = c.question === self ? "itself" : ctx.all.has(c.question) ? "later" : "unknown";
    push("DANGLING_CONDITION", { question: c.question, why }, [...path, "question"]);
    return;
  }
  if (!isChoice(target.question)) {
    push("CONDITION_TYPE", { question: c.question, type: target.question.type }, [...path, "question"]);
    return;
  }
  if (scope === "institution" && target.scope === "dataset") {
    push("CONDITION_SCOPE", { question: c.question }, [...path, "question"]);
  }
  const values = new Set(optionsOf(target.question).map((o) => o.value));
  c.in.forEach((v, i) => {
    if (!values.has(v)) push("UNKNOWN_CONDITION_VALUE", { question: c.question, value: v, values: [...values] }, [...path, "in", i]);
  });
}
