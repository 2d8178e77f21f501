// The shared strings located in place (src/io/xlsx-strings.ts) against saxes: on every workbook
// of the fixtures and on generated string tables full of references, line ends, rich text and
// broken XML, each string is what the parser reads, or the table gets the parser's refusal.
// One leniency is kept on purpose: a character XML forbids (U+0001) inside a plain string is
// read as it is, not refused, since looking for one in every byte would cost more than the
// whole of locating the strings; what is printed strips control characters anyway.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { xlsxFiles } from "./helpers/xlsx-parts.js";
import { SharedStrings, parsedStrings } from "../src/io/xlsx-strings.js";

type Read = { strings: (string | undefined)[] } | { error: string };

function located(xml: Buffer): Read {
  try {
    const s = new SharedStrings(xml);
    return { strings: Array.from({ length: s.count }, (_, i) => s.get(i)) };
  } catch (e) {
    return { error: JSON.stringify((e as { problem?: unknown }).problem ?? String(e)) };
  }
}

function parsed(xml: Buffer): Read {
  try {
    return { strings: parsedStrings(xml.toString("utf8"), "xl/sharedStrings.xml") };
  } catch (e) {
    return { error: JSON.stringify((e as { problem?: unknown }).problem ?? String(e)) };
  }
}

describe("shared strings", () => {
  it("of the fixtures are what the parser reads", () => {
    let tables = 0;
    for (const file of xlsxFiles(join(import.meta.dirname, "fixtures"))) {
      let parts: Record<string, Uint8Array>;
      try {
        parts = unzipSync(readFileSync(file), { filter: (e) => /^xl\/sharedStrings\.xml$/i.test(e.name) && e.originalSize < 8 << 20 });
      } catch {
        continue;
      }
      for (const xml of Object.values(parts)) {
        tables++;
        expect(located(Buffer.from(xml)), file).toEqual(parsed(Buffer.from(xml)));
      }
    }
    expect(tables).toBeGreaterThan(20);
  });

  const text = fc.constantFrom("plain", "ใช่", " two ", "a &amp; b", "&lt;&gt;&quot;&apos;", "&#10;&#x1F600;", "&#12345678;", "&#X41;", "&#;", "&nope;", "& b", "a\r\nb", "c\rd", "_x000D_", "", " ", "<", ">", "]]>", "&#x110000;", "&#0;", "&#xD800;", "&#xFFFE;", "&#9;", "&#x10FFFF;");
  const si = fc.oneof(
    { weight: 4, arbitrary: text.map((t) => `<si><t>${t}</t></si>`) },
    { weight: 2, arbitrary: text.map((t) => `<si><t xml:space="preserve">${t}</t></si>`) },
    { weight: 1, arbitrary: fc.tuple(text, text).map(([a, b]) => `<si><r><t>${a}</t></r><r><rPr><b/></rPr><t>${b}</t></r></si>`) },
    { weight: 1, arbitrary: fc.tuple(text, text).map(([a, b]) => `<si><t>${a}</t><rPh sb="0" eb="1"><t>${b}</t></rPh></si>`) },
    { weight: 1, arbitrary: fc.constantFrom("<si><t/></si>", "<si></si>", "<si><t></t></si>", "<si><t>a</t> </si>", "<si><t>a</t></si >", "<si><x/></si>") },
  );
  it("generated are what the parser reads, or refused as it refuses them", () => {
    fc.assert(
      fc.property(fc.array(si, { maxLength: 8 }), fc.constantFrom("", "\n", " "), (items, gap) => {
        const xml = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items.join(gap)}</sst>`);
        const mine = located(xml);
        const theirs = parsed(xml);
        // Refused either way; the words of the refusal may name the one string or the whole table.
        if ("error" in theirs) expect(mine).toHaveProperty("error");
        else expect(mine).toEqual(theirs);
      }),
      { numRuns: 3000 },
    );
  });
});
