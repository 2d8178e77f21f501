// What the interviewer types for a number, date or text question, as an answer value.
import type { AnswerReason, AnswerValue } from "./answers.js";
import { DONT_KNOW, NOT_APPLICABLE } from "./model.js";
import type { Question } from "./model.js";
import { readDate } from "./parse-date.js";
import type { Era } from "./parse-date.js";
import { readNumber } from "./parse-number.js";

/**
 * Don't know and not applicable, typed: in English, in Thai, and dk / na typed while the
 * keyboard is still on the Thai (Kedmanee) layout, where d k gives กา and n a gives ืฟ.
 */
const DK_WORDS = new Set(["dk", "?", "don't know", "dont know", "ไม่ทราบ", "กา"]);
const NA_WORDS = new Set(["na", "n/a", "not applicable", "ไม่เกี่ยวข้อง", "ืฟ"]);

export type Typed = { value: AnswerValue; era?: Era } | { error: AnswerReason } | undefined;

/** Whether a date question asks when something happened (so a later date is refused): unless its `max` is later than today. */
export function asksPastDate(question: Question, today: string): boolean {
  return question.type === "date" && !(typeof question.max === "string" && question.max > today);
}

/** A typed answer: a value (and for a date, the era its year was typed in), an error to show, or undefined for empty. */
export function parseTyped(question: Question, typed: string, options: { specials: boolean; today: string }): Typed {
  const s = typed.trim();
  if (s === "") return undefined;
  const lower = s.normalize("NFC").toLowerCase();
  if (options.specials && DK_WORDS.has(lower)) return { value: DONT_KNOW };
  if (options.specials && NA_WORDS.has(lower)) return { value: NOT_APPLICABLE };
  if (question.type === "number") return readNumber(s);
  if (question.type === "date") return readDate(s, asksPastDate(question, options.today) ? { today: options.today } : {});
  return { value: s };
}
