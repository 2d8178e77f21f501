// How far V8 lets the heap grow past what is live before it collects again. A report of
// thousands holds little at a time (results slim, answers and sections read back one by one)
// but makes garbage fast, and V8's own factor (up to 4× the live data after a collection) then
// takes the peak to several times what is live. A fixed factor is no limit: the heap still
// grows with what is live, so a report of any size completes as before.
import { setFlagsFromString } from "node:v8";

/** The heap's growth after each collection while `run` runs: live data × (1 + percent / 100). */
export async function withHeapGrowth<T>(percent: number, run: () => Promise<T>): Promise<T> {
  // Read by V8 at each collection (its memory controller), so it can be set while running.
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  try {
    return await run();
  } finally {
    // 0: V8's own factor again, for whatever runs next in this process (tests, the programmatic API).
    setFlagsFromString("--heap-growing-percent=0");
  }
}
