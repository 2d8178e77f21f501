// The hostile and broken inputs of issue 14 (test/fixtures/hostile/): the small ones are
// committed (regenerate: GENERATE_FIXTURES=hostile npx vitest run test/hostile-corpus.test.ts),
// the huge and the special ones (sparse files, a FIFO, a link to /dev/zero, chmod 000) are
// made at test time by makeLargeHostile.
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { constants, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { rawZip, workbookParts, xlsxOf } from "./handmade-xlsx.js";

export const HOSTILE = "test/fixtures/hostile";
export const GOOD_WORKBOOK = "test/fixtures/workbooks/returned/moe-education.xlsx";
export const GOOD_ANSWERS = "examples/answers/dla-local-registration-fictional.yaml";

/** The returned questionnaire with some parts' XML changed by hand. */
function patched(change: Record<string, (xml: string) => string>): Buffer {
  const files = unzipSync(readFileSync(GOOD_WORKBOOK));
  for (const [part, edit] of Object.entries(change)) {
    const before = Buffer.from(files[part]!).toString("utf8");
    const after = edit(before);
    if (after === before) throw new Error(`${part}: nothing changed`);
    files[part] = strToU8(after);
  }
  return Buffer.from(zipSync(files, { level: 6, mtime: new Date("1980-01-01T00:00:00") }));
}

/** The returned questionnaire with one value of its hidden metadata sheet changed. */
async function metaChanged(key: string, value: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(GOOD_WORKBOOK) as unknown as ArrayBuffer);
  wb.getWorksheet("assess_meta")!.eachRow((row) => {
    if (row.getCell(1).value === key) row.getCell(2).value = value;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** `count` sheets, each with one cell at `ref` (its extent declared by the cell, not by what it holds). */
export function farCells(count: number, ref: string): Buffer {
  const row = ref.replace(/^[A-Z]+/, "");
  const sheets = Array.from({ length: count }, (_, i) => ({ name: `S${i + 1}`, body: `<dimension ref="A1:${ref}"/><sheetData><row r="${row}"><c r="${ref}" t="inlineStr"><is><t>far</t></is></c></row></sheetData>` }));
  return xlsxOf(workbookParts(sheets));
}

/** One sheet with `count` two-by-two merged ranges, and `extra` merged ranges besides. */
export function mergedRanges(count: number, extra: string[] = []): Buffer {
  const col = (c: number) => (c > 26 ? String.fromCharCode(64 + Math.floor((c - 1) / 26)) : "") + String.fromCharCode(65 + ((c - 1) % 26));
  const ranges = [...extra];
  for (let i = 0; i < count; i++) ranges.push(`${col(1 + (i % 300) * 2)}${2 + Math.floor(i / 300) * 2}:${col(2 + (i % 300) * 2)}${3 + Math.floor(i / 300) * 2}`);
  const body = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>merged</t></is></c></row></sheetData><mergeCells>${ranges.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`;
  return xlsxOf(workbookParts([{ name: "S", body }]));
}

/** Writes the committed part of the corpus. */
export async function generateHostile(): Promise<void> {
  mkdirSync(HOSTILE, { recursive: true });
  const w = (name: string, data: string | Buffer) => writeFileSync(join(HOSTILE, name), data);
  // Dates: serial 1e12 as the date of answering; 1e12, -1 and 1e308 in date-styled dataset cells (style 8 is yyyy-mm-dd).
  w("date-serial-1e12.xlsx", patched({ "xl/worksheets/sheet2.xml": (x) => x.replace('<c r="C11" s="8"><v>46344</v>', '<c r="C11" s="8"><v>1e12</v>') }));
  w(
    "date-serials-datasets.xlsx",
    patched({
      "xl/worksheets/sheet3.xml": (x) =>
        x
          .replace('<c r="D83" s="11"><v>46336</v>', '<c r="D83" s="8"><v>1e12</v>')
          .replace('<c r="E83" s="11"><v>46203</v>', '<c r="E83" s="8"><v>-1</v>')
          .replace('<c r="F85" s="11"><v>45716</v>', '<c r="F85" s="8"><v>1e308</v>'),
    }),
  );
  // A module sheet with a value 100,000 rows down: refused by its extent, never read row by row.
  w("sheet-100000-rows.xlsx", patched({ "xl/worksheets/sheet5.xml": (x) => x.replace("</sheetData>", '<row r="100000"><c r="B100000" t="inlineStr"><is><t>far</t></is></c></row></sheetData>') }));
  w("meta-modules-null.xlsx", await metaChanged("modules", "null"));
  w("meta-modules-number.xlsx", await metaChanged("modules", "42"));
  w("meta-sheets-list.xlsx", await metaChanged("sheets", "[1,2]"));
  w("far-cells-60-sheets.xlsx", farCells(60, "BXX5000"));
  w("merged-range-10-million-cells.xlsx", mergedRanges(0, ["A2:BXX5000"]));
  const two = () => workbookParts([{ name: "S", body: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` }, { name: "T", body: "<sheetData/>" }]);
  w("duplicate-entry.xlsx", Buffer.from(xlsxOf(two()).toString("latin1").replaceAll("sheet2.xml", "sheet1.xml"), "latin1"));
  const zip64 = xlsxOf(two());
  zip64.writeUInt16LE(0xffff, zip64.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 10);
  w("zip64.xlsx", zip64);
  const withPart = (part: string, xml: string) => xlsxOf({ ...two(), [part]: xml });
  w("xml-undefined-entity.xlsx", withPart("xl/sharedStrings.xml", `<sst ${NS}><si><t>&nope;</t></si></sst>`));
  w("xml-billion-laughs.xlsx", withPart("xl/sharedStrings.xml", `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst ${NS}><si><t>&b;</t></si></sst>`));
  w("xml-external-entity.xlsx", withPart("xl/worksheets/sheet1.xml", `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>`));
  const laugh = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
  for (const [k, prev] of [["b", "a"], ["c", "b"], ["d", "c"], ["e", "d"], ["f", "e"]]) laugh.push(`${k}: &${k} [${Array(10).fill(`*${prev}`).join(", ")}]`);
  w("yaml-billion-laughs.yaml", `format: assess-answers/1\n${laugh.join("\n")}\n`);
  w("yaml-custom-tag.yaml", `format: !!js/function "function () { return 1 }"\n`);
  w("yaml-deep-nesting.yaml", `format: assess-answers/1\ninstitution: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n`);
  // Escape sequences in what is printed: a fake summary line, a window title, a cursor move.
  w("terminal-escapes.csv", `institution,dataset,question,answer,comment\nesc-office,,_name,"bad\u001b[1A\u001b[2K\r8 scored, 0 failed\u001b]0;pwned\u0007",\nesc-office,,_date,2026-11-18,\nesc-office,,collects_migrant_children,"yes\u001b[31m",\n`);
}

/** A 1 MB run of zeros, deflated and flushed: repeated, it inflates to as many megabytes as copies. */
function zerosDeflated(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array<Buffer>(megabytes).fill(block), Buffer.from([0x03, 0x00])]);
}

/** A workbook whose one sheet inflates to `megabytes` of zeros, declaring `declared` bytes. */
function zerosWorkbook(megabytes: number, declared: number): Buffer {
  const parts = workbookParts([{ name: "S", body: "<sheetData/>" }]);
  delete parts["xl/worksheets/sheet1.xml"];
  const entries = Object.entries(parts).map(([name, xml]) => ({ name, data: deflateRawSync(Buffer.from(xml)), declared: Buffer.byteLength(xml) }));
  return rawZip([...entries, { name: "xl/worksheets/sheet1.xml", data: zerosDeflated(megabytes), declared }]);
}

/** A workbook of `cells` numeric cells with varied values (so that it compresses as real data does). */
export function denseCells(cells: number): Buffer {
  const width = 1000;
  const rows: string[] = [];
  let seed = 7;
  for (let r = 1; r <= Math.ceil(cells / width); r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < width && (r - 1) * width + c < cells; c++) {
      seed = (seed * 48271) % 2147483647;
      row += `<c><v>${seed % 1000003}</v></c>`;
    }
    rows.push(`${row}</row>`);
  }
  return xlsxOf(workbookParts([{ name: "S", body: `<sheetData>${rows.join("")}</sheetData>` }]));
}

/** A sparse file: `bytes` long, one byte written. */
export function sparse(path: string, bytes: number): void {
  const fd = openSync(path, "w");
  writeSync(fd, "x", bytes - 1);
  closeSync(fd);
}

/** The inputs too large to commit, and those a repository cannot hold (a FIFO, a link to /dev/zero). */
export function makeLargeHostile(dir: string): void {
  const MB = 1024 * 1024;
  sparse(join(dir, "huge-200mb.yaml"), 200 * MB);
  sparse(join(dir, "huge-200mb.csv"), 200 * MB);
  sparse(join(dir, "huge-200mb.xlsx"), 200 * MB);
  // Declares 4,000 bytes, holds 1.5 GB of zeros in 1.5 MB.
  writeFileSync(join(dir, "zip-lies-about-sizes.xlsx"), zerosWorkbook(1536, 4000));
  writeFileSync(join(dir, "zip-bomb-declared.xlsx"), zerosWorkbook(1536, 1536 * MB));
  writeFileSync(join(dir, "dense-3.1-million-cells.xlsx"), denseCells(3_100_000));
  writeFileSync(join(dir, "merged-20000-ranges.xlsx"), mergedRanges(20_000));
  if (spawnSync("mkfifo", [join(dir, "pipe.yaml")]).status !== 0) throw new Error("mkfifo failed");
  symlinkSync("/dev/zero", join(dir, "zero.xlsx"));
}

/** The good inputs scored beside the corpus. */
export function copyGood(dir: string): void {
  copyFileSync(GOOD_WORKBOOK, join(dir, "good-moe-education.xlsx"));
  copyFileSync(GOOD_ANSWERS, join(dir, "good-dla.yaml"));
}
