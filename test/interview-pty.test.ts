// The built binary in a real pseudo-terminal: answered by keystrokes, killed, and resumed.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { KEY, Terminal, profile } from "./helpers/pty.js";

const MODULES = resolve("test/fixtures/interview/modules");
const ARGS = ["interview", "--lang", "en", "--no-comments", "--modules", MODULES];

describe("the interview in a real terminal", () => {
  it("is answered by keystrokes and writes the answer file", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "assess-pty-"));
    const t = new Terminal(ARGS, cwd);
    await profile(t);
    await t.answer("Do you collect data on migrant children?", KEY.enter); // yes
    await t.answer("How complete is the coverage?", KEY.down + KEY.enter); // half
    await t.answer("Is there a firewall", KEY.enter); // yes
    await t.answer("Are backups tested?", KEY.down + KEY.enter); // no
    await t.answer("Does it cover migrant children?", KEY.enter); // all
    await t.answer("How many child records", `4x${KEY.enter}`);
    await t.waitFor('"4x" is not a number');
    await t.answer('"4x" is not a number', `\u007f2${KEY.enter}`); // backspace, then 42
    await t.answer("Review", KEY.enter); // finish
    expect(await t.exited).toBe(0);
    expect(t.screen).toContain("Answer file written: pty-office.answers.yaml");
    expect(t.screen).toContain("Critical gaps: none");
    const answers = parse(readFileSync(join(cwd, "pty-office.answers.yaml"), "utf8"));
    expect(answers.answers).toEqual({
      collects_migrant_children: { value: "yes" },
      gen_coverage: { value: "half" },
      gen_firewall: { value: "yes" },
      gen_backup: { value: "no" },
    });
    expect(answers.datasets[0].answers).toEqual({ ds_type: { value: "register" }, ds_children: { value: "all" }, ds_records: { value: 42 } });
  });

  it("loses no answer when the process is killed, and resumes where it stopped", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "assess-pty-"));
    const t = new Terminal(ARGS, cwd);
    await profile(t);
    await t.answer("Do you collect data on migrant children?", KEY.down + KEY.enter); // partly
    await t.answer("How complete is the coverage?", KEY.down + KEY.down + KEY.enter); // none
    await t.answer("Is there a firewall", KEY.down + KEY.enter); // no
    await t.waitFor("Are backups tested?");
    t.kill("SIGKILL"); // as when the battery dies
    await t.exited;
    const session = join(cwd, "pty-office.session.json");
    expect(existsSync(session)).toBe(true);

    const r = new Terminal([...ARGS, "--resume", "pty-office.session.json"], cwd);
    await r.waitFor("Resuming the interview with PTY Office.");
    await r.answer("Are backups tested?", KEY.enter); // yes
    await r.answer("Does it cover migrant children?", KEY.down + KEY.enter); // some
    await r.answer("How many child records", KEY.enter); // skipped
    await r.answer("Review", KEY.enter);
    await r.answer("Go to one, or finish?", KEY.end + KEY.enter); // Finish anyway
    expect(await r.exited).toBe(0);
    const answers = parse(readFileSync(join(cwd, "pty-office.answers.yaml"), "utf8"));
    expect(answers.answers).toEqual({
      collects_migrant_children: { value: "partly" },
      gen_coverage: { value: "none" },
      gen_firewall: { value: "no" },
      gen_backup: { value: "yes" },
    });
    expect(answers.datasets[0].answers).toEqual({ ds_type: { value: "register" }, ds_children: { value: "some" } });
    expect(existsSync(session)).toBe(false);
  });

  it("Ctrl-C pauses with the resume command and exit code 130", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "assess-pty-"));
    const t = new Terminal(ARGS, cwd);
    await profile(t);
    await t.answer("Do you collect data on migrant children?", KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(t.screen).toContain(`assess interview --resume pty-office.session.json --modules ${MODULES}`);
  });
});
