// Every cell of every workbook fixture, as the reader shows it, against golden files taken
// with the exceljs reader the streaming reader replaced (test/__snapshots__/workbook-cells/).
// Regenerated fixtures (GENERATE_FIXTURES) need these regenerated too: npx vitest run -u.
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { columnLetter } from "../src/core/workbook.js";
import type { ReadBook } from "../src/core/workbook.js";
import { readXlsx } from "../src/io/xlsx-reader.js";
import { quirksWorkbook } from "./helpers/handmade-xlsx.js";

const FOLDERS = ["test/fixtures/foreign-workbooks", "test/fixtures/workbooks/returned", "test/fixtures/workbooks/bad", "test/fixtures/xlsform-exports", "test/fixtures/kobo-exports", "examples/returned"];
const files = FOLDERS.flatMap((d) => readdirSync(d).filter((f) => /\.xls[xm]?$/.test(f)).map((f) => join(d, f)));

/** A line for each sheet (name, state, size), then one for each cell that shows something. */
function golden(buf: Buffer): string {
  const read = readXlsx(buf);
  if (!read.ok) return `refused: ${read.code}\n`;
  return cellLines(read.book).join("\n") + "\n";
}

function cellLines(book: ReadBook): string[] {
  return book.sheetNames.flatMap((name) => {
    const s = book.sheet(name)!;
    const lines = [`sheet ${JSON.stringify({ name: s.name, state: s.state, rowCount: s.rowCount, columnCount: s.columnCount })}`];
    for (let r = 1; r <= s.rowCount; r++) {
      for (let c = 1; c <= s.columnCount; c++) {
        const shown = s.cell(r, c);
        if (shown.kind !== "empty") lines.push(`  ${columnLetter(c)}${r} ${JSON.stringify(shown)}`);
      }
    }
    return lines;
  });
}

describe("every cell of every workbook fixture reads as before", () => {
  it.each(files)("%s", async (file) => {
    await expect(golden(readFileSync(file))).toMatchFileSnapshot(`__snapshots__/workbook-cells/${basename(file)}.txt`);
  });
  it.each([false, true])("handmade workbook of every value shape, 1904 dates: %s", async (date1904) => {
    await expect(golden(quirksWorkbook(date1904))).toMatchFileSnapshot(`__snapshots__/workbook-cells/handmade-${date1904 ? "1904" : "1900"}.txt`);
  });
});
