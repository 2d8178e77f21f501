// The scoring method of DOMAIN.md, as a pure function of a questionnaire and an answer set.
// Every figure is computed as an exact fraction (./exact.ts) and turned into a number only
// on the way out, so that ties are true ties and halves round the same way everywhere.
import type { AnswerSet, DatasetAnswers } from "./answers.js";
import * as X from "./exact.js";
import type { Ratio } from "./exact.js";
import { DIMENSIONS, PRIORITY_WEIGHT } from "./model.js";
import type { Dimension, Priority, Text } from "./model.js";
import type { Questionnaire } from "./questionnaire.js";
import { scoreAnswer } from "./score-answer.js";
import type { ExactAnswerScore } from "./score-answer.js";
import { isShown, shownQuestions, valuesAt } from "./visibility.js";

/**
 * 2.0.0: a hidden question hides its whole chain; the overall figure only when all three
 * dimensions have a score; exact arithmetic and one rounding; calendar months; the
 * don't-know rate over answers that apply. Results of 1.x are named as such in reports.
 */
export const METHOD_VERSION = "2.0.0";

/** How one answer counts: a question, for the institution or for one dataset (a "cell" of the results). */
export type AnswerStatus = "scored" | "dont_know" | "not_applicable" | "hidden" | "unanswered" | "out_of_bands";

export interface AnswerScore {
  status: AnswerStatus;
  /** 0-1 for scored and dont_know cells. */
  score?: number;
  /** Maturity level 0-4 where the answer has one (choice and banded answers). */
  level?: number;
  recommendation?: Text[];
  dataset?: string;
}

export interface QuestionResult {
  question: string;
  module: string;
  section: string;
  dimension: Dimension;
  priority: Priority;
  weight: number;
  /** Mean over the cells that count, 0-1; undefined when none counts. */
  score?: number;
  /** The same score as an exact fraction ("5/8"), for anything computed from it. */
  exact?: string;
  cells: AnswerScore[];
}

export interface Tally {
  /** 0-100, undefined when no question counts. */
  score?: number;
  /** The same score as an exact fraction ("550/9"): reports average these, never rounded figures. */
  exact?: string;
  /** Share of applicable answers given (don't know and not applicable count as given), 0-100. */
  completeness?: number;
  /** Questions whose score counts. */
  scored: number;
  /** Cells shown to the respondent (not hidden by a condition), whatever the answer, not applicable included: completeness divides by this. */
  applicable: number;
  /** Cells with an answer: a level, don't know, not applicable or a date or number outside every band. */
  answered: number;
  unknown: number;
  notApplicable: number;
}

export interface Gap {
  question: string;
  module: string;
  dimension: Dimension;
  priority: Priority;
  weight: number;
  /** 100 - score of the question. */
  gap: number;
  /** The same gap as an exact fraction (absent in results of method 1.x). */
  exact?: string;
  critical: boolean;
  /** Cells that were don't know. */
  unknown: boolean;
  /** Datasets below the top score (dataset-scoped questions), in dataset order. */
  datasets: string[];
  /** Of those, the datasets that make the gap critical (level 0 or don't know). */
  criticalDatasets: string[];
  recommendations: Text[];
}

/** Facts about a scorecard that a reader must see beside its figures: data, words come later. */
export type ScoreFinding =
  | { code: "OVERALL_NOT_SHOWN"; args: { without: Dimension[] } }
  | { code: "NO_DATASETS"; args: { questions: number } }
  | { code: "ANSWER_OUT_OF_BANDS"; args: { question: string; dataset?: string } };

export interface Scorecard {
  method: string;
  date: string;
  modules: { id: string; version: string }[];
  dimensions: Record<Dimension, Tally>;
  /** Plain mean of the three dimension scores: only when all three have one (else OVERALL_NOT_SHOWN). */
  overall?: number;
  byModule: { module: string; dimensions: Record<Dimension, Tally> }[];
  questions: QuestionResult[];
  gaps: Gap[];
  /** Absent in results of method 1.x. */
  findings?: ScoreFinding[];
}

/** A question's exact score: the mean of its cells' exact scores. */
interface Scored {
  result: QuestionResult;
  exact?: Ratio;
  cells: ExactAnswerScore[];
}

export function scoreAnswers(questionnaire: Questionnaire, set: AnswerSet): Scorecard {
  const shown = shownQuestions(questionnaire, set);
  // What band and level sets read: the same answers the conditions see.
  const instValues = valuesAt(questionnaire, set, shown);
  const dsValues = set.datasets.map((_d, i) => valuesAt(questionnaire, set, shown, i));
  const scored: Scored[] = [];
  let datasetQuestions = 0;
  for (const placed of questionnaire.questions) {
    const q = placed.question;
    if (!q.dimension || !q.priority) continue;
    const id = q.id;
    const cells: ExactAnswerScore[] =
      placed.section.scope === "institution"
        ? [scoreAnswer(q, set.answers[id], isShown(shown, id), set.date, instValues)]
        : set.datasets.map((ds, i) => ({ ...scoreAnswer(q, ds.answers[id], isShown(shown, id, i), set.date, dsValues[i]!), dataset: ds.id }));
    if (placed.section.scope === "dataset") datasetQuestions++;
    const exact = X.mean(cells.flatMap((c) => (c.exact ? [c.exact] : [])));
    scored.push({
      exact,
      cells,
      result: {
        question: id,
        module: placed.module.id,
        section: placed.section.id,
        dimension: q.dimension,
        priority: q.priority,
        weight: PRIORITY_WEIGHT[q.priority],
        ...(exact === undefined ? {} : { score: X.toNumber(exact), exact: X.format(exact) }),
        cells: cells.map(({ exact: _e, ...c }) => c),
      },
    });
  }

  const dimensions = tallyAll(scored);
  const without = DIMENSIONS.filter((d) => dimensions[d].exact === undefined);
  const overall = without.length === 0 ? overallOf(dimensions) : undefined;
  const findings: ScoreFinding[] = [];
  if (overall === undefined) findings.push({ code: "OVERALL_NOT_SHOWN", args: { without } });
  if (set.datasets.length === 0 && datasetQuestions > 0) findings.push({ code: "NO_DATASETS", args: { questions: datasetQuestions } });
  for (const s of scored) {
    for (const c of s.cells) if (c.status === "out_of_bands") findings.push({ code: "ANSWER_OUT_OF_BANDS", args: { question: s.result.question, ...(c.dataset ? { dataset: c.dataset } : {}) } });
  }
  return {
    method: METHOD_VERSION,
    date: set.date,
    modules: questionnaire.modules.map((m) => ({ id: m.id, version: m.version })),
    dimensions,
    ...(overall === undefined ? {} : { overall: X.toNumber(overall) }),
    byModule: questionnaire.modules.map((m) => ({ module: m.id, dimensions: tallyAll(scored.filter((r) => r.result.module === m.id)) })),
    questions: scored.map((s) => s.result),
    gaps: rankGaps(scored, set.datasets),
    findings,
  };
}

/** The plain mean of the three dimension scores, exactly; undefined unless all three exist. */
export function overallOf(d: Record<Dimension, Pick<Tally, "exact">>): Ratio | undefined {
  const xs = DIMENSIONS.map((k) => (d[k].exact === undefined ? undefined : X.parse(d[k].exact)));
  return xs.every((x): x is Ratio => x !== undefined) ? X.mean(xs) : undefined;
}

function tallyAll(questions: readonly Scored[]): Record<Dimension, Tally> {
  const out = {} as Record<Dimension, Tally>;
  for (const d of DIMENSIONS) out[d] = tally(questions.filter((q) => q.result.dimension === d));
  return out;
}

/** Dimension score = 100 × Σ(weight × score) / Σ(weight) over the questions that count. */
function tally(questions: readonly Scored[]): Tally {
  let num = X.ZERO;
  let den = 0;
  const t: Tally = { scored: 0, applicable: 0, answered: 0, unknown: 0, notApplicable: 0 };
  for (const { result: q, exact } of questions) {
    if (exact !== undefined) {
      num = X.add(num, X.mul(X.ratio(q.weight), exact));
      den += q.weight;
      t.scored++;
    }
    for (const c of q.cells) {
      if (c.status === "hidden") continue;
      t.applicable++;
      if (c.status !== "unanswered") t.answered++;
      if (c.status === "dont_know") t.unknown++;
      if (c.status === "not_applicable") t.notApplicable++;
    }
  }
  if (den > 0) {
    const score = X.div(X.mul(X.ratio(100), num), X.ratio(den));
    t.score = X.toNumber(score);
    t.exact = X.format(score);
  }
  if (t.applicable > 0) t.completeness = (100 * t.answered) / t.applicable;
  return t;
}

/** Completeness over all three dimensions together (answers given ÷ cells shown, pooled), exactly. */
export function pooledCompleteness(d: Record<Dimension, Pick<Tally, "applicable" | "answered">>): Ratio | undefined {
  const applicable = DIMENSIONS.reduce((n, k) => n + d[k].applicable, 0);
  const answered = DIMENSIONS.reduce((n, k) => n + d[k].answered, 0);
  return applicable ? X.ratio(100 * answered, applicable) : undefined;
}

/** Completeness over all three dimensions together, 0-100, rounded once to two decimals for printing. */
export function overallCompleteness(d: Record<Dimension, Pick<Tally, "applicable" | "answered">>): number | undefined {
  const c = pooledCompleteness(d);
  return c === undefined ? undefined : X.round(c, 2);
}

/** Gaps: critical first, then by weight × (1 − score), exactly, then questionnaire order. */
function rankGaps(questions: readonly Scored[], datasets: readonly DatasetAnswers[]): Gap[] {
  const gaps: (Gap & { key: Ratio; order: number })[] = [];
  questions.forEach(({ result: r, exact, cells }, order) => {
    if (exact === undefined || X.compare(exact, X.ONE) >= 0) return;
    const weak = cells.filter((c) => c.exact !== undefined && X.compare(c.exact, X.ONE) < 0);
    const isCriticalCell = (c: AnswerScore) => r.priority === "essential" && (c.status === "dont_know" || c.level === 0);
    const critical = weak.some(isCriticalCell);
    const criticalNames = weak.filter(isCriticalCell).map((c) => c.dataset);
    const recs = new Map<string, Text>();
    // The weakest cell's advice first: it is the one that most needs acting on (stable sort: ties keep dataset order).
    for (const c of [...weak].sort((a, b) => X.compare(a.exact!, b.exact!))) for (const t of c.recommendation ?? []) recs.set(t.en, t);
    const names = weak.map((c) => c.dataset).filter((d): d is string => d !== undefined);
    const gap = X.mul(X.ratio(100), X.sub(X.ONE, exact));
    gaps.push({
      question: r.question,
      module: r.module,
      dimension: r.dimension,
      priority: r.priority,
      weight: r.weight,
      gap: X.toNumber(gap),
      exact: X.format(gap),
      critical,
      unknown: weak.some((c) => c.status === "dont_know"),
      datasets: datasets.filter((d) => names.includes(d.id)).map((d) => d.id),
      criticalDatasets: datasets.filter((d) => criticalNames.includes(d.id)).map((d) => d.id),
      recommendations: [...recs.values()],
      key: X.mul(X.ratio(r.weight), X.sub(X.ONE, exact)),
      order,
    });
  });
  gaps.sort((a, b) => Number(b.critical) - Number(a.critical) || X.compare(b.key, a.key) || a.order - b.order);
  return gaps.map(({ key: _k, order: _o, ...g }) => g);
}
