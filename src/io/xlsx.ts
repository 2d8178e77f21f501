// Writing workbooks (templates, XLSX reports) with exceljs: everything else describes them as
// plain data (WorkbookSpec). Reading returned workbooks is src/io/xlsx-reader.ts.
import type { Cell, DataValidation, Workbook, Worksheet } from "exceljs";
import type { CellSpec, SheetSpec, Validation, WorkbookSpec } from "../core/workbook.js";
import { neutralizeFormula } from "../core/workbook.js";
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
  for (const s of spec.sheets) await addSheet(wb, s);
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
export function sheetOptions(s: SheetSpec) {
  return {
    state: s.state ?? "visible",
    views: s.freeze ? [{ state: "frozen" as const, xSplit: s.freeze.columns, ySplit: s.freeze.rows }] : [],
    pageSetup: { orientation: s.landscape ? ("landscape" as const) : ("portrait" as const), fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  };
}

async function addSheet(wb: Workbook, s: SheetSpec): Promise<void> {
  const ws: Worksheet = wb.addWorksheet(s.name, sheetOptions(s));
  s.columns?.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  s.rows.forEach((row, r) => {
    row.forEach((spec, c) => {
      if (!spec) return;
      writeCell(ws.getCell(r + 1, c + 1), spec);
    });
  });
  for (const [r, h] of Object.entries({ ...autoHeights(s), ...(s.rowHeights ?? {}) })) ws.getRow(Number(r)).height = h;
  for (const m of s.merges ?? []) ws.mergeCells(m);
  for (const ref of s.colorScales ?? []) ws.addConditionalFormatting(colourScale(ref));
  if (s.autoFilter) ws.autoFilter = s.autoFilter;
  if (s.protect) {
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      sort: false,
      autoFilter: true,
    });
  }
}

/**
 * Row heights for wrapped text. Spreadsheet programs do not re-fit rows when they open a
 * file, so without these a long question shows as one clipped line over its neighbours.
 */
function autoHeights(s: SheetSpec): Record<number, number> {
  const out: Record<number, number> = {};
  s.rows.forEach((row, r) => {
    const h = rowHeight(row, s.columns);
    if (h !== undefined) out[r + 1] = h;
  });
  return out;
}

/** The height a row of wrapped text needs, or undefined for one line. */
export function rowHeight(row: readonly (CellSpec | undefined)[], columns: SheetSpec["columns"]): number | undefined {
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

export function writeCell(cell: Cell, spec: CellSpec): void {
  cell.value = typeof spec.value === "string" ? neutralizeFormula(spec.value) : spec.value;
  const font: Partial<Cell["font"]> = {};
  if (spec.bold) font.bold = true;
  if (spec.italic) font.italic = true;
  if (spec.size) font.size = spec.size;
  if (spec.color) font.color = { argb: `FF${spec.color}` };
  if (Object.keys(font).length) cell.font = font;
  cell.alignment = { vertical: "top", wrapText: spec.wrap ?? false, ...(spec.align ? { horizontal: spec.align } : {}) };
  if (spec.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${spec.fill}` } };
  if (spec.numFmt) cell.numFmt = spec.numFmt;
  if (spec.unlocked) cell.protection = { locked: false };
  if (spec.validation) cell.dataValidation = validation(spec.validation);
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
