// The report's answer table, set aside on disk while the results are read (one line of JSON
// per institution), and read back institution by institution in the report's order: the
// table of thousands of institutions is never in memory at once.
import { open, rm } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import type { AnswerRow } from "../core/report-model.js";
import { outputError } from "../errors.js";
import { displayPath } from "./fs.js";

/** The rows of the answer table, institution by institution, in the report's order. */
export interface AnswerRows {
  batches(): AsyncGenerator<AnswerRow[]>;
}

export class AnswerSpill<K> {
  private readonly at = new Map<K, { offset: number; length: number }>();
  private size = 0;

  private constructor(
    private readonly path: string,
    private readonly fh: FileHandle,
  ) {}

  /** A spill file in `dir`, named as folder-lock.ts removes it when a run stops before its end. */
  static async open<K>(dir: string): Promise<AnswerSpill<K>> {
    const path = join(dir, `.assess-stage.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    try {
      return new AnswerSpill<K>(path, await open(path, "w+"));
    } catch (e) {
      throw outputError(displayPath(dir), e);
    }
  }

  async add(key: K, rows: AnswerRow[]): Promise<void> {
    const bytes = Buffer.from(JSON.stringify(rows), "utf8");
    try {
      await this.fh.write(bytes, 0, bytes.length, this.size);
    } catch (e) {
      throw outputError(displayPath(this.path), e);
    }
    this.at.set(key, { offset: this.size, length: bytes.length });
    this.size += bytes.length;
  }

  /** The rows of `keys`, in that order. */
  rows(keys: readonly K[]): AnswerRows {
    return {
      batches: async function* (this: AnswerSpill<K>) {
        for (const k of keys) {
          const at = this.at.get(k);
          if (!at) continue;
          const buf = Buffer.alloc(at.length);
          await this.fh.read(buf, 0, at.length, at.offset);
          yield JSON.parse(buf.toString("utf8")) as AnswerRow[];
        }
      }.bind(this),
    };
  }

  async remove(): Promise<void> {
    await this.fh.close().catch(() => undefined);
    await rm(this.path, { force: true }).catch(() => undefined);
  }
}
