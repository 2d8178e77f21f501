// The report as a workbook: summary with the heatmap as a colour scale, the data map, a
// sheet per institution, every gap and every answer in long tables for the NSO's analysis.
// Text that could be taken for a formula is neutralised by the writer (src/io/xlsx.ts).
import { DIMENSIONS } from "../core/model.js";
import type { Dimension, Lang } from "../core/model.js";
import type { AnswerRow, DimensionScore, Report } from "../core/report-model.js";
import { columnLetter, neutralizeFormula } from "../core/workbook.js";
import type { CellSpec, StreamedSheetSpec, StreamedWorkbookSpec, WorkbookSpec } from "../core/workbook.js";
import { METHOD_RULE_WORDS, dim, firewallReason, heading, num, otherMethodsText, overallText, supersededText, w } from "./words.js";

const HEAD: Partial<CellSpec> = { bold: true, fill: "DDEBF7", wrap: true };

const text = (value: string, extra: Partial<CellSpec> = {}): CellSpec => ({ value, ...extra });
const head = (value: string): CellSpec => ({ value, ...HEAD });
const n = (value: number | undefined, fmt = "0"): CellSpec => ({ value: value === undefined ? null : value, numFmt: fmt, align: "right" });

/** Excel's limit on the text of a cell (in UTF-16 code units): above it Excel repairs or refuses the file. */
export const MAX_CELL_CHARS = 32_767;

/** Text that fits in a cell, as the writer will write it: cut, with a marker saying how long it was. */
export function fitCell(value: string, L: Lang): string {
  if (neutralizeFormula(value).length <= MAX_CELL_CHARS) return value;
  const marker = ` ${w("cut", L, { n: value.length })}`;
  // One code unit is kept for the apostrophe the writer puts before text that looks like a formula.
  let end = MAX_CELL_CHARS - 1 - marker.length;
  if (/[\uD800-\uDBFF]/.test(value[end - 1]!)) end--;
  return value.slice(0, end) + marker;
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique. */
function sheetNames(names: string[], taken: Set<string>): string[] {
  return names.map((raw) => {
    const base = raw.replace(/[[\]:*?/\\']/g, " ").replace(/\s+/g, " ").trim().slice(0, 28) || "Institution";
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 26)} ${i}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** A number when there is an overall figure; otherwise text that says why the cell is empty. */
function overallCell(o: { overall?: number; overallWithout?: Dimension[] }, L: Lang): CellSpec {
  return o.overall === undefined ? text(overallText(o, L)) : n(o.overall);
}

function scoreColumns(cells: Record<string, DimensionScore>): CellSpec[] {
  return DIMENSIONS.flatMap((d) => [n(cells[d]!.score), n(cells[d]!.completeness)]);
}

/** One row of the answer table, as the Answers sheet shows it (cut to fit a cell). */
export function answerCells(a: AnswerRow, L: Lang): CellSpec[] {
  return [a.institutionName, a.datasetName, a.module, a.question, a.label, a.value, a.answer, a.comment, a.status].map((v) => text(fitCell(v, L)));
}

type Row = (CellSpec | undefined)[];

/** Rows made each time they are read, never kept. */
function rowsOf(make: () => Iterable<Row>): Iterable<Row> {
  return { [Symbol.iterator]: () => make()[Symbol.iterator]() };
}

/** The report as a workbook, every sheet's rows in memory: for the in-memory writer (src/io/xlsx.ts). */
export function buildReportWorkbook(r: Report): WorkbookSpec {
  const spec = reportWorkbook(r, false);
  return { ...spec, sheets: spec.sheets.map((s) => ({ ...s, rows: [...s.rows] })) };
}

/**
 * `pages`: the institutions' sections are pages of their own (a report of thousands): no
 * sheet per institution, and the Answers sheet has its header only, its rows written by
 * the caller as they are read (answerCells). The long tables (heatmap, data map, sharing)
 * are made row by row as the streaming writer takes them.
 */
export function reportWorkbook(r: Report, pages: boolean): StreamedWorkbookSpec {
  const L = r.lang;
  const dimHeads = DIMENSIONS.flatMap((d) => [head(dim(d, L)), head(`${dim(d, L)}: ${w("completeness", L)} %`)]);
  const sheets: StreamedSheetSpec[] = [];

  // Summary: key figures, national scores, and the institution heatmap as a colour scale.
  const top: Row[] = [
    [text(r.title, { bold: true, size: 14 })],
    [text(w("generated", L, { date: r.date }), { italic: true })],
  ];
  if (r.fictional) top.push([text(w("fictional", L), { italic: true, color: "9C5700" })]);
  const older = otherMethodsText(r, L);
  if (older) top.push([text(older, { italic: true, color: "9C5700" })]);
  const twice = supersededText(r, L);
  if (twice) top.push([text(twice, { italic: true, color: "9C5700", wrap: true })]);
  top.push([]);
  top.push([text(w("institutionsAssessed", L)), n(r.summary.institutions)]);
  top.push([text(w("datasetsReported", L)), n(r.summary.datasets)]);
  top.push([text(w("criticalGaps", L)), n(r.summary.criticalGaps)]);
  top.push([text(w("weakestThemes", L)), text(r.summary.weakestModules.map((t) => `${t.title} (${num(t.score)})`).join("; "))]);
  top.push([]);
  top.push([head(w("national", L)), ...dimHeads, head(w("overall", L))]);
  top.push([text(""), ...scoreColumns(r.summary.national), overallCell(r.summary, L)]);
  top.push([]);
  const heatStart = top.length + 1;
  const heatEnd = heatStart + r.heatmap.institutions.length;
  const themeStart = heatEnd + 2;
  const themeEnd = themeStart + r.heatmap.modules.length;
  const summary = function* (): Generator<Row> {
    yield* top;
    yield [head(w("institution", L)), ...dimHeads, head(w("overall", L))];
    for (const i of r.heatmap.institutions) yield [text(i.name), ...scoreColumns(i.cells), overallCell(i, L)];
    yield [];
    yield [head(w("theme", L)), ...dimHeads, head("n")];
    for (const t of r.heatmap.modules) yield [text(t.title), ...scoreColumns(t.cells), n(t.institutions)];
  };
  // The colour scale runs over the score columns only (B, D, F), not completeness.
  const scoreCols = DIMENSIONS.map((_, k) => columnLetter(2 + 2 * k));
  const nationalRow = heatStart - 2;
  const colorScales = [
    ...scoreCols.map((c) => `${c}${nationalRow}:${c}${nationalRow}`),
    ...scoreCols.map((c) => `${c}${heatStart + 1}:${c}${heatEnd}`),
    ...scoreCols.map((c) => `${c}${themeStart + 1}:${c}${themeEnd}`),
    `H${heatStart + 1}:H${heatEnd}`,
  ];
  sheets.push({ name: "Summary", columns: [{ width: 48 }, ...Array(7).fill({ width: 14 })], rows: rowsOf(summary), colorScales, freeze: { rows: 0, columns: 1 } });

  // Data map and coverage.
  const dataMap = function* (): Generator<Row> {
    yield [head(w("institution", L)), head(w("dataset", L)), ...r.dataMap.columns.map((c) => head(heading(c, L))), ...r.dataMap.variables.map((v) => head(v.label))];
    for (const row of r.dataMap.rows) {
      yield [text(row.institutionName), text(row.datasetName), ...r.dataMap.columns.map((c) => text(row.fields[c.id] ?? "—", { wrap: true })), ...r.dataMap.variables.map((v) => text(w(row.coverage[v.id] ?? "unknown", L), { align: "center" }))];
    }
  };
  sheets.push({ name: "Data map", columns: [{ width: 32 }, { width: 28 }, ...r.dataMap.columns.map(() => ({ width: 26 })), ...r.dataMap.variables.map(() => ({ width: 12 }))], rows: rowsOf(dataMap), freeze: { rows: 1, columns: 2 }, autoFilter: `A1:${columnLetter(2 + r.dataMap.columns.length + r.dataMap.variables.length)}1` });

  // Cross-cutting findings.
  const crossCutting = function* (): Generator<Row> {
    yield [head(w("commonGaps", L))];
    yield [head(w("question", L)), head(w("dimension", L)), head(w("institutionsWithGap", L)), head(w("criticalGaps", L)), head(w("meanGap", L)), head(w("recommendation", L))];
    for (const g of r.crossCutting.commonGaps) yield [text(g.label, { wrap: true }), text(dim(g.dimension, L)), n(g.institutions), n(g.critical), n(g.meanGap), text(g.recommendation ?? "", { wrap: true })];
    yield* [[], [head(w("sharing", L))], [head(w("institution", L)), head(w("partners", L))]];
    for (const x of r.crossCutting.sharing) yield [text(x.name), text(x.partners.map((p) => `${p.label} (${p.datasets})`).join("; ") || w("notShared", L), { wrap: true })];
    yield* [[], [head(w("firewall", L))], [head(w("institution", L)), head(w("reasons", L))]];
    for (const f of r.crossCutting.firewallMissing) yield [text(f.name), text(f.reasons.map((x) => firewallReason(x, L)).join("; "), { wrap: true })];
  };
  sheets.push({ name: "Cross-cutting", columns: [{ width: 50 }, { width: 40 }, { width: 14 }, { width: 12 }, { width: 12 }, { width: 60 }], rows: rowsOf(crossCutting) });

  // One sheet per institution.
  const taken = new Set(["summary", "data map", "cross-cutting", "gaps", "answers", "methodology"]);
  const names = sheetNames(
    (pages ? [] : r.institutions).map((i) => i.name),
    taken,
  );
  (pages ? [] : r.institutions).forEach((i, k) => {
    const rows: (CellSpec | undefined)[][] = [[text(i.name, { bold: true, size: 13 })], [text([i.ministry, i.department].filter(Boolean).join(" · "), { italic: true })]];
    if (i.respondent) rows.push([text(w("respondent", L)), text([i.respondent.name, i.respondent.role, i.respondent.email, i.respondent.phone].filter(Boolean).join(", "))]);
    rows.push([text(w("datasets", L)), text(i.datasets.join("; "))]);
    rows.push([text(w("completeness", L)), n(i.completeness)], [text(w("dontKnowRate", L)), n(i.dontKnowRate)], []);
    const start = rows.length + 1;
    rows.push([head(w("module", L)), ...dimHeads]);
    for (const m of i.byModule) rows.push([text(m.title), ...scoreColumns(m.cells)]);
    rows.push([text(`${w("overall", L)}: ${overallText(i, L)}`, { bold: true }), ...scoreColumns(i.cells)]);
    const end = rows.length;
    rows.push([], [head("#"), head(w("question", L)), head(w("dimension", L)), head(w("gap", L)), head(w("critical", L)), head(w("recommendation", L))]);
    i.gaps.forEach((g, x) => rows.push([n(x + 1), text(`${g.label}${g.datasets.length ? ` (${g.datasets.join(", ")})` : ""}`, { wrap: true }), text(dim(g.dimension, L)), n(g.gap), text(g.critical ? w("critical", L) : ""), text(g.recommendation ?? "", { wrap: true })]));
    sheets.push({
      name: names[k]!,
      columns: [{ width: 40 }, { width: 50 }, { width: 14 }, { width: 10 }, { width: 12 }, { width: 60 }, { width: 12 }],
      rows,
      colorScales: scoreCols.map((c) => `${c}${start + 1}:${c}${end}`),
    });
  });

  // Every answer, one row each.
  const ans: CellSpec[][] = [["institution", "dataset", "module", "question", "label", "value", "answer", "comment", "status"].map(head)];
  for (const a of r.answers) ans.push(answerCells(a, L));
  sheets.push({ name: "Answers", columns: [{ width: 32 }, { width: 24 }, { width: 18 }, { width: 30 }, { width: 50 }, { width: 24 }, { width: 40 }, { width: 40 }, { width: 10 }], rows: ans, freeze: { rows: 1, columns: 0 }, autoFilter: "A1:I1" });

  const meth: CellSpec[][] = [
    [head(w("methodology", L))],
    [text(`${w("methodVersion", L)}: ${r.method}`)],
    [text(w("weights", L))],
    [text(`${w("levels", L)}: ${r.methodology.levels.join("; ")}`, { wrap: true })],
    [text(`${w("bands", L)}: ${r.methodology.bands.join("; ")}`, { wrap: true })],
    ...r.methodology.rules.map((x) => [text(METHOD_RULE_WORDS[x][L], { wrap: true })]),
    [],
    [head(w("module", L)), head("id"), head("version")],
    ...r.modules.map((m) => [text(m.title), text(m.id), text(m.version)]),
  ];
  sheets.push({ name: "Methodology", columns: [{ width: 90 }, { width: 22 }, { width: 10 }], rows: meth });
  // Any text may be an answer or a comment of any length: every cell is fitted, in one place, as its row is made.
  return { title: r.title, date: new Date(`${r.date}T00:00:00Z`), sheets: sheets.map((s) => ({ ...s, rows: fitted(s.rows, L) })) };
}

function fitted(rows: Iterable<Row>, L: Lang): Iterable<Row> {
  return rowsOf(function* () {
    for (const row of rows) {
      for (const cell of row) if (typeof cell?.value === "string") cell.value = fitCell(cell.value, L);
      yield row;
    }
  });
}
