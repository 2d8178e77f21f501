// Results: what `assess score` writes and `assess report` reads (schemas/results.schema.json).
import type { AnswerSet } from "./answers.js";
import type { Problem } from "./problems.js";
import type { Scorecard, Tally } from "./scoring.js";
import { DIMENSIONS } from "./model.js";

export const RESULTS_FORMAT = "assess-results/1";

export interface InstitutionResult {
  source: string;
  institution: AnswerSet["institution"];
  fictional?: boolean;
  datasets: { id: string; name: string }[];
  scorecard: Scorecard;
  /** Problems that did not stop scoring: answers that could not be read (kept in answers.rejected) and warnings. */
  problems: Problem[];
  /** The answers scored, so that reports and re-runs lose nothing. */
  answers: AnswerSet;
}

export interface FailedInput {
  source: string;
  problems: Problem[];
}

export interface ResultsDocument {
  format: typeof RESULTS_FORMAT;
  method: string;
  results: InstitutionResult[];
  failed: FailedInput[];
}

export function institutionResult(source: string, set: AnswerSet, scorecard: Scorecard, problems: Problem[]): InstitutionResult {
  return {
    source,
    institution: set.institution,
    ...(set.fictional ? { fictional: true } : {}),
    datasets: set.datasets.map((d) => ({ id: d.id, name: d.name })),
    scorecard: roundScorecard(scorecard),
    problems,
    answers: set,
  };
}

/** Two decimals for 0-100 figures, four for 0-1 question scores: stable, readable files; cells without advice. */
export function roundScorecard(s: Scorecard): Scorecard {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const r4 = (x: number) => Math.round(x * 10000) / 10000;
  const tally = (t: Tally): Tally => ({
    ...t,
    ...(t.score === undefined ? {} : { score: r2(t.score) }),
    ...(t.completeness === undefined ? {} : { completeness: r2(t.completeness) }),
  });
  const dims = (d: Scorecard["dimensions"]) => Object.fromEntries(DIMENSIONS.map((k) => [k, tally(d[k])])) as Scorecard["dimensions"];
  return {
    ...s,
    dimensions: dims(s.dimensions),
    ...(s.overall === undefined ? {} : { overall: r2(s.overall) }),
    byModule: s.byModule.map((m) => ({ module: m.module, dimensions: dims(m.dimensions) })),
    questions: s.questions.map((q) => ({
      ...q,
      ...(q.score === undefined ? {} : { score: r4(q.score) }),
      // A cell's advice is carried by its gap; repeating it per cell only made files larger.
      cells: q.cells.map(({ recommendation: _advice, ...c }) => (c.score === undefined ? c : { ...c, score: r4(c.score) })),
    })),
    gaps: s.gaps.map((g) => ({ ...g, gap: r2(g.gap) })),
  };
}
