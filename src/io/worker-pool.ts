// Scores files on worker threads, and in this thread between writing, and hands the outcomes
// back in input order, so that the results are the same as a single-threaded run. Each worker
// has a bounded heap: a batch of any size keeps memory flat, and a file too big for the bound
// fails alone.
import { Worker } from "node:worker_threads";
import { problem } from "../core/problems.js";
import { InternalError } from "../errors.js";
import type { FailedInput } from "../core/results.js";
import { displayPath } from "./fs.js";

/** Heap of each worker, in MB: a questionnaire needs a small part of it. */
export const WORKER_HEAP_MB = 384;

/**
 * Files given to a worker at a time: it scores them one after the other, and the next is
 * already there when it finishes one, rather than a round trip through this thread later.
 */
const IN_FLIGHT = 2;

interface Slot {
  worker: Worker;
  /** Files sent to this worker and not yet back, in the order it scores them. */
  queue: number[];
}

/** What a worker posts: ready for files, or one file's outcomes, or a failure of its own. */
interface Message<T> {
  ready?: boolean;
  index?: number;
  outcomes?: T[];
  error?: string;
}

/**
 * Scores `files` on `workers` workers running `script`, which answers `{ index, file }` with
 * `{ index, outcomes }`, in the order it was sent them; with `here`, this thread scores files
 * too, whenever it is not writing, so that one core needs no worker (its start-up, its memory
 * and a second compilation of the same code). The workers start at once; `setup` (the
 * modules, and how to render) may still be loading, and is sent to each when ready.
 */
export function scoreOnWorkers<T>(script: URL, files: readonly string[], workers: number, setup: Promise<object>, here?: (file: string) => Promise<(T | FailedInput)[]>): AsyncGenerator<(T | FailedInput)[]> {
  const jobs = workers + (here ? 1 : 0);
  const done = new Map<number, (T | FailedInput)[]>();
  const slots: Slot[] = [];
  let next = 0;
  let emitted = 0;
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  let ready: object | undefined;
  // Finished files waiting for an earlier one are bounded too.
  const backlog = () => done.size > jobs * 4;

  const feed = (slot: Slot) => {
    while (ready && slot.queue.length < IN_FLIGHT && !backlog() && next < files.length) {
      slot.queue.push(next);
      slot.worker.postMessage({ index: next, file: files[next++] });
    }
  };
  const start = (): Slot => {
    const slot: Slot = { worker: new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }), queue: [] };
    slot.worker.on("message", (m: Message<T>) => {
      if (m.error) failure = new InternalError(`a scoring worker failed: ${m.error}`);
      else if (!m.ready) {
        done.set(m.index!, m.outcomes!);
        slot.queue.shift();
      }
      for (const s of slots) feed(s);
      wake?.();
    });
    slot.worker.on("error", (e: Error & { code?: string }) => {
      const culprit = slot.queue[0];
      if (e.code === "ERR_WORKER_OUT_OF_MEMORY" && culprit !== undefined) {
        // The file being scored was too big to read within the bound: it fails, the batch goes
        // on. The files queued behind it go to a fresh worker.
        const source = displayPath(files[culprit]!);
        done.set(culprit, [{ source, problems: [problem("TOO_LARGE", { what: "memory", heapMb: WORKER_HEAP_MB }, source, [])] }]);
        const fresh = start();
        slots[slots.indexOf(slot)] = fresh;
        fresh.worker.postMessage({ setup: ready });
        for (const index of slot.queue.slice(1)) {
          fresh.queue.push(index);
          fresh.worker.postMessage({ index, file: files[index] });
        }
        feed(fresh);
      } else {
        failure = e;
      }
      wake?.();
    });
    return slot;
  };
  // A failure to load is thrown when the outcomes are read, not as an unhandled rejection.
  setup.catch(() => undefined);
  // Spawned now, not when iteration starts: worker start-up overlaps the module loading.
  for (let i = 0; i < workers; i++) slots.push(start());
  return drain();

  async function* drain(): AsyncGenerator<(T | FailedInput)[]> {
    try {
      ready = await setup;
    } catch (e) {
      await Promise.all(slots.map((s) => s.worker.terminate()));
      throw e;
    }
    for (const s of slots) {
      s.worker.postMessage({ setup: ready });
      feed(s);
    }
    try {
      while (emitted < files.length) {
        if (failure) throw failure;
        const outcomes = done.get(emitted);
        if (!outcomes) {
          if (here && next < files.length && !backlog()) {
            // The workers have theirs queued: this thread takes the next file meanwhile.
            const index = next++;
            done.set(index, await here(files[index]!));
            continue;
          }
          await new Promise<void>((r) => (wake = r));
          continue;
        }
        done.delete(emitted++);
        for (const s of slots) feed(s);
        yield outcomes;
      }
    } finally {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    }
  }
}
