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
  const instValues: ValuesOf = (id) => (institution.has(id) ? valuesOfAnswer(set.answers[id]) : undefined);
  // Conditions look only back, and an institution question never at a dataset one (module
  // rules), so the institution questions can all be settled before any dataset's.
  for (const p of q.questions) {
    if (p.section.scope !== "institution") continue;
    if (!p.question.when || holds(p.question.when, instValues)) institution.add(p.question.id);
  }
  const datasets = set.datasets.map((ds) => {
    const shown = new Set<string>();
    const values: ValuesOf = (id) => {
      const placed = q.byId.get(id);
      if (placed?.section.scope === "dataset") return shown.has(id) ? valuesOfAnswer(ds.answers[id]) : undefined;
      return instValues(id);
    };
    for (const p of q.questions) {
      if (p.section.scope !== "dataset") continue;
      if (!p.question.when || holds(p.question.when, values)) shown.add(p.question.id);
    }
    return shown;
  });
  return { institution, datasets };
}

/** Whether a question is shown, for the institution or for the dataset at `dataset` (an index). */
export function isShown(shown: SheetValue, id: string, dataset?: number): boolean {
  return dataset === undefined ? shown.institution.has(id) : (shown.datasets[dataset]?.has(id) ?? false);
}
