// Inputs given as patterns are expanded by assess itself (Windows shells do not), in one order.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandInputs } from "../src/io/inputs.js";
import { assess } from "./helpers/exec.js";

const R = "examples/returned";
const ALL = ["dla-local-registration", "dol-work-permits", "dpa-civil-registration", "imm-detention", "moe-student-records", "moph-migrant-health", "msdhs-child-protection", "nso-surveys"].map((n) => `${R}/${n}-fictional.xlsx`);
const DLA = `${R}/dla-local-registration-fictional.xlsx`;
const DOL = `${R}/dol-work-permits-fictional.xlsx`;

// pattern, files it gives
const cases: [string, string[]][] = [
  ["examples/*/dla*.xlsx", [DLA]],
  [`${R}/{dla,dol}*.xlsx`, [DLA, DOL]],
  ["examples/**/returned/*.xlsx", [...ALL, `${R}/zz-attachment-cut-short.xlsx`]],
  [`${R}/D[LO]?-*.XLSX`, [DLA, DOL]],
];

describe("input patterns", () => {
  it.each(cases)("%s", async (pattern, files) => {
    expect(await expandInputs([pattern])).toEqual({ files, failed: [] });
  });

  it("a pattern that matches nothing is a failed input with its message", async () => {
    const r = await expandInputs(["examples/*/nothing*.xlsx"]);
    expect(r.files).toEqual([]);
    expect(r.failed.map((f) => [f.source, f.problems.map((p) => [p.code, p.args])])).toEqual([["examples/*/nothing*.xlsx", [["NOT_FOUND", { kind: "pattern" }]]]]);
  });

  it("sorts folder by folder, skips spreadsheet lock files, and reads a file whose name looks like a pattern as named", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-glob-")).replaceAll("\\", "/");
    mkdirSync(join(dir, "a"));
    mkdirSync(join(dir, "a-b"));
    for (const f of ["a/z.xlsx", "a-b/a.xlsx", "~$a.xlsx", "moe (1).xlsx"]) writeFileSync(join(dir, f), "");
    expect((await expandInputs([`${dir}/**/*.xlsx`])).files).toEqual([`${dir}/a/z.xlsx`, `${dir}/a-b/a.xlsx`, `${dir}/moe (1).xlsx`]);
    expect((await expandInputs([`${dir}/moe (1).xlsx`])).files).toEqual([`${dir}/moe (1).xlsx`]);
  });

  it("the binary expands a brace pattern in the working folder", () => {
    const r = assess(["score", "{dla,dol}*.xlsx", "--json"], { cwd: R });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results.map((x: { source: string }) => x.source)).toEqual(["dla-local-registration-fictional.xlsx", "dol-work-permits-fictional.xlsx"]);
  });
});
