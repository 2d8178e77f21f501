// Reads answers from CSV: one row per answer, for one institution or many (README, "CSV").
import { readdir } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { ANSWERS_FORMAT, placeKey, placesLocator } from "../core/answers.js";
import type { Answer, AnswerSet, DatasetAnswers, Note, ReadInput, RejectedAnswer } from "../core/answers.js";
import { idFor } from "../core/ids.js";
import type { Module } from "../core/model.js";
import { questionIndex } from "../core/questionnaire.js";
import { parseSheetValue } from "../core/parse-answer.js";
import type { SheetValue } from "../core/parse-answer.js";
import { looksLikeExport, submissionsFrom } from "../core/submissions.js";
import type { Table } from "../core/submissions.js";
import { coded, problem } from "../core/problems.js";
import { rejection } from "../core/problem-words.js";
import type { CodedProblem, Problem, ProblemArgs, ProblemCode, Severity } from "../core/problems.js";
import { displayPath } from "./fs.js";
import { readBounded } from "./read-bounded.js";

export const MAX_CSV_BYTES = 20 * 1024 * 1024;

/** Pseudo-questions that carry the institution's profile, one row each. */
const PROFILE: Record<string, string> = {
  _name: "name",
  _ministry: "ministry",
  _department: "department",
  _date: "date",
  _respondent_name: "respondent.name",
  _respondent_role: "respondent.role",
  _respondent_email: "respondent.email",
  _respondent_phone: "respondent.phone",
};

interface Row {
  line: number;
  institution: string;
  dataset: string;
  question: string;
  answer: string;
  comment: string;
}

export async function readCsvAnswers(file: string, modules: readonly Module[]): Promise<ReadInput[]> {
  const source = displayPath(file);
  const fail = (c: CodedProblem): ReadInput[] => [{ source, problems: [{ ...c, severity: "error", source, path: [] }] }];
  const read = await readBounded(file, MAX_CSV_BYTES, () => coded("TOO_LARGE", { what: "csv", max: MAX_CSV_BYTES }));
  if ("problem" in read) return fail(read.problem);
  const text = decodeCsv(read.bytes);
  if (text === undefined) return fail(coded("CSV_ENCODING", {}));
  if (text.trim() === "") return fail(coded("CSV_EMPTY", {}));
  let table: string[][];
  let lines: number[];
  try {
    ({ table, lines } = await parseCsv(text));
  } catch (e) {
    return fail(coded("CSV_SYNTAX", { detail: (e as Error).message }));
  }
  const rawHeader = table[0] ?? [];
  // ODK Central's repeat file is read with its main export, never on its own.
  if (rawHeader.includes("PARENT_KEY")) return (await siblingMain(file)) ? [] : fail(coded("REPEAT_WITHOUT_MAIN", {}));
  // A KoboToolbox or ODK Central export of our XLSForm, rather than our own layout.
  if (looksLikeExport(rawHeader, modules)) return exportFromCsv(file, source, rawHeader, table, lines, modules);
  const header = rawHeader.map((h) => h.trim().toLowerCase());
  const records = table.slice(1).map((cells, k) => ({ record: Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? "").trim()])), info: { lines: lines[k + 1]! } }));
  const missing = ["institution", "question", "answer"].filter((c) => !header.includes(c));
  if (records.length > 0 && missing.length) {
    return fail(coded("CSV_COLUMNS", { missing, found: header }));
  }
  const rows: Row[] = records.map(({ record, info }) => ({
    line: info.lines,
    institution: record.institution ?? "",
    dataset: record.dataset ?? "",
    question: record.question ?? "",
    answer: record.answer ?? "",
    comment: record.comment ?? "",
  }));
  const byInstitution = new Map<string, Row[]>();
  for (const r of rows) {
    const list = byInstitution.get(r.institution);
    if (list) list.push(r);
    else byInstitution.set(r.institution, [r]);
  }
  return [...byInstitution].map(([inst, list]) => institutionFrom(source, inst, list, modules, byInstitution.size > 1));
}

/**
 * The text of a CSV file, whatever encoding it was saved in: UTF-8 (with or without a BOM),
 * UTF-16 with its BOM, or Windows-874, which Thai Excel uses for "CSV" by default (read as
 * UTF-8 it turns Thai names into replacement characters). Undefined when it is none of these.
 */
export function decodeCsv(buf: Buffer): string | undefined {
  const decode = (encoding: string, bytes: Uint8Array) => {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  };
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return decode("utf-8", buf.subarray(3));
  if (buf[0] === 0xff && buf[1] === 0xfe) return decode("utf-16le", buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return decode("utf-16be", buf.subarray(2));
  const utf8 = decode("utf-8", buf);
  if (utf8 !== undefined) return utf8;
  // Bytes Windows-874 leaves undefined come out as private-use or C1 characters: not Thai text.
  const thai = decode("windows-874", buf);
  return thai !== undefined && !/[\u0080-\u009F\uE000-\uF8FF]/.test(thai) ? thai : undefined;
}

/** Rows of a CSV file with the line each starts on; `;` or `,` as the export used. */
async function parseCsv(text: string): Promise<{ table: string[][]; lines: number[] }> {
  const { parse } = await import("csv-parse/sync");
  const first = text.slice(0, text.indexOf("\n") >>> 0);
  const delimiter = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  return { table: records.map((r) => r.record), lines: records.map((r) => r.info.lines) };
}

/** ODK Central writes each repeat to its own CSV beside the main one, joined by PARENT_KEY. */
async function siblingRepeat(file: string): Promise<{ table: string[][]; lines: number[]; path: string } | undefined> {
  const dir = dirname(file);
  const base = basename(file, extname(file));
  for (const name of (await listFolder(dir)).sort()) {
    if (!name.toLowerCase().endsWith(".csv") || name === basename(file) || !name.startsWith(base)) continue;
    const text = await siblingText(join(dir, name));
    if (text === undefined) continue;
    const parsed = await parseCsv(text);
    if (parsed.table[0]?.includes("PARENT_KEY")) return { ...parsed, path: join(dir, name) };
  }
  return undefined;
}

/** The names in a folder; none when it may be entered but not listed (the file itself is still read). */
async function listFolder(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/** A CSV file beside the one read: undefined when it is not a regular file or too large (it is reported when read on its own). */
async function siblingText(path: string): Promise<string | undefined> {
  const read = await readBounded(path, MAX_CSV_BYTES, () => coded("TOO_LARGE", { what: "csv", max: MAX_CSV_BYTES }));
  return "bytes" in read ? decodeCsv(read.bytes) : undefined;
}

async function siblingMain(file: string): Promise<boolean> {
  const dir = dirname(file);
  for (const name of await listFolder(dir)) {
    if (name === basename(file) || !name.toLowerCase().endsWith(".csv") || !basename(file).startsWith(basename(name, extname(name)))) continue;
    const head = (await siblingText(join(dir, name)))?.split("\n", 1)[0] ?? "";
    if (/(^|[,;"])KEY([,;"]|$)/.test(head)) return true;
  }
  return false;
}

async function exportFromCsv(file: string, source: string, header: string[], table: string[][], lines: number[], modules: readonly Module[]): Promise<ReadInput[]> {
  const toTable = (t: string[][], l: number[]): Table => ({
    headers: t[0] ?? [],
    rows: t.slice(1).map((cells, k) => ({ place: `line ${l[k + 1]}`, cells: cells.map((c): SheetValue => (c.trim() === "" ? { kind: "empty" } : { kind: "text", text: c })) })),
  });
  const repeat = header.includes("KEY") ? await siblingRepeat(file) : undefined;
  return submissionsFrom(source, toTable(table, lines), repeat ? toTable(repeat.table, repeat.lines) : undefined, modules);
}

function institutionFrom(source: string, inst: string, rows: Row[], modules: readonly Module[], several: boolean): ReadInput {
  const label = several ? `${source} (${inst || "no institution"})` : source;
  const problems: Problem[] = [];
  const push = <C extends ProblemCode>(code: C, args: ProblemArgs[C], line: number, severity: Severity = "error"): Problem => {
    const p: Problem = { ...problem(code, args, source, [], severity), place: `line ${line}` };
    problems.push(p);
    return p;
  };
  if (!inst) {
    push("CSV_INSTITUTION", {}, rows[0]!.line);
    return { source: label, problems };
  }
  const questions = questionIndex(modules);

  const profile: Record<string, string> = {};
  const answers: Record<string, Answer> = {};
  const datasets: DatasetAnswers[] = [];
  const rejected: RejectedAnswer[] = [];
  const notes: Note[] = [];
  const used = new Set<string>();
  const places = new Map<string, string>();
  for (const r of rows) {
    if (r.question in PROFILE) {
      profile[PROFILE[r.question]!] = r.answer;
      continue;
    }
    const found = questions.get(r.question);
    if (!found) {
      const p = push("UNKNOWN_QUESTION", { question: r.question, in: "loaded_modules" }, r.line);
      rejected.push({ question: r.question, place: `line ${r.line}`, raw: r.answer, ...rejection(p), ...(r.comment ? { comment: r.comment } : {}) });
      continue;
    }
    used.add(found.module.id);
    for (const req of found.module.requires ?? []) used.add(req);
    let target = answers;
    let datasetId: string | undefined;
    if (found.section.scope === "dataset") {
      if (!r.dataset) {
        const p = push("DATASET_MISSING", { question: r.question }, r.line);
        rejected.push({ question: r.question, place: `line ${r.line}`, raw: r.answer, ...rejection(p) });
        continue;
      }
      let ds = datasets.find((d) => d.name === r.dataset);
      if (!ds) {
        ds = { id: idFor(r.dataset, datasets.map((d) => d.id)), name: r.dataset, answers: {} };
        datasets.push(ds);
      }
      target = ds.answers;
      datasetId = ds.id;
    } else if (r.dataset) {
      push("NOT_PER_DATASET", { question: r.question, dataset: r.dataset }, r.line, "warning");
    }
    if (target[r.question]) {
      const p = push("DUPLICATE_ANSWER", { question: r.question, ...(datasetId ? { dataset: r.dataset } : {}) }, r.line);
      rejected.push({ question: r.question, ...(datasetId ? { dataset: datasetId } : {}), place: `line ${r.line}`, raw: r.answer, ...rejection(p) });
      continue;
    }
    const parsed = parseSheetValue(found.question, r.answer.trim() === "" ? { kind: "empty" } : { kind: "text", text: r.answer }, "both");
    if (parsed && "error" in parsed) {
      const p = push("INVALID_ANSWER", { question: r.question, value: r.answer, reason: parsed.error }, r.line);
      rejected.push({ question: r.question, ...(datasetId ? { dataset: datasetId } : {}), place: `line ${r.line}`, raw: r.answer, ...rejection(p), ...(r.comment ? { comment: r.comment } : {}) });
    } else if (parsed) {
      target[r.question] = { value: parsed.value, ...(r.comment ? { comment: r.comment } : {}) };
      places.set(placeKey(datasetId, r.question), `line ${r.line}`);
    } else if (r.comment) {
      notes.push({ question: r.question, ...(datasetId ? { dataset: datasetId } : {}), comment: r.comment });
    }
  }
  const date = profile.date ?? "";
  const parsedDate = parseSheetValue({ id: "_date", type: "date", label: { en: "", th: "" }, help: { en: "", th: "" } }, date ? { kind: "text", text: date } : { kind: "empty" });
  if (!parsedDate || "error" in parsedDate) {
    push("DATE_MISSING", { in: "csv", institution: inst }, rows[0]!.line);
    return { source: label, problems };
  }
  const respondent = Object.fromEntries(Object.entries(profile).filter(([k, v]) => k.startsWith("respondent.") && v).map(([k, v]) => [k.slice(11), v]));
  const set: AnswerSet = {
    format: ANSWERS_FORMAT,
    institution: { id: idFor(inst), name: profile.name || inst, ...(profile.ministry ? { ministry: profile.ministry } : {}), ...(profile.department ? { department: profile.department } : {}) },
    ...(Object.keys(respondent).length ? { respondent } : {}),
    date: parsedDate.value as string,
    modules: Object.fromEntries(modules.filter((m) => used.has(m.id)).map((m) => [m.id, m.version])),
    answers,
    datasets,
    ...(rejected.length ? { rejected } : {}),
    ...(notes.length ? { notes } : {}),
  };
  return { source: label, set, problems, locate: placesLocator(places, set) };
}
