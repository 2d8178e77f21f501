// XML parts of an archive, tokenised by saxes: no DTD, so no entity expansion, and sizes
// bounded by the archive's expansion limits.
import { SaxesParser } from "saxes";
import { localName, scanElements } from "./xlsx-scan.js";
import { ZipRefusal } from "./zip.js";

/** Thrown through saxes's write when the cells cannot be read without saxes: not an error of the part. */
const SCAN_STOPPED = new Error("scan stopped");
/** A byte order mark inside the cells is a character, as it is to the streaming decoder. */
const CELLS_UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

export type Attributes = Record<string, string>;

/** What a part's reader does with its elements; names come without a namespace prefix. */
export interface XmlVisitor {
  open(name: string, attributes: Attributes): void;
  close?(name: string): void;
  text?(text: string): void;
}

/**
 * Tokenises a part through `visitor`. With `span`, bytes [from, to) of the first piece (a
 * worksheet's cells) are read by `scan` (scanElements unless given) and the rest by saxes; false
 * when `scan` cannot read them, and the caller starts again with a fresh visitor.
 */
export function visitXml(xml: string | Uint8Array[], part: string, visitor: XmlVisitor, span?: { from: number; to: number }, scan = (cells: string) => scanElements(cells, visitor)): boolean {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on("doctype", () => {
    throw new ZipRefusal({ code: "WORKBOOK_CORRUPT", args: { detail: `${part} declares a DOCTYPE, which workbooks never do` } });
  });
  parser.on("opentag", (tag) => visitor.open(localName(tag.name), tag.attributes));
  if (visitor.close) {
    const close = visitor.close.bind(visitor);
    parser.on("closetag", (tag) => close(localName(tag.name)));
  }
  if (visitor.text) {
    const text = visitor.text.bind(visitor);
    parser.on("text", text);
    parser.on("cdata", text);
  }
  try {
    if (typeof xml === "string") parser.write(xml);
    else {
      // In pieces of 64 KB: small strings die young, where garbage is cheapest.
      const decoder = new TextDecoder();
      const write = (piece: Uint8Array) => {
        for (let i = 0; i < piece.length; i += 65536) parser.write(decoder.decode(piece.subarray(i, i + 65536), { stream: true }));
      };
      xml.forEach((piece, i) => {
        if (i > 0 || !span) return write(piece);
        // Both ends of the span are at a tag's `<` or `>`: no character is cut in two.
        write(piece.subarray(0, span.from));
        if (!scan(CELLS_UTF8.decode(piece.subarray(span.from, span.to)))) throw SCAN_STOPPED;
        write(piece.subarray(span.to));
      });
      parser.write(decoder.decode());
    }
    parser.close();
    return true;
  } catch (e) {
    if (e === SCAN_STOPPED) return false;
    if (e instanceof ZipRefusal) throw e;
    // The XML's own error names no part: say which part of the workbook it is in.
    throw new ZipRefusal({ code: "WORKBOOK_CORRUPT", args: { detail: `${part}: ${String((e as Error).message).split("\n")[0]!.slice(0, 160)}` } });
  }
}


/** Excel's escape for characters XML cannot hold: `_x000D_` is a carriage return. */
export function decodeEscapes(text: string): string {
  return text.indexOf("_x") < 0 ? text : text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Entities left in text once more (as the earlier reader did for formula strings and sheet names). */
export function decodeEntitiesAgain(text: string): string {
  return text.indexOf("&") < 0 ? text : text.replace(/&(lt|gt|amp|apos|quot);/g, (_m, e: string) => ({ lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' })[e]!);
}

/** Text between tags, as an XML parser gives it: the five entities and character references decoded, line ends normalised; undefined when it holds anything else. */
export function xmlText(raw: string): string | undefined {
  const text = raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n");
  if (text.indexOf("&") < 0) return text;
  let references = 0;
  const decoded = text.replace(/&(?:(lt|gt|amp|apos|quot)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g, (_m, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
    (references++, name ? ({ lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' })[name]! : String.fromCodePoint(Math.min(0x10ffff, dec ? parseInt(dec, 10) : parseInt(hex!, 16)))),
  );
  // An ampersand that starts no known reference: let the parser say what is wrong.
  return references === text.split("&").length - 1 ? decoded : undefined;
}
