// Root reads everything: a real chmod 000 can only be tried as another user. When the tests
// run as root, `nobody` runs the built binary through setpriv, if setpriv is there and nobody
// may read the checkout (a clone in a private temporary folder, as CI makes, may not be).
import { spawnSync } from "node:child_process";
import { BIN } from "./exec.js";

export const AS_ROOT = process.getuid?.() === 0;
const DROP = ["setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups"];

/** The command prefix that runs as nobody, or undefined when that cannot run the binary here. */
export const NOBODY: string[] | undefined = AS_ROOT && spawnSync(DROP[0]!, [...DROP.slice(1), process.execPath, BIN, "--version"]).status === 0 ? DROP : undefined;
