// What keeps an interview's session file safe: one process at a time (a lock beside it naming
// its holder), our own temporary files from a stopped run removed, and a folder known to be
// writable before the first question is asked.
import { randomBytes } from "node:crypto";
import { open, readFile, readdir, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import type { LockHolder } from "../core/problems.js";
import { now } from "./clock.js";
import { isRunning, parseHolder } from "./folder-lock.js";

/** Another interview holds the session file: who, for the message. */
export class SessionLocked extends Error {
  constructor(
    readonly path: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(`session ${path} is locked`);
    this.name = "SessionLocked";
  }
}

export interface SessionLock {
  release(): Promise<void>;
}

/**
 * Takes `<session>.lock` for this process (O_EXCL). A lock whose process is gone on this
 * computer is taken over; one held by a running process (or on another computer) refuses.
 */
export async function lockSession(sessionPath: string): Promise<SessionLock> {
  const path = `${sessionPath}.lock`;
  const text = `${JSON.stringify({ command: "interview", pid: process.pid, host: hostname(), started: now(), token: randomBytes(8).toString("hex") })}\n`;
  for (let round = 0; ; round++) {
    try {
      const fh = await open(path, "wx");
      try {
        await fh.writeFile(text);
      } finally {
        await fh.close();
      }
      return { release: async () => ((await readFile(path, "utf8").catch(() => "")) === text ? rm(path, { force: true }).catch(() => undefined) : undefined) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = parseHolder(await readFile(path, "utf8").catch(() => ""));
    const stale = holder !== undefined && holder.host === hostname() && holder.pid !== process.pid && !isRunning(holder.pid);
    if (!stale || round >= 2) throw new SessionLocked(sessionPath, holder);
    await rm(path, { force: true });
  }
}

/** Our temporary session files (fs.ts tempPathFor: `<file>.<pid>.<8 hex>.tmp`) whose process is gone: removed, names returned. */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names.sort()) {
    const m = /\.session\.json\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name);
    if (!m || isRunning(Number(m[1]))) continue;
    await rm(join(dir, name), { force: true }).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

/** Writes and removes a small file in `dir`: throws the system's error when the folder cannot take one. */
export async function probeWritable(dir: string): Promise<void> {
  const path = join(dir, `.assess-probe.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const fh = await open(path, "wx");
    try {
      // A few kilobytes, as a session file takes: an empty file can still be made on a full disk.
      await fh.writeFile(Buffer.alloc(8192, 32));
      await fh.sync();
    } finally {
      await fh.close();
    }
  } finally {
    await rm(path, { force: true }).catch(() => undefined);
  }
}
