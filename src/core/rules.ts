// Rules a JSON Schema cannot express. Each rule reads the modules and pushes problems;
// nothing throws, so a module author sees every problem at once.
import { isChoice, isScored, optionsOf } from "./model.js";
import type { Condition, GlossaryTerm, Module, Question, Scale, Scope } from "./model.js";
import { problem } from "./problems.js";
import type { DocPath, Problem } from "./problems.js";
import { checkText } from "./rule-kit.js";
import type { Push } from "./rule-kit.js";
import { checkGates, checkGlossary, checkLevelWording, checkRecommendationWording } from "./rules-content.js";
import type { Checked } from "./rules-content.js";
import { checkScales } from "./scales.js";
import { checkLevelSets, checkOptions, checkRangeAndBands } from "./rules-scoring.js";
import type { CheckWhen } from "./rules-scoring.js";

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

/** What is loaded beside the modules: the shared scales and the Thai glossary, each with its file. */
export interface Companions {
  scales?: { source: string; scales: Scale[] };
  glossary?: { source: string; terms: GlossaryTerm[] };
}

interface Ctx {
  problems: Problem[];
  /** Every question of every module, for cross-module checks. */
  all: Map<string, Seen[]>;
  modules: Map<string, ModuleSource>;
  scaleIds: ReadonlySet<string>;
}

/** A push that reports problems in one file. */
function pushTo(problems: Problem[], source: string): Push {
  return (code, args, path, severity) => problems.push(problem(code, args, source, path, severity));
}

export function checkModules(sources: readonly ModuleSource[], companions: Companions = {}): Problem[] {
  const { scales, glossary } = companions;
  const ctx: Ctx = { problems: [], all: new Map(), modules: new Map(), scaleIds: new Set(scales?.scales.map((s) => s.id)) };
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
  const checked = sources.map((s) => {
    const questions: Checked["questions"] = [];
    forEachQuestion(s, (question, path) => questions.push({ question, path }));
    return { module: s.module.id, source: s.source, questions, push: pushTo(ctx.problems, s.source) };
  });
  checkGates(checked);
  checkLevelWording(checked);
  if (scales) {
    const push = pushTo(ctx.problems, scales.source);
    checkScales(push, scales.scales);
    checkRecommendationWording(push, scales.scales, ["scales"]);
    if (glossary) checkGlossary(push, scales.scales, ["scales"], glossary.terms);
  }
  for (const c of checked) {
    const m = ctx.modules.get(c.module);
    if (m?.source !== c.source) continue;
    checkRecommendationWording(c.push, m.module, []);
    if (glossary) checkGlossary(c.push, m.module, [], glossary.terms);
  }
  return ctx.problems;
}

function forEachQuestion(s: ModuleSource, fn: (q: Question, path: DocPath, scope: Scope) => void): void {
  s.module.sections.forEach((section, si) => {
    section.questions.forEach((q, qi) => fn(q, ["sections", si, "questions", qi], section.scope));
  });
}

function checkModule(ctx: Ctx, s: ModuleSource): void {
  const { module: m, source } = s;
  const push = pushTo(ctx.problems, source);

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
      const checkWhen = (c: Condition, path: DocPath) => checkCondition(push, c, path, section.scope, earlier, ctx, q.id);
      checkQuestion(push, q, qpath, sourceIds, checkWhen);
      if (q.scale !== undefined && !ctx.scaleIds.has(q.scale)) push("UNKNOWN_SCALE", { scale: q.scale }, [...qpath, "scale"]);
      if (q.when) checkWhen(q.when, [...qpath, "when"]);
      earlier.set(q.id, { scope: section.scope, question: q });
    });
  });
}

function checkQuestion(push: Push, q: Question, path: DocPath, sourceIds: Set<string>, checkWhen: CheckWhen): void {
  checkText(push, q.label, [...path, "label"]);
  checkText(push, q.help, [...path, "help"]);
  if (q.recommendation) checkText(push, q.recommendation, [...path, "recommendation"]);
  if (q.unit) checkText(push, q.unit, [...path, "unit"]);
  (q.sources ?? []).forEach((id, i) => {
    if (!sourceIds.has(id)) push("UNKNOWN_SOURCE", { id }, [...path, "sources", i]);
  });
  if (q.scale !== undefined && q.type !== "single_choice" && q.type !== "multiple_choice") push("SCALE_NOT_ALLOWED", { type: q.type }, [...path, "scale"]);
  if (q.options) checkOptions(push, q, path);
  if (q.level_sets) checkLevelSets(push, q, path, checkWhen);
  if (q.type === "number" || q.type === "date") checkRangeAndBands(push, q, path, checkWhen);
  if (isScored(q) && (q.type === "number" || q.type === "date") && !q.bands) {
    push("SCORED_WITHOUT_BANDS", { type: q.type }, [...path, "dimension"]);
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
