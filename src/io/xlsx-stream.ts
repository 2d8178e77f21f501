// Writing a workbook too large to hold (a report's answer table of thousands of institutions)
// with exceljs's streaming writer: each row goes to the file as it is made. Laid out as
// src/io/xlsx.ts lays out a WorkbookSpec; the rows of one sheet may come as they are read.
import { once } from "node:events";
import { open } from "node:fs/promises";
import type { Writable } from "node:stream";
import type { CellSpec, StreamedWorkbookSpec } from "../core/workbook.js";
import { outputError } from "../errors.js";
import { displayPath } from "./fs.js";
import { SHEET_PROTECTION, ValidationRanges, colourScale, latinRowHeight, sheetOptions, writeCell } from "./xlsx.js";

/**
 * exceljs writes a sheet's rows into the zip without waiting for it to take them: the rows
 * of a long sheet would pile up in memory ahead of the compression. Waits until they are taken.
 */
async function taken(ws: unknown): Promise<void> {
  // archiver's PassThrough comes from the readable-stream package: its state, not Node's getters.
  const sink = (ws as { stream?: { pipes?: (Writable & { _writableState?: { needDrain?: boolean } })[] } }).stream?.pipes?.[0];
  if (sink?._writableState?.needDrain) await once(sink, "drain");
}

/** `more`: rows to add, as they come, after the spec's own rows of the sheet of that name. */
export async function writeWorkbookStreaming(path: string, spec: StreamedWorkbookSpec, more?: { sheet: string; rows: AsyncIterable<readonly (CellSpec | undefined)[]> | Iterable<readonly (CellSpec | undefined)[]> }): Promise<void> {
  const ExcelJS = ((await import("exceljs")) as unknown as { default: typeof import("exceljs") }).default;
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    wb.creator = "assess";
    wb.title = spec.title;
    wb.created = spec.date;
    wb.modified = spec.date;
    for (const s of spec.sheets) {
      const ws = wb.addWorksheet(s.name, sheetOptions(s));
      s.columns?.forEach((c, i) => {
        const col = ws.getColumn(i + 1);
        col.width = c.width;
        if (c.hidden) col.hidden = true;
      });
      const add = (row: readonly (CellSpec | undefined)[]) => {
        const r = ws.addRow([]);
        row.forEach((cell, c) => {
          if (cell) writeCell(r.getCell(c + 1), cell);
        });
        const h = latinRowHeight(row, s.columns);
        if (h !== undefined) r.height = h;
        r.commit();
      };
      const validations = new ValidationRanges();
      let k = 0;
      for (const row of s.rows) {
        add(row);
        validations.add(row);
        if (k++ % 256 === 255) await taken(ws);
      }
      if (s.name === more?.sheet) {
        for await (const row of more.rows) {
          add(row);
          validations.add(row);
          await taken(ws);
        }
      }
      Object.assign((ws as unknown as { dataValidations: { model: object } }).dataValidations.model, validations.ranges());
      for (const ref of s.colorScales ?? []) ws.addConditionalFormatting(colourScale(ref));
      if (s.autoFilter) ws.autoFilter = s.autoFilter;
      if (s.protect) await ws.protect("", SHEET_PROTECTION);
      ws.commit();
    }
    await wb.commit();
  } catch (e) {
    throw outputError(displayPath(path), e);
  }
  await fixZipTimes(path);
}

/**
 * Sets every entry's time to 1980-01-01 00:00 in the file itself, as normalizeZipTimes does
 * in memory: only the headers are read and written, never the whole file.
 */
async function fixZipTimes(path: string): Promise<void> {
  const fh = await open(path, "r+");
  try {
    const size = (await fh.stat()).size;
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await fh.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
    if (eocd < 0) return;
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirAt = tail.readUInt32LE(eocd + 16);
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirAt);
    const stamp = Buffer.alloc(4);
    stamp.writeUInt16LE(0, 0);
    stamp.writeUInt16LE((0 << 9) | (1 << 5) | 1, 2);
    let p = 0;
    for (let k = 0; k < count && dir.readUInt32LE(p) === 0x02014b50; k++) {
      stamp.copy(dir, p + 12);
      await fh.write(stamp, 0, 4, dir.readUInt32LE(p + 42) + 10);
      p += 46 + dir.readUInt16LE(p + 28) + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
    await fh.write(dir, 0, dirSize, dirAt);
  } finally {
    await fh.close();
  }
}
