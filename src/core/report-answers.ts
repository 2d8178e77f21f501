// The report's answer table and answers as words: every answer, rejected answer and note.
import { DONT_KNOW, NOT_APPLICABLE, SPECIAL_LABELS, optionsOf } from "./model.js";
import type { Lang, PlacedQuestion, Question } from "./model.js";
import type { Answer } from "./answers.js";
import { problemText } from "./problem-words.js";
import type { AnswerRow } from "./report-model.js";
import type { InstitutionResult } from "./results.js";

export function answerRows(results: readonly InstitutionResult[], index: ReadonlyMap<string, PlacedQuestion>, lang: Lang): AnswerRow[] {
  const question = (id: string) => index.get(id)?.question;
  const rows: AnswerRow[] = [];
  const raw = (a: Answer) => (Array.isArray(a.value) ? a.value.join("; ") : String(a.value));
  for (const r of results) {
    const base = (id: string, datasetName: string) => ({ institutionName: r.institution.name, datasetName, module: index.get(id)?.module.id ?? "", question: id, label: question(id)?.label[lang] ?? id });
    for (const [id, a] of Object.entries(r.answers.answers)) rows.push({ ...base(id, ""), value: raw(a), answer: answerWords(question(id), a, lang), comment: a.comment ?? "", status: "answered" });
    for (const ds of r.answers.datasets) {
      for (const [id, a] of Object.entries(ds.answers)) rows.push({ ...base(id, ds.name), value: raw(a), answer: answerWords(question(id), a, lang), comment: a.comment ?? "", status: "answered" });
    }
    const dsName = (id?: string) => (id ? (r.answers.datasets.find((d) => d.id === id)?.name ?? id) : "");
    // Why it was rejected, in the report's language where the answer file says it as data.
    for (const x of r.answers.rejected ?? []) rows.push({ ...base(x.question, dsName(x.dataset)), value: x.raw, answer: x.code ? problemText(x, lang) : x.reason, comment: x.comment ?? "", status: "rejected" });
    for (const n of r.answers.notes ?? []) rows.push({ ...base(n.question, dsName(n.dataset)), value: "", answer: "", comment: n.comment, status: "note" });
  }
  return rows;
}

/** An answer as words: option labels, don't know / not applicable, or the value. */
export function answerWords(q: Question | undefined, a: Answer | undefined, lang: Lang): string {
  if (!a) return "—";
  const one = (v: string) =>
    v === DONT_KNOW || v === NOT_APPLICABLE ? SPECIAL_LABELS[v][lang] : (q ? optionsOf(q).find((o) => o.value === v)?.label?.[lang] : undefined) ?? v;
  if (Array.isArray(a.value)) return a.value.map(one).join("; ");
  return typeof a.value === "string" ? one(a.value) : String(a.value);
}
