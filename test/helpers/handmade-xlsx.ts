// Workbooks written by hand, part by part, for what spreadsheet libraries rarely write:
// inline and rich strings, phonetic runs, escapes, 1904 dates, shared formulas, cached
// results of every type, merged ranges, hyperlinks, styled empty cells.
import { zipSync, strToU8 } from "fflate";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A zip archive of the given parts, deflated. */
export function xlsxOf(parts: Record<string, string | Uint8Array>): Buffer {
  const files = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === "string" ? strToU8(v) : v]));
  return Buffer.from(zipSync(files, { level: 6, mtime: new Date("1980-01-01T00:00:00") }));
}

/**
 * A zip archive written byte by byte from entries already deflated (method 8), each with the
 * expanded size it declares, which may be a lie: for zip bombs and archives that lie.
 */
export function rawZip(entries: { name: string; data: Buffer; declared: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declared } of entries) {
    const nameBuf = Buffer.from(name);
    const header = (size: number, at: number) => {
      const b = Buffer.alloc(size);
      b.writeUInt16LE(20, at);
      b.writeUInt16LE(8, at + 4);
      b.writeUInt32LE(data.length, at + 14);
      b.writeUInt32LE(declared, at + 18);
      b.writeUInt16LE(nameBuf.length, at + 22);
      return b;
    };
    const local = header(30, 4);
    local.writeUInt32LE(0x04034b50, 0);
    const central = header(46, 6);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, eocd]);
}

/** The parts of a workbook with these sheets (XML of each sheet's `sheetData` and after). */
export function workbookParts(sheets: { name: string; state?: string; body: string; rels?: string }[], options: { date1904?: boolean; strings?: string[]; styles?: string } = {}): Record<string, string> {
  const parts: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><workbookPr${options.date1904 ? ' date1904="1"' : ""}/><sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join("")}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    "xl/sharedStrings.xml": `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${(options.strings ?? []).map((s) => `<si>${s}</si>`).join("")}</sst>`,
    "xl/styles.xml": options.styles ?? `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><cellXfs><xf numFmtId="0"/></cellXfs></styleSheet>`,
  };
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${s.body}</worksheet>`;
    if (s.rels) parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${s.rels}</Relationships>`;
  });
  return parts;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><numFmts count="5">
<numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="0.00&quot; h&quot;"/><numFmt numFmtId="166" formatCode="[Red]0;[Blue]-0"/>
<numFmt numFmtId="167" formatCode="d/m/bbbb"/><numFmt numFmtId="168" formatCode="General"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="9"><xf numFmtId="14"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="0"/><xf numFmtId="47"/><xf numFmtId="168"/></cellXfs></styleSheet>`;

const STRINGS = [
  "<t>plain</t>",
  "<r><rPr><b/></rPr><t>rich </t></r><r><t xml:space=\"preserve\">text</t></r>",
  "<t>line_x000D_break</t>",
  "<t>ほん</t><rPh sb=\"0\" eb=\"1\"><t>ホン</t></rPh>",
  "<t xml:space=\"preserve\">   </t>",
  "<t>a &amp; b &lt;c&gt;</t>",
  "<t/>",
  "<t>Yes / ใช่</t>",
];

/** Every value shape a returned workbook may hold, on two sheets, in the 1900 or 1904 date system. */
export function quirksWorkbook(date1904 = false): Buffer {
  const cells = `<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>7</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>inline</t></is></c><c r="B2" t="inlineStr"><is><r><t>in</t></r><r><rPr><i/></rPr><t>line rich</t></r></is></c><c r="C2" t="str"><v>str value</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><v>0</v></c><c r="F2" t="e"><v>#N/A</v></c></row>
<row r="3"><c r="A3"><v>42</v></c><c r="B3"><v>-1.5</v></c><c r="C3"><v>1.23E-3</v></c><c r="D3" s="1"><v>45000</v></c><c r="E3" s="2"><v>45000.75</v></c><c r="F3" s="3"><v>12</v></c><c r="G3" s="4"><v>7</v></c><c r="H3" s="5"><v>45000</v></c><c r="I3" s="7"><v>0.5</v></c><c r="J3" s="8"><v>45000</v></c><c r="K3" s="1"><v>1</v></c><c r="L3" s="1"><v>60</v></c></row>
<row r="4"><c r="A4"><f>1+1</f><v>2</v></c><c r="B4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C4"><f>NOW()</f></c><c r="D4"><f>1-1</f><v>0</v></c><c r="E4" t="b"><f>TRUE()</f><v>1</v></c><c r="F4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G4" s="1"><f>TODAY()</f><v>45001</v></c><c r="H4" t="b"><f>FALSE()</f><v>0</v></c></row>
<row r="5"><c r="A5"><f t="shared" ref="A5:A7" si="0">B5*2</f><v>10</v></c><c r="B5"><v>5</v></c></row>
<row r="6"><c r="A6"><f t="shared" si="0"/><v>12</v></c><c r="B6"><v>6</v></c></row>
<row r="7"><c r="A7"><f t="shared" si="0"/></c><c r="B7"><v>7</v></c></row>
<row r="8"><c r="A8" s="6"/><c r="B8"/><c r="C8" s="6"/><c r="F8" t="s"><v>0</v></c></row>
<row r="9" ht="20" customHeight="1"><c r="A9" s="6"/><c r="AB9" s="6"/></row>
<row r="10"><c r="A10" t="s"><v>7</v></c><c r="B10" t="s"><v>0</v></c><c r="C10" s="6"/><c r="D10"/><c r="E10" t="s"><v>1</v></c></row>
<row r="11"><c r="A11" t="s"><v>0</v></c></row>
<row r="13"><c r="B13"><v>3</v></c><c r="C13"><v>4</v></c></row>
<row r="20"/>
</sheetData><mergeCells count="2"><mergeCell ref="A11:C12"/><mergeCell ref="E14:F15"/></mergeCells>
<hyperlinks><hyperlink ref="B10" r:id="rId1"/><hyperlink ref="C10" r:id="rId2"/><hyperlink ref="D10" r:id="rId2"/><hyperlink ref="A4" location="Other!A1"/></hyperlinks>`;
  const rels = `<Relationship Id="rId1" Type="${REL}/hyperlink" Target="https://example.org/one" TargetMode="External"/><Relationship Id="rId2" Type="${REL}/hyperlink" Target="mailto:someone@example.org" TargetMode="External"/>`;
  const other = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>hidden</t></is></c></row></sheetData>`;
  return xlsxOf(
    workbookParts(
      [
        { name: "Quirks", body: cells, rels },
        { name: "Other &amp; more", state: "hidden", body: other },
      ],
      { date1904, strings: STRINGS, styles: STYLES },
    ),
  );
}
