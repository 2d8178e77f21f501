// Reads a returned Excel questionnaire (as a ReadBook: sheets of cell values) into an answer
// set. Answers are found by question id, never by row position; every problem names its
// sheet and cell; nothing written is dropped. Pure: src/io/ingest-workbook.ts opens the file.
import { ANSWERS_FORMAT, answerReason, placesLocator } from "./answers.js";
import type { Answer, AnswerSet, Note, ReadInput, RejectedAnswer } from "./answers.js";
import { idFor } from "./ids.js";
import type { Module, Question } from "./model.js";
import { parseSheetValue } from "./parse-answer.js";
import type { SheetValue } from "./parse-answer.js";
import { problem } from "./problems.js";
import type { Problem, ProblemArgs, ProblemCode } from "./problems.js";
import { questionIndex } from "./questionnaire.js";
import { looksLikeExport, submissionsFrom } from "./submissions.js";
import type { Table } from "./submissions.js";
import { INSTITUTION_SHEET, META_SHEET, TEMPLATE_FORMAT, moduleSheetNames } from "./template-layout.js";
import { datasetsSheets, readDatasets } from "./workbook-datasets.js";
import { text } from "./workbook-sheets.js";
import type { Push } from "./workbook-sheets.js";
import { mergesOverAnswers, rangePlace, rangeText, unmerged } from "./workbook-merges.js";
import { institutionSheet, looksLikeQuestionnaire, readMeta } from "./workbook-meta.js";
import { moduleSheets, readModuleSheets, recogniseModules } from "./workbook-modules.js";
import { cellPlace } from "./workbook.js";
import type { ReadBook, ReadSheet } from "./workbook.js";

/** Sheets larger than this are refused: a questionnaire sheet has a few hundred rows; the widest sheet read is a Kobo export of all modules with split select_multiple columns (572 columns; the template's widest, Lists, has 146). */
export const SHEET_LIMITS = { maxRows: 5000, maxColumns: 2000 };

/** Submissions from a Kobo XLSX export: the main sheet, and the datasets repeat sheet. */
export function exportFromBook(book: ReadBook, source: string, modules: readonly Module[]): ReadInput[] | undefined {
  const sheets = book.sheetNames.map((n) => book.sheet(n)!);
  // Headers first, and rows only of the sheets chosen: a workbook of many sheets costs their header rows, not their extent.
  const headers = sheets.map(headersOf);
  // An export names at least three questions: a sheet with fewer headers is not matched against the modules at all.
  const main = headers.findIndex((h) => h.filter(Boolean).length >= 3 && looksLikeExport(h, modules) && !h.some((x) => x === "_parent_index" || x === "PARENT_KEY"));
  if (main < 0) return undefined;
  const repeat = headers.findIndex((h, i) => i !== main && h.some((x) => x === "_parent_index" || x === "PARENT_KEY"));
  // Rows or columns past the limits would be cut from the table: refuse the file rather than drop submissions in silence.
  for (const s of [sheets[main]!, sheets[repeat]]) {
    if (s && (s.rowCount > SHEET_LIMITS.maxRows || s.columnCount > SHEET_LIMITS.maxColumns)) {
      const args = { sheet: s.name, rows: s.rowCount, columns: s.columnCount, maxRows: SHEET_LIMITS.maxRows, maxColumns: SHEET_LIMITS.maxColumns };
      return [{ source, problems: [problem("SHEET_TOO_LARGE", args, source, [])] }];
    }
  }
  return submissionsFrom(source, tableOf(sheets[main]!, headers[main]!), repeat < 0 ? undefined : tableOf(sheets[repeat]!, headers[repeat]!), modules);
}

function headersOf(sheet: ReadSheet): string[] {
  return Array.from({ length: Math.min(sheet.columnCount, SHEET_LIMITS.maxColumns) }, (_, c) => text(sheet.cell(1, c + 1)));
}

/** The rows that hold something, below the headers: empty rows are never visited. */
function tableOf(sheet: ReadSheet, headers: string[]): Table {
  const rows: Table["rows"] = [];
  for (const r of sheet.rowNumbers()) {
    if (r < 2 || r > SHEET_LIMITS.maxRows) continue;
    const cells = headers.map((_, c) => sheet.cell(r, c + 1));
    if (cells.every((c) => c.kind === "empty")) continue;
    rows.push({ place: `${sheet.name} row ${r}`, cells });
  }
  return { headers, rows };
}

const questionMaps = new WeakMap<readonly Module[], Map<string, Map<string, Question>>>();

/** The questions of the modules a workbook uses, by id: made once per list of loaded modules and modules used (in their order). */
function questionsOf(modules: readonly Module[], used: readonly Module[]): Map<string, Question> {
  let byUsed = questionMaps.get(modules);
  if (!byUsed) questionMaps.set(modules, (byUsed = new Map()));
  const key = used.map((m) => `${m.id}@${m.version}`).join(" ");
  let questions = byUsed.get(key);
  if (!questions) byUsed.set(key, (questions = new Map([...questionIndex(used)].map(([id, p]) => [id, p.question] as const))));
  return questions;
}

/**
 * Modules of which nothing at all was written (no answer, no rejected cell, no comment, on
 * their sheet or the Datasets sheet), unless a module that was answered requires them.
 */
function notAnswered(used: readonly Module[], read: { answers: Record<string, Answer>; rejected: RejectedAnswer[]; notes: Note[]; datasets: AnswerSet["datasets"] }): Module[] {
  const written = new Set([...Object.keys(read.answers), ...read.rejected.map((r) => r.question), ...read.notes.map((n) => n.question), ...read.datasets.flatMap((d) => Object.keys(d.answers))]);
  const empty = used.filter((m) => !m.sections.some((s) => s.questions.some((q) => written.has(q.id))));
  const needed = new Set(used.filter((m) => !empty.includes(m)).flatMap((m) => m.requires ?? []));
  // Only when something was answered: a workbook with nothing at all is scored as before (all missing).
  return written.size > 0 ? empty.filter((m) => !needed.has(m.id)) : [];
}

/**
 * The answers in a questionnaire workbook. `contentHash` is the hash of the modules' content
 * (computed by the caller), to notice a workbook built from other content under the same versions.
 */
export function answersFromBook(book: ReadBook, source: string, modules: readonly Module[], contentHash: (modules: readonly Module[]) => string): ReadInput {
  const problems: Problem[] = [];
  const make: Push = (code, args, place, severity = "error") => ({ ...problem(code, args, source, [], severity), ...(place ? { place } : {}) }) as Problem;
  const push: Push = (code, args, place, severity) => {
    const p = make(code, args, place, severity);
    problems.push(p);
    return p;
  };
  const failWith = <C extends ProblemCode>(code: C, args: ProblemArgs[C], place?: string): ReadInput => {
    push(code, args, place);
    return { source, problems };
  };

  const meta = readMeta(book);
  if (!meta.present && !looksLikeQuestionnaire(book)) {
    if (book.sheetNames.length === 0) return failWith("WORKBOOK_EMPTY", { kind: "no_sheets" });
    return failWith("NOT_QUESTIONNAIRE", { kind: "no_meta", sheet: META_SHEET, sheets: book.sheetNames.slice(0, 8), more: book.sheetNames.length > 8 });
  }
  if (meta.format !== undefined && meta.format !== TEMPLATE_FORMAT) return failWith("NOT_QUESTIONNAIRE", { kind: "format", format: meta.format, expected: TEMPLATE_FORMAT });
  const { lang } = meta;

  for (const name of book.sheetNames) {
    const s = book.sheet(name)!;
    if (s.rowCount > SHEET_LIMITS.maxRows || s.columnCount > SHEET_LIMITS.maxColumns) {
      return failWith("SHEET_TOO_LARGE", { sheet: name, rows: s.rowCount, columns: s.columnCount, maxRows: SHEET_LIMITS.maxRows, maxColumns: SHEET_LIMITS.maxColumns });
    }
  }

  // Module sheets and modules are recognised by the question ids the sheets hold; the
  // metadata says which versions they were made from, when it can still be read.
  const recognised = recogniseModules(book, meta, modules);
  if ("mismatch" in recognised) return failWith("OTHER_MODULE_VERSIONS", { modules: recognised.mismatch });
  const { used, versionsUnknown, found, mapWrong, madeAt } = recognised;
  if (used.length === 0) return failWith("NOT_QUESTIONNAIRE", meta.present ? { kind: "meta_changed", sheet: META_SHEET } : { kind: "no_meta", sheet: META_SHEET, sheets: book.sheetNames.slice(0, 8), more: book.sheetNames.length > 8 });
  if (!meta.present || versionsUnknown.length > 0) {
    const args = { sheet: META_SHEET, modules: versionsUnknown.map((m) => ({ module: m.id, loaded: m.version })) };
    push("META_DAMAGED", { ...args, kind: meta.present ? "modules" : "missing" }, undefined, "warning");
  } else if (mapWrong) push("META_DAMAGED", { sheet: META_SHEET, kind: "sheets" }, undefined, "warning");
  // Made at another minor version, the content differs by design: the answer check says so.
  else if (meta.hash && Object.keys(madeAt).length === 0 && meta.hash !== contentHash(used)) push("TEMPLATE_CONTENT_DIFFERS", {}, undefined, "warning");
  const questions = questionsOf(modules, used);

  const stored = institutionSheet(book);
  if (!stored) return failWith("SHEET_MISSING", { sheet: INSTITUTION_SHEET, holds: "institution" });
  // Answers are in column C: a merge over them (a label merged with its answer) must not answer for them.
  for (const m of mergesOverAnswers(stored, (r, c) => r >= 2 && c === 3)) push("MERGED_CELLS", { sheet: stored.name, range: rangeText(m) }, rangePlace(stored.name, m));
  const inst = unmerged(stored);
  const fields = new Map<string, { shown: SheetValue; row: number }>();
  for (let r = 1; r <= inst.rowCount; r++) {
    const key = text(inst.cell(r, 1));
    if (key) fields.set(key, { shown: inst.cell(r, 3), row: r });
  }
  const field = (key: string) => text(fields.get(key)?.shown ?? { kind: "empty" });
  const name = field("institution_name");
  if (!name) return failWith("INSTITUTION_NAME_MISSING", { in: "workbook" }, cellPlace(stored.name, fields.get("institution_name")?.row ?? 2, 3));
  const dateField = fields.get("assessment_date");
  const parsedDate = dateField ? parseSheetValue({ id: "assessment_date", type: "date", label: { en: "", th: "" }, help: { en: "", th: "" } }, dateField.shown) : undefined;
  if (!parsedDate || "error" in parsedDate) {
    const reason = parsedDate && "error" in parsedDate ? parsedDate.error : answerReason("EMPTY", {});
    return failWith("DATE_MISSING", { in: "workbook", reason }, cellPlace(stored.name, dateField?.row ?? 10, 3));
  }
  if (parsedDate.era === "be" && dateField!.shown.kind !== "empty") {
    push("BUDDHIST_ERA_DATE", { question: "assessment_date", text: parsedDate.written ?? dateField!.shown.text, date: String(parsedDate.value) }, cellPlace(stored.name, dateField!.row, 3), "warning");
  }

  const rejected: RejectedAnswer[] = [];
  const notes: Note[] = [];
  const answers: Record<string, Answer> = {};
  const places = new Map<string, string>();
  const sheets = moduleSheets(found, used, mapWrong ? moduleSheetNames(used, lang) : { ...moduleSheetNames(used, lang), ...meta.sheets }, !mapWrong, push);
  readModuleSheets(sheets, questions, lang, { answers, rejected, notes, places }, make, (p) => problems.push(p));
  const datasets = readDatasets(datasetsSheets(book), questions, lang, rejected, notes, push, places);
  // In a workbook of all modules, one left wholly empty was not for this institution (issue 16).
  // A module whose sheet is gone is reported as SHEET_MISSING and scored as missing answers, not as not answered.
  const unanswered = meta.institution ? [] : notAnswered(used.filter((m) => sheets.some((s) => s.module === m.id)), { answers, rejected, notes, datasets });
  for (const m of unanswered) push("MODULE_NOT_ANSWERED", { module: m.id, sheet: sheets.find((s) => s.module === m.id)?.sheet.name ?? m.id }, undefined, "warning");

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
    modules: Object.fromEntries(used.filter((m) => !unanswered.includes(m)).map((m) => [m.id, madeAt[m.id] ?? m.version])),
    answers,
    datasets,
    ...(rejected.length ? { rejected } : {}),
    ...(notes.length ? { notes } : {}),
  };
  return { source, set, problems, locate: placesLocator(places, set) };
}
