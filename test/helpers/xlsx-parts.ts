// The XML parts of a workbook written by assess, by sheet name: for tests that check what
// a spreadsheet program will read (validations, page setup, fonts) rather than what exceljs reads back.
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
