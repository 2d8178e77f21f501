// Reading a questionnaire workbook's sheets: the module sheets (a row per question, a row per
// option of a multiple-choice question) and the Datasets sheet (a row per dataset).
import { answerReason, placeKey } from "./answers.js";
import type { Answer, AnswerReason, AnswerValue, DatasetAnswers, Note, RejectedAnswer } from "./answers.js";
import { idFor } from "./ids.js";
import type { Question } from "./model.js";
import { normalizeLabel, parseSheetValue } from "./parse-answer.js";
import type { LabelLang, SheetValue } from "./parse-answer.js";
import { rejection } from "./problem-words.js";
import type { Problem, ProblemArgs, ProblemCode, Severity } from "./problems.js";
import { COL, COMMENT_SUFFIX, DATASETS_SHEET, FIRST_DATASET_ROW, OPTION_SEPARATOR } from "./template-layout.js";
import { TEMPLATE_TEXT } from "./template-text.js";
import { mergesOverAnswers, rangePlace, rangeText, unmerged } from "./workbook-merges.js";
import { cellPlace } from "./workbook.js";
import type { ReadSheet } from "./workbook.js";

const YES = new Set(["yes", "ใช่", "yes / ใช่", "y", "x", "✓", "✔", "true", "1"]);
const NO = new Set(["no", "ไม่ใช่", "no / ไม่ใช่", "n", "false", "0"]);

export function text(s: SheetValue): string {
  return s.kind === "empty" ? "" : s.text.trim();
}

export type Push = <C extends ProblemCode>(code: C, args: ProblemArgs[C], place?: string, severity?: Severity) => Problem;

/** Finds the answer and comment columns by their headers, in case columns were moved. */
export function headerColumns(sheet: ReadSheet): { id: number; answer: number; comment: number } {
  const find = (label: { en: string; th: string }, fallback: number) => {
    const wanted = new Set([label.en, label.th, `${label.en} / ${label.th}`].map(normalizeLabel));
    for (let c = 1; c <= Math.min(sheet.columnCount, 30); c++) if (wanted.has(normalizeLabel(text(sheet.cell(1, c))))) return c;
    return fallback;
  };
  return { id: find(TEMPLATE_TEXT.id, COL.id), answer: find(TEMPLATE_TEXT.answer, COL.answer), comment: find(TEMPLATE_TEXT.comment, COL.comment) };
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

function exclusiveConflict(q: Question, values: string[]): AnswerReason | undefined {
  const exclusive = values.find((v) => q.options?.find((o) => o.value === v)?.exclusive);
  return exclusive && values.length > 1 ? answerReason("EXCLUSIVE_TICKED", { option: exclusive }) : undefined;
}

function record(
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
    if (parsed.era === "be" && shown.kind === "text") {
      push("BUDDHIST_ERA_DATE", { ...(dataset ? { dataset: dataset.name } : {}), question: q.id, text: shown.text, date: String(parsed.value) }, place, "warning");
    }
    places.set(placeKey(dataset?.id, q.id), place);
  }
  else if (comment) {
    notes.push({ question: q.id, ...where, comment });
    places.set(placeKey(dataset?.id, q.id), place);
  }
}

export function readDatasets(
  stored: ReadSheet | undefined,
  questions: Map<string, Question>,
  lang: LabelLang,
  rejected: RejectedAnswer[],
  notes: Note[],
  push: Push,
  places: Map<string, string>,
): DatasetAnswers[] {
  if (!stored) {
    if ([...questions.keys()].some((id) => id.startsWith("ds_"))) push("SHEET_MISSING", { sheet: DATASETS_SHEET, holds: "datasets" });
    return [];
  }
  for (const m of mergesOverAnswers(stored, (r) => r >= FIRST_DATASET_ROW)) push("MERGED_CELLS", { sheet: stored.name, range: rangeText(m) }, rangePlace(stored.name, m));
  const sheet = unmerged(stored);
  // Row 2 holds the question ids: columns are found by id, so moved columns still count.
  const columns: { col: number; qid: string; option?: string }[] = [];
  const commentCols = new Map<string, number>();
  let nameCol = 1;
  for (let c = 1; c <= sheet.columnCount; c++) {
    const id = text(sheet.cell(2, c));
    if (id === "dataset_name") nameCol = c;
    else if (id.endsWith(COMMENT_SUFFIX)) {
      if (questions.has(id.slice(0, -COMMENT_SUFFIX.length))) commentCols.set(id.slice(0, -COMMENT_SUFFIX.length), c);
    } else if (id) {
      const [qid, option] = id.split(OPTION_SEPARATOR) as [string, string | undefined];
      if (questions.has(qid)) columns.push({ col: c, qid, ...(option !== undefined ? { option } : {}) });
    }
  }
  const out: DatasetAnswers[] = [];
  for (let r = 3; r <= sheet.rowCount; r++) {
    const name = text(sheet.cell(r, nameCol));
    const filled = [...columns, ...[...commentCols].map(([qid, col]) => ({ qid, col }))].filter((c) => sheet.cell(r, c.col).kind !== "empty");
    if (!name && filled.length === 0) continue;
    if (!name) {
      const p = push("DATASET_NAME_MISSING", { row: r }, cellPlace(sheet.name, r, nameCol));
      for (const c of filled) rejected.push({ question: c.qid, place: cellPlace(sheet.name, r, c.col), raw: text(sheet.cell(r, c.col)), ...rejection(p) });
      continue;
    }
    const id = idFor(name, out.map((d) => d.id));
    const answers: Record<string, Answer> = {};
    const ticks = new Map<string, string[]>();
    const main = new Map<string, { shown: SheetValue; col: number }>();
    for (const c of columns) {
      const shown = sheet.cell(r, c.col);
      if (c.option === undefined) {
        main.set(c.qid, { shown, col: c.col });
        continue;
      }
      const raw = text(shown);
      if (raw === "") continue;
      const n = normalizeLabel(raw);
      if (YES.has(n)) ticks.set(c.qid, [...(ticks.get(c.qid) ?? []), c.option]);
      else if (!NO.has(n)) {
        const place = cellPlace(sheet.name, r, c.col);
        const p = push("INVALID_ANSWER", { dataset: name, question: c.qid, option: c.option, value: raw, reason: answerReason("NOT_YES_OR_NO", { text: raw }) }, place);
        rejected.push({ question: c.qid, dataset: id, place, raw, ...rejection(p) });
      }
    }
    const comment = (qid: string) => {
      const col = commentCols.get(qid);
      return col ? text(sheet.cell(r, col)) : "";
    };
    const qids = new Set([...main.keys(), ...ticks.keys(), ...[...commentCols.keys()].filter((q) => comment(q))]);
    for (const qid of qids) {
      const q = questions.get(qid)!;
      const m = main.get(qid) ?? { shown: { kind: "empty" } as SheetValue, col: nameCol };
      const place = cellPlace(sheet.name, r, m.col);
      let parsed = parseSheetValue(q, m.shown, lang);
      const t = ticks.get(qid);
      if (q.type === "multiple_choice" && t?.length) {
        if (parsed && "value" in parsed) parsed = { error: answerReason("CHOSEN_WITH_TICKS", { text: text(m.shown), below: false }) };
        else if (!parsed) parsed = exclusiveConflict(q, t) ? { error: exclusiveConflict(q, t)! } : { value: t };
      }
      record(q, parsed, m.shown, comment(qid), place, answers, rejected, notes, push, places, { id, name });
    }
    out.push({ id, name, answers });
  }
  return out;
}
