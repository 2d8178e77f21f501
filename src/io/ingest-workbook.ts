// Reads a returned Excel questionnaire into an answer set. Answers are found by question id,
// never by row position; every problem names its sheet and cell; nothing written is dropped.
import { readFile, stat } from "node:fs/promises";
import { ANSWERS_FORMAT, answerReason, placeKey, placesLocator } from "../core/answers.js";
import type { Answer, AnswerReason, AnswerSet, AnswerValue, DatasetAnswers, Note, ReadInput, RejectedAnswer } from "../core/answers.js";
import { idFor } from "../core/ids.js";
import type { Module, Question } from "../core/model.js";
import { normalizeLabel, parseSheetValue } from "../core/parse-answer.js";
import { questionIndex } from "../core/questionnaire.js";
import { looksLikeExport, submissionsFrom } from "../core/submissions.js";
import type { Table } from "../core/submissions.js";
import type { LabelLang, SheetValue } from "../core/parse-answer.js";
import { problem } from "../core/problems.js";
import type { CodedProblem, Problem, ProblemArgs, ProblemCode, Severity } from "../core/problems.js";
import { rejection } from "../core/problem-words.js";
import { ioReason } from "../errors.js";
import { displayPath } from "./fs.js";
import { COL, COMMENT_SUFFIX, DATASETS_SHEET, INSTITUTION_SHEET, META_SHEET, OPTION_SEPARATOR, TEMPLATE_FORMAT } from "../core/template-layout.js";
import { columnLetter } from "../core/workbook.js";
import type { ReadBook, ReadSheet } from "../core/workbook.js";
import { contentHash } from "./template.js";
import { TEMPLATE_TEXT } from "./template-text.js";
import { readWorkbook } from "./xlsx.js";
import { ZIP_LIMITS, inspectWorkbookBytes } from "./zip.js";

/** Sheets larger than this are refused: a questionnaire sheet has a few hundred rows; the widest sheet read is a Kobo export of all modules with split select_multiple columns (572 columns; the template's widest, Lists, has 146). */
export const SHEET_LIMITS = { maxRows: 5000, maxColumns: 2000 };

const YES = new Set(["yes", "ใช่", "yes / ใช่", "y", "x", "✓", "✔", "true", "1"]);
const NO = new Set(["no", "ไม่ใช่", "no / ไม่ใช่", "n", "false", "0"]);

export async function readWorkbookAnswers(file: string, modules: readonly Module[]): Promise<ReadInput> {
  return (await readWorkbookInputs(file, modules))[0]!;
}

/**
 * A returned questionnaire (one institution), or a KoboToolbox export of our XLSForm (one
 * institution per submission, datasets from the repeat sheet).
 */
export async function readWorkbookInputs(file: string, modules: readonly Module[]): Promise<ReadInput[]> {
  const loaded = await loadBook(file);
  if ("problems" in loaded) return [loaded];
  const { book, source } = loaded;
  if (!book.sheet(META_SHEET)) {
    const exported = exportFromBook(book, source, modules);
    if (exported) return exported;
  }
  return [answersFromBook(book, source, modules)];
}

async function loadBook(file: string): Promise<{ book: ReadBook; source: string } | ReadInput> {
  const source = displayPath(file);
  const fail = (c: CodedProblem): ReadInput => ({ source, problems: [{ ...c, severity: "error", source, path: [] }] });
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (e) {
    return fail({ code: "READ_FAILED", args: { detail: ioReason(e) } });
  }
  if (size > ZIP_LIMITS.maxFileBytes) return fail({ code: "TOO_LARGE", args: { what: "workbook", bytes: size, max: ZIP_LIMITS.maxFileBytes } });
  const buf = await readFile(file);
  const verdict = inspectWorkbookBytes(buf);
  if (!verdict.ok) {
    const { ok: _ok, ...refused } = verdict;
    return fail(refused);
  }
  try {
    return { book: await readWorkbook(buf), source };
  } catch (e) {
    return fail({ code: "WORKBOOK_CORRUPT", args: { detail: firstLine((e as Error).message) } });
  }
}

/** Submissions from a Kobo XLSX export: the main sheet, and the datasets repeat sheet. */
function exportFromBook(book: ReadBook, source: string, modules: readonly Module[]): ReadInput[] | undefined {
  const tables = book.sheetNames.map((n) => tableOf(book.sheet(n)!));
  const main = tables.find((t) => looksLikeExport(t.headers, modules) && !t.headers.some((h) => h === "_parent_index" || h === "PARENT_KEY"));
  if (!main) return undefined;
  const repeat = tables.find((t) => t !== main && t.headers.some((h) => h === "_parent_index" || h === "PARENT_KEY"));
  return submissionsFrom(source, main, repeat, modules);
}

function tableOf(sheet: ReadSheet): Table {
  const width = Math.min(sheet.columnCount, SHEET_LIMITS.maxColumns);
  const headers = Array.from({ length: width }, (_, c) => text(sheet.cell(1, c + 1)));
  const rows: Table["rows"] = [];
  for (let r = 2; r <= Math.min(sheet.rowCount, SHEET_LIMITS.maxRows); r++) {
    const cells = Array.from({ length: width }, (_, c) => sheet.cell(r, c + 1));
    if (cells.every((c) => c.kind === "empty")) continue;
    rows.push({ place: `${sheet.name} row ${r}`, cells });
  }
  return { headers, rows };
}

function firstLine(s: string): string {
  return s.split("\n")[0]!.slice(0, 160);
}

/** Excel's way to name a cell: 'Sheet name'!E14. */
export function cellPlace(sheet: string, row: number, column: number): string {
  const name = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetter(column)}${row}`;
}

export function answersFromBook(book: ReadBook, source: string, modules: readonly Module[]): ReadInput {
  const problems: Problem[] = [];
  const push: Push = (code, args, place, severity = "error") => {
    const p: Problem = { ...problem(code, args, source, [], severity), ...(place ? { place } : {}) };
    problems.push(p);
    return p;
  };
  const failWith = <C extends ProblemCode>(code: C, args: ProblemArgs[C], place?: string): ReadInput => {
    push(code, args, place);
    return { source, problems };
  };

  const metaSheet = book.sheet(META_SHEET);
  if (!metaSheet) {
    if (book.sheetNames.length === 0) return failWith("WORKBOOK_EMPTY", { kind: "no_sheets" });
    return failWith("NOT_QUESTIONNAIRE", { kind: "no_meta", sheet: META_SHEET, sheets: book.sheetNames.slice(0, 8), more: book.sheetNames.length > 8 });
  }
  const meta = readMeta(metaSheet);
  if (meta.format !== TEMPLATE_FORMAT) return failWith("NOT_QUESTIONNAIRE", { kind: "format", ...(meta.format === undefined ? {} : { format: meta.format }), expected: TEMPLATE_FORMAT });
  let versions: Record<string, string>;
  let sheets: Record<string, string>;
  try {
    versions = JSON.parse(meta.modules ?? "{}") as Record<string, string>;
    sheets = JSON.parse(meta.sheets ?? "{}") as Record<string, string>;
  } catch {
    return failWith("NOT_QUESTIONNAIRE", { kind: "meta_changed", sheet: META_SHEET });
  }
  const lang = (["en", "th", "both"].includes(meta.lang ?? "") ? meta.lang : "both") as LabelLang;

  // The workbook must come from the modules loaded now.
  const used: Module[] = [];
  const mismatch: { module: string; version: string; loaded?: string }[] = [];
  for (const [id, version] of Object.entries(versions)) {
    const m = modules.find((x) => x.id === id);
    if (!m) mismatch.push({ module: id, version });
    else if (m.version !== version) mismatch.push({ module: id, version, loaded: m.version });
    else used.push(m);
  }
  if (mismatch.length) return failWith("OTHER_MODULE_VERSIONS", { modules: mismatch });
  if (meta.hash && meta.hash !== contentHash(used)) push("TEMPLATE_CONTENT_DIFFERS", {}, undefined, "warning");

  for (const name of book.sheetNames) {
    const s = book.sheet(name)!;
    if (s.rowCount > SHEET_LIMITS.maxRows || s.columnCount > SHEET_LIMITS.maxColumns) {
      return failWith("SHEET_TOO_LARGE", { sheet: name, rows: s.rowCount, columns: s.columnCount, maxRows: SHEET_LIMITS.maxRows, maxColumns: SHEET_LIMITS.maxColumns });
    }
  }
  const questions = new Map([...questionIndex(used)].map(([id, p]) => [id, p.question] as const));

  const inst = book.sheet(INSTITUTION_SHEET);
  if (!inst) return failWith("SHEET_MISSING", { sheet: INSTITUTION_SHEET, holds: "institution" });
  const fields = new Map<string, { shown: SheetValue; row: number }>();
  for (let r = 1; r <= inst.rowCount; r++) {
    const key = text(inst.cell(r, 1));
    if (key) fields.set(key, { shown: inst.cell(r, 3), row: r });
  }
  const field = (key: string) => text(fields.get(key)?.shown ?? { kind: "empty" });
  const name = field("institution_name");
  if (!name) return failWith("INSTITUTION_NAME_MISSING", { in: "workbook" }, cellPlace(INSTITUTION_SHEET, fields.get("institution_name")?.row ?? 2, 3));
  const dateField = fields.get("assessment_date");
  const parsedDate = dateField ? parseSheetValue({ id: "assessment_date", type: "date", label: { en: "", th: "" }, help: { en: "", th: "" } }, dateField.shown) : undefined;
  if (!parsedDate || "error" in parsedDate) {
    const reason = parsedDate && "error" in parsedDate ? parsedDate.error : answerReason("EMPTY", {});
    return failWith("DATE_MISSING", { in: "workbook", reason }, cellPlace(INSTITUTION_SHEET, dateField?.row ?? 10, 3));
  }

  const rejected: RejectedAnswer[] = [];
  const notes: Note[] = [];
  const answers: Record<string, Answer> = {};
  const places = new Map<string, string>();
  for (const [id, sheetName] of Object.entries(sheets)) {
    const sheet = book.sheet(sheetName);
    if (!sheet) {
      push("SHEET_MISSING", { sheet: sheetName, holds: "module", module: id });
      continue;
    }
    readModuleSheet(sheet, questions, lang, answers, rejected, notes, push, places);
  }
  const datasets = readDatasets(book.sheet(DATASETS_SHEET), questions, lang, rejected, notes, push, places);

  const code = field("institution_code");
  const respondent = Object.fromEntries(
    [
      ["name", field("respondent_name")],
      ["role", field("respondent_role")],
      ["email", field("respondent_email")],
      ["phone", field("respondent_phone")],
    ].filter(([, v]) => v),
  );
  const ministry = field("ministry");
  const department = field("department");
  const set: AnswerSet = {
    format: ANSWERS_FORMAT,
    institution: { id: idFor(code || name), name, ...(ministry ? { ministry } : {}), ...(department ? { department } : {}) },
    ...(Object.keys(respondent).length ? { respondent } : {}),
    date: parsedDate.value as string,
    modules: versions,
    answers,
    datasets,
    ...(rejected.length ? { rejected } : {}),
    ...(notes.length ? { notes } : {}),
  };
  return { source, set, problems, locate: placesLocator(places, set) };
}

function readMeta(sheet: ReadSheet): Record<string, string | undefined> {
  const out: Record<string, string> = {};
  for (let r = 1; r <= Math.min(sheet.rowCount, 100); r++) {
    const k = text(sheet.cell(r, 1));
    if (k) out[k] = text(sheet.cell(r, 2));
  }
  return out;
}

function text(s: SheetValue): string {
  return s.kind === "empty" ? "" : s.text.trim();
}

type Push = <C extends ProblemCode>(code: C, args: ProblemArgs[C], place?: string, severity?: Severity) => Problem;

/** Finds the answer and comment columns by their headers, in case columns were moved. */
function headerColumns(sheet: ReadSheet): { id: number; answer: number; comment: number } {
  const find = (label: { en: string; th: string }, fallback: number) => {
    const wanted = new Set([label.en, label.th, `${label.en} / ${label.th}`].map(normalizeLabel));
    for (let c = 1; c <= Math.min(sheet.columnCount, 30); c++) if (wanted.has(normalizeLabel(text(sheet.cell(1, c))))) return c;
    return fallback;
  };
  return { id: find(TEMPLATE_TEXT.id, COL.id), answer: find(TEMPLATE_TEXT.answer, COL.answer), comment: find(TEMPLATE_TEXT.comment, COL.comment) };
}

function readModuleSheet(
  sheet: ReadSheet,
  questions: Map<string, Question>,
  lang: LabelLang,
  answers: Record<string, Answer>,
  rejected: RejectedAnswer[],
  notes: Note[],
  push: Push,
  places: Map<string, string>,
): void {
  const cols = headerColumns(sheet);
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
    places.set(placeKey(dataset?.id, q.id), place);
  }
  else if (comment) notes.push({ question: q.id, ...where, comment });
}

function readDatasets(
  sheet: ReadSheet | undefined,
  questions: Map<string, Question>,
  lang: LabelLang,
  rejected: RejectedAnswer[],
  notes: Note[],
  push: Push,
  places: Map<string, string>,
): DatasetAnswers[] {
  if (!sheet) {
    if ([...questions.keys()].some((id) => id.startsWith("ds_"))) push("SHEET_MISSING", { sheet: DATASETS_SHEET, holds: "datasets" });
    return [];
  }
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
