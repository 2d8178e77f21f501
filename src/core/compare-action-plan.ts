// The action plan as data: the workbook `assess report` writes (one row per recommendation,
// with columns a person fills in), and what is read back from it for `assess compare`.
// Rows are found by the hidden id in column A, never by position: a moved or sorted row still counts.
import type { Lang, Text } from "./model.js";
import type { CodedProblem } from "./problems.js";
import { coded } from "./problems.js";
import { cellPlace } from "./workbook.js";
import type { ReadBook, ReadSheet } from "./workbook.js";

export const ACTION_PLAN_FORMAT = "assess-action-plan/1";
export const ACTION_PLAN_FILE = "action-plan.xlsx";
export const ACTION_SHEET = "Action plan";
/** The hidden sheet: the plan's format and the status list the dropdown offers. */
export const ACTION_META_SHEET = "assess_action_plan";
/** The header row; rows below it are recommendations. */
export const ACTION_HEADER_ROW = 3;

export const ACTION_STATUSES = ["not_started", "in_progress", "done", "not_planned"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, Text> = {
  not_started: { en: "Not started", th: "ยังไม่เริ่ม" },
  in_progress: { en: "In progress", th: "กำลังดำเนินการ" },
  done: { en: "Done", th: "ดำเนินการแล้ว" },
  not_planned: { en: "Not planned", th: "ไม่มีแผนดำเนินการ" },
};

/** Columns of the action plan sheet, 1-based: the fixed part, then the ones a person edits. */
export const ACTION_COLUMNS = {
  id: 1,
  institution: 2,
  module: 3,
  question: 4,
  dimension: 5,
  gap: 6,
  priority: 7,
  critical: 8,
  recommendation: 9,
  responsible: 10,
  target: 11,
  status: 12,
  note: 13,
} as const;

/** The hidden id of a row: the institution and the question of its gap. */
export function actionId(institution: string, question: string): string {
  return `${institution}|${question}`;
}

export interface ActionRow {
  id: string;
  institution: string;
  question: string;
  status?: ActionStatus;
  responsible?: string;
  target?: string;
  note?: string;
  place: string;
}

export type PlacedProblem = CodedProblem & { place: string };

/** A status as written: its value, or its label in English or Thai, case and spaces aside. */
export function parseStatus(text: string): ActionStatus | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  for (const s of ACTION_STATUSES) {
    if (t === s || t === s.replace("_", " ") || t === ACTION_STATUS_LABELS[s].en.toLowerCase() || t === ACTION_STATUS_LABELS[s].th) return s;
  }
  return undefined;
}

function cellText(sheet: ReadSheet, row: number, column: number): string {
  const v = sheet.cell(row, column);
  return v.kind === "empty" ? "" : v.text.trim();
}

/** A target date as YYYY-MM-DD: a date cell, or text written so (or dd/mm/yyyy). */
function parseTarget(sheet: ReadSheet, row: number): { value?: string; bad?: string } {
  const v = sheet.cell(row, ACTION_COLUMNS.target);
  if (v.kind === "empty") return {};
  if (v.kind === "date") return { value: v.value.slice(0, 10) };
  const t = v.text.trim();
  if (t === "") return {};
  if (/^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(`${t}T00:00:00Z`))) return { value: t };
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) {
    const iso = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
    if (!Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) return { value: iso };
  }
  return { bad: t };
}

/**
 * The rows of a returned action plan, or undefined when the workbook is not one. Every cell a
 * person wrote that is not used (a row without its id, an id twice, a status or date that
 * cannot be read) comes back as a problem with its cell.
 */
export function readActionPlan(book: ReadBook, lang: Lang): { rows: ActionRow[]; problems: PlacedProblem[] } | undefined {
  const meta = book.sheet(ACTION_META_SHEET);
  const sheet = book.sheet(ACTION_SHEET) ?? book.sheetNames.map((n) => book.sheet(n)!).find((s) => cellText(s, ACTION_HEADER_ROW, ACTION_COLUMNS.id) === "id");
  if (!meta || cellText(meta, 1, 2) !== ACTION_PLAN_FORMAT || !sheet) return undefined;
  const rows: ActionRow[] = [];
  const problems: PlacedProblem[] = [];
  const seen = new Map<string, string>();
  const at = (row: number, column: number) => cellPlace(sheet.name, row, column);
  for (const r of sheet.rowNumbers()) {
    if (r <= ACTION_HEADER_ROW) continue;
    const id = cellText(sheet, r, ACTION_COLUMNS.id);
    const edits = ([ACTION_COLUMNS.responsible, ACTION_COLUMNS.target, ACTION_COLUMNS.status, ACTION_COLUMNS.note] as const).some((c) => cellText(sheet, r, c) !== "");
    if (id === "") {
      if (edits) problems.push({ ...coded("ACTION_ID_MISSING", {}), place: at(r, ACTION_COLUMNS.id) });
      continue;
    }
    const bar = id.indexOf("|");
    if (bar <= 0) {
      problems.push({ ...coded("ACTION_UNKNOWN_ID", { id }), place: at(r, ACTION_COLUMNS.id) });
      continue;
    }
    const first = seen.get(id);
    if (first) {
      problems.push({ ...coded("ACTION_DUPLICATE_ID", { id, first }), place: at(r, ACTION_COLUMNS.id) });
      continue;
    }
    seen.set(id, at(r, ACTION_COLUMNS.id));
    const row: ActionRow = { id, institution: id.slice(0, bar), question: id.slice(bar + 1), place: at(r, ACTION_COLUMNS.id) };
    const statusText = cellText(sheet, r, ACTION_COLUMNS.status);
    if (statusText) {
      const s = parseStatus(statusText);
      if (s) row.status = s;
      else problems.push({ ...coded("ACTION_STATUS_INVALID", { value: statusText, allowed: ACTION_STATUSES.map((x) => ACTION_STATUS_LABELS[x][lang]) }), place: at(r, ACTION_COLUMNS.status) });
    }
    const target = parseTarget(sheet, r);
    if (target.value) row.target = target.value;
    if (target.bad) problems.push({ ...coded("ACTION_DATE_INVALID", { value: target.bad }), place: at(r, ACTION_COLUMNS.target) });
    const responsible = cellText(sheet, r, ACTION_COLUMNS.responsible);
    if (responsible) row.responsible = responsible;
    const note = cellText(sheet, r, ACTION_COLUMNS.note);
    if (note) row.note = note;
    rows.push(row);
  }
  return { rows, problems };
}
