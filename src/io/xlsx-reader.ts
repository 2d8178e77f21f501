// Reads a returned workbook for ingest in one pass over its archive: the zip is checked, then
// only the parts scoring needs are inflated (within limits that count the bytes really
// inflated) and tokenised: the sheet list, shared strings, which styles are dates, and the
// worksheets' cells. Writing workbooks stays with exceljs (src/io/xlsx.ts).
import type { ReadBook, ReadSheet } from "../core/workbook.js";
import { readSheet } from "./xlsx-sheet.js";
import type { SheetContext } from "./xlsx-sheet.js";
import { decodeEntitiesAgain, decodeEscapes, visitXml, xmlText } from "./xlsx-xml.js";
import type { XmlVisitor } from "./xlsx-xml.js";
import { Expansion, ZipRefusal, inspectWorkbookBytes } from "./zip.js";
import type { ZipEntry, ZipVerdict } from "./zip.js";

export type XlsxRead = { ok: true; book: ReadBook } | Extract<ZipVerdict, { ok: false }>;

export function readXlsx(buf: Buffer): XlsxRead {
  const verdict = inspectWorkbookBytes(buf);
  if (!verdict.ok) return verdict;
  try {
    return { ok: true, book: readBook(new Parts(buf, verdict.entries)) };
  } catch (e) {
    const code = e instanceof ZipRefusal ? e.code : "CORRUPT";
    const detail = String((e as Error).message).split("\n")[0]!.slice(0, 160);
    return { ok: false, code, message: code === "CORRUPT" ? `the workbook cannot be read (${detail}); ask for the file again` : detail };
  }
}

/** Faster than Buffer's toString for text that is not all ASCII (simdutf). */
const UTF8 = new TextDecoder();

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

  /** A part's text, inflated; undefined when the archive has no such part. */
  text(path: string): string | undefined {
    const entry = this.entries.get(path.toLowerCase());
    return entry && UTF8.decode(this.expansion.inflate(entry));
  }

  /** Tokenises a part (what `keep` keeps of it) through `visitor`. */
  visit(path: string, visitor: XmlVisitor, keep: (xml: string) => string = (xml) => xml): void {
    const xml = this.text(path);
    if (xml !== undefined) visitXml(keep(xml), path, visitor);
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

function readBook(parts: Parts): ReadBook {
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
    parts,
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

/** Every shared string as the cell shows it: rich text as its text, phonetic runs left out. */
function sharedStrings(parts: Parts, path: string): string[] {
  const xml = parts.text(path);
  if (xml === undefined) return [];
  return plainStrings(xml, path) ?? parsedStrings(xml, path);
}

/**
 * Shared strings of the usual shape (`<si><t>text</t></si>` one after the other) read with
 * string search, which is several times faster than tokenising them; any other shape in an
 * `<si>` goes through the parser, and any other shape of the whole part returns undefined.
 */
function plainStrings(xml: string, path: string): string[] | undefined {
  const first = xml.indexOf("<si>");
  const prolog = first < 0 ? xml : xml.slice(0, first);
  if (!/^\uFEFF?(<\?xml[^>]*\?>)?\s*<sst[\s>][^<]*$/.test(prolog)) return first < 0 && /^\uFEFF?(<\?xml[^>]*\?>)?\s*<sst[^<]*(\/>|><\/sst>)\s*$/.test(xml) ? [] : undefined;
  const strings: string[] = [];
  let at = first;
  while (xml.startsWith("<si>", at)) {
    const end = xml.indexOf("</si>", at);
    if (end < 0) return undefined;
    const inner = xml.slice(at + 4, end);
    strings.push(plainString(inner) ?? parsedStrings(`<sst><si>${inner}</si></sst>`, path)[0] ?? "");
    at = end + 5;
    while (at < xml.length && xml.charCodeAt(at) <= 32) at++;
  }
  return /^<\/sst>\s*$/.test(xml.slice(at)) ? strings : undefined;
}

function plainString(inner: string): string | undefined {
  if (inner === "<t/>") return "";
  const open = inner.startsWith("<t>") ? 3 : inner.startsWith('<t xml:space="preserve">') ? 24 : -1;
  if (open < 0 || !inner.endsWith("</t>")) return undefined;
  const raw = inner.slice(open, -4);
  if (raw.indexOf("<") >= 0) return undefined;
  const text = xmlText(raw);
  return text === undefined ? undefined : decodeEscapes(text);
}

function parsedStrings(xml: string, path: string): string[] {
  const strings: string[] = [];
  let text: string | undefined;
  let runs: string[] | undefined;
  let buffer: string[] | undefined;
  let phonetic = false;
  visitXml(xml, path, {
    open(name) {
      if (name === "si") {
        text = undefined;
        runs = undefined;
      } else if (name === "t" && !phonetic) buffer = [];
      else if (name === "r" && !phonetic) (runs ??= []).push("");
      else if (name === "rPh") phonetic = true;
    },
    text(t) {
      buffer?.push(t);
    },
    close(name) {
      if (name === "t" && buffer) {
        const t = decodeEscapes(buffer.join(""));
        if (runs) runs[runs.length - 1] += t;
        else text = t;
        buffer = undefined;
      } else if (name === "rPh") phonetic = false;
      else if (name === "si") strings.push(runs ? runs.join("") : (text ?? ""));
    },
  });
  return strings;
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
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}
