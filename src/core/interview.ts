// The interview as data: which questions to ask, in what order, and what changed between
// module versions. The terminal driver (src/commands/interview.ts) only asks and saves.
import type { Answer, AnswerSet } from "./answers.js";
import type { Module, PlacedQuestion, Question } from "./model.js";
import { questionIndex } from "./questionnaire.js";
import { questionContent } from "./scales.js";
import type { Questionnaire } from "./questionnaire.js";
import { isShown, shownQuestions } from "./visibility.js";

/** One thing to ask: a question, for the institution or for one dataset. */
export interface Step {
  placed: PlacedQuestion;
  /** Index into set.datasets for dataset-scoped questions. */
  datasetIndex?: number;
}

export function stepKey(step: Step, set: AnswerSet): string {
  return step.datasetIndex === undefined ? step.placed.question.id : `${set.datasets[step.datasetIndex]?.id ?? step.datasetIndex}/${step.placed.question.id}`;
}

/**
 * The questions to ask, in order, with those hidden by their conditions left out. A dataset
 * section is asked for each dataset in turn: all of its questions for the first dataset,
 * then for the next.
 */
export function visibleSteps(q: Questionnaire, set: AnswerSet): Step[] {
  const shown = shownQuestions(q, set);
  const out: Step[] = [];
  for (const module of q.modules) {
    for (const section of module.sections) {
      const placed = q.questions.filter((p) => p.section === section);
      if (section.scope === "institution") {
        for (const p of placed) if (isShown(shown, p.question.id)) out.push({ placed: p });
      } else {
        set.datasets.forEach((_ds, i) => {
          for (const p of placed) if (isShown(shown, p.question.id, i)) out.push({ placed: p, datasetIndex: i });
        });
      }
    }
  }
  return out;
}

export function answerAt(set: AnswerSet, step: Step): Answer | undefined {
  const map = step.datasetIndex === undefined ? set.answers : set.datasets[step.datasetIndex]?.answers;
  return map?.[step.placed.question.id];
}

/** A copy of the set with the answer at `step` replaced (or removed when undefined). */
export function withAnswer(set: AnswerSet, step: Step, answer: Answer | undefined): AnswerSet {
  const id = step.placed.question.id;
  const put = (m: Record<string, Answer>) => {
    const next = { ...m };
    if (answer === undefined) delete next[id];
    else next[id] = answer;
    return next;
  };
  if (step.datasetIndex === undefined) return { ...set, answers: put(set.answers) };
  return { ...set, datasets: set.datasets.map((d, i) => (i === step.datasetIndex ? { ...d, answers: put(d.answers) } : d)) };
}

/** The first visible step with no answer (or one to ask again) that the user has not chosen to skip. */
export function firstOpenStep(steps: readonly Step[], set: AnswerSet, skipped: ReadonlySet<string>, reask: ReadonlySet<string> = new Set()): number {
  return steps.findIndex((s) => (answerAt(set, s) === undefined || reask.has(stepKey(s, set))) && !skipped.has(stepKey(s, set)));
}

/**
 * Answers to questions that a later change hid (a gate answered otherwise in the review):
 * the interview keeps them in the answer file, says so, and scoring leaves them out.
 */
export function hiddenAnswers(q: Questionnaire, set: AnswerSet): Step[] {
  const shown = shownQuestions(q, set);
  const out: Step[] = [];
  for (const id of Object.keys(set.answers)) {
    const placed = q.byId.get(id);
    if (placed && !isShown(shown, id)) out.push({ placed });
  }
  set.datasets.forEach((ds, i) => {
    for (const id of Object.keys(ds.answers)) {
      const placed = q.byId.get(id);
      if (placed && !isShown(shown, id, i)) out.push({ placed, datasetIndex: i });
    }
  });
  return out.sort((a, b) => a.placed.order - b.placed.order || (a.datasetIndex ?? -1) - (b.datasetIndex ?? -1));
}

/** A short stable fingerprint of a question's definition (FNV-1a over canonical JSON). */
export function fingerprint(question: Question): string {
  const text = canonical(questionContent(question));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** JSON with keys sorted, so that equal data gives equal text. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v !== null && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

export function fingerprints(modules: readonly Module[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, p] of questionIndex(modules)) out[id] = fingerprint(p.question);
  return out;
}

export interface QuestionnaireChange {
  /** Modules whose version differs: id, version in the session, version now. */
  modules: { id: string; was: string; now?: string }[];
  changed: string[];
  removed: string[];
  added: string[];
}

/** What differs between the questionnaire a session was started with and the one loaded now. */
export function diffQuestionnaire(
  was: { modules: Record<string, string>; fingerprints: Record<string, string> },
  now: { modules: Record<string, string>; fingerprints: Record<string, string> },
): QuestionnaireChange | undefined {
  const modules = Object.entries(was.modules)
    .filter(([id, v]) => now.modules[id] !== v)
    .map(([id, v]) => ({ id, was: v, ...(now.modules[id] ? { now: now.modules[id] } : {}) }));
  const changed = Object.keys(was.fingerprints).filter((id) => id in now.fingerprints && now.fingerprints[id] !== was.fingerprints[id]);
  const removed = Object.keys(was.fingerprints).filter((id) => !(id in now.fingerprints));
  const added = Object.keys(now.fingerprints).filter((id) => !(id in was.fingerprints));
  if (modules.length === 0 && changed.length === 0 && removed.length === 0 && added.length === 0) return undefined;
  return { modules, changed, removed, added };
}

/** Drops answers to the given questions (a changed or removed question must be asked again). */
export function withoutQuestions(set: AnswerSet, ids: readonly string[]): AnswerSet {
  const drop = (m: Record<string, Answer>) => Object.fromEntries(Object.entries(m).filter(([k]) => !ids.includes(k)));
  return { ...set, answers: drop(set.answers), datasets: set.datasets.map((d) => ({ ...d, answers: drop(d.answers) })) };
}

/** A section as asked: an institution section once, a dataset section once per dataset. */
export function groupKey(step: Step): string {
  return `${step.placed.module.id}/${step.placed.section.id}/${step.datasetIndex ?? ""}`;
}

export interface Progress {
  /** The question's place among the questions of its section visible now (1-based), and their count. */
  k: number;
  n: number;
  /** Sections with nothing left to answer, of all sections to go through. */
  done: number;
  total: number;
}

/**
 * Where step `i` is. The section total counts every section of the chosen modules (dataset
 * sections once per dataset) whether or not its questions are shown, so it does not move when
 * a gate hides or shows questions; a section with none shown is done.
 */
export function progressAt(q: Questionnaire, set: AnswerSet, steps: readonly Step[], i: number, skipped: ReadonlySet<string>): Progress {
  const group = groupKey(steps[i]!);
  const same = steps.filter((s) => groupKey(s) === group);
  const open = new Set(steps.filter((s) => answerAt(set, s) === undefined && !skipped.has(stepKey(s, set))).map(groupKey));
  let total = 0;
  const all: string[] = [];
  for (const module of q.modules) {
    for (const section of module.sections) {
      const copies = section.scope === "institution" ? [""] : set.datasets.map((_d, k) => String(k));
      for (const c of copies) all.push(`${module.id}/${section.id}/${c}`);
      total += copies.length;
    }
  }
  return { k: same.indexOf(steps[i]!) + 1, n: same.length, done: all.filter((g) => !open.has(g)).length, total };
}
