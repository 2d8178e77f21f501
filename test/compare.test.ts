// The comparison of two rounds, built in process from the fictional baseline and follow-up:
// matching, questions that are not comparable, one-round institutions, method versions mixed,
// and escaping in every format.
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { buildComparison } from "../src/core/compare.js";
import type { CompareRound } from "../src/core/compare.js";
import { notComparableQuestions } from "../src/core/compare-questions.js";
import type { Module } from "../src/core/model.js";
import type { InstitutionResult } from "../src/core/results.js";
import { readAnswerFile } from "../src/io/answers.js";
import { loadMatch, roundModules } from "../src/io/compare-inputs.js";
import { scoreRead } from "../src/io/pipeline.js";
import { checkSchema } from "../src/io/schema.js";
import { writeWorkbook } from "../src/io/xlsx.js";
import { renderCompareHtml } from "../src/report/compare-html.js";
import { renderCompareMarkdown } from "../src/report/compare-markdown.js";
import { buildCompareWorkbook } from "../src/report/compare-xlsx.js";

let baseline: CompareRound;
let followup: CompareRound;

async function round(dir: string, modules: Module[]): Promise<CompareRound> {
  const results: InstitutionResult[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".yaml")).sort()) {
    const read = await readAnswerFile(join(dir, f));
    const r = scoreRead({ source: read.source, set: read.set!, problems: [] }, modules);
    if (!("scorecard" in r)) throw new Error(`${f} did not score`);
    results.push(r);
  }
  return { results: results.sort((a, b) => (a.institution.name < b.institution.name ? -1 : 1)), modules };
}

const OPTIONS = { title: "Rounds compared (test)", date: "2027-12-01", lang: "en" } as const;
const RENAMED = { baseline: "child-protection-case-records-division", followup: "child-protection-information-division", place: "line 2" };

beforeAll(async () => {
  baseline = await round("examples/baseline/answers", await roundModules(undefined, undefined));
  followup = await round("examples/followup/answers", await roundModules(undefined, "examples/followup/modules"));
});

describe("matching institutions between rounds", () => {
  it("pairs by id, and lists a renamed institution in both one-round lists until --match pairs it", () => {
    const { comparison: c } = buildComparison(baseline, followup, OPTIONS);
    expect(c.totals.matched).toBe(7);
    expect(c.onlyBaseline.map((i) => i.id)).toEqual(["child-protection-case-records-division"]);
    expect(c.onlyFollowup.map((i) => i.id).sort()).toEqual(["child-protection-information-division", "northern-border-municipal-registration-office"]);
    const matched = buildComparison(baseline, followup, { ...OPTIONS, match: [RENAMED] }).comparison;
    expect(matched.totals.matched).toBe(8);
    expect(matched.onlyBaseline).toEqual([]);
    const renamed = matched.institutions.find((i) => i.followup.id === RENAMED.followup)!;
    expect(renamed.match).toBe("renamed");
    expect(renamed.baseline.id).toBe(RENAMED.baseline);
  });

  it("pairs two baseline institutions merged into one, and reports ids that are in neither round", () => {
    const rows = [
      { baseline: "bureau-civil-registration-data", followup: "border-province-local-registration-office", place: "line 2" },
      { baseline: "border-province-local-registration-office", followup: "border-province-local-registration-office", place: "line 3" },
      { baseline: "no-such-baseline", followup: "no-such-followup", place: "line 4" },
    ];
    const { comparison: c, problems } = buildComparison(baseline, followup, { ...OPTIONS, match: rows });
    const merged = c.institutions.filter((i) => i.followup.id === "border-province-local-registration-office");
    expect(merged.map((i) => [i.baseline.id, i.match])).toEqual([
      ["border-province-local-registration-office", "merged"],
      ["bureau-civil-registration-data", "merged"],
    ]);
    // The civil registration bureau is paired through the merge only; its own follow-up is one-round.
    expect(c.onlyFollowup.map((i) => i.id)).toContain("bureau-civil-registration-data");
    expect(problems.map((p) => [p.code, p.args, p.place])).toEqual([
      ["MATCH_UNKNOWN_ID", { id: "no-such-baseline", round: "baseline" }, "line 4"],
      ["MATCH_UNKNOWN_ID", { id: "no-such-followup", round: "followup" }, "line 4"],
    ]);
  });
});

describe("the --match file", () => {
  it("reads pairs under an optional header, and reports rows without exactly two ids by line", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "assess-match-")), "match.csv");
    writeFileSync(file, "baseline,followup\nold-id,new-id\n\nlonely-id\na,b,c\n,new-2\n");
    const { rows, problems } = await loadMatch(file);
    expect(rows).toEqual([{ baseline: "old-id", followup: "new-id", place: "line 2" }]);
    expect(problems.map((p) => [p.code, p.args, p.place])).toEqual([
      ["MATCH_ROW_INVALID", { cells: 1 }, "line 4"],
      ["MATCH_ROW_INVALID", { cells: 3 }, "line 5"],
      ["MATCH_ROW_INVALID", { cells: 1 }, "line 6"],
    ]);
  });
});

describe("module versions that differ", () => {
  it("lists the changed and added questions of health 2.1.0 as not comparable, and compares only the others", () => {
    expect(notComparableQuestions(baseline.modules, followup.modules)).toEqual([
      { question: "hlth_child_variables", module: "health", reason: "options_changed", baseline: ["date_of_birth", "health_coverage", "legal_status", "nationality", "none", "parent_link", "residence", "sex"], followup: ["date_of_birth", "disability", "health_coverage", "legal_status", "nationality", "none", "parent_link", "residence", "sex"] },
      { question: "hlth_records_destruction_log", module: "health", reason: "only_followup" },
    ]);
    const { comparison: c } = buildComparison(baseline, followup, OPTIONS);
    expect(c.moduleChanges).toEqual([{ module: "health", title: "Health and immunisation", baseline: "2.0.0", followup: "2.1.0", notComparable: 2 }]);
    const health = c.institutions.find((i) => i.followup.id === "migrant-health-data-division")!;
    const ids = health.questions.map((q) => q.question);
    expect(ids).not.toContain("hlth_child_variables");
    expect(ids).not.toContain("hlth_records_destruction_log");
    expect(health.questions.find((q) => q.question === "hlth_history_retrievable")).toMatchObject({ baseline: { level: 3 }, followup: { level: 4 }, outcome: "closed" });
    expect(health.modules.find((m) => m.module === "health")).toMatchObject({ baselineVersion: "2.0.0", followupVersion: "2.1.0" });
  });

  it("finds nothing to exclude when both rounds use the same modules", () => {
    expect(notComparableQuestions(baseline.modules, baseline.modules)).toEqual([]);
  });
});

describe("what changed", () => {
  it("counts gaps closed and opened, critical gaps resolved, datasets dropped, and who fell back", () => {
    const { comparison: c } = buildComparison(baseline, followup, { ...OPTIONS, match: [RENAMED] });
    const dpa = c.institutions.find((i) => i.followup.id === "bureau-civil-registration-data")!;
    expect(dpa.counts.closed).toBeGreaterThanOrEqual(5);
    expect(dpa.questions.find((q) => q.question === "firewall_immigration_enforcement")).toMatchObject({ baseline: { level: 1, gap: true }, followup: { level: 4, gap: false }, outcome: "closed" });
    const dla = c.institutions.find((i) => i.followup.id === "border-province-local-registration-office")!;
    expect(dla.questions.find((q) => q.question === "firewall_immigration_enforcement")).toMatchObject({ criticalResolved: true, outcome: "improved" });
    const moe = c.institutions.find((i) => i.followup.id === "border-provinces-education-data-office")!;
    expect(moe.datasets).toEqual({ added: [], dropped: ["G-code pupil list (compiled from school spreadsheets)"], kept: 2 });
    expect(c.fellBack.map((x) => x.name)).toEqual(["Migrant Worker Permits Data Division (fictional)"]);
    expect(c.mostImproved[0]!.name).toBe("Bureau of Civil Registration Data (fictional)");
    const dol = c.institutions.find((i) => i.followup.id === "migrant-worker-permits-data-division")!;
    expect(dol.questions.find((q) => q.question === "breach_procedure")).toMatchObject({ outcome: "opened", change: -75 });
    // National figures of every institution move with the new one; the matched ones are like for like.
    expect(c.national.all.institutions).toEqual({ baseline: 8, followup: 9 });
    expect(c.national.matched.institutions).toEqual({ baseline: 8, followup: 8 });
    expect(c.totals).toMatchObject({ matched: 8, criticalResolved: 2, criticalNew: 0 });
    expect(c.recommendations[0]!.actedOn).toBe(100);
    expect(checkSchema("compare", c, "compare.json")).toEqual([]);
  });
});

describe("scoring method versions mixed", () => {
  it("marks an institution scored with another method, says so at the top, and still lists its change", () => {
    const older = followup.results.map((r) => (r.institution.id === "bureau-civil-registration-data" ? { ...r, scorecard: { ...r.scorecard, method: "1.0.0" } } : r));
    const { comparison: c } = buildComparison(baseline, { ...followup, results: older }, OPTIONS);
    expect(c.methodMixed).toBe(true);
    const dpa = c.institutions.find((i) => i.followup.id === "bureau-civil-registration-data")!;
    expect(dpa.methodChanged).toEqual({ baseline: "2.0.0", followup: "1.0.0" });
    expect(c.mostImproved.find((x) => x.name.startsWith("Bureau"))!.methodChanged).toBe(true);
    const md = renderCompareMarkdown(c);
    expect(md).toContain("Results of more than one version of the scoring method are compared (1.0.0, 2.0.0)");
    expect(md).toContain("Bureau of Civil Registration Data (fictional) †");
    expect(renderCompareHtml(c)).toContain("scored with method 2.0.0 at baseline and 1.0.0 at follow-up");
    const same = buildComparison(baseline, followup, OPTIONS).comparison;
    expect(same.methodMixed).toBe(false);
    expect(renderCompareMarkdown(same)).not.toContain("†");
  });
});

describe("escaping", () => {
  it("never lets a respondent's institution name become markup, a link or a formula", async () => {
    const hostile = "=HYPERLINK(\"http://x\")<script>alert(1)</script>";
    const rename = (r: CompareRound): CompareRound => ({ ...r, results: r.results.map((x) => (x.institution.id === "nso-population-migration-statistics" || x.institution.name.startsWith("Population") ? { ...x, institution: { ...x.institution, name: hostile } } : x)) });
    const { comparison: c } = buildComparison(rename(baseline), rename(followup), OPTIONS);
    expect(c.institutions.some((i) => i.followup.name === hostile)).toBe(true);
    const html = renderCompareHtml(c);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    const md = renderCompareMarkdown(c);
    expect(md).not.toContain("<script>");
    expect(md).not.toContain("http://x");
    const spec = buildCompareWorkbook(c);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook(spec)) as unknown as ArrayBuffer);
    const values: unknown[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => values.push(cell.value))));
    expect(values).toContain(`'${hostile}`);
    expect(values.some((v) => typeof v === "object" && v !== null && "formula" in v)).toBe(false);
  });
});
