// How tall a row must be for its wrapped text, from the text's real width in the font the
// template uses. Spreadsheet programs do not re-fit rows when they open a file, so a row
// measured too short clips its text. Widths are advance widths in thousandths of an em, read
// from the fonts' hmtx tables: TH Sarabun New as its metric twin Laksaman (fonts-thai-tlwg),
// Arial as its metric twin Liberation Sans. Thai vowel and tone marks have no advance of their
// own; line heights are the fonts' ascent and descent, but TH Sarabun New's 1.75 em (its typo
// metrics, which LibreOffice uses, are 1.72; its win metrics 1.96 would make rows a third taller
// than any program draws them). Text is measured grapheme by grapheme and wrapped at the word breaks ICU finds, for
// Thai (which writes no spaces between words) by its dictionary, as spreadsheet programs do.

export interface Font {
  name: string;
  size: number;
}

/** The template's fonts: TH Sarabun New (used in Thai government documents) wherever Thai is written, Arial for English alone. */
export const TEMPLATE_FONTS = {
  th: { name: "TH Sarabun New", size: 14 },
  en: { name: "Arial", size: 10 },
} as const satisfies Record<string, Font>;

interface Metrics {
  /** Line height (ascent + descent) in ems. */
  line: number;
  /** Advances of U+0020..U+007E. */
  ascii: number[];
  /** Advances of U+0E00..U+0E7F. */
  thai?: number[];
}

const METRICS: Record<string, Metrics> = {
  sarabun: { line: 1.75, ascii: [324,221,312,606,543,879,636,180,285,285,428,618,243,324,243,406,544,544,544,544,544,544,544,544,544,544,243,243,618,618,618,425,806,601,568,610,648,527,527,639,663,221,397,565,530,824,663,731,568,732,570,529,570,700,586,884,628,550,637,294,394,294,619,529,306,517,603,497,603,562,309,467,586,215,233,475,300,904,586,598,603,603,326,424,357,586,512,762,478,506,482,312,230,312,625], thai: [0,580,568,574,591,591,613,442,552,567,568,574,780,780,639,639,515,693,800,816,588,588,568,646,503,631,643,643,573,573,672,672,639,601,564,484,568,573,639,503,591,658,573,642,682,582,559,588,536,0,475,475,0,0,0,0,0,0,0,0,0,0,0,618,305,567,356,364,367,308,600,0,0,0,0,0,0,0,0,676,675,675,675,675,675,675,675,675,675,675,785,1048,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0] },
  sarabunBold: { line: 1.75, ascii: [339,252,437,694,552,1034,731,254,367,367,515,627,258,339,258,415,568,568,568,568,568,568,568,568,568,568,258,258,627,627,627,434,860,678,595,649,690,538,538,682,709,245,424,618,540,863,709,779,586,779,594,549,633,725,634,920,640,595,678,351,403,351,628,565,315,552,654,521,654,588,382,499,636,245,257,511,320,956,636,619,648,648,370,445,388,628,538,722,524,543,538,383,266,383,634], thai: [0,588,624,648,606,606,681,478,586,609,624,648,849,849,639,639,559,740,828,866,609,609,588,658,538,651,669,669,622,622,725,725,639,627,580,494,588,600,639,570,606,693,600,658,703,592,579,571,511,0,505,505,0,0,0,0,0,0,0,0,0,0,0,585,312,594,379,404,379,314,657,0,0,0,0,0,0,0,0,676,685,685,685,685,685,685,685,685,685,685,789,1048,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0] },
  arial: { line: 1.117, ascii: [278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584] },
  arialBold: { line: 1.117, ascii: [278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584] },
};

function metricsOf(font: Font, bold: boolean): Metrics {
  const base = /sarabun/i.test(font.name) ? "sarabun" : "arial";
  return METRICS[bold ? `${base}Bold` : base]!;
}

/** Advance of one grapheme in ems: its first code point's; marks that follow it take none. */
function advance(grapheme: string, m: Metrics): number {
  const c = grapheme.codePointAt(0)!;
  if (c >= 0x20 && c <= 0x7e) return m.ascii[c - 0x20]! / 1000;
  if (c >= 0x0e00 && c <= 0x0e7f) return (m.thai?.[c - 0x0e00] ?? 600) / 1000;
  if (/\p{M}/u.test(grapheme[0]!)) return 0;
  // Symbols (☐, –) and letters beyond both tables: as wide as an em, so never measured short.
  return c >= 0x2000 ? 1 : 0.6;
}

const graphemes = new Intl.Segmenter("th", { granularity: "grapheme" });
const words = new Intl.Segmenter("th", { granularity: "word" });

/** Width of a text in points. */
export function textWidth(text: string, font: Font, bold = false): number {
  const m = metricsOf(font, bold);
  let ems = 0;
  for (const { segment } of graphemes.segment(text)) ems += advance(segment, m);
  return ems * font.size;
}

/** Points of text that fit across a column `width` characters wide (a character is 7 pixels of the default font, with 5 pixels of padding). */
export function columnPoints(width: number): number {
  return ((width * 7 + 5 - 6) * 72) / 96;
}

/** Lines the text wraps to in a column `width` characters wide: words (by ICU's breaks) are kept whole unless one alone is wider than the column. */
export function wrappedLines(text: string, width: number, font: Font, bold = false): number {
  const room = columnPoints(width);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines++;
    let used = 0;
    for (const { segment } of words.segment(paragraph)) {
      const w = textWidth(segment, font, bold);
      // Spaces that reach the edge are absorbed there: the next word starts the line.
      if (used + w <= room || /^\s+$/.test(segment)) used += w;
      else if (w > room) {
        // A word wider than the column is broken where it meets the edge.
        const extra = Math.ceil((used + w) / room) - 1;
        lines += extra;
        used = used + w - extra * room;
      } else {
        lines++;
        used = w;
      }
    }
  }
  return lines;
}

/** Row height in points for `lines` lines of the font (Excel's limit is 409). */
export function rowHeight(lines: number, font: Font): number {
  const m = metricsOf(font, false);
  return Math.min(409, Math.ceil(lines * m.line * font.size + 4));
}
