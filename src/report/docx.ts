// The report as a Word document for the consultation: ministries circulate and edit it. Built
// with the `docx` package (loaded only by this format): Word's own Heading 1-3 styles, so that
// the navigation pane and a table of contents work; heatmaps as shaded, editable tables; header
// rows repeated on every page; A4; Thai in a Thai font, set as complex script.
import { DIMENSIONS } from "../core/model.js";
import type { Lang } from "../core/model.js";
import type { DimensionScore, InstitutionSection, Report } from "../core/report-model.js";
import { INSTITUTION_PAGES_ABOVE } from "../core/report-pages.js";
import { BAND_COLOURS, BAND_TEXT, METHOD_RULE_WORDS, dim, firewallReason, heading, num, otherMethodsText, overallText, pct, supersededText, w } from "./words.js";

type Docx = typeof import("docx");
type Block = import("docx").Paragraph | import("docx").Table;

/** Word's usual Thai font; LibreOffice and others fall back to a metric twin (Laksaman, Sarabun). */
const THAI_FONT = "TH Sarabun New";
const LATIN_FONT = "Calibri";
/** A4 in twentieths of a point, and 2 cm margins. */
const A4 = { width: 11906, height: 16838, margin: 1134 };

/** A cell: plain text, or text on a band's colour. */
interface CellSpec {
  text: string;
  fill?: string;
  colour?: string;
  bold?: boolean;
  right?: boolean;
}
type Row = (string | CellSpec)[];

export async function renderDocx(r: Report): Promise<Buffer> {
  const D = await import("docx");
  const L = r.lang;
  // Thousands of institutions: the document keeps what does not grow with them (a Word table of
  // thousands of rows is neither read nor kept in memory); the rest is in the other formats.
  const large = r.summary.institutions > INSTITUTION_PAGES_ABOVE;
  const b = new Builder(D, L, large);
  const first = b.front(r);
  const map = b.dataMap(r);
  const sections = large ? [b.p(w("institutionPages", L, { n: r.summary.institutions }))] : r.institutions.flatMap((i) => b.institution(i));
  const rest = [...sections, ...b.crossCutting(r), ...b.methodology(r)];
  const portrait = { page: { size: { width: A4.width, height: A4.height }, margin: margins() } };
  const landscape = { page: { size: { width: A4.width, height: A4.height, orientation: D.PageOrientation.LANDSCAPE }, margin: margins() } };
  const doc = new D.Document({
    creator: "assess",
    lastModifiedBy: "assess",
    title: r.title,
    revision: 1,
    styles: styles(L),
    sections: [
      { properties: portrait, children: first },
      { properties: landscape, children: map },
      { properties: portrait, children: [b.h(1, w("institutions", L)), ...rest] },
    ],
  });
  // docx stamps core.xml with the time of writing: the report's date takes its place.
  const core = { path: "docProps/core.xml", data: docxCoreXml(r.title, r.date) };
  return D.Packer.toBuffer(doc, false, [core]);
}

function margins() {
  return { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin };
}

function styles(L: Lang): import("docx").IStylesOptions {
  // Thai is a complex script in Word: its font and size are the cs ones, its language the bidi one.
  const th = L === "th";
  const font = { ascii: th ? THAI_FONT : LATIN_FONT, hAnsi: th ? THAI_FONT : LATIN_FONT, cs: THAI_FONT, eastAsia: THAI_FONT };
  const size = th ? 32 : 21;
  const heading = (pt: number) => ({ run: { font, bold: true, boldComplexScript: true, size: th ? pt * 2 + 8 : pt * 2, sizeComplexScript: pt * 2 + 8, color: "1F3864" }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } });
  return {
    default: {
      document: {
        run: { font, size, sizeComplexScript: th ? 32 : 30, language: { value: th ? "th-TH" : "en-GB", eastAsia: "th-TH", bidirectional: "th-TH" } },
        paragraph: { spacing: { after: 80 } },
      },
      heading1: heading(16),
      heading2: heading(13),
      heading3: heading(11.5),
    },
    paragraphStyles: [{ id: "TableText", name: "Table Text", basedOn: "Normal", run: { size: th ? 26 : 17, sizeComplexScript: 26 }, paragraph: { spacing: { after: 0 } } }],
  };
}

class Builder {
  constructor(
    private readonly D: Docx,
    private readonly L: Lang,
    private readonly large: boolean,
  ) {}

  /** In a large report, a table that grows with the institutions is named, and left to the other formats. */
  elsewhere(rows: number) {
    return this.p(w("tableElsewhere", this.L, { n: rows }), { italic: true });
  }

  h(level: 1 | 2 | 3, text: string) {
    const D = this.D;
    const levels = { 1: D.HeadingLevel.HEADING_1, 2: D.HeadingLevel.HEADING_2, 3: D.HeadingLevel.HEADING_3 } as const;
    return new D.Paragraph({ heading: levels[level], children: [new D.TextRun(clean(text))] });
  }

  p(text: string, o: { bold?: boolean; italic?: boolean; colour?: string } = {}) {
    return new this.D.Paragraph({ children: [new this.D.TextRun({ text: clean(text), bold: o.bold, boldComplexScript: o.bold, italics: o.italic, italicsComplexScript: o.italic, color: o.colour })] });
  }

  /** A table across the text width; its first row repeats at the top of each page it runs on to. */
  table(header: string[], rows: Row[], widths?: number[]) {
    const D = this.D;
    const total = widths?.reduce((a, x) => a + x, 0) ?? header.length;
    const cell = (c: string | CellSpec, head: boolean, k: number) => {
      const s = typeof c === "string" ? { text: c } : c;
      const fill = head ? "E7ECF2" : s.fill;
      return new D.TableCell({
        width: { size: Math.round((5000 * (widths?.[k] ?? 1)) / total), type: D.WidthType.PERCENTAGE },
        ...(fill ? { shading: { type: D.ShadingType.CLEAR, color: "auto", fill } } : {}),
        children: [
          new D.Paragraph({
            style: "TableText",
            ...(s.right ? { alignment: D.AlignmentType.RIGHT } : {}),
            children: [new D.TextRun({ text: clean(s.text), bold: head || s.bold, boldComplexScript: head || s.bold, ...(s.colour ? { color: s.colour } : {}) })],
          }),
        ],
      });
    };
    return new D.Table({
      width: { size: 5000, type: D.WidthType.PERCENTAGE },
      rows: [new D.TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, k) => cell(h, true, k)) }), ...rows.map((row) => new D.TableRow({ children: row.map((c, k) => cell(c, false, k)) }))],
    });
  }

  band(c: DimensionScore): CellSpec {
    return { text: `${num(c.score)} (${pct(c.completeness)})`, fill: BAND_COLOURS[c.band], colour: BAND_TEXT[c.band], bold: true };
  }

  front(r: Report) {
    const L = this.L;
    const out: Block[] = [new this.D.Paragraph({ heading: this.D.HeadingLevel.TITLE, children: [new this.D.TextRun(clean(r.title))] }), this.p(w("generated", L, { date: r.date }), { italic: true })];
    for (const note of [r.fictional ? w("fictional", L) : undefined, otherMethodsText(r, L), supersededText(r, L)]) if (note) out.push(this.p(note, { italic: true, colour: "7A5C00" }));
    const s = r.summary;
    out.push(this.h(1, w("summary", L)));
    out.push(this.p(`${w("institutionsAssessed", L)}: ${s.institutions}; ${w("datasetsReported", L)}: ${s.datasets}`));
    out.push(this.p(`${w("criticalGaps", L)}: ${s.criticalGaps} ${w("inInstitutions", L, { n: s.institutionsWithCriticalGaps })}`));
    out.push(this.p(`${w("overall", L)}: ${overallText(s, L)}`, { bold: true }));
    if (s.weakestModules.length) out.push(this.p(`${w("weakestThemes", L)}: ${s.weakestModules.map((x) => `${x.title} (${num(x.score)})`).join(", ")}`));
    out.push(this.h(2, w("national", L)));
    out.push(this.table([w("dimension", L), `${w("score", L)} (${w("completeness", L)})`], DIMENSIONS.map((d) => [dim(d, L), this.band(s.national[d])]), [2, 1]));
    out.push(this.h(1, w("heatmap", L)));
    out.push(this.p(`${w("bands", L)}: ${r.methodology.bands.join("; ")}. ${w("score", L)} (${w("completeness", L)}).`));
    const dims = DIMENSIONS.map((d) => dim(d, L));
    out.push(this.h(2, w("byInstitution", L)));
    if (this.large) out.push(this.elsewhere(r.heatmap.institutions.length));
    else out.push(this.table([w("institution", L), ...dims, w("overall", L)], [...r.heatmap.institutions].map((i) => [i.name, ...DIMENSIONS.map((d) => this.band(i.cells[d])), overallText(i, L)]), [3, 1.3, 1.3, 1.3, 1.3]));
    out.push(this.h(2, w("byTheme", L)));
    out.push(this.table([w("theme", L), ...dims], r.heatmap.modules.map((t) => [`${t.title} (n=${t.institutions})`, ...DIMENSIONS.map((d) => this.band(t.cells[d]))]), [3, 1.3, 1.3, 1.3]));
    return out;
  }

  dataMap(r: Report) {
    const L = this.L;
    const m = r.dataMap;
    const mark = { yes: "✓", no: "✗", unknown: "?" } as const;
    if (this.large) return [this.h(1, w("dataMap", L)), this.elsewhere(m.rows.length)];
    const rows = [...m.rows];
    return [
      this.h(1, w("dataMap", L)),
      this.table([w("institution", L), w("dataset", L), ...m.columns.map((c) => heading(c, L))], rows.map((row) => [row.institutionName, row.datasetName, ...m.columns.map((c) => row.fields[c.id] ?? "—")])),
      this.h(2, w("coverage", L)),
      this.table([w("institution", L), w("dataset", L), ...m.variables.map((v) => v.label)], rows.map((row) => [row.institutionName, row.datasetName, ...m.variables.map((v) => ({ text: `${mark[row.coverage[v.id] ?? "unknown"]} ${w(row.coverage[v.id] ?? "unknown", L)}` }))]), [3, 3, ...m.variables.map(() => 1.2)]),
    ];
  }

  institution(i: InstitutionSection) {
    const L = this.L;
    // One institution a page, as the HTML report prints: each can be handed to its ministry.
    const out: Block[] = [new this.D.Paragraph({ heading: this.D.HeadingLevel.HEADING_2, pageBreakBefore: true, children: [new this.D.TextRun(clean(i.name))] })];
    const where = [i.ministry, i.department].filter(Boolean).join(" · ");
    if (where) out.push(this.p(where, { italic: true }));
    if (i.respondent) out.push(this.p(`${w("respondent", L)}: ${[i.respondent.name, i.respondent.role, i.respondent.email, i.respondent.phone].filter(Boolean).join(", ")}`));
    out.push(this.p(`${w("datasets", L)}: ${i.datasets.join("; ") || "—"} · ${w("completeness", L)} ${pct(i.completeness)} · ${w("dontKnowRate", L)} ${pct(i.dontKnowRate)}`));
    if (i.rejectedAnswers) out.push(this.p(`${i.rejectedAnswers} ${w("rejected", L)}`, { italic: true }));
    if (i.noDatasets) out.push(this.p(w("noDatasets", L, { n: i.noDatasets }), { italic: true }));
    const rows: Row[] = [...i.byModule.map((m) => [m.title, ...DIMENSIONS.map((d) => this.band(m.cells[d]))]), [{ text: `${w("overall", L)}: ${overallText(i, L)}`, bold: true }, ...DIMENSIONS.map((d) => this.band(i.cells[d]))]];
    out.push(this.table([w("module", L), ...DIMENSIONS.map((d) => dim(d, L))], rows, [3, 1.3, 1.3, 1.3]));
    out.push(this.h(3, `${w("gaps", L)} (${w("ofGaps", L, { shown: i.gaps.length, total: i.gapsTotal })})`));
    const gaps = i.gaps.map((g, n): Row => [
      { text: String(n + 1), right: true },
      { text: `${g.critical ? `${w("critical", L)}: ` : ""}${g.label}${g.datasets.length ? ` (${g.datasets.join(", ")})` : ""}`, ...(g.critical ? { colour: "B00020", bold: true } : {}) },
      dim(g.dimension, L),
      { text: num(g.gap), right: true },
      g.recommendation ?? "",
    ]);
    out.push(this.table(["#", w("question", L), w("dimension", L), w("gap", L), w("recommendation", L)], gaps, [0.5, 4, 1.3, 0.9, 4]));
    return out;
  }

  crossCutting(r: Report) {
    const L = this.L;
    const c = r.crossCutting;
    const out: Block[] = [this.h(1, w("crossCutting", L)), this.h(2, w("commonGaps", L))];
    out.push(this.table([w("question", L), w("dimension", L), w("institutionsWithGap", L), w("criticalGaps", L), w("meanGap", L), w("recommendation", L)], c.commonGaps.map((g) => [g.label, dim(g.dimension, L), { text: String(g.institutions), right: true }, { text: String(g.critical), right: true }, { text: num(g.meanGap), right: true }, g.recommendation ?? ""]), [4, 1.3, 1, 1, 1, 4]));
    out.push(this.h(2, w("sharing", L)));
    if (this.large) out.push(this.elsewhere(c.sharing.length));
    else out.push(this.table([w("institution", L), w("partners", L)], [...c.sharing].map((x) => [x.name, x.partners.length ? x.partners.map((p) => `${p.label} (${p.datasets})`).join("; ") : w("notShared", L)]), [2, 3]));
    out.push(this.h(2, w("firewall", L)));
    if (this.large && c.firewallMissing.length) out.push(this.elsewhere(c.firewallMissing.length));
    else out.push(c.firewallMissing.length ? this.table([w("institution", L), w("reasons", L)], [...c.firewallMissing].map((f) => [f.name, f.reasons.map((x) => firewallReason(x, L)).join("; ")]), [2, 3]) : this.p(w("noneFound", L)));
    return out;
  }

  methodology(r: Report) {
    const L = this.L;
    return [
      this.h(1, w("methodology", L)),
      this.p(`${w("methodVersion", L)}: ${r.method}. ${w("weights", L)}`),
      this.p(`${w("levels", L)}: ${r.methodology.levels.join("; ")}.`),
      this.p(`${w("bands", L)}: ${r.methodology.bands.join("; ")}.`),
      ...r.methodology.rules.map((x) => this.p(`• ${METHOD_RULE_WORDS[x][L]}`)),
      this.h(2, w("modulesUsed", L)),
      this.table([w("module", L), "id", "version"], r.modules.map((m) => [m.title, m.id, m.version]), [3, 2, 1]),
    ];
  }
}

/** XML cannot hold most control characters; a respondent's text may: they are dropped here (docx escapes the rest). */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replace(/[\t\n\r]+/g, " ");
}

/** docProps/core.xml as docx writes it, with the report's date in place of the time of writing. */
function docxCoreXml(title: string, date: string): string {
  const x = (v: string) => clean(v).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const at = `${date}T00:00:00Z`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${x(title)}</dc:title><dc:creator>assess</dc:creator><cp:lastModifiedBy>assess</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`
  );
}
