// The built binary, stopped or held at a known point by test/helpers/fault-hooks.mjs (no
// timing): two runs into one folder, and `kill -9` in the middle of `score -o`.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, assess } from "./helpers/exec.js";

const HOOKS = ["--import", "./test/helpers/fault-hooks.mjs"];
const ANSWERS = "examples/answers";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "assess-folder-e2e-"));
}

function manifest(dir: string): { finished: boolean; counts: { institutions: number } } {
  return JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
}

describe("two runs of score -o into one folder", () => {
  it("the second is refused with FOLDER_LOCKED naming the first, which finishes whole", async () => {
    const base = tempDir();
    const dir = join(base, "res");
    const hold = join(base, "hold");
    const first = spawn(process.execPath, [...HOOKS, BIN, "score", ANSWERS, "-o", dir], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", ASSESS_HOLD: hold }, stdio: "ignore" });
    const exited = new Promise<number | null>((done) => first.on("exit", done));
    // The first run says when it holds the folder (and has written nothing yet): a handshake, not a delay.
    while (!existsSync(`${hold}.ready`)) await new Promise((r) => setTimeout(r, 20));

    const second = assess(["score", ANSWERS, "-o", dir]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain("[FOLDER_LOCKED]");
    expect(second.stderr).toContain(`process ${first.pid}`);
    const report = assess(["report", dir, "-o", join(base, "report"), "--format", "md"]);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain("[RESULTS_INCOMPLETE]");
    expect(report.stderr).toContain(`still running as process ${first.pid}`);

    writeFileSync(`${hold}.go`, "");
    expect(await exited).toBe(0);
    expect(manifest(dir)).toMatchObject({ finished: true, counts: { institutions: 8 } });
    expect(JSON.parse(readFileSync(join(dir, "results.json"), "utf8")).results).toHaveLength(8);
    expect(existsSync(join(dir, ".assess.lock"))).toBe(false);
  });
});

describe("kill -9 during score -o", () => {
  it("report calls the folder incomplete; the next run takes the lock over and removes the temporary file", () => {
    const base = tempDir();
    const dir = join(base, "res");
    const killed = assess(["score", ANSWERS, "-o", dir], { nodeArgs: HOOKS, env: { ASSESS_KILL_AFTER: "3" } });
    expect(killed.code).toBe(-1); // ended by a signal
    const left = readdirSync(dir);
    expect(left.filter((n) => n.endsWith(".results.json"))).toHaveLength(3);
    expect(left.filter((n) => /^results\.json\.\d+\.[0-9a-f]{8}\.tmp$/.test(n))).toHaveLength(1);
    expect(left).toContain(".assess.lock");
    expect(manifest(dir).finished).toBe(false);

    const refused = assess(["report", dir, "-o", join(base, "report"), "--format", "md"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("[RESULTS_INCOMPLETE]");
    expect(refused.stderr).toContain("3 institution results for 8 inputs");
    expect(existsSync(join(base, "report", "report.md"))).toBe(false);
    const allowed = assess(["report", dir, "-o", join(base, "report"), "--format", "md", "--allow-incomplete"]);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain("(3 institutions)");

    const again = assess(["score", ANSWERS, "-o", dir, "--force"]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("[STALE_LOCK_TAKEN]");
    expect(again.stderr).toContain("[LEFTOVER_REMOVED]");
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp") || n.startsWith(".assess.lock"))).toEqual([]);
    expect(manifest(dir)).toMatchObject({ finished: true, counts: { institutions: 8 } });
    const whole = assess(["report", dir, "-o", join(base, "report"), "--format", "md", "--force"]);
    expect(whole.code).toBe(0);
    expect(whole.stderr).toContain("(8 institutions)");
  });
});
