// Output that cannot be written (a file in the way, a path under a file, a full disk) is the
// user's situation, not a bug: the path, what happened and what to do, exit 2, and no
// temporary file left behind. A full disk is simulated by failing the writes of open files.
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { OutputError } from "../src/errors.js";
import { writeFileAtomic } from "../src/io/fs.js";
import { run } from "./helpers/run.js";

const fault = vi.hoisted(() => ({ code: undefined as string | undefined }));

vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const failing = (fh: Awaited<ReturnType<typeof real.open>>) =>
    new Proxy(fh, {
      get(target, key) {
        if ((key === "write" || key === "writeFile") && fault.code) {
          return async () => {
            throw Object.assign(new Error(`${fault.code}: injected, write`), { code: fault.code, syscall: "write" });
          };
        }
        const value = Reflect.get(target, key) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return { ...real, open: async (...args: Parameters<typeof real.open>) => failing(await real.open(...args)) };
});

afterEach(() => {
  fault.code = undefined;
});

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
    expect(r.stderr).toContain(`cannot write ${join(dir, "file", "report", "report.md")}: a part of the path is not a folder (ENOTDIR)`);
    expect(r.stderr).not.toContain("internal error");
  });

  it("score: a full disk names the file, removes its temporary files, and exits 2", async () => {
    const dir = tempDir();
    fault.code = "ENOSPC";
    const r = await run(["score", ANSWERS, "-o", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${join(dir, "results.json")}: the disk is full (ENOSPC)`);
    expect(r.stderr).toContain("free some space on the disk");
    expect(r.stderr).not.toContain("internal error");
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
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
