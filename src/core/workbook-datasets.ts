// Reading the Datasets sheet. Since issue 16 a dataset is a column (questions as rows, ids in
// column A, names in row 2); workbooks sent out before have a row per dataset (ids across
// row 2, names in column A, answers from row 3). Both are read by one walk over "slots"
// (dataset columns or rows) and "fields" (question, option and comment rows or columns).
// A copy of the sheet (for more datasets than it has columns) is read the same way.
import { answerReason } from "./answers.js";
import type { Answer, DatasetAnswers, Note, RejectedAnswer } from "./answers.js";
import { idFor } from "./ids.js";
import type { Question } from "./model.js";
import { normalizeLabel, parseSheetValue } from "./parse-answer.js";
import type { LabelLang, SheetValue } from "./parse-answer.js";
import { rejection } from "./problem-words.js";
import { COMMENT_SUFFIX, DATASET_COL, DATASET_NAME_ID, DATASETS_SHEET, OPTION_SEPARATOR } from "./template-layout.js";
import { mergesOverAnswers, rangePlace, rangeText, unmerged } from "./workbook-merges.js";
import { NO, YES, exclusiveConflict, record, text } from "./workbook-sheets.js";
import type { Push } from "./workbook-sheets.js";
import { cellPlace, columnLetter } from "./workbook.js";
import type { ReadBook, ReadSheet } from "./workbook.js";

/** A Datasets sheet, or a copy of one: both layouts have the name id in cell A2. */
export function isDatasetsSheet(sheet: ReadSheet): boolean {
  return sheet.name === DATASETS_SHEET || text(sheet.cell(2, 1)) === DATASET_NAME_ID;
}

/** The Datasets sheet and its copies, in workbook order. */
export function datasetsSheets(book: ReadBook): ReadSheet[] {
  return book.sheetNames.map((n) => book.sheet(n)!).filter(isDatasetsSheet);
}

/** The question ids a Datasets sheet holds (without option or comment suffix), in either layout. */
export function datasetSheetIds(sheet: ReadSheet): string[] {
  const ids: string[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) ids.push(text(sheet.cell(2, c)));
  for (const r of sheet.rowNumbers()) ids.push(text(sheet.cell(r, DATASET_COL.id)));
  return ids.filter((id) => id && id !== DATASET_NAME_ID).map((id) => id.split(/[:#]/)[0]!);
}

interface Field {
  pos: number;
  qid: string;
  option?: string;
}

interface Grid {
  fields: Field[];
  comments: Map<string, number>;
  namePos: number;
  slots: number[];
  /** Row and column of a slot's field. */
  at(slot: number, pos: number): [number, number];
  /** Where a dataset is, for DATASET_NAME_MISSING. */
  where(slot: number): { row: number } | { column: string };
}

/** Sorts one id (question, `question:option` or `question#comment`) into the grid's fields. */
function addField(id: string, pos: number, questions: Map<string, Question>, grid: Grid): void {
  if (id === DATASET_NAME_ID) grid.namePos = pos;
  else if (id.endsWith(COMMENT_SUFFIX)) {
    const qid = id.slice(0, -COMMENT_SUFFIX.length);
    if (questions.has(qid)) grid.comments.set(qid, pos);
  } else if (id) {
    const [qid, option] = id.split(OPTION_SEPARATOR) as [string, string | undefined];
    if (questions.has(qid)) grid.fields.push({ pos, qid, ...(option !== undefined ? { option } : {}) });
  }
}

function gridOf(sheet: ReadSheet, questions: Map<string, Question>): Grid {
  const rows = sheet.rowNumbers();
  // The new layout has question ids down column A below the name row; the old one has dataset names there.
  const transposed = rows.some((r) => r > 2 && questions.has(text(sheet.cell(r, DATASET_COL.id)).split(/[:#]/)[0]!));
  if (transposed) {
    const grid: Grid = {
      fields: [],
      comments: new Map(),
      namePos: 2,
      slots: Array.from({ length: Math.max(0, sheet.columnCount - DATASET_COL.first + 1) }, (_, i) => DATASET_COL.first + i),
      at: (slot, pos) => [pos, slot],
      where: (slot) => ({ column: columnLetter(slot) }),
    };
    for (const r of rows) addField(text(sheet.cell(r, DATASET_COL.id)), r, questions, grid);
    return grid;
  }
  const grid: Grid = { fields: [], comments: new Map(), namePos: 1, slots: rows.filter((r) => r >= 3), at: (slot, pos) => [slot, pos], where: (slot) => ({ row: slot }) };
  for (let c = 1; c <= sheet.columnCount; c++) addField(text(sheet.cell(2, c)), c, questions, grid);
  return grid;
}

export function readDatasets(
  stored: readonly ReadSheet[],
  questions: Map<string, Question>,
  lang: LabelLang,
  rejected: RejectedAnswer[],
  notes: Note[],
  push: Push,
  places: Map<string, string>,
): DatasetAnswers[] {
  if (stored.length === 0) {
    if ([...questions.keys()].some((id) => id.startsWith("ds_"))) push("SHEET_MISSING", { sheet: DATASETS_SHEET, holds: "datasets" });
    return [];
  }
  const out: DatasetAnswers[] = [];
  for (const s of stored) readSheet(s, questions, lang, { out, rejected, notes, places }, push);
  return out;
}

interface Into {
  out: DatasetAnswers[];
  rejected: RejectedAnswer[];
  notes: Note[];
  places: Map<string, string>;
}

function readSheet(stored: ReadSheet, questions: Map<string, Question>, lang: LabelLang, into: Into, push: Push): void {
  const { out, rejected, notes, places } = into;
  const grid = gridOf(stored, questions);
  const answerCell = grid.namePos === 2 ? (r: number, c: number) => r >= 2 && c >= DATASET_COL.first : (r: number) => r >= 3;
  for (const m of mergesOverAnswers(stored, answerCell)) push("MERGED_CELLS", { sheet: stored.name, range: rangeText(m) }, rangePlace(stored.name, m));
  const sheet = unmerged(stored);
  const cell = (slot: number, pos: number) => sheet.cell(...grid.at(slot, pos));
  const place = (slot: number, pos: number) => cellPlace(sheet.name, ...grid.at(slot, pos));
  const allFields = [...grid.fields, ...[...grid.comments].map(([qid, pos]) => ({ qid, pos }))];
  for (const slot of grid.slots) {
    const name = text(cell(slot, grid.namePos));
    const filled = allFields.filter((f) => cell(slot, f.pos).kind !== "empty");
    if (!name && filled.length === 0) continue;
    if (!name) {
      const p = push("DATASET_NAME_MISSING", grid.where(slot), place(slot, grid.namePos));
      for (const f of filled) rejected.push({ question: f.qid, place: place(slot, f.pos), raw: text(cell(slot, f.pos)), ...rejection(p) });
      continue;
    }
    const id = idFor(name, out.map((d) => d.id));
    const answers: Record<string, Answer> = {};
    const ticks = new Map<string, string[]>();
    const main = new Map<string, { shown: SheetValue; pos: number }>();
    for (const f of grid.fields) {
      const shown = cell(slot, f.pos);
      if (f.option === undefined) {
        main.set(f.qid, { shown, pos: f.pos });
        continue;
      }
      const raw = text(shown);
      if (raw === "") continue;
      const n = normalizeLabel(raw);
      if (YES.has(n)) ticks.set(f.qid, [...(ticks.get(f.qid) ?? []), f.option]);
      else if (!NO.has(n)) {
        const at = place(slot, f.pos);
        const p = push("INVALID_ANSWER", { dataset: name, question: f.qid, option: f.option, value: raw, reason: answerReason("NOT_YES_OR_NO", { text: raw }) }, at);
        rejected.push({ question: f.qid, dataset: id, place: at, raw, ...rejection(p) });
      }
    }
    const comment = (qid: string) => {
      const pos = grid.comments.get(qid);
      return pos ? text(cell(slot, pos)) : "";
    };
    const qids = new Set([...main.keys(), ...ticks.keys(), ...[...grid.comments.keys()].filter((q) => comment(q))]);
    for (const qid of qids) {
      const q = questions.get(qid)!;
      const m = main.get(qid) ?? { shown: { kind: "empty" } as SheetValue, pos: grid.namePos };
      let parsed = parseSheetValue(q, m.shown, lang);
      const t = ticks.get(qid);
      if (q.type === "multiple_choice" && t?.length) {
        if (parsed && "value" in parsed) parsed = { error: answerReason("CHOSEN_WITH_TICKS", { text: text(m.shown), below: grid.namePos === 2 }) };
        else if (!parsed) parsed = exclusiveConflict(q, t) ? { error: exclusiveConflict(q, t)! } : { value: t };
      }
      record(q, parsed, m.shown, comment(qid), place(slot, m.pos), answers, rejected, notes, push, places, { id, name });
    }
    out.push({ id, name, answers });
  }
}
