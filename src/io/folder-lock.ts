// One run at a time in an output folder: a lock file created atomically (O_EXCL) names the
// run that holds the folder, so that two runs never interleave their files; a lock whose
// process is gone on this computer is taken over, and the temporary files it left removed.
import { randomBytes } from "node:crypto";
import { link, mkdir, open, readFile, readdir, rename, rm, rmdir } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { LockHolder, Problem } from "../core/problems.js";
import { problem } from "../core/problems.js";
import { FolderError, outputError } from "../errors.js";
import { now } from "./clock.js";
import { displayPath } from "./fs.js";

export const LOCK_NAME = ".assess.lock";

/** Our own temporary files (fs.ts tempPathFor: `<target>.<pid>.<8 hex>.tmp`) for the files we write, a report's staging folder (staging.ts), and a lock moved aside. */
const LEFTOVER = /^(?:(?:results\.json|.+\.results\.json|manifest\.json|(?:report|compare)\.(?:md|html|xlsx|json|docx)|action-plan\.xlsx|\.assess-stage)\.\d+\.[0-9a-f]{8}\.tmp|\.assess\.lock\.\d+\.[0-9a-f]{8}\.stale)$/;

export interface FolderLock {
  /** Removes the lock, if it is still ours, and the folder if the run created it and left it empty. */
  release(): Promise<void>;
}

/**
 * Takes `dir` for this run (creating it if needed). Throws a FolderError naming the holder when
 * another run has it, an OutputError when the folder cannot be written. `notes` are warnings to
 * print: a stale lock taken over, leftover temporary files removed.
 */
export async function claimOutputFolder(folder: string, command: string): Promise<{ lock: FolderLock; notes: Problem[] }> {
  const dir = resolve(folder);
  const lockPath = join(dir, LOCK_NAME);
  const shown = displayPath(lockPath);
  let created: string | undefined;
  try {
    created = await mkdir(dir, { recursive: true });
  } catch (e) {
    throw outputError(displayPath(dir), e);
  }
  const holder: LockHolder = { command, pid: process.pid, host: hostname(), started: now() };
  const text = `${JSON.stringify({ ...holder, token: randomBytes(8).toString("hex") })}\n`;
  const notes: Problem[] = [];
  // A few rounds: a stale lock taken over by another run at the same moment sends us round again.
  for (let round = 0; !(await createExclusive(lockPath, text, dir)); round++) {
    const found = await readFile(lockPath, "utf8").catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? null : ""));
    const other = found ? parseHolder(found) : undefined;
    const sameHost = other?.host === hostname();
    if (round >= 3 || (found !== null && (!other || !sameHost || isRunning(other.pid)))) {
      throw new FolderError(`cannot write to ${displayPath(dir)}: another run of assess holds it`, [problem("FOLDER_LOCKED", { ...(other ? { holder: other } : {}), sameHost }, shown, [])]);
    }
    // A stale lock is moved aside, if it is still the one read; a lock released meanwhile (null) is simply tried again.
    if (found !== null && other && (await moveAside(lockPath, found))) notes.push(problem("STALE_LOCK_TAKEN", { holder: other }, shown, [], "warning"));
  }
  const lock: FolderLock = {
    release: async () => {
      if ((await readFile(lockPath, "utf8").catch(() => "")) === text) await rm(lockPath, { force: true }).catch(() => undefined);
      if (created) await removeEmpty(dir, created);
    },
  };
  try {
    const removed = await removeLeftovers(dir);
    if (removed.length) notes.push(problem("LEFTOVER_REMOVED", { files: removed }, displayPath(dir), [], "warning"));
  } catch (e) {
    await lock.release();
    throw outputError(displayPath(dir), e);
  }
  return { lock, notes };
}

/** Creates the lock file with its content, or returns false when one is there. */
async function createExclusive(path: string, text: string, dir: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(path, "wx");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw outputError(displayPath(dir), e);
  }
  try {
    await fh.writeFile(text);
    await fh.close();
    return true;
  } catch (e) {
    // A full disk: leave no empty lock file that would stop the next run.
    await fh.close().catch(() => undefined);
    await rm(path, { force: true }).catch(() => undefined);
    throw outputError(displayPath(dir), e);
  }
}

/**
 * Removes a stale lock, but only the one we read: it is renamed aside first (atomic), and a
 * fresh lock that another run made in the meantime is put back. False when it was gone.
 */
async function moveAside(lockPath: string, seen: string): Promise<boolean> {
  const aside = `${lockPath}.${process.pid}.${randomBytes(4).toString("hex")}.stale`;
  try {
    await rename(lockPath, aside);
  } catch {
    return false;
  }
  const moved = await readFile(aside, "utf8").catch(() => "");
  if (moved !== seen) await link(aside, lockPath).catch(() => undefined);
  await rm(aside, { force: true }).catch(() => undefined);
  return moved === seen;
}

export function parseHolder(text: string): LockHolder | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (typeof v.command === "string" && Number.isInteger(v.pid) && typeof v.host === "string" && typeof v.started === "string") {
      return { command: v.command, pid: v.pid!, host: v.host, started: v.started };
    }
  } catch {
    // an empty or half-written lock file: its holder is unknown
  }
  return undefined;
}

/** Whether a process runs on this computer (EPERM: it runs, as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The holder of a folder's lock, if one is there and its process runs on this computer (or elsewhere). */
export async function lockHolder(dir: string): Promise<LockHolder | undefined> {
  const other = parseHolder(await readFile(join(dir, LOCK_NAME), "utf8").catch(() => ""));
  if (!other) return undefined;
  return other.host !== hostname() || isRunning(other.pid) ? other : undefined;
}

/** Removes our temporary files that a stopped run left; returns their names. */
async function removeLeftovers(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => LEFTOVER.test(n)).sort();
  for (const n of names) await rm(join(dir, n), { recursive: true, force: true });
  return names;
}

/** The folders this run created, from `dir` up to `top`, where nothing was written in them. */
async function removeEmpty(dir: string, top: string): Promise<void> {
  for (let d = dir; ; d = dirname(d)) {
    if (!(await rmdir(d).then(() => true, () => false))) return;
    if (d === top || dirname(d) === d) return;
  }
}
