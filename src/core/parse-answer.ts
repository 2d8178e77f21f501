// Turning what a respondent wrote (a spreadsheet cell, a CSV field) into an answer value.
import { answerReason, isIsoDate } from "./answers.js";
import type { AnswerReason, AnswerValue } from "./answers.js";
import { readDate } from "./parse-date.js";
import type { Era } from "./parse-date.js";
import { DONT_KNOW, NOT_APPLICABLE, SPECIAL_LABELS, offersSpecials, optionsOf } from "./model.js";
import type { Question, Text } from "./model.js";

/** What a cell shows, independent of the spreadsheet library. */
export type SheetValue =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number; text: string }
  | { kind: "date"; value: string; text: string }
  | { kind: "bool"; value: boolean; text: string }
  | { kind: "error"; text: string }
  | { kind: "uncalculated"; text: string };

export type LabelLang = "en" | "th" | "both";

/**
 * `era`: a date, by the calendar its year was written in ("be": read as C.E., which the reader
 * says); `written`: that date as the cell held it, where the cell holds a serial number, not text.
 */
export type Parsed = { value: AnswerValue; era?: Era; written?: string } | { error: AnswerReason } | undefined;

/**
 * Labels cleaned already: the same Thai labels and answers come in every workbook of a batch,
 * and cleaning one (NFC, five replacements) costs more than looking it up. Short texts only,
 * and at most LABELS_KEPT of them, so that a batch's free text cannot grow it.
 */
const cleaned = new Map<string, string>();
const normalized = new Map<string, string>();
const LABELS_KEPT = 4096;
const LABEL_MAX_LENGTH = 200;

function remembered(memo: Map<string, string>, s: string, make: (s: string) => string): string {
  if (s.length > LABEL_MAX_LENGTH) return make(s);
  let made = memo.get(s);
  if (made === undefined) {
    if (memo.size >= LABELS_KEPT) memo.clear();
    memo.set(s, (made = make(s)));
  }
  return made;
}

/** Don't know and Not applicable, however written. */
const SPECIALS = new Map<string, string>(
  [DONT_KNOW, NOT_APPLICABLE].flatMap((v) => [v, ...(["en", "th", "both"] as const).map((l) => labelIn(SPECIAL_LABELS[v as keyof typeof SPECIAL_LABELS], l))].map((k) => [normalizeLabel(k), v] as [string, string])),
);

/** How a label is written in a template: English, Thai, or "English / Thai". */
export function labelIn(text: Text, lang: LabelLang): string {
  return lang === "both" ? `${text.en} / ${text.th}` : text[lang];
}

/**
 * What a respondent pasted, as what they meant: invisible characters gone (zero-width spaces
 * and joiners, common in Thai text copied from the web or Word; soft hyphens; byte-order
 * marks), curly quotes straight, Thai digits as 0-9, every kind of space one space.
 */
export function cleanText(s: string): string {
  return isPlain(s) ? s : remembered(cleaned, s, cleanNow);
}

function cleanNow(s: string): string {
  return s
    .normalize("NFC")
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/\s+/g, " ")
    .trim();
}

/** Printable ASCII with single spaces between words: what most cells hold, and what cleanText leaves as it is. */
function isPlain(s: string): boolean {
  const last = s.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7e || c < 0x20 || (c === 0x20 && (i === 0 || i === last || s.charCodeAt(i + 1) === 0x20))) return false;
  }
  return true;
}

export function normalizeLabel(s: string): string {
  return remembered(normalized, s, (t) => cleanText(t).toLowerCase());
}

const lookups = new WeakMap<Question, Map<string, string>>();

/** Every way a choice may be written: value, English, Thai, or both, ignoring case and spaces. */
export function choiceLookup(question: Question): Map<string, string> {
  let map = lookups.get(question);
  if (map) return map;
  map = new Map<string, string>();
  lookups.set(question, map);
  const add = (value: string, label?: Text) => {
    map.set(normalizeLabel(value), value);
    if (label) for (const l of ["en", "th", "both"] as const) map.set(normalizeLabel(labelIn(label, l)), value);
  };
  // Built once per question: a batch reads the same questions thousands of times.
  const markers = optionMarkers(question);
  optionsOf(question).forEach((o, i) => {
    add(o.value, o.label);
    // Templates since issue 16 write "2 – label"; earlier ones the label alone: both are read.
    if (markers && o.label) for (const l of ["en", "th", "both"] as const) map.set(normalizeLabel(marked(markers[i]!, labelIn(o.label, l))), o.value);
  });
  if (offersSpecials(question)) {
    add(DONT_KNOW, SPECIAL_LABELS.dont_know);
    add(NOT_APPLICABLE, SPECIAL_LABELS.not_applicable);
  }
  return map;
}

/**
 * What tells a single choice's options apart at the start of a narrow dropdown: the option's
 * level (0-4) where every option has its own, else A, B, C in the module's order. Yes/No
 * needs none. The same markers are written by the template and read back by choiceLookup.
 */
export function optionMarkers(question: Question): string[] | undefined {
  if (question.type !== "single_choice") return undefined;
  const opts = optionsOf(question);
  const levels = opts.map((o) => o.level);
  if (levels.every((l) => typeof l === "number") && new Set(levels).size === levels.length) return levels.map(String);
  return opts.map((_, i) => String.fromCharCode(65 + (i % 26)));
}

function marked(marker: string, label: string): string {
  return `${marker} – ${label}`;
}

/** The labels a cell may hold, as a template shows them (for "is not one of: ..."). */
export function choiceLabels(question: Question, lang: LabelLang): string[] {
  const markers = optionMarkers(question);
  const labels = optionsOf(question).map((o, i) => (markers ? marked(markers[i]!, labelIn(o.label!, lang)) : labelIn(o.label!, lang)));
  if (offersSpecials(question)) labels.push(labelIn(SPECIAL_LABELS.dont_know, lang), labelIn(SPECIAL_LABELS.not_applicable, lang));
  return labels;
}

/** A cell (or a field of text) as an answer to `question`; undefined when empty. */
export function parseSheetValue(question: Question, cell: SheetValue, lang: LabelLang = "en"): Parsed {
  if (cell.kind === "empty") return undefined;
  if (cell.kind === "error") return { error: answerReason("CELL_ERROR", { text: cell.text }) };
  if (cell.kind === "uncalculated") return { error: answerReason("NOT_CALCULATED", { formula: cell.text }) };
  // Free text is kept as written; anything read as a choice, number or date as meant.
  const text = cell.kind === "text" && question.type !== "text" ? cleanText(cell.text) : cell.text.trim();
  if (text === "") return undefined;
  // Only what was written, as a value: whether the value is a valid answer is checkAnswers' to say.
  return parseValue(question, cell, text, lang);
}

/**
 * How many labels the comma-separated pieces make when joined back where a label has commas
 * of its own ("Machine-readable format (for example CSV, XLSX or JSON)"); 0 when they make none.
 */
function labelsByComma(pieces: string[], lookup: Map<string, string>): number {
  // best[i]: labels that pieces i.. make (0: none); filled from the end, so each start is tried once.
  const best = new Array<number>(pieces.length + 1).fill(0);
  for (let i = pieces.length - 1; i >= 0; i--) {
    for (let j = i + 1; j <= pieces.length && best[i] === 0; j++) {
      if ((j === pieces.length || best[j]! > 0) && lookup.has(normalizeLabel(pieces.slice(i, j).join(",")))) best[i] = 1 + (j === pieces.length ? 0 : best[j]!);
    }
  }
  return best[0]!;
}

function parseValue(question: Question, cell: SheetValue, text: string, lang: LabelLang): Parsed {
  const special = offersSpecials(question) ? SPECIALS.get(normalizeLabel(text)) : undefined;
  if (special) return { value: special };
  switch (question.type) {
    case "single_choice":
    case "yes_no": {
      const v = choiceLookup(question).get(normalizeLabel(text));
      return v ? { value: v } : { error: answerReason("NOT_AN_OPTION", { value: text, options: choiceLabels(question, lang) }) };
    }
    case "multiple_choice": {
      // One field listing several choices: separated by semicolons or new lines (labels contain commas).
      const lookup = choiceLookup(question);
      const values: string[] = [];
      for (const part of text.split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
        const v = lookup.get(normalizeLabel(part));
        if (!v) {
          // "sex, age": commas are not separators (labels contain them), but say how to write it.
          const code = labelsByComma(part.split(","), lookup) > 1 ? "COMMA_SEPARATED" : "NOT_AN_OPTION";
          return { error: answerReason(code, { value: part, options: choiceLabels(question, lang) }) };
        }
        values.push(v);
      }
      return values.length === 1 && (values[0] === DONT_KNOW || values[0] === NOT_APPLICABLE) ? { value: values[0] } : { value: values };
    }
    case "number": {
      if (cell.kind === "number") return { value: cell.value };
      const n = Number(text.replace(/[,\s]/g, ""));
      return /\d/.test(text) && Number.isFinite(n) ? { value: n } : { error: answerReason("NOT_A_NUMBER", { text }) };
    }
    case "date":
      return parseDate(cell, text);
    case "text":
      return { value: text };
  }
}

/**
 * Dates as typed in Thailand: ISO (2025-06-30), day first (30/06/2025), spreadsheet dates
 * and serial numbers; Buddhist-era years (2568) are converted (2568 − 543 = 2025).
 */
function parseDate(cell: SheetValue, text: string): Parsed {
  if (cell.kind === "date") {
    // A reader's date is trusted no further than any text: a cell's value is the respondent's.
    const iso = fromBuddhistEra(cell.value);
    if (!isIsoDate(iso)) return { error: answerReason("NOT_A_DATE", { text: cell.text }) };
    // A date cell typed with its B.E. year (2568-06-30) is read as C.E.: said like a typed one.
    return iso === cell.value ? { value: iso } : { value: iso, era: "be" };
  }
  if (cell.kind === "number" && cell.value > 0 && cell.value < 2958466) {
    // Spreadsheet serial day: 1899-12-30 is day 0; a time of day (the fraction) is not part of the date.
    const ms = Date.UTC(1899, 11, 30) + Math.floor(cell.value) * 86400000;
    const day = new Date(ms).toISOString().slice(0, 10);
    // A serial of a B.E. year (a date cell without a date format) is read as a date cell is.
    const iso = fromBuddhistEra(day);
    return iso === day ? { value: iso } : isIsoDate(iso) ? { value: iso, era: "be", written: day } : { error: answerReason("NOT_A_DATE", { text: cell.text }) };
  }
  // The interview's reader: the same text means the same date on every channel.
  const read = readDate(text);
  return "error" in read ? { error: read.error } : { value: read.value, era: read.era };
}

function fromBuddhistEra(iso: string): string {
  const year = Number(iso.slice(0, 4));
  return year >= 2400 ? `${year - 543}${iso.slice(4)}` : iso;
}
