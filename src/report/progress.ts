// A progress bar on the terminal (standard error), only when it is one.
export class Progress {
  private done_ = 0;
  private readonly start = Date.now();
  private shown = false;
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    wanted: boolean,
    private readonly out: { write(text: string): unknown; isTTY?: boolean },
  ) {
    this.enabled = wanted && out.isTTY === true;
  }

  tick(failed: number): void {
    this.done_++;
    if (!this.enabled) return;
    const width = 24;
    const filled = Math.round((width * this.done_) / this.total);
    const elapsed = (Date.now() - this.start) / 1000;
    const left = this.done_ ? (elapsed / this.done_) * (this.total - this.done_) : 0;
    const bar = "█".repeat(filled) + "░".repeat(width - filled);
    this.out.write(`\r${bar} ${this.done_}/${this.total} files · ${failed} failed · ${clock(left)} left `);
    this.shown = true;
  }

  /** Clears the bar so that other output starts on a clean line. */
  clear(): void {
    if (this.shown) this.out.write("\r\u001b[2K");
    this.shown = false;
  }

  done(): void {
    this.clear();
  }
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
