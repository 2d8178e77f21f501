// The fast tokeniser of a worksheet's cells (src/io/xlsx-scan.ts) against saxes: on every
// worksheet of the fixtures, and on generated XML full of what only saxes reads, it gives the
// same events and the same error, or it says it cannot read the XML (and saxes reads it).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { xlsxFiles } from "./helpers/xlsx-parts.js";
import { scanElements, sheetDataSpan } from "../src/io/xlsx-scan.js";
import { visitXml } from "../src/io/xlsx-xml.js";
import type { XmlVisitor } from "../src/io/xlsx-xml.js";
import { ZipRefusal } from "../src/io/zip.js";

type Outcome = { read: boolean; events: unknown[]; error?: string };

/** Every event a visitor sees, and the error the part gets, read with the fast tokeniser or by saxes alone. */
function read(xml: Uint8Array, fast: boolean): Outcome {
  const events: unknown[] = [];
  const visitor: XmlVisitor = {
    open: (name, a) => events.push(["open", name, { ...a }]),
    close: (name) => events.push(["close", name]),
    text: (t) => events.push(["text", t]),
  };
  const bytes = Buffer.from(xml);
  const close = bytes.indexOf("</sheetData>");
  const pieces = close < 0 ? [bytes] : [bytes.subarray(0, close + 12), bytes.subarray(close + 12)];
  const span = fast && pieces.length > 1 ? sheetDataSpan(pieces[0]!) : undefined;
  if (fast && !span) return { read: false, events };
  try {
    return { read: visitXml(pieces, "sheet.xml", visitor, span), events };
  } catch (e) {
    if (!(e instanceof ZipRefusal)) throw e;
    return { read: true, events, error: JSON.stringify(e.problem) };
  }
}

describe("the worksheets of the fixtures", () => {
  it("are tokenised as saxes tokenises them, and the usual ones without saxes", () => {
    let fast = 0;
    let sheets = 0;
    for (const file of xlsxFiles(join(import.meta.dirname, "fixtures"))) {
      let parts: Record<string, Uint8Array>;
      try {
        parts = unzipSync(readFileSync(file), { filter: (e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) && e.originalSize < 8 << 20 });
      } catch {
        continue; // an archive the reader refuses before any sheet is tokenised
      }
      for (const [name, xml] of Object.entries(parts)) {
        sheets++;
        const scanned = read(xml, true);
        if (!scanned.read) continue;
        fast++;
        expect(scanned, `${file} ${name}`).toEqual(read(xml, false));
      }
    }
    expect(sheets).toBeGreaterThan(100);
    // The template's sheets, as exceljs and spreadsheet programs save them, are all of the usual shape.
    expect(fast / sheets).toBeGreaterThan(0.8);
  });
});

describe("what only saxes reads", () => {
  it.each([
    ["an entity", `<row><c><v>a&amp;b</v></c></row>`],
    ["a carriage return", `<row><c><v>a\r\nb</v></c></row>`],
    ["a tab in an attribute", `<row r="1\t"></row>`],
    ["a line end in an attribute", `<row r="1\n"></row>`],
    ["a comment", `<row><!-- x --></row>`],
    ["CDATA", `<row><c><v><![CDATA[1]]></v></c></row>`],
    ["a processing instruction", `<row><?x y?></row>`],
    ["a character XML forbids", `<row><c><v>\u0001</v></c></row>`],
    ["]]> in text", `<row>]]></row>`],
    ["a close tag that matches nothing", `<row></c></row>`],
    ["an element left open", `<row><c></row>`],
    ["a repeated attribute", `<row r="1" r="2"></row>`],
    ["attributes not separated", `<row r="1"s="2"></row>`],
    ["< in an attribute", `<row r="<"></row>`],
    ["a name that is not ASCII", `<rów></rów>`],
    ["white space in a close tag", `<row></row >`],
  ])("%s", (_what, cells) => {
    expect(scanElements(cells, { open() {} })).toBe(false);
  });

  it("says so when what comes before the cells could hide <sheetData> from saxes", () => {
    for (const head of [`<!-- <sheetData> --><worksheet><sheetData>`, `<?pi <sheetData> ?><worksheet><sheetData>`, `<?xml <sheetData>`]) {
      expect(sheetDataSpan(Buffer.from(`${head}</sheetData>`))).toBeUndefined();
    }
    expect(sheetDataSpan(Buffer.from(`<?xml version="1.0"?><worksheet><sheetData><row/></sheetData>`))).toEqual({ from: 43, to: 49 });
  });
});

describe("generated cells", () => {
  const token = fc.constantFrom(
    `<row r="1">`, `<row>`, `</row>`, `<c r="A1" s="2" t="s">`, `<c r='B1' t="str" >`, `<c/>`, `<c r="C1"/>`, `</c>`, `<v>`, `</v>`, `<v/>`, `<f t="shared" si="0" ref="A1:A2">`, `</f>`,
    `<is>`, `</is>`, `<t xml:space="preserve">`, `</t>`, `<x:row>`, `</x:row>`, `<a:b:c>`, `</a:b:c>`, `<r>`, `</r>`, `12`, `text`, ` `, `\n`, `>`, `"`, `'`, `=`, `/`, `<`, `&amp;`, `&#10;`, `&nope;`,
    `\r\n`, `\t`, `<!-- c -->`, `<![CDATA[z]]>`, `]]>`, `\u0001`, `\ufffe`, `é`, `😀`, `<c r="1" r="2">`, `<c r="1"s="2">`, `<c r='<'>`, `<c r="a\nb">`, `< c>`, `</ c>`, `<c r>`, `<c r=1>`, `<_x-1.y>`, `</_x-1.y>`,
  );
  // Well-formed trees of cells, with now and then a token saxes alone reads, or one that breaks the XML.
  const text = fc.constantFrom("12", "text", " ", "\n", "é", "😀", ">", "0", "");
  const name = fc.constantFrom("row", "c", "v", "f", "is", "t", "r", "x:row", "a:b:c", "_x-1.y", "mergeCell", "hyperlink");
  const attributes = fc.uniqueArray(fc.tuple(fc.constantFrom("r", "s", "t", "si", "ref", "r:id", "xml:space", "spans"), fc.constantFrom("A1", "3", "s", "", "shared", "a>b", "1:5")), { selector: ([k]) => k, maxLength: 4 });
  const { node } = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      text,
      fc.tuple(name, attributes, fc.array(tie("node"), { maxLength: 5 }), fc.boolean(), fc.constantFrom(" ", "\n  ", "")).map(([n, attrs, children, empty, gap]) => {
        const open = `<${n}${attrs.map(([k, v], i) => `${i ? gap || " " : " "}${k}=${v.includes('"') ? `'${v}'` : `"${v}"`}`).join("")}`;
        return empty && children.length === 0 ? `${open}/>` : `${open}>${children.join("")}</${n}>`;
      }),
    ),
  }));
  const cells = fc.tuple(fc.array(node, { maxLength: 6 }), fc.option(fc.tuple(token, fc.nat()), { freq: 3 })).map(([nodes, spoil]) => {
    const xml = nodes.join("");
    if (!spoil) return xml;
    const at = spoil[1] % (xml.length + 1);
    return xml.slice(0, at) + spoil[0] + xml.slice(at);
  });
  it("give saxes's events and errors whenever the fast tokeniser reads them", () => {
    let fast = 0;
    fc.assert(
      fc.property(fc.oneof(cells, fc.array(token, { maxLength: 24 }).map((t) => t.join(""))), (content) => {
        const xml = Buffer.from(`<?xml version="1.0"?><worksheet><sheetData>${content}</sheetData><mergeCells/></worksheet>`);
        const scanned = read(xml, true);
        if (!scanned.read) return;
        fast++;
        expect(scanned).toEqual(read(xml, false));
      }),
      { numRuns: 4000 },
    );
    expect(fast).toBeGreaterThan(1000);
  });
});
