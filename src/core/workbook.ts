// Workbooks as plain data: what to write (WorkbookSpec) and what was read (ReadBook).
// src/io/xlsx.ts writes them with exceljs; src/io/xlsx-reader.ts reads returned ones.
import type { SheetValue } from "./parse-answer.js";
import type { Font } from "./text-width.js";

export interface Validation {
  /** A list of allowed values, as a range formula such as `Lists!$A$1:$A$5`. */
  list?: string;
  /** A custom formula that must hold, such as `OR(ISNUMBER(E5),E5="Don't know")`. */
  custom?: string;
  prompt?: { title: string; text: string };
  error?: { title: string; text: string; stop?: boolean };
}

export interface CellSpec {
  value: string | number | null;
  bold?: boolean;
  italic?: boolean;
  wrap?: boolean;
  /** Background colour, RRGGBB. */
  fill?: string;
  color?: string;
  size?: number;
  /** Editable by the respondent on a protected sheet. */
  unlocked?: boolean;
  validation?: Validation;
  numFmt?: string;
  align?: "left" | "center" | "right";
}

export interface SheetSpec {
  name: string;
  state?: "visible" | "hidden" | "veryHidden";
  /** Column widths in characters; `hidden` hides the column. */
  columns?: { width: number; hidden?: boolean }[];
  rows: (CellSpec | undefined)[][];
  /** Rows and columns kept in view while scrolling. */
  freeze?: { rows: number; columns: number };
  /** Protect the sheet without a password: only unlocked cells can be edited. */
  protect?: boolean;
  rowHeights?: Record<number, number>;
  merges?: string[];
  /** Printing: fit to page width, landscape. */
  landscape?: boolean;
  /** Ranges shown as a red-yellow-green colour scale over 0-100. */
  colorScales?: string[];
  /** An auto-filter over this range (header row first). */
  autoFilter?: string;
}

/** A sheet whose rows may be made as they are written (src/io/xlsx-stream.ts): a table of thousands never whole in memory. */
export interface StreamedSheetSpec extends Omit<SheetSpec, "rows"> {
  rows: Iterable<(CellSpec | undefined)[]>;
}

export interface StreamedWorkbookSpec extends Omit<WorkbookSpec, "sheets"> {
  sheets: StreamedSheetSpec[];
}

export interface WorkbookSpec {
  title: string;
  /** Every cell's font (a cell's own size wins), and rows measured for it; without it, the program's default font. */
  font?: Font;
  /** Fixed creation date so the same spec gives the same bytes. */
  date: Date;
  sheets: SheetSpec[];
}

/** Text that a spreadsheet could take for a formula is written with a leading apostrophe. */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A rectangle of cells, 1-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ReadSheet {
  name: string;
  state: string;
  rowCount: number;
  columnCount: number;
  /** The rows that hold a cell (or lie in a merged range), in order: what is present, not the extent. */
  rowNumbers(): number[];
  /** 1-based row and column. A cell inside a merged range shows the range's first cell, as a spreadsheet does. */
  cell(row: number, column: number): SheetValue;
  /** Merged ranges (none when absent). */
  merges?: readonly CellRange[];
}

export interface ReadBook {
  sheetNames: string[];
  sheet(name: string): ReadSheet | undefined;
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Excel's way to name a cell: 'Sheet name'!E14. */
export function cellPlace(sheet: string, row: number, column: number): string {
  const name = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetter(column)}${row}`;
}
