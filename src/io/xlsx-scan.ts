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
