// How one answer to one question counts: its status and exact score, with the bands or
// levels that apply to it (a band set or level set can depend on another answer).
import { isSpecial, monthsBetween } from "./answers.js";
import type { Answer } from "./answers.js";
import * as X from "./exact.js";
import type { Ratio } from "./exact.js";
import { DONT_KNOW, NOT_APPLICABLE } from "./model.js";
import type { Band, Option, Question, Text } from "./model.js";
import type { ValuesOf } from "./questionnaire.js";
import { bandsFor, optionsFor } from "./score-sets.js";
import type { AnswerScore } from "./scoring.js";

export type ExactAnswerScore = AnswerScore & { exact?: Ratio };

/** How one answer counts, with its exact score. */
export function scoreAnswer(q: Question, answer: Answer | undefined, visible: boolean, date: string, values: ValuesOf): ExactAnswerScore {
  const levelCell = (level: number, rec: Text | undefined): ExactAnswerScore => {
    const exact = X.ratio(level, 4);
    return { status: "scored", score: X.toNumber(exact), exact, level, ...(rec && level < 4 ? { recommendation: [rec] } : {}) };
  };
  if (!visible) return { status: "hidden" };
  if (!answer) return { status: "unanswered" };
  const v = answer.value;
  if (v === NOT_APPLICABLE) return { status: "not_applicable" };
  if (v === DONT_KNOW) {
    const rec = q.recommendation ?? lowestRecommendation(optionsFor(q, values), bandsFor(q, values) ?? []);
    return { status: "dont_know", score: 0, exact: X.ZERO, ...(rec ? { recommendation: [rec] } : {}) };
  }
  const opts = optionsFor(q, values);
  if (q.type === "single_choice" || q.type === "yes_no") {
    const o = opts.find((x) => x.value === v);
    if (!o || o.level === undefined) return { status: "unanswered" };
    return levelCell(o.level, o.recommendation ?? q.recommendation);
  }
  if (q.type === "multiple_choice") {
    const chosen = new Set(Array.isArray(v) ? v : [String(v)]);
    const practices = opts.filter((o) => !o.exclusive);
    const weightOf = (o: (typeof opts)[number]) => X.fromNumber(o.weight ?? 1);
    const total = X.sum(practices.map(weightOf));
    const got = X.sum(practices.filter((o) => chosen.has(o.value)).map(weightOf));
    const exact = total.n > 0n ? X.div(got, total) : X.ZERO;
    const missing = practices
      .filter((o) => !chosen.has(o.value))
      .sort((a, b) => X.compare(weightOf(b), weightOf(a)))
      .map((o) => o.recommendation ?? q.recommendation)
      .filter((t): t is Text => t !== undefined);
    const recs = [...new Map(missing.map((t) => [t.en, t] as const)).values()];
    const zero = exact.n === 0n;
    return { status: "scored", score: X.toNumber(exact), exact, ...(zero ? { level: 0 } : {}), ...(recs.length ? { recommendation: recs } : {}) };
  }
  const bands = bandsFor(q, values);
  if ((q.type === "number" || q.type === "date") && bands && !isSpecial(v)) {
    // A date after the assessment date cannot be months before it: it falls in no band.
    if (q.type === "date" && String(v) > date) return { status: "out_of_bands" };
    const x = q.type === "number" ? Number(v) : monthsBetween(String(v), date);
    const band = bands.find((b) => {
      const lo = (q.type === "number" ? b.min : (b.min_months ?? 0)) ?? -Infinity;
      const hi = (q.type === "number" ? b.max : b.max_months) ?? Infinity;
      return x >= lo && x < hi;
    });
    if (!band) return { status: "out_of_bands" };
    return levelCell(band.level, band.recommendation ?? q.recommendation);
  }
  return { status: "unanswered" };
}

function lowestRecommendation(options: readonly Option[], bands: readonly Band[]): Text | undefined {
  const ranked = [...options, ...bands].filter((o) => o.recommendation && o.level !== undefined);
  ranked.sort((a, b) => (a.level ?? 0) - (b.level ?? 0));
  return ranked[0]?.recommendation ?? options.find((o) => o.recommendation)?.recommendation;
}
