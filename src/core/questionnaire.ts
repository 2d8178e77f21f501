// A questionnaire: the modules an institution answers, in the order they are asked.
import type { Condition, Module, PlacedQuestion } from "./model.js";

export interface Questionnaire {
  modules: Module[];
  questions: PlacedQuestion[];
  byId: Map<string, PlacedQuestion>;
}

/**
 * Orders the chosen modules so that every module comes after the modules it requires
 * (and `general` first), then places every question. Unknown ids are the caller's to report.
 */
export function buildQuestionnaire(all: readonly Module[], chosen?: readonly string[]): Questionnaire {
  const byId = new Map(all.map((m) => [m.id, m] as const));
  // The loaded order (general first, then by file name), whatever order the ids come in:
  // the same modules always make the same questionnaire.
  const wanted = all.map((m) => m.id).filter((id) => !chosen || chosen.includes(id));
  const ordered: Module[] = [];
  const visiting = new Set<string>();
  const visit = (id: string): void => {
    const m = byId.get(id);
    if (!m || ordered.includes(m) || visiting.has(id)) return;
    visiting.add(id);
    for (const req of m.requires ?? []) visit(req);
    ordered.push(m);
  };
  for (const id of [...wanted].sort((a, b) => rank(a) - rank(b))) visit(id);

  const questions: PlacedQuestion[] = [];
  for (const module of ordered) {
    for (const section of module.sections) {
      for (const question of section.questions) questions.push({ question, module, section, order: questions.length });
    }
  }
  return { modules: ordered, questions, byId: new Map(questions.map((p) => [p.question.id, p] as const)) };
}

function rank(id: string): number {
  return id === "general" ? 0 : 1;
}

const indexes = new WeakMap<readonly Module[], Questionnaire>();

/**
 * Every question of a list of modules, placed (module, section, order): the one index of
 * questions, built once per list of loaded modules.
 */
export function questionIndex(modules: readonly Module[]): ReadonlyMap<string, PlacedQuestion> {
  let q = indexes.get(modules);
  if (!q) {
    q = buildQuestionnaire(modules);
    indexes.set(modules, q);
  }
  return q.byId;
}

/** Answer lookup for conditions: the chosen values of a question, or undefined. */
export type ValuesOf = (questionId: string) => readonly string[] | undefined;

/**
 * Whether a condition holds. A question whose answer is missing, don't know or not
 * applicable satisfies no `in`, so its follow-ups stay hidden.
 */
export function holds(condition: Condition, valuesOf: ValuesOf): boolean {
  if ("all" in condition) return condition.all.every((c) => holds(c, valuesOf));
  if ("any" in condition) return condition.any.some((c) => holds(c, valuesOf));
  if ("not" in condition) return !holds(condition.not, valuesOf);
  const chosen = valuesOf(condition.question);
  if (!chosen) return false;
  return chosen.some((v) => condition.in.includes(v));
}

