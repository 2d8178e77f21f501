// The report's answer table, set aside on disk while the results are read (one line of JSON
// per institution), and read back institution by institution in the report's order: the
// table of thousands of institutions is never in memory at once. The institutions' sections
// of a report of thousands are set aside the same way.
import { open, rm } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { AnswerRow } from "../core/report-model.js";
import { outputError } from "../errors.js";
import { displayPath } from "./fs.js";
import { stagingName } from "./staging.js";

/** What was set aside, one institution's part at a time, in the report's order. */
export interface Spilled<T> {
  batches(): AsyncGenerator<T>;
}

/** The rows of the answer table, institution by institution, in the report's order. */
export type AnswerRows = Spilled<AnswerRow[]>;

export class AnswerSpill<K, T = AnswerRow[]> {
  private readonly at = new Map<K, { offset: number; length: number }>();
  private size = 0;

  private constructor(
    private readonly path: string,
    private readonly fh: FileHandle,
  ) {}

  /** A spill file in `dir`, named as folder-lock.ts removes it when a run stops before its end. */
  static async open<K, T = AnswerRow[]>(dir: string): Promise<AnswerSpill<K, T>> {
    const path = join(dir, stagingName());
    try {
      return new AnswerSpill<K, T>(path, await open(path, "w+"));
    } catch (e) {
      throw outputError(displayPath(dir), e);
    }
  }

  async add(key: K, part: T): Promise<void> {
    const bytes = Buffer.from(JSON.stringify(part), "utf8");
    try {
      await this.fh.write(bytes, 0, bytes.length, this.size);
    } catch (e) {
      throw outputError(displayPath(this.path), e);
    }
    this.at.set(key, { offset: this.size, length: bytes.length });
    this.size += bytes.length;
  }

  /** The parts of `keys`, in that order. */
  rows(keys: readonly K[]): Spilled<T> {
    return {
      batches: async function* (this: AnswerSpill<K, T>) {
        for (const k of keys) {
          const at = this.at.get(k);
          if (!at) continue;
          const buf = Buffer.alloc(at.length);
          await this.fh.read(buf, 0, at.length, at.offset);
          yield JSON.parse(buf.toString("utf8")) as T;
        }
      }.bind(this),
    };
  }

  async remove(): Promise<void> {
    await this.fh.close().catch(() => undefined);
    await rm(this.path, { force: true }).catch(() => undefined);
  }
}
