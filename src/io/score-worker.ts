// A worker thread that reads and scores input files, so that a batch uses every core. It
// starts while the main thread loads the modules, then receives them checked and parsed.
import { parentPort } from "node:worker_threads";
import { scoreInput } from "./pipeline.js";
import type { Module } from "../core/model.js";

// Loaded now, while the main thread is still reading the modules.
await import("./xlsx-reader.js");
let modules: Module[] = [];
parentPort!.on("message", async (msg: { modules?: Module[]; index?: number; file?: string }) => {
  if (msg.modules) {
    modules = msg.modules;
    parentPort!.postMessage({ ready: true });
    return;
  }
  try {
    parentPort!.postMessage({ index: msg.index, outcomes: await scoreInput(msg.file!, modules) });
  } catch (e) {
    parentPort!.postMessage({ index: msg.index, error: (e as Error).stack ?? String(e) });
  }
});
