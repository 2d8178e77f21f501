// The streaming reader against hostile and unusual archives: limits that count the bytes
// really inflated, no DTD, zip encryption, unknown compression, prefixed XML.
import { describe, expect, it } from "vitest";
import { readXlsx } from "../src/io/xlsx-reader.js";
import { Expansion, ZIP_LIMITS, ZipRefusal, inspectWorkbookBytes } from "../src/io/zip.js";
import { workbookParts, xlsxOf } from "./helpers/handmade-xlsx.js";

const ROW = `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7</v></c></row></sheetData>`;

/** Rewrites what the archive declares about an entry: its expanded size, flags or method. */
function declare(buf: Buffer, name: string, change: { expanded?: number; flags?: number; method?: number }): Buffer {
  const out = Buffer.from(buf);
  for (let p = 0; p < out.length - 4; p++) {
    const sig = out.readUInt32LE(p);
    const central = sig === 0x02014b50;
    if (!central && sig !== 0x04034b50) continue;
    const nameAt = central ? p + 46 : p + 30;
    const len = out.readUInt16LE(central ? p + 28 : p + 26);
    if (out.toString("utf8", nameAt, nameAt + len) !== name) continue;
    const base = central ? p + 2 : p;
    if (change.expanded !== undefined) out.writeUInt32LE(change.expanded, base + 22);
    if (change.flags !== undefined) out.writeUInt16LE(change.flags, base + 6);
    if (change.method !== undefined) out.writeUInt16LE(change.method, base + 8);
  }
  return out;
}

function book(parts: Record<string, string | Uint8Array>) {
  return readXlsx(xlsxOf(parts));
}

describe("limits count the bytes really inflated", () => {
  it("refuses a sheet that declares 1 KB and inflates to 20 MB of zeros, and stops inflating it", () => {
    const parts: Record<string, string | Uint8Array> = workbookParts([{ name: "S", body: ROW }], { strings: ["<t>x</t>"] });
    parts["xl/worksheets/sheet1.xml"] = new Uint8Array(20 * 1024 * 1024);
    const r = readXlsx(declare(xlsxOf(parts), "xl/worksheets/sheet1.xml", { expanded: 1024 }));
    expect(r).toMatchObject({ ok: false, code: "WORKBOOK_TOO_LARGE", args: { limit: "inflated_ratio", entry: "xl/worksheets/sheet1.xml", max: 200 } });
  });
  it("stops at the total of expanded bytes", () => {
    const buf = xlsxOf({ "a.xml": "x".repeat(600), "b.xml": "y".repeat(600), "xl/workbook.xml": "<workbook/>" });
    const v = inspectWorkbookBytes(buf);
    if (!v.ok) throw new Error(v.code);
    const entry = (name: string) => v.entries.find((e) => e.name === name)!;
    const expansion = new Expansion(buf, { ...ZIP_LIMITS, maxExpandedBytes: 1000 });
    expect(expansion.inflate(entry("a.xml")).length).toBe(600);
    expect(() => expansion.inflate(entry("b.xml"))).toThrow(ZipRefusal);
  });
});

describe("what a workbook never holds is refused", () => {
  it.each([
    ["a DOCTYPE with an entity (billion laughs)", "xl/sharedStrings.xml", `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>`, "DOCTYPE"],
    ["an external entity", "xl/worksheets/sheet1.xml", `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>`, "DOCTYPE"],
    ["an undefined entity", "xl/sharedStrings.xml", `<sst><si><t>&nope;</t></si></sst>`, "xl/sharedStrings.xml: undefined entity"],
    ["a cell pointing past the shared strings", "xl/worksheets/sheet1.xml", `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>`, "shared string 99"],
  ])("%s", (_what, part, xml, words) => {
    const parts = workbookParts([{ name: "S", body: ROW }], { strings: ["<t>x</t>"] });
    parts[part] = xml;
    const r = book(parts);
    expect(r).toMatchObject({ ok: false, code: "WORKBOOK_CORRUPT", args: { detail: expect.stringContaining(words) } });
  });
  it("an archive with zip encryption is a password-protected workbook", () => {
    const buf = declare(xlsxOf(workbookParts([{ name: "S", body: ROW }], { strings: ["<t>x</t>"] })), "xl/worksheets/sheet1.xml", { flags: 1 });
    expect(readXlsx(buf)).toMatchObject({ ok: false, code: "WORKBOOK_ENCRYPTED" });
  });
  it("an entry compressed in a way workbooks never are is corrupt", () => {
    const buf = declare(xlsxOf(workbookParts([{ name: "S", body: ROW }], { strings: ["<t>x</t>"] })), "xl/worksheets/sheet1.xml", { method: 12 });
    expect(readXlsx(buf)).toMatchObject({ ok: false, code: "WORKBOOK_CORRUPT" });
  });
});

describe("unusual but valid workbooks are read", () => {
  it("elements with a namespace prefix (x:row, x:c), as some writers put them", () => {
    const parts = workbookParts([{ name: "S", body: "" }], { strings: ["<t>x</t>"] });
    parts["xl/worksheets/sheet1.xml"] = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>prefixed</x:t></x:is></x:c><x:c r="C2"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const r = book(parts);
    if (!r.ok) throw new Error(r.code);
    const s = r.book.sheet("S")!;
    expect([s.rowCount, s.columnCount, s.cell(2, 2), s.cell(2, 3)]).toEqual([2, 3, { kind: "text", text: "prefixed" }, { kind: "number", value: 3, text: "3" }]);
  });
  it("rows and cells without their r attribute follow the one before", () => {
    const r = book(workbookParts([{ name: "S", body: `<sheetData><row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row><c><v>2</v></c></row></sheetData>` }]));
    if (!r.ok) throw new Error(r.code);
    const s = r.book.sheet("S")!;
    expect([s.cell(1, 1), s.cell(1, 2), s.cell(2, 1)]).toEqual([{ kind: "text", text: "a" }, { kind: "number", value: 1, text: "1" }, { kind: "number", value: 2, text: "2" }]);
  });
});

describe("a date cell with a time of day", () => {
  it("keeps its day: 2026-11-10 15:30 is 2026-11-10, not the next day", () => {
    const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="22"/></cellXfs></styleSheet>`;
    const body = `<sheetData><row r="1"><c r="A1" s="1"><v>46336.6458333</v></c></row></sheetData>`;
    const r = readXlsx(xlsxOf(workbookParts([{ name: "S", body }], { styles })));
    if (!r.ok) throw new Error(r.code);
    expect(r.book.sheet("S")!.cell(1, 1)).toEqual({ kind: "date", value: "2026-11-10", text: "2026-11-10" });
  });
});

describe("a date cell whose serial no spreadsheet shows as a date", () => {
  // [what the cell holds, what it shows]: out-of-range serials show as the number, never as an invalid date.
  it.each([
    ["1e12", { kind: "number", value: 1e12, text: "1000000000000" }],
    ["-1", { kind: "number", value: -1, text: "-1" }],
    ["1e308", { kind: "number", value: 1e308, text: "1e+308" }],
    ["2958466", { kind: "number", value: 2958466, text: "2958466" }],
    ["1e999", { kind: "text", text: "1e999" }],
    ["NaN", { kind: "text", text: "NaN" }],
    ["abc", { kind: "text", text: "abc" }],
    ["2958465", { kind: "date", value: "9999-12-31", text: "9999-12-31" }],
    ["1", { kind: "date", value: "1899-12-31", text: "1899-12-31" }],
  ])("%s", (serial, shown) => {
    const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const r = readXlsx(xlsxOf(workbookParts([{ name: "S", body: `<sheetData><row r="1"><c r="A1" s="1"><v>${serial}</v></c><c r="B1" s="1" t="n"><f>A1</f><v>${serial}</v></c></row></sheetData>` }], { styles })));
    if (!r.ok) throw new Error(r.code);
    expect([r.book.sheet("S")!.cell(1, 1), r.book.sheet("S")!.cell(1, 2)]).toEqual([shown, shown]);
  });
});

describe("archive details", () => {
  const two = () => xlsxOf(workbookParts([{ name: "S", body: ROW }, { name: "T", body: ROW }], { strings: ["<t>x</t>"] }));
  it("the same part twice is refused, not one copy silently read", () => {
    const buf = Buffer.from(two().toString("latin1").replaceAll("sheet2.xml", "sheet1.xml"), "latin1");
    expect(readXlsx(buf)).toMatchObject({ ok: false, code: "WORKBOOK_DUPLICATE_ENTRY", args: { entry: "xl/worksheets/sheet1.xml" } });
  });
  it("a zip64 archive is named as such, not called corrupt", () => {
    const buf = two();
    const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    buf.writeUInt16LE(0xffff, eocd + 10);
    expect(readXlsx(buf)).toMatchObject({ ok: false, code: "WORKBOOK_ZIP64" });
  });
});
