// Runs the CLI in-process, as the binary would but without a new Node process: the same
// argument parsing, commands and exit codes, with output collected. Most command tests use
// this; a handful still run the built binary (test/helpers/exec.ts).
import { main } from "../../src/index.js";
import type { Run } from "./exec.js";

// eslint-disable-next-line no-control-regex -- the escape character is what is stripped
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export async function run(args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["node", "assess", ...args], {
    stdout: { write: (s: string) => out.push(s) > 0 },
    stderr: { write: (s: string) => err.push(s) > 0 },
  });
  return { code, stdout: out.join("").replace(ANSI, ""), stderr: err.join("").replace(ANSI, "") };
}
