// The built binary in a real pseudo-terminal: dates said back, a changed module on resume,
// a second process, a full disk, and Thai at 80 columns.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as xterm from "@xterm/headless";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { KEY, Terminal, profile } from "./helpers/pty.js";

const MODULES = resolve("test/fixtures/interview/modules");
const ARGS = ["interview", "--lang", "en", "--no-comments", "--modules", MODULES];
const HOOKS = ["--import", resolve("test/helpers/fault-hooks.mjs")];
const BACKSPACE = "\u007f";

/** The general module's questions and the dataset's, answered with the first choice. */
async function general(t: Terminal): Promise<void> {
  await t.answer("Do you collect data on migrant children?", KEY.enter); // yes
  await t.answer("How complete is the coverage?", KEY.enter); // full
  await t.answer("Is there a firewall", KEY.enter); // yes
  await t.answer("Are backups tested?", KEY.enter); // yes
  await t.answer("Does it cover migrant children?", KEY.enter); // all
  await t.answer("How many child records", `1,200${KEY.enter}`);
}

const sessionOf = (cwd: string) => JSON.parse(readFileSync(join(cwd, "pty-office.session.json"), "utf8"));

describe("the interview in a real terminal: input and faults", () => {
  it("reads a B.E. date typed day/month/year and says it back before moving on", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "assess-pty-"));
    const t = new Terminal(ARGS, cwd);
    await profile(t, ["Register"], KEY.space + KEY.enter); // area one ticked
    await general(t);
    await t.answer("Which practices are in place?", KEY.space + KEY.enter); // MOU
    await t.answer("When was the register last updated?", `31/06/2568${KEY.enter}`);
    await t.waitFor('"31/06/2568" is not a date that exists');
    await t.answer("is not a date that exists", `${BACKSPACE.repeat(10)}30/06/2568${KEY.enter}`);
    await t.waitFor("→ 30 June 2025 (2025-06-30)");
    await t.answer("Review", KEY.enter);
    expect(await t.exited).toBe(0);
    const answers = parse(readFileSync(join(cwd, "pty-office.answers.yaml"), "utf8"));
    expect(answers.answers.one_updated).toEqual({ value: "2025-06-30" });
    expect(answers.datasets[0].answers.ds_records).toEqual({ value: 1200 });
  });

  it("keeps an answer whose question was only reworded when resuming with the new module", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "assess-pty-"));
    const t = new Terminal(ARGS, cwd);
    await profile(t);
    await t.answer("Do you collect data on migrant children?", KEY.down + KEY.enter); // partly
    await t.waitFor("How complete is the coverage?");
    t.kill("SIGKILL");
    await t.exited;

    const v2 = join(cwd, "modules-v2");
    cpSync(MODULES, v2, { recursive: true });
    const g = readFileSync(join(v2, "general.yaml"), "utf8").replace("version: 1.0.0", "version: 1.1.0").replace("Do you collect data on migrant children?", "Do you hold any records of migrant children?");
    writeFileSync(join(v2, "general.yaml"), g);
    const r = new Terminal(["interview", "--no-comments", "--resume", "pty-office.session.json", "--modules", v2], cwd);
    await r.waitFor("changed questions, answers kept: collects_migrant_children");
    await r.answer("Continue with the current questionnaire?", KEY.enter);
    // the reworded question is not asked again: the next open one is
    await r.answer("How complete is the coverage?", KEY.ctrlC);
    expect(await r.exited).toBe(130);
    expect(r.screen).not.toContain("Do you hold any records of migrant children?");
    expect(sessionOf(cwd).answers.answers.collects_migrant_children).toEqual({ value: "partly" });
  });

  it.each(["SIGTERM", "SIGHUP"])("%s pauses as Ctrl-C does: saved, with the resume command", async (signal) => {
    const cwd = mkdtempSync(join(tmpdir(), "assess-pty-"));
    const t = new Terminal(ARGS, cwd);
    await profile(t);
    await t.answer("Do you collect data on migrant children?", KEY.down + KEY.enter); // partly
    await t.waitFor("How complete is the coverage?");
    t.kill(signal);
    expect(await t.exited).toBe(130);
    expect(t.screen).toContain(`assess interview --resume pty-office.session.json --modules ${MODULES}`);
    expect(sessionOf(cwd).answers.answers).toEqual({ collects_migrant_children: { value: "partly" } });
    expect(existsSync(join(cwd, "pty-office.session.json.lock"))).toBe(false);
  });

  it("refuses a second process on the same session and says who holds it", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "assess-pty-"));
    const t = new Terminal(ARGS, cwd);
    await t.answer("Institution (department or agency) name", `PTY Office${KEY.enter}`);
    await t.waitFor("Ministry or parent body");
    const second = new Terminal([...ARGS, "--resume", "pty-office.session.json"], cwd);
    expect(await second.exited).toBe(2);
    expect(second.screen).toMatch(/pty-office\.session\.json is open in another assess interview \(process \d+ on .+, since \d{4}-/);
    await t.answer("Ministry or parent body", KEY.ctrlC);
    expect(await t.exited).toBe(130);
  });

  describe("a full disk", () => {
    // A small tmpfs where this user may mount one (root); else (or with ASSESS_NO_TMPFS) the write error is injected.
    const mount = (dir: string) => {
      if (process.env.ASSESS_NO_TMPFS) return false;
      try {
        execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], { stdio: "ignore" });
        return true;
      } catch {
        return false;
      }
    };

    it("keeps every answer and lets the interviewer retry", async () => {
      const mounted = mkdtempSync(join(tmpdir(), "assess-full-"));
      const canMount = mount(mounted);
      try {
        await fullDisk(mounted, canMount);
      } finally {
        // Lazily: a process still in the folder (a failed test) must not keep it mounted.
        if (canMount) execFileSync("umount", ["-l", mounted]);
      }
    });

    async function fullDisk(mounted: string, canMount: boolean): Promise<void> {
      const cwd = canMount ? join(mounted, "work") : mkdtempSync(join(tmpdir(), "assess-pty-"));
      mkdirSync(cwd, { recursive: true });
      const flag = join(tmpdir(), `assess-full-${process.pid}`);
      const filler = join(mounted, "filler");
      const fill = () => {
        if (!canMount) return writeFileSync(flag, "");
        // Fills the disk to the last block: the next save cannot be written.
        const chunk = Buffer.alloc(1024);
        for (;;) {
          try {
            writeFileSync(filler, chunk, { flag: "a" });
          } catch {
            return;
          }
        }
      };
      const free = () => rmSync(canMount ? filler : flag, { force: true });
      const t = new Terminal(ARGS, cwd, { node: HOOKS, env: { ASSESS_FAIL_WRITE: flag } });
      await profile(t);
      await t.answer("Do you collect data on migrant children?", KEY.enter); // yes
      await t.waitFor("How complete is the coverage?");
      fill();
      await t.answer("How complete is the coverage?", KEY.down + KEY.enter); // half: its save fails
      await t.waitFor("the disk is full (ENOSPC). Every answer is kept in memory.");
      expect(t.screen).toContain("pty-office.session.json");
      await t.waitFor("Try again");
      await t.answer("What now?", KEY.enter); // retry, still full
      await t.waitFor("the disk is full (ENOSPC)", 2);
      free();
      await t.answer("What now?", KEY.enter, 2); // retry: saved
      await t.answer("Is there a firewall", KEY.down + KEY.enter); // no
      await t.waitFor("Are backups tested?");
      expect(sessionOf(cwd).answers.answers).toEqual({ collects_migrant_children: { value: "yes" }, gen_coverage: { value: "half" }, gen_firewall: { value: "no" } });
      await t.answer("Are backups tested?", KEY.enter, 1);
      await t.answer("Does it cover migrant children?", KEY.enter);
      await t.answer("How many child records", KEY.enter);
      await t.answer("Review", KEY.enter);
      await t.answer("Go to one, or finish?", KEY.end + KEY.enter); // the last choice: finish anyway
      expect(await t.exited).toBe(0);
      expect(t.screen).not.toMatch(/internal error|bug in assess|at .+\.js:\d+/);
      const answers = parse(readFileSync(join(cwd, "pty-office.answers.yaml"), "utf8"));
      expect(answers.answers).toEqual({ collects_migrant_children: { value: "yes" }, gen_coverage: { value: "half" }, gen_firewall: { value: "no" }, gen_backup: { value: "yes" } });
    }
  });

  it("in Thai at 80 columns, no vowel or tone mark is detached from its letter", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "assess-pty-"));
    // The built-in modules: their Thai is long enough to wrap.
    const t = new Terminal(["interview", "--lang", "th", "--no-comments"], cwd, { cols: 80 });
    await t.answer("ชื่อหน่วยงาน", `สำนักงานทดสอบ${KEY.enter}`);
    await t.answer("กระทรวงหรือหน่วยงานต้นสังกัด", KEY.enter);
    await t.answer("กองหรือฝ่าย", KEY.enter);
    await t.answer("ชื่อผู้ประสานงานหลัก", `ผู้ทดสอบ${KEY.enter}`);
    await t.answer("ตำแหน่ง", KEY.enter);
    await t.answer("อีเมลหรือโทรศัพท์", KEY.enter);
    await t.answer("ชื่อชุดข้อมูลที่ 1", `ทะเบียนราษฎร${KEY.enter}`);
    await t.answer("ทะเบียนราษฎร:", KEY.enter);
    // the Thai keyboard's n key types ื: it answers No, echoed in Thai
    await t.answer("เพิ่มชุดข้อมูลอีกหรือไม่", `ื${KEY.enter}`);
    await t.waitFor("เพิ่มชุดข้อมูลอีกหรือไม่ ไม่ใช่");
    await t.answer("ท่านจะตอบโมดูลเฉพาะด้านใดบ้าง", KEY.enter);
    await t.waitFor("1 จาก");
    await new Promise((r) => setTimeout(r, 300));
    t.kill("SIGKILL");
    await t.exited;

    // What an 80-column terminal shows, laid out by a terminal emulator.
    const screen = new xterm.Terminal({ cols: 80, rows: 40, scrollback: 5000, allowProposedApi: true });
    await new Promise<void>((done) => screen.write(t.raw.replace(/\n/g, "\r\n").replace(/\r\r\n/g, "\r\n"), done));
    const buffer = screen.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)!.translateToString(true));
    const thai = lines.filter((l) => /\p{Script=Thai}/u.test(l));
    // the key hints are in Thai too: the stock prompts' and those of the prompts that move around
    expect(t.screen).toContain("↑↓ เลื่อน");
    expect(t.screen).not.toContain("navigate");
    expect(t.screen).toContain("Esc ย้อนกลับ");
    expect(t.screen).not.toContain("Esc back");
    expect(thai.length).toBeGreaterThan(10);
    for (const line of lines) expect(line, line).not.toMatch(/^\p{M}/u);
    // and in what was written: no line begins with a mark either
    for (const line of t.screen.split(/\r?\n|\r/)) expect(line, line).not.toMatch(/^\p{M}/u);
    // a long help text is shown whole, every mark in place, across its lines
    const shown = lines.join("").replace(/\s/g, "");
    for (const word of ["ผู้ย้ายถิ่น", "ไม่ทราบ"].filter((w) => t.screen.includes(w))) expect(shown).toContain(word);
    expect(existsSync(join(cwd, "th-"))).toBe(false);
  });
});
