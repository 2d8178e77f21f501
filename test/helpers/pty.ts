// Runs the built binary in a real pseudo-terminal and types into it.
import { spawn } from "@lydell/node-pty";
import type { IPty } from "@lydell/node-pty";
import { BIN } from "./exec.js";

export const KEY = { enter: "\r", down: "\u001b[B", up: "\u001b[A", space: " ", ctrlC: "\u0003" };

// eslint-disable-next-line no-control-regex -- the escape character is what is stripped
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]/g;

export class Terminal {
  private out = "";
  private readonly proc: IPty;
  readonly exited: Promise<number>;

  /** `options`: the terminal's width, more environment, node options before the binary (--import hooks). */
  constructor(args: string[], cwd: string, options: { cols?: number; env?: Record<string, string>; node?: string[] } = {}) {
    this.proc = spawn(process.execPath, [...(options.node ?? []), BIN, ...args], {
      name: "xterm-256color",
      cols: options.cols ?? 120,
      rows: 40,
      cwd,
      env: { ...process.env, NO_COLOR: "1", ...options.env } as Record<string, string>,
    });
    this.proc.onData((d) => (this.out += d));
    this.exited = new Promise((resolve) => this.proc.onExit((e) => resolve(e.signal ? 128 + e.signal : e.exitCode)));
  }

  /** Everything written so far, escape codes and all (for a terminal emulator to lay out). */
  get raw(): string {
    return this.out;
  }

  /** Everything shown so far, without escape codes. */
  get screen(): string {
    return this.out.replace(ANSI, "");
  }

  /** Waits until `text` has appeared `times` times on screen. */
  async waitFor(text: string, times = 1, timeoutMs = 15_000): Promise<void> {
    const start = Date.now();
    while (this.screen.split(text).length - 1 < times) {
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for "${text}" (×${times}); screen:\n${this.screen.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits for a prompt, then types. Inquirer needs a moment after drawing to take keys. */
  async answer(prompt: string, keys: string, times = 1): Promise<void> {
    await this.waitFor(prompt, times);
    await new Promise((r) => setTimeout(r, 60));
    this.proc.write(keys);
  }

  kill(signal = "SIGKILL"): void {
    this.proc.kill(signal);
  }
}
