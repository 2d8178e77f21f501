// The interview's session file under faults: saved from the first answer, one process at a
// time, our stale temporary files removed, Thai-only names told apart.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { interviewCommand } from "../src/commands/interview.js";
import { ExitError, UsageError } from "../src/errors.js";
import { lockSession } from "../src/io/session-guard.js";
import { INTERRUPT, ScriptedPrompter } from "./helpers/scripted-prompter.js";

const MODULES = "test/fixtures/interview/modules";
const TODAY = "2026-11-20";
const tempDir = () => mkdtempSync(join(tmpdir(), "assess-faults-"));
const run = (prompter: ScriptedPrompter, cwd: string, extra: Parameters<typeof interviewCommand>[0] = {}) =>
  interviewCommand({ modules: MODULES, lang: "en", ...extra }, { prompter, cwd, today: TODAY });

describe("saving from the first answer", () => {
  it("keeps the profile answers given before a Ctrl-C, and asks only the rest on resume", async () => {
    const cwd = tempDir();
    const first = new ScriptedPrompter([
      { ask: "Institution (department or agency) name", reply: "Office A" },
      { ask: "Ministry or parent body", reply: "moi" },
      { ask: "Division or unit", reply: "Registration" },
      { ask: "Focal point's name", reply: INTERRUPT },
    ]);
    await expect(run(first, cwd)).rejects.toEqual(new ExitError(130));
    expect(first.printed.join("\n")).not.toContain("nothing to save");
    const session = join(cwd, "office-a.session.json");
    const saved = JSON.parse(readFileSync(session, "utf8"));
    expect(saved.stage).toBe("profile");
    expect(saved.answers.institution).toMatchObject({ id: "office-a", name: "Office A", department: "Registration" });
    expect(saved.answers.institution.ministry).toBeTruthy();

    const again = new ScriptedPrompter([
      { ask: "Focal point's name", reply: "Example Person" },
      { ask: "position", reply: "" },
      { ask: "e-mail or phone", reply: "" },
      { ask: "Name of dataset 1", reply: "Register A" },
      { ask: "Register A: What type of dataset is this?", reply: INTERRUPT },
    ]);
    await expect(run(again, cwd, { resume: session })).rejects.toEqual(new ExitError(130));
    const later = JSON.parse(readFileSync(session, "utf8"));
    expect(later.answers.respondent).toEqual({ name: "Example Person" });
    // the dataset's name is saved before its type is asked; resuming asks the type first
    expect(later.answers.datasets).toEqual([{ id: "register-a", name: "Register A", answers: {} }]);
    const third = new ScriptedPrompter([
      { ask: "Register A: What type of dataset is this?", reply: "register" },
      { ask: "Add another dataset?", reply: INTERRUPT },
    ]);
    await expect(run(third, cwd, { resume: session })).rejects.toEqual(new ExitError(130));
    expect(JSON.parse(readFileSync(session, "utf8")).answers.datasets[0].answers).toEqual({ ds_type: { value: "register" } });
  });
});

describe("a folder that cannot be written", () => {
  it("is found before the first question, and another folder is asked for", async () => {
    const cwd = join(tempDir(), "gone");
    const other = tempDir();
    const prompter = new ScriptedPrompter([
      { ask: "Folder to save the answers in", reply: other },
      { ask: "Institution (department or agency) name", reply: "Office A" },
      { ask: "Ministry", reply: INTERRUPT },
    ]);
    await expect(run(prompter, cwd)).rejects.toEqual(new ExitError(130));
    expect(prompter.printed.join("\n")).toContain(`The folder ${cwd} cannot be written: no such folder (ENOENT).`);
    expect(existsSync(join(other, "office-a.session.json"))).toBe(true);
  });

  it("when a save fails, keeps every answer, says why and where, and saves in another folder", async () => {
    const cwd = tempDir();
    const other = tempDir();
    const session = join(cwd, "office-a.session.json");
    const prompter = new ScriptedPrompter([
      { ask: "Institution (department or agency) name", reply: "Office A" },
      {
        ask: "Ministry",
        reply: (choices) => {
          // The session file's place is taken by a folder: the next save cannot be renamed into place.
          rmSync(session);
          mkdirSync(session);
          return choices[0]!.value;
        },
      },
      { ask: "What now?", reply: "retry" },
      { ask: "What now?", reply: "move" },
      { ask: "Folder to save the answers in", reply: other },
      { ask: "Division or unit", reply: "Registration" },
      { ask: "Focal point's name", reply: INTERRUPT },
    ]);
    await expect(run(prompter, cwd)).rejects.toEqual(new ExitError(130));
    const printed = prompter.printed.join("\n");
    expect(printed).toContain(`Could not save the answers to ${session}: `);
    expect(printed).toContain("Every answer is kept in memory.");
    expect(printed).toContain(`assess interview --resume ${join(other, "office-a.session.json")}`);
    const saved = JSON.parse(readFileSync(join(other, "office-a.session.json"), "utf8"));
    expect(saved.answers.institution).toMatchObject({ name: "Office A", department: "Registration" });
    expect(saved.answers.institution.ministry).toBeTruthy();
    expect(saved.output).toBe("office-a.answers.yaml");
    // the lock went with the session
    expect(existsSync(join(other, "office-a.session.json.lock"))).toBe(false);
    expect(readdirSync(other).sort()).toEqual(["office-a.session.json"]);
  });
});

describe("a session on a disk that became read-only", () => {
  // A tmpfs remounted read-only, where this user may mount one (root).
  const dir = mkdtempSync(join(tmpdir(), "assess-ro-"));
  const run_ = (cmd: string, ...args: string[]) => {
    try {
      execFileSync(cmd, args, { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  };
  const mount = (...args: string[]) => run_("mount", ...args);
  const umount = (d: string) => run_("umount", "-l", d);
  // Tried once here and let go; mounted again for the test itself, so nothing stays mounted.
  const canMount = !process.env.ASSESS_NO_TMPFS && mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", dir) && umount(dir);

  it.skipIf(!canMount)("continues in another folder the interviewer names", async () => {
    expect(mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", dir)).toBe(true);
    try {
      await readOnlyResume(dir);
    } finally {
      umount(dir);
    }
  });

  async function readOnlyResume(dir: string): Promise<void> {
    const first = new ScriptedPrompter([{ ask: "Institution (department or agency) name", reply: "Office A" }, { ask: "Ministry", reply: INTERRUPT }]);
    await expect(run(first, dir)).rejects.toEqual(new ExitError(130));
    expect(mount("-o", "remount,ro", dir)).toBe(true);
    const other = tempDir();
    const again = new ScriptedPrompter([
      { ask: "Folder to save the answers in", reply: other },
      { ask: "Ministry", reply: INTERRUPT },
    ]);
    await expect(run(again, dir, { resume: join(dir, "office-a.session.json") })).rejects.toEqual(new ExitError(130));
    expect(again.printed.join("\n")).toContain("the disk is read-only (EROFS)");
    const saved = JSON.parse(readFileSync(join(other, "office-a.session.json"), "utf8"));
    expect(saved.answers.institution.name).toBe("Office A");
    expect(saved.output).toBe("office-a.answers.yaml");
  }
});

describe("one interview at a time on a session file", () => {
  it("refuses a second process and says who holds the session", async () => {
    const cwd = tempDir();
    const first = new ScriptedPrompter([{ ask: "Institution (department or agency) name", reply: "Office A" }, { ask: "Ministry", reply: INTERRUPT }]);
    await expect(run(first, cwd)).rejects.toEqual(new ExitError(130));
    const session = join(cwd, "office-a.session.json");
    // the lock is released when the interview stops
    expect(existsSync(`${session}.lock`)).toBe(false);
    const held = await lockSession(session);
    try {
      const second = new ScriptedPrompter([]);
      const refused = run(second, cwd, { resume: session });
      await expect(refused).rejects.toBeInstanceOf(UsageError);
      await expect(refused).rejects.toThrow(`(process ${process.pid} on ${hostname()}, since `);
    } finally {
      await held.release();
    }
  });

  it("takes over a lock whose process is gone", async () => {
    const cwd = tempDir();
    const first = new ScriptedPrompter([{ ask: "Institution (department or agency) name", reply: "Office A" }, { ask: "Ministry", reply: INTERRUPT }]);
    await expect(run(first, cwd)).rejects.toEqual(new ExitError(130));
    const session = join(cwd, "office-a.session.json");
    writeFileSync(`${session}.lock`, JSON.stringify({ command: "interview", pid: 2 ** 22 + 1, host: hostname(), started: "2026-11-20T08:00:00.000Z" }));
    const again = new ScriptedPrompter([{ ask: "Ministry", reply: INTERRUPT }]);
    await expect(run(again, cwd, { resume: session })).rejects.toEqual(new ExitError(130));
  });
});

describe("leftovers and names", () => {
  it("removes temporary session files a stopped interview left, and names them", async () => {
    const cwd = tempDir();
    const stale = "office-a.session.json.4194305.0123abcd.tmp";
    writeFileSync(join(cwd, stale), "{}");
    writeFileSync(join(cwd, "notes.session.json.txt"), "not ours");
    const prompter = new ScriptedPrompter([{ ask: "Institution (department or agency) name", reply: INTERRUPT }]);
    await expect(run(prompter, cwd)).rejects.toEqual(new ExitError(130));
    expect(readdirSync(cwd).sort()).toEqual(["notes.session.json.txt"]);
    expect(prompter.printed.join("\n")).toContain(stale);
  });

  it("gives Thai-only names their own session files, and the resume list shows names and dates", async () => {
    const cwd = tempDir();
    for (const [i, name] of ["กรมการปกครอง", "กรมการจัดหางาน"].entries()) {
      const offered = i === 0 ? [] : [{ ask: "An unfinished interview was found here.", reply: "__new__" }];
      const p = new ScriptedPrompter([...offered, { ask: "Institution (department or agency) name", reply: name }, { ask: "Ministry", reply: INTERRUPT }]);
      await expect(run(p, cwd)).rejects.toEqual(new ExitError(130));
    }
    const files = readdirSync(cwd).filter((f) => f.endsWith(".session.json"));
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.startsWith("th-"))).toBe(true);
    const offer = new ScriptedPrompter([
      {
        ask: "An unfinished interview was found here.",
        reply: (choices) => {
          expect(choices.map((c) => c.name).join("\n")).toContain(`กรมการปกครอง · started ${TODAY}`);
          expect(choices.map((c) => c.name).join("\n")).toContain(`กรมการจัดหางาน · started ${TODAY}`);
          return "__new__";
        },
      },
      { ask: "Institution (department or agency) name", reply: INTERRUPT },
    ]);
    await expect(run(offer, cwd)).rejects.toEqual(new ExitError(130));
  });
});
