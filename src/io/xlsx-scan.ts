// A worksheet's rows and cells tokenised without saxes: the common shape of that XML (plain
// elements and attributes, text without entities) in a few string searches per tag, instead of
// saxes's state machine run on every character. It gives the visitor the same events saxes
// would, in the same order; on anything outside that shape (an entity, a comment, a carriage
// return, a character XML forbids, a tag saxes would refuse) it stops and says so, and the
// caller reads the part with saxes from the start, so that what a workbook shows, and the error
// a broken one gets, never depend on which tokeniser read it.
import type { Attributes, XmlVisitor } from "./xlsx-xml.js";

/** What only saxes reads: entities, CR, tab (normalised in attributes), what XML forbids; comments, CDATA and instructions (`<!`, `<?`) are no open tag here. */
// eslint-disable-next-line no-control-regex -- the control characters XML forbids are what it looks for
const OUTSIDE = /[&\r\t\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|]]>/;

/** Larger cell tables are left to saxes, read in small pieces: one string of them all would double their memory. */
const SCAN_LIMIT_BYTES = 8 * 1024 * 1024;

const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/** ASCII name characters; a name starts with a letter or `_`. Other names are left to saxes. */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a;
}

/** `x:row` → `row`, as visitXml names elements. */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Tokenises `xml`, a sequence of whole elements and text (the content of sheetData), through
 * `visitor`. False when the XML is not of the shape read here: the visitor may then have seen
 * some events, and the caller starts again with saxes and a fresh visitor.
 */
export function scanElements(xml: string, visitor: XmlVisitor): boolean {
  if (OUTSIDE.test(xml)) return false;
  const stack: string[] = [];
  const n = xml.length;
  let i = 0;
  while (i < n) {
    let lt = xml.indexOf("<", i);
    if (lt < 0) lt = n;
    // saxes gives the text between two tags as one event, never an empty one.
    if (lt > i) visitor.text?.(xml.slice(i, lt));
    if (lt === n) break;
    if (xml.charCodeAt(lt + 1) === SLASH) {
      // Only `</name>` closing the element last opened: anything else is left to saxes.
      const name = stack.pop();
      if (name === undefined || !xml.startsWith(name, lt + 2) || xml.charCodeAt(lt + 2 + name.length) !== GT) return false;
      visitor.close?.(localName(name));
      i = lt + 3 + name.length;
      continue;
    }
    const attributes = openTag(xml, lt);
    if (attributes === undefined) return false;
    const name = localName(tagName);
    visitor.open(name, attributes);
    if (tagEnd < 0) {
      visitor.close?.(name);
      i = -tagEnd;
    } else {
      stack.push(tagName);
      i = tagEnd;
    }
  }
  return stack.length === 0;
}

/** The name of the tag openTag read last, and where it ends (negated when it closes itself: `<c/>`). */
let tagName = "";
let tagEnd = 0;

/** The attributes of the open tag at `lt`, or undefined when it is not of the plain shape (`<name a="v" b='w'>` or `.../>`). */
function openTag(xml: string, lt: number): Attributes | undefined {
  let j = lt + 1;
  if (!isNameStart(xml.charCodeAt(j))) return undefined;
  while (isNameChar(xml.charCodeAt(j))) j++;
  tagName = xml.slice(lt + 1, j);
  const attributes: Attributes = {};
  for (;;) {
    const c = xml.charCodeAt(j);
    if (c === GT) {
      tagEnd = j + 1;
      return attributes;
    }
    if (c === SLASH) {
      tagEnd = -(j + 2);
      return xml.charCodeAt(j + 1) === GT ? attributes : undefined;
    }
    // Attributes are separated by white space, as saxes requires.
    if (!isSpace(c)) return undefined;
    while (isSpace(xml.charCodeAt(j))) j++;
    const from = j;
    const first = xml.charCodeAt(j);
    if (first === GT || first === SLASH) continue;
    if (!isNameStart(first)) return undefined;
    while (isNameChar(xml.charCodeAt(j))) j++;
    const q = xml.charCodeAt(j + 1);
    if (xml.charCodeAt(j) !== EQUALS || (q !== QUOTE && q !== APOSTROPHE)) return undefined;
    const key = xml.slice(from, j);
    const close = xml.indexOf(q === QUOTE ? '"' : "'", j + 2);
    if (close < 0) return undefined;
    const value = xml.slice(j + 2, close);
    // saxes refuses `<` in a value and a repeated attribute, and turns a line end in a value into a space.
    if (value.indexOf("<") >= 0 || value.indexOf("\n") >= 0 || key === "__proto__" || attributes[key] !== undefined) return undefined;
    attributes[key] = value;
    j = close + 1;
  }
}

/**
 * Where the content of `<sheetData>` is in `head`, the part of a worksheet up to and with its
 * first `</sheetData>`, when it can be tokenised here; undefined otherwise. What comes before it
 * is read by saxes, which must see `<sheetData>` as a tag: so no comment, CDATA, declaration or
 * instruction may come before it, only the XML declaration, closed.
 */
export function sheetDataSpan(head: Buffer): { from: number; to: number } | undefined {
  const open = head.indexOf("<sheetData>");
  const to = head.length - "</sheetData>".length;
  if (open < 0 || open + "<sheetData>".length > to || to - open > SCAN_LIMIT_BYTES) return undefined;
  const before = head.subarray(0, open);
  if (before.indexOf("<!") >= 0 || before.lastIndexOf("<?") > 0) return undefined;
  if (before.indexOf("<?") === 0 && before.indexOf("?>") < 0) return undefined;
  return { from: open + "<sheetData>".length, to };
}

/** What scanCells reads of rows and cells, as SheetCells hears it from the elements' events. */
export interface CellSink {
  startRow(attributes: Attributes): void;
  startCell(ref: string | undefined, type: string | undefined, style: number): void;
  cellValue(text: string): void;
  endCell(): void;
}

const LT = 0x3c;
const LINE_FEED = 0x0a;
const LETTER_C = 0x63;
const LETTER_R = 0x72;
const LETTER_S = 0x73;
const LETTER_T = 0x74;

/**
 * The rows and cells of `xml` (the content of sheetData) in the shape spreadsheet programs
 * write them: `<row …>` holding `<c r s t/>`, `<c r s t></c>` or `<c r s t><v>text</v></c>`,
 * straight to `sink`, without an event or an attribute object per element. False on anything
 * else (a formula, an inline string, another attribute on a cell, any shape scanElements
 * would leave to saxes): the sink may then have heard some cells, and the caller starts again
 * with scanElements and a fresh sink.
 */
export function scanCells(xml: string, sink: CellSink): boolean {
  if (OUTSIDE.test(xml)) return false;
  let inRow = false;
  let i = 0;
  for (;;) {
    // Text between the elements is no cell's value: SheetCells ignores it, as here.
    const lt = xml.indexOf("<", i);
    if (lt < 0) return !inRow;
    const next = xml.charCodeAt(lt + 1);
    if (next === LETTER_C && inRow) {
      i = cellElement(xml, lt, sink);
      if (i < 0) return false;
    } else if (next === LETTER_R && !inRow) {
      const attributes = openTag(xml, lt);
      if (attributes === undefined || tagName !== "row") return false;
      sink.startRow(attributes);
      inRow = tagEnd > 0;
      i = Math.abs(tagEnd);
    } else if (next === SLASH && inRow && xml.startsWith("</row>", lt)) {
      inRow = false;
      i = lt + 6;
    } else return false;
  }
}

/** One cell from its `<c`: where it ends, or -1 when it is not of the shape scanCells reads. */
function cellElement(xml: string, lt: number, sink: CellSink): number {
  let ref: string | undefined;
  let type: string | undefined;
  let style = 0;
  let seen = 0;
  let j = lt + 2;
  for (;;) {
    let c = xml.charCodeAt(j);
    if (c === GT || c === SLASH) break;
    // `<cx` is another element; attributes are separated by white space, as saxes requires.
    if (!isSpace(c)) return -1;
    while (isSpace((c = xml.charCodeAt(++j))));
    if (c === GT || c === SLASH) break;
    const bit = c === LETTER_R ? 1 : c === LETTER_S ? 2 : c === LETTER_T ? 4 : 0;
    // Only r, s and t, each once, each in double quotes: anything else goes to the full path, which checks it.
    if (bit === 0 || seen & bit || xml.charCodeAt(j + 1) !== EQUALS || xml.charCodeAt(j + 2) !== QUOTE) return -1;
    seen |= bit;
    const from = j + 3;
    const close = xml.indexOf('"', from);
    if (close < 0) return -1;
    for (let k = from; k < close; k++) {
      const ch = xml.charCodeAt(k);
      if (ch === LT || ch === LINE_FEED) return -1;
    }
    if (bit === 1) ref = xml.slice(from, close);
    else if (bit === 2) style = styleIndex(xml, from, close);
    else type = close - from === 1 && xml.charCodeAt(from) === LETTER_S ? "s" : xml.slice(from, close);
    j = close + 1;
  }
  if (xml.charCodeAt(j) === SLASH) {
    if (xml.charCodeAt(j + 1) !== GT) return -1;
    sink.startCell(ref, type, style);
    sink.endCell();
    return j + 2;
  }
  j++;
  if (xml.startsWith("</c>", j)) {
    sink.startCell(ref, type, style);
    sink.endCell();
    return j + 4;
  }
  if (!xml.startsWith("<v>", j)) return -1;
  const end = xml.indexOf("<", j + 3);
  if (end < 0 || !xml.startsWith("</v></c>", end)) return -1;
  sink.startCell(ref, type, style);
  // An empty <v></v> gives saxes no text: the cell has no value.
  if (end > j + 3) sink.cellValue(xml.slice(j + 3, end));
  sink.endCell();
  return end + 8;
}

/** A cell's style index as SheetCells reads it (`parseInt(s, 10) || 0`), digits read in place. */
function styleIndex(xml: string, from: number, to: number): number {
  if (to - from > 9) return parseInt(xml.slice(from, to), 10) || 0;
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = xml.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return parseInt(xml.slice(from, to), 10) || 0;
    n = n * 10 + d;
  }
  return n;
}
