// Writes a results document one institution at a time, so that a batch of any size keeps
// memory flat. To a file it writes a temporary file and renames it at the end.
import { mkdir, open, rename } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { dirname } from "node:path";
import { RESULTS_FORMAT } from "../core/results.js";
import type { FailedInput } from "../core/results.js";
import { METHOD_VERSION } from "../core/scoring.js";
import { outputError } from "../errors.js";
import { discard, displayPath, tempPathFor } from "./fs.js";
import type { Output } from "./streams.js";

/** One institution (or failed input) per line: a combined file of hundreds stays small and quick to write. */
function line(value: unknown): string {
  return JSON.stringify(value);
}

export class JsonResultsWriter {
  private fh?: FileHandle;
  private tmp?: string;
  private count = 0;
  private started = false;

  /** `path` null writes to `out` (standard output). */
  constructor(
    private readonly path: string | null,
    private readonly out: Output = process.stdout,
  ) {}

  private async write(text: string | Uint8Array): Promise<void> {
    if (this.path === null) {
      if (this.out.write(text) === false && this.out.once) await new Promise<void>((r) => this.out.once!("drain", r));
      return;
    }
    try {
      if (!this.tmp) {
        this.tmp = tempPathFor(this.path);
        await mkdir(dirname(this.path), { recursive: true });
        this.fh = await open(this.tmp, "w");
      }
      await (typeof text === "string" ? this.fh!.write(text) : this.fh!.write(text));
    } catch (e) {
      await this.abort();
      throw outputError(displayPath(this.path), e);
    }
  }

  /** Removes the temporary file: the batch stopped before it finished. */
  async abort(): Promise<void> {
    if (this.tmp) await discard(this.fh, this.tmp);
    this.fh = undefined;
  }

  private async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.write(`{\n  "format": "${RESULTS_FORMAT}",\n  "method": "${METHOD_VERSION}",\n  "results": [`);
  }

  /** `json`: one institution's result as one line of JSON, as text or UTF-8 (rendered where it was scored). */
  async add(json: string | Uint8Array): Promise<void> {
    await this.start();
    // Two writes, not one joined string: joining a line of Thai text costs a copy of it, and encoding the joined string costs more again.
    await this.write(`${this.count++ === 0 ? "" : ","}\n    `);
    await this.write(json);
  }

  async finish(failed: readonly FailedInput[]): Promise<void> {
    await this.start();
    const failedText = failed.length ? `[\n    ${failed.map((f) => line(f)).join(",\n    ")}\n  ]` : "[]";
    await this.write(`${this.count ? "\n  " : ""}],\n  "failed": ${failedText}\n}\n`);
    if (this.fh && this.tmp && this.path) {
      try {
        await this.fh.sync();
        await this.fh.close();
        this.fh = undefined;
        await rename(this.tmp, this.path);
      } catch (e) {
        await this.abort();
        throw outputError(displayPath(this.path), e);
      }
    }
  }
}
