// Inputs that may not be read (chmod 000 on a workbook, a CSV, an answer file, a folder): each
// is READ_FAILED naming the path, and the batch goes on. Root reads everything, so the fault is
// injected into the file system layer in-process, and the real chmod is tried through the
// built binary as an unprivileged user (setpriv), which a root test run can become.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { readCsvAnswers } from "../src/io/ingest-csv.js";
import { expandInputs } from "../src/io/inputs.js";
import { requireModules } from "../src/io/modules.js";
import { BIN, ROOT } from "./helpers/exec.js";
import { AS_ROOT, NOBODY } from "./helpers/nobody.js";
import { run } from "./helpers/run.js";

/** Paths whose name holds "locked" cannot be opened, listed or looked at, as if chmod 000 for a normal user. */
vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const denied = (syscall: string, path: unknown) => Object.assign(new Error(`EACCES: permission denied, ${syscall} '${String(path)}'`), { code: "EACCES", syscall, path });
  const locked = (path: unknown) => /locked/.test(String(path));
  // "locked-in" is a folder that may be listed but whose files may not be looked at (no x bit).
  const beneath = (path: unknown) => /locked-in\/./.test(String(path));
  return {
    ...real,
    open: (async (path, ...rest) => (locked(path) ? Promise.reject(denied("open", path)) : real.open(path, ...rest))) as typeof real.open,
    // "unlisted" may be entered but not listed (x without r).
    readdir: (async (path, ...rest) => ((locked(path) && !/locked-in$/.test(String(path))) || /unlisted$/.test(String(path)) ? Promise.reject(denied("scandir", path)) : (real.readdir as (...a: unknown[]) => unknown)(path, ...rest))) as typeof real.readdir,
    stat: (async (path, ...rest) => (beneath(path) ? Promise.reject(denied("stat", path)) : real.stat(path, ...rest))) as typeof real.stat,
  };
});

const GOOD_XLSX = "test/fixtures/workbooks/returned/moe-education.xlsx";
const GOOD_YAML = "examples/answers/dla-local-registration-fictional.yaml";

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "assess-unreadable-"));
  copyFileSync(GOOD_XLSX, join(dir, "a-locked.xlsx"));
  copyFileSync("test/fixtures/workbooks/returned/health-office.csv", join(dir, "b-locked.csv"));
  copyFileSync(GOOD_YAML, join(dir, "c-locked.yaml"));
  mkdirSync(join(dir, "d-locked-folder"));
  copyFileSync(GOOD_XLSX, join(dir, "d-locked-folder", "inside.xlsx"));
  copyFileSync(GOOD_XLSX, join(dir, "z-good.xlsx"));
  return dir;
}

const codeArgs = (ps: readonly { code: string; args: unknown }[]) => ps.map((p) => [p.code, p.args]);

describe("an input that may not be read (the fault injected)", () => {
  it("a folder that may not be listed is named, and the rest of the folder is found", async () => {
    const dir = folder();
    const { files, failed } = await expandInputs([dir]);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(["a-locked.xlsx", "b-locked.csv", "c-locked.yaml", "z-good.xlsx"]);
    expect(failed.map((f) => [f.source, codeArgs(f.problems)])).toEqual([[join(dir, "d-locked-folder"), [["READ_FAILED", { detail: "permission denied (EACCES)" }]]]]);
  });

  it("a file in a folder that may not be entered is READ_FAILED, not NOT_FOUND", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "assess-unreadable-")), "locked-in");
    mkdirSync(dir);
    copyFileSync(GOOD_XLSX, join(dir, "moe.xlsx"));
    const { failed } = await expandInputs([join(dir, "moe.xlsx"), join(dir, "gone.xlsx")]);
    expect(failed.map((f) => codeArgs(f.problems)[0]![0])).toEqual(["READ_FAILED", "READ_FAILED"]);
  });

  it("an ODK export in a folder that may be entered but not listed is read without its repeat file", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "assess-unreadable-")), "unlisted");
    mkdirSync(dir);
    for (const f of ["assess_children_on_the_move.csv", "assess_children_on_the_move-datasets.csv"]) copyFileSync(join("test/fixtures/xlsform-exports", f), join(dir, f));
    const modules = await requireModules();
    const main = await readCsvAnswers(join(dir, "assess_children_on_the_move.csv"), modules);
    expect(main.length).toBeGreaterThan(0);
    expect(main.every((m) => m.set !== undefined)).toBe(true);
    const repeat = await readCsvAnswers(join(dir, "assess_children_on_the_move-datasets.csv"), modules);
    expect(repeat.map((r) => codeArgs(r.problems))).toEqual([[["REPEAT_WITHOUT_MAIN", { main: "assess_children_on_the_move.csv", where: "missing" }]]]);
  });

  it("every kind of file is READ_FAILED with the reason; the batch goes on and exits 1", async () => {
    const dir = folder();
    const out = mkdtempSync(join(tmpdir(), "assess-unreadable-out-"));
    const r = await run(["score", dir, "--json", "-o", out]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { results: { source: string }[]; failed: { source: string; problems: { code: string; args: unknown }[] }[] };
    expect(doc.results.map((x) => x.source)).toEqual([join(dir, "z-good.xlsx")]);
    expect(doc.failed.map((f) => [f.source.slice(dir.length + 1), codeArgs(f.problems)])).toEqual([
      ["d-locked-folder", [["READ_FAILED", { detail: "permission denied (EACCES)" }]]],
      ["a-locked.xlsx", [["READ_FAILED", { detail: "permission denied (EACCES)" }]]],
      ["b-locked.csv", [["READ_FAILED", { detail: "permission denied (EACCES)" }]]],
      ["c-locked.yaml", [["READ_FAILED", { detail: "permission denied (EACCES)" }]]],
    ]);
    expect(r.stderr).not.toContain("internal error");
  });
});

/** Root may read anything: the real chmod 000 is tried as `nobody` when the test runs as root and setpriv is there. */
const asRoot = AS_ROOT;
const realRun = !asRoot || NOBODY !== undefined;

describe.skipIf(!realRun)(`chmod 000 for real, through the built binary${asRoot ? " as nobody (setpriv)" : ""}`, () => {
  it("a workbook, a CSV, an answer file and a subfolder that may not be read are named; the good file is scored", () => {
    const dir = folder();
    for (const name of ["a-locked.xlsx", "b-locked.csv", "c-locked.yaml", "d-locked-folder"]) chmodSync(join(dir, name), 0o000);
    chmodSync(dir, 0o755);
    const argv = [process.execPath, BIN, "score", dir, "--json"];
    const command = asRoot ? [...NOBODY!, ...argv] : argv;
    const r = spawnSync(command[0]!, command.slice(1), { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as { results: unknown[]; failed: { source: string; problems: { code: string }[] }[] };
    expect(doc.results).toHaveLength(1);
    expect(doc.failed.map((f) => [f.source.slice(dir.length + 1), f.problems.map((p) => p.code)])).toEqual([
      ["d-locked-folder", ["READ_FAILED"]],
      ["a-locked.xlsx", ["READ_FAILED"]],
      ["b-locked.csv", ["READ_FAILED"]],
      ["c-locked.yaml", ["READ_FAILED"]],
    ]);
  });
});
