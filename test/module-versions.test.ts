// Modules 2.0.0 (issue 12) changed what many questions mean: answers made for 1.x must be
// refused, with the version the file was made for, never scored against the new questions.
// test/fixtures/modules-1.0.0 keeps the 1.0.0 modules so that old answers still score there.
import { describe, expect, it } from "vitest";
import { run } from "./helpers/run.js";

const OLD_ANSWERS = "test/fixtures/answers-1.0.0/dpa-civil-registration-fictional.yaml";
const MODULES_1 = ["--modules", "test/fixtures/modules-1.0.0"];

describe("answers made for modules 1.x", () => {
  it("are refused by the shipped 2.0.0 modules, naming the version they were made for", async () => {
    const r = await run(["score", OLD_ANSWERS, "--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.results).toEqual([]);
    const problems = doc.failed[0].problems.map((p: { code: string; args: object }) => [p.code, p.args]);
    // Only the reason: its answers are not also reported one by one as unknown or invalid in 2.0.0.
    expect(problems).toEqual([
      ["MODULE_VERSION_MISMATCH", { module: "general", version: "1.0.0", loaded: "2.1.0" }],
      ["MODULE_VERSION_MISMATCH", { module: "birth_registration", version: "1.0.0", loaded: "2.0.0" }],
    ]);
  });
  it("print the code on the terminal with the file, line and column", async () => {
    const r = await run(["score", OLD_ANSWERS]);
    expect(r.stderr).toMatch(/dpa-civil-registration-fictional\.yaml:\d+:\d+ modules\.general: .+ \[MODULE_VERSION_MISMATCH\]\n/);
  });
  it("still score against a copy of the 1.0.0 modules", async () => {
    const r = await run([...MODULES_1, "score", OLD_ANSWERS, "--json"]);
    const doc = JSON.parse(r.stdout);
    expect(doc.failed).toEqual([]);
    expect(doc.results).toHaveLength(1);
    expect(doc.results[0].problems.map((p: { code: string }) => p.code)).not.toContain("MODULE_VERSION_MISMATCH");
  });
});
