// A long table of a report of thousands of institutions (the heatmap, the data map, who shares
// with whom), set aside on disk as its rows are made, a line of JSON each, and read back in
// the same order each time a renderer iterates it: the table is never in memory whole.
// Reading is synchronous because the renderers iterate tables synchronously (a Markdown or
// HTML line, a streamed sheet's rows, a JSON array), and a report run has nothing else to do
// while it writes.
import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Rows } from "../core/report-model.js";
import { InternalError, outputError } from "../errors.js";
import { displayPath } from "./fs.js";
import { stagingName } from "./staging.js";

/** Rows are written and read in blocks of this size: a few rows of thousands at a time. */
const BLOCK = 1 << 20;
const NEWLINE = 0x0a;

export class RowFile<T> implements Rows<T> {
  private count = 0;
  private size = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  private constructor(
    private readonly path: string,
    private fd: number | undefined,
  ) {}

  /** A row file in `dir`, named as folder-lock.ts removes it when a run stops before its end. */
  static open<T>(dir: string): RowFile<T> {
    const path = join(dir, stagingName());
    try {
      return new RowFile<T>(path, openSync(path, "w+"));
    } catch (e) {
      throw outputError(displayPath(dir), e);
    }
  }

  get length(): number {
    return this.count;
  }

  add(row: T): void {
    // JSON.stringify never writes a raw line break: a row is one line.
    const bytes = Buffer.from(`${JSON.stringify(row)}\n`, "utf8");
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.count++;
    if (this.pendingBytes >= BLOCK) this.flush();
  }

  *[Symbol.iterator](): Iterator<T> {
    this.flush();
    const fd = this.handle();
    const block = Buffer.allocUnsafe(BLOCK);
    let carry: Buffer | undefined;
    for (let at = 0; at < this.size; ) {
      const n = this.read(fd, block, at);
      at += n;
      const data = carry ? Buffer.concat([carry, block.subarray(0, n)]) : block.subarray(0, n);
      let start = 0;
      for (let end = data.indexOf(NEWLINE, start); end !== -1; end = data.indexOf(NEWLINE, start)) {
        const row = JSON.parse(data.toString("utf8", start, end)) as T;
        start = end + 1;
        yield row;
      }
      // The block is read into again: what is left of a row is copied out first.
      carry = start < data.length ? Buffer.from(data.subarray(start)) : undefined;
    }
    if (carry) throw outputError(displayPath(this.path), new Error("the file ends inside a row"));
  }

  remove(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.pending = [];
    rmSync(this.path, { force: true });
  }

  private flush(): void {
    if (!this.pending.length) return;
    const bytes = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    const fd = this.handle();
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, this.size + done);
    } catch (e) {
      throw outputError(displayPath(this.path), e);
    }
    this.size += bytes.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  private read(fd: number, block: Buffer, at: number): number {
    try {
      const n = readSync(fd, block, 0, Math.min(BLOCK, this.size - at), at);
      if (n > 0) return n;
    } catch (e) {
      throw outputError(displayPath(this.path), e);
    }
    throw outputError(displayPath(this.path), new Error("the file is shorter than was written"));
  }

  private handle(): number {
    if (this.fd === undefined) throw new InternalError(`${displayPath(this.path)} was read after it was removed`);
    return this.fd;
  }
}
