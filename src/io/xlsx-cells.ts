// What a worksheet's cells are held as while it is read, and the bound on how many a workbook
// may hold: every row, cell, hyperlink and merged cell counts, so that the cost of reading
// follows what the file really holds, never the extent it declares.
import type { SheetValue } from "../core/parse-answer.js";
import { coded } from "../core/problems.js";
import { ZipRefusal } from "./zip.js";
import type { WorkbookRefusal } from "./zip.js";

/** Cells a workbook may hold (documented in the README): a Kobo export of every module, 5,000 submissions × 572 columns, is 2.9 million. */
export const MAX_WORKBOOK_CELLS = 3_000_000;

export interface Row {
  /** What each cell shows; a number is the index of the shared string it shows. */
  cells: (SheetValue | number)[];
  /** The last column with a cell, valued or only styled. */
  width: number;
  hasValues: boolean;
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const EMPTY: SheetValue = { kind: "empty" };
/** A cell that exists (it has a style) but holds nothing. */
export const BLANK: SheetValue = { kind: "empty" };
/** A cell of a merged range whose top-left cell holds nothing: empty, but part of the table. */
const MERGED_EMPTY: SheetValue = { kind: "empty" };

/** What is left of a workbook's cells: one budget, shared by its sheets. */
export class CellBudget {
  constructor(private left = MAX_WORKBOOK_CELLS) {}

  /** What is left now, to go back to when a part is read again from its start. */
  mark(): number {
    return this.left;
  }

  reset(left: number): void {
    this.left = left;
  }

  spend(n: number): void {
    this.left -= n;
    if (this.left < 0) throw new ZipRefusal(coded("WORKBOOK_TOO_LARGE", { limit: "cells", max: MAX_WORKBOOK_CELLS }) as WorkbookRefusal);
  }
}

/**
 * Writes each merged range's top-left value into every cell it covers, so that a cell is
 * found in one step (a range shows its top-left cell everywhere); the first of overlapping
 * ranges wins. Every covered cell is spent from the budget first, so that a range
 * declaring a million cells is refused, not filled.
 */
export function spreadMerges(rows: Map<number, Row>, merges: readonly Range[], budget: CellBudget): number {
  let lastRow = 0;
  for (const m of merges) budget.spend((m.bottom - m.top + 1) * (m.right - m.left + 1));
  const tops = merges.map((m) => rows.get(m.top)?.cells[m.left]);
  for (let i = merges.length - 1; i >= 0; i--) {
    const m = merges[i]!;
    const single = m.top === m.bottom && m.left === m.right;
    // A single-cell range widens its row without giving it a value; a larger one makes every row it covers part of the table.
    const value = tops[i] ?? (single ? BLANK : MERGED_EMPTY);
    for (let r = m.top; r <= m.bottom; r++) {
      let row = rows.get(r);
      if (!row) rows.set(r, (row = { cells: [], width: 0, hasValues: false }));
      for (let c = m.left; c <= m.right; c++) if (!single || row.cells[c] === undefined) row.cells[c] = value;
      if (m.right > row.width) row.width = m.right;
      if (!single || (value !== BLANK && value !== EMPTY)) row.hasValues = true;
    }
    if (m.bottom > lastRow) lastRow = m.bottom;
  }
  return lastRow;
}

/** Columns as the earlier reader counted them: the widest row that holds a value, counting its styled empty cells too. */
export function columnCount(rows: Map<number, Row>): number {
  let width = 0;
  for (const row of rows.values()) if (row.hasValues && row.width > width) width = row.width;
  return width;
}

export function textShown(text: string): SheetValue {
  return text.trim() === "" ? EMPTY : { kind: "text", text };
}

/** A number as shown; what is no number at all (`<v>abc</v>`, `1e999`) shows as written, never as "NaN". */
export function numberShown(value: number, raw?: string): SheetValue {
  if (!Number.isFinite(value)) return textShown(raw ?? "");
  return { kind: "number", value, text: String(value) };
}

export function boolShown(value: boolean): SheetValue {
  return { kind: "bool", value, text: value ? "TRUE" : "FALSE" };
}

/** `BC12` → column 55; 0 when the reference has no letters. */
export function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) column = column * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) column = column * 26 + ch - 96;
    else if (ch !== 36) break;
  }
  return column;
}

export function cellOf(ref: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  return m ? { row: Number(m[2]), column: columnOf(m[1]!) } : undefined;
}

export function rangeOf(ref: string): Range | undefined {
  const [from, to = from] = ref.split(":") as [string, string?];
  const a = cellOf(from);
  const b = to === undefined ? a : cellOf(to);
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}
