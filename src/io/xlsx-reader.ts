// Reads a returned workbook for ingest in one pass over its archive: the zip is checked, then
// only the parts scoring needs are inflated (within limits that count the bytes really
// inflated) and tokenised: the sheet list, shared strings, which styles are dates, and the
// worksheets' cells. Writing workbooks stays with exceljs (src/io/xlsx.ts).
import type { ReadBook, ReadSheet } from "../core/workbook.js";
import { CellBudget } from "./xlsx-cells.js";
import { CELL_READINGS, readSheet } from "./xlsx-sheet.js";
import type { CellReading, SheetContext } from "./xlsx-sheet.js";
import { SharedStrings } from "./xlsx-strings.js";
import { decodeEntitiesAgain, visitXml } from "./xlsx-xml.js";
import type { XmlVisitor } from "./xlsx-xml.js";
import { Expansion, ZipRefusal, inspectWorkbookBytes } from "./zip.js";
import type { ZipEntry, ZipVerdict } from "./zip.js";

export type XlsxRead = { ok: true; book: ReadBook } | Extract<ZipVerdict, { ok: false }>;

/** `ways`: how the worksheets' cells may be read (the default tries the fastest first; tests compare them). */
export function readXlsx(buf: Buffer, ways: readonly CellReading[] = CELL_READINGS): XlsxRead {
  const verdict = inspectWorkbookBytes(buf);
  if (!verdict.ok) return verdict;
  try {
    return { ok: true, book: readBook(new Parts(buf, verdict.entries), ways) };
  } catch (e) {
    if (e instanceof ZipRefusal) return { ok: false, ...e.problem };
    return { ok: false, code: "WORKBOOK_CORRUPT", args: { detail: String((e as Error).message).split("\n")[0]!.slice(0, 160) } };
  }
}

/** The archive's entries by name (case-insensitive, as Office reads them), each inflated at most once. */
export class Parts {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly expansion: Expansion;

  constructor(buf: Buffer, entries: ZipEntry[]) {
    this.expansion = new Expansion(buf);
    for (const e of entries) this.entries.set(e.name.replace(/^\//, "").toLowerCase(), e);
  }

  has(path: string): boolean {
    return this.entries.has(path.toLowerCase());
  }

  /** A part's bytes, inflated; undefined when the archive has no such part. */
  bytes(path: string): Buffer | undefined {
    const entry = this.entries.get(path.toLowerCase());
    return entry && this.expansion.inflate(entry);
  }

  /** Tokenises a part through `visitor`. */
  visit(path: string, visitor: XmlVisitor): void {
    const bytes = this.bytes(path);
    if (bytes !== undefined) visitXml([bytes], path, visitor);
  }

  /** A part's relationships: id → type and target, the target as a path in the archive. */
  relationships(path: string): Map<string, { type: string; target: string }> {
    const slash = path.lastIndexOf("/");
    const rels = new Map<string, { type: string; target: string }>();
    this.visit(`${path.slice(0, slash + 1)}_rels/${path.slice(slash + 1)}.rels`, {
      open(name, a) {
        // External targets (a hyperlink's address) stay as written.
        if (name === "Relationship" && a.Id && a.Target) rels.set(a.Id, { type: a.Type ?? "", target: a.TargetMode === "External" ? a.Target : resolvePath(path, a.Target) });
      },
    });
    return rels;
  }
}

/** A relationship's target, relative to the part that names it, as an archive path. */
function resolvePath(from: string, target: string): string {
  const parts = target.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const p of target.trim().split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

function readBook(parts: Parts, ways: readonly CellReading[]): ReadBook {
  const listed: { name: string; state: string; rel: string }[] = [];
  let date1904 = false;
  parts.visit("xl/workbook.xml", {
    open(name, a) {
      if (name === "sheet") listed.push({ name: decodeEntitiesAgain(a.name ?? ""), state: a.state ?? "visible", rel: a["r:id"] ?? relId(a) });
      else if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
    },
  });
  const rels = parts.relationships("xl/workbook.xml");
  const target = (type: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target ?? fallback;
  const context: SheetContext = {
    date1904,
    dateStyles: dateStyles(parts, target("styles", "xl/styles.xml")),
    strings: sharedStrings(parts, target("sharedStrings", "xl/sharedStrings.xml")),
    stringShown: [],
    parts,
    budget: new CellBudget(),
    ways,
  };
  const sheets = new Map<string, ReadSheet>();
  for (const s of listed) {
    const rel = rels.get(s.rel);
    // Chart sheets and dialog sheets hold no cells to read.
    if (!rel || !rel.type.endsWith("/worksheet") || !parts.has(rel.target)) continue;
    sheets.set(s.name, readSheet(s.name, s.state, rel.target, context));
  }
  return { sheetNames: [...sheets.keys()], sheet: (name) => sheets.get(name) };
}

/** The relationship id of a `sheet` whose namespace prefix is not `r`. */
function relId(a: Record<string, string>): string {
  return Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1] ?? "";
}

function sharedStrings(parts: Parts, path: string): SharedStrings {
  const bytes = parts.bytes(path);
  return bytes ? new SharedStrings(bytes, path) : new SharedStrings();
}

/** Built-in number formats that show dates and times (ECMA-376 18.8.30). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Which cell styles (cellXfs, by index) show a number as a date. */
function dateStyles(parts: Parts, path: string): boolean[] {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  parts.visit(path, {
    open(name, a) {
      if (name === "numFmt") custom.set(Number(a.numFmtId), (a.formatCode ?? "").replace(/\\(.)/g, "$1"));
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) formats.push(parseInt(a.numFmtId ?? "0", 10));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return formats.map((id) => {
    if (!id) return false;
    const code = custom.get(id);
    return code ? isDateFormat(code) : BUILT_IN_DATES.has(id);
  });
}

/** A format with day, month, year or time tokens outside quotes and brackets (`[Red]`, `"h"`). */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}
