// Results folders that cannot lie: one run at a time holds an output folder (a lock file), a
// results folder ends with a finished manifest, and `report` refuses a folder whose run did
// not finish. Locks are held here by writing the lock file, never by racing two runs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reportCommand } from "../src/commands/report.js";
import { claimOutputFolder } from "../src/io/folder-lock.js";
import { checkSchema } from "../src/io/schema.js";
import { run } from "./helpers/run.js";

const ANSWERS = "examples/answers";
const LOCK = ".assess.lock";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "assess-folder-"));
}

function holdLock(dir: string, holder: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  const text = JSON.stringify({ command: "score", host: hostname(), started: "2026-12-02T18:00:00.000Z", ...holder });
  writeFileSync(join(dir, LOCK), text);
  return text;
}

/** The id of a process that has ended: a child that ran and was reaped. */
function endedPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

async function scored(): Promise<string> {
  const dir = join(tempDir(), "res");
  const r = await run(["score", ANSWERS, "-o", dir]);
  expect(r.code).toBe(0);
  return dir;
}

describe("one run at a time in an output folder", () => {
  it.each([
    ["a running process on this computer", { pid: process.pid }],
    ["another computer", { pid: 1, host: "another-host.example" }],
  ])("score: a folder held by %s is refused with FOLDER_LOCKED (exit 2), its files untouched", async (_what, holder) => {
    const dir = join(tempDir(), "res");
    const text = holdLock(dir, holder);
    const r = await run(["score", ANSWERS, "-o", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[FOLDER_LOCKED]");
    expect(r.stderr).toContain(`process ${holder.pid}`);
    expect(readdirSync(dir)).toEqual([LOCK]);
    expect(readFileSync(join(dir, LOCK), "utf8")).toBe(text);
  });

  it("score: a lock file that cannot be read is not taken over (exit 2)", async () => {
    const dir = join(tempDir(), "res");
    mkdirSync(dir);
    writeFileSync(join(dir, LOCK), "");
    const r = await run(["score", ANSWERS, "-o", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[FOLDER_LOCKED]");
    expect(existsSync(join(dir, "results.json"))).toBe(false);
  });

  it("report: a folder held by another run is refused with FOLDER_LOCKED and no report is written", async () => {
    const dir = join(tempDir(), "report");
    holdLock(dir, { pid: process.pid, command: "report" });
    const r = await run(["report", ANSWERS, "-o", dir, "--format", "md"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[FOLDER_LOCKED]");
    expect(readdirSync(dir)).toEqual([LOCK]);
  });

  it("a second claim while the first holds the folder is refused; after release it succeeds", async () => {
    const dir = tempDir();
    const first = await claimOutputFolder(dir, "score");
    await expect(claimOutputFolder(dir, "report")).rejects.toMatchObject({ problems: [{ code: "FOLDER_LOCKED", args: { holder: { pid: process.pid, command: "score" }, sameHost: true } }] });
    await first.lock.release();
    expect(existsSync(join(dir, LOCK))).toBe(false);
    const second = await claimOutputFolder(dir, "report");
    await second.lock.release();
  });

  it("score: the lock of a run whose process is gone is taken over (STALE_LOCK_TAKEN) and removed at the end", async () => {
    const dir = join(tempDir(), "res");
    holdLock(dir, { pid: endedPid() });
    const r = await run(["score", ANSWERS, "-o", dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("[STALE_LOCK_TAKEN]");
    expect(existsSync(join(dir, LOCK))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).finished).toBe(true);
  });

  it("score: the lock is released when the run refuses, and a folder it created is not left empty", async () => {
    const dir = await scored();
    const again = await run(["score", ANSWERS, "-o", dir]);
    expect(again.code).toBe(2);
    expect(existsSync(join(dir, LOCK))).toBe(false);
    const fresh = join(tempDir(), "new", "report");
    const none = await run(["report", join(tempDir(), "nothing-here.yaml"), "-o", fresh]);
    expect(none.code).toBe(2);
    expect(existsSync(fresh)).toBe(false);
  });

  it("the next run removes our leftover temporary files (LEFTOVER_REMOVED), and only ours", async () => {
    const dir = join(tempDir(), "res");
    mkdirSync(dir);
    const ours = ["results.json.4242.0a1b2c3d.tmp", "moe.results.json.4242.deadbeef.tmp", "manifest.json.77.00ff00ff.tmp", "report.md.9.12345678.tmp", "action-plan.xlsx.9.12345678.tmp", "compare.html.9.12345678.tmp"];
    const theirs = ["notes.txt.4242.0a1b2c3d.tmp", "results.json.tmp", "my.tmp", "results.json.4242.XYZ.tmp"];
    for (const n of [...ours, ...theirs]) writeFileSync(join(dir, n), "x");
    const r = await run(["score", ANSWERS, "-o", dir, "--force"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("[LEFTOVER_REMOVED]");
    const left = readdirSync(dir);
    for (const n of ours) expect(left).not.toContain(n);
    for (const n of theirs) expect(left).toContain(n);
  });
});

describe("a results folder ends with a finished manifest", () => {
  it("score -o writes manifest.json last: finished, counts, every file, and schemas/manifest.schema.json", async () => {
    const dir = await scored();
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect(checkSchema("manifest", manifest, "manifest.json")).toEqual([]);
    expect(manifest).toMatchObject({ finished: true, command: "score", method: "2.0.0", counts: { inputs: 8, institutions: 8, failed: 0 } });
    expect(manifest.files).toHaveLength(9);
    expect(manifest.files.at(-1)).toBe("results.json");
    expect(manifest.modules.map((m: { id: string }) => m.id)).toContain("general");
    expect(readdirSync(dir).sort()).toEqual([...manifest.files, "manifest.json"].sort());
  });

  it("report: a folder with a finished manifest is reported on (exit 0)", async () => {
    const dir = await scored();
    const r = await run(["report", dir, "-o", join(tempDir(), "report"), "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("RESULTS_INCOMPLETE");
  });

  it.each([
    ["an unfinished manifest", "unfinished", (dir: string) => writeFileSync(join(dir, "manifest.json"), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")), finished: false, files: [] }))],
    ["no manifest (written before manifests existed)", "no_manifest", (dir: string) => rmSync(join(dir, "manifest.json"))],
    ["a damaged manifest", "unreadable", (dir: string) => writeFileSync(join(dir, "manifest.json"), "{")],
    ["a manifest without its finished flag", "unreadable", (dir: string) => writeFileSync(join(dir, "manifest.json"), JSON.stringify({ format: "assess-manifest/1", files: [] }))],
    ["a results file of its manifest missing", "missing_files", (dir: string) => rmSync(join(dir, "results.json"))],
  ])("report: a folder with %s is refused with RESULTS_INCOMPLETE (exit 2), and reported on with --allow-incomplete", async (_what, kind, damage) => {
    const dir = await scored();
    damage(dir);
    const out = join(tempDir(), "report");
    const refused = await run(["report", dir, "-o", out, "--format", "md"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("[RESULTS_INCOMPLETE]");
    expect(refused.stderr).toContain("--allow-incomplete");
    expect(existsSync(join(out, "report.md"))).toBe(false);
    const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };
    await expect(reportCommand({ paths: [dir], output: out, formats: ["md"] }, quiet)).rejects.toMatchObject({ problems: [{ code: "RESULTS_INCOMPLETE", args: { kind } }] });
    const allowed = await run(["report", dir, "-o", out, "--format", "md", "--allow-incomplete"]);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain("warning:");
    expect(allowed.stderr).toContain("[RESULTS_INCOMPLETE]");
    expect(existsSync(join(out, "report.md"))).toBe(true);
  });

  it("report: a results file named on its own, with no manifest beside it (score --json), is reported on", async () => {
    const dir = tempDir();
    const json = await run(["score", ANSWERS, "--json"]);
    writeFileSync(join(dir, "results.json"), json.stdout);
    const r = await run(["report", join(dir, "results.json"), "-o", join(dir, "report"), "--format", "md"]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("RESULTS_INCOMPLETE");
  });

  it("report: a results file named on its own in a folder whose run did not finish is refused", async () => {
    const dir = await scored();
    writeFileSync(join(dir, "manifest.json"), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")), finished: false, files: [] }));
    const r = await run(["report", join(dir, "results.json"), "-o", join(tempDir(), "report"), "--format", "md"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[RESULTS_INCOMPLETE]");
  });
});
