// The corpus of returned and broken workbooks: each gets its one clear message, and a batch
// goes on past every one of them.
import { readdirSync } from "node:fs";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { scoreRead } from "../src/io/pipeline.js";
import type { Module } from "../src/core/model.js";
import type { FailedInput, InstitutionResult } from "../src/core/results.js";
import { readWorkbookAnswers } from "../src/io/ingest-workbook.js";
import { requireModules } from "../src/io/modules.js";
import { readXlsx } from "../src/io/xlsx-reader.js";
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

describe("broken workbooks get one clear message", () => {
  // [file, code, words the message must contain]
  const cases: [string, string, string][] = [
    ["bad/not-a-workbook.xlsx", "WORKBOOK_NOT_ZIP", "not an Excel workbook"],
    ["bad/truncated.xlsx", "WORKBOOK_CORRUPT", "truncated or corrupt"],
    ["bad/old-format.xls", "WORKBOOK_XLS", "old Excel 97-2003 workbook (.xls); open it and save it as .xlsx"],
    ["bad/empty.xlsx", "WORKBOOK_EMPTY", "the file is empty"],
    ["bad/encrypted.xlsx", "WORKBOOK_ENCRYPTED", "password-protected"],
    ["bad/zip-bomb.xlsx", "WORKBOOK_TOO_LARGE", "refused as a possible zip bomb"],
    ["bad/other-version.xlsx", "OTHER_MODULE_VERSIONS", "built from other module versions: education 2.0.0 (loaded: 1.0.0)"],
    ["bad/no-name.xlsx", "INSTITUTION_NAME_MISSING", "the institution's name is empty"],
  ];
  it.each(cases)("%s", async (file, code, words) => {
    const o = (await outcome(`${CORPUS}/${file}`)) as FailedInput;
    expect("scorecard" in o).toBe(false);
    expect(o.problems).toHaveLength(1);
    expect(o.problems[0]!.code).toBe(code);
    expect(o.problems[0]!.message).toContain(words);
  });

  it("a workbook that lost a module sheet is scored from what remains, and says so", async () => {
    const o = (await outcome(`${CORPUS}/bad/missing-sheet.xlsx`)) as InstitutionResult;
    expect(o.problems.map((p) => p.code)).toEqual(["SHEET_MISSING"]);
    expect(o.problems[0]!.message).toBe('the workbook has lost the sheet "Education of migrant children" (module education); its answers are missing');
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
    const lines = o.problems.map((p) => `${p.place}: ${p.message}`);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^'Education of migrant children'!E\d+: question "edu_records_coverage", option "public_schools": "Maybe" is not Yes or No$/);
    expect(lines.some((l) => /!E\d+: question "edu_gcode_student_count": "many" is not a number$/.test(l))).toBe(true);
    expect(lines.some((l) => /!E\d+: question "edu_enrols_without_id": "sometimes" is not one of: .*Don't know \/ ไม่ทราบ, Not applicable \/ ไม่เกี่ยวข้อง$/.test(l))).toBe(true);
    expect(o.answers.rejected!.map((r) => [r.question, r.raw])).toEqual([
      ["edu_records_coverage", "Maybe"],
      ["edu_gcode_student_count", "many"],
      ["edu_enrols_without_id", "sometimes"],
    ]);
    expect(o.answers.answers.edu_enrols_without_id).toBeUndefined();
    expect(o.institution).toEqual(expect.objectContaining({ id: "peo-typos", name: "Provincial Education Office with typos (fictional)" }));
  });
});

describe("absurd sheet sizes", () => {
  it("are refused with a message, not read", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(`${CORPUS}/returned/moe-education.xlsx`) as unknown as ArrayBuffer);
    wb.getWorksheet("Education of migrant children")!.getCell(100_000, 2).value = "far away";
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const file = `${mkdtempSync(`${(await import("node:os")).tmpdir()}/assess-big-`)}/big.xlsx`;
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const o = (await outcome(file)) as FailedInput;
    expect(o.problems.map((p) => p.code)).toEqual(["SHEET_TOO_LARGE"]);
    expect(o.problems[0]!.message).toBe("sheet Education of migrant children has 100000 rows × 7 columns; a questionnaire sheet may have at most 5000 × 2000");
  });
});

describe("reading cells", () => {
  it("turns every value shape of real foreign workbooks into what the cell shows", async () => {
    const read = (file: string) => {
      const r = readXlsx(readFileSync(file));
      if (!r.ok) throw new Error(r.message);
      return r.book;
    };
    const book = read("test/fixtures/foreign-workbooks/xl_date_ambiguous.xlsx");
    expect(book.sheet("changelog")!.cell(2, 1)).toEqual({ kind: "date", value: "1899-12-31", text: "1899-12-31" });
    const spec = read("test/fixtures/foreign-workbooks/xlsform_spec_test.xlsx");
    expect(spec.sheet("survey")!.cell(55, 2)).toEqual({ kind: "uncalculated", text: "=FALSE()" });
    expect(spec.sheet("survey")!.cell(22, 11)).toEqual({ kind: "bool", value: true, text: "TRUE" });
  });
  it("refuses archives beyond the limits before expanding them", () => {
    const v = inspectWorkbookBytes(readFileSync(`${CORPUS}/bad/zip-bomb.xlsx`));
    expect(v).toMatchObject({ ok: false, code: "TOO_LARGE" });
  });
});
