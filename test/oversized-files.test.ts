// Module and answer files above their documented size are refused before they are read, with
// a problem naming the file. The files are sparse (one byte written past the limit), so the
// test writes almost nothing to disk.
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_ANSWER_FILE_BYTES, readAnswerFile } from "../src/io/answers.js";
import { MAX_MODULE_FILE_BYTES, loadModuleFiles } from "../src/io/modules.js";
import { run } from "./helpers/run.js";

const dir = mkdtempSync(join(tmpdir(), "assess-oversized-"));

/** A sparse file of `bytes` bytes: one byte written at its end. */
function sparse(path: string, bytes: number): string {
  const fd = openSync(path, "w");
  writeSync(fd, "x", bytes - 1);
  closeSync(fd);
  return path;
}

const codeArgs = (ps: { code: string; args: unknown; source: string }[]) => ps.map((p) => ({ code: p.code, args: p.args, source: p.source }));

describe("files above their documented size", () => {
  it("a module file of 200 MB is refused before it is read, naming the file", async () => {
    const big = sparse(join(dir, "huge.yaml"), 200 * 1024 * 1024);
    const loaded = await loadModuleFiles([big, "test/fixtures/broken-modules/valid/mini.yaml"]);
    expect(codeArgs(loaded.problems)).toEqual([{ code: "FILE_TOO_LARGE", args: { what: "module", bytes: 200 * 1024 * 1024, max: MAX_MODULE_FILE_BYTES }, source: big }]);
    expect(loaded.modules.map((m) => m.module.id)).toEqual(["mini"]);
  });

  it("a modules folder holding one is an input error (2) that names the file", async () => {
    const modules = join(dir, "modules");
    mkdirSync(modules);
    copyFileSync("test/fixtures/broken-modules/valid/mini.yaml", join(modules, "mini.yaml"));
    sparse(join(modules, "zz-huge.yaml"), MAX_MODULE_FILE_BYTES + 1);
    const r = await run(["modules", "--modules", modules]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(modules, "zz-huge.yaml")}: is ${MAX_MODULE_FILE_BYTES + 1} bytes`);
    expect(r.stderr).toContain("[FILE_TOO_LARGE]");
  });

  it("an answer file of 200 MB is refused before it is read, naming the file", async () => {
    const big = sparse(join(dir, "answers.yaml"), 200 * 1024 * 1024);
    const read = await readAnswerFile(big);
    expect(codeArgs(read.problems)).toEqual([{ code: "FILE_TOO_LARGE", args: { what: "answers", bytes: 200 * 1024 * 1024, max: MAX_ANSWER_FILE_BYTES }, source: big }]);
  });

  it("the limits leave room above the largest shipped module and a real answer file", () => {
    expect(MAX_MODULE_FILE_BYTES).toBe(5 * 1024 * 1024);
    expect(MAX_ANSWER_FILE_BYTES).toBe(20 * 1024 * 1024);
  });
});

describe("a results file given to report", () => {
  it("above its documented size is refused before it is read, naming the file; the rest is reported (exit 1)", async () => {
    const { MAX_RESULTS_FILE_BYTES } = await import("../src/commands/report.js");
    const inputs = join(dir, "report-inputs");
    mkdirSync(inputs);
    const big = sparse(join(inputs, "results.json"), MAX_RESULTS_FILE_BYTES + 1);
    copyFileSync("examples/answers/dla-local-registration-fictional.yaml", join(inputs, "dla.yaml"));
    const out = join(dir, "report-out");
    const r = await run(["report", inputs, "-o", out, "--format", "json", "--date", "2026-12-01", "--allow-incomplete"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${big}: is ${MAX_RESULTS_FILE_BYTES + 1} bytes; a results file may be at most`);
    expect(r.stderr).toContain("[FILE_TOO_LARGE]");
    expect(JSON.parse(readFileSync(join(out, "report.json"), "utf8")).summary.institutions).toBe(1);
  });
});
