// Just enough of the zip format to refuse dangerous or broken workbooks before a spreadsheet
// library expands them, and to make the workbooks we write byte-identical from run to run.

/** Limits for a returned workbook (documented in the README). */
export const ZIP_LIMITS = {
  /** Bytes on disk. A filled questionnaire is well under 1 MB. */
  maxFileBytes: 25 * 1024 * 1024,
  /** Bytes once every entry is expanded. */
  maxExpandedBytes: 100 * 1024 * 1024,
  /** Entries in the archive. */
  maxEntries: 2000,
  /** Expansion ratio of any entry larger than 1 MB expanded (zip bombs are far above this). */
  maxRatio: 200,
};

export type ZipVerdict =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; code: "EMPTY" | "XLS" | "ENCRYPTED" | "NOT_ZIP" | "CORRUPT" | "TOO_LARGE" | "NOT_SPREADSHEET"; message: string };

export interface ZipEntry {
  name: string;
  compressed: number;
  expanded: number;
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What a file is, judged from its bytes, and whether its archive stays within the limits. */
export function inspectWorkbookBytes(buf: Buffer, limits = ZIP_LIMITS): ZipVerdict {
  if (buf.length === 0) return { ok: false, code: "EMPTY", message: "the file is empty (0 bytes)" };
  if (buf.length > limits.maxFileBytes) {
    return { ok: false, code: "TOO_LARGE", message: `the file is ${mb(buf.length)}; a workbook may be at most ${mb(limits.maxFileBytes)}` };
  }
  if (buf.subarray(0, 8).equals(CFB_MAGIC)) {
    // Both old .xls files and password-protected .xlsx files are OLE compound files.
    if (buf.includes(Buffer.from("EncryptionInfo", "utf16le"))) {
      return { ok: false, code: "ENCRYPTED", message: "the workbook is password-protected (encrypted); save a copy without a password and score that" };
    }
    return { ok: false, code: "XLS", message: "this is an old Excel 97-2003 workbook (.xls); open it and save it as .xlsx" };
  }
  if (buf.readUInt32LE(0) !== 0x04034b50) {
    return { ok: false, code: "NOT_ZIP", message: "not an Excel workbook: an .xlsx file is a zip archive, and this file is not one" };
  }
  const entries = centralDirectory(buf);
  if (!entries) return { ok: false, code: "CORRUPT", message: "the workbook is truncated or corrupt (its zip directory cannot be read); ask for the file again" };
  if (entries.length > limits.maxEntries) {
    return { ok: false, code: "TOO_LARGE", message: `the archive holds ${entries.length} files; a workbook may hold at most ${limits.maxEntries}` };
  }
  let total = 0;
  for (const e of entries) {
    total += e.expanded;
    if (e.expanded > 1024 * 1024 && e.expanded / Math.max(1, e.compressed) > limits.maxRatio) {
      return { ok: false, code: "TOO_LARGE", message: `${e.name} would expand ${Math.round(e.expanded / Math.max(1, e.compressed))} times (to ${mb(e.expanded)}); refused as a possible zip bomb` };
    }
  }
  if (total > limits.maxExpandedBytes) {
    return { ok: false, code: "TOO_LARGE", message: `the workbook would expand to ${mb(total)}; at most ${mb(limits.maxExpandedBytes)} is read` };
  }
  if (entries.some((e) => e.name === "content.xml") && entries.some((e) => e.name === "mimetype")) {
    return { ok: false, code: "NOT_SPREADSHEET", message: "this is an OpenDocument file (.ods, LibreOffice's own format); save it as an Excel workbook (.xlsx)" };
  }
  if (!entries.some((e) => e.name === "xl/workbook.xml")) {
    return { ok: false, code: "NOT_SPREADSHEET", message: "this zip archive is not an Excel workbook (it has no xl/workbook.xml)" };
  }
  return { ok: true, entries };
}

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Entries from the central directory, or undefined when it cannot be found or read. */
function centralDirectory(buf: Buffer): ZipEntry[] | undefined {
  const eocd = findEocd(buf);
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  // Zip64 archives put 0xFFFF markers here; a questionnaire never needs one.
  if (count === 0xffff || offset === 0xffffffff || offset + size > eocd) return undefined;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return undefined;
    const compressed = buf.readUInt32LE(p + 20);
    const expanded = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (local + 30 > buf.length || compressed > buf.length) return undefined;
    entries.push({ name: buf.toString("utf8", p + 46, p + 46 + nameLen), compressed, expanded });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

/**
 * Sets every entry's modification time to 1980-01-01 00:00, so that the same workbook
 * written twice is byte-identical (the zip library stamps the current time).
 */
export function normalizeZipTimes(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  const eocd = findEocd(out);
  if (eocd < 0) return out;
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  let p = out.readUInt32LE(eocd + 16);
  const count = out.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    if (out.readUInt32LE(p) !== 0x02014b50) break;
    out.writeUInt16LE(0, p + 12);
    out.writeUInt16LE(DOS_DATE, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) === 0x04034b50) {
      out.writeUInt16LE(0, local + 10);
      out.writeUInt16LE(DOS_DATE, local + 12);
    }
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
