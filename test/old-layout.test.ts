// Workbooks sent out in the first template layout (datasets as rows, labels without level
// markers) still score as the answer files they were filled from.
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerSet } from "../src/core/answers.js";
import type { Module } from "../src/core/model.js";
import type { InstitutionResult } from "../src/core/results.js";
import { checkAnswers } from "../src/core/check-answers.js";
import { readAnswerFile } from "../src/io/answers.js";
import { readWorkbookAnswers } from "../src/io/ingest-workbook.js";
import { requireModules } from "../src/io/modules.js";
import { scoreRead } from "../src/io/pipeline.js";

/** Options in a fixed order: a workbook gives them in the questionnaire's order. */
function sorted(answers: AnswerSet["answers"]): AnswerSet["answers"] {
  return Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, Array.isArray(a.value) ? { ...a, value: [...a.value].sort() } : a]));
}

let modules: Module[];
beforeAll(async () => {
  modules = await requireModules();
});

describe("a workbook in the old layout", () => {
  it.each(["dla-local-registration", "moe-student-records", "dol-work-permits"])("%s scores as its answer file", async (name) => {
    const file = await readAnswerFile(`examples/answers/${name}-fictional.yaml`);
    const expected = scoreRead({ source: file.source, set: file.set!, problems: [] }, modules) as InstitutionResult;
    const read = await readWorkbookAnswers(`test/fixtures/old-layout-workbooks/${name}-fictional.xlsx`, modules);
    // Sent out at general 2.0.0, read against 2.1.0 (which only stopped skipping a question):
    // nothing in the reading; the answer check warns of the minor version, and scores agree.
    expect(read.problems.map((p) => p.code)).toEqual([]);
    expect(read.set!.modules.general).toBe("2.0.0");
    expect(checkAnswers(read.set!, modules, read.source).problems.map((p) => [p.code, p.args])).toEqual([["MODULE_VERSION_DIFFERS", { module: "general", version: "2.0.0", loaded: "2.1.0" }]]);
    const result = scoreRead(read, modules) as InstitutionResult;
    expect(result.scorecard.dimensions).toEqual(expected.scorecard.dimensions);
    expect(result.answers.datasets.map((d) => [d.name, sorted(d.answers)])).toEqual(file.set!.datasets.map((d) => [d.name, sorted(d.answers)]));
    expect(sorted(result.answers.answers)).toEqual(sorted(file.set!.answers));
  });
});
