// The Excel questionnaire's layout: sheet names, columns and id conventions that the
// template writes and the ingest reads back. One module, so that the two cannot drift apart.
import type { Module } from "./model.js";
import type { LabelLang } from "./parse-answer.js";

export const TEMPLATE_FORMAT = "assess-template/1";
export const META_SHEET = "assess_meta";
export const LISTS_SHEET = "Lists";
export const INSTITUTION_SHEET = "Institution";
export const DATASETS_SHEET = "Datasets";
/** Dataset columns offered on the Datasets sheet unless `--datasets N` asks for more (issue 16: at least 15). */
export const DATASET_COLUMNS = 15;
/** At most this many dataset columns: beyond, a copy of the sheet is the way (see the Instructions). */
export const MAX_DATASET_COLUMNS = 200;
/**
 * Datasets sheet, issue 16 layout: a row per question (id, question, explanation), a column per
 * dataset from this column on; row 2 (id `dataset_name`) holds the datasets' names.
 * The first layout had a row per dataset from row 3 and the question ids across row 2.
 */
export const DATASET_COL = { id: 1, question: 2, help: 3, first: 4 } as const;
/** The id, in column A and row 2 in both layouts, of the dataset-name row (or column). */
export const DATASET_NAME_ID = "dataset_name";
/** Module sheets: column of each field (1-based). */
export const COL = { id: 1, section: 2, question: 3, help: 4, answer: 5, comment: 6, condition: 7 } as const;
/** Datasets sheet: each question's comment column has the id `question#comment`. */
export const COMMENT_SUFFIX = "#comment";
/** Multiple-choice options get a row each, with an id `question:option`. */
export const OPTION_SEPARATOR = ":";

export interface TemplateMeta {
  format: string;
  lang: LabelLang;
  modules: Record<string, string>;
  hash: string;
  sheets: Record<string, string>;
  /** The institution a template was made for, when it was (its modules were chosen for it). */
  institution?: string;
}

/** The template's own sheets, named in Thai in a Thai template; ingest finds them by their content. */
export const OWN_SHEETS = {
  instructions: { en: "Instructions", th: "คำชี้แจง" },
  institution: { en: INSTITUTION_SHEET, th: "หน่วยงาน" },
  datasets: { en: DATASETS_SHEET, th: "ชุดข้อมูล" },
} as const;

export function ownSheetNames(lang: LabelLang): Record<keyof typeof OWN_SHEETS, string> {
  const pick = (t: { en: string; th: string }) => (lang === "th" ? t.th : t.en);
  return { instructions: pick(OWN_SHEETS.instructions), institution: pick(OWN_SHEETS.institution), datasets: pick(OWN_SHEETS.datasets) };
}

/** Sheet names: the module's title (Thai in a Thai template) cut on a word to Excel's 31 characters, without forbidden characters, unique. */
export function moduleSheetNames(modules: readonly Module[], lang: LabelLang = "en"): Record<string, string> {
  const own = Object.values(ownSheetNames(lang));
  const taken = new Set([...own, LISTS_SHEET, META_SHEET].map((s) => s.toLowerCase()));
  const out: Record<string, string> = {};
  for (const m of modules) {
    const title = lang === "th" ? m.title.th : m.title.en;
    const clean = title.replace(/[[\]:*?/\\']/g, " ").replace(/\s+/g, " ").trim();
    // "and" gives way to "&" before any word is cut: "Labour migration & child labour", not "Labour migration and child".
    // Too long: "and" gives way to "&"; if still too long, the first phrase (before "and", Thai "และ") when that alone fits.
    const amp = clean.replace(/ and /g, " & ");
    const firstPhrase = clean.split(lang === "th" ? "และ" : / and /)[0]!.trim();
    const short = clean.length <= 31 ? clean : lang !== "th" && amp.length <= 31 ? amp : firstPhrase.length <= 31 && firstPhrase.length < clean.length ? firstPhrase : amp;
    const base = cutOnWord(short, 31) || m.id.slice(0, 31);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${cutOnWord(base, 28)} ${n}`;
    taken.add(name.toLowerCase());
    out[m.id] = name;
  }
  return out;
}

/** At most `max` characters, ending on a whole word (Thai words by ICU's dictionary), without a dangling "and", "of"... */
function cutOnWord(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = "";
  for (const { segment } of wordBreaks.segment(s)) {
    if (out.length + segment.length > max) break;
    out += segment;
  }
  // No dangling joining word: "and", "of"... or Thai และ (and), ของ (of), ใน (in), การ (the nominaliser).
  out = out.trimEnd().replace(/\s+(and|of|for|the|to|in|&)$/iu, "").replace(/(และ|ของ|ใน|การ)+$/u, "").replace(/[\s,.\-–]+$/u, "");
  return out.length >= max / 2 ? out : s.slice(0, max).trim();
}

const wordBreaks = new Intl.Segmenter("th", { granularity: "word" });

/**
 * At most `max` characters, ending on a whole word (Thai words found by ICU's dictionary, as
 * Thai writes no spaces between them), with "…" when anything was cut.
 */
export function shortenOnWord(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = "";
  for (const { segment } of wordBreaks.segment(s)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  out = out.replace(/[\s,;:.(\-–]+$/u, "");
  // A first word longer than the room is cut inside it rather than leaving nothing.
  return `${out || s.slice(0, max - 1)}…`;
}

/** Excel's limits on a data validation's input message: 32 characters of title, 255 of text. */
export const PROMPT_LIMITS = { title: 32, text: 255 } as const;

/** An input message: the explanation shortened on a word, pointing to the column that holds it in full. */
export function promptText(help: string, pointer: string): string {
  if (help.length + 1 + pointer.length <= PROMPT_LIMITS.text) return help ? `${help} ${pointer}` : pointer;
  return `${shortenOnWord(help, PROMPT_LIMITS.text - 1 - pointer.length)} ${pointer}`;
}
