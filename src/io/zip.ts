// Just enough of the zip format to refuse dangerous or broken workbooks, to inflate the parts
// a reader needs within limits that count the bytes really inflated, and to make the
// workbooks we write byte-identical from run to run.
import { inflateRawSync } from "node:zlib";
import { coded } from "../core/problems.js";
import type { CodedProblem, ProblemArgs } from "../core/problems.js";

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

type WorkbookCode =
  | "WORKBOOK_EMPTY"
  | "WORKBOOK_XLS"
  | "WORKBOOK_ENCRYPTED"
  | "WORKBOOK_NOT_ZIP"
  | "WORKBOOK_CORRUPT"
  | "WORKBOOK_TOO_LARGE"
  | "WORKBOOK_NOT_SPREADSHEET"
  | "WORKBOOK_ZIP64"
  | "WORKBOOK_DUPLICATE_ENTRY";

/** A refused workbook: the problem itself, as a code with its args. */
export type WorkbookRefusal = Extract<CodedProblem, { code: WorkbookCode }>;

export type ZipVerdict = { ok: true; entries: ZipEntry[] } | ({ ok: false } & WorkbookRefusal);

function refusal<C extends WorkbookCode>(code: C, args: ProblemArgs[C]): WorkbookRefusal {
  return coded(code, args) as WorkbookRefusal;
}

function refuse<C extends WorkbookCode>(code: C, args: ProblemArgs[C]): ZipVerdict {
  return { ok: false, ...refusal(code, args) };
}

export interface ZipEntry {
  name: string;
  /** Sizes as the archive declares them: a hostile archive may lie. */
  compressed: number;
  expanded: number;
  /** Where the entry's local header starts. */
  offset: number;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What a file is, judged from its bytes, and whether its archive stays within the limits. */
export function inspectWorkbookBytes(buf: Buffer, limits = ZIP_LIMITS): ZipVerdict {
  const verdict = inspectZipBytes(buf, limits);
  if (!verdict.ok) return verdict;
  const { entries } = verdict;
  if (entries.some((e) => e.name === "content.xml") && entries.some((e) => e.name === "mimetype")) return refuse("WORKBOOK_NOT_SPREADSHEET", { kind: "ods" });
  if (!isWorkbookArchive(entries)) return refuse("WORKBOOK_NOT_SPREADSHEET", { kind: "zip" });
  return verdict;
}

export function isWorkbookArchive(entries: readonly ZipEntry[]): boolean {
  return entries.some((e) => e.name === "xl/workbook.xml");
}

/**
 * Whether the bytes are a zip archive that stays within the limits: the checks every archive
 * gets, a workbook or an ODK Central download (bombs, zip64, duplicate or encrypted entries).
 */
export function inspectZipBytes(buf: Buffer, limits = ZIP_LIMITS): ZipVerdict {
  if (buf.length === 0) return refuse("WORKBOOK_EMPTY", { kind: "no_bytes" });
  if (buf.length > limits.maxFileBytes) return refuse("WORKBOOK_TOO_LARGE", { limit: "file", bytes: buf.length, max: limits.maxFileBytes });
  if (buf.subarray(0, 8).equals(CFB_MAGIC)) {
    // Both old .xls files and password-protected .xlsx files are OLE compound files.
    if (buf.includes(Buffer.from("EncryptionInfo", "utf16le"))) return refuse("WORKBOOK_ENCRYPTED", {});
    return refuse("WORKBOOK_XLS", {});
  }
  // An archive with no entries is its end record alone.
  if (buf.length === 22 && buf.readUInt32LE(0) === 0x06054b50) return { ok: true, entries: [] };
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) return refuse("WORKBOOK_NOT_ZIP", {});
  const entries = centralDirectory(buf);
  if (entries === "zip64") return refuse("WORKBOOK_ZIP64", {});
  if (!entries) return refuse("WORKBOOK_CORRUPT", {});
  const names = new Set<string>();
  for (const e of entries) {
    const name = e.name.replace(/^\//, "").toLowerCase();
    if (names.has(name)) return refuse("WORKBOOK_DUPLICATE_ENTRY", { entry: e.name });
    names.add(name);
  }
  if (entries.length > limits.maxEntries) return refuse("WORKBOOK_TOO_LARGE", { limit: "entries", entries: entries.length, max: limits.maxEntries });
  // Bit 0: the entry is encrypted (zip passwords, which Excel does not use, but other tools do).
  if (entries.some((e) => e.flags & 1)) return refuse("WORKBOOK_ENCRYPTED", {});
  let total = 0;
  for (const e of entries) {
    total += e.expanded;
    if (e.expanded > 1024 * 1024 && e.expanded / Math.max(1, e.compressed) > limits.maxRatio) {
      return refuse("WORKBOOK_TOO_LARGE", { limit: "ratio", entry: e.name, ratio: Math.round(e.expanded / Math.max(1, e.compressed)), bytes: e.expanded });
    }
  }
  if (total > limits.maxExpandedBytes) return refuse("WORKBOOK_TOO_LARGE", { limit: "expanded", bytes: total, max: limits.maxExpandedBytes });
  return { ok: true, entries };
}

/** Entries from the central directory, "zip64" for a zip64 archive, or undefined when it cannot be found or read. */
function centralDirectory(buf: Buffer): ZipEntry[] | "zip64" | undefined {
  const eocd = findEocd(buf);
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  // Zip64 archives put 0xFFFF markers here, and a zip64 locator just before; a questionnaire never needs one.
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff || (eocd >= 20 && buf.readUInt32LE(eocd - 20) === 0x07064b50)) return "zip64";
  if (offset + size > eocd) return undefined;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return undefined;
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const expanded = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (local + 30 > buf.length || compressed > buf.length) return undefined;
    entries.push({ name: buf.toString("utf8", p + 46, p + 46 + nameLen), compressed, expanded, offset: local, method, flags });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Why inflating stopped: the archive passed a limit, or its data cannot be inflated. */
export class ZipRefusal extends Error {
  constructor(readonly problem: WorkbookRefusal) {
    super(problem.code);
  }
}

/**
 * Inflates entries of one archive, counting the bytes really inflated against the limits
 * (declared sizes are not trusted): an entry stops inflating as soon as it passes one.
 */
/** The largest piece zlib writes an entry's output into at once. */
const MAX_CHUNK = 8 * 1024 * 1024;

export class Expansion {
  private total = 0;

  constructor(
    private readonly buf: Buffer,
    private readonly limits = ZIP_LIMITS,
  ) {}

  /** The entry's bytes, inflated. */
  inflate(entry: ZipEntry): Buffer {
    const data = this.dataOf(entry);
    const left = this.limits.maxExpandedBytes - this.total;
    // An entry may expand to 1 MB at any ratio, and beyond that to maxRatio times its size.
    const bomb = Math.max(1024 * 1024, data.length * this.limits.maxRatio);
    const cap = Math.min(left, bomb);
    let out: Buffer;
    if (entry.method === 0) out = data;
    else if (entry.method !== 8) throw new ZipRefusal(refusal("WORKBOOK_CORRUPT", { detail: `${entry.name} uses a compression method (${entry.method}) that workbooks do not use` }));
    else {
      try {
        // zlib stops as soon as the output passes the cap. Output in one piece of the declared
        // size (bounded: the size may lie), not in pieces of 16 KB copied together at the end.
        const chunkSize = Math.max(64, Math.min(entry.expanded + 1, cap + 1, MAX_CHUNK));
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap + 1), chunkSize });
      } catch (e) {
        if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw this.refusal(entry, bomb < left);
        throw new ZipRefusal(refusal("WORKBOOK_CORRUPT", { detail: `${entry.name} cannot be inflated (${(e as Error).message})` }));
      }
    }
    if (out.length > cap) throw this.refusal(entry, bomb < left);
    this.total += out.length;
    return out;
  }

  private refusal(entry: ZipEntry, bomb: boolean): ZipRefusal {
    return bomb
      ? new ZipRefusal(refusal("WORKBOOK_TOO_LARGE", { limit: "inflated_ratio", entry: entry.name, max: this.limits.maxRatio }))
      : new ZipRefusal(refusal("WORKBOOK_TOO_LARGE", { limit: "inflated", max: this.limits.maxExpandedBytes }));
  }

  /** The entry's compressed bytes, found through its local header. */
  private dataOf(entry: ZipEntry): Buffer {
    const { buf } = this;
    const p = entry.offset;
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw new ZipRefusal(refusal("WORKBOOK_CORRUPT", { detail: `${entry.name} has no local header where the directory says` }));
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    if (start + entry.compressed > buf.length) throw new ZipRefusal(refusal("WORKBOOK_CORRUPT", { detail: `${entry.name} is cut short` }));
    return buf.subarray(start, start + entry.compressed);
  }
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
