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
}

/** Sheet names: the English title, cut to Excel's 31 characters, without forbidden characters, unique. */
export function moduleSheetNames(modules: readonly Module[]): Record<string, string> {
  const taken = new Set([INSTITUTION_SHEET, DATASETS_SHEET, LISTS_SHEET, META_SHEET, "Instructions"].map((s) => s.toLowerCase()));
  const out: Record<string, string> = {};
  for (const m of modules) {
    const clean = m.title.en.replace(/[[\]:*?/\\']/g, " ").replace(/\s+/g, " ").trim();
    const base = cutAtWord(clean, 31) || m.id.slice(0, 31);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${cutAtWord(base, 28)} ${n}`;
    taken.add(name.toLowerCase());
    out[m.id] = name;
  }
  return out;
}

/** At most `max` characters, cut after a whole word where possible. */
function cutAtWord(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max + 1).replace(/\s+\S*$/, "").replace(/\s+(and|of|for|the|to|in|&)$/i, "");
  return (cut.length >= max / 2 ? cut : s.slice(0, max)).replace(/[\s,.-]+$/, "");
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
