// Numbers as a person types them: Thai digits, commas between thousands, a point for decimals.
// What they cannot mean is refused rather than guessed: 1,2 (1.2 or 12?), 0x10, 1e1.
import { answerReason } from "./answers.js";
import type { AnswerReason } from "./answers.js";

/** Digits, or digits grouped by three with commas, then an optional decimal part. */
const PLAIN = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;
/** A number, but not clearly which: commas out of place (1,2), hexadecimal (0x10), an exponent (1e1). */
const UNCLEAR = /^[+-]?(?:[\d.,]+|0x[\da-f]+|[\d.]+e[+-]?\d+)$/i;

export function readNumber(text: string): { value: number } | { error: AnswerReason } {
  const s = text
    .normalize("NFC")
    .replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .trim();
  if (PLAIN.test(s)) return { value: Number(s.replace(/,/g, "")) };
  return { error: answerReason(UNCLEAR.test(s) && /\d/.test(s) ? "NUMBER_UNCLEAR" : "NOT_A_NUMBER", { text }) };
}

/** The allowed range as the prompt shows it: "0-100", "≥ 0", "≤ 10", or nothing. */
export function rangeText(min: number | undefined, max: number | undefined): string | undefined {
  if (min !== undefined && max !== undefined) return `${min}–${max}`;
  if (min !== undefined) return `≥ ${min}`;
  if (max !== undefined) return `≤ ${max}`;
  return undefined;
}
