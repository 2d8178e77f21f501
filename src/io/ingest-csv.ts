// Reads answers from CSV: one row per answer, for one institution or many (README, "CSV").
import { basename } from "node:path";
import { ANSWERS_FORMAT, placeKey, placesLocator } from "../core/answers.js";
import type { Answer, AnswerSet, DatasetAnswers, Note, ReadInput, RejectedAnswer } from "../core/answers.js";
import { idFor } from "../core/ids.js";
import type { Module } from "../core/model.js";
import { questionIndex } from "../core/questionnaire.js";
import { parseSheetValue } from "../core/parse-answer.js";
import { looksLikeExport } from "../core/submissions.js";
import { coded, problem } from "../core/problems.js";
import { rejection } from "../core/problem-words.js";
import type { CodedProblem, Problem, ProblemArgs, ProblemCode, Severity } from "../core/problems.js";
import { readCsvTable } from "./csv-table.js";
import { displayPath } from "./fs.js";
import { expectedMain, exportFromCsv, isRepeatHeader, siblingMain } from "./odk-csv.js";

export { MAX_CSV_BYTES } from "./csv-table.js";

/**
 * Answer rows one answers CSV may hold: an institution answering every question of every
 * module for a hundred datasets writes about 2,000 rows (modules 2.0.0), so this is room for
 * fifty such institutions; a file of more is refused, not read into memory without bound.
 */
export const MAX_CSV_ANSWER_ROWS = 100_000;
/** Institutions one answers CSV may hold, as many as the submissions of an export sheet. */
export const MAX_CSV_INSTITUTIONS = 5_000;

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
  const parsed = await readCsvTable(file);
  if ("problem" in parsed) return fail(parsed.problem);
  const { table, lines } = parsed;
  const rawHeader = table[0] ?? [];
  // ODK Central's repeat file is read with its main export (src/io/inputs.ts leaves it to it), never on its own.
  if (isRepeatHeader(rawHeader)) {
    const main = await siblingMain(file);
    return fail(coded("REPEAT_WITHOUT_MAIN", { main: main ?? expectedMain(basename(file)), where: main ? "not_given" : "missing" }));
  }
  // A KoboToolbox or ODK Central export of our XLSForm, rather than our own layout.
  if (looksLikeExport(rawHeader, modules)) return exportFromCsv(file, source, rawHeader, table, lines, modules);
  const header = rawHeader.map((h) => h.trim().toLowerCase());
  const records = table.slice(1).map((cells, k) => ({ record: Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? "").trim()])), info: { lines: lines[k + 1]! } }));
  const missing = ["institution", "question", "answer"].filter((c) => !header.includes(c));
  if (records.length > 0 && missing.length) {
    return fail(coded("CSV_COLUMNS", { missing, found: header }));
  }
  // Bounded before anything is kept per row: each row can become an answer, a problem and a kept rejection.
  if (records.length > MAX_CSV_ANSWER_ROWS) return fail(coded("CSV_TOO_MANY_ROWS", { what: "rows", count: records.length, max: MAX_CSV_ANSWER_ROWS }));
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
  if (byInstitution.size > MAX_CSV_INSTITUTIONS) return fail(coded("CSV_TOO_MANY_ROWS", { what: "institutions", count: byInstitution.size, max: MAX_CSV_INSTITUTIONS }));
  return [...byInstitution].map(([inst, list]) => institutionFrom(source, inst, list, modules, byInstitution.size > 1));
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
  const profileLines: Record<string, number> = {};
  const answers: Record<string, Answer> = {};
  const datasets: DatasetAnswers[] = [];
  const rejected: RejectedAnswer[] = [];
  const notes: Note[] = [];
  const used = new Set<string>();
  const places = new Map<string, string>();
  for (const r of rows) {
    if (r.question in PROFILE) {
      profile[PROFILE[r.question]!] = r.answer;
      profileLines[PROFILE[r.question]!] = r.line;
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
      if (parsed.era === "be") push("BUDDHIST_ERA_DATE", { ...(datasetId ? { dataset: r.dataset } : {}), question: r.question, text: r.answer.trim(), date: String(parsed.value) }, r.line, "warning");
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
  if (parsedDate.era === "be") push("BUDDHIST_ERA_DATE", { question: "_date", text: date.trim(), date: String(parsedDate.value) }, profileLines.date ?? rows[0]!.line, "warning");
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
