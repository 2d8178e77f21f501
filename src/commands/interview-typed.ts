// Number, date and text questions: typed, read as a person means them, and said back.
import { invalidReason } from "../core/answers.js";
import type { AnswerValue } from "../core/answers.js";
import type { Lang, Question } from "../core/model.js";
import { describeDate } from "../core/parse-date.js";
import { rangeText } from "../core/parse-number.js";
import { formatReason } from "../core/problem-words.js";
import type { Moving } from "../io/prompts.js";
import { parseTyped } from "../core/typed-answer.js";
import type { Ctx } from "./interview.js";
import { T, tr } from "./interview-text.js";

/** Asks for a typed value; undefined means skipped (an optional question left empty). `moving`: the navigation keys and their hints. */
export async function askTyped(
  ctx: Ctx,
  question: Question,
  message: string,
  current: AnswerValue | undefined,
  o: { specials: boolean; optional: boolean; moving?: Moving },
): Promise<AnswerValue | undefined> {
  const { p, lang } = ctx;
  const read = (s: string) => parseTyped(question, s, { specials: o.specials, today: ctx.today });
  const hints = typedHints(question, lang, o);
  const shown = current === undefined ? undefined : Array.isArray(current) ? current.join(", ") : String(current);
  const raw = await p.input({
    message: hints.length ? `${message} (${hints.join("; ")})` : message,
    ...(shown !== undefined ? { default: shown } : {}),
    ...o.moving,
    validate: (s) => {
      const r = read(s);
      if (r === undefined) return o.optional ? true : tr(T.required, lang);
      if ("error" in r) return formatReason(r.error, lang);
      const reason = invalidReason(question, r.value);
      return reason ? formatReason(reason, lang) : true;
    },
  });
  const r = read(raw);
  if (!r || !("value" in r)) return undefined;
  // The date understood, said back before the next question: 30/06/2568 is 30 June 2025.
  if (question.type === "date" && typeof r.value === "string" && /^\d{4}-/.test(r.value)) p.print(`  → ${describeDate(r.value, lang)}`);
  return r.value;
}

/** What the prompt says can be typed: the date forms, the range and unit, dk/na, Enter to skip. */
function typedHints(question: Question, lang: Lang, o: { specials: boolean; optional: boolean }): string[] {
  const hints: string[] = [];
  if (question.type === "date") hints.push(tr(T.dateHint, lang));
  if (question.type === "number") {
    const range = rangeText(typeof question.min === "number" ? question.min : undefined, typeof question.max === "number" ? question.max : undefined);
    if (range) hints.push(`${tr(T.rangeHint, lang)} ${range}`);
    if (question.integer) hints.push(tr(T.wholeNumberHint, lang));
  }
  if (question.unit) hints.push(question.unit[lang]);
  if (o.specials) hints.push(tr(T.specialHint, lang));
  if (o.optional) hints.push(tr(T.skipHint, lang));
  return hints;
}
