// The cell reader for the usual shape of a worksheet (scanCells in src/io/xlsx-scan.ts) against
// the general tokeniser and saxes alone: on every workbook of the fixtures and on generated
// sheets, the workbook read is the same, cell for cell, or refused with the same problem.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { xlsxFiles } from "./helpers/xlsx-parts.js";
import { readXlsx } from "../src/io/xlsx-reader.js";
import { scanCells, sheetDataSpan } from "../src/io/xlsx-scan.js";
import type { CellSink } from "../src/io/xlsx-scan.js";
import type { CellReading } from "../src/io/xlsx-sheet.js";
import { workbookParts, xlsxOf } from "./helpers/handmade-xlsx.js";

/** Everything a workbook read shows: each sheet's extent, rows, merges and every cell, or the refusal. */
function shown(buf: Buffer, ways?: readonly CellReading[]): unknown {
  const read = readXlsx(buf, ways);
  if (!read.ok) return read;
  const { book } = read;
  return book.sheetNames.map((name) => {
    const s = book.sheet(name)!;
    const rows = s.rowNumbers();
    return { name, state: s.state, rowCount: s.rowCount, columnCount: s.columnCount, rows, merges: s.merges, cells: rows.map((r) => Array.from({ length: Math.min(s.columnCount, 40) + 2 }, (_, c) => s.cell(r, c + 1))) };
  });
}

const quiet: CellSink = { startRow() {}, startCell() {}, cellValue() {}, endCell() {} };

describe("the workbooks of the fixtures", () => {
  it("read the same whichever way their cells are read, and the usual sheets by scanCells", () => {
    let sheets = 0;
    let byCells = 0;
    for (const file of xlsxFiles(join(import.meta.dirname, "fixtures"))) {
      const buf = readFileSync(file);
      const fastest = shown(buf);
      expect(fastest, file).toEqual(shown(buf, ["elements", "saxes"]));
      expect(fastest, file).toEqual(shown(buf, ["saxes"]));
      let parts: Record<string, Uint8Array>;
      try {
        parts = unzipSync(buf, { filter: (e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) && e.originalSize < 8 << 20 });
      } catch {
        continue; // an archive the reader refuses before any sheet is read
      }
      for (const xml of Object.values(parts)) {
        sheets++;
        const bytes = Buffer.from(xml);
        const close = bytes.indexOf("</sheetData>");
        const span = close < 0 ? undefined : sheetDataSpan(bytes.subarray(0, close + 12));
        if (span && scanCells(bytes.toString("utf8", span.from, span.to), quiet)) byCells++;
      }
    }
    expect(sheets).toBeGreaterThan(100);
    // The template's sheets, as exceljs and spreadsheet programs save them, are mostly of the usual shape.
    expect(byCells / sheets).toBeGreaterThan(0.6);
  });
});

describe("generated sheets", () => {
  const STRINGS = ["<t>zero</t>", "<t>one</t>", "<t xml:space=\"preserve\"> two </t>"];
  const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="d/m/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
  const ref = fc.constantFrom("A1", "B2", "C1", "$D$3", "AA7", "b1", "", "1", "A", "XFD1", "ZZZZ9", "A1>");
  const value = fc.constantFrom("0", "1", "2", "3", "-1", "45000", "45000.5", "1e999", "abc", " 2", "2x", "#N/A", "TRUE", "", "é", " ", "99999999999");
  const cellAttributes = fc.uniqueArray(fc.tuple(fc.constantFrom("r", "r", "s", "s", "t", "t", "cm"), fc.oneof(ref, fc.constantFrom("0", "1", "2", "s", "str", "b", "e", "n", "inlineStr", "d", "09", "1e1", " 1", ""))), { selector: ([k]) => k, maxLength: 3 });
  const attrs = (list: [string, string][], gap: string) => list.map(([k, v]) => `${gap}${k}="${v}"`).join("");
  const cell = fc.tuple(cellAttributes, fc.constantFrom(" ", "  ", "\n"), fc.constantFrom("empty", "closed", "value", "value", "value", "emptyValue", "formula", "inline"), value).map(([list, gap, shape, v]) => {
    const open = `<c${attrs(list, gap)}`;
    if (shape === "empty") return `${open}/>`;
    if (shape === "closed") return `${open}></c>`;
    if (shape === "emptyValue") return `${open}><v></v></c>`;
    if (shape === "formula") return `${open}><f>1+1</f><v>${v}</v></c>`;
    if (shape === "inline") return `${open}><is><t>${v}</t></is></c>`;
    return `${open}><v>${v}</v></c>`;
  });
  const row = fc.tuple(fc.option(fc.constantFrom("1", "2", "3", "0", "-1", "x", "10"), { nil: undefined }), fc.constantFrom("", ' spans="1:3"', ' x14ac:dyDescent="0.25"', ' ht="15" customHeight="1"'), fc.array(cell, { maxLength: 4 }), fc.boolean()).map(
    ([r, more, cells, closed]) => `<row${r === undefined ? "" : ` r="${r}"`}${more}${closed && cells.length === 0 ? "/>" : `>${cells.join("")}</row>`}`,
  );
  const spoil = fc.constantFrom(`<c r="A9" r="B9"/>`, `<c r="A9"s="1"/>`, `<c r='A9'/>`, `<c r="A9">`, `</c>`, `</row>`, `<row>`, `<cx/>`, `<c\tr="A1"/>`, `&amp;`, `\r`, `]]>`, `<!-- x -->`, `<v>1</v>`, `<c r="A<"/>`, `<c r="A\n1"/>`, `text`, `<`, `>`, `"`, `\u0001`);
  const sheetData = fc.tuple(fc.array(row, { maxLength: 5 }), fc.constantFrom("", "\n", " "), fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary: fc.tuple(spoil, fc.nat()), weight: 1 })).map(([rows, gap, spoilt]) => {
    const xml = rows.join(gap);
    if (!spoilt) return xml;
    const at = spoilt[1] % (xml.length + 1);
    return xml.slice(0, at) + spoilt[0] + xml.slice(at);
  });

  it("are read the same by every way, cell for cell, with the same refusal when broken", () => {
    let byCells = 0;
    fc.assert(
      fc.property(sheetData, fc.boolean(), (data, merged) => {
        const body = `<sheetData>${data}</sheetData>${merged ? `<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>` : ""}`;
        const buf = xlsxOf(workbookParts([{ name: "S", body }], { strings: STRINGS, styles: STYLES }));
        const fastest = shown(buf);
        expect(fastest).toEqual(shown(buf, ["elements", "saxes"]));
        expect(fastest).toEqual(shown(buf, ["saxes"]));
        if (scanCells(data, quiet)) byCells++;
      }),
      { numRuns: 1500 },
    );
    // Most generated sheets are of the usual shape: the comparison is of scanCells, not only of its refusals.
    expect(byCells).toBeGreaterThan(300);
  });
});
