// The streaming reader against the exceljs reader it replaces: every sheet's every cell of
// every workbook the tests know, as the cell shows it.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Module } from "../src/core/model.js";
import type { ReadBook } from "../src/core/workbook.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import { readAnswerFile } from "../src/io/answers.js";
import { requireModules } from "../src/io/modules.js";
import { buildTemplate } from "../src/io/template.js";
import { readXlsx } from "../src/io/xlsx-reader.js";
import { readWorkbook, writeWorkbook } from "../src/io/xlsx.js";
import { inspectWorkbookBytes } from "../src/io/zip.js";
import { fillWorkbook } from "./helpers/fill-workbook.js";
import { quirksWorkbook } from "./helpers/handmade-xlsx.js";

const FOLDERS = ["test/fixtures/foreign-workbooks", "test/fixtures/workbooks/returned", "test/fixtures/workbooks/bad", "test/fixtures/xlsform-exports", "examples/returned"];
const onDisk = FOLDERS.flatMap((d) => readdirSync(d).filter((f) => /\.xls[xm]?$/.test(f)).map((f) => join(d, f)));

let modules: Module[];
const generated = new Map<string, Buffer>();
beforeAll(async () => {
  modules = await requireModules();
  const template = await writeWorkbook(buildTemplate(buildQuestionnaire(modules), "both", new Date("2026-01-01T00:00:00Z")).spec);
  generated.set("template (all modules)", template);
  const set = (await readAnswerFile("examples/answers/moe-student-records-fictional.yaml")).set!;
  generated.set(
    "filled, with every quirk",
    await fillWorkbook(template, set, modules, {
      labels: "mixed",
      moveRows: ["edu_enrols_without_id"],
      numbersAsText: ["edu_gcode_student_count"],
      formulas: ["ds_timeliness_months"],
      richText: ["firewall_immigration_enforcement"],
      hyperlinks: ["legal_mandate_migrant_data"],
    }),
  );
  generated.set("handmade, 1900 dates", quirksWorkbook(false));
  generated.set("handmade, 1904 dates", quirksWorkbook(true));
});

async function oldRead(buf: Buffer): Promise<ReadBook | string> {
  const verdict = inspectWorkbookBytes(buf);
  if (!verdict.ok) return verdict.code;
  try {
    return await readWorkbook(buf);
  } catch {
    return "CORRUPT";
  }
}

/** The sheets, their sizes and states, and every cell that differs (at most 20). */
function differences(now: ReadBook, before: ReadBook) {
  const shape = (b: ReadBook) => b.sheetNames.map((n) => ({ name: n, state: b.sheet(n)!.state, rowCount: b.sheet(n)!.rowCount, columnCount: b.sheet(n)!.columnCount }));
  expect(shape(now)).toEqual(shape(before));
  const out: string[] = [];
  for (const name of before.sheetNames) {
    const [a, b] = [before.sheet(name)!, now.sheet(name)!];
    for (let r = 1; r <= a.rowCount; r++) {
      for (let c = 1; c <= a.columnCount && out.length < 20; c++) {
        const [x, y] = [JSON.stringify(a.cell(r, c)), JSON.stringify(b.cell(r, c))];
        if (x !== y) out.push(`${name} R${r}C${c}: ${x} became ${y}`);
      }
    }
  }
  return out;
}

async function compare(buf: Buffer): Promise<void> {
  const before = await oldRead(buf);
  const now = readXlsx(buf);
  if (typeof before === "string") {
    expect(now.ok ? "ok" : now.code).toBe(before);
    return;
  }
  expect(now.ok).toBe(true);
  if (now.ok) expect(differences(now.book, before)).toEqual([]);
}

describe("the streaming reader reads every cell as the exceljs reader did", () => {
  it.each(onDisk)("%s", async (file) => compare(readFileSync(file)), 120_000);
  it.each(["template (all modules)", "filled, with every quirk", "handmade, 1900 dates", "handmade, 1904 dates"])("%s", async (name) => compare(generated.get(name)!));
});
