// What a whole interview costs the interviewer, on the built binary with the shipped modules:
// one ministry, two datasets, two area modules (test/helpers/full-interview.ts answers it).
// Before the keys to move around and the comment on Ctrl-O, the same run took 448 keys and 224
// prompts (a comment prompt after every answer); the issue's own run took 795 and 192.
// ASSESS_KEYS_REPORT=1 prints the tally.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { fullInterview } from "./helpers/full-interview.js";
import { Terminal } from "./helpers/pty.js";

it("a full interview takes fewer keys and prompts than before, with no comment prompt", async () => {
  const cwd = mkdtempSync(join(tmpdir(), "assess-keys-"));
  const t = new Terminal(["interview", "--lang", "en"], cwd);
  const tally = await fullInterview(t);
  if (process.env.ASSESS_KEYS_REPORT) console.log(JSON.stringify(tally));
  expect(await t.exited).toBe(0);
  expect(readdirSync(cwd)).toEqual(["bureau-of-example-registration-fictional.answers.yaml"]);
  expect(t.screen).not.toContain("Comment (optional");
  // as measured when this test was written: 343 keys, 119 prompts, 105 of them questions, and
  // again with dates and numbers read as typed in Thailand (issue 15's two halves merged)
  expect(tally.refused).toBe(0);
  expect(tally.keys).toBeLessThan(448);
  expect(tally.prompts).toBeLessThan(192);
  expect(tally.questions).toBeGreaterThan(90);
}, 300_000);
