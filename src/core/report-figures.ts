// Report figures: means over institutions of their exact fractions, each rounded once.
import * as X from "./exact.js";
import type { Ratio } from "./exact.js";
import { DIMENSIONS } from "./model.js";
import type { Dimension } from "./model.js";
import { scoreBandOf } from "./report-model.js";
import type { DimensionScore } from "./report-model.js";
import type { Gap, Tally } from "./scoring.js";

/** A tally's score, exactly: its fraction, or for results of method 1.x its two-decimal figure. */
export function exactScore(t: Tally): Ratio | undefined {
  if (t.exact !== undefined) return X.parse(t.exact);
  return t.score === undefined ? undefined : X.fromNumber(t.score);
}

export function exactCompleteness(t: Tally): Ratio | undefined {
  return t.applicable > 0 ? X.ratio(100 * t.answered, t.applicable) : undefined;
}

export function exactGap(g: Gap): Ratio {
  return (g.exact === undefined ? undefined : X.parse(g.exact)) ?? X.fromNumber(g.gap);
}

export function defined<T>(xs: readonly (T | undefined)[]): T[] {
  return xs.filter((x): x is T => x !== undefined);
}

/** The one rounding of a report figure: two decimals, halves away from zero, from the exact value. */
export function round(x: Ratio | undefined): number | undefined {
  return x === undefined ? undefined : X.round(x, 2);
}

export function cell(score: Ratio | undefined, completeness: Ratio | undefined): DimensionScore {
  const s = round(score);
  const c = round(completeness);
  return { ...(s === undefined ? {} : { score: s }), ...(c === undefined ? {} : { completeness: c }), band: scoreBandOf(s) };
}

export function cellsOf(d: Record<Dimension, Tally>): Record<Dimension, DimensionScore> {
  return Object.fromEntries(DIMENSIONS.map((k) => [k, cell(exactScore(d[k]), exactCompleteness(d[k]))])) as Record<Dimension, DimensionScore>;
}

/** A mean over institutions added one at a time: the same figure as X.mean over them all. */
export class Mean {
  private sum = X.ZERO;
  private n = 0;

  add(x: Ratio | undefined): void {
    if (x === undefined) return;
    this.sum = X.add(this.sum, x);
    this.n++;
  }

  get count(): number {
    return this.n;
  }

  value(): Ratio | undefined {
    return this.n ? X.div(this.sum, X.ratio(this.n)) : undefined;
  }
}

/** Mean over institutions of each dimension, added one at a time: scores over those with one, completeness likewise. */
export class CellMeans {
  private readonly score = Object.fromEntries(DIMENSIONS.map((d) => [d, new Mean()])) as Record<Dimension, Mean>;
  private readonly completeness = Object.fromEntries(DIMENSIONS.map((d) => [d, new Mean()])) as Record<Dimension, Mean>;

  add(t: Record<Dimension, Tally>): void {
    for (const d of DIMENSIONS) {
      this.score[d].add(exactScore(t[d]));
      this.completeness[d].add(exactCompleteness(t[d]));
    }
  }

  value(): { cells: Record<Dimension, DimensionScore>; exact: Record<Dimension, Ratio | undefined> } {
    const exact = {} as Record<Dimension, Ratio | undefined>;
    const cells = {} as Record<Dimension, DimensionScore>;
    for (const d of DIMENSIONS) {
      exact[d] = this.score[d].value();
      cells[d] = cell(exact[d], this.completeness[d].value());
    }
    return { cells, exact };
  }
}

/**
 * The overall figure: the plain mean of the three dimensions, only when all three have a
 * score; otherwise the dimensions without one, which every renderer prints as the reason.
 */
export function overallOf(exact: Record<Dimension, Ratio | undefined>): { overall: number } | { overallWithout: Dimension[] } {
  const without = DIMENSIONS.filter((d) => exact[d] === undefined);
  if (without.length) return { overallWithout: without };
  return { overall: round(X.mean(DIMENSIONS.map((d) => exact[d]!)))! };
}

export function tallyExact(d: Record<Dimension, Tally>): Record<Dimension, Ratio | undefined> {
  return Object.fromEntries(DIMENSIONS.map((k) => [k, exactScore(d[k])])) as Record<Dimension, Ratio | undefined>;
}
