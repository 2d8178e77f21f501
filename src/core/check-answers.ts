// Checks an answer set against the questionnaire it claims to answer.
import { invalidReason } from "./answers.js";
import type { Answer, AnswerSet, RejectedAnswer } from "./answers.js";
import type { Condition, Module } from "./model.js";
import { problem } from "./problems.js";
import { rejection } from "./problem-words.js";
import type { DocPath, Problem, ProblemArgs, ProblemCode, Severity } from "./problems.js";
import { buildQuestionnaire, questionIndex } from "./questionnaire.js";
import type { Questionnaire } from "./questionnaire.js";
import { isShown, shownQuestions } from "./visibility.js";

export interface CheckedAnswers {
  questionnaire: Questionnaire;
  problems: Problem[];
  /** The answers that can be scored: those that failed are moved to `rejected`, never dropped. */
  clean: AnswerSet;
  /** True when the set cannot be scored at all (a module missing or of another major version). */
  fatal: boolean;
}

/** Problems that stop a whole answer set from being scored; the rest only drop one answer. */
const FATAL: ReadonlySet<ProblemCode> = new Set(["UNKNOWN_MODULE", "MODULE_VERSION_MISMATCH", "REQUIRED_MODULE_MISSING", "DUPLICATE_DATASET"]);

/**
 * Builds the questionnaire the answer set was given against and reports every answer that
 * does not fit it: the one place answers are validated, whichever channel they came by
 * (readers only turn what was written into values). `locate` adds where an answer was read. Module versions must share their major version with the loaded module
 * (a major change means a question changed meaning); other differences are warnings.
 */
export function checkAnswers(set: AnswerSet, available: readonly Module[], source: string, locate?: (problems: Problem[]) => Problem[]): CheckedAnswers {
  const problems: Problem[] = [];
  const push = <C extends ProblemCode>(code: C, args: ProblemArgs[C], path: DocPath, severity: Severity = "error") => problems.push(problem(code, args, source, path, severity));

  const loaded = new Map(available.map((m) => [m.id, m] as const));
  const chosen: string[] = [];
  for (const [id, version] of Object.entries(set.modules)) {
    const m = loaded.get(id);
    if (!m) {
      push("UNKNOWN_MODULE", { module: id, loaded: [...loaded.keys()] }, ["modules", id]);
      continue;
    }
    chosen.push(id);
    if (major(version) !== major(m.version)) {
      push("MODULE_VERSION_MISMATCH", { module: id, version, loaded: m.version }, ["modules", id]);
    } else if (version !== m.version) {
      push("MODULE_VERSION_DIFFERS", { module: id, version, loaded: m.version }, ["modules", id], "warning");
    }
    for (const req of m.requires ?? []) {
      if (!(req in set.modules)) push("REQUIRED_MODULE_MISSING", { module: id, requires: req }, ["modules"]);
    }
  }
  const questionnaire = buildQuestionnaire(available, chosen);
  // Answers made for another major version are not checked one by one against this one: each
  // would be reported as unknown or invalid beside the one problem that says why.
  if (problems.some((p) => p.code === "MODULE_VERSION_MISMATCH")) {
    return { questionnaire, problems: locate ? locate(problems) : problems, clean: set, fatal: true };
  }
  const inSet = new Set(questionnaire.modules.map((m) => m.id));

  const rejected: RejectedAnswer[] = [...(set.rejected ?? [])];
  const reject = (id: string, answer: Answer, dataset: string | undefined, failed: Problem) => {
    // Where it was read (a cell, a line), as its problem says once located.
    const place = locate?.([failed])[0]?.place;
    rejected.push({ question: id, ...(dataset ? { dataset } : {}), ...(place ? { place } : {}), raw: rawOf(answer), ...rejection(failed), ...(answer.comment ? { comment: answer.comment } : {}) });
  };

  /** Checks one answer; returns false when it cannot be scored. */
  const checkOne = (id: string, answer: Answer, path: DocPath, scope: "institution" | "dataset", dataset?: string): boolean => {
    const before = problems.length;
    checkAnswer(id, answer, path, scope);
    const failed = problems.slice(before).find((p) => p.severity === "error");
    if (failed) reject(id, answer, dataset, failed);
    return !failed;
  };
  const checkAnswer = (id: string, answer: Answer, path: DocPath, scope: "institution" | "dataset") => {
    const placed = questionnaire.byId.get(id);
    if (!placed) {
      const elsewhere = questionIndex(available).has(id);
      const near = closest(id, [...questionnaire.byId.keys()]);
      push("UNKNOWN_QUESTION", elsewhere ? { question: id, in: "undeclared_module" } : { question: id, in: "modules", modules: [...inSet], ...(near ? { suggestion: near } : {}) }, path);
      return;
    }
    if (placed.section.scope !== scope) {
      push("WRONG_SCOPE", { question: id, belongs: placed.section.scope }, path);
      return;
    }
    const reason = invalidReason(placed.question, answer.value);
    if (reason) push("INVALID_ANSWER", { question: id, value: rawOf(answer), reason }, path);
  };

  const keep = (answers: Record<string, Answer>, path: DocPath, scope: "institution" | "dataset", dataset?: string) =>
    Object.fromEntries(Object.entries(answers).filter(([id, a]) => checkOne(id, a, [...path, id], scope, dataset)));
  const answers = keep(set.answers, ["answers"], "institution");
  const datasetIds = new Set<string>();
  const datasets = set.datasets.map((ds, i) => {
    if (datasetIds.has(ds.id)) push("DUPLICATE_DATASET", { dataset: ds.id }, ["datasets", i, "id"]);
    datasetIds.add(ds.id);
    return { ...ds, answers: keep(ds.answers, ["datasets", i, "answers"], "dataset", ds.id) };
  });
  const clean: AnswerSet = { ...set, answers, datasets, ...(rejected.length ? { rejected } : {}) };
  // Kept, never scored: an answer to a question its condition hides (as a form would hide it).
  const shown = shownQuestions(questionnaire, clean);
  const hidden = (id: string, path: DocPath, dataset?: number) => {
    const when = questionnaire.byId.get(id)?.question.when;
    if (!when || isShown(shown, id, dataset)) return;
    push("ANSWER_TO_HIDDEN_QUESTION", { question: id, gates: conditionQuestions(when) }, path, "warning");
  };
  for (const id of Object.keys(answers)) hidden(id, ["answers", id]);
  datasets.forEach((ds, i) => {
    for (const id of Object.keys(ds.answers)) hidden(id, ["datasets", i, "answers", id], i);
  });
  return { questionnaire, problems: locate ? locate(problems) : problems, clean, fatal: problems.some((p) => FATAL.has(p.code)) };
}

/** The questions a condition looks at, in the order written. */
function conditionQuestions(c: Condition): string[] {
  if ("all" in c) return [...new Set(c.all.flatMap(conditionQuestions))];
  if ("any" in c) return [...new Set(c.any.flatMap(conditionQuestions))];
  if ("not" in c) return conditionQuestions(c.not);
  return [c.question];
}

/** An answer as written, for rejected answers and problems. */
function rawOf(answer: Answer): string {
  return Array.isArray(answer.value) ? answer.value.join("; ") : String(answer.value);
}

function major(version: string): string {
  return version.split(".")[0] ?? version;
}

/** The known id within two edits of a mistyped one, if there is exactly one such. */
function closest(id: string, known: string[]): string | undefined {
  const near = known.filter((k) => Math.abs(k.length - id.length) <= 2 && editDistance(id, k) <= 2);
  return near.length === 1 ? near[0] : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
