// The action plan `assess report` writes beside the report: one row per recommendation the
// report makes, with columns the institution fills in (responsible unit, target date, status,
// note). Protected like the questionnaire (src/io/template.ts): only those cells change, with no
// password so nobody is locked out; the hidden id in column A lets `assess compare` read each
// row back wherever it was moved.
import type { Lang, Text } from "../core/model.js";
import type { InstitutionSection, Report } from "../core/report-model.js";
import { ACTION_COLUMNS, ACTION_HEADER_ROW, ACTION_META_SHEET, ACTION_PLAN_FORMAT, ACTION_SHEET, ACTION_STATUSES, ACTION_STATUS_LABELS, actionId } from "../core/compare-action-plan.js";
import { columnLetter } from "../core/workbook.js";
import type { CellSpec, WorkbookSpec } from "../core/workbook.js";
import { dim, w } from "./words.js";
import { fitCell } from "./xlsx.js";

/** The fill of the cells to fill in, as in the questionnaire. */
const EDIT_FILL = "FFF9DB";
const HEAD: Partial<CellSpec> = { bold: true, fill: "DDEBF7", wrap: true };

const WORDS = {
  title: { en: "Action plan", th: "แผนปฏิบัติการ" },
  intro: {
    en: "One row per recommendation of the report. Fill in the yellow columns: the unit responsible, a target date (YYYY-MM-DD), the status and a note. Rows may be sorted or moved; keep each row whole. The next round's assess compare --action-plan reads this file back.",
    th: "หนึ่งแถวต่อข้อเสนอแนะหนึ่งข้อของรายงาน กรอกคอลัมน์สีเหลือง: หน่วยงานที่รับผิดชอบ วันที่เป้าหมาย (ปปปป-ดด-วว ค.ศ.) สถานะ และหมายเหตุ จัดเรียงหรือย้ายแถวได้ แต่ให้ย้ายทั้งแถว การประเมินรอบถัดไปจะอ่านไฟล์นี้ด้วย assess compare --action-plan",
  },
  priority: { en: "Priority", th: "ลำดับความสำคัญ" },
  responsible: { en: "Responsible unit", th: "หน่วยงานที่รับผิดชอบ" },
  target: { en: "Target date", th: "วันที่เป้าหมาย" },
  status: { en: "Status", th: "สถานะ" },
  note: { en: "Note", th: "หมายเหตุ" },
  pickStatus: { en: "Choose a status from the list.", th: "เลือกสถานะจากรายการ" },
  dateHint: { en: "A date, e.g. 2027-06-30.", th: "วันที่ เช่น 2027-06-30" },
  essential: { en: "essential", th: "จำเป็น" },
  important: { en: "important", th: "สำคัญ" },
  useful: { en: "useful", th: "มีประโยชน์" },
} satisfies Record<string, Text>;

const t = (key: keyof typeof WORDS, L: Lang) => WORDS[key][L];

export function buildActionPlanWorkbook(r: Report): WorkbookSpec {
  const spec = actionPlanSheets(r);
  const rows = spec.sheets[0]!.rows;
  for (const i of r.institutions) rows.push(...institutionActions(r, i, rows.length + 1, false));
  return spec;
}

/**
 * The rows of the sections as they are read (a report of thousands: report-formats.ts), below
 * the three of title and header. Their date checks are one validation over the column, its
 * formula on the first row: Excel reads it relative to each cell, as it does one a row.
 */
export async function* actionPlanRows(r: Report, sections: AsyncIterable<InstitutionSection>): AsyncGenerator<(CellSpec | undefined)[]> {
  let next = ACTION_HEADER_ROW + 1;
  for await (const i of sections) {
    const rows = institutionActions(r, i, next, true);
    next += rows.length;
    yield* rows;
  }
}

/** The action plan's sheets, its recommendations not yet in: their rows come from actionPlanRows, one at a time for thousands. */
export function actionPlanSheets(r: Report): WorkbookSpec {
  const L = r.lang;
  const labels = ACTION_STATUSES.map((s) => ACTION_STATUS_LABELS[s][L]);
  const C = ACTION_COLUMNS;
  const header: [number, string][] = [
    [C.id, "id"],
    [C.institution, w("institution", L)],
    [C.module, w("module", L)],
    [C.question, w("question", L)],
    [C.dimension, w("dimension", L)],
    [C.gap, w("gap", L)],
    [C.priority, t("priority", L)],
    [C.critical, w("critical", L)],
    [C.recommendation, w("recommendation", L)],
    [C.responsible, t("responsible", L)],
    [C.target, t("target", L)],
    [C.status, t("status", L)],
    [C.note, t("note", L)],
  ];
  const intro = r.fictional ? `${t("intro", L)} ${w("fictional", L)}` : t("intro", L);
  const rows: (CellSpec | undefined)[][] = [[undefined, { value: `${r.title}: ${t("title", L)}`, bold: true, size: 14 }], [undefined, { value: intro, italic: true }]];
  rows.push(header.map(([, v]) => ({ value: v, ...HEAD })));
  fitRows(rows, L);
  return {
    title: `${r.title}: ${t("title", L)}`,
    date: new Date(`${r.date}T00:00:00Z`),
    sheets: [
      {
        name: ACTION_SHEET,
        columns: [{ width: 30, hidden: true }, { width: 30 }, { width: 20 }, { width: 50 }, { width: 12 }, { width: 8 }, { width: 12 }, { width: 10 }, { width: 60 }, { width: 24 }, { width: 14 }, { width: 16 }, { width: 40 }],
        rows,
        freeze: { rows: ACTION_HEADER_ROW, columns: 0 },
        protect: true,
        landscape: true,
      },
      {
        name: ACTION_META_SHEET,
        state: "veryHidden",
        rows: [[{ value: "format" }, { value: ACTION_PLAN_FORMAT }], [{ value: "date" }, { value: r.date }], ...labels.map((l) => [{ value: l }])],
      },
    ],
  };
}

/** One row per recommendation of an institution, the first of them in sheet row `first`; `columnCheck`: the date check as actionPlanRows makes it. */
function institutionActions(r: Report, i: InstitutionSection, first: number, columnCheck: boolean): (CellSpec | undefined)[][] {
  const L = r.lang;
  const labels = ACTION_STATUSES.map((s) => ACTION_STATUS_LABELS[s][L]);
  const statusList = `${ACTION_META_SHEET}!$A$3:$A$${2 + labels.length}`;
  const C = ACTION_COLUMNS;
  const rows = i.gaps.map((g, k): (CellSpec | undefined)[] => {
    const row = columnCheck ? ACTION_HEADER_ROW + 1 : first + k;
    const moduleTitle = i.byModule.find((m) => m.module === g.module)?.title ?? g.module;
    return [
      { value: actionId(i.id, g.question) },
      { value: i.name, wrap: true },
      { value: moduleTitle, wrap: true },
      { value: `${g.label}${g.datasets.length ? ` (${g.datasets.join(", ")})` : ""}`, wrap: true },
      { value: dim(g.dimension, L) },
      { value: g.gap, numFmt: "0.00", align: "right" },
      { value: g.priority in WORDS ? t(g.priority as "essential", L) : g.priority },
      { value: g.critical ? w("critical", L) : "", bold: g.critical, color: g.critical ? "B00020" : undefined },
      { value: g.recommendation ?? "", wrap: true },
      { value: null, unlocked: true, fill: EDIT_FILL, wrap: true },
      { value: null, unlocked: true, fill: EDIT_FILL, numFmt: "yyyy-mm-dd", validation: { custom: `OR(ISBLANK(${columnLetter(C.target)}${row}),ISNUMBER(${columnLetter(C.target)}${row}))`, prompt: { title: t("target", L), text: t("dateHint", L) }, error: { title: t("target", L), text: t("dateHint", L) } } },
      { value: labels[0]!, unlocked: true, fill: EDIT_FILL, validation: { list: statusList, prompt: { title: t("status", L), text: t("pickStatus", L) }, error: { title: t("status", L), text: t("pickStatus", L), stop: true } } },
      { value: null, unlocked: true, fill: EDIT_FILL, wrap: true },
    ];
  });
  fitRows(rows, L);
  return rows;
}

function fitRows(rows: (CellSpec | undefined)[][], L: Lang): void {
  for (const row of rows) for (const cell of row) if (typeof cell?.value === "string") cell.value = fitCell(cell.value, L);
}
