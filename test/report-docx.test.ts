// The Word report: opened by LibreOffice headless (converted to PDF, its pages and text read back
// with poppler), built-in heading styles, repeated table header rows, focal points only when
// asked, and the same bytes from two runs. UPDATE_DOCS_IMAGES=1 writes docs/report-docx.png.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { assess } from "./helpers/exec.js";

const has = (program: string) => spawnSync("sh", ["-c", `command -v ${program}`]).status === 0;
// .ci/run installs LibreOffice and poppler and sets ASSESS_REQUIRE_LIBREOFFICE, so CI never skips this.
const available = has("soffice") && has("pdftotext") && has("pdfinfo");
if (!available && process.env.ASSESS_REQUIRE_LIBREOFFICE) throw new Error("LibreOffice (soffice) and poppler-utils (pdftotext, pdfinfo, pdftoppm) are required but not found");

const NAMES = readdirSync("examples/answers")
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => /^\s*name:\s*"?(.+?)"?\s*$/m.exec(readFileSync(join("examples/answers", f), "utf8").split("institution:")[1] ?? "")?.[1])
  .filter((n): n is string => !!n);

function report(out: string, ...extra: string[]): Buffer {
  const r = assess(["report", "examples/answers", "-o", out, "--format", "docx", "--date", "2026-12-01", "--force", ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(join(out, "report.docx"));
}

function part(docx: Buffer, name: string): string {
  return strFromU8(unzipSync(new Uint8Array(docx), { filter: (f) => f.name === name })[name]!);
}

/** Each paragraph of document.xml: its style and its text. */
function paragraphs(xml: string): { style?: string; text: string }[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1] ?? m[2] ?? "";
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(body)?.[1];
    const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
    return { ...(style ? { style } : {}), text: text.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'") };
  });
}

/** LibreOffice headless, with a profile of its own so that other runs of it on the machine do not clash. */
function toPdf(docx: string, dir: string): string {
  const profile = mkdtempSync(join(tmpdir(), "assess-lo-"));
  execFileSync("soffice", [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx], { stdio: "ignore", timeout: 180_000 });
  return join(dir, docx.split("/").pop()!.replace(/\.docx$/, ".pdf"));
}

describe("the Word report", () => {
  let dir: string;
  let en: Buffer;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "assess-docx-"));
    en = report(join(dir, "en"));
  }, 60_000);

  it("gives identical bytes from two runs with the same --date", () => {
    expect(report(join(dir, "again")).equals(en)).toBe(true);
    expect(part(en, "docProps/core.xml")).toContain("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-12-01T00:00:00Z</dcterms:created>");
  });

  it("sets every heading in a built-in heading style, and repeats every table's header row", () => {
    expect(NAMES).toHaveLength(8);
    const ps = paragraphs(part(en, "word/document.xml"));
    // Outside the tables (where institution names are cells): the paragraph and its style.
    const headingOf = (text: string) => ps.filter((p) => p.text === text && p.style !== "TableText").map((p) => p.style);
    for (const h of ["Executive summary", "Heatmap", "Data map", "Institutions", "Cross-cutting findings", "Methodology"]) expect(headingOf(h)).toEqual(["Heading1"]);
    for (const h of ["Institutions × dimensions", "Themes × dimensions", "Most common gaps", "Modules and versions used"]) expect(headingOf(h)).toEqual(["Heading2"]);
    for (const n of NAMES) expect(headingOf(n)).toEqual(["Heading2"]);
    // No heading set by hand: every styled paragraph uses Word's own styles (or the table text style).
    expect(new Set(ps.flatMap((p) => (p.style ? [p.style] : [])))).toEqual(new Set(["Title", "Heading1", "Heading2", "Heading3", "TableText"]));
    const styles = part(en, "word/styles.xml");
    for (const n of [1, 2, 3]) expect(styles).toContain(`w:styleId="Heading${n}"><w:name w:val="Heading ${n}"/>`);
    const tables = part(en, "word/document.xml").split("<w:tbl>").slice(1);
    expect(tables.length).toBeGreaterThan(8 * 2);
    for (const t of tables) expect(t.split("</w:tr>")[0]).toContain("<w:tblHeader/>");
    // A4 portrait and landscape.
    expect(part(en, "word/document.xml")).toContain('<w:pgSz w:w="11906" w:h="16838"');
  });

  it("names focal points only with --include-respondents", () => {
    const text = (b: Buffer) => paragraphs(part(b, "word/document.xml")).map((p) => p.text).join("\n");
    expect(text(en)).not.toContain("Example Focal Point");
    expect(text(report(join(dir, "people"), "--include-respondents"))).toContain("Example Focal Point");
  });

  it.skipIf(!available)("opens in LibreOffice: pages, institution names and the Thai headings in the PDF", () => {
    const th = join(dir, "th");
    report(th, "--lang", "th");
    const enPdf = toPdf(join(dir, "en", "report.docx"), join(dir, "en"));
    const thPdf = toPdf(join(th, "report.docx"), th);
    const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    // The front matter, the data map, then one page (at least) per institution.
    expect(pages(enPdf)).toBeGreaterThanOrEqual(8 + 3);
    expect(pages(thPdf)).toBeGreaterThanOrEqual(8 + 3);
    // pdftotext breaks long names across lines: compare with white space closed up.
    const flat = (pdf: string) => execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 26 }).replace(/\s+/g, "");
    const enText = flat(enPdf);
    for (const n of NAMES) expect(enText).toContain(n.replace(/\s+/g, ""));
    const thText = flat(thPdf);
    for (const h of ["บทสรุปผู้บริหาร", "แผนภาพความร้อน", "แผนที่ข้อมูล", "ข้อค้นพบร่วม", "ระเบียบวิธี"]) expect(thText).toContain(h);
    for (const n of NAMES) expect(thText).toContain(n.replace(/\s+/g, ""));
    const png = join(dir, "en", "page");
    execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "80", "-png", "-singlefile", enPdf, png]);
    expect(existsSync(`${png}.png`)).toBe(true);
    if (process.env.UPDATE_DOCS_IMAGES) copyFileSync(`${png}.png`, "docs/report-docx.png");
  }, 300_000);
});
