// The report model: everything the NSO's consultation report says, as data. Renderers
// (Markdown, HTML, XLSX, JSON) only turn it into words and pictures.
import { DIMENSIONS, DONT_KNOW, NOT_APPLICABLE, PRIORITY_WEIGHT, SPECIAL_LABELS, optionsOf } from "./model.js";
import type { Dimension, Lang, Module, PlacedQuestion, Question, Text } from "./model.js";
import { questionIndex } from "./questionnaire.js";
import type { Answer } from "./answers.js";
import type { InstitutionResult } from "./results.js";
import * as X from "./exact.js";
import type { Ratio } from "./exact.js";
import type { Gap, Tally } from "./scoring.js";
import { METHOD_VERSION, pooledCompleteness } from "./scoring.js";
import { problemText } from "./problem-words.js";
import type { NoArgs } from "./problems.js";

export const REPORT_FORMAT = "assess-report/1";

export type ScoreBand = "good" | "fair" | "weak" | "very_weak" | "none";

/** Colour bands for scores: read at a glance, with the number always beside. */
export const SCORE_BANDS: { band: ScoreBand; from: number; label: Text }[] = [
  { band: "good", from: 75, label: { en: "75-100 good", th: "75-100 ดี" } },
  { band: "fair", from: 50, label: { en: "50-74.99 fair", th: "50-74.99 พอใช้" } },
  { band: "weak", from: 25, label: { en: "25-49.99 weak", th: "25-49.99 อ่อน" } },
  { band: "very_weak", from: 0, label: { en: "0-24.99 very weak", th: "0-24.99 อ่อนมาก" } },
];

/** The band of a figure as printed (two decimals), so that what is read and what is coloured agree. */
export function scoreBandOf(score: number | undefined): ScoreBand {
  if (score === undefined) return "none";
  return SCORE_BANDS.find((b) => score >= b.from)?.band ?? "very_weak";
}

export interface DimensionScore {
  score?: number;
  completeness?: number;
  band: ScoreBand;
}

/** The core disaggregation variables of the data map's coverage table (IDAC). */
export const CORE_VARIABLES = ["age", "sex", "migratory_status", "citizenship", "country_of_birth", "accompaniment"] as const;

export interface DataMapRow {
  institution: string;
  institutionName: string;
  dataset: string;
  datasetName: string;
  /** Question id to the answer as words, for the data map's columns. */
  fields: Record<string, string>;
  /** Core variable to yes / no / unknown. */
  coverage: Record<string, "yes" | "no" | "unknown">;
}

export interface GapLine {
  question: string;
  label: string;
  module: string;
  dimension: Dimension;
  priority: string;
  gap: number;
  critical: boolean;
  unknown: boolean;
  datasets: string[];
  recommendation?: string;
}

export interface InstitutionSection {
  id: string;
  name: string;
  ministry?: string;
  department?: string;
  fictional: boolean;
  respondent?: { name?: string; role?: string; email?: string; phone?: string };
  source: string;
  datasets: string[];
  cells: Record<Dimension, DimensionScore>;
  overall?: number;
  /** When there is no overall figure: the dimensions without a score. */
  overallWithout?: Dimension[];
  byModule: { module: string; title: string; cells: Record<Dimension, DimensionScore> }[];
  completeness?: number;
  /** Don't know answers ÷ answers to questions that apply (not applicable left out), 0-100. */
  dontKnowRate?: number;
  criticalGaps: number;
  /** Every critical gap, then the highest-ranked others (up to 15 lines in all, or more if critical). */
  gaps: GapLine[];
  gapsTotal: number;
  rejectedAnswers: number;
  /** When the institution listed no dataset: how many dataset questions were therefore not scored. */
  noDatasets?: number;
}

/** Why an institution is listed as missing a firewall from immigration enforcement; src/report/words.ts words it. */
export type FirewallReason =
  | { code: "FIREWALL_DONT_KNOW"; args: NoArgs }
  /** `answer`: the option chosen; `label`: its words in the report's language. */
  | { code: "FIREWALL_BELOW_TOP"; args: { answer: string; label: string } }
  /** `datasets`: the names of the datasets shared with immigration enforcement. */
  | { code: "SHARES_WITH_ENFORCEMENT"; args: { datasets: string[] } };

/** The rules of the scoring method, in the order the methodology lists them; src/report/words.ts words them. */
export const METHOD_RULES = [
  "CHOICE_SCORES",
  "DIMENSION_SCORE",
  "SPECIAL_ANSWERS",
  "HIDDEN_CHAINS",
  "PER_DATASET",
  "CRITICAL_GAPS",
  "NATIONAL_MEANS",
  "EXACT_FIGURES",
  "NO_IMPUTATION",
] as const;
export type MethodRule = (typeof METHOD_RULES)[number];

export interface Report {
  format: typeof REPORT_FORMAT;
  title: string;
  date: string;
  lang: Lang;
  method: string;
  /** Results scored with another version of the method than this report's: named, never silently mixed. */
  otherMethods: { institutionName: string; source: string; method: string }[];
  fictional: boolean;
  modules: { id: string; version: string; title: string }[];
  summary: {
    institutions: number;
    datasets: number;
    national: Record<Dimension, DimensionScore>;
    overall?: number;
    overallWithout?: Dimension[];
    criticalGaps: number;
    institutionsWithCriticalGaps: number;
    weakestModules: { module: string; title: string; score: number }[];
  };
  heatmap: {
    institutions: { id: string; name: string; cells: Record<Dimension, DimensionScore>; overall?: number; overallWithout?: Dimension[] }[];
    modules: { module: string; title: string; institutions: number; cells: Record<Dimension, DimensionScore> }[];
  };
  dataMap: {
    columns: { id: string; label: string }[];
    variables: { id: string; label: string }[];
    rows: DataMapRow[];
  };
  institutions: InstitutionSection[];
  crossCutting: {
    commonGaps: { question: string; label: string; module: string; dimension: Dimension; institutions: number; critical: number; meanGap: number; recommendation?: string }[];
    sharing: { institution: string; name: string; partners: { id: string; label: string; datasets: number }[] }[];
    firewallMissing: { institution: string; name: string; reasons: FirewallReason[] }[];
  };
  /** Every answer, one row each, for the NSO's own analysis (XLSX and JSON). */
  answers: AnswerRow[];
  methodology: {
    method: string;
    weights: Record<string, number>;
    levels: string[];
    bands: string[];
    rules: MethodRule[];
  };
}

export interface AnswerRow {
  institutionName: string;
  /** The dataset's name; empty for the institution's own answers. */
  datasetName: string;
  module: string;
  question: string;
  label: string;
  value: string;
  answer: string;
  comment: string;
  /** answered; rejected (could not be read, kept as written); note (a comment on an unanswered question). */
  status: "answered" | "rejected" | "note";
}

export interface ReportOptions {
  title: string;
  date: string;
  lang: Lang;
  /** Respondents' names and contacts are personal data (PDPA): out of reports unless asked for. */
  includeRespondents?: boolean;
}

/** Data map columns: the general module's dataset inventory, in this order. */
const DATA_MAP_FIELDS = [
  "ds_type",
  "ds_population",
  "ds_covers_migrant_children",
  "ds_unit_of_record",
  "ds_identifiers",
  "ds_disaggregation",
  "ds_frequency",
  "ds_hosting",
  "ds_shared_with",
  "ds_sharing_method",
];

const FIREWALL = "firewall_immigration_enforcement";
const SHARED_WITH = "ds_shared_with";
const ENFORCEMENT = "immigration_enforcement";

/** A tally's score, exactly: its fraction, or for results of method 1.x its two-decimal figure. */
function exactScore(t: Tally): Ratio | undefined {
  if (t.exact !== undefined) return X.parse(t.exact);
  return t.score === undefined ? undefined : X.fromNumber(t.score);
}

function exactCompleteness(t: Tally): Ratio | undefined {
  return t.applicable > 0 ? X.ratio(100 * t.answered, t.applicable) : undefined;
}

function exactGap(g: Gap): Ratio {
  return (g.exact === undefined ? undefined : X.parse(g.exact)) ?? X.fromNumber(g.gap);
}

function defined<T>(xs: readonly (T | undefined)[]): T[] {
  return xs.filter((x): x is T => x !== undefined);
}

/** The one rounding of a report figure: two decimals, halves away from zero, from the exact value. */
function round(x: Ratio | undefined): number | undefined {
  return x === undefined ? undefined : X.round(x, 2);
}

function cell(score: Ratio | undefined, completeness: Ratio | undefined): DimensionScore {
  const s = round(score);
  const c = round(completeness);
  return { ...(s === undefined ? {} : { score: s }), ...(c === undefined ? {} : { completeness: c }), band: scoreBandOf(s) };
}

function cellsOf(d: Record<Dimension, Tally>): Record<Dimension, DimensionScore> {
  return Object.fromEntries(DIMENSIONS.map((k) => [k, cell(exactScore(d[k]), exactCompleteness(d[k]))])) as Record<Dimension, DimensionScore>;
}

/** Mean over institutions of each dimension: scores over those with one, completeness likewise. */
function meanCells(tallies: readonly Record<Dimension, Tally>[]): { cells: Record<Dimension, DimensionScore>; exact: Record<Dimension, Ratio | undefined> } {
  const exact = {} as Record<Dimension, Ratio | undefined>;
  const cells = {} as Record<Dimension, DimensionScore>;
  for (const d of DIMENSIONS) {
    exact[d] = X.mean(defined(tallies.map((t) => exactScore(t[d]))));
    cells[d] = cell(exact[d], X.mean(defined(tallies.map((t) => exactCompleteness(t[d])))));
  }
  return { cells, exact };
}

/**
 * The overall figure: the plain mean of the three dimensions, only when all three have a
 * score; otherwise the dimensions without one, which every renderer prints as the reason.
 */
function overallOf(exact: Record<Dimension, Ratio | undefined>): { overall: number } | { overallWithout: Dimension[] } {
  const without = DIMENSIONS.filter((d) => exact[d] === undefined);
  if (without.length) return { overallWithout: without };
  return { overall: round(X.mean(DIMENSIONS.map((d) => exact[d]!)))! };
}

function tallyExact(d: Record<Dimension, Tally>): Record<Dimension, Ratio | undefined> {
  return Object.fromEntries(DIMENSIONS.map((k) => [k, exactScore(d[k])])) as Record<Dimension, Ratio | undefined>;
}

/** Builds the report from scored results, in the order given (sort them before for a stable report). */
export function buildReport(results: readonly InstitutionResult[], modules: readonly Module[], options: ReportOptions): Report {
  const lang = options.lang;
  const index = questionIndex(modules);
  const questions = new Map([...index].map(([id, p]) => [id, p.question] as const));
  const label = (id: string) => questions.get(id)?.label[lang] ?? id;
  const moduleTitle = (id: string) => modules.find((m) => m.id === id)?.title[lang] ?? id;
  const used = new Map<string, string>();
  for (const r of results) for (const m of r.scorecard.modules) used.set(m.id, m.version);
  const usedModules = modules.filter((m) => used.has(m.id));

  // Heatmap: institutions × dimensions, then modules (themes) × dimensions (mean over institutions).
  const heatInstitutions = results.map((r) => ({
    id: r.institution.id,
    name: r.institution.name,
    cells: cellsOf(r.scorecard.dimensions),
    ...overallOf(tallyExact(r.scorecard.dimensions)),
  }));
  const moduleMeans = usedModules.map((m) => {
    const rows = defined(results.map((r) => r.scorecard.byModule.find((b) => b.module === m.id)));
    return { module: m.id, title: m.title[lang], institutions: rows.length, ...meanCells(rows.map((b) => b.dimensions)) };
  });
  const moduleRows = moduleMeans.map(({ exact: _e, ...t }) => t);

  const nationalMeans = meanCells(results.map((r) => r.scorecard.dimensions));
  const national = nationalMeans.cells;
  // Ranked on the exact mean of the three theme scores; a theme without all three is not
  // ranked (as it has no overall figure); ties in the order the modules are asked.
  const weakestModules = moduleMeans
    .filter((t) => t.module !== "general" && DIMENSIONS.every((d) => t.exact[d] !== undefined))
    .map((t) => ({ module: t.module, title: t.title, exact: X.mean(DIMENSIONS.map((d) => t.exact[d]!))! }))
    .sort((a, b) => X.compare(a.exact, b.exact))
    .slice(0, 3)
    .map(({ exact, ...t }) => ({ ...t, score: round(exact)! }));

  const words = (q: Question | undefined, a: Answer | undefined): string => answerWords(q, a, lang);
  const rows: DataMapRow[] = [];
  for (const r of results) {
    for (const ds of r.answers.datasets) {
      const fields: Record<string, string> = {};
      for (const id of DATA_MAP_FIELDS) if (questions.has(id)) fields[id] = words(questions.get(id), ds.answers[id]);
      const disagg = ds.answers.ds_disaggregation?.value;
      const coverage: Record<string, "yes" | "no" | "unknown"> = {};
      for (const v of CORE_VARIABLES) coverage[v] = Array.isArray(disagg) ? (disagg.includes(v) ? "yes" : "no") : "unknown";
      rows.push({ institution: r.institution.id, institutionName: r.institution.name, dataset: ds.id, datasetName: ds.name, fields, coverage });
    }
  }
  const disaggQ = questions.get("ds_disaggregation");
  const variables = CORE_VARIABLES.map((id) => ({ id, label: optionsOf(disaggQ ?? ({ type: "text" } as Question)).find((o) => o.value === id)?.label?.[lang] ?? id }));

  const institutions = results.map((r): InstitutionSection => {
    const sc = r.scorecard;
    const tallies = DIMENSIONS.map((d) => sc.dimensions[d]);
    const applying = tallies.reduce((n, t) => n + t.answered - t.notApplicable, 0);
    const unknown = tallies.reduce((n, t) => n + t.unknown, 0);
    const critical = sc.gaps.filter((g) => g.critical);
    const shown = [...critical, ...sc.gaps.filter((g) => !g.critical).slice(0, Math.max(0, 15 - critical.length))];
    const dsName = (id: string) => r.datasets.find((d) => d.id === id)?.name ?? id;
    const completeness = round(pooledCompleteness(sc.dimensions));
    // Dataset questions have one cell per dataset: none at all when no dataset was listed.
    const unasked = sc.questions.filter((q) => q.cells.length === 0).length;
    return {
      id: r.institution.id,
      name: r.institution.name,
      ...(r.institution.ministry ? { ministry: r.institution.ministry } : {}),
      ...(r.institution.department ? { department: r.institution.department } : {}),
      fictional: r.fictional === true,
      ...(options.includeRespondents && r.answers.respondent ? { respondent: r.answers.respondent } : {}),
      source: r.source,
      datasets: r.datasets.map((d) => d.name),
      cells: cellsOf(sc.dimensions),
      ...overallOf(tallyExact(sc.dimensions)),
      byModule: sc.byModule.map((b) => ({ module: b.module, title: moduleTitle(b.module), cells: cellsOf(b.dimensions) })),
      ...(completeness === undefined ? {} : { completeness }),
      ...(applying ? { dontKnowRate: round(X.ratio(100 * unknown, applying))! } : {}),
      criticalGaps: critical.length,
      gaps: shown.map((g) => ({
        question: g.question,
        label: label(g.question),
        module: g.module,
        dimension: g.dimension,
        priority: g.priority,
        gap: round(exactGap(g))!,
        critical: g.critical,
        unknown: g.unknown,
        datasets: (g.critical ? g.criticalDatasets : g.datasets).map(dsName),
        ...(g.recommendations[0] ? { recommendation: g.recommendations[0][lang] } : {}),
      })),
      gapsTotal: sc.gaps.length,
      rejectedAnswers: r.answers.rejected?.length ?? 0,
      ...(r.datasets.length === 0 && unasked > 0 ? { noDatasets: unasked } : {}),
    };
  });

  return {
    format: REPORT_FORMAT,
    title: options.title,
    date: options.date,
    lang,
    method: METHOD_VERSION,
    otherMethods: results.filter((r) => r.scorecard.method !== METHOD_VERSION).map((r) => ({ institutionName: r.institution.name, source: r.source, method: r.scorecard.method })),
    fictional: results.some((r) => r.fictional === true),
    modules: usedModules.map((m) => ({ id: m.id, version: used.get(m.id)!, title: m.title[lang] })),
    summary: {
      institutions: results.length,
      datasets: results.reduce((n, r) => n + r.datasets.length, 0),
      national,
      ...overallOf(nationalMeans.exact),
      criticalGaps: results.reduce((n, r) => n + r.scorecard.gaps.filter((g) => g.critical).length, 0),
      institutionsWithCriticalGaps: results.filter((r) => r.scorecard.gaps.some((g) => g.critical)).length,
      weakestModules,
    },
    heatmap: { institutions: heatInstitutions, modules: moduleRows },
    dataMap: {
      columns: DATA_MAP_FIELDS.filter((id) => questions.has(id)).map((id) => ({ id, label: label(id) })),
      variables,
      rows,
    },
    institutions,
    crossCutting: {
      commonGaps: commonGaps(results, label, lang, index),
      sharing: sharingLinks(results, questions.get(SHARED_WITH), lang),
      firewallMissing: firewallMissing(results, questions.get(FIREWALL), lang),
    },
    answers: answerRows(results, index, lang),
    methodology: methodology(lang),
  };
}

function answerRows(results: readonly InstitutionResult[], index: ReadonlyMap<string, PlacedQuestion>, lang: Lang): AnswerRow[] {
  const question = (id: string) => index.get(id)?.question;
  const rows: AnswerRow[] = [];
  const raw = (a: Answer) => (Array.isArray(a.value) ? a.value.join("; ") : String(a.value));
  for (const r of results) {
    const base = (id: string, datasetName: string) => ({ institutionName: r.institution.name, datasetName, module: index.get(id)?.module.id ?? "", question: id, label: question(id)?.label[lang] ?? id });
    for (const [id, a] of Object.entries(r.answers.answers)) rows.push({ ...base(id, ""), value: raw(a), answer: answerWords(question(id), a, lang), comment: a.comment ?? "", status: "answered" });
    for (const ds of r.answers.datasets) {
      for (const [id, a] of Object.entries(ds.answers)) rows.push({ ...base(id, ds.name), value: raw(a), answer: answerWords(question(id), a, lang), comment: a.comment ?? "", status: "answered" });
    }
    const dsName = (id?: string) => (id ? (r.answers.datasets.find((d) => d.id === id)?.name ?? id) : "");
    // Why it was rejected, in the report's language where the answer file says it as data.
    for (const x of r.answers.rejected ?? []) rows.push({ ...base(x.question, dsName(x.dataset)), value: x.raw, answer: x.code ? problemText(x, lang) : x.reason, comment: x.comment ?? "", status: "rejected" });
    for (const n of r.answers.notes ?? []) rows.push({ ...base(n.question, dsName(n.dataset)), value: "", answer: "", comment: n.comment, status: "note" });
  }
  return rows;
}

/** An answer as words: option labels, don't know / not applicable, or the value. */
export function answerWords(q: Question | undefined, a: Answer | undefined, lang: Lang): string {
  if (!a) return "—";
  const one = (v: string) =>
    v === DONT_KNOW || v === NOT_APPLICABLE ? SPECIAL_LABELS[v][lang] : (q ? optionsOf(q).find((o) => o.value === v)?.label?.[lang] : undefined) ?? v;
  if (Array.isArray(a.value)) return a.value.map(one).join("; ");
  return typeof a.value === "string" ? one(a.value) : String(a.value);
}

/**
 * The questions with a gap in the most institutions, then the most critical, then the
 * largest weight × mean gap (exactly), then questionnaire order.
 */
function commonGaps(results: readonly InstitutionResult[], label: (id: string) => string, lang: Lang, index: ReadonlyMap<string, PlacedQuestion>): Report["crossCutting"]["commonGaps"] {
  const by = new Map<string, { module: string; dimension: Dimension; gaps: Ratio[]; critical: number; rec?: string; weight: number }>();
  for (const r of results) {
    for (const g of r.scorecard.gaps) {
      const e = by.get(g.question) ?? { module: g.module, dimension: g.dimension, gaps: [], critical: 0, weight: g.weight, ...(g.recommendations[0] ? { rec: g.recommendations[0][lang] } : {}) };
      e.gaps.push(exactGap(g));
      if (g.critical) e.critical++;
      if (!e.rec && g.recommendations[0]) e.rec = g.recommendations[0][lang];
      by.set(g.question, e);
    }
  }
  const pos = (id: string) => index.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  return [...by]
    .map(([question, e]) => ({ question, e, meanGap: X.mean(e.gaps)!, key: X.mul(X.ratio(e.weight), X.mean(e.gaps)!) }))
    .sort((a, b) => b.e.gaps.length - a.e.gaps.length || b.e.critical - a.e.critical || X.compare(b.key, a.key) || pos(a.question) - pos(b.question) || (a.question < b.question ? -1 : 1))
    .slice(0, 10)
    .map(({ question, e, meanGap }) => ({ question, label: label(question), module: e.module, dimension: e.dimension, institutions: e.gaps.length, critical: e.critical, meanGap: round(meanGap)!, ...(e.rec ? { recommendation: e.rec } : {}) }));
}

function sharingLinks(results: readonly InstitutionResult[], q: Question | undefined, lang: Lang): Report["crossCutting"]["sharing"] {
  return results.map((r) => {
    const count = new Map<string, number>();
    for (const ds of r.answers.datasets) {
      const v = ds.answers[SHARED_WITH]?.value;
      if (Array.isArray(v)) for (const p of v) if (p !== "not_shared") count.set(p, (count.get(p) ?? 0) + 1);
    }
    const order = q ? optionsOf(q).map((o) => o.value) : [...count.keys()].sort();
    const partners = [...count]
      .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
      .map(([id, datasets]) => ({ id, label: answerWords(q, { value: id }, lang), datasets }));
    return { institution: r.institution.id, name: r.institution.name, partners };
  });
}

function firewallMissing(results: readonly InstitutionResult[], q: Question | undefined, lang: Lang): Report["crossCutting"]["firewallMissing"] {
  const out: Report["crossCutting"]["firewallMissing"] = [];
  for (const r of results) {
    const reasons: FirewallReason[] = [];
    const a = r.answers.answers[FIREWALL];
    const level = q && a && typeof a.value === "string" ? optionsOf(q).find((o) => o.value === a.value)?.level : undefined;
    if (a?.value === DONT_KNOW) reasons.push({ code: "FIREWALL_DONT_KNOW", args: {} });
    else if (level !== undefined && level < 4) reasons.push({ code: "FIREWALL_BELOW_TOP", args: { answer: String(a!.value), label: answerWords(q, a, lang) } });
    // An immigration authority answers the firewall question not applicable; its own sharing is not a breach.
    if (a?.value !== NOT_APPLICABLE) {
      const to = r.answers.datasets.filter((d) => Array.isArray(d.answers[SHARED_WITH]?.value) && (d.answers[SHARED_WITH]!.value as string[]).includes(ENFORCEMENT));
      if (to.length) reasons.push({ code: "SHARES_WITH_ENFORCEMENT", args: { datasets: to.map((d) => d.name) } });
    }
    if (reasons.length) out.push({ institution: r.institution.id, name: r.institution.name, reasons });
  }
  return out;
}

function methodology(lang: Lang): Report["methodology"] {
  const th = lang === "th";
  return {
    method: METHOD_VERSION,
    weights: { ...PRIORITY_WEIGHT },
    levels: th
      ? ["0 ไม่มี", "1 ทำเป็นครั้งคราวหรือยังไม่ได้พิจารณา", "2 อยู่ระหว่างวางแผนหรือทำได้บางส่วน", "3 อยู่ระหว่างดำเนินการหรือมีเกือบครบ", "4 มีครบถ้วนสมบูรณ์"]
      : ["0 absent", "1 ad hoc or not considered yet", "2 planned or partial", "3 being implemented or mostly in place", "4 fully in place"],
    bands: SCORE_BANDS.map((b) => b.label[lang]),
    rules: [...METHOD_RULES],
  };
}
