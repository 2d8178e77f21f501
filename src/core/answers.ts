// The answer file: the one format the interview, the spreadsheet ingest and the reports share.
import { DONT_KNOW, NOT_APPLICABLE, offersSpecials, optionsOf } from "./model.js";
import type { Question } from "./model.js";
import type { CodedProblem, NoArgs, Problem } from "./problems.js";

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
export type RejectedAnswer = {
  question: string;
  dataset?: string;
  /** Where it was written, such as `Education!E14`. */
  place?: string;
  raw: string;
  /** Why, in English, for people reading the file; `code` and `args` say it as data (files before them have none). */
  reason: string;
  comment?: string;
} & (CodedProblem | { code?: undefined; args?: undefined });

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

/**
 * What reading one input gave: its answers, or the problems that kept it from giving any,
 * and how to say where each answer was read (a YAML line:column, a sheet's cell, a CSV line).
 * Every channel (answer file, workbook, CSV, Kobo and ODK exports) gives this one shape.
 */
export interface ReadInput {
  source: string;
  set?: AnswerSet;
  problems: Problem[];
  /** Adds to problems about answers the place those answers were read from. */
  locate?: (problems: Problem[]) => Problem[];
}

/** A `locate` for readers that note each answer's place under placeKey: problems about an answer get it. */
export function placesLocator(places: ReadonlyMap<string, string>, set: AnswerSet): (problems: Problem[]) => Problem[] {
  return (problems) =>
    problems.map((p) => {
      if (p.place) return p;
      const [first, second, third, fourth] = p.path;
      const key =
        first === "answers" && typeof second === "string"
          ? placeKey(undefined, second)
          : first === "datasets" && typeof second === "number" && third === "answers" && typeof fourth === "string"
            ? placeKey(set.datasets[second]?.id, fourth)
            : undefined;
      const place = key === undefined ? undefined : places.get(key);
      return place ? { ...p, place } : p;
    });
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

/** Why a value is not an answer to a question, as data; src/core/problem-words-answers.ts words it. */
export interface AnswerReasonArgs {
  SPECIAL_NOT_OFFERED: { value: string };
  EXPECTED_ONE_OF: { options: string[] };
  NOT_AN_OPTION: { value: string; options: string[] };
  /** Several options in one cell separated by commas, which labels themselves contain: use ";" or the Yes rows. */
  COMMA_SEPARATED: { value: string; options: string[] };
  EXPECTED_LIST: { options: string[] };
  CHOSEN_TWICE: NoArgs;
  EXCLUSIVE_COMBINED: { option: string };
  EXPECTED_NUMBER: NoArgs;
  EXPECTED_WHOLE_NUMBER: NoArgs;
  BELOW_MIN: { min: number };
  ABOVE_MAX: { max: number };
  EXPECTED_DATE: NoArgs;
  BEFORE_MIN_DATE: { min: string };
  AFTER_MAX_DATE: { max: string };
  EXPECTED_TEXT: NoArgs;
  /** A spreadsheet cell showing #N/A, #VALUE! and the like. */
  CELL_ERROR: { text: string };
  /** A formula saved without its result (files written by programs, not spreadsheets). */
  NOT_CALCULATED: { formula: string };
  NOT_A_NUMBER: { text: string };
  /** Cells, CSV fields and the interview: several date forms are read (src/core/parse-date.ts). */
  NOT_A_DATE: { text: string };
  /** A date that does not exist (31/02/2025, or month first: 06/30/2025). */
  NO_SUCH_DATE: { text: string };
  /** A year that could be either era (2200) or has two digits (68): which year is meant is not known. */
  DATE_YEAR_UNCLEAR: { text: string };
  /** A date after today where the question asks when something happened. */
  DATE_IN_FUTURE: { date: string; today: string };
  /** A number written so that what was meant is not clear: 1,2 (1.2? 12?), 0x10, 1e1. */
  NUMBER_UNCLEAR: { text: string };
  /** A workbook's tick cell for one option. */
  NOT_YES_OR_NO: { text: string };
  /** A split select_multiple column of a Kobo or ODK export. */
  NOT_ONE_OR_ZERO: { text: string };
  /** A multiple choice answered in its own cell and by ticks too; `below`: ticks on the rows below (else beside). */
  CHOSEN_WITH_TICKS: { text: string; below: boolean };
  EXCLUSIVE_TICKED: { option: string };
  EMPTY: NoArgs;
}

export type AnswerReasonCode = keyof AnswerReasonArgs;

export type AnswerReason = { [C in AnswerReasonCode]: { code: C; args: AnswerReasonArgs[C] } }[AnswerReasonCode];

export function answerReason<C extends AnswerReasonCode>(code: C, args: AnswerReasonArgs[C]): AnswerReason {
  return { code, args } as AnswerReason;
}

/**
 * Why a value is not a valid answer to a question, or undefined when it is. Pure: ingest
 * edges call this after turning a cell or a typed string into a value.
 */
export function invalidReason(question: Question, value: AnswerValue): AnswerReason | undefined {
  if (isSpecial(value)) {
    return offersSpecials(question) ? undefined : answerReason("SPECIAL_NOT_OFFERED", { value });
  }
  switch (question.type) {
    case "single_choice":
    case "yes_no": {
      if (typeof value !== "string") return answerReason("EXPECTED_ONE_OF", { options: listValues(question) });
      return optionsOf(question).some((o) => o.value === value) ? undefined : answerReason("NOT_AN_OPTION", { value, options: listValues(question) });
    }
    case "multiple_choice": {
      const values = Array.isArray(value) ? value : typeof value === "string" ? [value] : undefined;
      if (!values || values.length === 0) return answerReason("EXPECTED_LIST", { options: listValues(question) });
      const opts = optionsOf(question);
      for (const v of values) {
        if (!opts.some((o) => o.value === v)) return answerReason("NOT_AN_OPTION", { value: v, options: listValues(question) });
      }
      if (new Set(values).size !== values.length) return answerReason("CHOSEN_TWICE", {});
      const exclusive = values.filter((v) => opts.find((o) => o.value === v)?.exclusive);
      if (exclusive.length > 0 && values.length > 1) return answerReason("EXCLUSIVE_COMBINED", { option: exclusive[0]! });
      return undefined;
    }
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return answerReason("EXPECTED_NUMBER", {});
      if (question.integer && !Number.isInteger(value)) return answerReason("EXPECTED_WHOLE_NUMBER", {});
      if (typeof question.min === "number" && value < question.min) return answerReason("BELOW_MIN", { min: question.min });
      if (typeof question.max === "number" && value > question.max) return answerReason("ABOVE_MAX", { max: question.max });
      return undefined;
    }
    case "date": {
      if (typeof value !== "string" || !isIsoDate(value)) return answerReason("EXPECTED_DATE", {});
      if (typeof question.min === "string" && value < question.min) return answerReason("BEFORE_MIN_DATE", { min: question.min });
      if (typeof question.max === "string" && value > question.max) return answerReason("AFTER_MAX_DATE", { max: question.max });
      return undefined;
    }
    case "text":
      return typeof value === "string" ? undefined : answerReason("EXPECTED_TEXT", {});
  }
}

function listValues(question: Question): string[] {
  const values = optionsOf(question).map((o) => o.value);
  if (offersSpecials(question)) values.push(DONT_KNOW, NOT_APPLICABLE);
  return values;
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
