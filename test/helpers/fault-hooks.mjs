// Preloaded into the built binary (node --import) by tests that need a run to stop at a known
// point, with no timing involved:
// - ASSESS_KILL_AFTER=N: the process kills itself with SIGKILL (as `kill -9` does) right after
//   its Nth `*.results.json` file is renamed into place;
// - ASSESS_HOLD=PATH: before its first `*.results.json` file, the process writes PATH.ready
//   and waits until PATH.go exists (it holds its output folder's lock all that time);
// - ASSESS_FAIL_WRITE=PATH: while PATH exists, opening a temporary session file for writing
//   fails with ENOSPC, as on a full disk (where a small tmpfs cannot be mounted).
import { existsSync, writeFileSync } from "node:fs";
import { setInterval, clearInterval } from "node:timers";
import { createRequire, syncBuiltinESMExports } from "node:module";

const require = createRequire(import.meta.url);
const fsp = require("node:fs/promises");
const rename = fsp.rename;
const open = fsp.open;
let renamed = 0;
let held = false;

fsp.rename = async (from, to) => {
  const results = String(to).endsWith(".results.json");
  const hold = process.env.ASSESS_HOLD;
  if (results && hold && !held) {
    held = true;
    writeFileSync(`${hold}.ready`, String(process.pid));
    await new Promise((go) => {
      const t = setInterval(() => existsSync(`${hold}.go`) && (clearInterval(t), go()), 10);
    });
  }
  await rename(from, to);
  if (results && ++renamed === Number(process.env.ASSESS_KILL_AFTER)) process.kill(process.pid, "SIGKILL");
};
fsp.open = async (path, ...rest) => {
  const full = process.env.ASSESS_FAIL_WRITE;
  if (full && existsSync(full) && /\.session\.json\.\d+\.[0-9a-f]{8}\.tmp$/.test(String(path))) {
    throw Object.assign(new Error(`ENOSPC: no space left on device, open '${path}'`), { code: "ENOSPC", errno: -28, syscall: "open", path: String(path) });
  }
  return open(path, ...rest);
};
syncBuiltinESMExports();
