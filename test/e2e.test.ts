// End-to-end: the built binary, run as a user would.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSchema } from "../src/io/schema.js";
import { assess } from "./helpers/exec.js";

const DEMO = ["--modules", "test/fixtures/worked-example/modules"];

describe("assess --help", () => {
  it("shows the commands, an example and the exit codes", () => {
    const r = assess(["--help"]);
    expect(r.code).toBe(0);
    for (const s of ["modules", "validate", "score", "Examples:", "$ assess score examples/answers", "Exit codes:"]) expect(r.stdout).toContain(s);
  });
  it.each(["modules", "validate", "score"])("%s --help gives a real example", (cmd) => {
    const r = assess([cmd, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`\\$ assess .*${cmd}`));
  });
  it("does not load exceljs, the workbook reader, inquirer or ajv", () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-trace-"));
    const trace = join(dir, "imports.txt");
    writeFileSync(trace, "");
    const r = assess(["--help"], { nodeArgs: ["--import", "./test/helpers/trace-imports.mjs"], env: { ASSESS_TRACE_FILE: trace } });
    expect(r.code).toBe(0);
    const loaded = readFileSync(trace, "utf8");
    expect(loaded).toContain("commander");
    expect(loaded).not.toMatch(/exceljs|xlsx-reader|saxes|fflate|@inquirer|\/ajv\/|\/yaml\//);
  });
  it("an unknown command is a usage error (exit 2)", () => {
    const r = assess(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command");
  });
});

describe("assess (the interview) without a terminal", () => {
  it.each([[[]], [["interview"]]])("%j says it needs a terminal and points to template and score (exit 2)", (args) => {
    const r = assess(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the interview needs a terminal");
    expect(r.stderr).toContain("assess template");
    expect(r.stderr).toContain("assess score");
  });
});

describe("assess modules", () => {
  it("lists id, version, title and counts by dimension", () => {
    const r = assess([...DEMO, "modules"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/demo\s+1\.0\.0\s+Worked example\s+10\s+5\s+2\s+2\s+1/);
  });
  it("--json gives the same as data", () => {
    const r = assess([...DEMO, "modules", "--json"]);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({ id: "demo", questions: 10, byDimension: { collection: 5, sharing: 2, hosting: 2, context: 1 }, datasetQuestions: 2 }),
    ]);
  });
});

describe("assess validate", () => {
  it("passes valid modules (exit 0)", () => {
    const r = assess(["validate", "--modules", "test/fixtures/broken-modules/valid"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("1 module file valid");
  });
  it("reports problems with file:line:column (exit 1)", () => {
    const r = assess(["validate", "test/fixtures/broken-modules/several/mini.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("test/fixtures/broken-modules/several/mini.yaml:30:22 sections[0].questions[1].options[2].value: option value \"full\" is listed twice");
    expect(r.stdout).toContain("3 problems in 1 of 1 module file");
  });
  it("a missing modules folder is an input error (exit 2)", () => {
    const r = assess(["validate", "--modules", "no/such/folder"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot read the modules folder no/such/folder");
  });
});

describe("assess score", () => {
  it("scores the good files, explains the bad ones and the bad answers, and exits 1", () => {
    const r = assess([...DEMO, "score", "test/fixtures/score-batch"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Good Office (fictional)");
    expect(r.stdout).toContain("JSON Office (fictional)");
    expect(r.stdout).toContain("4 scored (2 with problems), 3 failed");
    const err = r.stderr;
    expect(err).toContain('b-unknown-question.yaml:7:3 answers.demo_colects: no question "demo_colects" in modules demo; did you mean "demo_collects"?');
    expect(err).toContain('c-bad-option.yaml:6:18 answers.demo_collects: question "demo_collects": "sometimes" is not one of: yes, partly, no, dont_know, not_applicable');
    expect(err).toContain("d-version.yaml:4:18 modules.demo: answers were given for demo 2.1.0, but the loaded module is 1.0.0");
    expect(err).toContain("e-not-answers.json:1:1 format: is not an answer file");
    expect(err).toContain("f-syntax.yaml:3:1: Missing closing");
  });
  it("exits 0 when every file scores, and prints the worked example's scorecard", () => {
    const r = assess([...DEMO, "score", "test/fixtures/worked-example/answers.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Collection\s+61\.11\s+85\.71% \(6\/7\)\s+0\s+1/);
    expect(r.stdout).toMatch(/Hosting\s+12\.50\s+100\.00% \(2\/2\)\s+1\s+0/);
    expect(r.stdout).toMatch(/Overall \(mean of 3\)\s+51\.20/);
    expect(r.stdout).toContain("Critical gaps (2)");
  });
  it("--json prints results that match schemas/results.schema.json", () => {
    const r = assess([...DEMO, "score", "test/fixtures/score-batch", "--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(checkSchema("results", doc, "stdout")).toEqual([]);
    expect(doc.results.map((x: { institution: { id: string } }) => x.institution.id)).toEqual(["good-office", "unknown-q", "bad-option", "json-office"]);
    expect(doc.failed).toHaveLength(3);
    expect(doc.results[2].answers.rejected).toEqual([{ question: "demo_collects", raw: "sometimes", reason: expect.stringContaining('"sometimes" is not one of') }]);
  });
  it("-o writes results files atomically and refuses to overwrite without --force", () => {
    const out = mkdtempSync(join(tmpdir(), "assess-out-"));
    const first = assess([...DEMO, "score", "test/fixtures/worked-example/answers.yaml", "-o", out]);
    expect(first.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["example-office.results.json", "results.json"]);
    const again = assess([...DEMO, "score", "test/fixtures/worked-example/answers.yaml", "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already holds results; use --force");
    expect(assess([...DEMO, "score", "test/fixtures/worked-example/answers.yaml", "-o", out, "--force"]).code).toBe(0);
  });
  it("says where a results file belongs when it is given to score", () => {
    const out = mkdtempSync(join(tmpdir(), "assess-out-"));
    expect(assess([...DEMO, "score", "test/fixtures/worked-example/answers.yaml", "-o", out]).code).toBe(0);
    const r = assess([...DEMO, "score", join(out, "results.json")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("is a results file written by assess score -o; give it to assess report, not an answer file");
  });
  it("a path that does not exist fails alone", () => {
    const r = assess([...DEMO, "score", "nowhere.yaml", "test/fixtures/worked-example/answers.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("nowhere.yaml: no such file or folder");
    expect(r.stdout).toContain("1 scored, 1 failed");
  });
  it("the same inputs give byte-identical output", () => {
    const a = assess([...DEMO, "score", "test/fixtures/score-batch", "--json"]).stdout;
    const b = assess([...DEMO, "score", "test/fixtures/score-batch", "--json"]).stdout;
    expect(a).toBe(b);
  });
});

describe("assess score on a folder of mixed good and bad files", () => {
  it("scores what it can, explains the rest, writes results and exits 1", () => {
    const out = mkdtempSync(join(tmpdir(), "assess-batch-"));
    const r = assess(["score", "test/fixtures/workbooks", "test/fixtures/foreign-workbooks", "-o", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("6 scored (3 with problems), 15 failed");
    for (const name of ["Border Provinces Education Data Office (fictional)", "Migrant Worker Permits Data Division (fictional)", "Provincial Health Data Office (fictional)", "Child Protection Case Records Division (fictional)"]) {
      expect(r.stdout).toContain(name);
    }
    expect(r.stderr).toContain("test/fixtures/workbooks/bad/old-format.xls: not scored");
    expect(r.stderr).toContain("this is an old Excel 97-2003 workbook (.xls)");
    expect(r.stderr).toContain("test/fixtures/foreign-workbooks/group.xlsx: not scored");
    expect(r.stderr).toMatch(/invalid-values\.xlsx › 'Education of migrant children'!E\d+: question "edu_enrols_without_id": "sometimes" is not one of/);
    const doc = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(checkSchema("results", doc, "results.json")).toEqual([]);
    expect(doc.results).toHaveLength(6);
    expect(doc.failed).toHaveLength(15);
    // one per institution (a second with the same id gets -2), plus results.json
    expect(readdirSync(out).filter((f) => f.endsWith(".json"))).toHaveLength(7);
    const invalid = doc.results.find((x: { institution: { id: string } }) => x.institution.id === "peo-typos");
    expect(invalid.answers.rejected.map((x: { raw: string }) => x.raw)).toEqual(["Maybe", "many", "sometimes"]);
  });
  it("gives the same results in one thread or on two worker threads", () => {
    // A batch large enough for workers: the corpus and the foreign workbooks, six times over.
    const dir = mkdtempSync(join(tmpdir(), "assess-batch-"));
    for (let copy = 1; copy <= 6; copy++) {
      for (const from of ["test/fixtures/workbooks/returned", "test/fixtures/workbooks/bad", "test/fixtures/foreign-workbooks"]) {
        for (const f of readdirSync(from).filter((f) => /\.xlsx?$/.test(f))) copyFileSync(join(from, f), join(dir, `${copy}-${from.split("/").pop()}-${f}`));
      }
    }
    expect(readdirSync(dir).length).toBeGreaterThanOrEqual(100);
    const one = assess(["score", dir, "--json", "--jobs", "1"]);
    const two = assess(["score", dir, "--json", "--jobs", "2"]);
    expect(JSON.parse(one.stdout).results).toHaveLength(6 * 4);
    expect(two.stdout).toBe(one.stdout);
  });
  it("takes patterns, and the same inputs give byte-identical results", () => {
    const a = assess(["score", "test/fixtures/workbooks/returned/*.xlsx", "--json"]);
    const b = assess(["score", "test/fixtures/workbooks/returned/*.xlsx", "--json"]);
    expect(a.code).toBe(1);
    expect(JSON.parse(a.stdout).results).toHaveLength(3);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe("assess template", () => {
  it("writes the workbook, refuses to overwrite it, and is reproducible", () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-tpl-"));
    const file = join(dir, "q.xlsx");
    const r = assess(["template", "--modules", "general,education", "-o", file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("general 1.0.0, education 1.0.0 (both)");
    expect(assess(["template", "-o", file]).code).toBe(2);
    expect(assess(["template", "--modules", "general,education", "-o", join(dir, "q2.xlsx")]).code).toBe(0);
    expect(readFileSync(file).equals(readFileSync(join(dir, "q2.xlsx")))).toBe(true);
  });
  it("names an unknown module", () => {
    const r = assess(["template", "--modules", "general,educaton", "-o", join(tmpdir(), "never.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no module "educaton"');
  });
});

describe("assess xlsform and KoboToolbox / ODK exports", () => {
  it("writes an XLSForm with survey, choices and settings sheets", () => {
    const file = join(mkdtempSync(join(tmpdir(), "assess-xf-")), "form.xlsx");
    const r = assess(["xlsform", "--modules", "general,health", "-o", file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/survey rows, \d+ choices, version assess-[0-9a-f]{8}/);
    expect(assess(["xlsform", "--modules", "general,health", "-o", file]).code).toBe(2);
  });
  it("scores a folder of Kobo and ODK exports, one institution per submission", () => {
    const r = assess(["score", "test/fixtures/xlsform-exports", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    // Kobo XLSX 8 + Thai labels 3 + English labels 2 + Kobo CSV 8 + ODK CSV 8 (its repeat file read with it)
    expect(doc.results).toHaveLength(29);
    expect(doc.failed).toEqual([]);
    const odk = doc.results.filter((x: { source: string }) => x.source.includes("assess_children_on_the_move.csv"));
    expect(odk.map((x: { datasets: unknown[] }) => x.datasets.length)).toEqual([1, 2, 2, 2, 3, 3, 1, 2]);
  });
});

describe("assess report", () => {
  it("writes all four formats from results, byte-identical for the same inputs and date", () => {
    const results = mkdtempSync(join(tmpdir(), "assess-res-"));
    expect(assess(["score", "examples/answers", "-o", results]).code).toBe(0);
    const a = mkdtempSync(join(tmpdir(), "assess-rep-"));
    const b = mkdtempSync(join(tmpdir(), "assess-rep-"));
    // results.json and the per-institution files hold the same institutions: each counts once
    const r = assess(["report", results, "-o", a, "--date", "2026-12-01"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("(8 institutions)");
    expect(assess(["report", results, "-o", b, "--date", "2026-12-01"]).code).toBe(0);
    for (const f of ["report.md", "report.html", "report.xlsx", "report.json"]) {
      expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    }
    const model = JSON.parse(readFileSync(join(a, "report.json"), "utf8"));
    expect(checkSchema("report", model, "report.json")).toEqual([]);
    expect(model.summary.institutions).toBe(8);
    // and the same report from the answer files directly
    const c = mkdtempSync(join(tmpdir(), "assess-rep-"));
    expect(assess(["report", "examples/answers", "-o", c, "--date", "2026-12-01", "--format", "md"]).code).toBe(0);
    expect(readFileSync(join(c, "report.md"), "utf8")).toBe(readFileSync(join(a, "report.md"), "utf8").replaceAll(results, "examples/answers"));
  });
  it("refuses to overwrite, names a bad format, and reports failed inputs with exit 1", () => {
    const out = mkdtempSync(join(tmpdir(), "assess-rep-"));
    expect(assess(["report", "examples/returned", "-o", out, "--format", "md", "--date", "2026-12-01"]).code).toBe(1);
    const again = assess(["report", "examples/returned", "-o", out, "--format", "md"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("report.md already exists; use --force");
    const bad = assess(["report", "examples/returned", "-o", out, "--format", "pdf"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--format pdf: choose from md, html, xlsx, json");
  });
});
