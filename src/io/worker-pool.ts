// Scores files on worker threads and hands the outcomes back in input order, so that the
// results are the same as a single-threaded run. Each worker has a bounded heap: a batch of
// any size keeps memory flat, and a file too big for the bound fails alone.
import { Worker } from "node:worker_threads";
import { problem } from "../core/problems.js";
import { InternalError } from "../errors.js";
import type { Module } from "../core/model.js";
import type { FailedInput, InstitutionResult } from "../core/results.js";
import { displayPath } from "./fs.js";

type Outcomes = (InstitutionResult | FailedInput)[];

/** Heap of each worker, in MB: a questionnaire needs a small part of it. */
export const WORKER_HEAP_MB = 384;

interface Slot {
  worker: Worker;
  busy?: number;
}

/**
 * Scores `files` on `jobs` workers. The workers start at once; `modules` may still be
 * loading, and is sent to each worker when it is ready.
 */
export function scoreOnWorkers(files: readonly string[], jobs: number, modules: Promise<readonly Module[]>): AsyncGenerator<Outcomes> {
  const url = new URL("./score-worker.js", import.meta.url);
  const done = new Map<number, Outcomes>();
  const slots: Slot[] = [];
  let next = 0;
  let emitted = 0;
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  // Finished files waiting for an earlier one are bounded too.
  const backlog = () => done.size > jobs * 4;

  const feed = (slot: Slot) => {
    if (slot.busy !== undefined || backlog() || next >= files.length) return;
    slot.busy = next;
    slot.worker.postMessage({ index: next, file: files[next++] });
  };
  const start = (): Slot => {
    const slot: Slot = { worker: new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }) };
    slot.worker.on("message", (m: { ready?: boolean; index?: number; outcomes?: Outcomes; error?: string }) => {
      if (m.error) failure = new InternalError(`a scoring worker failed: ${m.error}`);
      else if (!m.ready) done.set(m.index!, m.outcomes!);
      slot.busy = undefined;
      for (const s of slots) feed(s);
      wake?.();
    });
    slot.worker.on("error", (e: Error & { code?: string }) => {
      if (e.code === "ERR_WORKER_OUT_OF_MEMORY" && slot.busy !== undefined) {
        // The file was too big to read within the bound: it fails, the batch goes on.
        const source = displayPath(files[slot.busy]!);
        done.set(slot.busy, [{ source, problems: [problem("TOO_LARGE", { what: "memory", heapMb: WORKER_HEAP_MB }, source, [])] }]);
        const fresh = start();
        slots[slots.indexOf(slot)] = fresh;
        void modules.then((m) => fresh.worker.postMessage({ modules: m }));
      } else {
        failure = e;
      }
      wake?.();
    });
    return slot;
  };
  // Spawned now, not when iteration starts: worker start-up overlaps the module loading.
  for (let i = 0; i < jobs; i++) slots.push(start());
  return drain();

  async function* drain(): AsyncGenerator<Outcomes> {
  let loaded: readonly Module[];
  try {
    loaded = await modules;
  } catch (e) {
    await Promise.all(slots.map((s) => s.worker.terminate()));
    throw e;
  }
  for (const s of slots) s.worker.postMessage({ modules: loaded });
  try {
    while (emitted < files.length) {
      if (failure) throw failure;
      const ready = done.get(emitted);
      if (!ready) {
        await new Promise<void>((r) => (wake = r));
        continue;
      }
      done.delete(emitted++);
      for (const s of slots) feed(s);
      yield ready;
    }
  } finally {
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
  }
}
