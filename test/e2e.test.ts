// The commands as a user runs them: most in-process (test/helpers/run.ts: the same parsing,
// commands and exit codes), and a handful through the built binary (help, what --help loads,
// no terminal, worker threads, one whole report).
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSchema } from "../src/io/schema.js";
import { assess } from "./helpers/exec.js";
import { run } from "./helpers/run.js";

const DEMO = ["--modules", "test/fixtures/worked-example/modules"];

describe("assess --help", () => {
  it("shows the commands, an example and the exit codes", () => {
    const r = assess(["--help"]);
    expect(r.code).toBe(0);
    for (const s of ["modules", "validate", "score", "Examples:", "$ assess score examples/answers", "Exit codes:"]) expect(r.stdout).toContain(s);
  });
  it.each(["modules", "validate", "score"])("%s --help gives a real example", async (cmd) => {
    const r = await run([cmd, "--help"]);
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
  it("lists id, version, title and counts by dimension", async () => {
    const r = await run([...DEMO, "modules"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/demo\s+1\.0\.0\s+Worked example\s+10\s+5\s+2\s+2\s+1/);
  });
  it("--json gives the same as data", async () => {
    const r = await run([...DEMO, "modules", "--json"]);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({ id: "demo", questions: 10, byDimension: { collection: 5, sharing: 2, hosting: 2, context: 1 }, datasetQuestions: 2 }),
    ]);
  });
});

describe("assess validate", () => {
  it("passes valid modules (exit 0)", async () => {
    const r = await run(["validate", "--modules", "test/fixtures/broken-modules/valid"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("1 module file valid");
  });
  it("reports problems with file:line:column and their code (exit 1)", async () => {
    const r = await run(["validate", "test/fixtures/broken-modules/several/mini.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^test\/fixtures\/broken-modules\/several\/mini\.yaml:30:22 sections\[0\]\.questions\[1\]\.options\[2\]\.value: .+ \[DUPLICATE_OPTION\]$/m);
    expect(r.stdout).toContain("3 problems in 1 of 1 module file");
  });
  it("--lang th prints the same problems in Thai, with the same codes", async () => {
    const r = await run(["validate", "test/fixtures/broken-modules/several/mini.yaml", "--lang", "th"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('mini.yaml:30:22 sections[0].questions[1].options[2].value: ค่าตัวเลือก "full" ถูกระบุซ้ำ [DUPLICATE_OPTION]');
  });
  it("problems that stop a command are printed in the command's --lang", async () => {
    const r = await run(["--modules", "test/fixtures/broken-modules/several", "modules", "--lang", "th"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mini\.yaml:30:22 [^\n]*: [^\n]*[\u0E00-\u0E7F][^\n]* \[DUPLICATE_OPTION\]\n/);
  });
  it("--json gives the problems as codes with args, and their words", async () => {
    const r = await run(["validate", "test/fixtures/broken-modules/several/mini.yaml", "--json"]);
    const problems = JSON.parse(r.stdout).problems as { code: string; args: object; message: string }[];
    expect(problems.find((p) => p.code === "DUPLICATE_OPTION")).toMatchObject({ args: { value: "full" }, line: 30, column: 22, message: expect.any(String) });
  });
  it("prints warnings and still passes (exit 0): warnings never fail validate", async () => {
    const r = await run(["validate", "--modules", "test/fixtures/broken-modules/glossary-variant"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^test\/fixtures\/broken-modules\/glossary-variant\/mini\.yaml:16:39 sections\[0\]\.questions\[0\]\.help\.th: warning: .+ \[GLOSSARY_VARIANT\]$/m);
    expect(r.stdout).toContain("1 module file valid (1 warning)");
  });
  it("a missing modules folder is an input error (exit 2)", async () => {
    const r = await run(["validate", "--modules", "no/such/folder"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot read the modules folder no/such/folder");
  });
});

describe("assess score", () => {
  it("scores the good files, explains the bad ones and the bad answers, and exits 1", async () => {
    const r = await run([...DEMO, "score", "test/fixtures/score-batch"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Good Office (fictional)");
    expect(r.stdout).toContain("JSON Office (fictional)");
    expect(r.stdout).toContain("4 scored (2 with problems), 3 failed");
    const err = r.stderr;
    // Each problem is printed where it is, in words, with its code in brackets.
    expect(err).toMatch(/b-unknown-question\.yaml:7:3 answers\.demo_colects: .+ \[UNKNOWN_QUESTION\]\n/);
    expect(err).toMatch(/c-bad-option\.yaml:6:18 answers\.demo_collects: .+ \[INVALID_ANSWER\]\n/);
    expect(err).toMatch(/d-version\.yaml:4:18 modules\.demo: .+ \[MODULE_VERSION_MISMATCH\]\n/);
    expect(err).toMatch(/e-not-answers\.json:1:1 format: .+ \[NOT_ANSWERS\]\n/);
    expect(err).toMatch(/f-syntax\.yaml:3:1: Missing closing.* \[YAML_SYNTAX\]\n/);
  });
  it("exits 0 when every file scores, and prints the worked example's scorecard", async () => {
    const r = await run([...DEMO, "score", "test/fixtures/worked-example/answers.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Collection\s+61\.11\s+85\.71% \(6\/7\)\s+0\s+1/);
    expect(r.stdout).toMatch(/Hosting\s+12\.50\s+100\.00% \(2\/2\)\s+1\s+0/);
    expect(r.stdout).toMatch(/Overall \(mean of 3\)\s+51\.20/);
    expect(r.stdout).toContain("Critical gaps (2)");
  });
  it("--json prints results that match schemas/results.schema.json", async () => {
    const r = await run([...DEMO, "score", "test/fixtures/score-batch", "--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(checkSchema("results", doc, "stdout")).toEqual([]);
    expect(doc.results.map((x: { institution: { id: string } }) => x.institution.id)).toEqual(["good-office", "unknown-q", "bad-option", "json-office"]);
    expect(doc.failed).toHaveLength(3);
    const options = ["yes", "partly", "no", "dont_know", "not_applicable"];
    expect(doc.results[1].problems).toEqual([
      expect.objectContaining({ code: "UNKNOWN_QUESTION", args: { question: "demo_colects", in: "modules", modules: ["demo"], suggestion: "demo_collects" }, message: expect.any(String) }),
    ]);
    const invalid = { question: "demo_collects", value: "sometimes", reason: { code: "NOT_AN_OPTION", args: { value: "sometimes", options } } };
    expect(doc.results[2].problems).toEqual([expect.objectContaining({ code: "INVALID_ANSWER", args: invalid })]);
    expect(doc.results[2].answers.rejected).toEqual([{ question: "demo_collects", raw: "sometimes", reason: expect.any(String), code: "INVALID_ANSWER", args: invalid }]);
    expect(doc.failed.map((f: { problems: { code: string; args: object }[] }) => [f.problems[0]!.code, f.problems[0]!.args])).toEqual([
      ["MODULE_VERSION_MISMATCH", { module: "demo", version: "2.1.0", loaded: "1.0.0" }],
      ["NOT_ANSWERS", { kind: "format" }],
      ["YAML_SYNTAX", { detail: expect.stringContaining("Missing closing"), more: expect.any(Number) }],
    ]);
  });
  it("-o writes results files atomically and refuses to overwrite without --force", async () => {
    const out = mkdtempSync(join(tmpdir(), "assess-out-"));
    const first = await run([...DEMO, "score", "test/fixtures/worked-example/answers.yaml", "-o", out]);
    expect(first.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["example-office.results.json", "manifest.json", "results.json"]);
    const again = await run([...DEMO, "score", "test/fixtures/worked-example/answers.yaml", "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already holds results; use --force");
    expect((await run([...DEMO, "score", "test/fixtures/worked-example/answers.yaml", "-o", out, "--force"])).code).toBe(0);
  });
  it("--force replaces an earlier run's results: none of its files stays beside the new ones", async () => {
    const out = mkdtempSync(join(tmpdir(), "assess-out-"));
    expect((await run([...DEMO, "score", "test/fixtures/worked-example/answers.yaml", "-o", out])).code).toBe(0);
    const other = await run(["score", "examples/answers/nso-surveys-fictional.yaml", "-o", out, "--force"]);
    expect(other.code).toBe(0);
    expect(other.stderr).toContain("removed 2 results files of an earlier run");
    // It kept example-office.results.json, which the report did not read but the folder still held.
    expect(readdirSync(out).sort()).toEqual(["manifest.json", "population-statistics-division.results.json", "results.json"]);
  });
  it("says where a results file belongs when it is given to score", async () => {
    const out = mkdtempSync(join(tmpdir(), "assess-out-"));
    expect((await run([...DEMO, "score", "test/fixtures/worked-example/answers.yaml", "-o", out])).code).toBe(0);
    const r = await run([...DEMO, "score", join(out, "results.json"), "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).failed[0].problems).toEqual([expect.objectContaining({ code: "NOT_ANSWERS", args: { kind: "results_file" }, path: ["format"] })]);
  });
  it("a path that does not exist fails alone", async () => {
    const r = await run([...DEMO, "score", "nowhere.yaml", "test/fixtures/worked-example/answers.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nowhere\.yaml: .+ \[NOT_FOUND\]\n/);
    expect(r.stdout).toContain("1 scored, 1 failed");
  });
  it("the same inputs give byte-identical output", async () => {
    const a = (await run([...DEMO, "score", "test/fixtures/score-batch", "--json"])).stdout;
    const b = (await run([...DEMO, "score", "test/fixtures/score-batch", "--json"])).stdout;
    expect(a).toBe(b);
  });
});

describe("assess score on a folder of mixed good and bad files", () => {
  it("scores what it can, explains the rest, writes results and exits 1", async () => {
    const out = mkdtempSync(join(tmpdir(), "assess-batch-"));
    const r = await run(["score", "test/fixtures/workbooks", "test/fixtures/foreign-workbooks", "-o", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("6 scored (3 with problems), 15 failed");
    for (const name of ["Border Provinces Education Data Office (fictional)", "Migrant Worker Permits Data Division (fictional)", "Provincial Health Data Office (fictional)", "Child Protection Case Records Division (fictional)"]) {
      expect(r.stdout).toContain(name);
    }
    expect(r.stderr).toContain("test/fixtures/workbooks/bad/old-format.xls: not scored");
    expect(r.stderr).toMatch(/old-format\.xls: .+ \[WORKBOOK_XLS\]\n/);
    expect(r.stderr).toContain("test/fixtures/foreign-workbooks/group.xlsx: not scored");
    expect(r.stderr).toMatch(/invalid-values\.xlsx › 'Education of migrant children'!E\d+: .+ \[INVALID_ANSWER\]\n/);
    const doc = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(checkSchema("results", doc, "results.json")).toEqual([]);
    expect(doc.results).toHaveLength(6);
    expect(doc.failed).toHaveLength(15);
    // one per institution (a second with the same id gets -2), plus results.json and manifest.json
    expect(readdirSync(out).filter((f) => f.endsWith(".json"))).toHaveLength(8);
    const invalid = doc.results.find((x: { institution: { id: string } }) => x.institution.id === "peo-typos");
    expect(invalid.answers.rejected.map((x: { raw: string }) => x.raw)).toEqual(["Maybe", "many", "sometimes"]);
  });
  // A batch large enough for workers: the corpus and the foreign workbooks, six times over.
  const batch = () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-batch-"));
    for (let copy = 1; copy <= 6; copy++) {
      for (const from of ["test/fixtures/workbooks/returned", "test/fixtures/workbooks/bad", "test/fixtures/foreign-workbooks"]) {
        for (const f of readdirSync(from).filter((f) => /\.xlsx?$/.test(f))) copyFileSync(join(from, f), join(dir, `${copy}-${from.split("/").pop()}-${f}`));
      }
    }
    expect(readdirSync(dir).length).toBeGreaterThanOrEqual(100);
    return dir;
  };
  // Workers render what they score: standard output, standard error and every file written are the same.
  it("gives the same results in one thread or on two worker threads", { timeout: 180_000 }, () => {
    const dir = batch();
    const out = mkdtempSync(join(tmpdir(), "assess-batch-out-"));
    const one = assess(["score", dir, "--json", "--jobs", "1", "-o", join(out, "one")]);
    const two = assess(["score", dir, "--json", "--jobs", "2", "-o", join(out, "two")]);
    expect(JSON.parse(one.stdout).results).toHaveLength(6 * 4);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr.replaceAll(join(out, "two"), join(out, "one"))).toBe(one.stderr);
    const names = readdirSync(join(out, "one")).sort();
    // Each institution's file, results.json and the manifest.
    expect(names).toHaveLength(6 * 4 + 2);
    expect(readdirSync(join(out, "two")).sort()).toEqual(names);
    // The manifest records when each run started and ended: the same but for those.
    const untimed = (dir: string, name: string) => {
      const text = readFileSync(join(out, dir, name), "utf8");
      return name === "manifest.json" ? { ...JSON.parse(text), started: undefined, completed: undefined } : text;
    };
    for (const name of names) expect(untimed("two", name), name).toEqual(untimed("one", name));
  });
  it("prints the same scorecards and summary in one thread or on two worker threads", { timeout: 180_000 }, () => {
    const dir = batch();
    const cards = ["score", dir, "--scorecards", "--lang", "th"];
    const one = assess([...cards, "--jobs", "1"]);
    const two = assess([...cards, "--jobs", "2"]);
    expect(one.stdout).toContain("Summary");
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });
  it("takes patterns, and the same inputs give byte-identical results", async () => {
    const a = await run(["score", "test/fixtures/workbooks/returned/*.xlsx", "--json"]);
    const b = await run(["score", "test/fixtures/workbooks/returned/*.xlsx", "--json"]);
    expect(a.code).toBe(1);
    expect(JSON.parse(a.stdout).results).toHaveLength(3);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe("assess template", () => {
  it("writes the workbook, refuses to overwrite it, and is reproducible", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-tpl-"));
    const file = join(dir, "q.xlsx");
    const r = await run(["template", "--modules", "general,education", "-o", file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("general 2.1.0, education 2.0.0 (both)");
    expect((await run(["template", "-o", file])).code).toBe(2);
    expect((await run(["template", "--modules", "general,education", "-o", join(dir, "q2.xlsx")])).code).toBe(0);
    expect(readFileSync(file).equals(readFileSync(join(dir, "q2.xlsx")))).toBe(true);
  });
  it("names an unknown module", async () => {
    const r = await run(["template", "--modules", "general,educaton", "-o", join(tmpdir(), "never.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no module "educaton"');
  });
});

describe("assess xlsform and KoboToolbox / ODK exports", () => {
  it("writes an XLSForm with survey, choices and settings sheets", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "assess-xf-")), "form.xlsx");
    const r = await run(["xlsform", "--modules", "general,health", "-o", file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/survey rows, \d+ choices, version assess-[0-9a-f]{8}/);
    expect((await run(["xlsform", "--modules", "general,health", "-o", file])).code).toBe(2);
  });
  it("scores a folder of Kobo and ODK exports, one institution per submission", async () => {
    const r = await run(["score", "test/fixtures/xlsform-exports", "--json"]);
    // Kobo's CSV holds no datasets: its 8 submissions are scored with an error that says so, hence exit 1.
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    // Kobo XLSX 8 + Thai labels 3 + English labels 2 + Kobo CSV 8 + ODK CSV 8 (its repeat file read with it)
    expect(doc.results).toHaveLength(29);
    expect(doc.failed).toEqual([]);
    const flagged = doc.results.filter((x: { problems: { code: string }[] }) => x.problems.some((p) => p.code === "EXPORT_WITHOUT_DATASETS"));
    expect(new Set(flagged.map((x: { source: string }) => x.source.split(" › ")[0]))).toEqual(new Set(["test/fixtures/xlsform-exports/kobo-main-only.csv"]));
    const odk = doc.results.filter((x: { source: string }) => x.source.includes("assess_children_on_the_move.csv"));
    expect(odk.map((x: { datasets: unknown[] }) => x.datasets.length)).toEqual([1, 2, 2, 2, 3, 3, 1, 2]);
  });
});

describe("assess report", () => {
  it("counts an institution given twice once, and says which file counted", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-dup-"));
    writeFileSync(join(dir, "moe-copy.yaml"), readFileSync("examples/answers/moe-student-records-fictional.yaml"));
    const out = mkdtempSync(join(tmpdir(), "assess-rep-"));
    const r = await run(["report", "examples/answers", dir, "-o", out, "--format", "json", "--date", "2026-12-01"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("(8 institutions)");
    expect(r.stderr).toMatch(/warning: .*moe-copy\.yaml.* \[DUPLICATE_INSTITUTION\]/);
    const model = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(model.superseded).toEqual([expect.objectContaining({ kept: expect.objectContaining({ source: expect.stringContaining("moe-copy.yaml") }) })]);
  });
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
  it("warns about results scored with another version of the method", async () => {
    const results = mkdtempSync(join(tmpdir(), "assess-res-"));
    expect((await run([...DEMO, "score", "test/fixtures/worked-example/answers.yaml", "-o", results])).code).toBe(0);
    const file = join(results, "results.json");
    const doc = JSON.parse(readFileSync(file, "utf8"));
    doc.results[0].scorecard.method = "1.0.0";
    writeFileSync(file, JSON.stringify(doc));
    const r = await run([...DEMO, "report", file, "-o", mkdtempSync(join(tmpdir(), "assess-rep-")), "--format", "md", "--date", "2026-12-01"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/answers\.yaml: warning: .+ \[OTHER_METHOD\]\n/);
  });
  it("refuses to overwrite, names a bad format, and reports failed inputs with exit 1", async () => {
    const out = mkdtempSync(join(tmpdir(), "assess-rep-"));
    expect((await run(["report", "examples/returned", "-o", out, "--format", "md", "--date", "2026-12-01"])).code).toBe(1);
    const again = await run(["report", "examples/returned", "-o", out, "--format", "md"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("report.md already exists; use --force");
    const bad = await run(["report", "examples/returned", "-o", out, "--format", "pdf"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--format pdf: choose from md, html, xlsx, json");
  });
});
