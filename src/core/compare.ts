// Builds the comparison of two rounds (src/core/compare-model.ts) from scored results and the
// modules each round was scored with. Institutions are paired by id, or by the --match rows.
import * as X from "./exact.js";
import type { Ratio } from "./exact.js";
import type { Lang, Module } from "./model.js";
import { COMPARE_FORMAT } from "./compare-model.js";
import type { ActionLine, Comparison, InstitutionComparison, MatchKind, QuestionChange, RecommendationUptake, Round, RoundInstitution } from "./compare-model.js";
import { cellChanges, dimensionFigures, figureChange, nationalFigures, overallFigure, strip } from "./compare-figures.js";
import { notComparableQuestions, questionChanges } from "./compare-questions.js";
import { actionId } from "./compare-action-plan.js";
import type { ActionRow, PlacedProblem } from "./compare-action-plan.js";
import { coded } from "./problems.js";
import { questionIndex } from "./questionnaire.js";
import { round } from "./report-figures.js";
import type { InstitutionResult } from "./results.js";

export interface CompareRound {
  /** Each institution once (see countOnce), in a stable order. */
  results: readonly InstitutionResult[];
  modules: readonly Module[];
}

/** A --match row: a baseline institution id and the follow-up id it became. */
export interface MatchRow {
  baseline: string;
  followup: string;
  place: string;
}

export interface CompareOptions {
  title: string;
  date: string;
  lang: Lang;
  match?: readonly MatchRow[];
  actions?: { source: string; rows: readonly ActionRow[] };
}

/** The comparison, and problems with the --match rows and action plan rows (each with its place). */
export function buildComparison(baseline: CompareRound, followup: CompareRound, options: CompareOptions): { comparison: Comparison; problems: PlacedProblem[] } {
  const L = options.lang;
  const problems: PlacedProblem[] = [];
  const pairs = pairInstitutions(baseline.results, followup.results, options.match ?? [], problems);
  const notComparable = notComparableQuestions(baseline.modules, followup.modules);
  const excluded = new Set(notComparable.map((n) => n.question));
  const index = new Map([...questionIndex(baseline.modules), ...questionIndex(followup.modules)]);
  const title = (id: string) => (followup.modules.find((m) => m.id === id) ?? baseline.modules.find((m) => m.id === id))?.title[L] ?? id;

  const byAction = new Map((options.actions?.rows ?? []).map((r) => [r.id, r] as const));
  const usedActions = new Set<string>();
  const institutions = pairs.map(({ b, a, match }) => {
    const c = compareInstitution(b, a, match, excluded, index, L, title);
    c.actions = actionLines(b, c.questions, excluded, byAction, usedActions, L, index);
    return c;
  });
  for (const r of options.actions?.rows ?? []) if (!usedActions.has(r.id)) problems.push({ ...coded("ACTION_UNKNOWN_ID", { id: r.id }), place: r.place });

  const paired = new Set(pairs.flatMap((p) => [p.b, p.a]));
  const ranked = institutions
    .filter((i) => i.overall.change !== undefined)
    .map((i) => ({ name: pairName(i), change: i.overall.change!, methodChanged: i.methodChanged !== undefined }));
  const comparison: Comparison = {
    format: COMPARE_FORMAT,
    title: options.title,
    date: options.date,
    lang: L,
    fictional: [...baseline.results, ...followup.results].some((r) => r.fictional === true),
    rounds: { baseline: roundFacts(baseline), followup: roundFacts(followup) },
    methodMixed: new Set([...baseline.results, ...followup.results].map((r) => r.scorecard.method)).size > 1,
    national: {
      all: nationalFigures(
        baseline.results.map((r) => r.scorecard.dimensions),
        followup.results.map((r) => r.scorecard.dimensions),
      ),
      matched: nationalFigures(
        [...new Set(pairs.map((p) => p.b))].map((r) => r.scorecard.dimensions),
        [...new Set(pairs.map((p) => p.a))].map((r) => r.scorecard.dimensions),
      ),
    },
    totals: {
      matched: pairs.length,
      closed: sum(institutions, (i) => i.counts.closed),
      opened: sum(institutions, (i) => i.counts.opened),
      criticalNew: sum(institutions, (i) => i.counts.criticalNew),
      criticalResolved: sum(institutions, (i) => i.counts.criticalResolved),
    },
    mostImproved: ranked
      .filter((x) => x.change > 0)
      .sort((x, y) => y.change - x.change || cmp(x.name, y.name))
      .slice(0, 3),
    fellBack: ranked
      .filter((x) => x.change < 0)
      .sort((x, y) => x.change - y.change || cmp(x.name, y.name))
      .slice(0, 3),
    recommendations: uptake(institutions, pairs, excluded, index, L),
    onlyBaseline: baseline.results.filter((r) => !paired.has(r)).map(roundInstitution),
    onlyFollowup: followup.results.filter((r) => !paired.has(r)).map(roundInstitution),
    moduleChanges: moduleChanges(baseline.modules, followup.modules, notComparable, title),
    notComparable,
    institutions,
  };
  if (options.actions) {
    const lines = institutions.flatMap((i) => i.actions);
    comparison.actionPlan = {
      source: options.actions.source,
      rows: lines.filter((l) => l.status !== undefined || l.responsible || l.target || l.note).length,
      flags: { doneGapOpen: lines.filter((l) => l.flag === "DONE_GAP_OPEN").length, notStartedGapClosed: lines.filter((l) => l.flag === "NOT_STARTED_GAP_CLOSED").length },
    };
  }
  return { comparison, problems };
}

type Pair = { b: InstitutionResult; a: InstitutionResult; match: MatchKind };

/**
 * Pairs by the --match rows first (a baseline id to several follow-up ids is a split, several to
 * one a merge), then by the same id among the institutions no row names. Unknown ids are problems.
 */
function pairInstitutions(before: readonly InstitutionResult[], after: readonly InstitutionResult[], rows: readonly MatchRow[], problems: PlacedProblem[]): Pair[] {
  const bById = new Map(before.map((r) => [r.institution.id, r] as const));
  const aById = new Map(after.map((r) => [r.institution.id, r] as const));
  const edges: { b: InstitutionResult; a: InstitutionResult }[] = [];
  for (const row of rows) {
    const b = bById.get(row.baseline);
    const a = aById.get(row.followup);
    if (!b) problems.push({ ...coded("MATCH_UNKNOWN_ID", { id: row.baseline, round: "baseline" }), place: row.place });
    if (!a) problems.push({ ...coded("MATCH_UNKNOWN_ID", { id: row.followup, round: "followup" }), place: row.place });
    if (b && a && !edges.some((e) => e.b === b && e.a === a)) edges.push({ b, a });
  }
  const named = new Set(edges.flatMap((e) => [e.b, e.a]));
  const pairs: Pair[] = edges.map(({ b, a }) => {
    const splits = edges.filter((e) => e.b === b).length > 1;
    const merges = edges.filter((e) => e.a === a).length > 1;
    const match: MatchKind = merges ? "merged" : splits ? "split" : b.institution.id === a.institution.id ? "same_id" : "renamed";
    return { b, a, match };
  });
  for (const b of before) {
    const a = aById.get(b.institution.id);
    if (a && !named.has(b) && !named.has(a)) pairs.push({ b, a, match: "same_id" });
  }
  // In the baseline's order (institutions by name), so that output does not depend on the match file's order.
  const order = new Map(before.map((r, i) => [r, i] as const));
  const aOrder = new Map(after.map((r, i) => [r, i] as const));
  return pairs.sort((x, y) => order.get(x.b)! - order.get(y.b)! || aOrder.get(x.a)! - aOrder.get(y.a)!);
}

function compareInstitution(
  b: InstitutionResult,
  a: InstitutionResult,
  match: MatchKind,
  excluded: ReadonlySet<string>,
  index: Parameters<typeof questionChanges>[3],
  L: Lang,
  title: (id: string) => string,
): InstitutionComparison {
  const questions = questionChanges(b.scorecard, a.scorecard, excluded, index, L);
  const moduleIds = [...new Set([...a.scorecard.byModule.map((m) => m.module), ...b.scorecard.byModule.map((m) => m.module)])];
  const count = (f: (q: QuestionChange) => boolean) => questions.filter(f).length;
  const bDs = new Map(b.datasets.map((d) => [d.id, d.name] as const));
  const aDs = new Map(a.datasets.map((d) => [d.id, d.name] as const));
  const bv = (id: string) => b.scorecard.modules.find((m) => m.id === id)?.version;
  const av = (id: string) => a.scorecard.modules.find((m) => m.id === id)?.version;
  return {
    baseline: roundInstitution(b),
    followup: roundInstitution(a),
    match,
    fictional: b.fictional === true || a.fictional === true,
    ...(b.scorecard.method !== a.scorecard.method ? { methodChanged: { baseline: b.scorecard.method, followup: a.scorecard.method } } : {}),
    cells: cellChanges(dimensionFigures(b.scorecard.dimensions), dimensionFigures(a.scorecard.dimensions)),
    overall: strip(figureChange(overallFigure(b.scorecard.dimensions), overallFigure(a.scorecard.dimensions))),
    modules: moduleIds.map((id) => {
      const mb = b.scorecard.byModule.find((m) => m.module === id)?.dimensions;
      const ma = a.scorecard.byModule.find((m) => m.module === id)?.dimensions;
      const vb = mb ? bv(id) : undefined;
      const va = ma ? av(id) : undefined;
      return { module: id, title: title(id), ...(vb ? { baselineVersion: vb } : {}), ...(va ? { followupVersion: va } : {}), cells: cellChanges(dimensionFigures(mb), dimensionFigures(ma)) };
    }),
    questions,
    counts: {
      closed: count((q) => q.outcome === "closed"),
      opened: count((q) => q.outcome === "opened"),
      improved: count((q) => q.outcome === "improved"),
      worse: count((q) => q.outcome === "worse"),
      criticalNew: count((q) => q.criticalNew),
      criticalResolved: count((q) => q.criticalResolved),
    },
    datasets: {
      added: [...aDs].filter(([id]) => !bDs.has(id)).map(([, n]) => n),
      dropped: [...bDs].filter(([id]) => !aDs.has(id)).map(([, n]) => n),
      kept: [...aDs.keys()].filter((id) => bDs.has(id)).length,
    },
    actions: [],
  };
}

/** The action plan's rows of this baseline institution, beside what happened to each gap. */
function actionLines(
  b: InstitutionResult,
  questions: readonly QuestionChange[],
  excluded: ReadonlySet<string>,
  rows: ReadonlyMap<string, ActionRow>,
  used: Set<string>,
  L: Lang,
  index: Parameters<typeof questionChanges>[3],
): ActionLine[] {
  const out: ActionLine[] = [];
  for (const g of b.scorecard.gaps) {
    const row = rows.get(actionId(b.institution.id, g.question));
    if (!row) continue;
    used.add(row.id);
    const q = questions.find((x) => x.question === g.question);
    const outcome = excluded.has(g.question) || !q ? "not_comparable" : q.outcome;
    const open = outcome === "same" || outcome === "improved" || outcome === "worse";
    const flag = row.status === "done" && open ? "DONE_GAP_OPEN" : (row.status === "not_started" || row.status === "not_planned") && outcome === "closed" ? "NOT_STARTED_GAP_CLOSED" : undefined;
    out.push({
      question: g.question,
      label: index.get(g.question)?.question.label[L] ?? g.question,
      ...(row.status ? { status: row.status } : {}),
      ...(row.responsible ? { responsible: row.responsible } : {}),
      ...(row.target ? { target: row.target } : {}),
      ...(row.note ? { note: row.note } : {}),
      outcome,
      ...(flag ? { flag } : {}),
      place: row.place,
    });
  }
  return out;
}

/** Per question gapped at baseline: how many of the institutions that had it closed or narrowed it. Most acted on first. */
function uptake(institutions: readonly InstitutionComparison[], pairs: readonly Pair[], excluded: ReadonlySet<string>, index: Parameters<typeof questionChanges>[3], L: Lang): RecommendationUptake[] {
  const by = new Map<string, RecommendationUptake>();
  pairs.forEach((p, k) => {
    for (const g of p.b.scorecard.gaps) {
      const u = by.get(g.question) ?? { question: g.question, label: index.get(g.question)?.question.label[L] ?? g.question, module: g.module, institutions: 0, closed: 0, improved: 0, unchanged: 0, worse: 0, notAssessed: 0 };
      by.set(g.question, u);
      u.institutions++;
      const q = excluded.has(g.question) ? undefined : institutions[k]!.questions.find((x) => x.question === g.question);
      const o = q?.outcome;
      if (o === "closed") u.closed++;
      else if (o === "improved") u.improved++;
      else if (o === "same") u.unchanged++;
      else if (o === "worse") u.worse++;
      else u.notAssessed++;
    }
  });
  const rows = [...by.values()].map((u) => {
    const assessed = u.closed + u.improved + u.unchanged + u.worse;
    const share: Ratio | undefined = assessed ? X.ratio(100 * (u.closed + u.improved), assessed) : undefined;
    return { u: { ...u, ...(share ? { actedOn: round(share)! } : {}) }, share };
  });
  const order = [...index.keys()];
  rows.sort((x, y) => (x.share && y.share ? X.compare(y.share, x.share) : x.share ? -1 : y.share ? 1 : 0) || y.u.institutions - x.u.institutions || order.indexOf(x.u.question) - order.indexOf(y.u.question));
  return rows.map((r) => r.u);
}

function moduleChanges(before: readonly Module[], after: readonly Module[], notComparable: Comparison["notComparable"], title: (id: string) => string): Comparison["moduleChanges"] {
  const ids = [...new Set([...before.map((m) => m.id), ...after.map((m) => m.id)])];
  return ids.flatMap((id) => {
    const b = before.find((m) => m.id === id)?.version;
    const a = after.find((m) => m.id === id)?.version;
    if (b === a) return [];
    return [{ module: id, title: title(id), ...(b ? { baseline: b } : {}), ...(a ? { followup: a } : {}), notComparable: notComparable.filter((n) => n.module === id).length }];
  });
}

function roundFacts(r: CompareRound): Comparison["rounds"][Round] {
  const dates = r.results.map((x) => x.scorecard.date).sort();
  const used = new Map<string, string>();
  for (const x of r.results) for (const m of x.scorecard.modules) used.set(m.id, m.version);
  return {
    institutions: r.results.length,
    datasets: r.results.reduce((n, x) => n + x.datasets.length, 0),
    dates: dates.length ? { from: dates[0]!, to: dates.at(-1)! } : null,
    methods: [...new Set(r.results.map((x) => x.scorecard.method))].sort(),
    modules: r.modules.filter((m) => used.has(m.id)).map((m) => ({ id: m.id, version: used.get(m.id)! })),
  };
}

function roundInstitution(r: InstitutionResult): RoundInstitution {
  return { id: r.institution.id, name: r.institution.name, source: r.source, date: r.scorecard.date, method: r.scorecard.method };
}

/** An institution pair's name: one name, or "old → new" when it changed. */
export function pairName(i: { baseline: RoundInstitution; followup: RoundInstitution }): string {
  return i.baseline.name === i.followup.name ? i.followup.name : `${i.baseline.name} → ${i.followup.name}`;
}

const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
