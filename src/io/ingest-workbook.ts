// Reads a returned Excel questionnaire into an answer set. Answers are found by question id,
// never by row position; every problem names its sheet and cell; nothing written is dropped.
import { readFile, stat } from "node:fs/promises";
import { ANSWERS_FORMAT, placeKey } from "../core/answers.js";
import type { Answer, AnswerSet, AnswerValue, DatasetAnswers, Note, RejectedAnswer } from "../core/answers.js";
import { slug } from "../core/interview.js";
import type { Module, Question } from "../core/model.js";
import { normalizeLabel, parseShown } from "../core/parse-answer.js";
import { questionIndex } from "../core/questionnaire.js";
import { looksLikeExport, submissionsFrom } from "../core/submissions.js";
import type { Table } from "../core/submissions.js";
import type { LabelLang, Shown } from "../core/parse-answer.js";
import { problem } from "../core/problems.js";
import type { Problem } from "../core/problems.js";
import { displayPath } from "./fs.js";
import { COL, COMMENT_SUFFIX, DATASETS_SHEET, INSTITUTION_SHEET, META_SHEET, OPTION_SEPARATOR, TEMPLATE_FORMAT } from "../core/template-layout.js";
import { columnLetter } from "../core/workbook.js";
import type { ReadBook, ReadSheet } from "../core/workbook.js";
import { contentHash } from "./template.js";
import { TEMPLATE_TEXT } from "./template-text.js";
import type { ParsedYaml } from "./yaml.js";
import { ZIP_LIMITS } from "./zip.js";

/** Sheets larger than this are refused: a questionnaire sheet has a few hundred rows; a Kobo export of all modules, with split select_multiple columns, some 500 columns. */
export const SHEET_LIMITS = { maxRows: 5000, maxColumns: 2000 };

export interface ReadInput {
  source: string;
  set?: AnswerSet;
  problems: Problem[];
  /** For YAML and JSON answer files: positions of answers, for line:column in problems. */
  parsed?: ParsedYaml;
  /** For workbooks and CSV: where each answer was read (placeKey → "Sheet!E14", "line 12"). */
  places?: Map<string, string>;
}

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
  const fail = (code: string, message: string, place?: string): ReadInput => ({ source, problems: [{ ...problem(code, source, [], message), ...(place ? { place } : {}) }] });
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (e) {
    return fail("READ_FAILED", `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (size > ZIP_LIMITS.maxFileBytes) return fail("TOO_LARGE", `the file is ${(size / 1048576).toFixed(1)} MB; a workbook may be at most ${ZIP_LIMITS.maxFileBytes / 1048576} MB`);
  const buf = await readFile(file);
  const { readXlsx } = await import("./xlsx-reader.js");
  const read = readXlsx(buf);
  if (!read.ok) return fail(`WORKBOOK_${read.code}`, read.message);
  return { book: read.book, source };
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

/** Excel's way to name a cell: 'Sheet name'!E14. */
export function cellPlace(sheet: string, row: number, column: number): string {
  const name = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetter(column)}${row}`;
}

export function answersFromBook(book: ReadBook, source: string, modules: readonly Module[]): ReadInput {
  const problems: Problem[] = [];
  const push = (code: string, message: string, place?: string, severity: "error" | "warning" = "error") =>
    problems.push({ ...problem(code, source, [], message, severity), ...(place ? { place } : {}) });
  const failWith = (code: string, message: string, place?: string): ReadInput => {
    push(code, message, place);
    return { source, problems };
  };

  const metaSheet = book.sheet(META_SHEET);
  if (!metaSheet) {
    if (book.sheetNames.length === 0) return failWith("WORKBOOK_EMPTY", "the workbook has no sheets");
    return failWith("NOT_QUESTIONNAIRE", `not an assess questionnaire: it has no ${META_SHEET} sheet (sheets: ${book.sheetNames.slice(0, 8).join(", ")}${book.sheetNames.length > 8 ? ", ..." : ""}); send the workbook made by \`assess template\``);
  }
  const meta = readMeta(metaSheet);
  if (meta.format !== TEMPLATE_FORMAT) return failWith("NOT_QUESTIONNAIRE", `not an assess questionnaire of a known format (format: ${meta.format ?? "none"}, expected ${TEMPLATE_FORMAT})`);
  let versions: Record<string, string>;
  let sheets: Record<string, string>;
  try {
    versions = JSON.parse(meta.modules ?? "{}") as Record<string, string>;
    sheets = JSON.parse(meta.sheets ?? "{}") as Record<string, string>;
  } catch {
    return failWith("NOT_QUESTIONNAIRE", `the ${META_SHEET} sheet has been changed and cannot be read`);
  }
  const lang = (["en", "th", "both"].includes(meta.lang ?? "") ? meta.lang : "both") as LabelLang;

  // The workbook must come from the modules loaded now.
  const used: Module[] = [];
  const mismatch: string[] = [];
  for (const [id, version] of Object.entries(versions)) {
    const m = modules.find((x) => x.id === id);
    if (!m) mismatch.push(`${id} ${version} (not loaded)`);
    else if (m.version !== version) mismatch.push(`${id} ${version} (loaded: ${m.version})`);
    else used.push(m);
  }
  if (mismatch.length) {
    return failWith("OTHER_MODULE_VERSIONS", `the workbook was built from other module versions: ${mismatch.join(", ")}; score it with the modules it was built from (--modules DIR) or send the current template`);
  }
  if (meta.hash && meta.hash !== contentHash(used)) {
    push("TEMPLATE_CONTENT_DIFFERS", "the modules' content changed since this workbook was made, under the same versions; answers are matched by question id", undefined, "warning");
  }

  for (const name of book.sheetNames) {
    const s = book.sheet(name)!;
    if (s.rowCount > SHEET_LIMITS.maxRows || s.columnCount > SHEET_LIMITS.maxColumns) {
      return failWith("SHEET_TOO_LARGE", `sheet ${name} has ${s.rowCount} rows × ${s.columnCount} columns; a questionnaire sheet may have at most ${SHEET_LIMITS.maxRows} × ${SHEET_LIMITS.maxColumns}`);
    }
  }
  const questions = new Map([...questionIndex(used)].map(([id, p]) => [id, p.question] as const));

  const inst = book.sheet(INSTITUTION_SHEET);
  if (!inst) return failWith("SHEET_MISSING", `the workbook has lost its ${INSTITUTION_SHEET} sheet`);
  const fields = new Map<string, { shown: Shown; row: number }>();
  for (let r = 1; r <= inst.rowCount; r++) {
    const key = text(inst.cell(r, 1));
    if (key) fields.set(key, { shown: inst.cell(r, 3), row: r });
  }
  const field = (key: string) => text(fields.get(key)?.shown ?? { kind: "empty" });
  const name = field("institution_name");
  if (!name) return failWith("INSTITUTION_NAME_MISSING", "the institution's name is empty; fill it in and score again", cellPlace(INSTITUTION_SHEET, fields.get("institution_name")?.row ?? 2, 3));
  const dateField = fields.get("assessment_date");
  const parsedDate = dateField ? parseShown({ id: "assessment_date", type: "date", label: { en: "", th: "" }, help: { en: "", th: "" } }, dateField.shown) : undefined;
  if (!parsedDate || "error" in parsedDate) {
    const why = parsedDate && "error" in parsedDate ? parsedDate.error : "it is empty";
    return failWith("DATE_MISSING", `the date of answering cannot be read: ${why}`, cellPlace(INSTITUTION_SHEET, dateField?.row ?? 10, 3));
  }

  const rejected: RejectedAnswer[] = [];
  const notes: Note[] = [];
  const answers: Record<string, Answer> = {};
  const places = new Map<string, string>();
  for (const [id, sheetName] of Object.entries(sheets)) {
    const sheet = book.sheet(sheetName);
    if (!sheet) {
      push("SHEET_MISSING", `the workbook has lost the sheet "${sheetName}" (module ${id}); its answers are missing`);
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
    institution: { id: slug(code || name), name, ...(ministry ? { ministry } : {}), ...(department ? { department } : {}) },
    ...(Object.keys(respondent).length ? { respondent } : {}),
    date: parsedDate.value as string,
    modules: versions,
    answers,
    datasets,
    ...(rejected.length ? { rejected } : {}),
    ...(notes.length ? { notes } : {}),
  };
  return { source, set, problems, places };
}

function readMeta(sheet: ReadSheet): Record<string, string | undefined> {
  const out: Record<string, string> = {};
  for (let r = 1; r <= Math.min(sheet.rowCount, 100); r++) {
    const k = text(sheet.cell(r, 1));
    if (k) out[k] = text(sheet.cell(r, 2));
  }
  return out;
}

function text(s: Shown): string {
  return s.kind === "empty" ? "" : s.text.trim();
}

type Push = (code: string, message: string, place?: string, severity?: "error" | "warning") => void;

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
  const mainRow = new Map<string, { shown: Shown; comment: string; row: number }>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    const id = text(sheet.cell(r, cols.id));
    if (!id) continue;
    const [qid, option] = id.split(OPTION_SEPARATOR) as [string, string | undefined];
    const q = questions.get(qid);
    if (!q) {
      push("UNKNOWN_ROW", `row ${r} has question id "${id}", which is not in this questionnaire; it was ignored`, cellPlace(sheet.name, r, cols.id), "warning");
      continue;
    }
    if (seen.has(id)) {
      push("DUPLICATE_ROW", `question id "${id}" appears again (first in row ${seen.get(id)}); only the first row is read`, cellPlace(sheet.name, r, cols.id));
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
          push("INVALID_ANSWER", `question "${qid}", option "${option}": "${raw}" is not Yes or No`, cellPlace(sheet.name, r, cols.answer));
          rejected.push({ question: qid, place: cellPlace(sheet.name, r, cols.answer), raw, reason: "not Yes or No" });
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
    let parsed = parseShown(q, row.shown, lang);
    if (q.type === "multiple_choice" && t && t.values.length > 0) {
      if (parsed && "value" in parsed) {
        parsed = { error: `"${text(row.shown)}" is chosen together with options marked Yes below it; keep one or the other` };
      } else if (!parsed) {
        parsed = { value: t.values };
        const reason = exclusiveConflict(q, t.values);
        if (reason) parsed = { error: reason };
      }
    }
    record(q, parsed, row.shown, row.comment, place, answers, rejected, notes, push, places);
  }
}

function exclusiveConflict(q: Question, values: string[]): string | undefined {
  const exclusive = values.find((v) => q.options?.find((o) => o.value === v)?.exclusive);
  return exclusive && values.length > 1 ? `"${exclusive}" is marked Yes together with other options` : undefined;
}

function record(
  q: Question,
  parsed: ReturnType<typeof parseShown>,
  shown: Shown,
  comment: string,
  place: string,
  answers: Record<string, Answer>,
  rejected: RejectedAnswer[],
  notes: Note[],
  push: Push,
  places: Map<string, string>,
  dataset?: string,
): void {
  const where = dataset ? { dataset } : {};
  if (parsed && "error" in parsed) {
    push("INVALID_ANSWER", `question "${q.id}": ${parsed.error}`, place);
    rejected.push({ question: q.id, ...where, place, raw: shown.kind === "empty" ? "" : shown.text, reason: parsed.error, ...(comment ? { comment } : {}) });
    return;
  }
  if (parsed) {
    answers[q.id] = { value: parsed.value as AnswerValue, ...(comment ? { comment } : {}) };
    places.set(placeKey(dataset, q.id), place);
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
    if ([...questions.keys()].some((id) => id.startsWith("ds_"))) push("SHEET_MISSING", `the workbook has lost its ${DATASETS_SHEET} sheet; dataset answers are missing`);
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
      push("DATASET_NAME_MISSING", `row ${r} has answers but no dataset name; the row was not read`, cellPlace(sheet.name, r, nameCol));
      for (const c of filled) rejected.push({ question: c.qid, place: cellPlace(sheet.name, r, c.col), raw: text(sheet.cell(r, c.col)), reason: "dataset row without a name" });
      continue;
    }
    let id = slug(name) === "institution" ? `dataset-${r - 2}` : slug(name);
    for (let n = 2; out.some((d) => d.id === id); n++) id = `${slug(name)}-${n}`;
    const answers: Record<string, Answer> = {};
    const ticks = new Map<string, string[]>();
    const main = new Map<string, { shown: Shown; col: number }>();
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
        push("INVALID_ANSWER", `dataset "${name}", question "${c.qid}", option "${c.option}": "${raw}" is not Yes or No`, cellPlace(sheet.name, r, c.col));
        rejected.push({ question: c.qid, dataset: id, place: cellPlace(sheet.name, r, c.col), raw, reason: "not Yes or No" });
      }
    }
    const comment = (qid: string) => {
      const col = commentCols.get(qid);
      return col ? text(sheet.cell(r, col)) : "";
    };
    const qids = new Set([...main.keys(), ...ticks.keys(), ...[...commentCols.keys()].filter((q) => comment(q))]);
    for (const qid of qids) {
      const q = questions.get(qid)!;
      const m = main.get(qid) ?? { shown: { kind: "empty" } as Shown, col: nameCol };
      const place = cellPlace(sheet.name, r, m.col);
      let parsed = parseShown(q, m.shown, lang);
      const t = ticks.get(qid);
      if (q.type === "multiple_choice" && t?.length) {
        if (parsed && "value" in parsed) parsed = { error: `"${text(m.shown)}" is given together with options marked Yes; keep one or the other` };
        else if (!parsed) parsed = exclusiveConflict(q, t) ? { error: exclusiveConflict(q, t)! } : { value: t };
      }
      if (parsed && "error" in parsed) parsed = { error: `dataset "${name}": ${parsed.error}` };
      record(q, parsed, m.shown, comment(qid), place, answers, rejected, notes, push, places, id);
    }
    out.push({ id, name, answers });
  }
  return out;
}
