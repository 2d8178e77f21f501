// Merged cells over answers. A spreadsheet shows a merged range's first cell across all of it,
// so one "Yes" merged over four option rows would tick all four, and an answer merged with its
// comment would be read again as the comment. Here only the first cell holds the value; the
// others read as empty, and each merge over answer or comment cells is reported.
import type { SheetValue } from "./parse-answer.js";
import { cellPlace, columnLetter } from "./workbook.js";
import type { CellRange, ReadSheet } from "./workbook.js";

const EMPTY: SheetValue = { kind: "empty" };

/** The sheet as it is stored: a merged range's value in its first cell only. */
export function unmerged(sheet: ReadSheet): ReadSheet {
  const merges = (sheet.merges ?? []).filter((m) => m.bottom > m.top || m.right > m.left);
  if (merges.length === 0) return sheet;
  return {
    ...sheet,
    cell(row, column) {
      const m = merges.find((m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right);
      return m && (row !== m.top || column !== m.left) ? EMPTY : sheet.cell(row, column);
    },
  };
}

/** Merged ranges of more than one cell that cover a cell `holdsAnswer` says holds an answer or a comment. */
export function mergesOverAnswers(sheet: ReadSheet, holdsAnswer: (row: number, column: number) => boolean): CellRange[] {
  return (sheet.merges ?? []).filter((m) => {
    if (m.bottom === m.top && m.right === m.left) return false;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (holdsAnswer(r, c)) return true;
    return false;
  });
}

/** `E11:E14`. */
export function rangeText(m: CellRange): string {
  return `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`;
}

/** `'Sheet name'!E11:E14`. */
export function rangePlace(sheet: string, m: CellRange): string {
  return `${cellPlace(sheet, m.top, m.left)}:${columnLetter(m.right)}${m.bottom}`;
}
