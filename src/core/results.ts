// Results: what `assess score` writes and `assess report` reads (schemas/results.schema.json).
import type { AnswerSet } from "./answers.js";
import type { Problem } from "./problems.js";
import { fromNumber, parse, ratio, round } from "./exact.js";
import type { Scorecard, Tally } from "./scoring.js";
import { overallOf } from "./scoring.js";
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

/**
 * Figures for reading: two decimals for 0-100 figures, four for 0-1 question scores, each
 * rounded once from its exact value (kept beside it as `exact`, which is what reports
 * average); cells without advice, which their gap carries.
 */
export function roundScorecard(s: Scorecard): Scorecard {
  const from = (exact: string | undefined, x: number, digits: number) => {
    const r = exact === undefined ? undefined : parse(exact);
    return r ? round(r, digits) : round(fromNumber(x), digits);
  };
  const tally = (t: Tally): Tally => ({
    ...t,
    ...(t.score === undefined ? {} : { score: from(t.exact, t.score, 2) }),
    ...(t.completeness === undefined ? {} : { completeness: round(ratio(100 * t.answered, t.applicable), 2) }),
  });
  const dims = (d: Scorecard["dimensions"]) => Object.fromEntries(DIMENSIONS.map((k) => [k, tally(d[k])])) as Scorecard["dimensions"];
  const overall = overallOf(s.dimensions);
  return {
    ...s,
    dimensions: dims(s.dimensions),
    ...(overall === undefined ? {} : { overall: round(overall, 2) }),
    byModule: s.byModule.map((m) => ({ module: m.module, dimensions: dims(m.dimensions) })),
    questions: s.questions.map((q) => ({
      ...q,
      ...(q.score === undefined ? {} : { score: from(q.exact, q.score, 4) }),
      // A cell's advice is carried by its gap; repeating it per cell only made files larger.
      cells: q.cells.map(({ recommendation: _advice, ...c }) => (c.score === undefined ? c : { ...c, score: round(fromNumber(c.score), 4) })),
    })),
    gaps: s.gaps.map((g) => ({ ...g, gap: from(g.exact, g.gap, 2) })),
  };
}
