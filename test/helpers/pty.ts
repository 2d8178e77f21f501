// Runs the built binary in a real pseudo-terminal and types into it.
import { spawn } from "@lydell/node-pty";
import type { IPty } from "@lydell/node-pty";
import { BIN } from "./exec.js";

export const KEY = {
  enter: "\r",
  down: "\u001b[B",
  up: "\u001b[A",
  space: " ",
  ctrlC: "\u0003",
  esc: "\u001b",
  ctrlG: "\u0007",
  ctrlN: "\u000e",
  ctrlO: "\u000f",
  pageDown: "\u001b[6~",
  pageUp: "\u001b[5~",
  home: "\u001b[H",
  end: "\u001b[F",
};

// eslint-disable-next-line no-control-regex -- the escape character is what is stripped
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]/g;

export class Terminal {
  private out = "";
  private mark = 0;
  private ended = false;
  /** Keys typed so far (an escape sequence such as ↓ is one key). */
  keys = 0;
  private readonly proc: IPty;
  readonly exited: Promise<number>;

  /** `options`: the terminal's size, more environment, node options before the binary (--import hooks), another build of assess. */
  constructor(args: string[], cwd: string, options: { cols?: number; rows?: number; env?: Record<string, string>; node?: string[]; bin?: string } = {}) {
    this.proc = spawn(process.execPath, [...(options.node ?? []), options.bin ?? BIN, ...args], {
      name: "xterm-256color",
      cols: options.cols ?? 120,
      rows: options.rows ?? 40,
      cwd,
      env: { ...process.env, NO_COLOR: "1", ...options.env } as Record<string, string>,
    });
    this.proc.onData((d) => (this.out += d));
    this.exited = new Promise((resolve) =>
      this.proc.onExit((e) => {
        this.ended = true;
        resolve(e.signal ? 128 + e.signal : e.exitCode);
      }),
    );
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

  /**
   * Waits for a prompt drawn since the last keys were typed (`times` times), then types.
   * Inquirer needs a moment after drawing to take keys.
   */
  async answer(prompt: string, keys: string, times = 1): Promise<void> {
    const start = Date.now();
    while (this.since().split(prompt).length - 1 < times) {
      if (Date.now() - start > 15_000) throw new Error(`timed out waiting for "${prompt}" after the last keys; screen:\n${this.screen.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, 60));
    this.write(keys);
  }

  /** Types now; a lone Esc is taken as Esc only after readline's wait for a longer sequence. */
  write(keys: string): void {
    if (keys !== "") this.mark = this.out.length;
    // eslint-disable-next-line no-control-regex -- an escape sequence (an arrow, PgDn) is one key
    this.keys += [...keys.replace(/\u001b\[[0-9;]*[A-Za-z~]/g, "K")].length;
    this.proc.write(keys);
  }

  /** Waits until something is drawn after the last keys and then nothing more for `quietMs` (a prompt waiting for keys) or the process ends; false when it ended. */
  async settle(quietMs = 150): Promise<boolean> {
    for (let seen = -1; !this.ended && (seen !== this.out.length || seen === this.mark); ) {
      seen = this.out.length;
      await new Promise((r) => setTimeout(r, quietMs));
    }
    return !this.ended;
  }

  /** The screen since the last keys were typed. */
  since(): string {
    return this.out.slice(this.mark).replace(ANSI, "");
  }

  /** How many times `text` has appeared so far (to wait for its next appearance). */
  count(text: string): number {
    return this.screen.split(text).length - 1;
  }

  kill(signal = "SIGKILL"): void {
    this.proc.kill(signal);
  }
}

/** The profile and set-up of the test modules' interview: one dataset (Register) unless more are named, no area module. */
export async function profile(t: Terminal, datasets = ["Register"], modules = KEY.enter): Promise<void> {
  await t.answer("Institution (department or agency) name", `PTY Office${KEY.enter}`);
  await t.answer("Ministry or parent body", KEY.enter);
  await t.answer("Division or unit", KEY.enter);
  await t.answer("Focal point's name", `Tester${KEY.enter}`);
  await t.answer("position", KEY.enter);
  await t.answer("e-mail or phone", KEY.enter);
  for (const [i, name] of datasets.entries()) {
    await t.answer(`Name of dataset ${i + 1}`, `${name}${KEY.enter}`);
    await t.answer("What type of dataset is this?", KEY.enter);
    await t.answer("Add another dataset?", `${i === datasets.length - 1 ? "n" : "y"}${KEY.enter}`);
  }
  await t.answer("Which area modules", modules);
}
