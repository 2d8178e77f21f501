// The comparison as a workbook: a summary with the change heatmap, one long table per
// institution's question changes, one-round institutions and non-comparable questions.
// Text that could be taken for a formula is neutralised by the writer (src/io/xlsx.ts).
import { DIMENSIONS } from "../core/model.js";
import type { Lang } from "../core/model.js";
import { pairName } from "../core/compare.js";
import type { Comparison, FigureChange, NationalFigures } from "../core/compare-model.js";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../core/workbook.js";
import { dim, w } from "./words.js";
import { fitCell } from "./xlsx.js";
import { CHANGE_COLOURS, CHANGE_TEXT, cw, flagText, matchText, methodMixedText, outcomeText, reasonText, statusText } from "./compare-words.js";

const HEAD: Partial<CellSpec> = { bold: true, fill: "DDEBF7", wrap: true };
const text = (value: string, extra: Partial<CellSpec> = {}): CellSpec => ({ value, ...extra });
const head = (value: string): CellSpec => ({ value, ...HEAD });
const n = (value: number | undefined, fmt = "0.00"): CellSpec => ({ value: value === undefined ? null : value, numFmt: fmt, align: "right" });
/** A change cell, filled with its band's colour like the HTML heatmap. */
const chg = (f: FigureChange): CellSpec => ({ ...n(f.change, "+0.00;-0.00;0.00"), fill: CHANGE_COLOURS[f.band], color: CHANGE_TEXT[f.band], bold: true });
const three = (f: FigureChange): CellSpec[] => [n(f.baseline.score), n(f.followup.score), chg(f)];

function figureHeads(L: Lang, label: string): CellSpec[] {
  return [head(`${label}: ${cw("baseline", L)}`), head(`${label}: ${cw("followup", L)}`), head(`${label}: ${cw("change", L)}`)];
}

function nationalRows(title: string, x: NationalFigures, L: Lang): CellSpec[][] {
  const rows: CellSpec[][] = [[head(title), head(cw("baseline", L)), head(cw("followup", L)), head(cw("change", L)), head(`${w("completenessTitle", L)}: ${cw("baseline", L)}`), head(`${w("completenessTitle", L)}: ${cw("followup", L)}`)]];
  for (const d of DIMENSIONS) rows.push([text(dim(d, L)), ...three(x.cells[d]), n(x.cells[d].baseline.completeness), n(x.cells[d].followup.completeness)]);
  rows.push([text(w("overall", L)), ...three(x.overall), n(x.overall.baseline.completeness), n(x.overall.followup.completeness)]);
  return rows;
}

export function buildCompareWorkbook(c: Comparison): WorkbookSpec {
  const L = c.lang;
  const sheets: SheetSpec[] = [];
  const sum: CellSpec[][] = [[text(c.title, { bold: true, size: 14 })], [text(w("generated", L, { date: c.date }), { italic: true })]];
  if (c.fictional) sum.push([text(w("fictional", L), { italic: true, color: "9C5700" })]);
  const mixed = methodMixedText(c, L);
  if (mixed) sum.push([text(mixed, { italic: true, color: "9C5700" })]);
  sum.push([], [text(cw("institutionsEach", L, { b: c.rounds.baseline.institutions, a: c.rounds.followup.institutions, m: c.totals.matched }))]);
  sum.push([text(cw("closed", L)), n(c.totals.closed, "0")], [text(cw("opened", L)), n(c.totals.opened, "0")], [text(cw("criticalResolved", L)), n(c.totals.criticalResolved, "0")], [text(cw("criticalNew", L)), n(c.totals.criticalNew, "0")]);
  if (c.actionPlan) sum.push([text(cw("actionPlan", L)), text(cw("flags", L, { open: c.actionPlan.flags.doneGapOpen, closed: c.actionPlan.flags.notStartedGapClosed }))]);
  sum.push([], ...nationalRows(cw("nationalAll", L), c.national.all, L), [], ...nationalRows(cw("nationalMatched", L), c.national.matched, L), []);
  sum.push([head(cw("changeHeatmap", L)), head(cw("matchedAs", L)), ...DIMENSIONS.flatMap((d) => figureHeads(L, dim(d, L))), ...figureHeads(L, w("overall", L)), head(cw("closed", L)), head(cw("opened", L))]);
  for (const i of c.institutions) {
    sum.push([text(pairName(i) + (i.methodChanged ? " †" : "")), text(matchText(i.match, L)), ...DIMENSIONS.flatMap((d) => three(i.cells[d])), ...three(i.overall), n(i.counts.closed, "0"), n(i.counts.opened, "0")]);
  }
  sheets.push({ name: "Summary", columns: [{ width: 48 }, { width: 16 }, ...Array(14).fill({ width: 12 })], rows: sum, freeze: { rows: 0, columns: 1 } });

  const q: CellSpec[][] = [["institution", "module", "question", "label", "dimension", "baseline score", "baseline level", "follow-up score", "follow-up level", "change", "outcome", "critical new", "critical resolved", "recommendation"].map(head)];
  for (const i of c.institutions) {
    for (const x of i.questions) {
      q.push([text(pairName(i)), text(x.module), text(x.question), text(x.label), text(dim(x.dimension, L)), n(x.baseline.score), n(x.baseline.level, "0"), n(x.followup.score), n(x.followup.level, "0"), n(x.change, "+0.00;-0.00;0.00"), text(outcomeText(x.outcome, L)), text(x.criticalNew ? "yes" : ""), text(x.criticalResolved ? "yes" : ""), text(x.recommendation ?? "")]);
    }
  }
  sheets.push({ name: "Questions", columns: [{ width: 36 }, { width: 18 }, { width: 28 }, { width: 50 }, ...Array(9).fill({ width: 12 }), { width: 60 }], rows: q, freeze: { rows: 1, columns: 0 }, autoFilter: "A1:N1" });

  const mod: CellSpec[][] = [[head(w("institution", L)), head(w("module", L)), head(`${cw("baseline", L)} version`), head(`${cw("followup", L)} version`), ...DIMENSIONS.flatMap((d) => figureHeads(L, dim(d, L)))]];
  for (const i of c.institutions) for (const m of i.modules) mod.push([text(pairName(i)), text(m.title), text(m.baselineVersion ?? ""), text(m.followupVersion ?? ""), ...DIMENSIONS.flatMap((d) => three(m.cells[d]))]);
  sheets.push({ name: "Modules", columns: [{ width: 36 }, { width: 36 }, { width: 12 }, { width: 12 }, ...Array(9).fill({ width: 12 })], rows: mod, freeze: { rows: 1, columns: 0 } });

  const ds: CellSpec[][] = [[head(w("institution", L)), head(cw("datasetsAdded", L)), head(cw("datasetsDropped", L)), head(cw("datasetsKept", L))]];
  for (const i of c.institutions) ds.push([text(pairName(i)), text(i.datasets.added.join("; "), { wrap: true }), text(i.datasets.dropped.join("; "), { wrap: true }), n(i.datasets.kept, "0")]);
  ds.push([], [head(cw("onlyBaseline", L)), head("id"), head("source"), head("date")], ...c.onlyBaseline.map((i) => [text(i.name), text(i.id), text(i.source), text(i.date)]));
  ds.push([], [head(cw("onlyFollowup", L)), head("id"), head("source"), head("date")], ...c.onlyFollowup.map((i) => [text(i.name), text(i.id), text(i.source), text(i.date)]));
  sheets.push({ name: "Institutions", columns: [{ width: 40 }, { width: 40 }, { width: 40 }, { width: 14 }], rows: ds });

  const up: CellSpec[][] = [[head(w("question", L)), head(w("module", L)), head(cw("withGap", L)), head(cw("closed", L)), head("improved"), head("unchanged"), head("worse"), head("not assessed"), head(`${cw("actedOn", L)} %`)]];
  for (const r of c.recommendations) up.push([text(r.label), text(r.module), n(r.institutions, "0"), n(r.closed, "0"), n(r.improved, "0"), n(r.unchanged, "0"), n(r.worse, "0"), n(r.notAssessed, "0"), n(r.actedOn)]);
  sheets.push({ name: "Recommendations", columns: [{ width: 60 }, { width: 18 }, ...Array(7).fill({ width: 12 })], rows: up, freeze: { rows: 1, columns: 0 } });

  const nc: CellSpec[][] = [[head(w("module", L)), head(cw("baseline", L)), head(cw("followup", L)), head(cw("notComparable", L))], ...c.moduleChanges.map((m) => [text(m.title), text(m.baseline ?? "–"), text(m.followup ?? "–"), n(m.notComparable, "0")])];
  nc.push([], [head(w("question", L)), head(w("module", L)), head(cw("reason", L))], ...c.notComparable.map((x) => [text(x.question), text(x.module), text(reasonText(x.reason, L))]));
  sheets.push({ name: "Not comparable", columns: [{ width: 40 }, { width: 20 }, { width: 36 }, { width: 14 }], rows: nc });

  if (c.actionPlan) {
    const ap: CellSpec[][] = [[w("institution", L), w("question", L), cw("status", L), cw("responsible", L), cw("target", L), cw("note", L), cw("outcome", L), "⚠", "place"].map(head)];
    for (const i of c.institutions) for (const a of i.actions) ap.push([text(pairName(i)), text(a.label), text(statusText(a.status, L)), text(a.responsible ?? ""), text(a.target ?? ""), text(a.note ?? "", { wrap: true }), text(outcomeText(a.outcome, L)), text(a.flag ? flagText(a.flag, L) : "", { color: "B00020", bold: true }), text(a.place)]);
    sheets.push({ name: "Action plan", columns: [{ width: 36 }, { width: 50 }, { width: 16 }, { width: 24 }, { width: 12 }, { width: 40 }, { width: 18 }, { width: 36 }, { width: 20 }], rows: ap, freeze: { rows: 1, columns: 0 } });
  }
  for (const sheet of sheets) for (const row of sheet.rows) for (const cell of row) if (typeof cell?.value === "string") cell.value = fitCell(cell.value, L);
  return { title: c.title, date: new Date(`${c.date}T00:00:00Z`), sheets };
}
