// Writes a results document one institution at a time, so that a batch of any size keeps
// memory flat. To a file it writes a temporary file and renames it at the end.
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { dirname } from "node:path";
import { RESULTS_FORMAT } from "../core/results.js";
import type { FailedInput, InstitutionResult } from "../core/results.js";
import { METHOD_VERSION } from "../core/scoring.js";
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

  private async write(text: string): Promise<void> {
    if (this.path === null) {
      if (this.out.write(text) === false && this.out.once) await new Promise<void>((r) => this.out.once!("drain", r));
      return;
    }
    if (!this.fh) {
      await mkdir(dirname(this.path), { recursive: true });
      this.tmp = `${this.path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
      this.fh = await open(this.tmp, "w");
    }
    await this.fh.write(text);
  }

  private async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.write(`{\n  "format": "${RESULTS_FORMAT}",\n  "method": "${METHOD_VERSION}",\n  "results": [`);
  }

  async add(result: InstitutionResult): Promise<void> {
    await this.start();
    await this.write(`${this.count++ === 0 ? "" : ","}\n    ${line(result)}`);
  }

  async finish(failed: readonly FailedInput[]): Promise<void> {
    await this.start();
    const failedText = failed.length ? `[\n    ${failed.map((f) => line(f)).join(",\n    ")}\n  ]` : "[]";
    await this.write(`${this.count ? "\n  " : ""}],\n  "failed": ${failedText}\n}\n`);
    if (this.fh && this.tmp && this.path) {
      try {
        await this.fh.sync();
        await this.fh.close();
        await rename(this.tmp, this.path);
      } catch (e) {
        await rm(this.tmp, { force: true });
        throw e;
      }
    }
  }
}
