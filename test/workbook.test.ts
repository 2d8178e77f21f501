// Round trip: template → filled as a respondent would → score, against the same answers as a file.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { scoreRead } from "../src/io/pipeline.js";
import type { AnswerSet } from "../src/core/answers.js";
import type { Module } from "../src/core/model.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import type { InstitutionResult } from "../src/core/results.js";
import { readAnswerFile } from "../src/io/answers.js";
import { readWorkbookAnswers } from "../src/io/ingest-workbook.js";
import { requireModules } from "../src/io/modules.js";
import { buildTemplate } from "../src/io/template.js";
import { writeWorkbook } from "../src/io/xlsx.js";
import { fillWorkbook } from "./helpers/fill-workbook.js";
import type { FillOptions } from "./helpers/fill-workbook.js";

let modules: Module[];
let template: Buffer;
const dir = mkdtempSync(join(tmpdir(), "assess-wb-"));

beforeAll(async () => {
  modules = await requireModules();
  template = await writeWorkbook(buildTemplate(buildQuestionnaire(modules, ["general", "education"]), "both", new Date("2026-01-01T00:00:00Z")).spec);
});

async function roundTrip(set: AnswerSet, options: FillOptions, name: string) {
  const file = join(dir, name);
  writeFileSync(file, await fillWorkbook(template, set, modules, options));
  const read = await readWorkbookAnswers(file, modules);
  return { read, result: scoreRead(read, modules) as InstitutionResult };
}

/** Scores without dataset ids, which differ (a workbook's ids come from dataset names). */
function scores(r: InstitutionResult) {
  return {
    dimensions: r.scorecard.dimensions,
    byModule: r.scorecard.byModule,
    questions: r.scorecard.questions.map((q) => ({ ...q, cells: q.cells.map(({ dataset: _d, ...c }) => c) })),
    gaps: r.scorecard.gaps.map(({ datasets: _d, criticalDatasets: _c, ...g }) => g),
  };
}

function sorted(answers: AnswerSet["answers"]): AnswerSet["answers"] {
  return Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, Array.isArray(a.value) ? { ...a, value: [...a.value].sort() } : a]));
}

describe("a filled workbook scores as the same answers in an answer file", () => {
  it.each([
    ["English labels", { labels: "en" }],
    ["Thai labels, moved rows, numbers as text, a formula, rich text, a hyperlink", {
      labels: "th",
      moveRows: ["edu_enrols_without_id", "edu_records_coverage", "legal_mandate_migrant_data"],
      numbersAsText: ["edu_gcode_student_count"],
      formulas: ["ds_timeliness_months"],
      richText: ["firewall_immigration_enforcement"],
      hyperlinks: ["legal_mandate_migrant_data"],
    }],
    ["labels alternating between the languages", { labels: "mixed" }],
  ] as [string, FillOptions][])("%s", async (_name, options) => {
    const file = await readAnswerFile("examples/answers/moe-student-records-fictional.yaml");
    const expected = scoreRead({ source: file.source, set: file.set!, problems: [] }, modules) as InstitutionResult;
    const { read, result } = await roundTrip(file.set!, options, `rt-${_name.length}.xlsx`);
    expect(read.problems).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(scores(result)).toEqual(scores(expected));
    // every answer and comment came back (options in the questionnaire's order)
    expect(sorted(result.answers.answers)).toEqual(sorted(file.set!.answers));
    expect(result.answers.datasets.map((d) => [d.name, sorted(d.answers)])).toEqual(file.set!.datasets.map((d) => [d.name, sorted(d.answers)]));
  });
});

describe("dates typed as text with a Buddhist-era year", () => {
  it("are read as B.E., score as the same date would, and are named with a warning and their cell", async () => {
    const file = await readAnswerFile("examples/answers/moe-student-records-fictional.yaml");
    const expected = scoreRead({ source: file.source, set: file.set!, problems: [] }, modules) as InstitutionResult;
    const { result } = await roundTrip(file.set!, { labels: "th", buddhistEraText: ["ds_last_updated"] }, "buddhist-era.xlsx");
    expect(scores(result)).toEqual(scores(expected));
    expect(result.answers.datasets.map((d) => d.answers.ds_last_updated)).toEqual(file.set!.datasets.map((d) => d.answers.ds_last_updated));
    const be = result.problems.filter((p) => p.code === "BUDDHIST_ERA_DATE");
    expect(be.map((p) => [p.severity, p.args])).toEqual(
      file.set!.datasets
        .filter((d) => d.answers.ds_last_updated)
        .map((d) => {
          const [y, m, day] = String(d.answers.ds_last_updated!.value).split("-");
          return ["warning", { dataset: d.name, question: "ds_last_updated", text: `${day}/${m}/${Number(y) + 543}`, date: d.answers.ds_last_updated!.value }];
        }),
    );
    for (const p of be) expect(p.place).toMatch(/!\w+\d+$/);
  });
  // Before, these two were read as C.E. without a word: an answer changed without a message.
  it("on the Institution sheet (the date of answering) too, with its cell", async () => {
    const file = await readAnswerFile("examples/answers/moe-student-records-fictional.yaml");
    const { read } = await roundTrip(file.set!, { buddhistEraText: ["assessment_date"] }, "buddhist-era-date.xlsx");
    expect(read.set!.date).toBe(file.set!.date);
    const [y, m, d] = file.set!.date.split("-");
    expect(read.problems.filter((p) => p.code === "BUDDHIST_ERA_DATE").map((p) => [p.severity, p.args, p.place])).toEqual([
      ["warning", { question: "assessment_date", text: `${d}/${m}/${Number(y) + 543}`, date: file.set!.date }, expect.stringMatching(/^Institution!C\d+$/)],
    ]);
  });
  it("in the date cell of the Institution sheet, shown as a date, named with the date it held", async () => {
    const file = await readAnswerFile("examples/answers/moe-student-records-fictional.yaml");
    const { read } = await roundTrip(file.set!, { buddhistEraCells: ["assessment_date"] }, "buddhist-era-date-cell.xlsx");
    expect(read.set!.date).toBe(file.set!.date);
    const held = `${Number(file.set!.date.slice(0, 4)) + 543}${file.set!.date.slice(4)}`;
    expect(read.problems.filter((p) => p.code === "BUDDHIST_ERA_DATE").map((p) => [p.severity, p.args])).toEqual([["warning", { question: "assessment_date", text: held, date: file.set!.date }]]);
  });
  it("in a date cell (the year typed in B.E. and kept as a date by the spreadsheet), named too", async () => {
    const file = await readAnswerFile("examples/answers/moe-student-records-fictional.yaml");
    const { result } = await roundTrip(file.set!, { buddhistEraCells: ["ds_last_updated"] }, "buddhist-era-cells.xlsx");
    expect(result.answers.datasets.map((d) => d.answers.ds_last_updated)).toEqual(file.set!.datasets.map((d) => d.answers.ds_last_updated));
    const dated = file.set!.datasets.filter((d) => d.answers.ds_last_updated);
    expect(dated.length).toBeGreaterThan(0);
    expect(result.problems.filter((p) => p.code === "BUDDHIST_ERA_DATE").map((p) => [p.severity, p.args])).toEqual(
      dated.map((d) => {
        const iso = String(d.answers.ds_last_updated!.value);
        return ["warning", { dataset: d.name, question: "ds_last_updated", text: `${Number(iso.slice(0, 4)) + 543}${iso.slice(4)}`, date: iso }];
      }),
    );
  });
});

describe("answers to questions their condition hides", () => {
  it("are kept, not scored, and named with the cell they were read from", async () => {
    const file = await readAnswerFile("examples/answers/moe-student-records-fictional.yaml");
    const set: AnswerSet = {
      ...file.set!,
      answers: { ...file.set!.answers, shares_data: { value: "no" }, sharing_agreements: { value: "some_partners" }, sharing_agreement_content: { value: ["purpose"] } },
    };
    const { result } = await roundTrip(set, { labels: "en" }, "hidden.xlsx");
    const hidden = result.problems.filter((p) => p.code === "ANSWER_TO_HIDDEN_QUESTION");
    expect(hidden.map((p) => [p.severity, p.path.at(-1)])).toEqual(
      expect.arrayContaining([
        ["warning", "sharing_agreements"],
        ["warning", "sharing_agreement_content"],
      ]),
    );
    for (const p of hidden) expect(p.place).toMatch(/^'General questionnaire'!E\d+$/);
    expect(result.answers.answers.sharing_agreement_content).toEqual({ value: ["purpose"] });
    const content = result.scorecard.questions.find((q) => q.question === "sharing_agreement_content")!;
    expect(content.cells[0]!.status).toBe("hidden");
  });
});

describe("the template as a respondent sees it", () => {
  it("gives wrapped rows the height of their text (spreadsheets do not re-fit rows on opening)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("General questionnaire")!;
    const heights: number[] = [];
    ws.eachRow((row, r) => {
      if (r > 1 && !String(row.getCell(1).value).includes(":")) heights.push(row.height ?? 0);
    });
    // every question row (question + help in English and Thai) is taller than one line
    expect(heights.length).toBeGreaterThan(30);
    expect(Math.min(...heights)).toBeGreaterThan(30);
  });
  it("protects the sheets without a password, leaving answer and comment cells open", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Education of migrant children")!;
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection.sheet).toBe(true);
    expect(protection.hashValue).toBeUndefined();
    expect(ws.getCell("E2").protection?.locked).toBe(false);
    expect(ws.getCell("F2").protection?.locked).toBe(false);
    expect(ws.getCell("C2").protection?.locked).not.toBe(false);
    expect(ws.getCell("E3").dataValidation.type).toBeDefined();
  });
});
