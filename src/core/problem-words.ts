// The one place problems and answer reasons become words, in English or Thai.
import type { AnswerReason } from "./answers.js";
import type { Lang } from "./model.js";
import { REASON_WORDS } from "./problem-words-answers.js";

/** Why a value is not an answer, in words. */
export function formatReason(reason: AnswerReason, lang: Lang): string {
  // The table is keyed by code, so the code picks the words that take its args.
  return (REASON_WORDS[reason.code][lang] as (args: AnswerReason["args"]) => string)(reason.args);
}
