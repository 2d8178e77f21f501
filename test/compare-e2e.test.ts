// `assess compare` as a person runs it: the fictional rounds, the same bytes for the same
// date, and the action plan of the baseline report filled in (as a person would in Excel,
// rows moved included) and read back beside the change measured.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { Comparison } from "../src/core/compare-model.js";
import { ACTION_COLUMNS, ACTION_HEADER_ROW, ACTION_SHEET } from "../src/core/compare-action-plan.js";
import { checkSchema } from "../src/io/schema.js";
import { assess } from "./helpers/exec.js";

const ROUNDS = ["compare", "examples/baseline/answers", "examples/followup/answers", "--followup-modules", "examples/followup/modules", "--match", "examples/followup/match.csv", "--date", "2027-12-01"];

let plan: string;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), "assess-plan-"));
  const r = assess(["report", "examples/baseline/answers", "-o", dir, "--format", "xlsx", "--date", "2026-12-01"]);
  expect(r.stderr).toContain("action-plan.xlsx");
  expect(r.code).toBe(0);
  plan = join(dir, "action-plan.xlsx");
});

describe("assess compare on the fictional rounds", () => {
  it("writes the four formats, valid against schemas/compare.schema.json, and a terminal summary", () => {
    const out = mkdtempSync(join(tmpdir(), "assess-compare-"));
    const r = assess([...ROUNDS, "-o", out]);
    expect(r.stderr).toBe(`wrote ${join(out, "compare.md")}, ${join(out, "compare.html")}, ${join(out, "compare.xlsx")}, ${join(out, "compare.json")} (8 institutions compared)\n`.replaceAll(`${process.cwd()}/`, ""));
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["compare.html", "compare.json", "compare.md", "compare.xlsx"]);
    const json = JSON.parse(readFileSync(join(out, "compare.json"), "utf8")) as Comparison;
    expect(checkSchema("compare", json, "compare.json")).toEqual([]);
    expect(json.onlyFollowup.map((i) => i.name)).toEqual(["Northern Border Municipal Registration Office (fictional)"]);
    expect(r.stdout).toContain("Institutions: 8 at baseline, 9 at follow-up, 8 compared");
    expect(r.stdout).toContain("Assessed at follow-up only (new): Northern Border Municipal Registration Office (fictional)");
    expect(r.stdout).toContain("health 2.0.0 → 2.1.0 (not comparable: 2)");
    // Never replaces its files without --force.
    const again = assess([...ROUNDS, "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists; use --force");
  });

  it("gives byte-identical files for the same inputs and --date", () => {
    const a = mkdtempSync(join(tmpdir(), "assess-compare-a-"));
    const b = mkdtempSync(join(tmpdir(), "assess-compare-b-"));
    expect(assess([...ROUNDS, "-o", a, "--action-plan", plan]).code).toBe(0);
    expect(assess([...ROUNDS, "-o", b, "--action-plan", plan]).code).toBe(0);
    for (const f of ["compare.md", "compare.html", "compare.xlsx", "compare.json"]) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  });
});

/** The action plan's rows by hidden id, and the row numbers they are on. */
function rowsById(ws: ExcelJS.Worksheet): Map<string, number> {
  const out = new Map<string, number>();
  ws.eachRow((row, n) => {
    if (n > ACTION_HEADER_ROW) out.set(String(row.getCell(ACTION_COLUMNS.id).value), n);
  });
  return out;
}

/**
 * Fills the plan as a person would in Excel: a unit, statuses (in English, Thai, odd case and
 * spaces), a date, a note, and one row moved to the top by cut and paste. Returns the top row.
 */
function fillAsAPerson(ws: ExcelJS.Worksheet): number {
  const rows = rowsById(ws);
  const row = (id: string) => ws.getRow(rows.get(id)!);
  // The civil registration bureau closed its firewall gap, but its plan still says not started.
  row("bureau-civil-registration-data|firewall_immigration_enforcement").getCell(ACTION_COLUMNS.responsible).value = "Legal office";
  // The work permits division marked recording dependants done; the critical gap is still open.
  const done = row("migrant-worker-permits-data-division|lab_dependants_recorded");
  done.getCell(ACTION_COLUMNS.status).value = "Done";
  done.getCell(ACTION_COLUMNS.target).value = new Date(Date.UTC(2027, 5, 30));
  done.getCell(ACTION_COLUMNS.note).value = "Form revised; not yet in use";
  row("bureau-civil-registration-data|sharing_agreements").getCell(ACTION_COLUMNS.status).value = "  in progress ";
  row("bureau-civil-registration-data|statistical_confidentiality").getCell(ACTION_COLUMNS.status).value = "ดำเนินการแล้ว";
  row("border-provinces-education-data-office|edu_records_system").getCell(ACTION_COLUMNS.status).value = "Done";
  row("border-provinces-education-data-office|edu_records_system").getCell(ACTION_COLUMNS.responsible).value = "ICT centre";
  // Cut and paste to the top: the values change places.
  const top = ACTION_HEADER_ROW + 1;
  const from = rows.get("migrant-worker-permits-data-division|lab_dependants_recorded")!;
  const a = (ws.getRow(top).values as ExcelJS.CellValue[]).slice();
  const b = (ws.getRow(from).values as ExcelJS.CellValue[]).slice();
  ws.getRow(top).values = b;
  ws.getRow(from).values = a;
  return top;
}

describe("the demo's filled action plan", () => {
  // GENERATE_FIXTURES=examples writes examples/followup/action-plan.xlsx, which npm start reads.
  it.skipIf(!process.env.GENERATE_FIXTURES?.split(",").includes("examples"))("is the baseline's plan filled in as a person would", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(plan);
    fillAsAPerson(wb.getWorksheet(ACTION_SHEET)!);
    await wb.xlsx.writeFile("examples/followup/action-plan.xlsx");
  });

  it("reads back with no problem and flags what the demo shows", () => {
    const out = mkdtempSync(join(tmpdir(), "assess-compare-demo-"));
    const r = assess([...ROUNDS, "-o", out, "--format", "json", "--action-plan", "examples/followup/action-plan.xlsx"]);
    expect(r.stderr).not.toMatch(/\[[A-Z_]+\]/);
    expect(r.code).toBe(0);
    const c = JSON.parse(readFileSync(join(out, "compare.json"), "utf8")) as Comparison;
    expect(c.actionPlan).toMatchObject({ source: "examples/followup/action-plan.xlsx", flags: { doneGapOpen: 1 } });
    expect(c.actionPlan!.flags.notStartedGapClosed).toBeGreaterThanOrEqual(1);
  });
});

describe("the action plan, filled in and read back", () => {
  it("is protected with only the four columns to fill in, and hides its ids", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(plan);
    const ws = wb.getWorksheet(ACTION_SHEET)!;
    expect(ws.getColumn(ACTION_COLUMNS.id).hidden).toBe(true);
    const first = ACTION_HEADER_ROW + 1;
    expect(ws.getCell(first, ACTION_COLUMNS.id).value).toMatch(/^[a-z0-9-]+\|[a-z0-9_]+$/);
    const locked = (c: number) => ws.getCell(first, c).protection?.locked !== false;
    expect([ACTION_COLUMNS.responsible, ACTION_COLUMNS.target, ACTION_COLUMNS.status, ACTION_COLUMNS.note].map(locked)).toEqual([false, false, false, false]);
    expect([ACTION_COLUMNS.id, ACTION_COLUMNS.institution, ACTION_COLUMNS.question, ACTION_COLUMNS.recommendation].map(locked)).toEqual([true, true, true, true]);
    expect(ws.getCell(first, ACTION_COLUMNS.status).value).toBe("Not started");
    expect(ws.getCell(first, ACTION_COLUMNS.status).dataValidation).toMatchObject({ type: "list" });
    const xml = readFileSync(plan).length;
    expect(xml).toBeGreaterThan(5000);
  });

  it("matches each status by its hidden id, moved rows included, and flags done-but-open and not-started-but-closed", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(plan);
    const ws = wb.getWorksheet(ACTION_SHEET)!;
    const top = fillAsAPerson(ws);
    const rows = rowsById(ws);
    // A status and a date that cannot be read.
    const bad = rows.get("bureau-civil-registration-data|disclosure_control")!;
    ws.getRow(bad).getCell(ACTION_COLUMNS.status).value = "finished";
    ws.getRow(bad).getCell(ACTION_COLUMNS.target).value = "next year";
    // A row of another round's plan; a copied row; a row whose hidden id was cleared.
    const extra = ws.getRow(ws.rowCount + 1);
    extra.getCell(ACTION_COLUMNS.id).value = "someone-else|sharing_agreements";
    extra.getCell(ACTION_COLUMNS.status).value = "Done";
    const copy = ws.getRow(ws.rowCount + 1);
    copy.getCell(ACTION_COLUMNS.id).value = "bureau-civil-registration-data|sharing_agreements";
    copy.getCell(ACTION_COLUMNS.status).value = "Not planned";
    const cleared = ws.getRow(rows.get("bureau-civil-registration-data|metadata")!);
    cleared.getCell(ACTION_COLUMNS.id).value = null;
    cleared.getCell(ACTION_COLUMNS.note).value = "Metadata officer hired";
    const filled = join(mkdtempSync(join(tmpdir(), "assess-filled-")), "action-plan.xlsx");
    await wb.xlsx.writeFile(filled);

    const out = mkdtempSync(join(tmpdir(), "assess-compare-plan-"));
    const r = assess([...ROUNDS, "-o", out, "--action-plan", filled]);
    expect(r.code).toBe(1);
    const codes = [...r.stderr.matchAll(/\[([A-Z_]+)\]/g)].map((m) => m[1]);
    expect(codes.sort()).toEqual(["ACTION_DATE_INVALID", "ACTION_DUPLICATE_ID", "ACTION_ID_MISSING", "ACTION_STATUS_INVALID", "ACTION_UNKNOWN_ID"]);
    expect(r.stderr).toMatch(/'Action plan'!L\d+: warning: status "finished"/);
    const c = JSON.parse(readFileSync(join(out, "compare.json"), "utf8")) as Comparison;
    const line = (inst: string, q: string) => c.institutions.find((i) => i.baseline.id === inst)!.actions.find((x) => x.question === q)!;
    expect(line("migrant-worker-permits-data-division", "lab_dependants_recorded")).toMatchObject({ status: "done", target: "2027-06-30", note: "Form revised; not yet in use", flag: "DONE_GAP_OPEN", place: `'Action plan'!A${top}` });
    expect(line("bureau-civil-registration-data", "firewall_immigration_enforcement")).toMatchObject({ status: "not_started", responsible: "Legal office", outcome: "closed", flag: "NOT_STARTED_GAP_CLOSED" });
    expect(line("bureau-civil-registration-data", "sharing_agreements")).toMatchObject({ status: "in_progress", outcome: "closed" });
    expect(line("bureau-civil-registration-data", "statistical_confidentiality").status).toBe("done");
    expect(line("bureau-civil-registration-data", "disclosure_control").status).toBeUndefined();
    expect(c.actionPlan!.flags.doneGapOpen).toBeGreaterThanOrEqual(1);
    expect(c.actionPlan!.flags.notStartedGapClosed).toBeGreaterThanOrEqual(1);
    expect(readFileSync(join(out, "compare.md"), "utf8")).toContain("marked done, but the gap is still open");
  });

  it("is never replaced by assess report without --force, and is written only with the XLSX report", () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-plan-twice-"));
    expect(assess(["report", "examples/baseline/answers", "-o", dir, "--format", "md", "--date", "2026-12-01"]).code).toBe(0);
    expect(readdirSync(dir)).toEqual(["report.md"]);
    writeFileSync(join(dir, "action-plan.xlsx"), "filled in by a person");
    const r = assess(["report", "examples/baseline/answers", "-o", dir, "--format", "xlsx", "--date", "2026-12-01"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("action-plan.xlsx already exists; use --force to replace it");
    expect(readFileSync(join(dir, "action-plan.xlsx"), "utf8")).toBe("filled in by a person");
    expect(readdirSync(dir).sort()).toEqual(["action-plan.xlsx", "report.md"]);
  });

  it("refuses a workbook that is not an action plan, writing nothing", () => {
    const out = mkdtempSync(join(tmpdir(), "assess-compare-noplan-"));
    const r = assess([...ROUNDS, "-o", out, "--action-plan", "examples/returned/nso-surveys-fictional.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[ACTION_PLAN_INVALID]");
    expect(readdirSync(out)).toEqual([]);
  });
});
