// Property-based tests of the scoring method (docs/scoring.md) over random modules and answers.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoreRead } from "../src/io/pipeline.js";
import type { Answer, AnswerSet } from "../src/core/answers.js";
import { checkAnswers } from "../src/core/check-answers.js";
import * as X from "../src/core/exact.js";
import { DIMENSIONS, DONT_KNOW, NOT_APPLICABLE } from "../src/core/model.js";
import type { Condition, Module, PlacedQuestion } from "../src/core/model.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import type { Questionnaire } from "../src/core/questionnaire.js";
import type { InstitutionResult } from "../src/core/results.js";
import { checkModules } from "../src/core/rules.js";
import { scoreAnswers } from "../src/core/scoring.js";
import type { Scorecard } from "../src/core/scoring.js";
import { readInput } from "../src/io/inputs.js";
import { loadModules } from "../src/io/modules.js";
import { checkSchema } from "../src/io/schema.js";
import { buildTemplate } from "../src/io/template.js";
import { writeWorkbook } from "../src/io/xlsx.js";
import { exportTables, koboXlsx } from "./helpers/exports.js";
import { fillWorkbook } from "./helpers/fill-workbook.js";
import type { FillOptions } from "./helpers/fill-workbook.js";
import { answerSetArb, describeModules, describeSet, gapModulesArb, modulesArb, valueArb } from "./helpers/random-questionnaire.js";

interface Case {
  modules: Module[];
  q: Questionnaire;
  set: AnswerSet;
}

/** A case that prints as short lines when fast-check reports a counterexample. */
function printable(c: Case): Case {
  return Object.assign(c, { [fc.toStringMethod]: () => `\n${describeModules(c.modules)}\n${describeSet(c.set)}\n` });
}

const caseArb: fc.Arbitrary<Case> = modulesArb.chain((modules) => {
  const q = buildQuestionnaire(modules);
  return answerSetArb(q).map((set) => printable({ modules, q, set }));
});

/** Many scored cells and gaps a case: ties in the ranking, and means over datasets, are rare in caseArb. */
const gapCases = (minDatasets: number): fc.Arbitrary<Case> =>
  gapModulesArb.chain((modules) => {
    const q = buildQuestionnaire(modules);
    return answerSetArb(q, { dense: true, minDatasets }).map((set) => printable({ modules, q, set }));
  });

const PURE_RUNS = 200;

/** The value a condition tests: the chosen options of an answer, none for special answers. */
function chosen(a: Answer | undefined): readonly string[] | undefined {
  if (!a || a.value === DONT_KNOW || a.value === NOT_APPLICABLE) return undefined;
  return Array.isArray(a.value) ? a.value : typeof a.value === "string" ? [a.value] : undefined;
}

/** docs/scoring.md's rule, written out independently of src/core: a condition on chosen values. */
function evaluate(c: Condition, valuesOf: (id: string) => readonly string[] | undefined): boolean {
  if ("all" in c) return c.all.every((x) => evaluate(x, valuesOf));
  if ("any" in c) return c.any.some((x) => evaluate(x, valuesOf));
  if ("not" in c) return !evaluate(c.not, valuesOf);
  return (valuesOf(c.question) ?? []).some((v) => c.in.includes(v));
}

function referencedIds(c: Condition, out = new Set<string>()): Set<string> {
  if ("all" in c) c.all.forEach((x) => referencedIds(x, out));
  else if ("any" in c) c.any.forEach((x) => referencedIds(x, out));
  else if ("not" in c) referencedIds(c.not, out);
  else out.add(c.question);
  return out;
}

/**
 * Which cells the scoring hides, for every question: unscored questions are not in a
 * scorecard, so this scores the same answers with every question given a dimension
 * (visibility does not depend on scoring). Institution questions: one cell; dataset: one per dataset.
 */
function hiddenCells(c: Case): Map<string, boolean[]> {
  const probe = c.modules.map((m) => ({
    ...m,
    sections: m.sections.map((s) => ({ ...s, questions: s.questions.map((x) => (x.dimension ? x : { ...x, dimension: "collection" as const, priority: "useful" as const })) })),
  }));
  const card = scoreAnswers(buildQuestionnaire(probe, c.q.modules.map((m) => m.id)), c.set);
  return new Map(card.questions.map((r) => [r.question, r.cells.map((cell) => cell.status === "hidden")]));
}

/** Each (question, context) pair: context -1 is the institution, i the i-th dataset. */
function contexts(p: PlacedQuestion, set: AnswerSet): number[] {
  return p.section.scope === "institution" ? [-1] : set.datasets.map((_, i) => i);
}

function answerAt(set: AnswerSet, id: string, ctx: number): Answer | undefined {
  return ctx < 0 ? set.answers[id] : set.datasets[ctx]!.answers[id];
}

/** The context of question `id` as seen from context `ctx`: an institution question has one. */
function seenFrom(q: Questionnaire, id: string, ctx: number): number {
  return q.byId.get(id)!.section.scope === "institution" ? -1 : ctx;
}

function hiddenAt(hidden: Map<string, boolean[]>, q: Questionnaire, id: string, ctx: number): boolean {
  return hidden.get(id)![Math.max(0, seenFrom(q, id, ctx))]!;
}

/** Score and completeness of each dimension (undefined where nothing counts). */
function dimensionFigures(card: Scorecard) {
  return DIMENSIONS.map((d) => [d, card.dimensions[d].score, card.dimensions[d].completeness]);
}

function inRange(x: number | undefined, top: number): void {
  if (x === undefined) return;
  expect(x).toBeGreaterThanOrEqual(0);
  expect(x).toBeLessThanOrEqual(top);
}

describe("the generators", () => {
  it("make modules that pass the schema and the module rules, and answers that pass checkAnswers", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        for (const m of c.modules) expect(checkSchema("module", m, m.id)).toEqual([]);
        // Errors only: the generated gates are unscored on purpose, which the content rules warn about.
        expect(checkModules(c.modules.map((m) => ({ source: m.id, module: m }))).filter((p) => p.severity === "error")).toEqual([]);
        // Warnings may name answers to hidden questions, which the properties need.
        expect(checkAnswers(c.set, c.modules, "set").problems.filter((p) => p.severity === "error")).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe("properties of the scoring method", () => {
  it("1. scores and completeness stay in range", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const card = scoreAnswers(c.q, c.set);
        const tallies = [card.dimensions, ...card.byModule.map((m) => m.dimensions)].flatMap((d) => DIMENSIONS.map((k) => d[k]));
        for (const t of tallies) {
          inRange(t.score, 100);
          inRange(t.completeness, 100);
        }
        for (const r of card.questions) for (const s of [r.score, ...r.cells.map((cell) => cell.score)]) inRange(s, 1);
      }),
      { numRuns: PURE_RUNS },
    );
  });

  it("2. not applicable on an unanswered question no condition tests changes no dimension score", () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, pick) => {
        const tested = new Set<string>();
        for (const p of c.q.questions) if (p.question.when) referencedIds(p.question.when, tested);
        const free = c.q.questions
          .filter((p) => p.question.type !== "text" && !tested.has(p.question.id))
          .flatMap((p) => contexts(p, c.set).filter((ctx) => !answerAt(c.set, p.question.id, ctx)).map((ctx) => [p.question.id, ctx] as const));
        if (free.length === 0) return;
        const [id, ctx] = free[pick % free.length]!;
        const after = structuredClone(c.set);
        (ctx < 0 ? after.answers : after.datasets[ctx]!.answers)[id] = { value: NOT_APPLICABLE };
        const before = scoreAnswers(c.q, c.set).dimensions;
        const now = scoreAnswers(c.q, after).dimensions;
        for (const d of DIMENSIONS) expect([d, now[d].score]).toEqual([d, before[d].score]);
      }),
      { numRuns: PURE_RUNS },
    );
  });

  // A question hidden by its condition counts as unanswered for every later condition, transitively.
  it("3a. a question whose condition tests a hidden question is hidden (plain conditions)", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const hidden = hiddenCells(c);
        for (const p of c.q.questions) {
          const w = p.question.when;
          if (!w || !("question" in w)) continue;
          for (const ctx of contexts(p, c.set)) {
            if (!hiddenAt(hidden, c.q, w.question, ctx)) continue;
            expect({ question: p.question.id, dataset: ctx, after: w.question, hidden: hiddenAt(hidden, c.q, p.question.id, ctx) }).toEqual({
              question: p.question.id,
              dataset: ctx,
              after: w.question,
              hidden: true,
            });
          }
        }
      }),
      { numRuns: PURE_RUNS },
    );
  });

  it("3b. every question is shown exactly when its condition holds on the answers of shown questions (all / any / not)", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const hidden = hiddenCells(c);
        for (const p of c.q.questions) {
          for (const ctx of contexts(p, c.set)) {
            const w = p.question.when;
            const shown = !w || evaluate(w, (id) => (hiddenAt(hidden, c.q, id, ctx) ? undefined : chosen(answerAt(c.set, id, seenFrom(c.q, id, ctx)))));
            expect({ question: p.question.id, dataset: ctx, hidden: hiddenAt(hidden, c.q, p.question.id, ctx) }).toEqual({ question: p.question.id, dataset: ctx, hidden: !shown });
          }
        }
      }),
      { numRuns: PURE_RUNS },
    );
  });

  it("3c. removing the answers of hidden questions changes no score, completeness or gap", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const hidden = hiddenCells(c);
        const removed = structuredClone(c.set);
        for (const p of c.q.questions) {
          for (const ctx of contexts(p, c.set)) if (hiddenAt(hidden, c.q, p.question.id, ctx)) delete (ctx < 0 ? removed.answers : removed.datasets[ctx]!.answers)[p.question.id];
        }
        const a = scoreAnswers(c.q, c.set);
        const b = scoreAnswers(c.q, removed);
        expect(b.dimensions).toEqual(a.dimensions);
        expect(b.gaps).toEqual(a.gaps);
      }),
      { numRuns: PURE_RUNS },
    );
  });

  it("4. the order of the datasets changes no score, completeness or gap ranking", () => {
    fc.assert(
      fc.property(fc.oneof(caseArb, { arbitrary: gapCases(3), weight: 2 }), fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), (c, keys) => {
        const order = c.set.datasets.map((_, i) => i).sort((x, y) => keys[x]! - keys[y]! || x - y);
        const permuted = { ...c.set, datasets: order.map((i) => c.set.datasets[i]!) };
        const a = scoreAnswers(c.q, c.set);
        const b = scoreAnswers(c.q, permuted);
        // Exactly, not within a tolerance: listing order is no input of the method.
        expect(dimensionFigures(b)).toEqual(dimensionFigures(a));
        expect(b.gaps.map((g) => g.question)).toEqual(a.gaps.map((g) => g.question));
      }),
      { numRuns: PURE_RUNS },
    );
  });

  it("5. gaps are ranked critical first, then by weight × (1 − score), then in questionnaire order; scoring is repeatable", () => {
    fc.assert(
      fc.property(fc.oneof(caseArb, { arbitrary: gapCases(1), weight: 2 }), (c) => {
        const input = structuredClone(c.set);
        const card = scoreAnswers(c.q, c.set);
        expect(scoreAnswers(c.q, c.set)).toEqual(card);
        expect(c.set).toEqual(input);

        const position = new Map(c.q.questions.map((p, i) => [p.question.id, i]));
        const byId = new Map(card.questions.map((r) => [r.question, r]));
        // Every question below the top score has one gap, and only those.
        const weak = card.questions.filter((r) => r.score !== undefined && r.score < 1).map((r) => r.question);
        expect([...card.gaps.map((g) => g.question)].sort()).toEqual([...weak].sort());

        // Keys compared exactly, from the exact fractions the scorecard carries.
        const key = (id: string) => X.mul(X.ratio(byId.get(id)!.weight), X.sub(X.ONE, X.parse(byId.get(id)!.exact!)!));
        for (let i = 1; i < card.gaps.length; i++) {
          const [a, b] = [card.gaps[i - 1]!, card.gaps[i]!];
          const pair = `${a.question} before ${b.question}`;
          expect(Number(a.critical) >= Number(b.critical), `${pair}: critical first`).toBe(true);
          if (a.critical !== b.critical) continue;
          const order = X.compare(key(a.question), key(b.question));
          expect(order >= 0, `${pair}: larger weight × (1 − score) first (${X.format(key(a.question))} vs ${X.format(key(b.question))})`).toBe(true);
          if (order === 0) expect(position.get(a.question)! < position.get(b.question)!, `${pair}: tie in questionnaire order`).toBe(true);
        }
      }),
      { numRuns: PURE_RUNS },
    );
  });
});

describe("6. one scorecard whichever way the answers come in (shipped modules)", () => {
  const dir = mkdtempSync(join(tmpdir(), "assess-props-"));
  let modules: Module[];
  const templates = new Map<string, Buffer>();
  let n = 0;

  beforeAll(async () => {
    const loaded = await loadModules("modules");
    expect(loaded.problems.filter((p) => p.severity === "error")).toEqual([]);
    modules = loaded.modules.map((s) => s.module);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The answers a form can carry: random answers, minus those of hidden questions (see formView). */
  const formArb = () =>
    fc.constantFrom(...modules.filter((m) => m.id !== "general").map((m) => m.id)).chain((area) => {
      const q = buildQuestionnaire(modules, ["general", area]);
      // One answer in each module, so that a Kobo submission (which declares the modules it
      // has answers for) declares the same modules as the answer file.
      const firsts = q.modules.map((m) => m.sections.find((s) => s.scope === "institution")!.questions.find((x) => !x.when)!);
      return fc
        .record({
          set: answerSetArb(q, { formOnly: true, maxDatasets: 3, name: (i) => `D${i}` }),
          firsts: fc.tuple(...firsts.map((x) => valueArb(x).map((v) => [x.id, { value: v }] as const))),
          labels: fc.constantFrom<NonNullable<FillOptions["labels"]>>("en", "th", "mixed"),
          kobo: fc.constantFrom({ sep: "/" as const, split: true }, { sep: "/" as const, labels: "th" as const, split: true }, { sep: "/" as const, labels: "en" as const, split: false }),
        })
        .map(({ set, firsts: f, labels, kobo }) => {
          const form = formView(q, { ...set, answers: { ...set.answers, ...Object.fromEntries(f) } });
          const text = () => `\nmodules general, ${area}; workbook labels ${labels}; Kobo ${JSON.stringify(kobo)}\n${describeSet(form)}\n`;
          return { q, set: form, labels, kobo, [fc.toStringMethod]: text };
        });
    });

  /**
   * Kobo and ODK never export answers to questions hidden by `relevant`, so the set holds
   * none: each answer is kept only if its question is shown given the answers kept before it.
   */
  function formView(q: Questionnaire, set: AnswerSet): AnswerSet {
    const out = structuredClone(set);
    for (const p of q.questions) {
      const w = p.question.when;
      if (!w) continue;
      for (const ctx of contexts(p, out)) {
        const valuesOf = (id: string) => chosen(answerAt(out, id, seenFrom(q, id, ctx)));
        if (!evaluate(w, valuesOf)) delete (ctx < 0 ? out.answers : out.datasets[ctx]!.answers)[p.question.id];
      }
    }
    return out;
  }

  async function template(q: Questionnaire): Promise<Buffer> {
    const key = q.modules.map((m) => m.id).join(",");
    if (!templates.has(key)) templates.set(key, await writeWorkbook(buildTemplate(q, "both", new Date("2026-01-01T00:00:00Z")).spec));
    return templates.get(key)!;
  }

  async function scored(name: string, content: Buffer | string): Promise<InstitutionResult> {
    const file = join(dir, name);
    writeFileSync(file, content);
    const read = await readInput(file, modules);
    expect(read).toHaveLength(1);
    const r = scoreRead(read[0]!, modules) as InstitutionResult;
    expect(r.problems.filter((p) => p.severity === "error"), name).toEqual([]);
    return r;
  }

  it("an answer file, a filled workbook and a Kobo export score alike", async () => {
    await fc.assert(
      // Three files a run make shrinking slow: a bounded shrink still reads well, printed as above.
      fc.asyncProperty(fc.limitShrink(formArb(), 30), async ({ q, set, labels, kobo }) => {
        const k = n++;
        const file = await scored(`a${k}.json`, JSON.stringify(set));
        const workbook = await scored(`w${k}.xlsx`, await fillWorkbook(await template(q), set, modules, { labels }));
        const exported = await scored(`k${k}.xlsx`, await koboXlsx(exportTables(buildQuestionnaire(modules), [set], kobo, "kobo")));
        for (const r of [workbook, exported]) expect(r.answers.datasets.map((d) => d.name)).toEqual(set.datasets.map((d) => d.name));
        expect(workbook.scorecard).toEqual(file.scorecard);
        expect(exported.scorecard).toEqual(file.scorecard);
      }),
      // Each run writes and reads three files (about 150 ms): a dozen keeps the test to seconds.
      { numRuns: 12 },
    );
  });
});
