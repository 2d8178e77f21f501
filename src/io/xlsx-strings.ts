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

function startsWith(b: Buffer, at: number, what: Buffer): boolean {
  return b.subarray(at, at + what.length).equals(what);
}

export class SharedStrings {
  /** Byte ranges of the text of plain strings; -1 where `decoded` holds the string. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly decoded = new Map<number, string>();

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
    return decodeEscapes(UTF8.decode(this.bytes.subarray(start, this.ends[i])));
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
    let at = first;
    while (at < b.length && b[at] === LT && b[at + 1] === 0x73 && b[at + 2] === 0x69 && b[at + 3] === 0x3e) {
      const end = b.indexOf(SI_END, at);
      if (end < 0) return false;
      this.add(at + 4, end, path);
      at = end + 5;
      while (at < b.length && b[at]! <= 32) at++;
    }
    return UTF8.decode(b.subarray(at)).trim() === "</sst>";
  }

  /** One `<si>`'s content, [from, to): located when plain, decoded now otherwise. */
  private add(from: number, to: number, path: string): void {
    const b = this.bytes;
    const i = this.starts.length;
    const open = startsWith(b, from, T) ? T.length : startsWith(b, from, PRESERVE) ? PRESERVE.length : -1;
    const closes = to - from >= 4 && b[to - 4] === LT && b[to - 3] === 0x2f && b[to - 2] === 0x74 && b[to - 1] === 0x3e;
    if (open > 0 && closes) {
      const text = b.subarray(from + open, to - 4);
      if (text.indexOf(LT) < 0) {
        if (text.indexOf(AMP) < 0 && text.indexOf(CR) < 0) {
          this.starts.push(from + open);
          this.ends.push(to - 4);
          return;
        }
        const t = xmlText(UTF8.decode(text));
        if (t !== undefined) return this.keep(i, decodeEscapes(t));
      }
    } else if (to - from === 4 && startsWith(b, from, T_EMPTY)) return this.keep(i, "");
    this.keep(i, parsedStrings(`<sst><si>${UTF8.decode(b.subarray(from, to))}</si></sst>`, path)[0] ?? "");
  }
}

/** Shared strings through the parser: rich text as its text, phonetic runs left out. */
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
