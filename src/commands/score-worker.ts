// A worker thread of `assess score`: reads, scores and renders input files, so that a batch
// uses every core and the thread that writes only copies text. It starts while the main
// thread loads the modules, then receives them checked and parsed, with how to render.
import chalk from "chalk";
import type { ColorSupportLevel } from "chalk";
import { parentPort } from "node:worker_threads";
import type { Module } from "../core/model.js";
import { scoreInput } from "../io/pipeline.js";
import { renderOutcome } from "../report/score-outcome.js";
import type { OutcomeOptions } from "../report/score-outcome.js";

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
      const outcomes = (await scoreInput(job.file, setup!.modules)).map((o) => renderOutcome(o, setup!.modules, setup!.options));
      parentPort!.postMessage({ index: job.index, outcomes });
    } catch (e) {
      parentPort!.postMessage({ index: job.index, error: (e as Error).stack ?? String(e) });
    }
  }
  scoring = false;
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
