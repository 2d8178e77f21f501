// The shared strings of a workbook. A returned questionnaire carries some 2,000 of them (every
// question and help text, in two languages) and ingest reads a few hundred, so the usual shape
// (`<si><t>text</t></si>`) is only located in the inflated bytes, and decoded when a cell asks
// for it; any other shape is tokenised by saxes at once, so that reading never fails late.
import { decodeEscapes, visitXml, xmlText } from "./xlsx-xml.js";

const UTF8 = new TextDecoder();
const LT = 0x3c;
const AMP = 0x26;
const CR = 0x0d;
const T = Buffer.from("<t>");
const T_EMPTY = Buffer.from("<t/>");
const PRESERVE = Buffer.from('<t xml:space="preserve">');
const SI_END = Buffer.from("</si>");
const T_SI_END = Buffer.from("</t></si>");

export class SharedStrings {
  /** Byte ranges of the text of plain strings; -1 where `decoded` holds the string. */
  private readonly starts: number[] = [];
  /** Where each text ends; negated (-end - 1) when it holds references or line ends to decode. */
  private readonly ends: number[] = [];
  private readonly decoded = new Map<number, string>();
  /** Where the next `&` and carriage return are, from where the last string was looked at: each byte is searched once. */
  private nextAmp = -1;
  private nextCr = -1;

  constructor(
    private readonly bytes: Buffer = Buffer.alloc(0),
    path = "xl/sharedStrings.xml",
  ) {
    if (bytes.length > 0 && !this.locate(path)) {
      this.starts.length = this.ends.length = 0;
      this.decoded.clear();
      parsedStrings(UTF8.decode(bytes), path).forEach((s, i) => this.keep(i, s));
    }
  }

  get count(): number {
    return this.starts.length;
  }

  get(i: number): string | undefined {
    const start = this.starts[i];
    if (start === undefined) return undefined;
    if (start < 0) return this.decoded.get(i);
    const end = this.ends[i]!;
    if (end >= 0) return decodeEscapes(UTF8.decode(this.bytes.subarray(start, end)));
    // Checked when located: every reference is one xmlText decodes.
    return decodeEscapes(xmlText(UTF8.decode(this.bytes.subarray(start, -end - 1)))!);
  }

  private keep(i: number, s: string): void {
    this.starts[i] = -1;
    this.ends[i] = -1;
    this.decoded.set(i, s);
  }

  /** Finds every `<si>`; false when the part is not a plain sequence of them. */
  private locate(path: string): boolean {
    const b = this.bytes;
    const first = b.indexOf("<si>");
    const prolog = UTF8.decode(b.subarray(0, first < 0 ? Math.min(b.length, 4096) : first));
    if (first < 0) return b.length <= 4096 && /^(<\?xml[^>]*\?>)?\s*<sst[^<]*(\/>|><\/sst>)\s*$/.test(prolog);
    if (!/^(<\?xml[^>]*\?>)?\s*<sst[\s>][^<]*$/.test(prolog)) return false;
    // Outside CDATA, which only the parser reads, `]]>` is no text: let the parser say so.
    if (b.indexOf("]]>", first) >= 0) return false;
    let at = first;
    while (at < b.length && b[at] === LT && b[at + 1] === 0x73 && b[at + 2] === 0x69 && b[at + 3] === 0x3e) {
      let next = this.plain(at + 4);
      if (next < 0) {
        const end = b.indexOf(SI_END, at);
        if (end < 0 || !this.other(at + 4, end, path)) return false;
        next = end + 5;
      }
      at = next;
      while (at < b.length && b[at]! <= 32) at++;
    }
    return UTF8.decode(b.subarray(at)).trim() === "</sst>";
  }

  /**
   * A plain `<t>text</t></si>` (or `<t xml:space="preserve">`) from `from`, located; where the
   * `</si>` ends, or -1 when the `<si>` is of another shape. Bytes are compared in place: a
   * subarray per string would cost more than the string.
   */
  private plain(from: number): number {
    const b = this.bytes;
    const open = bytesAt(b, from, T) ? T.length : bytesAt(b, from, PRESERVE) ? PRESERVE.length : -1;
    if (open < 0) return -1;
    const start = from + open;
    // The first `<` after the text is its `</t>` when the text holds none.
    const end = b.indexOf(LT, start);
    if (end < 0 || !bytesAt(b, end, T_SI_END)) return -1;
    if (this.nextAmp < start) this.nextAmp = after(b.indexOf(AMP, start));
    if (this.nextCr < start) this.nextCr = after(b.indexOf(CR, start));
    let decode = this.nextCr < end;
    for (; this.nextAmp < end; this.nextAmp = after(b.indexOf(AMP, this.nextAmp + 1))) {
      // An ampersand that starts no reference xmlText decodes: the parser says what is wrong.
      if (!referenceAt(b, this.nextAmp)) return -1;
      decode = true;
    }
    this.starts.push(start);
    this.ends.push(decode ? -end - 1 : end);
    return end + T_SI_END.length;
  }

  /**
   * An `<si>` of another shape, [from, to): an empty `<t/>`, rich text, phonetic runs; decoded
   * now. False when the range is not one string (`</si >` ended it earlier): the parser reads the whole table.
   */
  private other(from: number, to: number, path: string): boolean {
    const i = this.starts.length;
    const b = this.bytes;
    if (to - from === 4 && bytesAt(b, from, T_EMPTY)) {
      this.keep(i, "");
      return true;
    }
    const strings = parsedStrings(`<sst><si>${UTF8.decode(b.subarray(from, to))}</si></sst>`, path);
    if (strings.length !== 1) return false;
    this.keep(i, strings[0]!);
    return true;
  }
}

/** indexOf's answer, with none found as Infinity: after every string. */
function after(at: number): number {
  return at < 0 ? Infinity : at;
}

function bytesAt(b: Buffer, at: number, what: Buffer): boolean {
  if (at + what.length > b.length) return false;
  for (let k = 0; k < what.length; k++) if (b[at + k] !== what[k]) return false;
  return true;
}

const NAMED = ["lt;", "gt;", "amp;", "apos;", "quot;"].map((n) => Buffer.from(n));

/**
 * Is the `&` at `at` one of the references xmlText decodes (`&lt;` … `&quot;`, `&#10;`, `&#x1F;`),
 * to a character XML allows? Any other is left to the parser, which refuses it.
 */
function referenceAt(b: Buffer, at: number): boolean {
  if (NAMED.some((n) => bytesAt(b, at + 1, n))) return true;
  if (b[at + 1] !== 0x23) return false;
  const hex = b[at + 2] === 0x78;
  let k = at + (hex ? 3 : 2);
  const from = k;
  let code = 0;
  for (; ; k++) {
    const c = b[k]!;
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : hex && c >= 0x41 && c <= 0x46 ? c - 0x37 : hex && c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (digit < 0) break;
    code = code * (hex ? 16 : 10) + digit;
  }
  if (k === from || k - from > (hex ? 6 : 7) || b[k] !== 0x3b) return false;
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Shared strings through the parser: rich text as its text, phonetic runs left out (exported for the tests that compare). */
export function parsedStrings(xml: string, path: string): string[] {
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
