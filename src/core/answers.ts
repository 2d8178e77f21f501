// The answer file: the one format the interview, the spreadsheet ingest and the reports share.
import { DONT_KNOW, NOT_APPLICABLE, offersSpecials, optionsOf } from "./model.js";
import type { Question } from "./model.js";

export const ANSWERS_FORMAT = "assess-answers/1";

export type AnswerValue = string | number | string[];

export interface Answer {
  value: AnswerValue;
  comment?: string;
}

export interface Institution {
  id: string;
  name: string;
  ministry?: string;
  department?: string;
  themes?: string[];
}

/** Personal data under Thailand's PDPA: kept in answer files, left out of reports. */
export interface Respondent {
  name?: string;
  role?: string;
  email?: string;
  phone?: string;
}

export interface DatasetAnswers {
  id: string;
  name: string;
  answers: Record<string, Answer>;
}

/** A value a respondent wrote that could not be read as an answer: kept, so that nothing is lost. */
export interface RejectedAnswer {
  question: string;
  dataset?: string;
  /** Where it was written, such as `Education!E14`. */
  place?: string;
  raw: string;
  reason: string;
  comment?: string;
}

/** A comment written beside a question left unanswered. */
export interface Note {
  question: string;
  dataset?: string;
  comment: string;
}

export interface AnswerSet {
  format: typeof ANSWERS_FORMAT;
  /** Marks example data that describes no real institution. */
  fictional?: boolean;
  institution: Institution;
  respondent?: Respondent;
  /** Assessment date, YYYY-MM-DD: the reference for date bands. */
  date: string;
  language?: "en" | "th";
  /** Module id to the version the answers were given against. */
  modules: Record<string, string>;
  answers: Record<string, Answer>;
  datasets: DatasetAnswers[];
  rejected?: RejectedAnswer[];
  notes?: Note[];
}

/** The key of where an answer was read: the dataset id (empty for the institution) and the question. */
export function placeKey(dataset: string | undefined, question: string): string {
  return `${dataset ?? ""}\u0000${question}`;
}

export function isSpecial(value: AnswerValue): value is typeof DONT_KNOW | typeof NOT_APPLICABLE {
  return value === DONT_KNOW || value === NOT_APPLICABLE;
}

/** Values that conditions test: the chosen option(s) of a choice answer, nothing for special answers. */
export function valuesOfAnswer(answer: Answer | undefined): readonly string[] | undefined {
  if (!answer || isSpecial(answer.value)) return undefined;
  if (Array.isArray(answer.value)) return answer.value;
  return typeof answer.value === "string" ? [answer.value] : undefined;
}

/**
 * Why a value is not a valid answer to a question, or undefined when it is. Pure: ingest
 * edges call this after turning a cell or a typed string into a value.
 */
export function invalidReason(question: Question, value: AnswerValue): string | undefined {
  if (isSpecial(value)) {
    return offersSpecials(question) ? undefined : `"${value}" is not offered for free-text questions`;
  }
  switch (question.type) {
    case "single_choice":
    case "yes_no": {
      if (typeof value !== "string") return `expected one of: ${listValues(question)}`;
      return optionsOf(question).some((o) => o.value === value) ? undefined : `"${value}" is not one of: ${listValues(question)}`;
    }
    case "multiple_choice": {
      const values = Array.isArray(value) ? value : typeof value === "string" ? [value] : undefined;
      if (!values || values.length === 0) return `expected a list of: ${listValues(question)}`;
      const opts = optionsOf(question);
      for (const v of values) {
        if (!opts.some((o) => o.value === v)) return `"${v}" is not one of: ${listValues(question)}`;
      }
      if (new Set(values).size !== values.length) return "an option is chosen twice";
      const exclusive = values.filter((v) => opts.find((o) => o.value === v)?.exclusive);
      if (exclusive.length > 0 && values.length > 1) return `"${exclusive[0]}" cannot be combined with other options`;
      return undefined;
    }
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return "expected a number";
      if (question.integer && !Number.isInteger(value)) return "expected a whole number";
      if (typeof question.min === "number" && value < question.min) return `expected at least ${question.min}`;
      if (typeof question.max === "number" && value > question.max) return `expected at most ${question.max}`;
      return undefined;
    }
    case "date": {
      if (typeof value !== "string" || !isIsoDate(value)) return "expected a date written YYYY-MM-DD";
      if (typeof question.min === "string" && value < question.min) return `expected ${question.min} or later`;
      if (typeof question.max === "string" && value > question.max) return `expected ${question.max} or earlier`;
      return undefined;
    }
    case "text":
      return typeof value === "string" ? undefined : "expected text";
  }
}

function listValues(question: Question): string {
  const values = optionsOf(question).map((o) => o.value);
  if (offersSpecials(question)) values.push(DONT_KNOW, NOT_APPLICABLE);
  return values.join(", ");
}

/** A real calendar date in YYYY-MM-DD form. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * Whole calendar months from `earlier` to `later` (YYYY-MM-DD, earlier ≤ later): how many
 * months can be added to `earlier` without passing `later`, where a day the shorter month
 * lacks becomes its last day. 31 March → 30 June is 3 months; 15 January → 14 February is 0.
 */
export function monthsBetween(earlier: string, later: string): number {
  const [y1, m1, d1] = earlier.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = later.split("-").map(Number) as [number, number, number];
  const months = (y2 - y1) * 12 + (m2 - m1);
  // The day `months` after `earlier` lands on, clamped to the end of its month.
  const landsOn = Math.min(d1, daysInMonth(y2, m2));
  return landsOn > d2 ? months - 1 : months;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
