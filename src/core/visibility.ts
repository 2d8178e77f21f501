// Which questions are shown. One rule for every channel (answer file, workbook, CSV, Kobo and
// ODK exports, the interview): a question hidden by its condition counts as unanswered for
// every later condition, transitively, as an XLSForm's `relevant` hides a whole chain.
import { valuesOfAnswer } from "./answers.js";
import type { AnswerSet } from "./answers.js";
import { holds } from "./questionnaire.js";
import type { Questionnaire, ValuesOf } from "./questionnaire.js";

export interface SheetValue {
  /** Institution questions shown. */
  institution: ReadonlySet<string>;
  /** Dataset questions shown, one set per dataset in the answer set's order. */
  datasets: readonly ReadonlySet<string>[];
}

/** The questions shown for these answers, in one pass in questionnaire order. */
export function shownQuestions(q: Questionnaire, set: AnswerSet): SheetValue {
  const institution = new Set<string>();
  const datasets: Set<string>[] = set.datasets.map(() => new Set<string>());
  const shown: SheetValue = { institution, datasets };
  // Conditions look only back, and an institution question never at a dataset one (module
  // rules), so the institution questions can all be settled before any dataset's.
  const instValues = valuesAt(q, set, shown);
  for (const p of q.questions) {
    if (p.section.scope !== "institution") continue;
    if (!p.question.when || holds(p.question.when, instValues)) institution.add(p.question.id);
  }
  datasets.forEach((ds, i) => {
    const values = valuesAt(q, set, shown, i);
    for (const p of q.questions) {
      if (p.section.scope !== "dataset") continue;
      if (!p.question.when || holds(p.question.when, values)) ds.add(p.question.id);
    }
  });
  return shown;
}

/**
 * The answers that conditions see for the institution, or for the dataset at `dataset`: a
 * question not shown holds no value. Band and level sets read answers through this too.
 */
export function valuesAt(q: Questionnaire, set: AnswerSet, shown: SheetValue, dataset?: number): ValuesOf {
  const inst: ValuesOf = (id) => (shown.institution.has(id) ? valuesOfAnswer(set.answers[id]) : undefined);
  if (dataset === undefined) return inst;
  const ds = set.datasets[dataset]!;
  return (id) => (q.byId.get(id)?.section.scope === "dataset" ? (isShown(shown, id, dataset) ? valuesOfAnswer(ds.answers[id]) : undefined) : inst(id));
}

/** Whether a question is shown, for the institution or for the dataset at `dataset` (an index). */
export function isShown(shown: SheetValue, id: string, dataset?: number): boolean {
  return dataset === undefined ? shown.institution.has(id) : (shown.datasets[dataset]?.has(id) ?? false);
}
