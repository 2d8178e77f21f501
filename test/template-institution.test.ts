// Templates for the institution that answers them, and modules left wholly empty in a
// workbook of all modules: not answered, not scored as missing answers.
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerSet } from "../src/core/answers.js";
import type { Module } from "../src/core/model.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import type { InstitutionResult } from "../src/core/results.js";
import { answersFromBook } from "../src/core/workbook-answers.js";
import { readAnswerFile } from "../src/io/answers.js";
import { requireModules } from "../src/io/modules.js";
import { scoreRead } from "../src/io/pipeline.js";
import { buildTemplate, contentHash } from "../src/io/template.js";
import { writeWorkbook } from "../src/io/xlsx.js";
import { readXlsx } from "../src/io/xlsx-reader.js";
import { fillWorkbook } from "./helpers/fill-workbook.js";

let modules: Module[];
let set: AnswerSet;
beforeAll(async () => {
  modules = await requireModules();
  set = (await readAnswerFile("examples/answers/moe-student-records-fictional.yaml")).set!;
}, 30_000);

function read(buf: Buffer) {
  const r = readXlsx(buf);
  if (!r.ok) throw new Error(r.code);
  return answersFromBook(r.book, "x.xlsx", modules, contentHash);
}

describe("a module sheet left wholly empty in a workbook of all modules", () => {
  it("is reported as not answered and left off the scorecard and completeness", async () => {
    const all = await writeWorkbook(buildTemplate(buildQuestionnaire(modules, modules.map((m) => m.id)), "both", new Date(0)).spec);
    const r = read(await fillWorkbook(all, set, modules, { labels: "en" }));
    const others = modules.map((m) => m.id).filter((id) => !(id in set.modules));
    expect(r.problems.map((p) => [p.code, p.severity, (p.args as { module: string }).module])).toEqual(others.map((id) => ["MODULE_NOT_ANSWERED", "warning", id]));
    const result = scoreRead(r, modules) as InstitutionResult;
    const expected = scoreRead({ source: "a", set, problems: [] }, modules) as InstitutionResult;
    expect(result.scorecard.modules.map((m) => m.id)).toEqual(Object.keys(set.modules));
    expect(result.scorecard.dimensions).toEqual(expected.scorecard.dimensions);
  });

  it("a module with one answer counts as today: its other questions are missing answers", async () => {
    const all = await writeWorkbook(buildTemplate(buildQuestionnaire(modules, modules.map((m) => m.id)), "both", new Date(0)).spec);
    const withHealth: AnswerSet = { ...set, answers: { ...set.answers, hlth_data_held: { value: "dont_know" } } };
    const r = read(await fillWorkbook(all, withHealth, modules, { labels: "en" }));
    expect(r.problems.map((p) => (p.args as { module: string }).module)).not.toContain("health");
    expect(Object.keys(r.set!.modules)).toContain("health");
  });
});
