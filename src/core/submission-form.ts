// What the form's own questions say about a submission (src/core/form-questions.ts): a
// status beside a number or date becomes its Don't know or Not applicable, and the modules
// chosen decide which modules the submission answers.
import type { Answer, AnswerValue, DatasetAnswers, RejectedAnswer } from "./answers.js";
import { MODULES_QUESTION, NO_AREA_MODULE, chosenModules, modulesQuestion, statusName, statusQuestion } from "./form-questions.js";
import { DONT_KNOW, NOT_APPLICABLE } from "./model.js";
import type { Module, Question } from "./model.js";
import { problem } from "./problems.js";
import type { Problem } from "./problems.js";
import { rejection } from "./problem-words.js";
import { questionIndex } from "./questionnaire.js";

const built = new WeakMap<readonly Module[], { form: Question[]; measured: Question[] }>();

function build(modules: readonly Module[]) {
  let b = built.get(modules);
  if (!b) {
    const mq = modulesQuestion(modules);
    const measured = [...questionIndex(modules).values()].map((p) => p.question).filter((q) => statusQuestion(q));
    b = { form: [...(mq ? [mq] : []), ...measured.map((q) => statusQuestion(q)!)], measured };
    built.set(modules, b);
  }
  return b;
}

/** The form's own questions for these modules, built once (choice lookups are kept per question). */
export function formQuestions(modules: readonly Module[]): Question[] {
  return build(modules).form;
}

interface Found {
  problems: Problem[];
  rejected: RejectedAnswer[];
}

const raw = (v: AnswerValue) => (Array.isArray(v) ? v.join("; ") : String(v));

/**
 * Replaces each status answer by what it says: Don't know or Not applicable becomes the
 * question's answer; "I will answer" leaves the question as it is. A value beside Don't know
 * or Not applicable is a conflict: neither is scored, and the value is kept as rejected.
 */
export function foldStatus(answers: Record<string, Answer>, modules: readonly Module[], source: string, place: (id: string) => string, dataset?: string): Found {
  const out: Found = { problems: [], rejected: [] };
  for (const q of build(modules).measured) {
    const status = answers[statusName(q.id)];
    if (!status) continue;
    delete answers[statusName(q.id)];
    if (status.value !== DONT_KNOW && status.value !== NOT_APPLICABLE) continue;
    const given = answers[q.id];
    if (!given) {
      answers[q.id] = { value: status.value };
      continue;
    }
    delete answers[q.id];
    const p = { ...problem("STATUS_WITH_VALUE", { question: q.id, status: status.value, value: raw(given.value) }, source, []), place: place(q.id) };
    out.problems.push(p);
    out.rejected.push({ question: q.id, ...(dataset ? { dataset } : {}), place: p.place, raw: raw(given.value), ...rejection(p) });
  }
  return out;
}

/** The area modules a submission chose, or undefined when its export has no such answer (a form without the question). */
export function takeChosen(answers: Record<string, Answer>, modules: readonly Module[]): Set<string> | undefined {
  const picked = answers[MODULES_QUESTION];
  delete answers[MODULES_QUESTION];
  if (!picked || !Array.isArray(picked.value)) return undefined;
  return chosenModules(picked.value.filter((v) => v !== NO_AREA_MODULE), modules);
}

/**
 * Moves the answers to questions of modules not chosen out of the answers, into rejected,
 * with one problem a module: a form hides those modules, so such answers were edited in.
 */
export function keepChosen(answers: Record<string, Answer>, datasets: DatasetAnswers[], chosen: ReadonlySet<string>, modules: readonly Module[], source: string, place: string): Found {
  const index = questionIndex(modules);
  const stray = new Map<string, { id: string; answer: Answer; dataset?: string; from: Record<string, Answer> }[]>();
  const look = (from: Record<string, Answer>, dataset?: string) => {
    for (const [id, answer] of Object.entries(from)) {
      const m = index.get(id)?.module.id;
      if (m && !chosen.has(m)) stray.set(m, [...(stray.get(m) ?? []), { id, answer, from, ...(dataset ? { dataset } : {}) }]);
    }
  };
  look(answers);
  for (const d of datasets) look(d.answers, d.id);
  const out: Found = { problems: [], rejected: [] };
  for (const [module, list] of stray) {
    const p = { ...problem("MODULE_NOT_CHOSEN", { module, questions: [...new Set(list.map((x) => x.id))] }, source, [], "warning"), place };
    out.problems.push(p);
    for (const x of list) {
      delete x.from[x.id];
      out.rejected.push({ question: x.id, ...(x.dataset ? { dataset: x.dataset } : {}), place, raw: raw(x.answer.value), ...rejection(p), ...(x.answer.comment ? { comment: x.answer.comment } : {}) });
    }
  }
  return out;
}
