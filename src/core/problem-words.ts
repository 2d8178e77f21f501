// The one place problems become words, in English or Thai. The tables are split by area;
// WORDS joins them, and its type makes a code without words a compile error.
import type { Lang } from "./model.js";
import { formatPath } from "./problems.js";
import { terminalText } from "./terminal-text.js";
import type { CodedProblem, Problem, ProblemArgs, ProblemCode } from "./problems.js";
import { ANSWER_WORDS } from "./problem-words-answers.js";
import { EXPORT_WORDS } from "./problem-words-exports.js";
import { INPUT_WORDS } from "./problem-words-inputs.js";
import { MODULE_WORDS } from "./problem-words-modules.js";
import { XLSFORM_WORDS } from "./problem-words-xlsform.js";
import { FOLDER_WORDS } from "./problem-words-folders.js";
import { COMPARE_WORDS } from "./problem-words-compare.js";

export { formatReason } from "./problem-words-answers.js";

export type Words<C extends ProblemCode> = Record<Lang, (args: ProblemArgs[C]) => string>;

export type WordTable = { [C in ProblemCode]: Words<C> };

export const WORDS: WordTable = { ...MODULE_WORDS, ...INPUT_WORDS, ...EXPORT_WORDS, ...ANSWER_WORDS, ...XLSFORM_WORDS, ...FOLDER_WORDS, ...COMPARE_WORDS };

/** What a problem says, without where it is. */
export function problemText(p: CodedProblem, lang: Lang): string {
  // WORDS is keyed by code, so the code picks the words that take its args.
  return (WORDS[p.code][lang] as (args: CodedProblem["args"]) => string)(p.args);
}

const WARNING: Record<Lang, string> = { en: "warning: ", th: "คำเตือน: " };

/** One line: `modules/x.yaml:12:7 sections[0].questions[2].id: words [CODE]`, safe to print (its args come from inputs). */
export function formatProblem(p: Problem, lang: Lang): string {
  let where = p.source;
  if (p.line !== undefined) where += `:${p.line}:${p.column ?? 1}`;
  if (p.place) where += ` › ${p.place}`;
  const path = p.path.length > 0 ? ` ${formatPath(p.path)}` : "";
  const sev = p.severity === "warning" ? WARNING[lang] : "";
  return terminalText(`${where}${path}: ${sev}${problemText(p, lang)} [${p.code}]`);
}

/** A problem as written to a results file: its words beside the data, for people reading it. */
export function withMessage<P extends Problem>(p: P, lang: Lang): P & { message: string } {
  return { ...p, message: problemText(p, lang) };
}

/** Why an answer was rejected: the problem as data, and its English words for people reading the answer file. */
export function rejection(p: CodedProblem): { reason: string } & CodedProblem {
  return { reason: problemText(p, "en"), code: p.code, args: p.args } as { reason: string } & CodedProblem;
}
