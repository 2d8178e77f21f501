// The scoring method of DOMAIN.md, as a pure function of a questionnaire and an answer set.
import { isSpecial, monthsBetween, valuesLookup } from "./answers.js";
import type { Answer, AnswerSet, DatasetAnswers } from "./answers.js";
import { DIMENSIONS, DONT_KNOW, NOT_APPLICABLE, PRIORITY_WEIGHT, optionsOf } from "./model.js";
import type { Dimension, PlacedQuestion, Priority, Question, Text } from "./model.js";
import { holds } from "./questionnaire.js";
import type { Questionnaire } from "./questionnaire.js";

export const METHOD_VERSION = "1.0.0";

/** How one answer (one cell: a question, for the institution or one dataset) counts. */
export type CellStatus = "scored" | "dont_know" | "not_applicable" | "hidden" | "unanswered" | "out_of_bands";

export interface Cell {
  status: CellStatus;
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
  /** Mean over the cells that count; undefined when none counts. */
  score?: number;
  cells: Cell[];
}

export interface Tally {
  /** 0-100, undefined when no question counts. */
  score?: number;
  /** Share of applicable answers given (don't know and not applicable count as given), 0-100. */
  completeness?: number;
  /** Questions whose score counts. */
  scored: number;
  applicable: number;
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
  critical: boolean;
  /** Cells that were don't know. */
  unknown: boolean;
  /** Datasets below the top score (dataset-scoped questions), in dataset order. */
  datasets: string[];
  /** Of those, the datasets that make the gap critical (level 0 or don't know). */
  criticalDatasets: string[];
  recommendations: Text[];
}

export interface Scorecard {
  method: string;
  date: string;
  modules: { id: string; version: string }[];
  dimensions: Record<Dimension, Tally>;
  /** Plain mean of the dimension scores that exist; labelled as such wherever shown. */
  overall?: number;
  byModule: { module: string; dimensions: Record<Dimension, Tally> }[];
  questions: QuestionResult[];
  gaps: Gap[];
}

export function scoreAnswers(questionnaire: Questionnaire, set: AnswerSet): Scorecard {
  const questions: QuestionResult[] = [];
  for (const placed of questionnaire.questions) {
    const q = placed.question;
    if (!q.dimension || !q.priority) continue;
    const cells =
      placed.section.scope === "institution"
        ? [cellFor(q, set.answers[q.id], holdsFor(placed, set), set.date)]
        : set.datasets.map((ds) => ({ ...cellFor(q, ds.answers[q.id], holdsFor(placed, set, ds), set.date), dataset: ds.id }));
    const counted = cells.filter((c) => c.score !== undefined);
    const score = counted.length ? counted.reduce((s, c) => s + c.score!, 0) / counted.length : undefined;
    questions.push({
      question: q.id,
      module: placed.module.id,
      section: placed.section.id,
      dimension: q.dimension,
      priority: q.priority,
      weight: PRIORITY_WEIGHT[q.priority],
      ...(score === undefined ? {} : { score }),
      cells,
    });
  }

  const dimensions = tallyAll(questions);
  const present = DIMENSIONS.map((d) => dimensions[d].score).filter((s): s is number => s !== undefined);
  const overall = present.length ? present.reduce((a, b) => a + b, 0) / present.length : undefined;
  return {
    method: METHOD_VERSION,
    date: set.date,
    modules: questionnaire.modules.map((m) => ({ id: m.id, version: m.version })),
    dimensions,
    ...(overall === undefined ? {} : { overall }),
    byModule: questionnaire.modules.map((m) => ({ module: m.id, dimensions: tallyAll(questions.filter((r) => r.module === m.id)) })),
    questions,
    gaps: rankGaps(questions, set.datasets),
  };
}

function holdsFor(placed: PlacedQuestion, set: AnswerSet, dataset?: DatasetAnswers): boolean {
  return placed.question.when ? holds(placed.question.when, valuesLookup(set, dataset)) : true;
}

/** How one answer counts. Exported for the interview, which shows a score as it goes. */
export function cellFor(q: Question, answer: Answer | undefined, visible: boolean, date: string): Cell {
  if (!visible) return { status: "hidden" };
  if (!answer) return { status: "unanswered" };
  const v = answer.value;
  if (v === NOT_APPLICABLE) return { status: "not_applicable" };
  if (v === DONT_KNOW) {
    const rec = q.recommendation ?? lowestRecommendation(q);
    return { status: "dont_know", score: 0, ...(rec ? { recommendation: [rec] } : {}) };
  }
  const opts = optionsOf(q);
  if (q.type === "single_choice" || q.type === "yes_no") {
    const o = opts.find((x) => x.value === v);
    if (!o || o.level === undefined) return { status: "unanswered" };
    const rec = o.recommendation ?? q.recommendation;
    return { status: "scored", score: o.level / 4, level: o.level, ...(rec && o.level < 4 ? { recommendation: [rec] } : {}) };
  }
  if (q.type === "multiple_choice") {
    const chosen = new Set(Array.isArray(v) ? v : [String(v)]);
    const practices = opts.filter((o) => !o.exclusive);
    const total = practices.reduce((s, o) => s + (o.weight ?? 1), 0);
    const got = practices.filter((o) => chosen.has(o.value)).reduce((s, o) => s + (o.weight ?? 1), 0);
    const score = total > 0 ? got / total : 0;
    const missing = practices
      .filter((o) => !chosen.has(o.value))
      .sort((a, b) => (b.weight ?? 1) - (a.weight ?? 1))
      .map((o) => o.recommendation ?? q.recommendation)
      .filter((t): t is Text => t !== undefined);
    const recs = [...new Map(missing.map((t) => [t.en, t] as const)).values()];
    return { status: "scored", score, ...(score === 0 ? { level: 0 } : {}), ...(recs.length ? { recommendation: recs } : {}) };
  }
  if ((q.type === "number" || q.type === "date") && q.bands && !isSpecial(v)) {
    const x = q.type === "number" ? Number(v) : monthsBetween(String(v), date);
    const band = q.bands.find((b) => {
      const lo = (q.type === "number" ? b.min : b.min_months) ?? -Infinity;
      const hi = (q.type === "number" ? b.max : b.max_months) ?? Infinity;
      return x >= lo && x < hi;
    });
    if (!band) return { status: "out_of_bands" };
    const rec = band.recommendation ?? q.recommendation;
    return { status: "scored", score: band.level / 4, level: band.level, ...(rec && band.level < 4 ? { recommendation: [rec] } : {}) };
  }
  return { status: "unanswered" };
}

function lowestRecommendation(q: Question): Text | undefined {
  const ranked = [...optionsOf(q), ...(q.bands ?? [])].filter((o) => o.recommendation && o.level !== undefined);
  ranked.sort((a, b) => (a.level ?? 0) - (b.level ?? 0));
  return ranked[0]?.recommendation ?? optionsOf(q).find((o) => o.recommendation)?.recommendation;
}

function tallyAll(questions: readonly QuestionResult[]): Record<Dimension, Tally> {
  const out = {} as Record<Dimension, Tally>;
  for (const d of DIMENSIONS) out[d] = tally(questions.filter((q) => q.dimension === d));
  return out;
}

/** Dimension score = 100 × Σ(weight × score) / Σ(weight) over the questions that count. */
export function tally(questions: readonly QuestionResult[]): Tally {
  let num = 0;
  let den = 0;
  const t: Tally = { scored: 0, applicable: 0, answered: 0, unknown: 0, notApplicable: 0 };
  for (const q of questions) {
    if (q.score !== undefined) {
      num += q.weight * q.score;
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
  if (den > 0) t.score = (100 * num) / den;
  if (t.applicable > 0) t.completeness = (100 * t.answered) / t.applicable;
  return t;
}

/** Completeness over all three dimensions together, 0-100. */
export function overallCompleteness(d: Record<Dimension, Tally>): number | undefined {
  const applicable = DIMENSIONS.reduce((n, k) => n + d[k].applicable, 0);
  const answered = DIMENSIONS.reduce((n, k) => n + d[k].answered, 0);
  return applicable ? (100 * answered) / applicable : undefined;
}

/** Gaps: critical first, then by weight × (1 − score), then questionnaire order. */
function rankGaps(questions: readonly QuestionResult[], datasets: readonly DatasetAnswers[]): Gap[] {
  const gaps: (Gap & { key: number; order: number })[] = [];
  questions.forEach((r, order) => {
    if (r.score === undefined || r.score >= 1) return;
    const weak = r.cells.filter((c) => c.score !== undefined && c.score < 1);
    const isCriticalCell = (c: Cell) => r.priority === "essential" && (c.status === "dont_know" || c.level === 0);
    const critical = weak.some(isCriticalCell);
    const criticalNames = weak.filter(isCriticalCell).map((c) => c.dataset);
    const recs = new Map<string, Text>();
    // The weakest cell's advice first: it is the one that most needs acting on.
    for (const c of [...weak].sort((a, b) => a.score! - b.score!)) for (const t of c.recommendation ?? []) recs.set(t.en, t);
    const names = weak.map((c) => c.dataset).filter((d): d is string => d !== undefined);
    gaps.push({
      question: r.question,
      module: r.module,
      dimension: r.dimension,
      priority: r.priority,
      weight: r.weight,
      gap: 100 * (1 - r.score),
      critical,
      unknown: weak.some((c) => c.status === "dont_know"),
      datasets: datasets.filter((d) => names.includes(d.id)).map((d) => d.id),
      criticalDatasets: datasets.filter((d) => criticalNames.includes(d.id)).map((d) => d.id),
      recommendations: [...recs.values()],
      key: r.weight * (1 - r.score),
      order,
    });
  });
  gaps.sort((a, b) => Number(b.critical) - Number(a.critical) || b.key - a.key || a.order - b.order);
  return gaps.map(({ key: _k, order: _o, ...g }) => g);
}
