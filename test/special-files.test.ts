// Inputs that are not regular files: a FIFO (reading it blocks for ever) and a link to
// /dev/zero (its size is 0, and reading it never ends). They are named and skipped, and the
// batch goes on; no reader ever opens them for reading. Made by the test: they cannot be committed.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Module } from "../src/core/model.js";
import { readAnswerFile } from "../src/io/answers.js";
import { readCsvAnswers } from "../src/io/ingest-csv.js";
import { readWorkbookAnswers } from "../src/io/ingest-workbook.js";
import { expandInputs } from "../src/io/inputs.js";
import { requireModules } from "../src/io/modules.js";
import { interviewCommand } from "../src/commands/interview.js";
import { IngestError } from "../src/errors.js";
import { run } from "./helpers/run.js";
import { ScriptedPrompter } from "./helpers/scripted-prompter.js";

const ANSWERS = "examples/answers/dla-local-registration-fictional.yaml";
const dir = mkdtempSync(join(tmpdir(), "assess-special-"));
const at = (name: string) => join(dir, name);
const codeArgs = (ps: readonly { code: string; args: unknown }[]) => ps.map((p) => ({ code: p.code, args: p.args }));
let modules: Module[];

beforeAll(async () => {
  modules = await requireModules();
  copyFileSync(ANSWERS, at("good.yaml"));
  symlinkSync(at("good.yaml"), at("link-to-good.yaml"));
  for (const name of ["pipe.yaml", "pipe.csv"]) expect(spawnSync("mkfifo", [at(name)]).status).toBe(0);
  symlinkSync("/dev/zero", at("zero.xlsx"));
});

describe("an input that is not a regular file", () => {
  it("is named and skipped when a folder is expanded; a link to a regular file is read", async () => {
    const { files, failed } = await expandInputs([dir]);
    expect(files).toEqual([at("good.yaml"), at("link-to-good.yaml")]);
    expect(failed.map((f) => [f.source, codeArgs(f.problems)])).toEqual([
      [at("pipe.csv"), [{ code: "SPECIAL_FILE", args: { kind: "fifo" } }]],
      [at("pipe.yaml"), [{ code: "SPECIAL_FILE", args: { kind: "fifo" } }]],
      [at("zero.xlsx"), [{ code: "SPECIAL_FILE", args: { kind: "device", target: "/dev/zero" } }]],
    ]);
  });

  it("is named and skipped when given by name or matched by a pattern", async () => {
    const { files, failed } = await expandInputs([at("zero.xlsx"), at("pipe.yaml"), join(dir, "z*.xlsx")]);
    expect(files).toEqual([]);
    expect(failed.map((f) => codeArgs(f.problems)[0]!.args)).toEqual([{ kind: "device", target: "/dev/zero" }, { kind: "fifo" }, { kind: "device", target: "/dev/zero" }]);
  });

  it("is refused by the readers themselves, without blocking", async () => {
    expect(codeArgs((await readAnswerFile(at("pipe.yaml"))).problems)).toEqual([{ code: "SPECIAL_FILE", args: { kind: "fifo" } }]);
    expect(codeArgs((await readCsvAnswers(at("pipe.csv"), modules))[0]!.problems)).toEqual([{ code: "SPECIAL_FILE", args: { kind: "fifo" } }]);
    expect(codeArgs((await readCsvAnswers(at("zero.xlsx"), modules))[0]!.problems)).toEqual([{ code: "SPECIAL_FILE", args: { kind: "device", target: "/dev/zero" } }]);
    // The workbook reader too: a link to /dev/zero is never read.
    expect(codeArgs((await readWorkbookAnswers(at("zero.xlsx"), modules)).problems)).toEqual([{ code: "SPECIAL_FILE", args: { kind: "device", target: "/dev/zero" } }]);
  });

  it("is refused as a session file to resume, without blocking", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "assess-session-"));
    expect(spawnSync("mkfifo", [join(elsewhere, "office.session.json")]).status).toBe(0);
    const error = await interviewCommand({ resume: "office.session.json" }, { prompter: new ScriptedPrompter([]), cwd: elsewhere, today: "2026-11-20" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect(codeArgs((error as IngestError).problems)).toEqual([{ code: "SPECIAL_FILE", args: { kind: "fifo" } }]);
  });

  it("does not stop the batch: the rest is scored, exit 1", async () => {
    const r = await run(["score", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/2 scored, 3 failed/);
    expect(r.stderr).toContain("[SPECIAL_FILE]");
  });
});
