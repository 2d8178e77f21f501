// The hostile corpus of issue 14 (test/fixtures/hostile/, and the huge and special inputs made
// at test time) with two good files, through ONE `assess score` run of the built binary: each
// bad input gets its code, the good ones are scored, the batch goes on, no temporary file is
// left, and the run stays under the documented bounds (README, Limits: 1 GB of memory, 60 s
// an input). The bounds are asserted as bounds, generously, never as a benchmark: the machine
// may be busy with other work.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT } from "./helpers/exec.js";
import { AS_ROOT, NOBODY } from "./helpers/nobody.js";
import { GOOD_WORKBOOK, HOSTILE, copyGood, generateHostile, makeLargeHostile, sparse } from "./helpers/hostile-corpus.js";

const GB = 1024 * 1024 * 1024;
const SECONDS_PER_INPUT = 60;

/** Root reads everything: the chmod 000 inputs are in the run only when it can be made as nobody. */
const dropTo = NOBODY ?? (AS_ROOT ? undefined : []);
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

// [input, codes of its problems, args of the first (in part), scored?]
const EXPECTED: [string, string[], object | undefined, boolean][] = [
  ["date-serial-1e12.xlsx", ["DATE_MISSING"], { in: "workbook", reason: { code: "NOT_A_DATE", args: { text: "1000000000000" } } }, false],
  ["date-serials-datasets.xlsx", ["INVALID_ANSWER", "INVALID_ANSWER", "INVALID_ANSWER"], { question: "ds_last_updated", value: "1000000000000" }, true],
  ["dense-3.1-million-cells.xlsx", ["WORKBOOK_TOO_LARGE"], { limit: "cells", max: 3_000_000 }, false],
  ["duplicate-entry.xlsx", ["WORKBOOK_DUPLICATE_ENTRY"], { entry: "xl/worksheets/sheet1.xml" }, false],
  ["far-cells-60-sheets.xlsx", ["NOT_QUESTIONNAIRE"], { kind: "no_meta" }, false],
  ["huge-200mb.csv", ["TOO_LARGE"], { what: "csv" }, false],
  ["huge-200mb.xlsx", ["TOO_LARGE"], { what: "workbook", bytes: 200 * 1024 * 1024 }, false],
  ["huge-200mb.yaml", ["FILE_TOO_LARGE"], { what: "answers", bytes: 200 * 1024 * 1024 }, false],
  ["merged-20000-ranges.xlsx", ["NOT_QUESTIONNAIRE"], { kind: "no_meta" }, false],
  ["merged-range-10-million-cells.xlsx", ["WORKBOOK_TOO_LARGE"], { limit: "cells" }, false],
  ["meta-modules-null.xlsx", ["META_DAMAGED"], { kind: "modules" }, true],
  ["meta-modules-number.xlsx", ["META_DAMAGED"], { kind: "modules" }, true],
  ["meta-sheets-list.xlsx", ["META_DAMAGED"], { kind: "sheets" }, true],
  ["pipe.yaml", ["SPECIAL_FILE"], { kind: "fifo" }, false],
  ["sheet-100000-rows.xlsx", ["SHEET_TOO_LARGE"], { rows: 100_000, maxRows: 5000 }, false],
  ["terminal-escapes.csv", ["INVALID_ANSWER"], undefined, true],
  ["xml-billion-laughs.xlsx", ["WORKBOOK_CORRUPT"], { detail: expect.stringContaining("DOCTYPE") }, false],
  ["xml-external-entity.xlsx", ["WORKBOOK_CORRUPT"], { detail: expect.stringContaining("DOCTYPE") }, false],
  ["xml-undefined-entity.xlsx", ["WORKBOOK_CORRUPT"], { detail: expect.stringContaining("xl/sharedStrings.xml") }, false],
  ["yaml-billion-laughs.yaml", ["YAML_ALIASES"], { max: 100 }, false],
  ["yaml-custom-tag.yaml", ["YAML_TAG"], undefined, false],
  ["yaml-deep-nesting.yaml", ["YAML_SYNTAX"], undefined, false],
  ["zero.xlsx", ["SPECIAL_FILE"], { kind: "device", target: "/dev/zero" }, false],
  ["zip-bomb-declared.xlsx", ["WORKBOOK_TOO_LARGE"], { limit: "ratio" }, false],
  ["zip-lies-about-sizes.xlsx", ["WORKBOOK_TOO_LARGE"], { limit: "inflated", max: 100 * 1024 * 1024 }, false],
  ["zip64.xlsx", ["WORKBOOK_ZIP64"], undefined, false],
  ["good-dla.yaml", [], undefined, true],
  ["good-moe-education.xlsx", [], undefined, true],
];
const LOCKED: [string, string[], object | undefined, boolean][] = [
  ["locked-folder", ["READ_FAILED"], { detail: "permission denied (EACCES)" }, false],
  ["locked.xlsx", ["READ_FAILED"], { detail: "permission denied (EACCES)" }, false],
];

let work: string;
beforeAll(async () => {
  // GENERATE_FIXTURES=hostile rewrites the committed part of the corpus.
  if ((process.env.GENERATE_FIXTURES ?? "").includes("hostile")) await generateHostile();
  work = mkdtempSync(join(tmpdir(), "assess-hostile-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Outcome {
  source: string;
  problems: { code: string; args: object; place?: string }[];
}

/** Runs the built binary, as nobody when `as` says so, and measures its peak memory (bytes) and wall time (s). */
function measured(args: string[], as: string[]) {
  const stats = join(work, `time-${Date.now()}.txt`);
  const argv = [...(TIME ? [TIME, "-f", "%M %e", "-o", stats] : []), ...as, process.execPath, BIN, ...args];
  const started = performance.now();
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } });
  const seconds = (performance.now() - started) / 1000;
  const [kb, wall] = TIME ? readFileSync(stats, "utf8").trim().split(/\s+/).slice(-2).map(Number) : [undefined, seconds];
  return { ...r, peakBytes: kb === undefined ? undefined : kb * 1024, seconds: wall ?? seconds };
}

describe("the hostile corpus through one assess score run of the built binary", () => {
  it("gives each bad input its code, scores the good ones, goes on, leaves nothing behind, within the bounds", () => {
    const inputs = join(work, "inputs");
    const out = join(work, "out");
    mkdirSync(inputs);
    for (const f of readdirSync(HOSTILE).filter((f) => f !== "README.md")) copyFileSync(join(HOSTILE, f), join(inputs, f));
    makeLargeHostile(inputs);
    copyGood(inputs);
    const expected = [...EXPECTED, ...(dropTo ? LOCKED : [])];
    if (dropTo) {
      copyFileSync(GOOD_WORKBOOK, join(inputs, "locked.xlsx"));
      mkdirSync(join(inputs, "locked-folder"));
      copyFileSync(GOOD_WORKBOOK, join(inputs, "locked-folder", "inside.xlsx"));
      for (const f of ["locked.xlsx", "locked-folder"]) chmodSync(join(inputs, f), 0o000);
      // nobody writes the results and reads the rest.
      for (const d of [work, inputs]) chmodSync(d, 0o777);
    }
    const r = measured(["score", inputs, "--json", "-o", out], dropTo ?? []);
    expect(r.status, r.stderr.slice(-2000)).toBe(1);
    expect(r.stderr).not.toContain("internal error");
    // Nothing from an input reaches the terminal raw: no escape character, no bell.
    expect(r.stdout + r.stderr).not.toContain("\u001b");
    expect(r.stdout + r.stderr).not.toContain("\u0007");
    const doc = JSON.parse(r.stdout) as { results: Outcome[]; failed: Outcome[] };
    const name = (o: Outcome) => o.source.slice(inputs.length + 1);
    const seen = [...doc.results.map((o) => [name(o), o, true] as const), ...doc.failed.map((o) => [name(o), o, false] as const)].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expect(seen.map(([n, o, scored]) => [n, o.problems.map((p) => p.code), scored])).toEqual(expected.map(([n, codes, , scored]) => [n, codes, scored]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
    for (const [n, , args] of expected) if (args) expect(seen.find(([s]) => s === n)![1].problems[0]!.args, n).toMatchObject(args);
    // Dates out of range are answer problems with the cell's place.
    expect(seen.find(([s]) => s === "date-serial-1e12.xlsx")![1].problems[0]!.place).toBe("Institution!C11");
    expect(seen.find(([s]) => s === "date-serials-datasets.xlsx")![1].problems.map((p) => p.place)).toEqual(["Datasets!D83", "Datasets!E83", "Datasets!F85"]);
    // The results are written, and no temporary file is left anywhere.
    expect(JSON.parse(readFileSync(join(out, "results.json"), "utf8")).failed).toHaveLength(expected.filter(([, , , s]) => !s).length);
    const left = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".tmp"));
    expect([...left(out), ...left(inputs).filter((f) => !f.startsWith("locked"))]).toEqual([]);
    // The bounds: a generous bound, not a benchmark.
    console.info(`hostile corpus: ${expected.length} inputs, peak ${r.peakBytes === undefined ? "?" : Math.round(r.peakBytes / 1048576)} MB, ${r.seconds.toFixed(1)} s`);
    if (r.peakBytes !== undefined) expect(r.peakBytes).toBeLessThan(GB);
    expect(r.seconds).toBeLessThan(SECONDS_PER_INPUT * expected.length);
    if (dropTo) for (const f of ["locked.xlsx", "locked-folder"]) chmodSync(join(inputs, f), 0o755);
  }, 1_800_000);

  it("a module file of 200 MB is refused before it is read, within the bounds (exit 2, the file named)", () => {
    const modules = join(work, "modules");
    mkdirSync(modules);
    copyFileSync("modules/general.yaml", join(modules, "general.yaml"));
    sparse(join(modules, "huge.yaml"), 200 * 1024 * 1024);
    const r = measured(["score", "--modules", modules, GOOD_WORKBOOK], []);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(join(modules, "huge.yaml"));
    expect(r.stderr).toContain("[FILE_TOO_LARGE]");
    if (r.peakBytes !== undefined) expect(r.peakBytes).toBeLessThan(GB);
    expect(r.seconds).toBeLessThan(SECONDS_PER_INPUT);
  }, 120_000);
});
