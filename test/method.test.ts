// The rules of the scoring method that docs/scoring.md writes down, one table or case each:
// hidden chains, the overall figure, exact ties and rounding, calendar months, no datasets,
// answers outside every band, the don't-know rate, and results of another method version.
import { describe, expect, it } from "vitest";
import { scoreRead } from "../src/io/pipeline.js";
import { monthsBetween } from "../src/core/answers.js";
import type { Answer, AnswerSet } from "../src/core/answers.js";
import { checkAnswers } from "../src/core/check-answers.js";
import * as X from "../src/core/exact.js";
import { visibleSteps } from "../src/core/interview.js";
import type { Module, Question } from "../src/core/model.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import { buildReport } from "../src/core/report.js";
import { countOnce } from "../src/core/duplicates.js";
import type { InstitutionResult } from "../src/core/results.js";
import { institutionResult } from "../src/core/results.js";
import { METHOD_VERSION, scoreAnswers } from "../src/core/scoring.js";
import { requireModules } from "../src/io/modules.js";
import { checkSchema } from "../src/io/schema.js";
import { renderMarkdown } from "../src/report/markdown.js";

const t = (en: string) => ({ en, th: `ไทย ${en}` });

function mod(questions: Question[], datasetQuestions: Question[] = [], id = "m"): Module {
  const sections: Module["sections"] = [{ id: `${id}_s1`, title: t("S1"), scope: "institution", questions }];
  if (datasetQuestions.length) sections.push({ id: `${id}_s2`, title: t("S2"), scope: "dataset", questions: datasetQuestions });
  return { id, version: "1.0.0", title: t(id), description: t(id), themes: [id], sources: [{ id: "x", citation: "xyz" }], sections };
}

function single(id: string, extra: Partial<Question> = {}): Question {
  return {
    id,
    type: "single_choice",
    label: t(id),
    help: t(id),
    dimension: "collection",
    priority: "useful",
    options: [
      { value: "full", label: t("full"), level: 4 },
      { value: "most", label: t("most"), level: 3, recommendation: t(`finish ${id}`) },
      { value: "half", label: t("half"), level: 2, recommendation: t(`do more ${id}`) },
      { value: "nil", label: t("nil"), level: 0, recommendation: t(`start ${id}`) },
    ],
    ...extra,
  };
}

function set(a: Record<string, Answer["value"]>, datasets: Record<string, Answer["value"]>[] = [], modules: Record<string, string> = { m: "1.0.0" }): AnswerSet {
  const wrap = (m: Record<string, Answer["value"]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, { value: v }]));
  return {
    format: "assess-answers/1",
    institution: { id: "i", name: "I" },
    date: "2026-11-20",
    modules,
    answers: wrap(a),
    datasets: datasets.map((d, i) => ({ id: `d${i}`, name: `D${i}`, answers: wrap(d) })),
  };
}

// An unscored gate, a scored follow-up that is itself a gate, and its own follow-up.
const chain = mod(
  [
    single("gate", { dimension: undefined, priority: undefined }),
    single("mid", { dimension: "sharing", when: { question: "gate", in: ["full"] } }),
    single("leaf", { dimension: "sharing", when: { question: "mid", in: ["half", "most"] } }),
  ],
  [single("ds_gate", { dimension: undefined, priority: undefined }), single("ds_mid", { when: { question: "ds_gate", in: ["full"] } }), single("ds_leaf", { when: { question: "ds_mid", in: ["half"] } })],
);

describe("a question hidden by its condition hides everything that depends on it", () => {
  const answers = set({ gate: "nil", mid: "half", leaf: "full" }, [{ ds_gate: "nil", ds_mid: "half", ds_leaf: "full" }, { ds_gate: "full", ds_mid: "half", ds_leaf: "most" }]);
  const checked = checkAnswers(answers, [chain], "a.yaml");
  const sc = scoreAnswers(checked.questionnaire, checked.clean);
  const status = (id: string) => sc.questions.find((q) => q.question === id)!.cells.map((c) => c.status);

  it("scores neither the hidden follow-up nor its own follow-up", () => {
    expect(status("mid")).toEqual(["hidden"]);
    expect(status("leaf")).toEqual(["hidden"]);
    expect(sc.dimensions.sharing).toMatchObject({ scored: 0, applicable: 0 });
    expect(sc.dimensions.sharing.score).toBeUndefined();
  });

  it("per dataset, too", () => {
    expect(status("ds_mid")).toEqual(["hidden", "scored"]);
    expect(status("ds_leaf")).toEqual(["hidden", "scored"]);
  });

  it("keeps the hidden answers and warns about each, with its path", () => {
    expect(checked.clean.answers.leaf).toEqual({ value: "full" });
    expect(checked.problems.map((p) => [p.code, p.severity, p.path.join(".")])).toEqual([
      ["ANSWER_TO_HIDDEN_QUESTION", "warning", "answers.mid"],
      ["ANSWER_TO_HIDDEN_QUESTION", "warning", "answers.leaf"],
      ["ANSWER_TO_HIDDEN_QUESTION", "warning", "datasets.0.answers.ds_mid"],
      ["ANSWER_TO_HIDDEN_QUESTION", "warning", "datasets.0.answers.ds_leaf"],
    ]);
  });

  it("the interview asks the same questions the scoring counts", () => {
    const steps = visibleSteps(checked.questionnaire, checked.clean).map((s) => `${s.datasetIndex ?? "-"}/${s.placed.question.id}`);
    expect(steps).toEqual(["-/gate", "0/ds_gate", "1/ds_gate", "1/ds_mid", "1/ds_leaf"]);
  });

  it("on the shipped general questionnaire: no sharing agreements asked when nothing is shared", async () => {
    const modules = await requireModules();
    const general = modules.filter((m) => m.id === "general");
    const s = set({ shares_data: "no", sharing_agreements: "some_partners", sharing_agreement_content: ["purpose"] }, [], { general: general[0]!.version });
    const c = checkAnswers(s, general, "g.yaml");
    const card = scoreAnswers(c.questionnaire, c.clean);
    expect(card.questions.find((q) => q.question === "sharing_agreement_content")!.cells[0]!.status).toBe("hidden");
    expect(c.problems.filter((p) => p.code === "ANSWER_TO_HIDDEN_QUESTION").map((p) => p.path.at(-1))).toEqual(["sharing_agreements", "sharing_agreement_content"]);
  });
});

describe("the overall figure exists only when all three dimensions have a score", () => {
  const m = mod([single("c1", { dimension: "collection" }), single("s1", { dimension: "sharing" }), single("h1", { dimension: "hosting" })]);
  const cases: [string, Record<string, string>, number | undefined, string[]][] = [
    ["all three", { c1: "full", s1: "half", h1: "nil" }, 50, []],
    ["only collection", { c1: "full" }, undefined, ["sharing", "hosting"]],
    ["no sharing", { c1: "half", h1: "nil" }, undefined, ["sharing"]],
    ["sharing not applicable", { c1: "half", s1: "not_applicable", h1: "full" }, undefined, ["sharing"]],
  ];
  it.each(cases)("%s", (_n, a, overall, without) => {
    const sc = scoreAnswers(buildQuestionnaire([m]), set(a));
    expect(sc.overall).toBe(overall);
    expect(sc.findings?.filter((f) => f.code === "OVERALL_NOT_SHOWN").map((f) => f.args)).toEqual(without.length ? [{ without }] : []);
  });

  it("the report leaves the cell empty and says why, in the model, the JSON schema and the Markdown", () => {
    const results = [
      institutionResult("a.yaml", set({ c1: "full" }), scoreAnswers(buildQuestionnaire([m]), set({ c1: "full" })), []),
    ];
    const report = buildReport(results, [m], { title: "T", date: "2026-12-01", lang: "en" });
    expect(report.summary.overall).toBeUndefined();
    expect(report.summary.overallWithout).toEqual(["sharing", "hosting"]);
    expect(report.heatmap.institutions[0]).toMatchObject({ overallWithout: ["sharing", "hosting"] });
    expect(report.heatmap.institutions[0]!.overall).toBeUndefined();
    expect(report.institutions[0]!.overall).toBeUndefined();
    expect(checkSchema("report", report, "report")).toEqual([]);
    const md = renderMarkdown(report);
    expect(md).toContain("| Overall (mean of 3) | – (no score in Sharing, Hosting) |");
    expect(md).toContain("| – (no score in Sharing, Hosting) |\n");
    expect(md).toContain("**Overall (mean of 3): – (no score in Sharing, Hosting)**");
  });
});

describe("ties are exact and broken by questionnaire order", () => {
  // 0.1 + 0.2 of 0.4 is 0.75 exactly, but 0.7500000000000001 in binary floating point.
  const decimals: Question = {
    id: "decimals",
    type: "multiple_choice",
    label: t("decimals"),
    help: t("decimals"),
    dimension: "collection",
    priority: "useful",
    recommendation: t("do all"),
    options: [
      { value: "a", label: t("a"), weight: 0.1 },
      { value: "b", label: t("b"), weight: 0.2 },
      { value: "c", label: t("c"), weight: 0.1 },
    ],
  };
  it("two gaps of weight × (1 − score) = 0.25 rank in questionnaire order", () => {
    const m = mod([decimals, single("level3")]);
    const sc = scoreAnswers(buildQuestionnaire([m]), set({ decimals: ["a", "b"], level3: "most" }));
    expect(sc.gaps.map((g) => g.question)).toEqual(["decimals", "level3"]);
    expect(sc.gaps.map((g) => g.exact)).toEqual(["25", "25"]);
    expect(sc.questions[0]!.exact).toBe("3/4");
  });
  it("a dataset mean that ties with a level: questionnaire order decides", () => {
    const m = mod([single("inst")], [single("ds")]);
    // ds over two datasets (0 + 1) / 2 = 1/2, as inst at level 2: the same key, inst asked first.
    const sc = scoreAnswers(buildQuestionnaire([m]), set({ inst: "half" }, [{ ds: "nil" }, { ds: "full" }]));
    expect(sc.questions.map((q) => q.exact)).toEqual(["1/2", "1/2"]);
    expect(sc.gaps.map((g) => g.question)).toEqual(["inst", "ds"]);
  });
  it("in the report's most common gaps, too", () => {
    // Both questions have a gap of 25 in both institutions: same count, no critical, same weight.
    const m = mod([single("zeta"), single("alpha")]);
    const q = buildQuestionnaire([m]);
    const results = ["i1", "i2"].map((id) => {
      const s = { ...set({ zeta: "most", alpha: "most" }), institution: { id, name: id } };
      return institutionResult(`${id}.yaml`, s, scoreAnswers(q, s), []);
    });
    const report = buildReport(results, [m], { title: "T", date: "2026-12-01", lang: "en" });
    expect(report.crossCutting.commonGaps.map((g) => g.question)).toEqual(["zeta", "alpha"]);
  });
});

describe("exact fractions", () => {
  const cases: [string, X.Ratio, number, number][] = [
    ["1.005 rounds up, where Math.round on the double gives 1", X.fromNumber(1.005), 2, 1.01],
    ["12.125 rounds up", X.ratio(97, 8), 2, 12.13],
    ["2/3 of 100", X.ratio(200, 3), 2, 66.67],
    ["a third", X.ratio(100, 3), 2, 33.33],
    ["a whole number", X.ratio(80), 2, 80],
    ["half a point to whole points", X.ratio(1, 2), 0, 1],
  ];
  it.each(cases)("%s", (_n, r, digits, expected) => {
    expect(X.round(r, digits)).toBe(expected);
  });
  it("reads decimals as written", () => {
    expect(X.format(X.fromNumber(0.1))).toBe("1/10");
    expect(X.format(X.fromNumber(1.5))).toBe("3/2");
    expect(X.format(X.fromNumber(1e-7))).toBe("1/10000000");
    expect(X.format(X.add(X.fromNumber(0.1), X.fromNumber(0.2)))).toBe("3/10");
  });
  it("parses only what it formats", () => {
    expect(X.parse("550/9")).toEqual(X.ratio(550, 9));
    expect(X.parse("80")).toEqual(X.ratio(80));
    for (const bad of ["", "1/0", "a/b", "1.5", "1/-2", "1/00"]) expect(X.parse(bad)).toBeUndefined();
  });
});

describe("report figures are means of exact values, rounded once", () => {
  const m = mod([single("a", { priority: "essential" }), single("b", { priority: "important" }), single("c", { priority: "useful" })]);
  const q = buildQuestionnaire([m]);
  const result = (id: string, a: Record<string, string>) => {
    const s = { ...set(a), institution: { id, name: id } };
    return institutionResult(`${id}.yaml`, s, scoreAnswers(q, s), []);
  };
  it("national score: the exact fractions travel in the results", () => {
    // i1: 3 × 1/2 / 6 = 25; i2: (3 × 3/4 + 2 + 1/2) / 6 = 475/6; i3: (2 × 3/4 + 1) / 6 = 125/3.
    const results = [result("i1", { a: "half", b: "nil", c: "nil" }), result("i2", { a: "most", b: "full", c: "half" }), result("i3", { a: "nil", b: "most", c: "full" })];
    expect(results.map((r) => r.scorecard.dimensions.collection.score)).toEqual([25, 79.17, 41.67]);
    expect(results.map((r) => r.scorecard.dimensions.collection.exact)).toEqual(["25", "475/6", "125/3"]);
    const report = buildReport(results, [m], { title: "T", date: "2026-12-01", lang: "en" });
    // (25 + 475/6 + 125/3) / 3 = 875/18 = 48.6111…
    expect(report.summary.national.collection.score).toBe(48.61);
  });
  it("completeness: 1/6 and 1/2 of the cells give 33.33, not the mean of 16.67 and 50 (33.335)", () => {
    const m6 = mod(["a", "b", "c", "d", "e", "f"].map((id) => single(id)));
    const q6 = buildQuestionnaire([m6]);
    const mk = (id: string, a: Record<string, string>, qs = q6) => {
      const s = { ...set(a), institution: { id, name: id } };
      return institutionResult(`${id}.yaml`, s, scoreAnswers(qs, s), []);
    };
    const m2 = mod(["a", "b"].map((id) => single(id)));
    const one = mk("one", { a: "full" });
    const two = mk("two", { a: "full" }, buildQuestionnaire([m2]));
    expect([one.scorecard.dimensions.collection.completeness, two.scorecard.dimensions.collection.completeness]).toEqual([16.67, 50]);
    const report = buildReport([one, two], [m6], { title: "T", date: "2026-12-01", lang: "en" });
    expect(report.summary.national.collection.completeness).toBe(33.33);
  });
});

describe("months between two dates are whole calendar months", () => {
  const cases: [string, string, number][] = [
    ["2026-03-31", "2026-06-30", 3],
    ["2026-03-31", "2026-06-29", 2],
    ["2026-01-31", "2026-02-28", 1],
    ["2026-01-30", "2026-02-28", 1],
    ["2026-01-15", "2026-02-14", 0],
    ["2026-01-15", "2026-02-15", 1],
    ["2024-02-29", "2025-02-28", 12],
    ["2024-02-28", "2024-03-31", 1],
    ["2025-12-31", "2026-01-01", 0],
    ["2026-11-20", "2026-11-20", 0],
    ["2023-11-21", "2026-11-20", 35],
    ["2023-11-20", "2026-11-20", 36],
  ];
  it.each(cases)("%s → %s: %i", (from, to, months) => {
    expect(monthsBetween(from, to)).toBe(months);
  });

  const updated: Question = {
    id: "updated",
    type: "date",
    label: t("updated"),
    help: t("updated"),
    dimension: "hosting",
    priority: "useful",
    bands: [
      { max_months: 3, level: 4 },
      { min_months: 3, max_months: 12, level: 2 },
      { min_months: 12, level: 0 },
    ],
  };
  const m = mod([updated]);
  const bandCases: [string, number | undefined, string][] = [
    ["2026-08-21", 4, "under 3 whole months"],
    ["2026-08-20", 2, "exactly 3 months"],
    ["2025-11-20", 0, "12 months"],
    ["2026-11-20", 4, "the assessment date itself"],
    ["2026-11-21", undefined, "a date after the assessment date falls in no band"],
  ];
  it.each(bandCases)("last updated %s: level %s (%s)", (date, level) => {
    const sc = scoreAnswers(buildQuestionnaire([m]), set({ updated: date }));
    const cell = sc.questions[0]!.cells[0]!;
    expect(cell.level).toBe(level);
    if (level === undefined) {
      expect(cell.status).toBe("out_of_bands");
      expect(sc.findings).toContainEqual({ code: "ANSWER_OUT_OF_BANDS", args: { question: "updated" } });
      // Kept and counted as answered, never scored.
      expect(sc.dimensions.hosting).toMatchObject({ answered: 1, applicable: 1, scored: 0 });
    }
  });
});

describe("an institution with no dataset", () => {
  const m = mod([single("inst")], [single("ds1"), single("ds2")]);
  it("has its dataset questions unscored, and a finding that says so", () => {
    const sc = scoreAnswers(buildQuestionnaire([m]), set({ inst: "full" }));
    expect(sc.findings).toContainEqual({ code: "NO_DATASETS", args: { questions: 2 } });
    const report = buildReport([institutionResult("a.yaml", set({ inst: "full" }), sc, [])], [m], { title: "T", date: "2026-12-01", lang: "en" });
    expect(report.institutions[0]!.noDatasets).toBe(2);
  });
  it("with datasets, no such finding", () => {
    const sc = scoreAnswers(buildQuestionnaire([m]), set({ inst: "full" }, [{ ds1: "full" }]));
    expect(sc.findings?.map((f) => f.code)).not.toContain("NO_DATASETS");
  });
});

describe("the don't-know rate divides by the answers to questions that apply", () => {
  const m = mod([single("a"), single("b"), single("c"), single("d")]);
  it("one don't know, one not applicable, two levels: 1 / 3", () => {
    const s = set({ a: "dont_know", b: "not_applicable", c: "full", d: "half" });
    const report = buildReport([institutionResult("a.yaml", s, scoreAnswers(buildQuestionnaire([m]), s), [])], [m], { title: "T", date: "2026-12-01", lang: "en" });
    expect(report.institutions[0]!.dontKnowRate).toBe(33.33);
    expect(report.institutions[0]!.completeness).toBe(100);
  });
});

describe("results of another method version", () => {
  it("are named in the report", async () => {
    const m = mod([single("a", { dimension: "collection" })]);
    const s = set({ a: "full" });
    const now = institutionResult("new.yaml", s, scoreAnswers(buildQuestionnaire([m]), s), []);
    const old: InstitutionResult = { ...now, source: "old.results.json", institution: { id: "o", name: "Old" }, scorecard: { ...now.scorecard, method: "1.0.0" } };
    const report = buildReport([now, old], [m], { title: "T", date: "2026-12-01", lang: "en" });
    expect(report.method).toBe(METHOD_VERSION);
    expect(report.otherMethods).toEqual([{ institutionName: "Old", source: "old.results.json", method: "1.0.0" }]);
    expect(renderMarkdown(report)).toContain("another version of the scoring method");
  });
});

describe("the same rules on every channel", () => {
  it("scoreRead (workbooks, CSV, exports and answer files all pass through it) warns and leaves hidden answers out", () => {
    const s = set({ gate: "nil", mid: "half", leaf: "full" });
    const r = scoreRead({ source: "x.csv", set: s, problems: [] }, [chain]) as InstitutionResult;
    expect(r.problems.map((p) => p.code)).toEqual(["ANSWER_TO_HIDDEN_QUESTION", "ANSWER_TO_HIDDEN_QUESTION"]);
    expect(r.answers.answers.leaf).toEqual({ value: "full" });
    expect(r.scorecard.dimensions.sharing.scored).toBe(0);
    expect(checkSchema("results", { format: "assess-results/1", method: METHOD_VERSION, results: [r], failed: [] }, "r")).toEqual([]);
  });
});

describe("an institution given more than once counts once", () => {
  const m = mod([single("a", { dimension: "collection" })]);
  const q = buildQuestionnaire([m]);
  const result = (source: string, id: string, date: string, answer: string) => {
    const s = { ...set({ a: answer }), institution: { id, name: id.toUpperCase() }, date };
    return institutionResult(source, s, scoreAnswers(q, s), []);
  };
  const inputs = [result("first.yaml", "moe", "2026-11-01", "nil"), result("other.yaml", "dol", "2026-11-02", "full"), result("corrected.yaml", "moe", "2026-11-20", "full")];
  it.each([
    ["latest", "corrected.yaml", ["first.yaml"], 100],
    ["first", "first.yaml", ["corrected.yaml"], 50],
  ] as const)("by the rule %s", (rule, kept, left, national) => {
    const once = countOnce(inputs, rule);
    expect(once.results.map((r) => r.source).sort()).toEqual([kept, "other.yaml"].sort());
    expect(once.superseded).toEqual([{ institution: "moe", institutionName: "MOE", kept: { source: kept, date: expect.any(String) }, superseded: left.map((source) => ({ source, date: expect.any(String) })) }]);
    const report = buildReport(once.results, [m], { title: "T", date: "2026-12-01", lang: "en", superseded: once.superseded });
    expect(report.summary.institutions).toBe(2);
    expect(report.summary.national.collection.score).toBe(national);
    expect(checkSchema("report", report, "report")).toEqual([]);
    expect(renderMarkdown(report)).toContain("count once");
  });
  it("the same date: the input given last wins (a corrected return comes after)", () => {
    const same = [result("a.yaml", "moe", "2026-11-20", "nil"), result("b.yaml", "moe", "2026-11-20", "full")];
    expect(countOnce(same, "latest").results.map((r) => r.source)).toEqual(["b.yaml"]);
  });
});
