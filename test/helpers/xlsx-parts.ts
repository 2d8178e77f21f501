// The XML parts of a workbook written by assess, by sheet name: for tests that check what
// a spreadsheet program will read (validations, page setup, fonts) rather than what exceljs reads back.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Expansion, inspectWorkbookBytes } from "../../src/io/zip.js";

export function xlsxParts(buf: Buffer): Map<string, string> {
  const verdict = inspectWorkbookBytes(buf);
  if (!verdict.ok) throw new Error(verdict.code);
  const x = new Expansion(buf);
  return new Map(verdict.entries.map((e) => [e.name, x.inflate(e).toString("utf8")]));
}

/** Each sheet's XML by its name (exceljs writes sheetN.xml in workbook order). */
export function sheetXml(buf: Buffer): Map<string, string> {
  const parts = xlsxParts(buf);
  const names = [...parts.get("xl/workbook.xml")!.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&").replace(/&apos;/g, "'"));
  return new Map(names.map((n, i) => [n, parts.get(`xl/worksheets/sheet${i + 1}.xml`)!]));
}

/** Every .xlsx file under `dir`, in sorted order: the fixtures that reader tests run over. */
export function* xlsxFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* xlsxFiles(path);
    else if (name.endsWith(".xlsx")) yield path;
  }
}
