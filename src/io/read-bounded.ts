// Reading an input file: a regular file only (never a FIFO that blocks for ever or a device
// without end, such as a link to /dev/zero), and no more than a documented number of bytes.
import { constants } from "node:fs";
import type { Stats } from "node:fs";
import { lstat, open, readlink } from "node:fs/promises";
import { coded } from "../core/problems.js";
import type { CodedProblem, SpecialFileKind } from "../core/problems.js";
import { ioReason } from "../errors.js";

/** What a file that is not a regular file is. */
export function specialKind(s: Stats): SpecialFileKind {
  if (s.isFIFO()) return "fifo";
  if (s.isCharacterDevice() || s.isBlockDevice()) return "device";
  if (s.isSocket()) return "socket";
  if (s.isDirectory()) return "folder";
  return "other";
}

/** The problem for a path that is not a regular file (`s`: its stat, links followed), naming a link's target. */
export async function specialFile(path: string, s: Stats): Promise<CodedProblem> {
  const link = await lstat(path).catch(() => undefined);
  const target = link?.isSymbolicLink() ? await readlink(path).catch(() => undefined) : undefined;
  return coded("SPECIAL_FILE", { kind: specialKind(s), ...(target ? { target } : {}) });
}

/**
 * The bytes of `file`, or the problem that stopped reading it: not a regular file (checked
 * on the open file, so that nothing is swapped in between), above `max` bytes (`tooLarge`
 * words it; a file that grows while it is read is not read past the limit), or an I/O error.
 */
export async function readBounded(file: string, max: number, tooLarge: (bytes: number) => CodedProblem): Promise<{ bytes: Buffer } | { problem: CodedProblem }> {
  let fh;
  try {
    // Non-blocking, so that opening a FIFO returns at once instead of waiting for a writer.
    fh = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { problem: coded("READ_FAILED", { detail: ioReason(e) }) };
  }
  try {
    const s = await fh.stat();
    if (!s.isFile()) return { problem: await specialFile(file, s) };
    if (s.size > max) return { problem: tooLarge(s.size) };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // The size it has, and one byte more to see that it has not grown: one read, no copy, for most files.
      // Unsafe (not zeroed) because only the bytes read are ever kept.
      const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(total === 0 ? s.size + 1 : 1 << 20, max + 1 - total)));
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) return { problem: tooLarge(total) };
    }
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch (e) {
    return { problem: coded("READ_FAILED", { detail: ioReason(e) }) };
  } finally {
    await fh.close().catch(() => undefined);
  }
}
