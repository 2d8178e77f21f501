// Writes answer sets as KoboToolbox and ODK Central would export submissions of our XLSForm,
// following their documented export formats (fictional data):
// - Kobo XLSX, "XML values and headers", groups in headers joined by "/", select_multiple
//   as one space-separated column plus split "question/option" 1/0 columns, metadata columns
//   (_id, _uuid, _submission_time, __version__, _index), the repeat on its own sheet with
//   _parent_index; Kobo XLSX with labels (English or Thai) in headers and values;
// - Kobo CSV: the main table only, ";"-separated;
// - ODK Central CSV: groups joined by "-", select_multiple space-separated, meta-instanceID
//   and KEY, the repeat in "<form>-datasets.csv" joined by PARENT_KEY.
// The form's own questions are there as the form has them: the area modules chosen (from the
// answer file's modules) and, before each number or date, its status (answer, don't know,
// not applicable). `before: true` leaves them out, as a form written before them exported.
import ExcelJS from "exceljs";
import type { AnswerSet, AnswerValue } from "../../src/core/answers.js";
import { DONT_KNOW, NOT_APPLICABLE, SPECIAL_LABELS, optionsOf } from "../../src/core/model.js";
import type { Question } from "../../src/core/model.js";
import type { Questionnaire } from "../../src/core/questionnaire.js";
import { DATASET_NAME, PROFILE_FIELDS, PROFILE_GROUP } from "../../src/core/xlsform.js";
import { GENERAL_MODULE, MODULES_QUESTION, NO_AREA_MODULE, WILL_ANSWER, modulesQuestion, statusQuestion } from "../../src/core/form-questions.js";

type Mode = { sep: "/" | "-"; labels?: "en" | "th"; split: boolean; before?: boolean };

interface Col {
  header: string;
  value: (set: AnswerSet, ds?: AnswerSet["datasets"][number]) => string | number;
}

/** What a submission holds for a question; numbers and dates cannot hold don't know in a form. */
function cell(q: Question, v: AnswerValue | undefined, mode: Mode): string | number {
  if (v === undefined) return "";
  const label = (x: string) => (mode.labels ? (x === DONT_KNOW || x === NOT_APPLICABLE ? SPECIAL_LABELS[x][mode.labels] : (optionsOf(q).find((o) => o.value === x)?.label?.[mode.labels] ?? x)) : x);
  if (q.type === "number") return typeof v === "number" ? v : "";
  if (q.type === "date") return typeof v === "string" && /^\d{4}-/.test(v) ? v : "";
  if (q.type === "multiple_choice") return (Array.isArray(v) ? v : [String(v)]).map(label).join(mode.labels ? ";" : " ");
  if (q.type === "text") return String(v);
  return label(String(v));
}

function columns(q: Questionnaire, mode: Mode, scope: "institution" | "dataset"): Col[] {
  const cols: Col[] = [];
  const head = (path: string[], qq?: Question) => (mode.labels && qq ? qq.label[mode.labels] : path.join(mode.sep));
  for (const p of q.questions) {
    if (p.section.scope !== scope) continue;
    const x = p.question;
    const path = scope === "dataset" ? ["datasets", p.section.id, x.id] : [p.module.id, p.section.id, x.id];
    const get = (set: AnswerSet, ds?: AnswerSet["datasets"][number]) => (ds ? ds.answers : set.answers)[x.id]?.value;
    const status = mode.before ? undefined : statusQuestion(x);
    if (status) {
      const said = (v: AnswerValue | undefined) => (v === undefined ? undefined : v === DONT_KNOW || v === NOT_APPLICABLE ? v : WILL_ANSWER);
      cols.push({ header: head([...path.slice(0, -1), status.id], status), value: (set, ds) => cell(status, said(get(set, ds)), mode) });
    }
    cols.push({ header: head(path, x), value: (set, ds) => cell(x, get(set, ds), mode) });
    if (x.type === "multiple_choice" && mode.split) cols.push(...splitColumns(x, path, mode, get));
  }
  return cols;
}

/** Split select_multiple columns, "question/option" holding 1 or 0. */
function splitColumns(x: Question, path: string[], mode: Mode, get: (set: AnswerSet, ds?: AnswerSet["datasets"][number]) => AnswerValue | undefined): Col[] {
  const specials = x.id === MODULES_QUESTION ? [] : [DONT_KNOW, NOT_APPLICABLE];
  return [...optionsOf(x).map((o) => o.value), ...specials].map((o) => {
    const opt = optionsOf(x).find((y) => y.value === o);
    const optLabel = mode.labels ? (opt?.label?.[mode.labels] ?? SPECIAL_LABELS[o as typeof DONT_KNOW].en) : o;
    return {
      header: mode.labels ? `${x.label[mode.labels]}/${optLabel}` : [...path, o].join("/"),
      value: (set, ds) => {
        const v = get(set, ds);
        if (v === undefined) return "";
        const chosen = Array.isArray(v) ? v : [String(v)];
        return chosen.includes(o) ? 1 : 0;
      },
    };
  });
}

/** The modules question: the answer file's area modules, or "none". */
function modulesColumns(q: Questionnaire, mode: Mode): Col[] {
  const mq = modulesQuestion(q.modules);
  if (!mq || mode.before) return [];
  const get = (set: AnswerSet) => {
    const areas = Object.keys(set.modules).filter((m) => m !== GENERAL_MODULE);
    return areas.length ? areas : [NO_AREA_MODULE];
  };
  return [{ header: mode.labels ? mq.label[mode.labels] : MODULES_QUESTION, value: (set) => cell(mq, get(set), mode) }, ...(mode.split ? splitColumns(mq, [MODULES_QUESTION], mode, get) : [])];
}

function profile(mode: Mode): Col[] {
  const value: Record<string, (s: AnswerSet) => string> = {
    institution_name: (s) => s.institution.name,
    ministry: (s) => s.institution.ministry ?? "",
    department: (s) => s.institution.department ?? "",
    respondent_name: (s) => s.respondent?.name ?? "",
    respondent_role: (s) => s.respondent?.role ?? "",
    respondent_email: (s) => s.respondent?.email ?? "",
    assessment_date: (s) => s.date,
  };
  return PROFILE_FIELDS.map((f) => ({ header: mode.labels ? f.label[mode.labels] : [PROFILE_GROUP, f.name].join(mode.sep), value: (s) => value[f.name]!(s) }));
}

export interface Exported {
  main: { headers: string[]; rows: (string | number)[][] };
  repeat: { headers: string[]; rows: (string | number)[][] };
}

export function exportTables(q: Questionnaire, sets: AnswerSet[], mode: Mode, flavour: "kobo" | "odk"): Exported {
  const main = [...profile(mode), ...modulesColumns(q, mode), ...columns(q, mode, "institution")];
  const rep = [{ header: mode.labels ? (mode.labels === "en" ? "Name of the dataset" : "ชื่อชุดข้อมูล") : ["datasets", DATASET_NAME].join(mode.sep), value: (_s: AnswerSet, d?: AnswerSet["datasets"][number]) => d!.name } as Col, ...columns(q, mode, "dataset")];
  const uuid = (i: number) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`;
  if (flavour === "kobo") {
    const mainRows = sets.map((s, i) => ["2026-11-20T08:00:00.000+07:00", "2026-11-20T09:30:00.000+07:00", ...main.map((c) => c.value(s)), 1000 + i, uuid(i), "2026-11-20T02:31:00", "vXyZ123", i + 1]);
    const repRows: (string | number)[][] = [];
    sets.forEach((s, i) => s.datasets.forEach((d) => repRows.push([...rep.map((c) => c.value(s, d)), repRows.length + 1, "main", i + 1, 1000 + i, uuid(i)])));
    return {
      main: { headers: ["start", "end", ...main.map((c) => c.header), "_id", "_uuid", "_submission_time", "__version__", "_index"], rows: mainRows },
      repeat: { headers: [...rep.map((c) => c.header), "_index", "_parent_table_name", "_parent_index", "_submission__id", "_submission__uuid"], rows: repRows },
    };
  }
  const key = (i: number) => `uuid:${uuid(i)}`;
  const mainRows = sets.map((s, i) => ["2026-11-20T02:31:00.000Z", "2026-11-20T08:00:00.000+07:00", "2026-11-20T09:30:00.000+07:00", ...main.map((c) => c.value(s)), key(i), key(i), "42", "Field team", "Received"]);
  const repRows: (string | number)[][] = [];
  sets.forEach((s, i) => s.datasets.forEach((d, k) => repRows.push([...rep.map((c) => c.value(s, d)), key(i), `${key(i)}/datasets[${k + 1}]`])));
  return {
    main: { headers: ["SubmissionDate", "start", "end", ...main.map((c) => c.header), "meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "ReviewState"], rows: mainRows },
    repeat: { headers: [...rep.map((c) => c.header), "PARENT_KEY", "KEY"], rows: repRows },
  };
}

export async function koboXlsx(e: Exported): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const main = wb.addWorksheet("Assessment of data on migrant");
  main.addRow(e.main.headers);
  for (const r of e.main.rows) main.addRow(r);
  const rep = wb.addWorksheet("datasets");
  rep.addRow(e.repeat.headers);
  for (const r of e.repeat.rows) rep.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function csv(headers: string[], rows: (string | number)[][], sep: "," | ";"): string {
  const q = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  return [headers, ...rows].map((r) => r.map(q).join(sep)).join("\r\n") + "\r\n";
}
