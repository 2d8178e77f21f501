// Figures of two rounds and their change, from exact values, each rounded once.
import * as X from "./exact.js";
import type { Ratio } from "./exact.js";
import { DIMENSIONS } from "./model.js";
import type { Dimension } from "./model.js";
import { MUCH } from "./compare-model.js";
import type { ChangeBand, FigureChange, NationalFigures } from "./compare-model.js";
import { defined, exactCompleteness, exactScore, round } from "./report-figures.js";
import { pooledCompleteness } from "./scoring.js";
import type { Tally } from "./scoring.js";

/** An exact figure: score and completeness, either possibly absent. */
export interface ExactFigure {
  score?: Ratio;
  completeness?: Ratio;
}

/** The band of a change as printed (two decimals), so that what is read and what is coloured agree. */
export function changeBandOf(change: number | undefined): ChangeBand {
  if (change === undefined) return "none";
  if (change >= MUCH) return "up_much";
  if (change > 0) return "up";
  if (change === 0) return "same";
  return change <= -MUCH ? "down_much" : "down";
}

const figure = (f: ExactFigure) => {
  const s = round(f.score);
  const c = round(f.completeness);
  return { ...(s === undefined ? {} : { score: s }), ...(c === undefined ? {} : { completeness: c }) };
};

export function figureChange(before: ExactFigure, after: ExactFigure): FigureChange & { exact?: Ratio } {
  const exact = before.score && after.score ? X.sub(after.score, before.score) : undefined;
  const change = round(exact);
  const completenessChange = before.completeness && after.completeness ? round(X.sub(after.completeness, before.completeness)) : undefined;
  return {
    baseline: figure(before),
    followup: figure(after),
    ...(change === undefined ? {} : { change }),
    ...(completenessChange === undefined ? {} : { completenessChange }),
    band: changeBandOf(change),
    ...(exact ? { exact } : {}),
  };
}

export function exactOf(t: Tally | undefined): ExactFigure {
  if (!t) return {};
  const score = exactScore(t);
  const completeness = exactCompleteness(t);
  return { ...(score ? { score } : {}), ...(completeness ? { completeness } : {}) };
}

/** Per dimension, exactly, from a scorecard's tallies (absent: every figure absent). */
export function dimensionFigures(d: Record<Dimension, Tally> | undefined): Record<Dimension, ExactFigure> {
  return Object.fromEntries(DIMENSIONS.map((k) => [k, exactOf(d?.[k])])) as Record<Dimension, ExactFigure>;
}

/** The overall figure: the plain mean of the three dimensions, only when all three have a score; completeness pooled. */
export function overallFigure(d: Record<Dimension, Tally> | undefined): ExactFigure {
  if (!d) return {};
  const xs = DIMENSIONS.map((k) => exactScore(d[k]));
  const score = xs.every((x): x is Ratio => x !== undefined) ? X.mean(xs) : undefined;
  const completeness = pooledCompleteness(d);
  return { ...(score ? { score } : {}), ...(completeness ? { completeness } : {}) };
}

export function cellChanges(before: Record<Dimension, ExactFigure>, after: Record<Dimension, ExactFigure>): Record<Dimension, FigureChange> {
  return Object.fromEntries(DIMENSIONS.map((k) => [k, strip(figureChange(before[k], after[k]))])) as Record<Dimension, FigureChange>;
}

export function strip(f: FigureChange & { exact?: Ratio }): FigureChange {
  const { exact: _e, ...rest } = f;
  return rest;
}

/** Means over institutions, each weighing the same, of each round's figures; then the change. */
export function nationalFigures(before: readonly Record<Dimension, Tally>[], after: readonly Record<Dimension, Tally>[]): NationalFigures {
  const mean = (rows: readonly Record<Dimension, Tally>[]) => {
    const cells = {} as Record<Dimension, ExactFigure>;
    for (const d of DIMENSIONS) {
      const score = X.mean(defined(rows.map((t) => exactScore(t[d]))));
      const completeness = X.mean(defined(rows.map((t) => exactCompleteness(t[d]))));
      cells[d] = { ...(score ? { score } : {}), ...(completeness ? { completeness } : {}) };
    }
    const xs = DIMENSIONS.map((d) => cells[d].score);
    const score = xs.every((x): x is Ratio => x !== undefined) ? X.mean(xs) : undefined;
    const completeness = X.mean(defined(rows.map((t) => pooledCompleteness(t))));
    return { cells, overall: { ...(score ? { score } : {}), ...(completeness ? { completeness } : {}) } };
  };
  const b = mean(before);
  const a = mean(after);
  return { institutions: { baseline: before.length, followup: after.length }, cells: cellChanges(b.cells, a.cells), overall: strip(figureChange(b.overall, a.overall)) };
}
