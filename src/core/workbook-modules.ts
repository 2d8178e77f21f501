// Module sheets are found by the question ids in their id column, not by their tab name: a
// sheet renamed (to Thai, or "General questionnaire (2)") is still read, and a second copy of
// a sheet is read too. Copies that agree are harmless; a question answered differently in two
// copies is reported with both cells and neither answer is scored.
import { placeKey } from "./answers.js";
import { major } from "./check-answers.js";
import type { Answer, Note, RejectedAnswer } from "./answers.js";
import type { Module, Question } from "./model.js";
import type { LabelLang } from "./parse-answer.js";
import { rejection } from "./problem-words.js";
import type { Problem } from "./problems.js";
import { questionIndex } from "./questionnaire.js";
import { LISTS_SHEET, META_SHEET, OPTION_SEPARATOR, OWN_SHEETS } from "./template-layout.js";
import { datasetSheetIds, datasetsSheets, isDatasetsSheet } from "./workbook-datasets.js";
import { headerColumns, readModuleSheet, text } from "./workbook-sheets.js";
import type { Push, SheetAnswers } from "./workbook-sheets.js";
import type { BookMeta } from "./workbook-meta.js";
import type { ReadBook, ReadSheet } from "./workbook.js";

/** Sheets the template writes that never hold a module's questions. */
const OTHER_SHEETS = new Set([LISTS_SHEET, META_SHEET, ...Object.values(OWN_SHEETS).flatMap((n) => [n.en, n.th])]);

export interface Recognised {
  /** The modules to read: those the metadata lists, then those recognised by their ids alone. */
  used: Module[];
  /** Recognised by their question ids, but not listed in the metadata: their versions are unknown. */
  versionsUnknown: Module[];
  found: ModuleSheet[];
  /** The metadata's sheet map is missing, or names a sheet that holds another module's questions. */
  mapWrong: boolean;
  /**
   * Modules the workbook was made at another version of the same major version (a question
   * added, a wording clarified): read against the loaded module, and recorded at the workbook's
   * version so that the answer check warns of it, as for an answer file.
   */
  madeAt: Record<string, string>;
}

/**
 * The modules a workbook holds: those its metadata lists (at a version of the loaded module's
 * major version, or the mismatch), and those whose question ids a module sheet or the Datasets
 * sheet holds.
 */
export function recogniseModules(book: ReadBook, meta: BookMeta, modules: readonly Module[]): Recognised | { mismatch: { module: string; version: string; loaded?: string }[] } {
  const moduleOf = moduleOfQuestion(modules);
  const found = findModuleSheets(book, moduleOf);
  const onDatasets = new Set<string>();
  for (const sheet of datasetsSheets(book)) {
    for (const id of datasetSheetIds(sheet)) {
      const m = moduleOf.get(id);
      if (m) onDatasets.add(m);
    }
  }
  const used: Module[] = [];
  const mismatch: { module: string; version: string; loaded?: string }[] = [];
  const madeAt: Record<string, string> = {};
  for (const [id, version] of Object.entries(meta.versions ?? {})) {
    const m = modules.find((x) => x.id === id);
    if (!m) mismatch.push({ module: id, version });
    else if (major(m.version) !== major(version)) mismatch.push({ module: id, version, loaded: m.version });
    else {
      if (m.version !== version) madeAt[id] = version;
      used.push(m);
    }
  }
  if (mismatch.length) return { mismatch };
  const versionsUnknown = modules.filter((m) => !used.includes(m) && (onDatasets.has(m.id) || found.some((f) => f.module === m.id)));
  used.push(...versionsUnknown);
  const map = meta.sheets;
  const mapWrong = !map || used.some((m) => !map[m.id] || (book.sheet(map[m.id]!) !== undefined && found.find((f) => f.sheet.name === map[m.id])?.module !== m.id));
  return { used, versionsUnknown, found, mapWrong, madeAt };
}

const moduleMaps = new WeakMap<readonly Module[], Map<string, string>>();

/** Question id → module id, made once per list of loaded modules. */
function moduleOfQuestion(modules: readonly Module[]): Map<string, string> {
  let moduleOf = moduleMaps.get(modules);
  if (!moduleOf) moduleMaps.set(modules, (moduleOf = new Map([...questionIndex(modules)].map(([id, p]) => [id, p.module.id] as const))));
  return moduleOf;
}

export interface ModuleSheet {
  sheet: ReadSheet;
  /** The module most of the sheet's question ids belong to. */
  module: string;
}

/** Every sheet with question ids in its id column, in workbook order, each with its module. */
export function findModuleSheets(book: ReadBook, moduleOf: ReadonlyMap<string, string>): ModuleSheet[] {
  const found: ModuleSheet[] = [];
  for (const name of book.sheetNames) {
    if (OTHER_SHEETS.has(name)) continue;
    const sheet = book.sheet(name)!;
    // A copy of the Datasets sheet holds dataset question ids in column A too: it is read as datasets.
    if (isDatasetsSheet(sheet)) continue;
    const col = headerColumns(sheet).id;
    const counts = new Map<string, number>();
    // The rows present, not the declared extent: a sheet of one far cell costs one cell.
    for (const r of sheet.rowNumbers()) {
      if (r < 2) continue;
      const m = moduleOf.get(text(sheet.cell(r, col)).split(OPTION_SEPARATOR)[0]!);
      if (m) counts.set(m, (counts.get(m) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best) found.push({ sheet, module: best[0] });
  }
  return found;
}

/**
 * The sheets to read, each module's own sheet first. A module found under another name is
 * renamed (said when `sayRenamed`: the sheet map can be trusted); one found nowhere has lost its sheet.
 */
export function moduleSheets(found: ModuleSheet[], used: readonly Module[], expected: Record<string, string>, sayRenamed: boolean, push: Push): ModuleSheet[] {
  const own = (f: ModuleSheet) => (f.sheet.name === expected[f.module] ? 0 : 1);
  const ordered = found.filter((f) => used.some((m) => m.id === f.module)).sort((a, b) => own(a) - own(b));
  for (const m of used) {
    const first = ordered.find((f) => f.module === m.id);
    if (!first) push("SHEET_MISSING", { sheet: expected[m.id]!, holds: "module", module: m.id });
    else if (own(first) && sayRenamed) push("SHEET_RENAMED", { module: m.id, sheet: expected[m.id]!, found: first.sheet.name }, undefined, "warning");
  }
  return ordered;
}

/** One sheet's reading of one question: its answer, rejected cells or comment, and where. */
interface Reading {
  sheet: number;
  key: string;
  place: string;
  raw: string;
  comment?: string;
  answer?: Answer;
  rejected: RejectedAnswer[];
  note?: Note;
}

/**
 * Reads the module sheets into `out`. `sheets` come in order of preference (each module's sheet
 * under its own name first); `make` makes a problem without recording it, `push` records one.
 */
export function readModuleSheets(sheets: readonly ModuleSheet[], questions: Map<string, Question>, lang: LabelLang, out: SheetAnswers, make: Push, push: (p: Problem) => void): void {
  const reads = sheets.map(({ sheet }, i) => {
    const problems: Problem[] = [];
    const read: SheetAnswers = { answers: {}, rejected: [], notes: [], places: new Map(), typed: new Map() };
    readModuleSheet(sheet, questions, lang, read, (code, args, place, severity) => {
      const p = make(code, args, place, severity);
      problems.push(p);
      return p;
    });
    return { read, problems, readings: readingsOf(read, i) };
  });

  // Per question: one reading, or several that agree, is kept; readings that differ are a conflict.
  const byQuestion = new Map<string, Reading[]>();
  for (const r of reads) for (const [qid, reading] of r.readings) byQuestion.set(qid, [...(byQuestion.get(qid) ?? []), reading]);
  const takenFrom = new Map<string, number>();
  const conflicts: Problem[] = [];
  for (const [qid, readings] of byQuestion) {
    if (new Set(readings.map((r) => r.key)).size === 1) {
      const r = readings[0]!;
      takenFrom.set(qid, r.sheet);
      if (r.answer) out.answers[qid] = r.answer;
      out.rejected.push(...r.rejected);
      if (r.note) out.notes.push(r.note);
      out.places.set(placeKey(undefined, qid), r.place);
      continue;
    }
    const p = make("SHEET_COPY_CONFLICT", { question: qid, places: readings.map((r) => r.place) }, readings[0]!.place);
    conflicts.push(p);
    for (const r of readings) out.rejected.push({ question: qid, place: r.place, raw: r.raw, ...rejection(p), ...(r.comment ? { comment: r.comment } : {}) });
  }

  // A copy is named once; identical copies change nothing. Each sheet's own problems are kept
  // where its readings were used or are in conflict, so an identical copy does not repeat them.
  const primary = new Map<string, number>();
  sheets.forEach((s, i) => {
    const first = primary.get(s.module);
    if (first === undefined) return void primary.set(s.module, i);
    const same = (a: Map<string, Reading>, b: Map<string, Reading>) => a.size === b.size && [...a].every(([q, r]) => b.get(q)?.key === r.key);
    push(make("SHEET_COPY", { module: s.module, sheet: sheets[first]!.sheet.name, copy: s.sheet.name, identical: same(reads[first]!.readings, reads[i]!.readings) }, undefined, "warning"));
  });
  reads.forEach((r, i) => {
    const copyOfSame = primary.get(sheets[i]!.module) !== i && r.readings.size > 0 && [...r.readings.keys()].every((q) => takenFrom.has(q) && takenFrom.get(q) !== i);
    for (const p of r.problems) {
      const question = "question" in p.args ? (p.args.question as string) : undefined;
      const keep = question === undefined ? !copyOfSame : takenFrom.get(question) === i || !takenFrom.has(question);
      if (keep) push(p);
    }
  });
  for (const p of conflicts) push(p);
}

/** Each question a sheet holds something for, with a key that is equal when two sheets hold the same. */
function readingsOf(read: SheetAnswers, sheet: number): Map<string, Reading> {
  const out = new Map<string, Reading>();
  const get = (qid: string): Reading => {
    let r = out.get(qid);
    if (!r) out.set(qid, (r = { sheet, key: "", place: read.places.get(placeKey(undefined, qid)) ?? "", raw: "", rejected: [] }));
    return r;
  };
  for (const [qid, answer] of Object.entries(read.answers)) {
    const r = get(qid);
    r.answer = answer;
    // As typed; ticks in option rows as the options' values.
    r.raw = read.typed?.get(qid) ?? (Array.isArray(answer.value) ? answer.value.join("; ") : String(answer.value));
    if (answer.comment) r.comment = answer.comment;
  }
  for (const rej of read.rejected) {
    const r = get(rej.question);
    r.rejected.push(rej);
    if (!r.answer) {
      r.raw ||= rej.raw;
      r.place ||= rej.place ?? "";
      if (rej.comment) r.comment ??= rej.comment;
    }
  }
  for (const note of read.notes) {
    const r = get(note.question);
    r.note = note;
    r.comment = note.comment;
  }
  for (const r of out.values()) {
    const value = r.answer && (Array.isArray(r.answer.value) ? [...r.answer.value].sort() : r.answer.value);
    r.key = JSON.stringify([value, r.rejected.map((x) => [x.raw, x.comment ?? ""]).sort(), r.comment ?? ""]);
  }
  return out;
}
