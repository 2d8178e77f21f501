// Writing workbooks (templates, XLSX reports) with exceljs: everything else describes them as
// plain data (WorkbookSpec). Reading returned workbooks is src/io/xlsx-reader.ts.
import type { Cell, DataValidation, Workbook, Worksheet } from "exceljs";
import type { CellSpec, SheetSpec, Validation, WorkbookSpec } from "../core/workbook.js";
import { rowHeight, wrappedLines } from "../core/text-width.js";
import type { Font } from "../core/text-width.js";
import { columnLetter, neutralizeFormula } from "../core/workbook.js";
import { normalizeZipTimes } from "./zip.js";

async function excel(): Promise<typeof import("exceljs")> {
  const mod = (await import("exceljs")) as unknown as { default: typeof import("exceljs") };
  return mod.default;
}

export async function writeWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  const ExcelJS = await excel();
  const wb = new ExcelJS.Workbook();
  wb.creator = "assess";
  wb.title = spec.title;
  wb.created = spec.date;
  wb.modified = spec.date;
  for (const s of spec.sheets) await addSheet(wb, s, spec.font);
  return normalizeZipTimes(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** A red-yellow-green colour scale over 0-100 on `ref`. */
export function colourScale(ref: string) {
  return {
    ref,
    rules: [
      {
        type: "colorScale" as const,
        priority: 1,
        cfvo: [
          { type: "num" as const, value: 0 },
          { type: "num" as const, value: 50 },
          { type: "num" as const, value: 100 },
        ],
        color: [{ argb: "FFD73027" }, { argb: "FFFEE08B" }, { argb: "FF1A9850" }],
      },
    ],
  };
}

/** A sheet's view and page set-up, as exceljs takes them (also for the streaming writer, xlsx-stream.ts). */
export function sheetOptions(s: Pick<SheetSpec, "state" | "freeze" | "landscape">) {
  return {
    state: s.state ?? "visible",
    views: s.freeze ? [{ state: "frozen" as const, xSplit: s.freeze.columns, ySplit: s.freeze.rows }] : [],
    pageSetup: { orientation: s.landscape ? ("landscape" as const) : ("portrait" as const), fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  };
}

async function addSheet(wb: Workbook, s: SheetSpec, font: Font | undefined): Promise<void> {
  const ws: Worksheet = wb.addWorksheet(s.name, sheetOptions(s));
  s.columns?.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  s.rows.forEach((row, r) => {
    row.forEach((spec, c) => {
      if (!spec) return;
      writeCell(ws.getCell(r + 1, c + 1), spec, font);
    });
  });
  writeValidations(ws, s);
  for (const [r, h] of Object.entries({ ...(font ? measuredHeights(s, font) : autoHeights(s)), ...(s.rowHeights ?? {}) })) ws.getRow(Number(r)).height = h;
  for (const m of s.merges ?? []) ws.mergeCells(m);
  for (const ref of s.colorScales ?? []) ws.addConditionalFormatting(colourScale(ref));
  if (s.autoFilter) ws.autoFilter = s.autoFilter;
  if (s.protect) await ws.protect("", SHEET_PROTECTION);
}

/** A protected sheet: only unlocked cells change, with no password so nobody is locked out. */
export const SHEET_PROTECTION = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  sort: false,
  autoFilter: true,
};

/**
 * Row heights for wrapped text. Spreadsheet programs do not re-fit rows when they open a
 * file, so without these a long question shows as one clipped line over its neighbours.
 */
function autoHeights(s: SheetSpec): Record<number, number> {
  const out: Record<number, number> = {};
  s.rows.forEach((row, r) => {
    const h = latinRowHeight(row, s.columns);
    if (h !== undefined) out[r + 1] = h;
  });
  return out;
}

/** The height a row of wrapped text needs in the default (Latin) font, or undefined for one line. */
export function latinRowHeight(row: readonly (CellSpec | undefined)[], columns: SheetSpec["columns"]): number | undefined {
  let lines = 1;
  row.forEach((cell, c) => {
    if (!cell?.wrap || typeof cell.value !== "string") return;
    // About 1.2 characters of 11-point text fit in one unit of column width.
    const width = Math.max(4, Math.floor((columns?.[c]?.width ?? 10) * 1.2));
    // Thai vowel and tone marks take no width of their own.
    const n = cell.value.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(part.replace(/\p{M}/gu, "").length / width)), 0);
    lines = Math.max(lines, n);
  });
  return lines > 1 ? Math.min(409, lines * 15 + 2) : undefined;
}

/** Row heights from the wrapped text's width in the workbook's font (src/core/text-width.ts). */
function measuredHeights(s: SheetSpec, base: Font): Record<number, number> {
  const out: Record<number, number> = {};
  s.rows.forEach((row, r) => {
    let height = 0;
    row.forEach((cell, c) => {
      if (typeof cell?.value !== "string" || cell.value === "") return;
      const font = { name: base.name, size: cell.size ?? base.size };
      const lines = cell.wrap ? wrappedLines(cell.value, s.columns?.[c]?.width ?? 10, font, cell.bold ?? false) : 1;
      height = Math.max(height, rowHeight(lines, font));
    });
    if (height > 0) out[r + 1] = height;
  });
  return out;
}

export function writeCell(cell: Cell, spec: CellSpec, base?: Font): void {
  cell.value = typeof spec.value === "string" ? neutralizeFormula(spec.value) : spec.value;
  const font: Partial<Cell["font"]> = base ? { name: base.name, size: base.size, ...(/sarabun/i.test(base.name) ? { charset: 222 } : {}) } : {};
  if (spec.bold) font.bold = true;
  if (spec.italic) font.italic = true;
  if (spec.size) font.size = spec.size;
  if (spec.color) font.color = { argb: `FF${spec.color}` };
  if (Object.keys(font).length) cell.font = font;
  cell.alignment = { vertical: "top", wrapText: spec.wrap ?? false, ...(spec.align ? { horizontal: spec.align } : {}) };
  if (spec.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${spec.fill}` } };
  if (spec.numFmt) cell.numFmt = spec.numFmt;
  if (spec.unlocked) cell.protection = { locked: false };
}

/**
 * Data validations as rectangles that never overlap. exceljs 4.4.0 would merge per-cell
 * validations itself, but it sorts addresses as text ("AA10" before "AA3") and lets ranges
 * overlap. Here equal validations are merged into maximal column runs, then runs of equal
 * height side by side into rectangles, and each is given to exceljs under its range address,
 * which it writes as it is; no two left adjacent and equal, so it finds nothing to merge.
 */
function writeValidations(ws: Worksheet, s: SheetSpec): void {
  Object.assign((ws as unknown as { dataValidations: { model: Record<string, DataValidation> } }).dataValidations.model, validationRanges(s));
}

/** The sheet's data validations by range address, as writeValidations gives them to exceljs. */
export function validationRanges(s: SheetSpec): Record<string, DataValidation> {
  const v = new ValidationRanges();
  for (const row of s.rows) v.add(row);
  return v.ranges();
}

/** Equal validations down one column, rows top to bottom (1-based). */
interface ValidationRun {
  top: number;
  bottom: number;
  col: number;
  key: string;
  dv: DataValidation;
}

/**
 * The same ranges, from the rows one at a time (xlsx-stream.ts: rows that are never all in
 * memory): equal validations in maximal column runs, then runs side by side in rectangles.
 */
export class ValidationRanges {
  /** By column (0-based), its runs from the top. */
  private readonly runs: ValidationRun[][] = [];
  /** By column, the run the last row added to. */
  private open = new Map<number, ValidationRun>();
  private r = 0;

  add(row: readonly (CellSpec | undefined)[]): void {
    const r = this.r++;
    const open = new Map<number, ValidationRun>();
    row.forEach((cell, c) => {
      const dv = cell?.validation ? validation(cell.validation) : undefined;
      if (!dv) return;
      const key = JSON.stringify(dv);
      const run = this.open.get(c);
      if (run && run.key === key && run.bottom === r) {
        run.bottom = r + 1;
        open.set(c, run);
      } else {
        const fresh = { top: r + 1, bottom: r + 1, col: c + 1, key, dv };
        (this.runs[c] ??= []).push(fresh);
        open.set(c, fresh);
      }
    });
    this.open = open;
  }

  ranges(): Record<string, DataValidation> {
    // Side by side: a run joins the rectangle to its left when rows and validation are the same.
    const rects = new Map<string, { top: number; bottom: number; left: number; right: number; dv: DataValidation }>();
    for (const column of this.runs) {
      for (const run of column ?? []) {
        const left = rects.get(`${run.top}:${run.bottom}:${run.col - 1}:${run.key}`);
        if (left) {
          rects.delete(`${run.top}:${run.bottom}:${run.col - 1}:${run.key}`);
          left.right = run.col;
          rects.set(`${run.top}:${run.bottom}:${run.col}:${run.key}`, left);
        } else rects.set(`${run.top}:${run.bottom}:${run.col}:${run.key}`, { top: run.top, bottom: run.bottom, left: run.col, right: run.col, dv: run.dv });
      }
    }
    const model: Record<string, DataValidation> = {};
    for (const r of rects.values()) {
      const first = `${columnLetter(r.left)}${r.top}`;
      model[r.top === r.bottom && r.left === r.right ? first : `${first}:${columnLetter(r.right)}${r.bottom}`] = r.dv;
    }
    return model;
  }
}

function validation(v: Validation): DataValidation {
  const base = {
    allowBlank: true,
    showInputMessage: v.prompt !== undefined,
    ...(v.prompt ? { promptTitle: v.prompt.title.slice(0, 32), prompt: v.prompt.text.slice(0, 255) } : {}),
    showErrorMessage: v.error !== undefined,
    ...(v.error ? { errorStyle: v.error.stop ? "error" : "warning", errorTitle: v.error.title.slice(0, 32), error: v.error.text.slice(0, 255) } : {}),
  };
  if (v.list) return { ...base, type: "list", formulae: [v.list] } as DataValidation;
  return { ...base, type: "custom", formulae: [v.custom ?? "TRUE"] } as DataValidation;
}
