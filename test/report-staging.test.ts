// A report is one whole, and one of thousands of institutions is still readable: every format is written to a staging folder and moved in place
// together, so a format that fails leaves the folder's earlier report as it was, and no mix.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { makeReport, reportCommand } from "../src/commands/report.js";
import { FORMAT_WRITERS } from "../src/commands/report-formats.js";
import type { FormatWriter, ReportFormat } from "../src/commands/report-formats.js";
import { INSTITUTION_PAGES_ABOVE } from "../src/core/report-pages.js";
import type { InstitutionSection, Report } from "../src/core/report-model.js";
import { ACTION_HEADER_ROW, ACTION_PLAN_FILE, ACTION_SHEET } from "../src/core/compare-action-plan.js";
import { loadActionPlan } from "../src/io/compare-inputs.js";
import type { Spilled } from "../src/io/answer-spill.js";
import { readAnswerFile } from "../src/io/answers.js";
import { requireModules } from "../src/io/modules.js";
import { scoreRead } from "../src/io/pipeline.js";
import type { InstitutionResult } from "../src/core/results.js";
import { assess } from "./helpers/exec.js";

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };
const options = (output: string) => ({ paths: ["examples/answers"], output, formats: ["md", "html", "json"] as ReportFormat[], date: "2026-12-01", force: true });

describe("a report's formats land together", () => {
  it("a format that fails leaves the earlier report whole, and nothing of the new one", async () => {
    const out = mkdtempSync(join(tmpdir(), "assess-stage-"));
    const old = { "report.md": "old md\n", "report.html": "<p>old</p>\n", "report.json": "{}\n" };
    for (const [n, t] of Object.entries(old)) writeFileSync(join(out, n), t);
    // html and md are written first; json fails, as a full disk or a bug would.
    const failing: Record<ReportFormat, FormatWriter> = { ...FORMAT_WRITERS, json: { file: "report.json", write: () => Promise.reject(new Error("injected failure")) } };
    await expect(reportCommand(options(out), quiet, failing)).rejects.toThrow("injected failure");
    expect(readdirSync(out).sort()).toEqual(Object.keys(old).sort());
    for (const [n, t] of Object.entries(old)) expect(readFileSync(join(out, n), "utf8")).toBe(t);
  });

  it("a killed run's staging folder and answer spill are removed by the next run", async () => {
    const out = mkdtempSync(join(tmpdir(), "assess-stage-"));
    mkdirSync(join(out, ".assess-stage.99999.0a1b2c3d.tmp"));
    writeFileSync(join(out, ".assess-stage.99999.0a1b2c3d.tmp", "report.md"), "half");
    writeFileSync(join(out, ".assess-stage.99999.deadbeef.tmp"), "[]");
    await reportCommand({ ...options(out), formats: ["md"] }, quiet);
    expect(readdirSync(out)).toEqual(["report.md"]);
  });

  it("a report without institution pages removes the pages an earlier report left", async () => {
    const out = mkdtempSync(join(tmpdir(), "assess-stage-"));
    mkdirSync(join(out, "institutions"));
    writeFileSync(join(out, "institutions", "old.html"), "old");
    await reportCommand(options(out), quiet);
    expect(readdirSync(out).sort()).toEqual(["report.html", "report.json", "report.md"]);
  });
});

describe("a report of more institutions than one page holds", () => {
  it("keeps the summary, heatmaps and data map in report.html and report.md, and writes each institution as a page, linked", async () => {
    const scored = mkdtempSync(join(tmpdir(), "assess-scale-"));
    expect(assess(["score", "examples/answers", "-o", scored]).code).toBe(0);
    const one = readdirSync(scored).find((f) => f.endsWith(".results.json"))!;
    const doc = JSON.parse(readFileSync(join(scored, one), "utf8")) as { results: { source: string; institution: { id: string; name: string } }[] };
    const many = mkdtempSync(join(tmpdir(), "assess-many-"));
    const n = INSTITUTION_PAGES_ABOVE + 1;
    for (let k = 1; k <= n; k++) {
      const r = doc.results[0]!;
      const copy = { ...doc, results: [{ ...r, source: `copy-${k}.yaml`, institution: { ...r.institution, id: `copy-${k}`, name: `Copy ${k} <b>of</b> one (fictional)` } }] };
      writeFileSync(join(many, `copy-${k}.results.json`), JSON.stringify(copy));
    }
    const out = mkdtempSync(join(tmpdir(), "assess-pages-"));
    const all = { paths: [many], date: "2026-12-01", allowIncomplete: true, force: true };
    await reportCommand({ ...all, output: out }, quiet);
    const pages = readdirSync(join(out, "institutions")).sort();
    expect(pages).toHaveLength(2 * n);
    expect(pages[0]).toBe("001-copy-1.html");
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain('<a href="institutions/001-copy-1.html">Copy 1 &lt;b&gt;of&lt;/b&gt; one (fictional)</a>');
    expect(html).toContain('id="heatmap-institutions"');
    expect(html).not.toContain('class="institution"');
    const md = readFileSync(join(out, "report.md"), "utf8");
    expect(md).toContain("- [Copy 1 &lt;b&gt;of&lt;/b&gt; one (fictional)](institutions/001-copy-1.md)");
    const page = readFileSync(join(out, "institutions", "001-copy-1.html"), "utf8");
    expect(page).toContain('<a href="../report.html#institutions">');
    expect(page).toContain('<section class="institution" id="inst-copy-1"><h3>Copy 1 &lt;b&gt;of&lt;/b&gt; one (fictional)</h3>');
    expect(readFileSync(join(out, "institutions", "001-copy-1.md"), "utf8")).toContain("### Copy 1 &lt;b&gt;of&lt;/b&gt; one (fictional)");
    // The workbook, streamed: no sheet per institution, every answer row of report.json, the same bytes twice.
    const json = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as { answers: unknown[]; institutions: unknown[] };
    expect(json.institutions).toHaveLength(n);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "report.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Data map", "Cross-cutting", "Answers", "Methodology"]);
    expect(wb.getWorksheet("Answers")!.actualRowCount).toBe(json.answers.length + 1);
    expect(wb.getWorksheet("Summary")!.actualRowCount).toBeGreaterThan(n);
    // The action plan, streamed too: a row per recommendation, protected, with its lists, read back as compare reads it.
    const plan = await loadActionPlan(join(out, ACTION_PLAN_FILE), "en");
    expect(plan.problems).toEqual([]);
    expect(plan.rows).toHaveLength((json.institutions as { gaps: unknown[] }[]).reduce((k, i) => k + i.gaps.length, 0));
    const ap = new ExcelJS.Workbook();
    await ap.xlsx.readFile(join(out, ACTION_PLAN_FILE));
    // exceljs reads both, but its types name neither.
    const sheet = ap.getWorksheet(ACTION_SHEET) as unknown as { sheetProtection: unknown; dataValidations: { model: Record<string, unknown> } };
    expect(sheet.sheetProtection).toMatchObject({ sheet: true });
    const rows = plan.rows.length + ACTION_HEADER_ROW;
    // exceljs reads a range's validation back cell by cell.
    for (const r of [ACTION_HEADER_ROW + 1, rows]) expect(sheet.dataValidations.model[`L${r}`]).toMatchObject({ type: "list" });
    // The date check: one validation over the column, its formula on the first row (Excel reads it relative to each cell).
    const first = ACTION_HEADER_ROW + 1;
    for (const r of [first, rows]) expect(sheet.dataValidations.model[`K${r}`]).toMatchObject({ type: "custom", formulae: [`OR(ISBLANK(K${first}),ISNUMBER(K${first}))`] });
    const again = mkdtempSync(join(tmpdir(), "assess-pages-"));
    await reportCommand({ ...all, output: again }, quiet);
    for (const f of ["report.xlsx", "report.docx", "report.json", "report.html", ACTION_PLAN_FILE]) expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
  }, 300_000);
});

describe("a report of thousands, made one institution at a time", () => {
  it("is the report made in memory, its long tables and sections read back from disk, and holds none of the results it read", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const modules = await requireModules();
    const examples = readdirSync("examples/answers").filter((f) => f.endsWith(".yaml")).sort();
    const scored: InstitutionResult[] = [];
    for (const f of examples) {
      const read = await readAnswerFile(`examples/answers/${f}`);
      scored.push(scoreRead({ source: read.source, set: read.set!, problems: [] }, modules) as InstitutionResult);
    }
    const n = INSTITUTION_PAGES_ABOVE + 1;
    const seen: WeakRef<InstitutionResult>[] = [];
    // Each result made as it is read, as the report reads them back from disk, and watched.
    const results = (watch: boolean): Spilled<InstitutionResult> => ({
      batches: async function* () {
        for (let k = 0; k < n; k++) {
          const r = structuredClone(scored[k % scored.length]!);
          r.institution = { ...r.institution, id: `${r.institution.id}-${k}`, name: `${r.institution.name} ${k}` };
          if (watch) seen.push(new WeakRef(r));
          yield r;
        }
      },
    });
    const options = { title: "t", date: "2026-12-01", lang: "en" as const };
    const dir = mkdtempSync(join(tmpdir(), "assess-tables-"));
    const onDisk = await makeReport(results(true), modules, options, dir);
    // A WeakRef holds its target until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(seen).toHaveLength(n);
    expect(seen.filter((r) => r.deref() !== undefined)).toHaveLength(0);
    expect(onDisk.onDisk).toBe(true);
    const inMemory = await makeReport(results(false), modules, options);
    expect(inMemory.onDisk).toBe(false);
    const whole = (r: Report) => JSON.parse(JSON.stringify({ ...r, heatmap: { ...r.heatmap, institutions: [...r.heatmap.institutions] }, dataMap: { ...r.dataMap, rows: [...r.dataMap.rows] }, crossCutting: { ...r.crossCutting, sharing: [...r.crossCutting.sharing], firewallMissing: [...r.crossCutting.firewallMissing] } })) as Report;
    const a = whole(onDisk.report);
    const b = whole(inMemory.report);
    expect(a.dataMap.rows.length).toBeGreaterThan(n);
    expect(a.crossCutting.firewallMissing.length).toBeGreaterThan(0);
    expect(a).toEqual({ ...b, institutions: [] });
    // Read twice, as two formats read them.
    expect([...onDisk.report.dataMap.rows]).toEqual(a.dataMap.rows);
    const sections: InstitutionSection[] = [];
    for await (const s of onDisk.sections.batches()) sections.push(s);
    expect(sections).toEqual(b.institutions);
    await onDisk.remove();
    expect(readdirSync(dir)).toEqual([]);
  });
});
