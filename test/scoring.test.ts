import { describe, expect, it } from "vitest";
import { checkAnswers } from "../src/core/check-answers.js";
import type { Answer, AnswerSet } from "../src/core/answers.js";
import type { Module, Question } from "../src/core/model.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import { scoreAnswers } from "../src/core/scoring.js";
import * as X from "../src/core/exact.js";
import { DIMENSIONS } from "../src/core/model.js";
import { buildReport } from "../src/core/report.js";
import { institutionResult } from "../src/core/results.js";
import { readAnswerFile } from "../src/io/answers.js";
import { loadModules } from "../src/io/modules.js";

const t = (en: string) => ({ en, th: `ไทย ${en}` });

/** A one-section module around the given questions. */
function mod(questions: Question[], datasetQuestions: Question[] = []): Module {
  const sections: Module["sections"] = [{ id: "s1", title: t("S1"), scope: "institution", questions }];
  if (datasetQuestions.length) sections.push({ id: "s2", title: t("S2"), scope: "dataset", questions: datasetQuestions });
  return { id: "m", version: "1.0.0", title: t("M"), description: t("M"), themes: ["m"], sources: [{ id: "x", citation: "xyz" }], sections };
}

function single(id: string, extra: Partial<Question> = {}): Question {
  return {
    id,
    type: "single_choice",
    label: t(id),
    help: t(id),
    dimension: "collection",
    priority: "important",
    options: [
      { value: "full", label: t("full"), level: 4 },
      { value: "half", label: t("half"), level: 2, recommendation: t(`do more ${id}`) },
      { value: "nil", label: t("nil"), level: 0, recommendation: t(`start ${id}`) },
    ],
    ...extra,
  };
}

const multi: Question = {
  id: "practices",
  type: "multiple_choice",
  label: t("practices"),
  help: t("practices"),
  dimension: "sharing",
  priority: "essential",
  options: [
    { value: "a", label: t("a"), weight: 3, recommendation: t("do a") },
    { value: "b", label: t("b"), recommendation: t("do b") },
    { value: "none", label: t("none"), exclusive: true },
  ],
};

function answers(a: Record<string, Answer["value"]>, datasets: Record<string, Answer["value"]>[] = []): AnswerSet {
  const wrap = (m: Record<string, Answer["value"]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, { value: v }]));
  return {
    format: "assess-answers/1",
    institution: { id: "i", name: "I" },
    date: "2026-11-20",
    modules: { m: "1.0.0" },
    answers: wrap(a),
    datasets: datasets.map((d, i) => ({ id: `d${i}`, name: `D${i}`, answers: wrap(d) })),
  };
}

function score(m: Module, set: AnswerSet) {
  return scoreAnswers(buildQuestionnaire([m]), set);
}

describe("scoring: one answer at a time", () => {
  const m = mod([single("q1", { priority: "essential" }), single("q2")]);
  // [q1 answer, q2 answer, collection score, completeness, unknown]
  const cases: [string, Answer["value"] | undefined, Answer["value"] | undefined, number | undefined, number | undefined, number][] = [
    ["both full", "full", "full", 100, 100, 0],
    ["levels weighted 3:2", "half", "full", (100 * (3 * 0.5 + 2 * 1)) / 5, 100, 0],
    ["don't know scores 0 and counts as unknown", "dont_know", "full", (100 * 2) / 5, 100, 1],
    ["not applicable is left out", "not_applicable", "half", 50, 100, 0],
    ["unanswered is left out and lowers completeness", undefined, "half", 50, 50, 0],
    ["nothing answered: no score", undefined, undefined, undefined, 0, 0],
    ["all not applicable: no score, complete", "not_applicable", "not_applicable", undefined, 100, 0],
  ];
  it.each(cases)("%s", (_name, a1, a2, expected, completeness, unknown) => {
    const a: Record<string, Answer["value"]> = {};
    if (a1 !== undefined) a.q1 = a1;
    if (a2 !== undefined) a.q2 = a2;
    const d = score(m, answers(a)).dimensions.collection;
    if (expected === undefined) expect(d.score).toBeUndefined();
    else expect(d.score).toBeCloseTo(expected, 10);
    expect(d.completeness).toBe(completeness);
    expect(d.unknown).toBe(unknown);
  });
});

describe("scoring: conditions", () => {
  const m = mod([single("gate"), single("follow", { when: { question: "gate", in: ["full", "half"] } })]);
  it("a hidden question is neither scored nor counted in completeness", () => {
    const sc = score(m, answers({ gate: "nil" }));
    expect(sc.questions.find((q) => q.question === "follow")?.cells[0]?.status).toBe("hidden");
    expect(sc.dimensions.collection.score).toBe(0);
    expect(sc.dimensions.collection.applicable).toBe(1);
    expect(sc.dimensions.collection.completeness).toBe(100);
  });
  it("a shown question counts; its answer is ignored once hidden again", () => {
    expect(score(m, answers({ gate: "full", follow: "half" })).dimensions.collection.score).toBeCloseTo(75, 10);
    expect(score(m, answers({ gate: "nil", follow: "half" })).dimensions.collection.score).toBe(0);
  });
  it("a gate answered don't know hides its follow-up", () => {
    const sc = score(m, answers({ gate: "dont_know", follow: "full" }));
    expect(sc.dimensions.collection.score).toBe(0);
    expect(sc.dimensions.collection.unknown).toBe(1);
  });
  it("all / any / not combine", () => {
    const m2 = mod([
      single("a"),
      single("b"),
      single("c", { when: { all: [{ question: "a", in: ["full"] }, { not: { question: "b", in: ["nil"] } }] } }),
      single("d", { when: { any: [{ question: "a", in: ["nil"] }, { question: "b", in: ["nil"] }] } }),
    ]);
    const status = (a: Record<string, string>) => {
      const sc = score(m2, answers(a));
      return ["c", "d"].map((id) => sc.questions.find((q) => q.question === id)!.cells[0]!.status);
    };
    expect(status({ a: "full", b: "half" })).toEqual(["unanswered", "hidden"]);
    expect(status({ a: "full", b: "nil" })).toEqual(["hidden", "unanswered"]);
    expect(status({ a: "nil", b: "half" })).toEqual(["hidden", "unanswered"]);
  });
});

describe("scoring: multiple choice", () => {
  const m = mod([multi]);
  const cases: [string, Answer["value"], number][] = [
    ["all practices", ["a", "b"], 100],
    ["weighted share", ["a"], 75],
    ["the light one", ["b"], 25],
    ["exclusive none scores 0", ["none"], 0],
  ];
  it.each(cases)("%s", (_n, v, expected) => {
    expect(score(m, answers({ practices: v })).dimensions.sharing.score).toBeCloseTo(expected, 10);
  });
  it("none on an essential question is a critical gap with every missing practice's advice", () => {
    const gap = score(m, answers({ practices: ["none"] })).gaps[0]!;
    expect(gap.critical).toBe(true);
    expect(gap.recommendations.map((r) => r.en)).toEqual(["do a", "do b"]);
  });
  it("a partial answer is a gap but not critical", () => {
    const gap = score(m, answers({ practices: ["a"] })).gaps[0]!;
    expect(gap.critical).toBe(false);
    expect(gap.gap).toBeCloseTo(25, 10);
    expect(gap.recommendations.map((r) => r.en)).toEqual(["do b"]);
  });
});

describe("scoring: dataset-scoped questions", () => {
  const m = mod([single("inst", { priority: "useful" })], [single("ds", { priority: "essential" })]);
  it("count once, with the mean over datasets", () => {
    const sc = score(m, answers({ inst: "full" }, [{ ds: "full" }, { ds: "nil" }, { ds: "half" }]));
    const ds = sc.questions.find((q) => q.question === "ds")!;
    expect(ds.score).toBeCloseTo(0.5, 10);
    // (1 × 1 + 3 × 0.5) / 4
    expect(sc.dimensions.collection.score).toBeCloseTo(62.5, 10);
    expect(sc.dimensions.collection.applicable).toBe(4);
  });
  it("leave out not applicable and unanswered datasets from the mean; completeness counts each dataset", () => {
    const sc = score(m, answers({ inst: "full" }, [{ ds: "half" }, { ds: "not_applicable" }, {}]));
    expect(sc.questions.find((q) => q.question === "ds")!.score).toBeCloseTo(0.5, 10);
    expect(sc.dimensions.collection.completeness).toBeCloseTo(75, 10);
  });
  it("a level 0 in one dataset makes a critical gap that names it", () => {
    const sc = score(m, answers({ inst: "full" }, [{ ds: "full" }, { ds: "nil" }]));
    expect(sc.gaps[0]).toMatchObject({ question: "ds", critical: true, datasets: ["d1"], criticalDatasets: ["d1"] });
  });
  it("with no datasets, dataset questions do not count", () => {
    const sc = score(m, answers({ inst: "half" }));
    expect(sc.dimensions.collection.score).toBe(50);
    expect(sc.dimensions.collection.applicable).toBe(1);
  });
});

describe("answers checked against the questionnaire: each problem by code", () => {
  const m = mod([single("q1")], [single("ds")]);
  const other: Module = { ...mod([single("o1")]), id: "other" };
  const needy: Module = { ...mod([single("n1")]), id: "needy", requires: ["other"] };
  const set = (change: (s: AnswerSet) => void) => {
    const s = answers({ q1: "full" }, [{ ds: "full" }]);
    change(s);
    return s;
  };
  // [case, answers, modules loaded, code, args, path, fatal]
  const cases: [string, AnswerSet, Module[], string, object, string, boolean][] = [
    ["a module not loaded", set((s) => (s.modules.nope = "1.0.0")), [m], "UNKNOWN_MODULE", { module: "nope", loaded: ["m"] }, "modules.nope", true],
    ["another minor version", set((s) => (s.modules.m = "1.2.0")), [m], "MODULE_VERSION_DIFFERS", { module: "m", version: "1.2.0", loaded: "1.0.0" }, "modules.m", false],
    ["another major version", set((s) => (s.modules.m = "2.0.0")), [m], "MODULE_VERSION_MISMATCH", { module: "m", version: "2.0.0", loaded: "1.0.0" }, "modules.m", true],
    ["a required module left out", set((s) => (s.modules = { m: "1.0.0", needy: "1.0.0" })), [m, other, needy], "REQUIRED_MODULE_MISSING", { module: "needy", requires: "other" }, "modules", true],
    ["a question of a module not declared", set((s) => (s.answers.o1 = { value: "full" })), [m, other], "UNKNOWN_QUESTION", { question: "o1", in: "undeclared_module" }, "answers.o1", false],
    ["an institution question under a dataset", set((s) => (s.datasets[0]!.answers.q1 = { value: "full" })), [m], "WRONG_SCOPE", { question: "q1", belongs: "institution" }, "datasets.0.answers.q1", false],
    ["a dataset question for the institution", set((s) => (s.answers.ds = { value: "full" })), [m], "WRONG_SCOPE", { question: "ds", belongs: "dataset" }, "answers.ds", false],
    ["a dataset id used twice", set((s) => s.datasets.push({ ...s.datasets[0]! })), [m], "DUPLICATE_DATASET", { dataset: "d0" }, "datasets.1.id", true],
  ];
  it.each(cases)("%s", (_n, s, loaded, code, args, path, fatal) => {
    const checked = checkAnswers(s, loaded, "a.yaml");
    expect(checked.problems.map((p) => ({ code: p.code, args: p.args, path: p.path.join(".") }))).toContainEqual({ code, args, path });
    expect(checked.fatal).toBe(fatal);
  });
  it("keeps an answer it cannot score, with the problem as data", () => {
    const checked = checkAnswers(set((s) => (s.answers.ds = { value: "full", comment: "asked twice?" })), [m], "a.yaml");
    expect(checked.clean.rejected).toEqual([
      { question: "ds", raw: "full", reason: expect.any(String), code: "WRONG_SCOPE", args: { question: "ds", belongs: "dataset" }, comment: "asked twice?" },
    ]);
  });
});

describe("the worked example of docs/scoring.md", () => {
  it("gives the numbers the document shows", async () => {
    const loaded = await loadModules("test/fixtures/worked-example/modules");
    expect(loaded.problems).toEqual([]);
    const read = await readAnswerFile("test/fixtures/worked-example/answers.yaml");
    expect(read.problems).toEqual([]);
    const checked = checkAnswers(read.set!, loaded.modules.map((s) => s.module), "answers.yaml");
    expect(checked.problems).toEqual([]);
    const sc = scoreAnswers(checked.questionnaire, read.set!);

    expect(sc.dimensions.collection.score).toBeCloseTo((100 * 5.5) / 9, 10); // 61.11
    expect(sc.dimensions.sharing.score).toBeCloseTo(80, 10);
    expect(sc.dimensions.hosting.score).toBeCloseTo(12.5, 10);
    expect(sc.overall).toBeCloseTo((5.5 / 9 * 100 + 80 + 12.5) / 3, 10); // 51.20
    expect(sc.dimensions.collection.completeness).toBeCloseTo((100 * 6) / 7, 10);
    expect(sc.dimensions.collection).toMatchObject({ applicable: 7, answered: 6, notApplicable: 1, unknown: 0 });
    expect(sc.dimensions.hosting).toMatchObject({ unknown: 1, completeness: 100 });
    // The exact fractions the document shows.
    expect(DIMENSIONS.map((d) => sc.dimensions[d].exact)).toEqual(["550/9", "80", "25/2"]);
    const result = institutionResult("answers.yaml", read.set!, sc, []);
    expect(result.scorecard.overall).toBe(51.2);
    expect(X.format(X.mean(DIMENSIONS.map((d) => X.parse(sc.dimensions[d].exact!)!))!)).toBe("2765/54");
    const report = buildReport([result], checked.questionnaire.modules, { title: "T", date: "2026-12-01", lang: "en" });
    expect(report.institutions[0]).toMatchObject({ overall: 51.2, completeness: 90.91, dontKnowRate: 11.11 });
    expect(sc.gaps.map((g) => [g.question, g.critical, Math.round(g.gap * 100) / 100])).toEqual([
      ["demo_protected", true, 100],
      ["demo_ds_children", true, 50],
      ["demo_collects", false, 50],
      ["demo_share_agreement", false, 50],
      ["demo_practices", false, 25],
      ["demo_backup_months", false, 50],
    ]);
  });
});
