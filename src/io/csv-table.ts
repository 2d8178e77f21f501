// CSV bytes into rows: the encodings CSV files are saved in, `;` or `,`, every row kept with
// the line it starts on. Our own answers layout and the KoboToolbox and ODK exports use it.
import { coded } from "../core/problems.js";
import type { CodedProblem } from "../core/problems.js";
import { readBounded } from "./read-bounded.js";

export const MAX_CSV_BYTES = 20 * 1024 * 1024;

/**
 * The text of a CSV file, whatever encoding it was saved in: UTF-8 (with or without a BOM),
 * UTF-16 with its BOM, or Windows-874, which Thai Excel uses for "CSV" by default (read as
 * UTF-8 it turns Thai names into replacement characters). Undefined when it is none of these.
 */
export function decodeCsv(buf: Buffer): string | undefined {
  const decode = (encoding: string, bytes: Uint8Array) => {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  };
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return decode("utf-8", buf.subarray(3));
  if (buf[0] === 0xff && buf[1] === 0xfe) return decode("utf-16le", buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return decode("utf-16be", buf.subarray(2));
  const utf8 = decode("utf-8", buf);
  if (utf8 !== undefined) return utf8;
  // Bytes Windows-874 leaves undefined come out as private-use or C1 characters: not Thai text.
  const thai = decode("windows-874", buf);
  return thai !== undefined && !/[\u0080-\u009F\uE000-\uF8FF]/.test(thai) ? thai : undefined;
}

export interface CsvTable {
  table: string[][];
  /** The line each row starts on. */
  lines: number[];
}

/** A CSV file's rows, every one of them, or the problem that stopped reading it. */
export async function readCsvTable(file: string): Promise<CsvTable | { problem: CodedProblem }> {
  const read = await readBounded(file, MAX_CSV_BYTES, () => coded("TOO_LARGE", { what: "csv", max: MAX_CSV_BYTES }));
  return "problem" in read ? read : parseCsvBytes(read.bytes);
}

/** The rows of CSV bytes (a file, or an entry of ODK Central's .zip), or why they cannot be read. */
export async function parseCsvBytes(bytes: Buffer): Promise<CsvTable | { problem: CodedProblem }> {
  const text = decodeCsv(bytes);
  if (text === undefined) return { problem: coded("CSV_ENCODING", {}) };
  if (text.trim() === "") return { problem: coded("CSV_EMPTY", {}) };
  try {
    return await parseCsv(text);
  } catch (e) {
    return { problem: coded("CSV_SYNTAX", { detail: (e as Error).message }) };
  }
}

/** Rows of a CSV file with the line each starts on; `;` or `,` as the export used. */
async function parseCsv(text: string): Promise<CsvTable> {
  const { parse } = await import("csv-parse/sync");
  const first = text.slice(0, text.indexOf("\n") >>> 0);
  const delimiter = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  return { table: records.map((r) => r.record), lines: records.map((r) => r.info.lines) };
}
