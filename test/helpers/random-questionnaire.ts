// fast-check arbitraries for the property tests of the scoring method: small random modules
// that pass the module rules, and random answer sets for them. Modules are generated as raw
// numbers first and built afterwards, so that every condition looks back whatever the numbers.
import fc from "fast-check";
import type { Answer, AnswerSet, AnswerValue, DatasetAnswers } from "../../src/core/answers.js";
import { DIMENSIONS, DONT_KNOW, NOT_APPLICABLE, PRIORITIES, isChoice, optionsOf } from "../../src/core/model.js";
import type { Band, Condition, Module, Option, Question, Scope } from "../../src/core/model.js";
import type { Questionnaire } from "../../src/core/questionnaire.js";

export const ASSESSMENT_DATE = "2026-11-20";

const t = (en: string) => ({ en, th: `ไทย ${en}` });

/** A question without its place: id, label, help and condition are given when it is placed. */
type Body = Omit<Question, "id" | "label" | "help" | "when">;

/** A condition in raw numbers: `ref` picks an earlier choice question, `pick` its values. */
type RawCondition = { ref: number; pick: number[] } | { all: RawCondition[] } | { any: RawCondition[] } | { not: RawCondition };

const scoredAttrs = fc.record({ dimension: fc.constantFrom(...DIMENSIONS), priority: fc.constantFrom(...PRIORITIES) });
const level = fc.integer({ min: 0, max: 4 });
const REC = { recommendation: t("improve") };

const singleChoiceScored: fc.Arbitrary<Body> = fc.tuple(scoredAttrs, fc.array(level, { minLength: 2, maxLength: 4 })).map(([s, levels]) => ({
  type: "single_choice" as const,
  ...s,
  ...REC,
  options: levels.map((l, i) => ({ value: `o${i}`, label: t(`o${i}`), level: l })),
}));
const singleChoice: fc.Arbitrary<Body> = fc.oneof(
  singleChoiceScored,
  // Unscored context question: no levels; others' conditions may still test it.
  fc.integer({ min: 2, max: 4 }).map((n) => ({ type: "single_choice" as const, options: Array.from({ length: n }, (_, i) => ({ value: `o${i}`, label: t(`o${i}`) })) })),
);

const yesNoScored: fc.Arbitrary<Body> = fc.oneof(
  scoredAttrs.map((s) => ({ type: "yes_no" as const, ...s, ...REC })),
  // Listed yes/no may carry any levels, such as the reversed "no is best".
  fc.tuple(scoredAttrs, level, level).map(([s, yes, no]) => ({ type: "yes_no" as const, ...s, ...REC, options: [{ value: "yes", level: yes }, { value: "no", level: no }] })),
);
const yesNo: fc.Arbitrary<Body> = fc.oneof(yesNoScored, fc.constant({ type: "yes_no" as const }));

const multipleChoiceOf = (scored: fc.Arbitrary<Pick<Question, "dimension" | "priority"> | undefined>): fc.Arbitrary<Body> =>
  fc.tuple(scored, fc.array(fc.constantFrom(undefined, 0.5, 1, 1.5, 2, 3), { minLength: 1, maxLength: 4 }), fc.boolean()).map(([s, weights, none]) => {
    const options: Option[] = weights.map((w, i) => ({ value: `p${i}`, label: t(`p${i}`), ...(s && w !== undefined ? { weight: w } : {}) }));
    // The schema asks for two options at least: a lone practice gets a "none" beside it.
    if (none || options.length < 2) options.push({ value: "none", label: t("none"), exclusive: true });
    return { type: "multiple_choice" as const, ...(s ? { ...s, ...REC } : {}), options };
  });
const multipleChoice = multipleChoiceOf(fc.option(scoredAttrs, { nil: undefined }));

/** Bands between sorted cut points, optionally open at either end, with holes (out of bands). */
const bandsArb = (lo: "min" | "min_months", hi: "max" | "max_months", maxCut: number) =>
  fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 0, max: maxCut }), { minLength: 1, maxLength: 4 }),
      fc.array(fc.tuple(level, fc.boolean()), { minLength: 5, maxLength: 5 }),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([rawCuts, spec, openLow, openHigh]) => {
      const cuts = [...rawCuts].sort((a, b) => a - b);
      const band = (from: number | undefined, to: number | undefined, l: number): Band => ({
        ...(from === undefined ? {} : { [lo]: from }),
        ...(to === undefined ? {} : { [hi]: to }),
        level: l,
      });
      const bands: Band[] = [];
      if (openLow) bands.push(band(undefined, cuts[0], spec[0]![0]));
      for (let i = 0; i + 1 < cuts.length; i++) if (spec[i + 1]![1] || bands.length === 0) bands.push(band(cuts[i], cuts[i + 1], spec[i + 1]![0]));
      if (openHigh || bands.length === 0) bands.push(band(cuts[cuts.length - 1], undefined, spec[4]![0]));
      return bands;
    });

const numberQ: fc.Arbitrary<Body> = fc.oneof(
  fc
    .tuple(scoredAttrs, bandsArb("min", "max", 100), fc.boolean(), fc.option(fc.constantFrom(60, 150), { nil: undefined }), fc.boolean())
    .map(([s, bands, withMin, max, integer]) => ({
      type: "number" as const,
      ...s,
      ...REC,
      bands,
      ...(withMin ? { min: 0 } : {}),
      ...(max !== undefined ? { max } : {}),
      ...(integer ? { integer: true } : {}),
    })),
  fc.constant({ type: "number" as const, min: 0, integer: true }),
);

const dateQ: fc.Arbitrary<Body> = fc.oneof(
  fc.tuple(scoredAttrs, bandsArb("min_months", "max_months", 48)).map(([s, bands]) => ({ type: "date" as const, ...s, ...REC, bands })),
  fc.constant({ type: "date" as const }),
);

const textQ: fc.Arbitrary<Body> = fc.constant({ type: "text" as const });

const body: fc.Arbitrary<Body> = fc.oneof(
  { arbitrary: singleChoice, weight: 4 },
  { arbitrary: yesNo, weight: 3 },
  { arbitrary: multipleChoice, weight: 3 },
  { arbitrary: numberQ, weight: 1 },
  { arbitrary: dateQ, weight: 1 },
  { arbitrary: textQ, weight: 1 },
);

const leaf: fc.Arbitrary<RawCondition> = fc.record({ ref: fc.nat({ max: 12 }), pick: fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 3 }) });
const rawCondition = (depth: number): fc.Arbitrary<RawCondition> =>
  depth === 0
    ? leaf
    : fc.oneof(
        { arbitrary: leaf, weight: 4 },
        { arbitrary: fc.array(rawCondition(depth - 1), { minLength: 1, maxLength: 3 }).map((all) => ({ all })), weight: 1 },
        { arbitrary: fc.array(rawCondition(depth - 1), { minLength: 1, maxLength: 3 }).map((any) => ({ any })), weight: 1 },
        { arbitrary: rawCondition(depth - 1).map((not) => ({ not })), weight: 1 },
      );

interface RawQuestion {
  body: Body;
  condition: RawCondition | undefined;
}
interface RawModule {
  institution: RawQuestion[];
  dataset: RawQuestion[] | undefined;
  requiresFirst: boolean;
}
const rawModuleOf = (b: fc.Arbitrary<Body>, conditions: boolean): fc.Arbitrary<RawModule> => {
  const rawQuestion: fc.Arbitrary<RawQuestion> = fc.record({ body: b, condition: conditions ? fc.option(rawCondition(2), { freq: 2, nil: undefined }) : fc.constant(undefined) });
  const rawSection = fc.array(rawQuestion, { minLength: 1, maxLength: 8 });
  return fc.record({ institution: rawSection, dataset: fc.option(rawSection, { nil: undefined }), requiresFirst: fc.boolean() });
};

/** Turns a raw condition into one on the candidates (most recent first), or none if there are none. */
function resolve(raw: RawCondition, candidates: readonly Question[]): Condition | undefined {
  if (candidates.length === 0) return undefined;
  if ("all" in raw) return { all: raw.all.map((c) => resolve(c, candidates)!) };
  if ("any" in raw) return { any: raw.any.map((c) => resolve(c, candidates)!) };
  if ("not" in raw) return { not: resolve(raw.not, candidates)! };
  // Counting back from the latest makes chains (a condition on a conditional question) common.
  const target = candidates[candidates.length - 1 - (raw.ref % candidates.length)]!;
  const values = optionsOf(target).map((o) => o.value);
  return { question: target.id, in: [...new Set(raw.pick.map((p) => values[p % values.length]!))] };
}

function buildModules(raws: RawModule[]): Module[] {
  const modules: Module[] = [];
  raws.forEach((raw, mi) => {
    const id = `m${mi}`;
    const requires = mi > 0 && raw.requiresFirst ? ["m0"] : [];
    // Conditions look back: at a required module's institution questions, then earlier ones here;
    // a dataset question also at earlier questions of its own dataset section.
    const institutionChoices: Question[] = requires.length ? modules[0]!.sections[0]!.questions.filter(isChoice) : [];
    const place = (scope: Scope, list: RawQuestion[]) => {
      const own: Question[] = [];
      return list.map((rq, qi) => {
        const qid = `${id}_${scope === "institution" ? "q" : "d"}${qi}`;
        const when = rq.condition ? resolve(rq.condition, [...institutionChoices, ...own]) : undefined;
        const q: Question = { id: qid, label: t(qid), help: t(`help ${qid}`), ...rq.body, ...(when ? { when } : {}) };
        if (isChoice(q)) own.push(q);
        return q;
      });
    };
    const sections: Module["sections"] = [{ id: "inst", title: t("Institution"), scope: "institution", questions: place("institution", raw.institution) }];
    institutionChoices.push(...sections[0]!.questions.filter(isChoice));
    if (raw.dataset) sections.push({ id: "ds", title: t("Datasets"), scope: "dataset", questions: place("dataset", raw.dataset) });
    modules.push({
      id,
      version: "1.0.0",
      title: t(id),
      description: t(id),
      themes: [id],
      ...(requires.length ? { requires } : {}),
      sources: [{ id: "src", citation: "A source" }],
      sections,
    });
  });
  return modules;
}

/** One or two modules, the second possibly requiring the first and testing its questions. */
export const modulesArb: fc.Arbitrary<Module[]> = fc.array(rawModuleOf(body, true), { minLength: 1, maxLength: 2 }).map(buildModules);

/**
 * Scored choice questions only, without conditions: many gaps a case, so that the ranking
 * often meets keys equal in exact arithmetic (weights 0.5 and 1.5, means over three datasets).
 */
export const gapModulesArb: fc.Arbitrary<Module[]> = fc
  .array(rawModuleOf(fc.oneof(singleChoiceScored, yesNoScored, multipleChoiceOf(scoredAttrs)), false), { minLength: 1, maxLength: 2 })
  .map(buildModules);

export interface AnswerLimits {
  /** A form cannot hold don't know or not applicable in a number or date field. */
  formOnly?: boolean;
  /** Nearly every question answered with a value: many scored cells. */
  dense?: boolean;
}

const ISO = (d: Date) => d.toISOString().slice(0, 10);

/** A valid value for a question (never a special answer). */
export function valueArb(q: Question): fc.Arbitrary<AnswerValue> {
  const opts = optionsOf(q);
  switch (q.type) {
    case "single_choice":
    case "yes_no":
      return fc.constantFrom(...opts.map((o) => o.value));
    case "multiple_choice": {
      const practices = opts.filter((o) => !o.exclusive).map((o) => o.value);
      const none = opts.filter((o) => o.exclusive).map((o) => [o.value]);
      const chosen = fc.subarray(practices, { minLength: 1 });
      return none.length ? fc.oneof(chosen, fc.constantFrom(...none)) : chosen;
    }
    case "number": {
      const min = typeof q.min === "number" ? q.min : -20;
      const max = typeof q.max === "number" ? q.max : 130;
      // Halves as well as whole numbers, where decimals are allowed: band edges are whole.
      return q.integer ? fc.integer({ min, max }) : fc.integer({ min: min * 2, max: max * 2 }).map((x) => x / 2);
    }
    case "date": {
      // From about six years before the assessment to a few months after it (out of bands).
      const ref = Date.parse(`${ASSESSMENT_DATE}T00:00:00Z`);
      return fc.integer({ min: -120, max: 2200 }).map((days) => ISO(new Date(ref - days * 86_400_000)));
    }
    case "text":
      return fc.constantFrom("notes", "บันทึก", "see the annex");
  }
}

/** Unanswered (undefined), a valid value, don't know or not applicable, as the question and channel allow. */
export function answerArb(q: Question, limits: AnswerLimits = {}): fc.Arbitrary<AnswerValue | undefined> {
  const specials = q.type !== "text" && !(limits.formOnly && (q.type === "number" || q.type === "date"));
  const dense = limits.dense ?? false;
  return fc.oneof(
    ...(dense ? [] : [{ arbitrary: fc.constant(undefined), weight: 2 }]),
    { arbitrary: valueArb(q), weight: dense ? 8 : 5 },
    ...(specials ? [{ arbitrary: fc.constantFrom<AnswerValue>(DONT_KNOW, NOT_APPLICABLE), weight: dense ? 1 : 2 }] : []),
  );
}

function answersArb(questions: readonly Question[], limits: AnswerLimits): fc.Arbitrary<Record<string, Answer>> {
  return fc
    .tuple(...questions.map((q) => answerArb(q, limits)))
    .map((values) => Object.fromEntries(values.flatMap((v, i) => (v === undefined ? [] : [[questions[i]!.id, { value: v }]]))));
}

export interface AnswerSetOptions extends AnswerLimits {
  minDatasets?: number;
  maxDatasets?: number;
  /** The name of dataset i; `k` (0-2) picks among variants. By default a few, Thai among them. */
  name?: (i: number, k: number) => string;
}

const defaultName = (i: number, k: number) => [`Register ${i}`, `ทะเบียน ${i}`, `Survey ${i}`][k]!;

/** A random answer set for a questionnaire: 0-4 datasets with ids d0, d1, ... */
export function answerSetArb(q: Questionnaire, options: AnswerSetOptions = {}): fc.Arbitrary<AnswerSet> {
  const inst = q.questions.filter((p) => p.section.scope === "institution").map((p) => p.question);
  const ds = q.questions.filter((p) => p.section.scope === "dataset").map((p) => p.question);
  const name = options.name ?? defaultName;
  const dataset = fc.tuple(answersArb(ds, options), fc.nat({ max: 2 }));
  return fc.tuple(answersArb(inst, options), fc.array(dataset, { minLength: options.minDatasets ?? 0, maxLength: options.maxDatasets ?? 4 })).map(([answers, datasets]) => ({
    format: "assess-answers/1" as const,
    institution: { id: "inst", name: "Institution" },
    date: ASSESSMENT_DATE,
    modules: Object.fromEntries(q.modules.map((m) => [m.id, m.version])),
    answers,
    datasets: datasets.map(([a, k], i): DatasetAnswers => ({ id: `d${i}`, name: name(i, k), answers: a })),
  }));
}

/** A condition on one line: `q in [a, b]`, all(...), any(...), not(...). */
export function describeCondition(c: Condition): string {
  if ("all" in c) return `all(${c.all.map(describeCondition).join(", ")})`;
  if ("any" in c) return `any(${c.any.map(describeCondition).join(", ")})`;
  if ("not" in c) return `not(${describeCondition(c.not)})`;
  return `${c.question} in [${c.in.join(", ")}]`;
}

function describeQuestion(q: Question): string {
  const scoring = q.dimension ? `${q.dimension}/${q.priority}` : "unscored";
  const opts = q.type === "number" || q.type === "date" || q.type === "text" ? [] : optionsOf(q).map((o) => `${o.value}${o.level !== undefined ? `:${o.level}` : ""}${o.weight !== undefined ? `*${o.weight}` : ""}${o.exclusive ? "!" : ""}`);
  const bands = (q.bands ?? []).map((b) => `[${b.min ?? b.min_months ?? "-∞"},${b.max ?? b.max_months ?? "∞"}):${b.level}`);
  const range = [q.min !== undefined ? `min ${q.min}` : "", q.max !== undefined ? `max ${q.max}` : "", q.integer ? "integer" : ""].filter(Boolean);
  const when = q.when ? `  when ${describeCondition(q.when)}` : "";
  return `    ${q.id} ${q.type} ${scoring} ${[...opts, ...bands, ...range].join(" ")}${when}`;
}

/** Modules as short lines, for counterexamples a person can read. */
export function describeModules(modules: readonly Module[]): string {
  return modules
    .map((m) => [`${m.id}${m.requires ? ` (requires ${m.requires.join(", ")})` : ""}`, ...m.sections.flatMap((s) => [`  ${s.scope}:`, ...s.questions.map(describeQuestion)])].join("\n"))
    .join("\n");
}

/** An answer set as short lines: institution answers, then each dataset's. */
export function describeSet(set: AnswerSet): string {
  const line = (answers: Record<string, Answer>) => Object.entries(answers).map(([id, a]) => `${id}=${JSON.stringify(a.value)}`).join(" ") || "(none)";
  return [`answers: ${line(set.answers)}`, ...set.datasets.map((d) => `${d.id} "${d.name}": ${line(d.answers)}`)].join("\n");
}
