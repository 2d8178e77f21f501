// The corpus of returned and broken workbooks: each gets its one clear message, and a batch
// goes on past every one of them.
import { readdirSync } from "node:fs";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { scoreRead } from "../src/commands/score.js";
import type { Module } from "../src/core/model.js";
import type { FailedInput, InstitutionResult } from "../src/core/results.js";
import { readWorkbookAnswers } from "../src/io/ingest-workbook.js";
import { requireModules } from "../src/io/modules.js";
import { readWorkbook } from "../src/io/xlsx.js";
import { inspectWorkbookBytes } from "../src/io/zip.js";
import { readFileSync } from "node:fs";
import { CORPUS, generateCorpus, generateExamples } from "./helpers/workbook-corpus.js";

let modules: Module[];
beforeAll(async () => {
  modules = await requireModules();
  // GENERATE_FIXTURES=corpus,examples rewrites test/fixtures/workbooks and examples/returned.
  const generate = process.env.GENERATE_FIXTURES ?? "";
  if (generate.includes("corpus")) await generateCorpus(modules);
  if (generate.includes("examples")) await generateExamples(modules);
});

async function outcome(file: string) {
  return scoreRead(await readWorkbookAnswers(file, modules), modules);
}

describe("broken workbooks get one clear problem", () => {
  // [file, code, args (in part)]
  const cases: [string, string, object][] = [
    ["bad/not-a-workbook.xlsx", "WORKBOOK_NOT_ZIP", {}],
    ["bad/truncated.xlsx", "WORKBOOK_CORRUPT", {}],
    ["bad/old-format.xls", "WORKBOOK_XLS", {}],
    ["bad/empty.xlsx", "WORKBOOK_EMPTY", { kind: "no_bytes" }],
    ["bad/encrypted.xlsx", "WORKBOOK_ENCRYPTED", {}],
    ["bad/zip-bomb.xlsx", "WORKBOOK_TOO_LARGE", { limit: "ratio" }],
    ["bad/other-version.xlsx", "OTHER_MODULE_VERSIONS", { modules: [{ module: "education", version: "2.0.0", loaded: "1.0.0" }] }],
    ["bad/no-name.xlsx", "INSTITUTION_NAME_MISSING", { in: "workbook" }],
  ];
  it.each(cases)("%s", async (file, code, args) => {
    const o = (await outcome(`${CORPUS}/${file}`)) as FailedInput;
    expect("scorecard" in o).toBe(false);
    expect(o.problems).toHaveLength(1);
    expect(o.problems[0]).toMatchObject({ code, args });
  });

  it("a workbook that lost a module sheet is scored from what remains, and says so", async () => {
    const o = (await outcome(`${CORPUS}/bad/missing-sheet.xlsx`)) as InstitutionResult;
    expect(o.problems.map((p) => p.code)).toEqual(["SHEET_MISSING"]);
    expect(o.problems[0]!.args).toEqual({ sheet: "Education of migrant children", holds: "module", module: "education" });
    expect(o.scorecard.byModule.find((m) => m.module === "education")!.dimensions.collection.answered).toBe(0);
  });

  it.each(readdirSync("test/fixtures/foreign-workbooks").filter((f) => /\.xlsx?$/.test(f)))("foreign workbook %s is not an assess questionnaire", async (file) => {
    const o = (await outcome(`test/fixtures/foreign-workbooks/${file}`)) as FailedInput;
    expect(o.problems).toHaveLength(1);
    expect(o.problems[0]!.code).toMatch(/^(NOT_QUESTIONNAIRE|WORKBOOK_XLS)$/);
  });
});

describe("invalid values are reported by cell, kept, and left out of the score", () => {
  it("names the sheet, the cell and what was expected", async () => {
    const o = (await outcome(`${CORPUS}/returned/invalid-values.xlsx`)) as InstitutionResult;
    expect(o.problems.map((p) => p.code)).toEqual(["INVALID_ANSWER", "INVALID_ANSWER", "INVALID_ANSWER"]);
    for (const p of o.problems) expect(p.place).toMatch(/^'Education of migrant children'!E\d+$/);
    expect(o.problems.map((p) => p.args)).toEqual([
      { question: "edu_records_coverage", option: "public_schools", value: "Maybe", reason: { code: "NOT_YES_OR_NO", args: { text: "Maybe" } } },
      { question: "edu_gcode_student_count", value: "many", reason: { code: "NOT_A_NUMBER", args: { text: "many" } } },
      { question: "edu_enrols_without_id", value: "sometimes", reason: { code: "NOT_AN_OPTION", args: { value: "sometimes", options: expect.arrayContaining(["Don't know / ไม่ทราบ", "Not applicable / ไม่เกี่ยวข้อง"]) } } },
    ]);
    expect(o.answers.rejected!.map((r) => [r.question, r.raw, r.code])).toEqual([
      ["edu_records_coverage", "Maybe", "INVALID_ANSWER"],
      ["edu_gcode_student_count", "many", "INVALID_ANSWER"],
      ["edu_enrols_without_id", "sometimes", "INVALID_ANSWER"],
    ]);
    expect(o.answers.answers.edu_enrols_without_id).toBeUndefined();
    expect(o.institution).toEqual(expect.objectContaining({ id: "peo-typos", name: "Provincial Education Office with typos (fictional)" }));
  });
});

describe("absurd sheet sizes", () => {
  it("are refused with a problem, not read", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(`${CORPUS}/returned/moe-education.xlsx`) as unknown as ArrayBuffer);
    wb.getWorksheet("Education of migrant children")!.getCell(100_000, 2).value = "far away";
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const file = `${mkdtempSync(`${(await import("node:os")).tmpdir()}/assess-big-`)}/big.xlsx`;
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const o = (await outcome(file)) as FailedInput;
    expect(o.problems.map((p) => p.code)).toEqual(["SHEET_TOO_LARGE"]);
    expect(o.problems[0]!.args).toEqual({ sheet: "Education of migrant children", rows: 100000, columns: 7, maxRows: 5000, maxColumns: 2000 });
  });
});

describe("reading cells", () => {
  it("turns every value shape of real foreign workbooks into what the cell shows", async () => {
    const book = await readWorkbook(readFileSync("test/fixtures/foreign-workbooks/xl_date_ambiguous.xlsx"));
    expect(book.sheet("changelog")!.cell(2, 1)).toEqual({ kind: "date", value: "1899-12-31", text: "1899-12-31" });
    const spec = await readWorkbook(readFileSync("test/fixtures/foreign-workbooks/xlsform_spec_test.xlsx"));
    expect(spec.sheet("survey")!.cell(55, 2)).toEqual({ kind: "uncalculated", text: "=FALSE()" });
    expect(spec.sheet("survey")!.cell(22, 11)).toEqual({ kind: "bool", value: true, text: "TRUE" });
  });
  it("refuses archives beyond the limits before expanding them", () => {
    const v = inspectWorkbookBytes(readFileSync(`${CORPUS}/bad/zip-bomb.xlsx`));
    expect(v).toMatchObject({ ok: false, code: "WORKBOOK_TOO_LARGE", args: { limit: "ratio" } });
  });
});
