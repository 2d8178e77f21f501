// Workbooks as respondents really return them: a module sheet copied or renamed, the hidden
// metadata sheet deleted or edited, merged cells, text pasted from elsewhere. Each case edits
// the returned fixture the way a respondent would and asserts codes and places.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Module } from "../src/core/model.js";
import type { InstitutionResult } from "../src/core/results.js";
import { readWorkbookInputs } from "../src/io/ingest-workbook.js";
import { requireModules } from "../src/io/modules.js";
import { scoreRead } from "../src/io/pipeline.js";
import { CORPUS } from "./helpers/workbook-corpus.js";

let modules: Module[];
let original: InstitutionResult;
const dir = mkdtempSync(join(tmpdir(), "assess-returned-"));
const GENERAL = "General questionnaire";
const EDU = "Education of migrant children";
/** Excel cuts a copy's name to fit its 31 characters. */
const EDU2 = `${EDU.slice(0, 27)} (2)`;
const FIXTURE = `${CORPUS}/returned/moe-education.xlsx`;

beforeAll(async () => {
  modules = await requireModules();
  original = (await score(readFileSync(FIXTURE))) as InstitutionResult;
});

async function score(buf: Buffer, name = "returned.xlsx") {
  const file = join(dir, name);
  writeFileSync(file, buf);
  const inputs = await readWorkbookInputs(file, modules);
  expect(inputs).toHaveLength(1);
  return scoreRead(inputs[0]!, modules);
}

/** The returned fixture, changed as a respondent would in a spreadsheet program, then scored. */
async function edited(change: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(FIXTURE) as unknown as ArrayBuffer);
  change(wb);
  return score(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** A copy of a sheet as Excel's "Move or Copy… › Create a copy" makes it: every value, after the others. */
function copySheet(wb: ExcelJS.Workbook, from: string, name: string): ExcelJS.Worksheet {
  const src = wb.getWorksheet(from)!;
  const copy = wb.addWorksheet(name);
  src.eachRow((row, r) => row.eachCell((cell, c) => (copy.getCell(r, c).value = cell.value)));
  return copy;
}

function rowOf(ws: ExcelJS.Worksheet, id: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === id) return r;
  throw new Error(`no row ${id}`);
}

const codes = (o: { problems: { code: string }[] }) => o.problems.map((p) => p.code);

describe("a second copy of a module sheet", () => {
  it("answered differently: the conflict is reported with both cells, neither answer is scored, both are kept", async () => {
    const o = (await edited((wb) => {
      const copy = copySheet(wb, GENERAL, `${GENERAL} (2)`);
      copy.getCell(rowOf(copy, "data_governance_policy"), 5).value = "Don't know";
      copy.getCell(rowOf(copy, "data_governance_policy"), 6).value = "changed in the copy";
    })) as InstitutionResult;
    const row = rowOf(await generalSheet(), "data_governance_policy");
    const conflict = o.problems.find((p) => p.code === "SHEET_COPY_CONFLICT")!;
    expect(conflict).toMatchObject({ severity: "error", args: { question: "data_governance_policy", places: [`'${GENERAL}'!E${row}`, `'${GENERAL} (2)'!E${row}`] } });
    expect(o.problems.filter((p) => p.code === "SHEET_COPY_CONFLICT")).toHaveLength(1);
    expect(o.problems.find((p) => p.code === "SHEET_COPY")).toMatchObject({ severity: "warning", args: { module: "general", sheet: GENERAL, copy: `${GENERAL} (2)`, identical: false } });
    expect(o.answers.answers.data_governance_policy).toBeUndefined();
    const typed = (await generalSheet()).getCell(row, 5).value;
    expect(o.answers.rejected!.filter((r) => r.question === "data_governance_policy").map((r) => [r.place, r.raw, r.code, r.comment])).toEqual([
      [`'${GENERAL}'!E${row}`, typed, "SHEET_COPY_CONFLICT", undefined],
      [`'${GENERAL} (2)'!E${row}`, "Don't know", "SHEET_COPY_CONFLICT", "changed in the copy"],
    ]);
    // every other answer is read as before
    const { data_governance_policy: _d, ...rest } = original.answers.answers;
    expect(o.answers.answers).toEqual(rest);
  });

  it("identical: noted as harmless, and the scores are the original's", async () => {
    const o = (await edited((wb) => void copySheet(wb, EDU, EDU2))) as InstitutionResult;
    expect(codes(o)).toEqual(["SHEET_COPY"]);
    expect(o.problems[0]).toMatchObject({ severity: "warning", args: { module: "education", sheet: EDU, copy: EDU2, identical: true } });
    expect(o.answers.answers).toEqual(original.answers.answers);
    expect(o.scorecard.dimensions).toEqual(original.scorecard.dimensions);
  });

  it("an answer only the copy holds is read from the copy, and the copy is named", async () => {
    const o = (await edited((wb) => {
      copySheet(wb, GENERAL, `${GENERAL} (2)`);
      const first = wb.getWorksheet(GENERAL)!;
      first.getCell(rowOf(first, "data_steward_dpo"), 5).value = null;
    })) as InstitutionResult;
    expect(codes(o)).toEqual(["SHEET_COPY"]);
    expect(o.problems[0]!.args).toMatchObject({ identical: false });
    expect(o.answers.answers).toEqual(original.answers.answers);
  });
});

let generalRows: ExcelJS.Worksheet | undefined;
async function generalSheet(): Promise<ExcelJS.Worksheet> {
  if (generalRows) return generalRows;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(FIXTURE) as unknown as ArrayBuffer);
  return (generalRows = wb.getWorksheet(GENERAL)!);
}

describe("a renamed module sheet", () => {
  it.each(["แบบสอบถามทั่วไป", `${GENERAL} (2)`])("renamed %s: found by its question ids, answers kept, a warning", async (name) => {
    const o = (await edited((wb) => (wb.getWorksheet(GENERAL)!.name = name))) as InstitutionResult;
    expect(codes(o)).toEqual(["SHEET_RENAMED"]);
    expect(o.problems[0]).toMatchObject({ severity: "warning", args: { module: "general", sheet: GENERAL, found: name } });
    expect(o.answers.answers).toEqual(original.answers.answers);
    expect(o.scorecard.dimensions).toEqual(original.scorecard.dimensions);
  });
});

describe("the hidden metadata sheet", () => {
  const meta = (key: string, value: string) => (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet("assess_meta")!;
    ws.getCell(rowOf(ws, key), 2).value = value;
  };
  it.each([
    ["deleted (gnumeric shows it; a user deletes it)", (wb: ExcelJS.Workbook) => wb.removeWorksheet(wb.getWorksheet("assess_meta")!.id), "missing"],
    ["its module list emptied", meta("modules", "{}"), "modules"],
    ["its module list set to null", meta("modules", "null"), "modules"],
    ["its module list no longer JSON", meta("modules", "{general"), "modules"],
    ["its sheet map pointing a module at another sheet", meta("sheets", JSON.stringify({ general: EDU, education: EDU })), "sheets"],
  ] as const)("%s: one coded message, and the answers found by their ids are kept and scored", async (_n, change, kind) => {
    const o = (await edited(change)) as InstitutionResult;
    expect(codes(o)).toEqual(["META_DAMAGED"]);
    const recognised = { modules: [{ module: "general", loaded: "2.1.0" }, { module: "education", loaded: "2.0.0" }] };
    expect(o.problems[0]).toMatchObject({ severity: "warning", args: { sheet: "assess_meta", kind, ...(kind === "sheets" ? {} : recognised) } });
    expect(o.answers.answers).toEqual(original.answers.answers);
    expect(o.answers.datasets).toEqual(original.answers.datasets);
    expect(o.scorecard.dimensions).toEqual(original.scorecard.dimensions);
  });
});

describe("the hidden metadata sheet listing fewer modules than the workbook holds", () => {
  it("the unlisted module is recognised by its ids, its version said to be unknown", async () => {
    const o = (await edited((wb) => {
      const ws = wb.getWorksheet("assess_meta")!;
      ws.getCell(rowOf(ws, "modules"), 2).value = JSON.stringify({ general: "2.1.0" });
    })) as InstitutionResult;
    expect(codes(o)).toEqual(["META_DAMAGED"]);
    expect(o.problems[0]!.args).toEqual({ sheet: "assess_meta", kind: "modules", modules: [{ module: "education", loaded: "2.0.0" }] });
    expect(o.answers.answers).toEqual(original.answers.answers);
  });
});

describe("merged cells over answer and comment cells", () => {
  it("one Yes merged over four option rows marks one option, and the merge is reported with its range", async () => {
    const ws = await generalSheet();
    const first = rowOf(ws, "quality_checks:entry_validation");
    const o = (await edited((wb) => {
      const s = wb.getWorksheet(GENERAL)!;
      for (let r = first + 1; r <= first + 3; r++) s.getCell(r, 5).value = null;
      s.mergeCells(first, 5, first + 3, 5);
    })) as InstitutionResult;
    expect(codes(o)).toEqual(["MERGED_CELLS"]);
    expect(o.problems[0]).toMatchObject({ severity: "error", place: `'${GENERAL}'!E${first}:E${first + 3}`, args: { sheet: GENERAL, range: `E${first}:E${first + 3}` } });
    expect(o.answers.answers.quality_checks).toEqual({ value: ["entry_validation"] });
  });

  it("an answer merged with its comment cell is not copied into the comment", async () => {
    const ws = await generalSheet();
    const row = rowOf(ws, "data_governance_policy");
    const o = (await edited((wb) => wb.getWorksheet(GENERAL)!.mergeCells(row, 5, row, 6))) as InstitutionResult;
    expect(codes(o)).toEqual(["MERGED_CELLS"]);
    expect(o.problems[0]).toMatchObject({ place: `'${GENERAL}'!E${row}:F${row}`, args: { sheet: GENERAL, range: `E${row}:F${row}` } });
    expect(o.answers.answers.data_governance_policy).toEqual(original.answers.answers.data_governance_policy);
  });

  it("a label merged with the institution's name is reported, and the label is not taken for the name", async () => {
    const ws = await generalSheet();
    const row = rowOf(ws.workbook.getWorksheet("Institution")!, "institution_name");
    const o = await edited((wb) => wb.getWorksheet("Institution")!.mergeCells(row, 2, row, 3));
    expect(codes(o)).toEqual(["MERGED_CELLS", "INSTITUTION_NAME_MISSING"]);
    expect(o.problems[0]).toMatchObject({ place: `Institution!B${row}:C${row}`, args: { sheet: "Institution", range: `B${row}:C${row}` } });
  });

  it("merged dataset cells are reported too, and do not answer for the rows below", async () => {
    const o = (await edited((wb) => wb.getWorksheet("Datasets")!.mergeCells("D3:D4"))) as InstitutionResult;
    expect(codes(o)).toContain("MERGED_CELLS");
    expect(o.problems.find((p) => p.code === "MERGED_CELLS")).toMatchObject({ place: "Datasets!D3:D4", args: { sheet: "Datasets", range: "D3:D4" } });
  });
});

describe("text respondents paste, in a returned workbook", () => {
  // Fixed earlier (test/parse-answer.test.ts has them cell by cell): pinned here as a respondent's file holds them.
  it("zero-width spaces, curly quotes, Thai digits, Thai months and B.E. years, a date with a time", async () => {
    let row = 0;
    let dated = 0;
    const o = (await edited((wb) => {
      const g = wb.getWorksheet(GENERAL)!;
      g.getCell(rowOf(g, "disclosure_log"), 5).value = "ใช่\u200B";
      g.getCell(rowOf(g, "data_governance_policy"), 5).value = "Don\u2019t know";
      const e = wb.getWorksheet(EDU)!;
      e.getCell(rowOf(e, "edu_gcode_student_count"), 5).value = "๒๔,๓๑๐";
      const inst = wb.getWorksheet("Institution")!;
      dated = rowOf(inst, "assessment_date");
      inst.getCell(dated, 3).value = "31 ต.ค. 2569";
      const ds = wb.getWorksheet("Datasets")!;
      row = rowOf(ds, "ds_last_updated");
      ds.getCell(row, 4).value = "๑๒ พฤศจิกายน ๒๕๖๙";
      ds.getCell(row, 5).value = 46336.6458;
      ds.getCell(row, 5).numFmt = "General";
    })) as InstitutionResult;
    // the dates typed as text with a B.E. year are read as B.E. and named at their cells (warnings); nothing else.
    // The date of answering had no warning before: it was changed without a message.
    expect(o.problems.map((p) => [p.code, p.severity, p.place, p.args])).toEqual([
      ["BUDDHIST_ERA_DATE", "warning", `Institution!C${dated}`, { question: "assessment_date", text: "31 ต.ค. 2569", date: "2026-10-31" }],
      ["BUDDHIST_ERA_DATE", "warning", `Datasets!D${row}`, { dataset: o.answers.datasets[0]!.name, question: "ds_last_updated", text: "๑๒ พฤศจิกายน ๒๕๖๙", date: "2026-11-12" }],
    ]);
    expect(o.answers.date).toBe("2026-10-31");
    expect(o.answers.answers.disclosure_log!.value).toBe("yes");
    expect(o.answers.answers.data_governance_policy!.value).toBe("dont_know");
    expect(o.answers.answers.edu_gcode_student_count!.value).toBe(24310);
    expect(o.answers.datasets.slice(0, 2).map((d) => d.answers.ds_last_updated?.value)).toEqual(["2026-11-12", "2026-11-10"]);
  });

  it("two labels that have commas of their own, separated by a comma: the message says to use ; or the Yes rows", async () => {
    const labels = modules.flatMap((m) => m.sections.flatMap((s) => s.questions)).find((q) => q.id === "open_data")!.options!.map((o) => o.label!.en);
    expect(labels[0]).toContain(",");
    let row = 0;
    const o = (await edited((wb) => {
      const g = wb.getWorksheet(GENERAL)!;
      row = rowOf(g, "open_data");
      for (let r = row + 1; String(g.getCell(r, 1).value).startsWith("open_data:"); r++) g.getCell(r, 5).value = null;
      g.getCell(row, 5).value = labels.slice(0, 2).join(", ");
    })) as InstitutionResult;
    expect(o.problems.map((p) => [p.code, p.place, p.args])).toEqual([
      ["INVALID_ANSWER", `'${GENERAL}'!E${row}`, expect.objectContaining({ question: "open_data", reason: expect.objectContaining({ code: "COMMA_SEPARATED" }) })],
    ]);
  });
});
