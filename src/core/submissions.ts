// KoboToolbox and ODK Central exports of our XLSForm: a table of submissions (and a table
// of dataset repeats) becomes one answer set per submission. Pure: the edges read the files.
import { ANSWERS_FORMAT, answerReason } from "./answers.js";
import type { Answer, AnswerSet, AnswerValue, DatasetAnswers, ReadInput, RejectedAnswer } from "./answers.js";
import { formVersionCheck, versionColumn } from "./form-version.js";
import { idFor } from "./ids.js";
import { DONT_KNOW, NOT_APPLICABLE, SPECIAL_LABELS, optionsOf } from "./model.js";
import type { Module, Question } from "./model.js";
import { normalizeLabel, parseSheetValue } from "./parse-answer.js";
import { questionIndex } from "./questionnaire.js";
import type { SheetValue } from "./parse-answer.js";
import type { Problem } from "./problems.js";
import { problem } from "./problems.js";
import { rejection } from "./problem-words.js";
import { DATASET_NAME, DATASET_NAME_LABEL, PROFILE_FIELDS } from "./xlsform.js";
import { foldStatus, formQuestions, keepChosen, takeChosen } from "./submission-form.js";

export interface Table {
  headers: string[];
  /** Cells of each row, by column; `place` names the row for problems ("row 3"). */
  rows: { place: string; cells: SheetValue[] }[];
}

type Column = { kind: "question"; question: Question } | { kind: "option"; question: Question; option: string } | { kind: "field"; name: string } | { kind: "link"; name: string };

const LINKS = new Set(["_index", "_parent_index", "KEY", "PARENT_KEY", "_id", "_uuid", "_submission_time", "SubmissionDate", "end", "start", "instanceID", "_submission__id"]);
const FIELDS = new Set([...PROFILE_FIELDS.map((f) => f.name), DATASET_NAME]);

/** Resolves export headers (names with group paths, or labels in English or Thai) to questions. */
export function resolveColumns(headers: string[], modules: readonly Module[]): (Column | undefined)[] {
  const index = questionIndex(modules);
  // The form's own questions (modules chosen, status beside numbers and dates) are read as questions too.
  const questions = new Map([...[...index].map(([id, p]) => [id, p.question] as const), ...formQuestions(modules).map((q) => [q.id, q] as const)]);
  // Labels are not always unique (two modules may ask the same question): the k-th column
  // with a label is the k-th question with it, as exports keep the form's order.
  const byLabel = new Map<string, Question[]>();
  for (const q of questions.values()) {
    for (const l of new Set([normalizeLabel(q.label.en), normalizeLabel(q.label.th)])) byLabel.set(l, [...(byLabel.get(l) ?? []), q]);
  }
  const usedLabels = new Map<string, number>();
  const labelled = (label: string): Question | undefined => {
    const list = byLabel.get(label);
    if (!list) return undefined;
    const k = usedLabels.get(label) ?? 0;
    usedLabels.set(label, k + 1);
    return list[Math.min(k, list.length - 1)];
  };
  const labelledParent = (label: string): Question | undefined => {
    const list = byLabel.get(label);
    return list ? list[Math.max(0, Math.min((usedLabels.get(label) ?? 1) - 1, list.length - 1))] : undefined;
  };
  const profileByLabel = new Map<string, string>();
  for (const f of PROFILE_FIELDS) for (const l of [f.label.en, f.label.th]) profileByLabel.set(normalizeLabel(l), f.name);
  // The repeat's name column too: without it a label-header export names every dataset "Dataset N".
  for (const l of [DATASET_NAME_LABEL.en, DATASET_NAME_LABEL.th]) profileByLabel.set(normalizeLabel(l), DATASET_NAME);

  return headers.map((h) => {
    // Group paths: Kobo joins them with "/" (or ".", "-", ":" as chosen at download), ODK with "-"; ids hold none of these.
    const parts = h.split(/[/.:-]/).map((p) => p.trim()).filter(Boolean);
    const last = parts.at(-1) ?? "";
    if (LINKS.has(last) || LINKS.has(h)) return { kind: "link", name: LINKS.has(h) ? h : last };
    if (FIELDS.has(last)) return { kind: "field", name: last };
    // A split column "question/option" first: an option may share its name with a question.
    const parent = questions.get(parts.at(-2) ?? "");
    const specials = [DONT_KNOW, NOT_APPLICABLE];
    if (parent?.type === "multiple_choice" && (optionsOf(parent).some((o) => o.value === last) || specials.includes(last))) return { kind: "option", question: parent, option: last };
    const q = questions.get(last);
    if (q) return { kind: "question", question: q };
    // Labels: the whole header, or its end after group labels, "Question/Option" for split columns.
    const segments = h.split("/");
    for (let i = 0; i < segments.length; i++) {
      const tail = normalizeLabel(segments.slice(i).join("/"));
      const byL = byLabel.has(tail) ? labelled(tail) : undefined;
      if (byL) return { kind: "question", question: byL };
      const field = profileByLabel.get(tail);
      if (field) return { kind: "field", name: field };
    }
    for (let i = 0; i < segments.length - 1; i++) {
      const qp = labelledParent(normalizeLabel(segments.slice(i, -1).join("/")));
      const tail = normalizeLabel(segments.at(-1)!);
      const opt =
        qp?.type === "multiple_choice"
          ? [...optionsOf(qp), ...[DONT_KNOW, NOT_APPLICABLE].map((v) => ({ value: v, label: SPECIAL_LABELS[v as typeof DONT_KNOW] }))].find((o) => [o.label?.en, o.label?.th].some((l) => l && normalizeLabel(l) === tail))
          : undefined;
      if (qp && opt) return { kind: "option", question: qp, option: opt.value };
    }
    return undefined;
  });
}

/** Enough of our questions among the headers to be an export of our form. */
export function looksLikeExport(headers: string[], modules: readonly Module[]): boolean {
  return resolveColumns(headers, modules).filter((c) => c?.kind === "question").length >= 3;
}

const text = (s: SheetValue | undefined) => (s === undefined || s.kind === "empty" ? "" : s.text.trim());
const TICKED = new Set(["1", "true", "yes", "ใช่", "x", "selected"]);
const UNTICKED = new Set(["0", "false", "no", "ไม่ใช่", ""]);

interface RowAnswers {
  answers: Record<string, Answer>;
  fields: Record<string, string>;
  links: Record<string, string>;
  rejected: RejectedAnswer[];
  problems: Problem[];
}

function readRow(row: Table["rows"][number], columns: (Column | undefined)[], headers: string[], source: string, modules: readonly Module[]): RowAnswers {
  const out: RowAnswers = { answers: {}, fields: {}, links: {}, rejected: [], problems: [] };
  const split = new Map<string, { question: Question; chosen: string[]; seen: boolean }>();
  const main = new Map<string, { question: Question; cell: SheetValue; col: number }>();
  columns.forEach((c, i) => {
    const cell = row.cells[i] ?? { kind: "empty" };
    if (!c) return;
    if (c.kind === "link") out.links[c.name] = text(cell);
    else if (c.kind === "field") out.fields[c.name] = text(cell);
    else if (c.kind === "question") main.set(c.question.id, { question: c.question, cell, col: i });
    else {
      const e = split.get(c.question.id) ?? { question: c.question, chosen: [], seen: false };
      const v = normalizeLabel(text(cell));
      const opt = optionsOf(c.question).find((o) => o.value === c.option);
      if (TICKED.has(v) || v === c.option || (opt?.label && [opt.label.en, opt.label.th].some((l) => normalizeLabel(l) === v))) e.chosen.push(c.option);
      else if (!UNTICKED.has(v)) {
        const reason = answerReason("NOT_ONE_OR_ZERO", { text: text(cell) });
        out.problems.push({ ...problem("INVALID_ANSWER", { question: c.question.id, option: c.option, value: text(cell), reason }, source, []), place: `${row.place}, column ${headers[i]}` });
      }
      e.seen ||= v !== "";
      split.set(c.question.id, e);
    }
  });
  /** Split columns, where the export has them, say what was chosen; one special choice stands alone. */
  const fromSplit = (chosen: string[]): AnswerValue => (chosen.length === 1 && (chosen[0] === DONT_KNOW || chosen[0] === NOT_APPLICABLE) ? chosen[0] : chosen);
  for (const [id, m] of main) {
    const place = `${row.place}, column ${headers[m.col]}`;
    let parsed: ReturnType<typeof parseSheetValue>;
    const raw = text(m.cell);
    const s = split.get(id);
    if (s?.seen) {
      parsed = s.chosen.length ? { value: fromSplit(s.chosen) } : undefined;
    } else if (m.question.type === "multiple_choice" && raw) {
      // Names mode: values separated by spaces. Labels mode: the labels, separated by ; or new lines.
      const tokens = raw.split(/\s+/);
      const values = new Set(optionsOf(m.question).map((o) => o.value).concat([DONT_KNOW, NOT_APPLICABLE]));
      const labelled = tokens.every((t) => values.has(t)) ? tokens : segmentLabels(raw, m.question);
      parsed = labelled ? parseSheetValue(m.question, { kind: "text", text: labelled.join(";") }, "both") : parseSheetValue(m.question, m.cell, "both");
    } else {
      parsed = parseSheetValue(m.question, m.cell, "both");
    }
    if (parsed && "error" in parsed) {
      const p = problem("INVALID_ANSWER", { question: id, value: raw, reason: parsed.error }, source, []);
      out.problems.push({ ...p, place });
      out.rejected.push({ question: id, place, raw, ...rejection(p) });
    } else if (parsed) {
      out.answers[id] = { value: parsed.value as AnswerValue };
      if (parsed.era === "be") out.problems.push({ ...problem("BUDDHIST_ERA_DATE", { question: id, text: parsed.written ?? raw, date: String(parsed.value) }, source, [], "warning"), place });
    }
  }
  // Split columns without a joined column (an export with "split" only).
  for (const [id, s] of split) if (!main.has(id) && s.chosen.length) out.answers[id] = { value: fromSplit(s.chosen) };
  const folded = foldStatus(out.answers, modules, source, (id) => `${row.place}, column ${headers[main.get(id)?.col ?? -1] ?? id}`);
  out.problems.push(...folded.problems);
  out.rejected.push(...folded.rejected);
  return out;
}

/**
 * Labels joined into one cell, when labels may themselves hold ";" or ",": take the longest
 * label (English, Thai or value) at the start, skip the separator, and go on.
 */
export function segmentLabels(raw: string, q: Question): string[] | undefined {
  const choices = [...optionsOf(q).map((o) => ({ value: o.value, label: o.label })), ...[DONT_KNOW, NOT_APPLICABLE].map((v) => ({ value: v, label: SPECIAL_LABELS[v as typeof DONT_KNOW] }))];
  const names = choices.flatMap((c) => [c.value, c.label?.en, c.label?.th].filter((x): x is string => !!x).map((n) => ({ n: normalizeLabel(n), value: c.value })));
  names.sort((a, b) => b.n.length - a.n.length);
  let rest = normalizeLabel(raw);
  const out: string[] = [];
  while (rest) {
    const hit = names.find((x) => rest.startsWith(x.n) && (rest.length === x.n.length || /^[\s;,]/.test(rest.slice(x.n.length))));
    if (!hit) return undefined;
    out.push(hit.value);
    rest = rest.slice(hit.n.length).replace(/^[\s;,]+/, "");
  }
  return out;
}

/** One answer set per submission, with its repeat rows as datasets. */
export function submissionsFrom(source: string, main: Table, repeat: Table | undefined, modules: readonly Module[]): ReadInput[] {
  const mainCols = resolveColumns(main.headers, modules);
  const repeatCols = repeat ? resolveColumns(repeat.headers, modules) : [];
  const repeatRows = repeat ? repeat.rows.map((r) => ({ place: r.place, read: readRow(r, repeatCols, repeat.headers, source, modules) })) : [];
  // Repeat rows belong to a submission by Kobo's _index/_parent_index or ODK's KEY/PARENT_KEY: indexed, so that the join stays linear.
  const byLink = (link: string, only: (x: (typeof repeatRows)[number]) => boolean) => {
    const m = new Map<string, typeof repeatRows>();
    for (const x of repeatRows) {
      const key = x.read.links[link];
      if (key === undefined || !only(x)) continue;
      const list = m.get(key);
      if (list) list.push(x);
      else m.set(key, [x]);
    }
    return m;
  };
  const byIndex = byLink("_parent_index", () => true);
  const byKey = byLink("PARENT_KEY", (x) => x.read.links._parent_index === undefined);
  const byKeyAll = byLink("PARENT_KEY", () => true);
  const repeatOf = (links: Record<string, string>) =>
    links._index !== undefined ? [...(byIndex.get(links._index) ?? []), ...(links.KEY !== undefined ? (byKey.get(links.KEY) ?? []) : [])] : links.KEY !== undefined ? (byKeyAll.get(links.KEY) ?? []) : [];
  const asked = [...mainCols, ...repeatCols].flatMap((c) => (c?.kind === "question" || c?.kind === "option" ? [c.question.id] : []));
  const checkVersion = formVersionCheck(main.headers, asked, modules);
  // A repeat row whose submission is not in the main table (a row deleted from it, a file cut short) would vanish: it is named.
  const linkCols = mainCols.flatMap((c, i) => (c?.kind === "link" ? [[c.name, i] as const] : []));
  const claimed = new Set(main.rows.flatMap((row) => repeatOf(Object.fromEntries(linkCols.map(([n, i]) => [n, text(row.cells[i])])))));
  const orphans = repeatRows.filter((x) => !claimed.has(x));
  const orphaned: ReadInput[] = orphans.length
    ? [{ source, problems: [{ ...problem("REPEAT_ROWS_WITHOUT_SUBMISSION", { rows: orphans.length, parent: orphans[0]!.read.links._parent_index ?? orphans[0]!.read.links.PARENT_KEY ?? "" }, source, []), place: orphans[0]!.place }] }]
    : [];
  const read = main.rows.map((row): ReadInput => {
    const here = `${source} › ${row.place}`;
    // A submission made with a form built from other modules is not scored, as a workbook built from them is not.
    const versionCol = versionColumn(main.headers);
    const version = checkVersion?.(text(row.cells[versionCol]));
    if (version && "problem" in version) return { source: here, problems: [{ ...version.problem, severity: "error", source, path: [], place: `${row.place}, column ${main.headers[versionCol]}` }] };
    const madeAt = version?.madeAt ?? {};
    const r = readRow(row, mainCols, main.headers, source, modules);
    const chosen = takeChosen(r.answers, modules);
    const problems = r.problems;
    const name = r.fields.institution_name ?? "";
    if (!name) {
      problems.push({ ...problem("INSTITUTION_NAME_MISSING", { in: "submission" }, source, []), place: row.place });
      return { source: here, problems };
    }
    const dateCell = main.headers.findIndex((_, i) => mainCols[i]?.kind === "field" && (mainCols[i] as { name: string }).name === "assessment_date");
    const date = parseSheetValue({ id: "assessment_date", type: "date", label: { en: "", th: "" }, help: { en: "", th: "" } }, dateCell >= 0 ? row.cells[dateCell]! : { kind: "empty" });
    if (!date || "error" in date) {
      problems.push({ ...problem("DATE_MISSING", { in: "submission" }, source, []), place: row.place });
      return { source: here, problems };
    }
    if (date.era === "be") problems.push({ ...problem("BUDDHIST_ERA_DATE", { question: "assessment_date", text: date.written ?? text(row.cells[dateCell]!), date: String(date.value) }, source, [], "warning"), place: `${row.place}, column ${main.headers[dateCell]}` });
    const mine = repeatOf(r.links);
    const datasets: DatasetAnswers[] = [];
    const rejected = [...r.rejected];
    for (const x of mine) {
      const dsName = x.read.fields.dataset_name || `Dataset ${datasets.length + 1}`;
      const id = idFor(dsName, datasets.map((d) => d.id));
      datasets.push({ id, name: dsName, answers: x.read.answers });
      rejected.push(...x.read.rejected.map((j) => ({ ...j, dataset: id })));
      problems.push(...x.read.problems);
    }
    // The modules chosen in the form; without that answer (a form or submission from before the question), those answered.
    const used = chosen ?? answeredModules(r.answers, datasets, modules);
    if (chosen) {
      const stray = keepChosen(r.answers, datasets, chosen, modules, source, row.place);
      problems.push(...stray.problems);
      rejected.push(...stray.rejected);
    }
    const respondent = Object.fromEntries(
      [
        ["name", r.fields.respondent_name],
        ["role", r.fields.respondent_role],
        ["email", r.fields.respondent_email],
      ].filter(([, v]) => v),
    );
    const set: AnswerSet = {
      format: ANSWERS_FORMAT,
      institution: { id: idFor(name), name, ...(r.fields.ministry ? { ministry: r.fields.ministry } : {}), ...(r.fields.department ? { department: r.fields.department } : {}) },
      ...(Object.keys(respondent).length ? { respondent } : {}),
      date: date.value as string,
      modules: Object.fromEntries(modules.filter((m) => used.has(m.id)).map((m) => [m.id, madeAt[m.id] ?? m.version])),
      answers: r.answers,
      datasets,
      ...(rejected.length ? { rejected } : {}),
    };
    // An export without the datasets repeat (Kobo's CSV, ODK's root-only CSV) loses every dataset question: say so loudly.
    if (!repeat && modules.some((m) => used.has(m.id) && m.sections.some((s) => s.scope === "dataset"))) {
      problems.push({ ...problem("EXPORT_WITHOUT_DATASETS", {}, source, []), place: row.place });
    }
    return { source: here, set, problems };
  });
  return [...read, ...orphaned];
}

/** The modules of the questions answered, and the modules they require. */
function answeredModules(answers: Record<string, Answer>, datasets: DatasetAnswers[], modules: readonly Module[]): Set<string> {
  const used = new Set<string>();
  const index = questionIndex(modules);
  for (const id of [...Object.keys(answers), ...datasets.flatMap((d) => Object.keys(d.answers))]) {
    const m = index.get(id)?.module;
    if (m) used.add(m.id);
  }
  for (const m of modules) if (used.has(m.id)) for (const req of m.requires ?? []) used.add(req);
  return used;
}
