// Saving the session when the disk says no: every answer stays in memory, the interviewer is
// told what happened and where, and may try again or choose another folder, without leaving.
import { basename, dirname, join, resolve } from "node:path";
import type { Lang } from "../core/model.js";
import { OutputError, UsageError, outputError } from "../errors.js";
import { displayPath, exists } from "../io/fs.js";
import type { Prompter } from "../io/prompts.js";
import { saveSession } from "../io/session.js";
import { SessionLocked, lockSession, probeWritable } from "../io/session-guard.js";
import type { Ctx } from "./interview.js";
import { T, errnoWords, fill, tr } from "./interview-text.js";

/** Saves the session, asking what to do for as long as the disk refuses. */
export async function saveOrRecover(ctx: Ctx): Promise<void> {
  for (;;) {
    try {
      await saveSession(ctx.sessionPath, ctx.session);
      return;
    } catch (e) {
      if (!(e instanceof OutputError)) throw e;
      const { p, lang } = ctx;
      p.print(`\n${fill(T.saveFailed, lang, { file: displayPath(ctx.sessionPath), reason: errnoWords(e.errno, lang) })}`);
      const choice = await p.select<"retry" | "move">({
        message: tr(T.saveWhat, lang),
        choices: [
          { name: tr(T.retrySave, lang), value: "retry" },
          { name: tr(T.otherFolder, lang), value: "move" },
        ],
      });
      if (choice === "move") await moveSession(ctx);
    }
  }
}

/** One attempt, for a Ctrl-C: says so when it fails (there is no one left to ask). */
export async function saveOnce(ctx: Ctx): Promise<boolean> {
  try {
    await saveSession(ctx.sessionPath, ctx.session);
    return true;
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    ctx.p.print(`\n${fill(T.notSaved, ctx.lang, { file: displayPath(ctx.sessionPath), reason: errnoWords(e.errno, ctx.lang) })}`);
    return false;
  }
}

/** The session (and the answer file after it) in a folder the interviewer names; the lock goes with it. */
async function moveSession(ctx: Ctx): Promise<void> {
  const { p, lang } = ctx;
  const name = basename(ctx.sessionPath);
  const dir = await askFolder(p, lang, dirname(ctx.sessionPath), notTaken(name, lang));
  const next = join(dir, name);
  const lock = await takeLock(next, lang);
  await ctx.lock?.release();
  ctx.lock = lock;
  ctx.sessionPath = next;
  ctx.session.output = basename(ctx.session.output);
  p.print(fill(T.savedNowTo, lang, { file: displayPath(next) }));
}

/** For askFolder: a folder that already has a file of this name is refused. */
export function notTaken(name: string, lang: Lang): (dir: string) => Promise<true | string> {
  return async (d) => ((await exists(join(d, name))) ? fill(T.fileTaken, lang, { file: displayPath(join(d, name)) }) : true);
}

/**
 * A folder that takes a file, asked for until one does: `from` resolves what is typed.
 * `check` may refuse a writable folder too (a file of the same name there).
 */
export async function askFolder(p: Prompter, lang: Lang, from: string, check: (dir: string) => Promise<true | string> = async () => true): Promise<string> {
  for (;;) {
    const typed = (await p.input({ message: tr(T.folderPrompt, lang), validate: (s) => (s.trim() === "" ? tr(T.required, lang) : true) })).trim();
    const dir = resolve(from, typed);
    const refused = await writableOrReason(dir, lang);
    const other = refused ?? (await check(dir));
    if (other === true) return dir;
    p.print(other);
  }
}

/** Undefined when `dir` takes a file, else why not, in words. */
export async function writableOrReason(dir: string, lang: Lang): Promise<string | undefined> {
  try {
    await probeWritable(dir);
    return undefined;
  } catch (e) {
    return fill(T.folderNotWritable, lang, { dir: displayPath(dir), reason: errnoWords((e as NodeJS.ErrnoException).code, lang) });
  }
}

/** The session's lock, or a UsageError naming who holds it. */
export async function takeLock(sessionPath: string, lang: Lang): Promise<NonNullable<Ctx["lock"]>> {
  try {
    return await lockSession(sessionPath);
  } catch (e) {
    if (!(e instanceof SessionLocked)) throw outputError(displayPath(`${sessionPath}.lock`), e);
    const base = { file: displayPath(sessionPath), lock: displayPath(`${sessionPath}.lock`) };
    const h = e.holder;
    throw new UsageError(h ? fill(T.sessionLocked, lang, { ...base, pid: h.pid, host: h.host, since: h.started }) : fill(T.sessionLockedUnknown, lang, base));
  }
}
