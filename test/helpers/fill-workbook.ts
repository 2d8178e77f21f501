// Fills a template with exceljs as a respondent would: labels from the dropdowns, Yes in
// option rows, and the quirks of real returns (moved rows, Thai labels, numbers typed as
// text, formulas, rich text, hyperlinks). Used by the round-trip tests and the benchmark.
import ExcelJS from "exceljs";
import type { AnswerSet, AnswerValue } from "../../src/core/answers.js";
import { DONT_KNOW, NOT_APPLICABLE, SPECIAL_LABELS, optionsOf } from "../../src/core/model.js";
import type { Module, Question } from "../../src/core/model.js";

export interface FillOptions {
  /** Which language's labels to type: en, th, or alternate between them. */
  labels?: "en" | "th" | "mixed";
  /** Move these question rows to the bottom of their sheet (as a respondent sorting rows would). */
  moveRows?: string[];
  /** Type these number answers as text ("1,200"). */
  numbersAsText?: string[];
  /** Write these number answers as formulas with a cached result. */
  formulas?: string[];
  /** Write these text answers, and comments, as rich text. */
  richText?: string[];
  /** Write comments of these questions as hyperlinks. */
  hyperlinks?: string[];
  /** Type these date answers (or "assessment_date", the institution's) as text, day/month/Buddhist-era year ("30/06/2568"), as Thai offices write them. */
  buddhistEraText?: string[];
  /** Write these date answers (or "assessment_date") as date cells holding the Buddhist-era year (2568-06-30), as a spreadsheet does when the year is typed in B.E. */
  buddhistEraCells?: string[];
}

export async function fillWorkbook(template: Buffer, set: AnswerSet, modules: readonly Module[], options: FillOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const questions = new Map<string, Question>();
  for (const m of modules) for (const s of m.sections) for (const q of s.questions) questions.set(q.id, q);
  let flip = false;
  const lang = (): "en" | "th" => {
    if (options.labels !== "mixed") return options.labels === "th" ? "th" : "en";
    flip = !flip;
    return flip ? "th" : "en";
  };

  // Found by content, as ingest finds them: a Thai template names them หน่วยงาน and ชุดข้อมูล.
  const inst = wb.worksheets.find((ws) => ws.getColumn(1).values.includes("institution_name"))!;
  const ds = wb.worksheets.find((ws) => ws.getCell("A2").value === "dataset_name")!;
  const fields: Record<string, string | Date | undefined> = {
    institution_name: set.institution.name,
    ministry: set.institution.ministry,
    department: set.institution.department,
    institution_code: set.institution.id,
    respondent_name: set.respondent?.name,
    respondent_email: set.respondent?.email,
    assessment_date: options.buddhistEraText?.includes("assessment_date") ? beText(set.date) : new Date(`${options.buddhistEraCells?.includes("assessment_date") ? Number(set.date.slice(0, 4)) + 543 : set.date.slice(0, 4)}${set.date.slice(4)}T00:00:00Z`),
  };
  inst.eachRow((row) => {
    const key = String(row.getCell(1).value ?? "");
    const v = fields[key];
    if (v !== undefined) row.getCell(3).value = v;
  });

  const cellValue = (q: Question, v: AnswerValue): ExcelJS.CellValue => {
    if (v === DONT_KNOW || v === NOT_APPLICABLE) return SPECIAL_LABELS[v][lang()];
    if (q.type === "single_choice" || q.type === "yes_no") return optionsOf(q).find((o) => o.value === v)!.label![lang()];
    if (q.type === "number") {
      if (options.numbersAsText?.includes(q.id)) return Number(v).toLocaleString("en-US");
      if (options.formulas?.includes(q.id)) return { formula: `${Number(v)}*1`, result: Number(v) } as ExcelJS.CellFormulaValue;
      return Number(v);
    }
    if (q.type === "date" && options.buddhistEraText?.includes(q.id)) return beText(String(v));
    if (q.type === "date" && options.buddhistEraCells?.includes(q.id)) return new Date(`${Number(String(v).slice(0, 4)) + 543}${String(v).slice(4)}T00:00:00Z`);
    if (q.type === "date") return new Date(`${String(v)}T00:00:00Z`);
    if (q.type === "text" && options.richText?.includes(q.id)) {
      const s = String(v);
      return { richText: [{ text: s.slice(0, 3) }, { text: s.slice(3), font: { bold: true } }] };
    }
    return String(v);
  };
  const commentValue = (qid: string, c: string): ExcelJS.CellValue => {
    if (options.hyperlinks?.includes(qid)) return { text: c, hyperlink: "https://example.org/note" };
    if (options.richText?.includes(qid)) return { richText: [{ text: c.slice(0, 5), font: { italic: true } }, { text: c.slice(5) }] };
    return c;
  };

  // Module sheets: find each question's row by the id in column A.
  for (const ws of wb.worksheets) {
    if (ws === inst || ws === ds || ["Instructions", "คำชี้แจง", "Lists", "assess_meta"].includes(ws.name)) continue;
    const rowOf = new Map<string, number>();
    ws.eachRow((row, r) => {
      const id = String(row.getCell(1).value ?? "");
      if (id) rowOf.set(id, r);
    });
    for (const [qid, answer] of Object.entries(set.answers)) {
      const r = rowOf.get(qid);
      const q = questions.get(qid);
      if (!r || !q) continue;
      if (q.type === "multiple_choice" && Array.isArray(answer.value)) {
        for (const v of answer.value) ws.getCell(rowOf.get(`${qid}:${v}`)!, 5).value = lang() === "th" ? "ใช่" : "Yes";
      } else {
        ws.getCell(r, 5).value = cellValue(q, answer.value);
      }
      if (answer.comment) ws.getCell(r, 6).value = commentValue(qid, answer.comment);
    }
    // Move rows: copy a question's row (and option rows) to the bottom, then clear it.
    for (const qid of options.moveRows ?? []) {
      const ids = [...rowOf.keys()].filter((id) => id === qid || id.startsWith(`${qid}:`));
      for (const id of ids) {
        const from = rowOf.get(id)!;
        const to = ws.rowCount + 1;
        for (let c = 1; c <= 7; c++) {
          ws.getCell(to, c).value = ws.getCell(from, c).value;
          ws.getCell(from, c).value = null;
        }
      }
    }
  }

  // Datasets: one column each (issue 16 layout), rows found by the ids in column A.
  const rowOf = new Map<string, number>();
  ds.eachRow((row, r) => rowOf.set(String(row.getCell(1).value ?? ""), r));
  set.datasets.forEach((d, i) => {
    const c = 4 + i;
    ds.getCell(rowOf.get("dataset_name")!, c).value = d.name;
    for (const [qid, answer] of Object.entries(d.answers)) {
      const q = questions.get(qid)!;
      if (q.type === "multiple_choice" && Array.isArray(answer.value)) {
        for (const v of answer.value) ds.getCell(rowOf.get(`${qid}:${v}`)!, c).value = "Yes";
      } else {
        ds.getCell(rowOf.get(qid)!, c).value = cellValue(q, answer.value);
      }
      if (answer.comment) ds.getCell(rowOf.get(`${qid}#comment`)!, c).value = answer.comment;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 2025-06-30 as a Thai office types it: 30/06/2568. */
function beText(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${Number(y) + 543}`;
}
