// The hidden metadata sheet (format, language, module versions, sheet names), read as input:
// a respondent's spreadsheet program may show it, and it may come back deleted or edited.
// What cannot be read from it is left undefined, for the caller to recognise from question ids.
import { normalizeLabel } from "./parse-answer.js";
import type { LabelLang } from "./parse-answer.js";
import { META_SHEET, OWN_SHEETS } from "./template-layout.js";
import { TEMPLATE_TEXT } from "./template-text.js";
import { text } from "./workbook-sheets.js";
import type { ReadBook, ReadSheet } from "./workbook.js";

export interface BookMeta {
  /** Whether the metadata sheet is there at all. */
  present: boolean;
  format?: string;
  lang: LabelLang;
  hash?: string;
  /** Set in a template made for one institution (`--institution`): its modules were chosen, so an empty one is a gap, not "not answered". */
  institution?: string;
  /** Module id → version; undefined when missing, unreadable or empty. */
  versions?: Record<string, string>;
  /** Module id → sheet name; undefined when missing or unreadable. */
  sheets?: Record<string, string>;
}

export function readMeta(book: ReadBook): BookMeta {
  const sheet = book.sheet(META_SHEET);
  const rows: Record<string, string> = {};
  for (let r = 1; r <= Math.min(sheet?.rowCount ?? 0, 100); r++) {
    const k = text(sheet!.cell(r, 1));
    if (k) rows[k] = text(sheet!.cell(r, 2));
  }
  const versions = stringMap(rows.modules);
  return {
    present: sheet !== undefined,
    ...(rows.format !== undefined ? { format: rows.format } : {}),
    lang: (["en", "th", "both"].includes(rows.lang ?? "") ? rows.lang : "both") as LabelLang,
    ...(rows.hash ? { hash: rows.hash } : {}),
    ...(rows.institution ? { institution: rows.institution } : {}),
    ...(versions && Object.keys(versions).length > 0 ? { versions } : {}),
    ...(stringMap(rows.sheets) ? { sheets: stringMap(rows.sheets)! } : {}),
  };
}

/** Input, not our own data: `null`, a list, numbers or broken JSON are as unreadable as nothing. */
function stringMap(json: string | undefined): Record<string, string> | undefined {
  let v: unknown;
  try {
    v = JSON.parse(json ?? "");
  } catch {
    return undefined;
  }
  const ok = v !== null && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");
  return ok ? (v as Record<string, string>) : undefined;
}

/** A workbook made by `assess template`, even without its metadata sheet: its Institution sheet, or a sheet headed by the question-id column. */
export function looksLikeQuestionnaire(book: ReadBook): boolean {
  const idHeader = new Set([TEMPLATE_TEXT.id.en, TEMPLATE_TEXT.id.th, `${TEMPLATE_TEXT.id.en} / ${TEMPLATE_TEXT.id.th}`].map(normalizeLabel));
  if (institutionSheet(book)) return true;
  return book.sheetNames.some((n) => idHeader.has(normalizeLabel(text(book.sheet(n)!.cell(1, 1)))));
}

/** The Institution sheet, by its English or (a Thai template's) Thai name; only those are looked into, so a workbook of many sheets costs nothing more. */
export function institutionSheet(book: ReadBook): ReadSheet | undefined {
  const named = [OWN_SHEETS.institution.en, OWN_SHEETS.institution.th].map((n) => book.sheet(n)).filter((s): s is ReadSheet => s !== undefined);
  return named.find((s) => hasKey(s, "institution_name")) ?? named[0];
}

function hasKey(sheet: ReadSheet, key: string): boolean {
  for (let r = 1; r <= Math.min(sheet.rowCount, 30); r++) if (text(sheet.cell(r, 1)) === key) return true;
  return false;
}
