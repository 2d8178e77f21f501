// Reading a questionnaire workbook's module sheets: a row per question, a row per option of a
// multiple-choice question. The Datasets sheet is read in workbook-datasets.ts.
import { answerReason, placeKey } from "./answers.js";
import type { Answer, AnswerReason, AnswerValue, Note, RejectedAnswer } from "./answers.js";
import type { Question } from "./model.js";
import { normalizeLabel, parseSheetValue } from "./parse-answer.js";
import type { LabelLang, SheetValue } from "./parse-answer.js";
import { rejection } from "./problem-words.js";
import type { Problem, ProblemArgs, ProblemCode, Severity } from "./problems.js";
import { COL, OPTION_SEPARATOR } from "./template-layout.js";
import { TEMPLATE_TEXT } from "./template-text.js";
import { mergesOverAnswers, rangePlace, rangeText, unmerged } from "./workbook-merges.js";
import { cellPlace } from "./workbook.js";
import type { ReadSheet } from "./workbook.js";

export const YES = new Set(["yes", "ใช่", "yes / ใช่", "y", "x", "✓", "✔", "true", "1"]);
export const NO = new Set(["no", "ไม่ใช่", "no / ไม่ใช่", "n", "false", "0"]);

export function text(s: SheetValue): string {
  return s.kind === "empty" ? "" : s.text.trim();
}

export type Push = <C extends ProblemCode>(code: C, args: ProblemArgs[C], place?: string, severity?: Severity) => Problem;

/** The headers of the id, answer and comment columns, however written (English, Thai, both). */
const HEADERS = [TEMPLATE_TEXT.id, TEMPLATE_TEXT.answer, TEMPLATE_TEXT.comment].map((label) => new Set([label.en, label.th, `${label.en} / ${label.th}`].map(normalizeLabel)));

/** By sheet: a sheet's columns are looked for once, both when its module is recognised and when it is read. */
const columnsOf = new WeakMap<ReadSheet, { id: number; answer: number; comment: number }>();

/** Finds the answer and comment columns by their headers, in case columns were moved. */
export function headerColumns(sheet: ReadSheet): { id: number; answer: number; comment: number } {
  let columns = columnsOf.get(sheet);
  if (columns) return columns;
  const headers = Array.from({ length: Math.min(sheet.columnCount, 30) }, (_, i) => normalizeLabel(text(sheet.cell(1, i + 1))));
  const find = (wanted: Set<string>, fallback: number) => {
    const c = headers.findIndex((h) => wanted.has(h));
    return c < 0 ? fallback : c + 1;
  };
  columns = { id: find(HEADERS[0]!, COL.id), answer: find(HEADERS[1]!, COL.answer), comment: find(HEADERS[2]!, COL.comment) };
  columnsOf.set(sheet, columns);
  return columns;
}

/** What was read from one sheet (or a whole workbook): answers, rejected answers, comments without answers, and each one's cell. */
export interface SheetAnswers {
  answers: Record<string, Answer>;
  rejected: RejectedAnswer[];
  notes: Note[];
  /** By placeKey: the cell of each answer and of each comment without one. */
  places: Map<string, string>;
  /** By question: what its answer cell shows, as typed (module sheets only). */
  typed?: Map<string, string>;
}

export function readModuleSheet(stored: ReadSheet, questions: Map<string, Question>, lang: LabelLang, out: SheetAnswers, push: Push): void {
  const { answers, rejected, notes, places } = out;
  const cols = headerColumns(stored);
  // A merged range's value belongs to its first cell only: a merge must not answer for the cells it covers.
  for (const m of mergesOverAnswers(stored, (r, c) => r >= 2 && (c === cols.answer || c === cols.comment))) {
    push("MERGED_CELLS", { sheet: stored.name, range: rangeText(m) }, rangePlace(stored.name, m));
  }
  const sheet = unmerged(stored);
  const seen = new Map<string, number>();
  const ticks = new Map<string, { values: string[]; any: boolean }>();
  const mainRow = new Map<string, { shown: SheetValue; comment: string; row: number }>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    const id = text(sheet.cell(r, cols.id));
    if (!id) continue;
    const [qid, option] = id.split(OPTION_SEPARATOR) as [string, string | undefined];
    const q = questions.get(qid);
    if (!q) {
      push("UNKNOWN_ROW", { row: r, id }, cellPlace(sheet.name, r, cols.id), "warning");
      continue;
    }
    if (seen.has(id)) {
      push("DUPLICATE_ROW", { id, first: seen.get(id)! }, cellPlace(sheet.name, r, cols.id));
      continue;
    }
    seen.set(id, r);
    const cell = sheet.cell(r, cols.answer);
    if (option !== undefined) {
      const t = ticks.get(qid) ?? { values: [], any: false };
      const raw = text(cell);
      if (raw !== "") {
        const n = normalizeLabel(raw);
        if (YES.has(n)) t.values.push(option);
        else if (!NO.has(n)) {
          const place = cellPlace(sheet.name, r, cols.answer);
          const p = push("INVALID_ANSWER", { question: qid, option, value: raw, reason: answerReason("NOT_YES_OR_NO", { text: raw }) }, place);
          rejected.push({ question: qid, place, raw, ...rejection(p) });
        }
        t.any = true;
      }
      ticks.set(qid, t);
      continue;
    }
    mainRow.set(qid, { shown: cell, comment: text(sheet.cell(r, cols.comment)), row: r });
  }

  for (const [qid, row] of mainRow) {
    const q = questions.get(qid)!;
    const place = cellPlace(sheet.name, row.row, cols.answer);
    const t = ticks.get(qid);
    let parsed = parseSheetValue(q, row.shown, lang);
    if (q.type === "multiple_choice" && t && t.values.length > 0) {
      if (parsed && "value" in parsed) {
        parsed = { error: answerReason("CHOSEN_WITH_TICKS", { text: text(row.shown), below: true }) };
      } else if (!parsed) {
        parsed = { value: t.values };
        const reason = exclusiveConflict(q, t.values);
        if (reason) parsed = { error: reason };
      }
    }
    if (text(row.shown)) out.typed?.set(qid, text(row.shown));
    record(q, parsed, row.shown, row.comment, place, answers, rejected, notes, push, places);
  }
}

export function exclusiveConflict(q: Question, values: string[]): AnswerReason | undefined {
  const exclusive = values.find((v) => q.options?.find((o) => o.value === v)?.exclusive);
  return exclusive && values.length > 1 ? answerReason("EXCLUSIVE_TICKED", { option: exclusive }) : undefined;
}

export function record(
  q: Question,
  parsed: ReturnType<typeof parseSheetValue>,
  shown: SheetValue,
  comment: string,
  place: string,
  answers: Record<string, Answer>,
  rejected: RejectedAnswer[],
  notes: Note[],
  push: Push,
  places: Map<string, string>,
  dataset?: { id: string; name: string },
): void {
  const where = dataset ? { dataset: dataset.id } : {};
  if (parsed && "error" in parsed) {
    const raw = shown.kind === "empty" ? "" : shown.text;
    const p = push("INVALID_ANSWER", { ...(dataset ? { dataset: dataset.name } : {}), question: q.id, value: raw, reason: parsed.error }, place);
    rejected.push({ question: q.id, ...where, place, raw, ...rejection(p), ...(comment ? { comment } : {}) });
    return;
  }
  if (parsed) {
    answers[q.id] = { value: parsed.value as AnswerValue, ...(comment ? { comment } : {}) };
    if (parsed.era === "be" && shown.kind !== "empty") {
      push("BUDDHIST_ERA_DATE", { ...(dataset ? { dataset: dataset.name } : {}), question: q.id, text: parsed.written ?? shown.text, date: String(parsed.value) }, place, "warning");
    }
    places.set(placeKey(dataset?.id, q.id), place);
  }
  else if (comment) {
    notes.push({ question: q.id, ...where, comment });
    places.set(placeKey(dataset?.id, q.id), place);
  }
}
