// The corpus of returned and broken workbooks: each gets its one clear message, and a batch
// goes on past every one of them.
import { readdirSync } from "node:fs";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { scoreRead } from "../src/io/pipeline.js";
import type { Module } from "../src/core/model.js";
import type { FailedInput, InstitutionResult } from "../src/core/results.js";
import { readWorkbookAnswers } from "../src/io/ingest-workbook.js";
import { answersFromBook, exportFromBook } from "../src/core/workbook-answers.js";
import { contentHash } from "../src/io/template.js";
import { requireModules } from "../src/io/modules.js";
import { readXlsx } from "../src/io/xlsx-reader.js";
import type { ReadBook } from "../src/core/workbook.js";

/** A workbook's cells, read as ingest reads them. */
function readBook(buf: Buffer): ReadBook {
  const read = readXlsx(buf);
  if (!read.ok) throw new Error(`not readable: ${read.code}`);
  return read.book;
}
import { ZIP_LIMITS, inspectWorkbookBytes } from "../src/io/zip.js";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { CORPUS, generateCorpus, generateExamples, zipWith } from "./helpers/workbook-corpus.js";

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
    // A workbook made for education 1.x, refused by the 2.0.0 modules (issue 12).
    ["bad/other-version.xlsx", "OTHER_MODULE_VERSIONS", { modules: [{ module: "education", version: "1.0.0", loaded: "2.0.0" }] }],
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

describe("a returned workbook changed by hand gets the problem that says how", () => {
  const rowOf = (ws: ExcelJS.Worksheet, id: string) => {
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === id) return r;
    throw new Error(`no row ${id}`);
  };
  const meta = (wb: ExcelJS.Workbook, key: string, value: string) => {
    const ws = wb.getWorksheet("assess_meta")!;
    ws.getCell(rowOf(ws, key), 2).value = value;
  };
  const drop = (wb: ExcelJS.Workbook, name: string) => wb.removeWorksheet(wb.getWorksheet(name)!.id);
  const EDU = "Education of migrant children";
  // [case, change, code, args, place]
  const cases: [string, (wb: ExcelJS.Workbook) => void, string, object, string | undefined][] = [
    ["a question id not in the questionnaire", (wb) => (wb.getWorksheet(EDU)!.getCell("A2").value = "edu_made_up"), "UNKNOWN_ROW", { row: 2, id: "edu_made_up" }, `'${EDU}'!A2`],
    ["a question id copied to another row", (wb) => (wb.getWorksheet(EDU)!.getCell("A4").value = "edu_gcode_student_count"), "DUPLICATE_ROW", { id: "edu_gcode_student_count", first: 2 }, `'${EDU}'!A4`],
    ["a dataset column without its name", (wb) => (wb.getWorksheet("Datasets")!.getCell("D2").value = null), "DATASET_NAME_MISSING", { column: "D" }, "Datasets!D2"],
    ["a date of answering that is no date", (wb) => { const ws = wb.getWorksheet("Institution")!; ws.getCell(rowOf(ws, "assessment_date"), 3).value = "soon"; }, "DATE_MISSING", { in: "workbook", reason: { code: "NOT_A_DATE", args: { text: "soon" } } }, undefined],
    ["content changed under the same versions", (wb) => meta(wb, "hash", "0000000000000000"), "TEMPLATE_CONTENT_DIFFERS", {}, undefined],
    ["a template format not known", (wb) => meta(wb, "format", "assess-template/9"), "NOT_QUESTIONNAIRE", { kind: "format", format: "assess-template/9", expected: "assess-template/1" }, undefined],
    // A damaged metadata sheet: one warning, and the answers are still read by their ids (test/workbook-returned.test.ts).
    ["metadata edited beyond reading", (wb) => meta(wb, "modules", "{general"), "META_DAMAGED", { kind: "modules", sheet: "assess_meta" }, undefined],
    ["metadata's module list set to null", (wb) => meta(wb, "modules", "null"), "META_DAMAGED", { kind: "modules", sheet: "assess_meta" }, undefined],
    ["metadata's sheet map set to a list", (wb) => meta(wb, "sheets", "[1,2]"), "META_DAMAGED", { kind: "sheets", sheet: "assess_meta" }, undefined],
    ["the metadata sheet deleted", (wb) => drop(wb, "assess_meta"), "META_DAMAGED", { kind: "missing", sheet: "assess_meta" }, undefined],
    ["the Institution sheet deleted", (wb) => drop(wb, "Institution"), "SHEET_MISSING", { sheet: "Institution", holds: "institution" }, undefined],
    ["the Datasets sheet deleted", (wb) => drop(wb, "Datasets"), "SHEET_MISSING", { sheet: "Datasets", holds: "datasets" }, undefined],
  ];
  it.each(cases)("%s", async (_n, change, code, args, place) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(`${CORPUS}/returned/moe-education.xlsx`) as unknown as ArrayBuffer);
    change(wb);
    const read = answersFromBook(readBook(Buffer.from(await wb.xlsx.writeBuffer())), "moe.xlsx", modules, contentHash);
    const found = read.problems.find((p) => p.code === code);
    expect(found, read.problems.map((p) => p.code).join(", ")).toMatchObject({ args, ...(place ? { place } : {}) });
  });
  it("a dataset column without its name keeps what it held, with the problem as data", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(`${CORPUS}/returned/moe-education.xlsx`) as unknown as ArrayBuffer);
    wb.getWorksheet("Datasets")!.getCell("D2").value = null;
    const read = answersFromBook(readBook(Buffer.from(await wb.xlsx.writeBuffer())), "moe.xlsx", modules, contentHash);
    expect(read.set!.rejected!.length).toBeGreaterThan(0);
    for (const r of read.set!.rejected!) expect(r).toMatchObject({ code: "DATASET_NAME_MISSING", args: { column: "D" } });
  });
  it("a workbook with no sheets", () => {
    expect(answersFromBook({ sheetNames: [], sheet: () => undefined }, "none.xlsx", modules, contentHash).problems).toEqual([
      { code: "WORKBOOK_EMPTY", args: { kind: "no_sheets" }, severity: "error", source: "none.xlsx", path: [] },
    ]);
  });
  it("a zip that is no workbook, and a file too large to open", async () => {
    expect(inspectWorkbookBytes(zipWith("word/document.xml", Buffer.from("<w:document/>")))).toMatchObject({ ok: false, code: "WORKBOOK_NOT_SPREADSHEET", args: { kind: "zip" } });
    const file = `${mkdtempSync(`${tmpdir()}/assess-huge-`)}/huge.xlsx`;
    writeFileSync(file, Buffer.alloc(ZIP_LIMITS.maxFileBytes + 1));
    expect((await readWorkbookAnswers(file, modules)).problems).toMatchObject([{ code: "TOO_LARGE", args: { what: "workbook", bytes: ZIP_LIMITS.maxFileBytes + 1, max: ZIP_LIMITS.maxFileBytes } }]);
    rmSync(file);
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
  /** A returned workbook with one more value at (row, column) of a module sheet. */
  async function widened(row: number, column: number): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(`${CORPUS}/returned/moe-education.xlsx`) as unknown as ArrayBuffer);
    wb.getWorksheet("Education of migrant children")!.getCell(row, column).value = "far away";
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const file = `${mkdtempSync(`${(await import("node:os")).tmpdir()}/assess-big-`)}/big.xlsx`;
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    return file;
  }

  // 2,000 columns leave room: the widest sheet assess meets is a Kobo export of every module with split select-many columns (572); the template's is Lists (146).
  it.each([
    ["rows", 100_000, 2, { sheet: "Education of migrant children", rows: 100000, columns: 7, maxRows: 5000, maxColumns: 2000 }],
    ["columns", 3, 2_001, { sheet: "Education of migrant children", rows: 41, columns: 2001, maxRows: 5000, maxColumns: 2000 }],
  ])("too many %s are refused with a problem, not read", async (_what, row, column, args) => {
    const o = (await outcome(await widened(row, column))) as FailedInput;
    expect(o.problems.map((p) => p.code)).toEqual(["SHEET_TOO_LARGE"]);
    expect(o.problems[0]!.args).toEqual(args);
  });

  it("2,000 columns, the limit, are read", async () => {
    expect((await outcome(await widened(3, 2_000))).problems.map((p) => p.code)).not.toContain("SHEET_TOO_LARGE");
  });
});

describe("reading cells", () => {
  it("turns every value shape of real foreign workbooks into what the cell shows", async () => {
    const read = (file: string) => {
      const r = readXlsx(readFileSync(file));
      if (!r.ok) throw new Error(r.code);
      return r.book;
    };
    const book = read("test/fixtures/foreign-workbooks/xl_date_ambiguous.xlsx");
    expect(book.sheet("changelog")!.cell(2, 1)).toEqual({ kind: "date", value: "1899-12-31", text: "1899-12-31" });
    const spec = read("test/fixtures/foreign-workbooks/xlsform_spec_test.xlsx");
    // A formula whose saved result is FALSE (or 0) has a result: it used to be lost as "not calculated".
    expect(spec.sheet("survey")!.cell(55, 2)).toEqual({ kind: "bool", value: false, text: "FALSE" });
    expect(spec.sheet("survey")!.cell(22, 11)).toEqual({ kind: "bool", value: true, text: "TRUE" });
  });
  it("refuses archives beyond the limits before expanding them", () => {
    const v = inspectWorkbookBytes(readFileSync(`${CORPUS}/bad/zip-bomb.xlsx`));
    expect(v).toMatchObject({ ok: false, code: "WORKBOOK_TOO_LARGE", args: { limit: "ratio" } });
  });
});

describe("an export too large to read whole", () => {
  it("is refused, never cut: rows past the limit would be submissions dropped in silence", () => {
    const headers = ["institution_name", "legal_mandate_migrant_data", "data_governance_policy", "data_steward_dpo"];
    const sheet = {
      name: "Assessment",
      state: "visible",
      rowCount: 5_002,
      columnCount: headers.length,
      rowNumbers: () => Array.from({ length: 5_002 }, (_, i) => i + 1),
      cell: (r: number, c: number) => (r === 1 ? { kind: "text" as const, text: headers[c - 1]! } : { kind: "empty" as const }),
    };
    const read = exportFromBook({ sheetNames: ["Assessment"], sheet: () => sheet }, "kobo.xlsx", modules);
    expect(read?.map((r) => r.problems.map((p) => [p.code, p.args]))).toEqual([[["SHEET_TOO_LARGE", { sheet: "Assessment", rows: 5002, columns: 4, maxRows: 5000, maxColumns: 2000 }]]]);
  });
});
