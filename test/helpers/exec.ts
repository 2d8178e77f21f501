// Runs the built binary as a user would, with colour off, and returns what it printed.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = fileURLToPath(new URL("../../bin/assess.js", import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// eslint-disable-next-line no-control-regex -- the escape character is what is stripped
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export function assess(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): Run {
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? "",
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...options.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout.replace(ANSI, ""), stderr: r.stderr.replace(ANSI, "") };
}
