// Output that cannot be written (a file in the way, a path under a file, a full disk) is the
// user's situation, not a bug: the path, what happened and what to do, exit 2, and no
// temporary file left behind. A full disk is simulated by failing the writes of open files.
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { OutputError } from "../src/errors.js";
import { writeFileAtomic } from "../src/io/fs.js";
import { run } from "./helpers/run.js";

// A fault on open (a read-only folder: EACCES) or on writing an open file (a full disk:
// ENOSPC), for paths matching `match` (all paths when unset).
const fault = vi.hoisted(() => ({ code: undefined as string | undefined, on: "write" as "open" | "write", match: undefined as RegExp | undefined }));

vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const hit = (path: unknown, on: "open" | "write") => fault.code !== undefined && fault.on === on && (!fault.match || fault.match.test(String(path)));
  const injected = (syscall: string) => Object.assign(new Error(`${fault.code}: injected, ${syscall}`), { code: fault.code, syscall });
  const failing = (fh: Awaited<ReturnType<typeof real.open>>, path: unknown) =>
    new Proxy(fh, {
      get(target, key) {
        if ((key === "write" || key === "writeFile") && hit(path, "write")) {
          return async () => {
            throw injected("write");
          };
        }
        const value = Reflect.get(target, key) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => {
      if (hit(args[0], "open")) throw injected("open");
      return failing(await real.open(...args), args[0]);
    },
  };
});

afterEach(() => {
  fault.code = undefined;
  fault.on = "write";
  fault.match = undefined;
});

/** What a failed run may leave: the output folder's lock or a temporary file of ours. */
function leftBehind(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith(".tmp") || n.startsWith(".assess.lock"));
}

const ANSWERS = "examples/answers/dla-local-registration-fictional.yaml";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "assess-out-"));
}

describe("output that cannot be written", () => {
  it("score: an output path that is a file is refused before scoring, with what to do", async () => {
    const dir = tempDir();
    const file = join(dir, "results");
    writeFileSync(file, "not a folder");
    const r = await run(["score", ANSWERS, "-o", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${file}: it is a file, not a folder`);
    expect(r.stderr).toContain("choose a folder for the output (-o)");
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
  });

  it("report: an output path under a file (ENOTDIR) names the file it could not write", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "file"), "x");
    const r = await run(["report", ANSWERS, "-o", join(dir, "file", "report"), "--format", "md"]);
    expect(r.code).toBe(2);
    // The first thing written is the folder (and its lock): the folder is what is named.
    expect(r.stderr).toContain(`cannot write ${join(dir, "file", "report")}: a part of the path is not a folder (ENOTDIR)`);
    expect(r.stderr).not.toContain("internal error");
  });

  it("score: a full disk names the file, removes its temporary files, and exits 2", async () => {
    const dir = tempDir();
    fault.code = "ENOSPC";
    fault.match = /\/results\.json\.\d+\.[0-9a-f]{8}\.tmp$/;
    const r = await run(["score", ANSWERS, "-o", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${join(dir, "results.json")}: the disk is full (ENOSPC)`);
    expect(r.stderr).toContain("free some space on the disk");
    expect(r.stderr).not.toContain("internal error");
    expect(leftBehind(dir)).toEqual([]);
    // The folder says it is not whole, so that no report takes it for a finished run.
    expect(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).finished).toBe(false);
  });

  it.each(["score", "report"])("%s: a disk already full when the run starts names the folder and leaves no lock file", async (command) => {
    const dir = join(tempDir(), "out");
    fault.code = "ENOSPC";
    const r = await run([command, ANSWERS, "-o", dir, ...(command === "report" ? ["--format", "md"] : [])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${dir}: the disk is full (ENOSPC)`);
    expect(r.stderr).not.toContain("internal error");
    expect(existsSync(dir) ? leftBehind(dir) : []).toEqual([]);
  });

  it("report: a full disk while writing a report file names it, removes its temporary file and the lock, exit 2", async () => {
    const dir = tempDir();
    fault.code = "ENOSPC";
    fault.match = /report\.html\.\d+\.[0-9a-f]{8}\.tmp$/;
    const r = await run(["report", ANSWERS, "-o", dir, "--format", "md,html"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${join(dir, "report.html")}: the disk is full (ENOSPC)`);
    expect(r.stderr).toContain("free some space on the disk");
    expect(r.stderr).not.toContain("internal error");
    expect(leftBehind(dir)).toEqual([]);
  });

  it.each(["score", "report"])("%s: a read-only output folder (EACCES) names the folder, says what to do, and exits 2", async (command) => {
    const dir = tempDir();
    fault.code = "EACCES";
    fault.on = "open";
    fault.match = new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/`);
    const r = await run([command, ANSWERS, "-o", dir, ...(command === "report" ? ["--format", "md"] : [])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${dir}: permission denied (EACCES)`);
    expect(r.stderr).toContain("write elsewhere with -o, or ask for permission to write in that folder");
    expect(r.stderr).not.toContain("internal error");
    expect(readdirSync(dir)).toEqual([]);
  });

  // Root writes anywhere, so the real permission test runs only as a normal user.
  it.skipIf(process.getuid?.() === 0 || process.platform === "win32")("score: a folder made read-only with chmod is named (EACCES), exit 2", async () => {
    const dir = tempDir();
    chmodSync(dir, 0o555);
    try {
      const r = await run(["score", ANSWERS, "-o", dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot write ${dir}: permission denied (EACCES)`);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it("writeFileAtomic: a failed write removes the temporary file and says which file", async () => {
    const dir = tempDir();
    fault.code = "ENOSPC";
    const target = join(dir, "report.md");
    const error = await writeFileAtomic(target, "text").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect(error).toMatchObject({ path: target, errno: "ENOSPC" });
    expect(readdirSync(dir)).toEqual([]);
  });
});
