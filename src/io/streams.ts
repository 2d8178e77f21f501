// Where commands write: the process's standard output and error, or (in tests) a collector.
// Commands receive these instead of reaching for process.stdout, so they run in-process.

export interface Output {
  write(text: string | Uint8Array): unknown;
  /** Set on a terminal: progress bars and colours only there. */
  isTTY?: boolean;
  /** Back-pressure, where the stream has it (process.stdout does). */
  once?(event: "drain", listener: () => void): unknown;
}

export interface Streams {
  stdout: Output;
  stderr: Output;
}

export function processStreams(): Streams {
  return { stdout: process.stdout, stderr: process.stderr };
}
