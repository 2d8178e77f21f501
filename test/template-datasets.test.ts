// The Datasets sheet since issue 16: a column per dataset, questions as rows; copies of the
// sheet are read too; a column with answers but no name is reported by its letter.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerSet } from "../src/core/answers.js";
import type { Module } from "../src/core/model.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import { answersFromBook } from "../src/core/workbook-answers.js";
import { readAnswerFile } from "../src/io/answers.js";
import { requireModules } from "../src/io/modules.js";
import { buildTemplate, contentHash } from "../src/io/template.js";
import { writeWorkbook } from "../src/io/xlsx.js";
import { readXlsx } from "../src/io/xlsx-reader.js";
import { fillWorkbook } from "./helpers/fill-workbook.js";

let modules: Module[];
let set: AnswerSet;
let filled: Buffer;
beforeAll(async () => {
  modules = await requireModules();
  set = (await readAnswerFile("examples/answers/moe-student-records-fictional.yaml")).set!;
  const template = await writeWorkbook(buildTemplate(buildQuestionnaire(modules, ["general", "education"]), "both", new Date("2026-01-01T00:00:00Z")).spec);
  filled = await fillWorkbook(template, set, modules, { labels: "en" });
});

function read(buf: Buffer) {
  const r = readXlsx(buf);
  if (!r.ok) throw new Error(r.code);
  return answersFromBook(r.book, "x.xlsx", modules, contentHash);
}

async function edit(change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(filled as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("the Datasets sheet", () => {
  it("has a column per dataset, 15 unless more are asked for, with questions as rows", async () => {
    const q = buildQuestionnaire(modules, ["general"]);
    for (const [n, expected] of [[undefined, 15], [40, 40]] as const) {
      const sheet = buildTemplate(q, "en", new Date(0), n ? { datasets: n } : {}).spec.sheets.find((s) => s.name === "Datasets")!;
      expect(sheet.rows[0]!.length).toBe(3 + expected);
      expect(sheet.rows[0]![3]!.value).toBe("Dataset 1");
      expect(sheet.rows.map((r) => r[0]?.value)).toContain("ds_population:thai_nationals");
    }
  });

  it("is read as it was filled: one dataset a column", () => {
    const r = read(filled);
    expect(r.problems).toEqual([]);
    expect(r.set!.datasets.map((d) => d.name)).toEqual(set.datasets.map((d) => d.name));
  });

  it("a column with answers but no name is reported by its letter, and what it held is kept", async () => {
    const r = read(await edit((wb) => void (wb.getWorksheet("Datasets")!.getCell("D2").value = null)));
    expect(r.problems.map((p) => [p.code, p.args, p.place])).toEqual([["DATASET_NAME_MISSING", { column: "D" }, "Datasets!D2"]]);
    expect(r.set!.rejected!.length).toBeGreaterThan(0);
    expect(r.set!.datasets).toHaveLength(set.datasets.length - 1);
  });

  it("a copy of the sheet, for more datasets than columns, is read as well and not as a module sheet", async () => {
    const buf = await edit((wb) => {
      const ds = wb.getWorksheet("Datasets")!;
      const copy = wb.addWorksheet("Datasets (2)");
      ds.eachRow((row, r) => row.eachCell((c, col) => void (copy.getCell(r, col).value = c.value)));
      // The copy's first column now holds a further dataset; its other columns are cleared.
      for (let c = 5; c <= 20; c++) ds.eachRow((_row, r) => void (copy.getCell(r, c).value = null));
      copy.getCell("D2").value = "A sixteenth dataset";
    });
    const r = read(buf);
    expect(r.problems).toEqual([]);
    expect(r.set!.datasets.map((d) => d.name)).toEqual([...set.datasets.map((d) => d.name), "A sixteenth dataset"]);
    expect(r.set!.datasets.at(-1)!.answers).toEqual(r.set!.datasets[0]!.answers);
  });
});

describe("a Thai template", () => {
  it("with Thai sheet names is read: the institution, datasets and module sheets found by their ids", async () => {
    const template = await writeWorkbook(buildTemplate(buildQuestionnaire(modules, ["general", "education"]), "th", new Date("2026-01-01T00:00:00Z")).spec);
    const r = read(await fillWorkbook(template, set, modules, { labels: "th" }));
    expect(r.problems).toEqual([]);
    expect(r.set!.institution.name).toBe(set.institution.name);
    expect(r.set!.datasets.map((d) => d.name)).toEqual(set.datasets.map((d) => d.name));
    expect(Object.keys(r.set!.answers).sort()).toEqual(Object.keys(set.answers).sort());
  });
});
