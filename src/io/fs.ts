// File writes that never leave a half-written file and never overwrite without --force.
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { dirname, isAbsolute, relative, sep } from "node:path";
import { OutputError, UsageError, outputError } from "../errors.js";

/** A path as the user would type it: relative to the working folder when inside it. */
export function displayPath(path: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(process.cwd(), path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel.split(sep).join("/");
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Refuses an output folder that is a file, before any work is done. */
export async function requireOutputFolder(dir: string): Promise<void> {
  const found = await stat(dir).catch(() => undefined);
  if (found && !found.isDirectory()) throw new OutputError(displayPath(dir), "EEXIST", "it is a file, not a folder");
}

export interface WriteOptions {
  /** Replace an existing file. Without it, an existing file is an error. */
  force?: boolean;
}

/**
 * Writes to a temporary file beside the target, flushes it, then renames it into place.
 * A failure (a file in the way, no permission, a full disk) is an OutputError naming the
 * target, and leaves no temporary file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  if (!options.force && (await exists(path))) {
    throw new UsageError(`${displayPath(path)} already exists; use --force to replace it`);
  }
  const tmp = tempPathFor(path);
  let fh: FileHandle | undefined;
  try {
    await mkdir(dirname(path), { recursive: true });
    fh = await open(tmp, "w");
    await fh.writeFile(data);
    await fh.sync();
    await fh.close();
    fh = undefined;
    await rename(tmp, path);
  } catch (e) {
    await discard(fh, tmp);
    throw outputError(displayPath(path), e);
  }
}

/** A temporary file beside `path`, named so that two processes never share one. */
export function tempPathFor(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
}

/** Closes and removes a temporary file after a failure; a second failure here must not hide the first. */
export async function discard(fh: FileHandle | undefined, tmp: string): Promise<void> {
  await fh?.close().catch(() => undefined);
  await rm(tmp, { force: true }).catch(() => undefined);
}
