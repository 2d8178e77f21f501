// A worker thread of `assess score`: reads, scores and renders input files, so that a batch
// uses every core and the thread that writes only copies text. It starts while the main
// thread loads the modules, then receives them checked and parsed, with how to render.
import chalk from "chalk";
import type { ColorSupportLevel } from "chalk";
import { parentPort } from "node:worker_threads";
import type { Module } from "../core/model.js";
import { scoreInput } from "../io/pipeline.js";
import { renderOutcome } from "../report/score-outcome.js";
import type { OutcomeOptions, RenderedOutcome } from "../report/score-outcome.js";

export interface ScoreWorkerSetup {
  modules: readonly Module[];
  options: OutcomeOptions;
  /** The main thread's colours, so that text rendered here is what it would have printed. */
  colour: ColorSupportLevel;
}

// Loaded now, while the main thread is still reading the modules.
await import("../io/xlsx-reader.js");
let setup: ScoreWorkerSetup | undefined;
// Files are scored one after the other, in the order they came: the pool counts on it.
const queue: { index: number; file: string }[] = [];
let scoring = false;

async function scoreQueued(): Promise<void> {
  scoring = true;
  for (let job = queue.shift(); job; job = queue.shift()) {
    try {
      const moved: ArrayBuffer[] = [];
      const outcomes = (await scoreInput(job.file, setup!.modules)).map((o) => asBytes(renderOutcome(o, setup!.modules, setup!.options), moved));
      // The bytes move to the main thread rather than being copied: it writes them as they are.
      parentPort!.postMessage({ index: job.index, outcomes }, moved);
    } catch (e) {
      parentPort!.postMessage({ index: job.index, error: (e as Error).stack ?? String(e) });
    }
  }
  scoring = false;
}

const utf8 = new TextEncoder();

/** The JSON as UTF-8, encoded here rather than by the thread that writes it; `moved` gets the buffers to hand over. */
function asBytes(o: RenderedOutcome, moved: ArrayBuffer[]): RenderedOutcome {
  if (!("row" in o)) return o;
  const encode = (text: string | Uint8Array) => {
    const bytes = typeof text === "string" ? utf8.encode(text) : text;
    moved.push(bytes.buffer as ArrayBuffer);
    return bytes;
  };
  return { ...o, ...(o.line === undefined ? {} : { line: encode(o.line) }), ...(o.file === undefined ? {} : { file: encode(o.file) }) };
}

parentPort!.on("message", (msg: { setup?: ScoreWorkerSetup; index?: number; file?: string }) => {
  if (msg.setup) {
    setup = msg.setup;
    chalk.level = setup.colour;
    parentPort!.postMessage({ ready: true });
    return;
  }
  queue.push({ index: msg.index!, file: msg.file! });
  if (!scoring) void scoreQueued();
});
