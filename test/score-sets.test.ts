// Bands and levels that depend on another answer (band sets, level sets): one line a case.
import { describe, expect, it } from "vitest";
import type { Answer, AnswerSet } from "../src/core/answers.js";
import type { Module, Question } from "../src/core/model.js";
import { checkModules } from "../src/core/rules.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import { scoreAnswers } from "../src/core/scoring.js";

const t = (en: string) => ({ en, th: `ไทย ${en}` });
const SURVEYS = { question: "ds_type", in: ["census", "survey"] };

const dsType: Question = {
  id: "ds_type",
  type: "single_choice",
  label: t("type"),
  help: t("type"),
  options: ["register", "survey", "census"].map((value) => ({ value, label: t(value) })),
};

/** Years between rounds: a register should be yearly, a census or survey every ten years is fine. */
const cycle: Question = {
  id: "cycle_years",
  type: "number",
  label: t("cycle"),
  help: t("cycle"),
  dimension: "collection",
  priority: "important",
  bands: [{ max: 2, level: 4 }, { min: 2, max: 5, level: 2, recommendation: t("yearly") }, { min: 5, level: 0, recommendation: t("start a cycle") }],
  band_sets: [{ when: SURVEYS, bands: [{ max: 11, level: 4 }, { min: 11, level: 1, recommendation: t("ten-yearly") }] }],
};

/** How often, with the levels a census or survey gets instead. */
const frequency: Question = {
  id: "frequency",
  type: "single_choice",
  label: t("frequency"),
  help: t("frequency"),
  dimension: "collection",
  priority: "essential",
  options: [
    { value: "ten_yearly", label: t("ten-yearly"), level: 1, recommendation: t("annual cycle") },
    { value: "annual", label: t("annual"), level: 3, recommendation: t("monthly") },
    { value: "monthly", label: t("monthly"), level: 4 },
  ],
  level_sets: [{ when: SURVEYS, levels: [{ value: "ten_yearly", level: 4 }, { value: "monthly", level: 2, recommendation: t("respondent burden") }] }],
};

/** A date: last update, where a census is recent enough within ten years. */
const updated: Question = {
  id: "last_updated",
  type: "date",
  label: t("updated"),
  help: t("updated"),
  dimension: "collection",
  priority: "useful",
  bands: [{ max_months: 12, level: 4 }, { min_months: 12, level: 0, recommendation: t("update") }],
  band_sets: [{ when: { question: "ds_type", in: ["census"] }, bands: [{ max_months: 132, level: 4 }, { min_months: 132, level: 0, recommendation: t("next round") }] }],
};

const module: Module = {
  id: "m",
  version: "2.0.0",
  title: t("M"),
  description: t("M"),
  themes: ["m"],
  sources: [{ id: "x", citation: "xyz" }],
  sections: [{ id: "ds", title: t("D"), scope: "dataset", questions: [dsType, cycle, frequency, updated] }],
};

function score(answers: Record<string, Answer["value"]>) {
  const set: AnswerSet = {
    format: "assess-answers/1",
    institution: { id: "i", name: "I" },
    date: "2026-12-01",
    modules: { m: "2.0.0" },
    answers: {},
    datasets: [{ id: "d", name: "D", answers: Object.fromEntries(Object.entries(answers).map(([k, value]) => [k, { value }])) }],
  } as AnswerSet;
  const card = scoreAnswers(buildQuestionnaire([module]), set);
  return (id: string) => card.questions.find((q) => q.question === id)!.cells[0]!;
}

describe("band sets and level sets", () => {
  it("the module passes the rules", () => {
    expect(checkModules([{ source: "m.yaml", module }])).toEqual([]);
  });

  // [question, ds_type (undefined: unanswered), answer, level, score, recommendation (English)]
  const cases: [string, string | undefined, Answer["value"], number, number, string | undefined][] = [
    ["cycle_years", "register", 1, 4, 1, undefined],
    ["cycle_years", "register", 10, 0, 0, "start a cycle"],
    ["cycle_years", "census", 10, 4, 1, undefined],
    ["cycle_years", "survey", 3, 4, 1, undefined],
    ["cycle_years", "census", 12, 1, 0.25, "ten-yearly"],
    ["cycle_years", undefined, 10, 0, 0, "start a cycle"],
    ["frequency", "register", "ten_yearly", 1, 0.25, "annual cycle"],
    ["frequency", "census", "ten_yearly", 4, 1, undefined],
    ["frequency", "register", "annual", 3, 0.75, "monthly"],
    ["frequency", "survey", "annual", 3, 0.75, "monthly"],
    ["frequency", "survey", "monthly", 2, 0.5, "respondent burden"],
    ["frequency", "register", "monthly", 4, 1, undefined],
    ["last_updated", "register", "2020-12-01", 0, 0, "update"],
    ["last_updated", "census", "2020-12-01", 4, 1, undefined],
    ["last_updated", "census", "2015-11-30", 0, 0, "next round"],
    ["last_updated", "survey", "2020-12-01", 0, 0, "update"],
  ];
  it.each(cases)("%s for a %s answered %s: level %s", (id, type, answer, level, s, rec) => {
    const cell = score({ ...(type ? { ds_type: type } : {}), [id]: answer })(id);
    expect(cell).toMatchObject({ status: "scored", level, score: s });
    expect(cell.recommendation?.map((r) => r.en)[0]).toBe(rec);
  });

  it("don't know takes its advice from the bands that apply", () => {
    expect(score({ ds_type: "census", cycle_years: "dont_know" })("cycle_years").recommendation?.[0]?.en).toBe("ten-yearly");
    expect(score({ ds_type: "register", cycle_years: "dont_know" })("cycle_years").recommendation?.[0]?.en).toBe("start a cycle");
  });

  it("a value outside the set's bands is out of bands, not scored by the default bands", () => {
    const narrow: Module = { ...module, sections: [{ ...module.sections[0]!, questions: [dsType, { ...cycle, band_sets: [{ when: SURVEYS, bands: [{ min: 5, max: 11, level: 4 }] }] }] }] };
    const set = { format: "assess-answers/1", institution: { id: "i", name: "I" }, date: "2026-12-01", modules: { m: "2.0.0" }, answers: {}, datasets: [{ id: "d", name: "D", answers: { ds_type: { value: "census" }, cycle_years: { value: 1 } } }] } as AnswerSet;
    expect(scoreAnswers(buildQuestionnaire([narrow]), set).questions.find((q) => q.question === "cycle_years")!.cells[0]!.status).toBe("out_of_bands");
  });
});
