// Writes the workbook corpus under test/fixtures/workbooks/ (fictional institutions).
// Regenerate with: GENERATE_FIXTURES=corpus,examples npx vitest run test/workbook-corpus.test.ts
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { Module } from "../../src/core/model.js";
import { buildQuestionnaire } from "../../src/core/questionnaire.js";
import { readAnswerFile } from "../../src/io/answers.js";
import { buildTemplate } from "../../src/io/template.js";
import { writeWorkbook } from "../../src/io/xlsx.js";
import { fillWorkbook } from "./fill-workbook.js";
import { rawZip } from "./handmade-xlsx.js";

export const CORPUS = "test/fixtures/workbooks";

async function template(modules: Module[], ids: string[]): Promise<Buffer> {
  return writeWorkbook(buildTemplate(buildQuestionnaire(modules, ids), "both", new Date("2026-01-01T00:00:00Z")).spec);
}

async function edit(buf: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip archive with one deflated entry, for the zip-bomb case (and a zip that is no workbook). */
export function zipWith(name: string, content: Buffer): Buffer {
  return rawZip([{ name, data: deflateRawSync(content, { level: 9 }), declared: content.length }]);
}

/** The demo's returned workbooks: each fictional example, filled in as a respondent would. */
export async function generateExamples(modules: Module[]): Promise<void> {
  const dir = "examples/returned";
  mkdirSync(dir, { recursive: true });
  const { readdirSync } = await import("node:fs");
  const files = readdirSync("examples/answers").filter((f) => f.endsWith(".yaml")).sort();
  let last: Buffer | undefined;
  for (const [i, f] of files.entries()) {
    const set = (await readAnswerFile(`examples/answers/${f}`)).set!;
    const t = await template(modules, Object.keys(set.modules));
    last = await fillWorkbook(t, set, modules, { labels: i % 3 === 0 ? "th" : i % 3 === 1 ? "en" : "mixed" });
    writeFileSync(join(dir, f.replace(/\.yaml$/, ".xlsx")), last);
  }
  // As happens with e-mail: an attachment cut short in transit.
  writeFileSync(join(dir, "zz-attachment-cut-short.xlsx"), last!.subarray(0, Math.floor(last!.length * 0.6)));
}

export async function generateCorpus(modules: Module[]): Promise<void> {
  const returned = join(CORPUS, "returned");
  const bad = join(CORPUS, "bad");
  mkdirSync(returned, { recursive: true });
  mkdirSync(bad, { recursive: true });
  const eduTemplate = await template(modules, ["general", "education"]);
  const labTemplate = await template(modules, ["general", "labour_migration"]);
  const moe = (await readAnswerFile("examples/answers/moe-student-records-fictional.yaml")).set!;
  const dol = (await readAnswerFile("examples/answers/dol-work-permits-fictional.yaml")).set!;

  const good = await fillWorkbook(eduTemplate, moe, modules, { labels: "mixed", moveRows: ["edu_enrols_without_id"] });
  writeFileSync(join(returned, "moe-education.xlsx"), good);
  writeFileSync(join(returned, "dol-labour.xlsx"), await fillWorkbook(labTemplate, dol, modules, { labels: "th" }));

  // Invalid values: still scored; each bad cell reported and kept.
  writeFileSync(
    join(returned, "invalid-values.xlsx"),
    await edit(good, (wb) => {
      const ws = wb.getWorksheet("Education of migrant children")!;
      ws.eachRow((row) => {
        const id = String(row.getCell(1).value ?? "");
        if (id === "edu_enrols_without_id") row.getCell(5).value = "sometimes";
        if (id === "edu_gcode_student_count") row.getCell(5).value = "many";
        if (id === "edu_records_coverage:public_schools") row.getCell(5).value = "Maybe";
      });
      wb.getWorksheet("Institution")!.eachRow((row) => {
        if (row.getCell(1).value === "institution_name") row.getCell(3).value = "Provincial Education Office with typos (fictional)";
        if (row.getCell(1).value === "institution_code") row.getCell(3).value = "peo-typos";
      });
    }),
  );

  writeFileSync(join(bad, "not-a-workbook.xlsx"), "institution,question,answer\nthis is text saved with an .xlsx name\n");
  writeFileSync(join(bad, "truncated.xlsx"), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(join(bad, "old-format.xls"), readFileSync("test/fixtures/foreign-workbooks/yes_or_no_question.xls"));
  writeFileSync(join(bad, "empty.xlsx"), Buffer.alloc(0));
  writeFileSync(join(bad, "missing-sheet.xlsx"), await edit(good, (wb) => wb.removeWorksheet(wb.getWorksheet("Education of migrant children")!.id)));
  writeFileSync(
    join(bad, "other-version.xlsx"),
    await edit(good, (wb) => {
      const meta = wb.getWorksheet("assess_meta")!;
      meta.eachRow((row) => {
        if (row.getCell(1).value === "modules") row.getCell(2).value = JSON.stringify({ general: "2.1.0", education: "1.0.0" });
      });
    }),
  );
  writeFileSync(
    join(bad, "no-name.xlsx"),
    await edit(good, (wb) =>
      wb.getWorksheet("Institution")!.eachRow((row) => {
        if (row.getCell(1).value === "institution_name") row.getCell(3).value = null;
      }),
    ),
  );
  // A synthetic stand-in for a password-protected workbook: an OLE compound file that
  // holds an EncryptionInfo stream name, as Excel writes when it encrypts a workbook.
  const enc = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(enc, 0);
  Buffer.from("EncryptionInfo", "utf16le").copy(enc, 512);
  writeFileSync(join(bad, "encrypted.xlsx"), enc);
  // 300 MB of zeros in a 300 KB archive.
  writeFileSync(join(bad, "zip-bomb.xlsx"), zipWith("xl/worksheets/sheet1.xml", Buffer.alloc(300 * 1024 * 1024)));
}
