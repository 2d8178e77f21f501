// One worksheet's cells as the spreadsheet shows them (the SheetValue of core/parse-answer.ts):
// shared and inline strings, numbers, dates by their style, booleans, errors, the cached
// results of formulas, rich text as its text, hyperlinks and merged ranges.
import type { SheetValue } from "../core/parse-answer.js";
import type { ReadSheet } from "../core/workbook.js";
import type { Parts } from "./xlsx-reader.js";
import { BLANK, EMPTY, boolShown, cellOf, columnCount, columnOf, numberShown, rangeOf, spreadMerges, textShown } from "./xlsx-cells.js";
import type { CellBudget, Range, Row } from "./xlsx-cells.js";
import type { SharedStrings } from "./xlsx-strings.js";
import { scanCells, sheetDataSpan } from "./xlsx-scan.js";
import type { CellSink } from "./xlsx-scan.js";
import { decodeEntitiesAgain, decodeEscapes, visitXml } from "./xlsx-xml.js";
import type { Attributes, XmlVisitor } from "./xlsx-xml.js";

export interface SheetContext {
  date1904: boolean;
  /** By cell style index: does the style show a number as a date? */
  dateStyles: boolean[];
  strings: SharedStrings;
  /** What each shared string shows, made when a cell first asks. */
  stringShown: SheetValue[];
  parts: Parts;
  /** What the workbook may still hold: its sheets share one bound. */
  budget: CellBudget;
  /** The ways the cells may be read, tried in this order (tests compare them). */
  ways: readonly CellReading[];
}

/** scanCells, scanElements (each for the cells alone, saxes for the rest), or saxes alone. */
export type CellReading = "cells" | "elements" | "saxes";

export const CELL_READINGS: readonly CellReading[] = ["cells", "elements", "saxes"];

/** More than any column a reference can name (XFD is 16,384), to key a cell by one number. */
const BARE_COLUMNS = 1 << 20;

const NONE = 0;
const VALUE = 1;
const FORMULA = 2;
const RUN = 3;

export function readSheet(name: string, state: string, path: string, context: SheetContext): ReadSheet {
  const cells = readCells(path, context);
  if (cells.links.length) cells.applyLinks(context.parts.relationships(path));
  const { rows } = cells;
  const lastRow = Math.max(cells.lastRow, spreadMerges(rows, cells.merges, context.budget));
  return {
    name,
    state,
    rowCount: lastRow,
    columnCount: columnCount(rows),
    rowNumbers: () => [...rows.keys()].sort((a, b) => a - b),
    merges: cells.merges,
    cell(row, column) {
      const value = rows.get(row)?.cells[column];
      if (typeof value !== "number") return value ?? EMPTY;
      return (context.stringShown[value] ??= textShown(context.strings.get(value)!));
    },
  };
}

/**
 * The cells of a worksheet, read each of the context's ways in turn until one can: scanCells
 * where they have the usual shape, else scanElements, else saxes alone; each from the start,
 * with nothing kept of a way that stopped. Saxes alone reads anything, or says what is wrong.
 */
function readCells(path: string, context: SheetContext): SheetCells {
  const bytes = context.parts.bytes(path);
  if (bytes === undefined) return new SheetCells(context);
  const pieces = cellParts(bytes);
  const span = pieces.length > 1 ? sheetDataSpan(pieces[0] as Buffer) : undefined;
  const spent = context.budget.mark();
  for (const way of context.ways) {
    const cells = new SheetCells(context);
    if (way === "saxes") {
      visitXml(pieces, path, cells);
      return cells;
    }
    if (!span) continue;
    if (visitXml(pieces, path, cells, span, way === "cells" ? (xml) => scanCells(xml, cells) : undefined)) return cells;
    context.budget.reset(spent);
  }
  throw new Error(`${path}: none of the ways ${context.ways.join(", ")} reads its cells`);
}

/**
 * What of a worksheet holds cells: everything up to the end of sheetData, the merged ranges
 * and the hyperlinks. The rest (a template's thousands of validation and formatting rules,
 * print settings) is never tokenised.
 */
function cellParts(xml: Buffer): Uint8Array[] {
  const close = xml.indexOf("</sheetData>");
  // Prefixed names (x:sheetData) or no cells: all of it.
  if (close < 0) return [xml];
  const end = close + "</sheetData>".length;
  const pieces: Uint8Array[] = [xml.subarray(0, end)];
  for (const tag of ["mergeCells", "hyperlinks"]) {
    const from = xml.indexOf(`<${tag}`, end);
    const to = from < 0 ? -1 : xml.indexOf(`</${tag}>`, from);
    if (to >= 0) pieces.push(xml.subarray(from, to + tag.length + 3));
  }
  const root = /<([^?!\s/>][^\s/>]*)/.exec(xml.toString("latin1", 0, Math.min(end, 1024)))?.[1] ?? "worksheet";
  pieces.push(Buffer.from(`</${root}>`));
  return pieces;
}

class SheetCells implements XmlVisitor, CellSink {
  readonly rows = new Map<number, Row>();
  readonly merges: Range[] = [];
  readonly links: { row: number; column: number; rel: string }[] = [];
  lastRow = 0;
  /** Cells written as bare `<c r="B2"/>`: not cells, unless a hyperlink points at them. */
  private readonly bare: number[] = [];
  /** Formula results 0 and FALSE, which show as uncalculated but are a hyperlink's text. */
  /** Shared formulas: group → the address of the cell that holds the formula. */
  private readonly formulae = new Map<string, string | undefined>();
  private row: Row = { cells: [], width: 0, hasValues: false };
  private rowNumber = 0;
  private column = 0;
  private ref: string | undefined;
  private type: string | undefined;
  private style = 0;
  private value: string | undefined;
  private runs: string[] | undefined;
  private run = "";
  private formula: string | undefined;
  private share: Attributes | undefined;
  private capture = NONE;

  constructor(private readonly context: SheetContext) {}

  open(name: string, a: Attributes): void {
    switch (name) {
      case "row":
        this.startRow(a);
        break;
      case "c":
        this.startCell(a.r, a.t, a.s ? parseInt(a.s, 10) || 0 : 0);
        break;
      case "v":
        this.capture = VALUE;
        break;
      case "f":
        this.capture = FORMULA;
        if (a.t) this.share = a;
        break;
      case "r":
        this.run = "";
        this.capture = NONE;
        (this.runs ??= []).push("");
        break;
      case "t":
        this.capture = this.runs ? RUN : VALUE;
        break;
      case "mergeCell": {
        this.context.budget.spend(1);
        const range = rangeOf(a.ref ?? "");
        if (range) this.merges.push(range);
        break;
      }
      case "hyperlink": {
        this.context.budget.spend(1);
        const at = a.ref ? cellOf(a.ref) : undefined;
        const rel = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
        if (at && rel) this.links.push({ ...at, rel });
        break;
      }
    }
  }

  startRow(a: Attributes): void {
    this.context.budget.spend(1);
    const n = parseInt(a.r ?? "", 10);
    this.rowNumber = n > 0 ? n : this.rowNumber + 1;
    this.column = 0;
    let row = this.rows.get(this.rowNumber);
    if (!row) this.rows.set(this.rowNumber, (row = { cells: [], width: 0, hasValues: false }));
    this.row = row;
    if (this.rowNumber > this.lastRow) this.lastRow = this.rowNumber;
  }

  startCell(ref: string | undefined, type: string | undefined, style: number): void {
    this.context.budget.spend(1);
    this.ref = ref;
    this.column = (ref && columnOf(ref)) || this.column + 1;
    this.type = type;
    this.style = style;
    this.value = this.runs = this.formula = this.share = undefined;
  }

  cellValue(t: string): void {
    this.value = t;
  }

  text(t: string): void {
    if (this.capture === VALUE) this.value = this.value === undefined ? t : this.value + t;
    else if (this.capture === FORMULA) this.formula = this.formula === undefined ? t : this.formula + t;
    else if (this.capture === RUN) this.run += t;
  }

  close(name: string): void {
    switch (name) {
      case "v":
      case "f":
      case "t":
        this.capture = NONE;
        break;
      case "r":
        if (this.runs) this.runs[this.runs.length - 1] = decodeEscapes(this.run);
        break;
      case "c":
        this.endCell();
        break;
    }
  }

  endCell(): void {
    const { value, type } = this;
    const date = this.style > 0 && this.context.dateStyles[this.style] === true;
    let shown: SheetValue | number;
    if (this.formula || this.share) shown = this.formulaCell(date);
    else if (value !== undefined || this.runs) {
      switch (type) {
        case "s": {
          const i = parseInt(value ?? "", 10);
          if (!(i >= 0 && i < this.context.strings.count)) throw new Error(`cell ${this.ref ?? "?"} refers to shared string ${value}, which the workbook does not have`);
          shown = i;
          break;
        }
        case "str":
          shown = textShown(decodeEntitiesAgain(value ?? ""));
          break;
        case "inlineStr":
          shown = textShown(this.runs ? this.runs.join("") : (value ?? ""));
          break;
        case "b":
          shown = boolShown(parseInt(value ?? "", 10) !== 0);
          break;
        case "e":
          shown = { kind: "error", text: value ?? "" };
          break;
        default:
          shown = date ? this.dateShown(parseFloat(value ?? ""), value ?? "") : numberShown(parseFloat(value ?? ""), value);
      }
    } else if (this.style) shown = BLANK;
    else {
      this.bare.push(this.rowNumber, this.column);
      return;
    }
    this.put(this.rowNumber, this.column, shown);
  }

  private put(r: number, c: number, shown: SheetValue | number): void {
    const row = r === this.rowNumber ? this.row : this.rows.get(r)!;
    row.cells[c] = shown;
    if (c > row.width) row.width = c;
    if (shown !== BLANK) row.hasValues = true;
  }

  /** A formula shows its cached result; without one it asks to be recalculated. */
  private formulaCell(date: boolean): SheetValue {
    const { value, type, share } = this;
    let result: SheetValue | undefined;
    // As the earlier reader did: a result of 0 or FALSE counted as no result.
    if (value) {
      if (type === "str") result = textShown(decodeEntitiesAgain(value));
      else if (type === "e") result = { kind: "error", text: value };
      else if (type === "b") {
        const b = parseInt(value, 10) !== 0;
        result = boolShown(b);
      } else {
        const n = parseFloat(value);
        result = date ? this.dateShown(n, value) : numberShown(n, value);
      }
    }
    let master: string | undefined;
    if (share?.t === "shared" && share.si !== undefined) {
      if (share.ref) this.formulae.set(share.si, this.ref);
      else master = this.formulae.get(share.si);
    }
    // A saved result of 0 or FALSE is a result (the exceljs reader took it for none, and the
    // answer was lost as "not calculated"); only a formula with no saved value has none.
    if (result === undefined) return { kind: "uncalculated", text: `=${this.formula || master || ""}` };
    return result;
  }

  /**
   * Spreadsheet serial days since 1899-12-30 (1900 system) or 1904-01-01. A serial outside
   * the days a spreadsheet shows (from day 0 to 9999-12-31: 1e12, -1, 1e308) is no date:
   * it shows as the number it is, which a date question refuses with the cell's place.
   */
  private dateShown(serial: number, raw: string): SheetValue {
    // The day the serial falls on: a time of day (its fraction) never moves the date to the next day.
    const d = new Date((Math.floor(serial) - 25569 + (this.context.date1904 ? 1462 : 0)) * 86400000);
    const year = d.getUTCFullYear();
    if (!(serial >= 0) || !(year <= 9999)) return numberShown(serial, raw);
    const iso = d.toISOString().slice(0, 10);
    return { kind: "date", value: iso, text: iso };
  }

  /** A hyperlink shows its cell's value; on a cell without one, its address. */
  applyLinks(rels: Map<string, { target: string }>): void {
    // Looked up once per link: a scan of the bare cells for each would grow as their product.
    const bare = new Set<number>();
    for (let i = 0; i < this.bare.length; i += 2) bare.add(this.bare[i]! * BARE_COLUMNS + this.bare[i + 1]!);
    for (const { row: r, column: c, rel } of this.links) {
      const target = rels.get(rel)?.target;
      if (target === undefined) continue;
      const cell = this.rows.get(r)?.cells[c];
      if (cell === undefined) {
        if (!bare.has(r * BARE_COLUMNS + c)) continue;
        this.put(r, c, textShown(target));
      } else if (cell === BLANK) this.put(r, c, textShown(target));
      else if (typeof cell !== "number" && cell.kind === "uncalculated") this.put(r, c, textShown(target));
    }
  }
}
