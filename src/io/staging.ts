// Several files that make one whole (a report in every format) are written to a staging folder
// inside the output folder, then moved in place together: a failed or killed run never leaves
// a mix of old and new files. A stopped run's staging folder is removed by the folder lock.
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { OutputError, outputError } from "../errors.js";
import { displayPath } from "./fs.js";

/** `.assess-stage.<pid>.<8 hex>.tmp`: folder-lock.ts knows the pattern and removes what a stopped run left. */
export function stagingName(): string {
  return `.assess-stage.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
}

/**
 * Runs `write` with a fresh staging folder inside `dir`, then moves everything it wrote into
 * `dir` (a folder replaces the old folder of the same name), and removes the names in `stale`
 * that the new files do not include (a part an earlier, larger report had). Nothing in `dir`
 * changes unless `write` succeeds. Returns the names moved in.
 */
export async function writeStaged(dir: string, stale: readonly string[], write: (stage: string) => Promise<void>): Promise<string[]> {
  const stage = join(dir, stagingName());
  try {
    await mkdir(stage, { recursive: true });
  } catch (e) {
    throw outputError(displayPath(dir), e);
  }
  try {
    await write(stage).catch((e: unknown) => {
      // Named as the user knows it: the report's file, not its place in the staging folder.
      const shown = displayPath(stage);
      if (e instanceof OutputError && e.path.startsWith(shown)) throw outputError(displayPath(dir) + e.path.slice(shown.length), e.cause);
      throw e;
    });
    const names = (await readdir(stage)).sort();
    for (const n of names) await moveIn(join(stage, n), join(dir, n));
    for (const n of stale) if (!names.includes(n)) await rm(join(dir, n), { recursive: true, force: true });
    return names;
  } finally {
    await rm(stage, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** A file replaces its old self atomically; a folder is swapped in, then the old one removed. */
async function moveIn(from: string, to: string): Promise<void> {
  try {
    const old = await stat(to).catch(() => undefined);
    if (old?.isDirectory()) {
      const aside = `${from}.old`;
      await rename(to, aside);
      await rename(from, to);
      await rm(aside, { recursive: true, force: true });
    } else {
      await rename(from, to);
    }
  } catch (e) {
    throw outputError(displayPath(to), e);
  }
}

/** Writes a file from its parts as they come (a staged file: no temporary name of its own). */
export async function writeChunks(path: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<void> {
  let fh;
  try {
    fh = await open(path, "wx");
    // Small parts are gathered into writes of about 64 kB: one system call each, not one a part.
    let pending: string[] = [];
    let size = 0;
    for await (const c of chunks) {
      pending.push(c);
      size += c.length;
      if (size < 65_536) continue;
      await fh.write(pending.join(""));
      pending = [];
      size = 0;
    }
    if (pending.length) await fh.write(pending.join(""));
    await fh.sync();
  } catch (e) {
    throw outputError(displayPath(path), e);
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** Writes a file in a staging folder: the folder is moved in place whole, so no temporary name and no flush of its own. */
export async function writeStagedFile(path: string, data: string): Promise<void> {
  try {
    await writeFile(path, data, { flag: "wx" });
  } catch (e) {
    throw outputError(displayPath(path), e);
  }
}
