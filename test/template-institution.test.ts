// Templates for the institution that answers them, and modules left wholly empty in a
// workbook of all modules: not answered, not scored as missing answers.
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerSet } from "../src/core/answers.js";
import type { Module } from "../src/core/model.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import type { InstitutionResult } from "../src/core/results.js";
import { answersFromBook } from "../src/core/workbook-answers.js";
import { readAnswerFile } from "../src/io/answers.js";
import { requireModules } from "../src/io/modules.js";
import { scoreRead } from "../src/io/pipeline.js";
import { buildTemplate, contentHash } from "../src/io/template.js";
import { writeWorkbook } from "../src/io/xlsx.js";
import { readXlsx } from "../src/io/xlsx-reader.js";
import { fillWorkbook } from "./helpers/fill-workbook.js";

let modules: Module[];
let set: AnswerSet;
beforeAll(async () => {
  modules = await requireModules();
  set = (await readAnswerFile("examples/answers/moe-student-records-fictional.yaml")).set!;
}, 30_000);

function read(buf: Buffer) {
  const r = readXlsx(buf);
  if (!r.ok) throw new Error(r.code);
  return answersFromBook(r.book, "x.xlsx", modules, contentHash);
}

describe("a module sheet left wholly empty in a workbook of all modules", () => {
  it("is reported as not answered and left off the scorecard and completeness", async () => {
    const all = await writeWorkbook(buildTemplate(buildQuestionnaire(modules, modules.map((m) => m.id)), "both", new Date(0)).spec);
    const r = read(await fillWorkbook(all, set, modules, { labels: "en" }));
    const others = modules.map((m) => m.id).filter((id) => !(id in set.modules));
    expect(r.problems.map((p) => [p.code, p.severity, (p.args as { module: string }).module])).toEqual(others.map((id) => ["MODULE_NOT_ANSWERED", "warning", id]));
    const result = scoreRead(r, modules) as InstitutionResult;
    const expected = scoreRead({ source: "a", set, problems: [] }, modules) as InstitutionResult;
    expect(result.scorecard.modules.map((m) => m.id)).toEqual(Object.keys(set.modules));
    expect(result.scorecard.dimensions).toEqual(expected.scorecard.dimensions);
  });

  it("a module with one answer counts as today: its other questions are missing answers", async () => {
    const all = await writeWorkbook(buildTemplate(buildQuestionnaire(modules, modules.map((m) => m.id)), "both", new Date(0)).spec);
    const withHealth: AnswerSet = { ...set, answers: { ...set.answers, hlth_data_held: { value: "dont_know" } } };
    const r = read(await fillWorkbook(all, withHealth, modules, { labels: "en" }));
    expect(r.problems.map((p) => (p.args as { module: string }).module)).not.toContain("health");
    expect(Object.keys(r.set!.modules)).toContain("health");
  });
});

describe("a template for one institution", () => {
  it("has the modules suggested for its ministry, as the interview ticks them, its name filled in, and says which modules it covers", async () => {
    const { templateCommand } = await import("../src/commands/template.js");
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "assess-inst-"));
    const quiet = { stdout: { write: () => true }, stderr: { write: () => true } } as never;
    const r = await templateCommand({ institution: "Basic Education Data Office", ministry: "Ministry of Education", output: join(dir, "moe.xlsx") }, quiet);
    expect(Object.keys(r.meta.modules)).toEqual(["general", "education"]);
    expect(r.meta.institution).toBe("Basic Education Data Office");
    const book = readXlsx(readFileSync(join(dir, "moe.xlsx")));
    if (!book.ok) throw new Error(book.code);
    const inst = book.book.sheet("Institution")!;
    const rowOf = (key: string) => [...Array(inst.rowCount).keys()].map((i) => i + 1).find((r) => inst.cell(r, 1).kind !== "empty" && (inst.cell(r, 1) as { text: string }).text === key)!;
    expect(inst.cell(rowOf("institution_name"), 3)).toMatchObject({ text: "Basic Education Data Office" });
    expect((inst.cell(rowOf("modules_covered"), 3) as { text: string }).text).toContain("Education of migrant children");
    // Its modules were chosen for it: an empty one there is missing answers, not "not answered".
    const answered = read(await fillWorkbook(readFileSync(join(dir, "moe.xlsx")), { ...set, answers: Object.fromEntries(Object.entries(set.answers).filter(([k]) => !k.startsWith("edu_"))) }, modules, { labels: "en" }));
    expect(answered.problems.map((p) => p.code)).not.toContain("MODULE_NOT_ANSWERED");
    expect(Object.keys(answered.set!.modules)).toContain("education");
  });

  it("a batch makes one workbook per listed institution, named by its id, never over an existing one, and codes the bad rows", async () => {
    const { templateCommand } = await import("../src/commands/template.js");
    const { existsSync, mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "assess-batch-"));
    const csv = join(dir, "institutions.csv");
    writeFileSync(csv, "name,ministry,modules,language\nBorder Education Office,Ministry of Education,,th\nLabour Data Centre,,general labour_migration,en\n,Ministry of Labour,,\nHealth Unit,Ministry of Nowhere,,\nOther Office,,general made_up,\nBorder Education Office,moe,,\n");
    const quiet = { stdout: { write: () => true }, stderr: { write: () => true } } as never;
    const out = join(dir, "out");
    const err = await templateCommand({ for: csv, output: out }, quiet).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 1 });
    const { problems, written } = err as { problems: { code: string; args: { line: number; reason: string } }[]; written: string[] };
    expect(problems.map((p) => [p.code, p.args.line, p.args.reason])).toEqual([
      ["TEMPLATE_ROW", 4, "no_name"],
      ["TEMPLATE_ROW", 5, "no_modules"],
      ["TEMPLATE_ROW", 6, "unknown_module"],
      ["TEMPLATE_ROW", 7, "duplicate"],
    ]);
    expect(written.map((w) => w.slice(out.length + 1))).toEqual(["border-education-office.xlsx", "labour-data-centre.xlsx"]);
    expect(existsSync(join(out, "border-education-office.xlsx"))).toBe(true);
    // Run again: the files are there, and are not replaced without --force.
    await expect(templateCommand({ for: csv, output: out }, quiet)).rejects.toThrow(/already exists/);
  });
});
