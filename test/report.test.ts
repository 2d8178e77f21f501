// The report model for the fictional examples, value by value; the Markdown as a snapshot;
// escaping of everything a respondent wrote.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { scoreRead } from "../src/io/pipeline.js";
import { DIMENSIONS } from "../src/core/model.js";
import type { Module } from "../src/core/model.js";
import { buildReport } from "../src/core/report.js";
import { SharedTexts, ownTexts, sharedTexts, slimResult } from "../src/core/report-slim.js";
import type { SlimResult } from "../src/core/report-slim.js";
import { firewallOf } from "../src/core/report-findings.js";
import { METHOD_RULES } from "../src/core/report-model.js";
import type { Report, ReportInMemory } from "../src/core/report-model.js";
import type { InstitutionResult } from "../src/core/results.js";
import { readAnswerFile } from "../src/io/answers.js";
import { requireModules } from "../src/io/modules.js";
import { checkSchema } from "../src/io/schema.js";
import { writeWorkbook } from "../src/io/xlsx.js";
import { renderHtml } from "../src/report/html.js";
import { renderMarkdown } from "../src/report/markdown.js";
import { METHOD_RULE_WORDS } from "../src/report/words.js";
import { problemText } from "../src/core/problem-words.js";
import { MAX_CELL_CHARS, buildReportWorkbook } from "../src/report/xlsx.js";

let modules: Module[];
let results: InstitutionResult[];
let report: ReportInMemory;

async function resultsOf(files: string[]): Promise<InstitutionResult[]> {
  const out: InstitutionResult[] = [];
  for (const f of files) {
    const read = await readAnswerFile(f);
    out.push(scoreRead({ source: read.source, set: read.set!, problems: [] }, modules) as InstitutionResult);
  }
  return out.sort((a, b) => (a.institution.name < b.institution.name ? -1 : 1));
}

beforeAll(async () => {
  modules = await requireModules();
  results = await resultsOf(readdirSync("examples/answers").filter((f) => f.endsWith(".yaml")).sort().map((f) => `examples/answers/${f}`));
  report = buildReport(results, modules, { title: "Fictional demo", date: "2026-12-01", lang: "en" });
});

describe("the report model of the eight fictional examples", () => {
  it("matches schemas/report.schema.json", () => {
    expect(checkSchema("report", report, "report")).toEqual([]);
  });

  it("counts institutions, datasets and critical gaps", () => {
    expect(report.summary).toMatchObject({ institutions: 8, datasets: 16, criticalGaps: 6, institutionsWithCriticalGaps: 3 });
  });

  it("gives national scores as the mean over institutions", () => {
    for (const d of DIMENSIONS) {
      const scores = results.map((r) => r.scorecard.dimensions[d].score!);
      const expected = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
      expect(report.summary.national[d].score).toBe(expected);
    }
    expect(DIMENSIONS.map((d) => Math.round(report.summary.national[d].score!))).toEqual([59, 52, 58]);
    expect(report.summary.weakestModules.map((t) => t.module)).toEqual(["social_protection", "detention", "child_protection"]);
  });

  it("fills the heatmap: one row per institution, cells banded by score", () => {
    expect(report.heatmap.institutions.map((i) => i.id)).toEqual(results.map((r) => r.institution.id));
    const dla = report.heatmap.institutions.find((i) => i.id === "border-province-local-registration-office")!;
    const dlaResult = results.find((r) => r.institution.id === dla.id)!;
    expect(dla.cells.sharing).toEqual({ score: dlaResult.scorecard.dimensions.sharing.score, completeness: 100, band: "very_weak" });
    expect(dla.cells.sharing.score).toBeCloseTo(12.82, 2);
    const nso = report.heatmap.institutions.find((i) => i.name.startsWith("Population and Migration Statistics"))!;
    expect(nso.cells.hosting.band).toBe("good");
    const themes = Object.fromEntries(report.heatmap.modules.map((t) => [t.module, t.institutions]));
    expect(themes).toMatchObject({ general: 8, birth_registration: 2, labour_migration: 2, detention: 1 });
  });

  it("ranks each institution's gaps critical first, then by weight × gap", () => {
    const imm = report.institutions.find((i) => i.name.startsWith("Immigration Detention"))!;
    expect(imm.criticalGaps).toBe(2);
    expect(imm.gaps.slice(0, 2).map((g) => [g.question, g.critical])).toEqual([
      ["det_child_records", true],
      ["det_release_destination", true],
    ]);
    expect(imm.gaps.slice(2).every((g) => !g.critical)).toBe(true);
    expect(imm.gaps.every((g) => g.recommendation)).toBe(true);
    // no respondent without --include-respondents
    expect(report.institutions.every((i) => i.respondent === undefined)).toBe(true);
  });

  it("maps every dataset, with its disaggregation coverage", () => {
    expect(report.dataMap.rows).toHaveLength(16);
    expect(report.dataMap.variables.map((v) => v.id)).toEqual(["age", "sex", "migratory_status", "citizenship", "country_of_birth", "accompaniment"]);
    const nsoRows = report.dataMap.rows.filter((r) => r.institution === "population-statistics-division");
    expect(nsoRows.map((r) => [r.coverage.migratory_status, r.coverage.accompaniment])).toEqual([
      ["no", "no"],
      ["no", "no"],
    ]);
    for (const row of report.dataMap.rows) expect(Object.keys(row.fields)).toEqual(report.dataMap.columns.map((c) => c.id));
  });

  it("finds the same cross-cutting findings and sections from the slim results a large report keeps", () => {
    // The slim copy once dropped the firewall question's score, so FIREWALL_BELOW_TOP was never found.
    // As the report sets each copy aside: its recommendations named by number, written as JSON, read back.
    const texts = new SharedTexts();
    const slim = buildReport(results.map((r) => ownTexts(JSON.parse(JSON.stringify(sharedTexts(slimResult(r), texts))) as SlimResult, texts)), modules, { title: "Fictional demo", date: "2026-12-01", lang: "en" });
    expect(report.crossCutting.firewallMissing.some((f) => f.reasons.some((x) => x.code === "FIREWALL_BELOW_TOP"))).toBe(true);
    expect(slim.crossCutting).toEqual(report.crossCutting);
    expect(slim.institutions).toEqual(report.institutions);
    expect([slim.summary, slim.heatmap, slim.dataMap, slim.modules]).toEqual([report.summary, report.heatmap, report.dataMap, report.modules]);
  });

  it("finds where a firewall from immigration enforcement is missing, and why, as data", () => {
    const names = report.crossCutting.firewallMissing.map((f) => f.institution);
    expect(names).toContain("border-province-local-registration-office");
    const why = (id: string) => report.crossCutting.firewallMissing.find((f) => f.institution === id)?.reasons;
    expect(why("border-province-local-registration-office")).toEqual([{ code: "FIREWALL_DONT_KNOW", args: {} }]);
    expect(why("bureau-civil-registration-data")).toEqual([
      { code: "FIREWALL_BELOW_TOP", args: { answer: "case_by_case_unrecorded", label: expect.any(String) } },
      { code: "SHARES_WITH_ENFORCEMENT", args: { datasets: ["Civil registration database (births, deaths, household registers)", "Register of non-Thai persons (ID numbers beginning with 0, 6 and 7)"] } },
    ]);
    // the immigration unit answers not applicable, and its own sharing is no breach
    expect(names.some((n) => n.startsWith("imm"))).toBe(false);
    // Below the top is read from the score the answer got (a level set may raise it), not from the option's default level.
    const bureau = results.find((r) => r.institution.id === "bureau-civil-registration-data")!;
    const atTop: InstitutionResult = { ...bureau, scorecard: { ...bureau.scorecard, questions: bureau.scorecard.questions.map((q) => (q.question === "firewall_immigration_enforcement" ? { ...q, score: 1 } : q)) } };
    const firewall = modules.flatMap((m) => m.sections.flatMap((s) => s.questions)).find((q) => q.id === "firewall_immigration_enforcement");
    expect(firewallOf(atTop, firewall, "en")!.reasons.map((x) => x.code)).toEqual(["SHARES_WITH_ENFORCEMENT"]);
    expect(report.crossCutting.commonGaps.length).toBe(10);
    expect(report.crossCutting.commonGaps[0]!.institutions).toBeGreaterThanOrEqual(report.crossCutting.commonGaps[9]!.institutions);
  });

  it("renders the Markdown as reviewed", async () => {
    await expect(renderMarkdown(report)).toMatchFileSnapshot("__snapshots__/report.md");
  });

  it("includes focal points only when asked", () => {
    const withPeople = buildReport(results, modules, { title: "t", date: "2026-12-01", lang: "en", includeRespondents: true });
    expect(withPeople.institutions[0]!.respondent?.name).toMatch(/^Example Focal Point/);
    expect(renderHtml(report)).not.toContain("Example Focal Point");
  });

  it("renders in Thai", () => {
    const th = renderMarkdown(buildReport(results, modules, { title: "รายงาน", date: "2026-12-01", lang: "th" }));
    expect(th).toContain("## บทสรุปผู้บริหาร");
    expect(th).toContain("การเก็บรวบรวมข้อมูล");
    expect(th).toContain("| ไม่ทราบว่ามีมาตรการแยกข้อมูลหรือไม่ |");
    expect(th).toContain(`- ${METHOD_RULE_WORDS.NO_IMPUTATION.th}`);
  });

  it("says why an answer was rejected in the report's language, or as the file wrote it", () => {
    const invalid = { question: "legal_mandate_migrant_data", value: "perhaps", reason: { code: "NOT_AN_OPTION" as const, args: { value: "perhaps", options: ["yes", "no"] } } };
    const rejected = [
      { question: "legal_mandate_migrant_data", raw: "perhaps", reason: "in English", code: "INVALID_ANSWER" as const, args: invalid },
      { question: "legal_mandate_migrant_data", raw: "old", reason: "written before codes" },
    ];
    const r = { ...results[0]!, answers: { ...results[0]!.answers, rejected } };
    const rows = buildReport([r], modules, { title: "t", date: "2026-12-01", lang: "th" }).answers.filter((a) => a.status === "rejected");
    expect(rows.map((a) => a.answer)).toEqual([problemText({ code: "INVALID_ANSWER", args: invalid }, "th"), "written before codes"]);
  });

  it("lists the method's rules as codes, each with words in both languages, as the schema does", () => {
    expect(report.methodology.rules).toEqual([...METHOD_RULES]);
    for (const rule of METHOD_RULES) for (const lang of ["en", "th"] as const) expect(METHOD_RULE_WORDS[rule][lang].length, `${rule} ${lang}`).toBeGreaterThan(0);
    const schema = JSON.parse(readFileSync("schemas/report.schema.json", "utf8"));
    expect(schema.properties.methodology.properties.rules.items.enum).toEqual([...METHOD_RULES]);
  });
});

/** Every cell of the report's workbook, as written and read back. */
async function cellsOf(r: Report): Promise<ExcelJS.Cell[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeWorkbook(buildReportWorkbook(r))) as unknown as ArrayBuffer);
  const cells: ExcelJS.Cell[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(c))));
  return cells;
}

describe("what a respondent wrote never runs", () => {
  let hostile: ReportInMemory;
  beforeAll(async () => {
    hostile = buildReport(await resultsOf(["test/fixtures/escaping/hostile.yaml"]), modules, { title: "<Title & test>", date: "2026-12-01", lang: "en" });
  });
  it("is escaped in HTML", () => {
    const html = renderHtml(hostile);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>Tests");
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Office (fictional)");
    expect(html).toContain("&lt;Title &amp; test&gt;");
  });
  it("is escaped in Markdown", () => {
    const md = renderMarkdown(hostile);
    expect(md).not.toMatch(/<script|<img|<b>/);
    expect(md).toContain("&lt;script&gt;");
  });
  it("is only text in Markdown: no link, no image, no heading, one table row each", async () => {
    const md = renderMarkdown(buildReport(await resultsOf(["test/fixtures/escaping/markdown.yaml"]), modules, { title: "t", date: "2026-12-01", lang: "en" }));
    // Every line break a viewer may honour; none is left inside a respondent's text.
    const lines = md.split(/\r\n|[\n\r\u2028\u2029\u0085]/);
    expect(lines).toHaveLength(md.split("\n").length);
    expect(md).not.toMatch(/(?<!\\)!\[|(?<!\\)\]\(|<b>|(?<!\\)\*\*bold|https?:\/\/|(?<!\\)www\./);
    expect(lines.filter((l) => /^\s*#/.test(l) && /Ministry/.test(l))).toEqual([]);
    // Each table: every row has as many cells (unescaped pipes) as its header.
    const pipes = (l: string) => l.match(/(?<!\\)\|/g)?.length ?? 0;
    let header = 0;
    for (const l of lines) {
      if (!l.startsWith("|")) header = 0;
      else if (header === 0) header = pipes(l);
      else expect(pipes(l), l).toBe(header);
    }
    expect(lines.filter((l) => /injected/.test(l) && !/Markdown Office/.test(l))).toEqual([]);
    expect(md).toContain("Markdown Office (fictional) \\| injected \\| row");
  });
  it("is cut at Excel's cell limit in the workbook, with a marker, and kept whole in the report model", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-long-"));
    const long = "x".repeat(40_000);
    // A name of 5 million characters (the reported case was 52 MB), and a long comment that also looks like a formula.
    const huge = `Office ${"y".repeat(5_000_000)}`;
    const yaml = readFileSync("test/fixtures/escaping/hostile.yaml", "utf8")
      .replace(/name: "<script>.*"/, `name: "${huge}"`)
      .replace(/comment: "=HYPERLINK.*"/, `comment: "=${long}"`);
    writeFileSync(join(dir, "long.yaml"), yaml);
    const big = buildReport(await resultsOf([join(dir, "long.yaml")]), modules, { title: "t", date: "2026-12-01", lang: "en" });
    const texts = (await cellsOf(big)).flatMap((c) => (typeof c.value === "string" ? [c.value] : []));
    const longest = Math.max(...texts.map((v) => v.length));
    const cut = texts.filter((v) => v.includes("[cut:")).map((v) => v.slice(v.indexOf("…")));
    expect(longest).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(cut).toContain("… [cut: 40001 characters, see report.json]");
    expect(cut).toContain("… [cut: 5000007 characters, see report.json]");
    expect(big.answers.find((a) => a.question === "collects_migrant_children")?.comment).toBe(`=${long}`);
    expect(big.institutions[0]!.name).toBe(huge);
  });
  it("cannot become a formula in the workbook", async () => {
    const cells = await cellsOf(hostile);
    const comments = cells.flatMap((c) => (typeof c.value === "string" && /HYPERLINK|cmd\|/.test(c.value) ? [c.value] : []));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(comments).toEqual([`'=HYPERLINK("http://evil.example","click")`, "'+cmd|' /C calc'!A0"]);
  });
});
