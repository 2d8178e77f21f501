// Exit codes of the in-process main: a bug is 70 with its stack, a usage error 2.
import { afterEach, describe, expect, it, vi } from "vitest";
import { InternalError, ioReason } from "../src/errors.js";
import { main } from "../src/index.js";
import { assess } from "./helpers/exec.js";

// `assess modules` throws whatever the test puts here, standing in for a bug in a command.
const thrown = vi.hoisted(() => ({ error: undefined as unknown }));
vi.mock("../src/commands/modules.js", () => ({
  modulesCommand: async () => {
    throw thrown.error;
  },
}));

function run(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  return main(["node", "assess", ...args]).then((code) => ({ code, stderr }));
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("exit codes", () => {
  it("an unexpected exception is an internal error: 70, the stack and a request to report it", async () => {
    thrown.error = new TypeError("cannot read properties of undefined");
    const r = await run(["modules"]);
    expect(r.code).toBe(70);
    expect(r.stderr).toContain("internal error: cannot read properties of undefined");
    expect(r.stderr).toMatch(/\n\s+at /);
    expect(r.stderr).toContain("please report it");
  });

  it("an InternalError prints the errors it wraps", async () => {
    thrown.error = new InternalError("the report does not match its schema", { cause: new RangeError("inner") });
    const r = await run(["modules"]);
    expect(r.code).toBe(70);
    expect(r.stderr).toContain("Caused by: RangeError: inner");
  });

  it("a usage error is 2, without a stack", async () => {
    const r = await run(["--modules", "general,health", "modules"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: --modules general,health: no such folder");
    expect(r.stderr).not.toContain("internal error");
  });

  it("an unknown command is 2", async () => {
    const r = await run(["frobnicate"]);
    expect(r.code).toBe(2);
  });
});

describe("ioReason", () => {
  const errno = (code: string) => Object.assign(new Error(`${code}: something, open 'x'`), { code });
  it.each([
    ["ENOENT", "no such file or folder (ENOENT)"],
    ["EACCES", "permission denied (EACCES)"],
    ["EISDIR", "is a folder, not a file (EISDIR)"],
    ["ENOSPC", "the disk is full (ENOSPC)"],
    ["EMFILE", "too many files open (EMFILE)"],
    ["EIO", "EIO"],
  ])("%s", (code, words) => expect(ioReason(errno(code))).toBe(words));
  it("an error without a code gives its message", () => expect(ioReason(new Error("bad"))).toBe("bad"));
});

describe("the binary", () => {
  it("an exception outside the command's promise is an internal error too (70)", () => {
    // Fires after the command has finished: Node alone would exit 1, which means "some inputs failed".
    const late = "data:text/javascript,setTimeout(() => Promise.reject(new Error('late boom')), 1000)";
    const r = assess(["modules"], { nodeArgs: ["--import", late] });
    expect(r.code).toBe(70);
    expect(r.stderr).toContain("internal error: late boom");
  });
});
