// The report model: everything the NSO's consultation report says, as data. Renderers
// (Markdown, HTML, XLSX, JSON) only turn it into words and pictures.
import { DIMENSIONS, DONT_KNOW, NOT_APPLICABLE, PRIORITY_WEIGHT, SPECIAL_LABELS, optionsOf } from "./model.js";
import type { Dimension, Lang, Module, Question, Text } from "./model.js";
import type { Answer } from "./answers.js";
import type { InstitutionResult } from "./results.js";
import type { Tally } from "./scoring.js";
import { METHOD_VERSION, overallCompleteness } from "./scoring.js";

export const REPORT_FORMAT = "assess-report/1";

export type Band = "good" | "fair" | "weak" | "very_weak" | "none";

/** Colour bands for scores: read at a glance, with the number always beside. */
export const BANDS: { band: Band; from: number; label: Text }[] = [
  { band: "good", from: 75, label: { en: "75-100 good", th: "75-100 ดี" } },
  { band: "fair", from: 50, label: { en: "50-74 fair", th: "50-74 พอใช้" } },
  { band: "weak", from: 25, label: { en: "25-49 weak", th: "25-49 อ่อน" } },
  { band: "very_weak", from: 0, label: { en: "0-24 very weak", th: "0-24 อ่อนมาก" } },
];

export function bandOf(score: number | undefined): Band {
  if (score === undefined) return "none";
  return BANDS.find((b) => score >= b.from)?.band ?? "very_weak";
}

export interface ScoreCell {
  score?: number;
  completeness?: number;
  band: Band;
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
  cells: Record<Dimension, ScoreCell>;
  overall?: number;
  byModule: { module: string; title: string; cells: Record<Dimension, ScoreCell> }[];
  completeness?: number;
  /** Share of answers given that were "don't know", 0-100. */
  dontKnowRate?: number;
  criticalGaps: number;
  /** Every critical gap, then the highest-ranked others (up to 15 lines in all, or more if critical). */
  gaps: GapLine[];
  gapsTotal: number;
  rejectedAnswers: number;
}

export interface Report {
  format: typeof REPORT_FORMAT;
  title: string;
  date: string;
  lang: Lang;
  method: string;
  fictional: boolean;
  modules: { id: string; version: string; title: string }[];
  summary: {
    institutions: number;
    datasets: number;
    national: Record<Dimension, ScoreCell>;
    overall?: number;
    criticalGaps: number;
    institutionsWithCriticalGaps: number;
    weakestThemes: { module: string; title: string; score: number }[];
  };
  heatmap: {
    institutions: { id: string; name: string; cells: Record<Dimension, ScoreCell>; overall?: number }[];
    themes: { module: string; title: string; institutions: number; cells: Record<Dimension, ScoreCell> }[];
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
    firewallMissing: { institution: string; name: string; reasons: string[] }[];
  };
  /** Every answer, one row each, for the NSO's own analysis (XLSX and JSON). */
  answers: AnswerRow[];
  methodology: {
    method: string;
    weights: Record<string, number>;
    levels: string[];
    bands: string[];
    rules: string[];
  };
}

export interface AnswerRow {
  institution: string;
  dataset: string;
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

function mean(xs: number[]): number | undefined {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined;
}

function round(x: number | undefined): number | undefined {
  return x === undefined ? undefined : Math.round(x * 100) / 100;
}

function cell(score: number | undefined, completeness: number | undefined): ScoreCell {
  const s = round(score);
  const c = round(completeness);
  return { ...(s === undefined ? {} : { score: s }), ...(c === undefined ? {} : { completeness: c }), band: bandOf(s) };
}

function cellsOf(d: Record<Dimension, Tally>): Record<Dimension, ScoreCell> {
  return Object.fromEntries(DIMENSIONS.map((k) => [k, cell(d[k].score, d[k].completeness)])) as Record<Dimension, ScoreCell>;
}

/** Builds the report from scored results, in the order given (sort them before for a stable report). */
export function buildReport(results: readonly InstitutionResult[], modules: readonly Module[], options: ReportOptions): Report {
  const lang = options.lang;
  const questions = new Map<string, Question>();
  for (const m of modules) for (const s of m.sections) for (const q of s.questions) questions.set(q.id, q);
  const label = (id: string) => questions.get(id)?.label[lang] ?? id;
  const moduleTitle = (id: string) => modules.find((m) => m.id === id)?.title[lang] ?? id;
  const used = new Map<string, string>();
  for (const r of results) for (const m of r.scorecard.modules) used.set(m.id, m.version);
  const usedModules = modules.filter((m) => used.has(m.id));

  // Heatmap: institutions × dimensions, then themes × dimensions (mean over institutions).
  const heatInstitutions = results.map((r) => ({
    id: r.institution.id,
    name: r.institution.name,
    cells: cellsOf(r.scorecard.dimensions),
    ...(r.scorecard.overall === undefined ? {} : { overall: round(r.scorecard.overall)! }),
  }));
  const themes = usedModules.map((m) => {
    const rows = results.map((r) => r.scorecard.byModule.find((b) => b.module === m.id)).filter((b) => b !== undefined);
    const cells = Object.fromEntries(
      DIMENSIONS.map((d) => [
        d,
        cell(
          mean(rows.map((b) => b.dimensions[d].score).filter((s): s is number => s !== undefined)),
          mean(rows.map((b) => b.dimensions[d].completeness).filter((s): s is number => s !== undefined)),
        ),
      ]),
    ) as Record<Dimension, ScoreCell>;
    return { module: m.id, title: m.title[lang], institutions: rows.length, cells };
  });

  const national = Object.fromEntries(
    DIMENSIONS.map((d) => [
      d,
      cell(
        mean(results.map((r) => r.scorecard.dimensions[d].score).filter((s): s is number => s !== undefined)),
        mean(results.map((r) => r.scorecard.dimensions[d].completeness).filter((s): s is number => s !== undefined)),
      ),
    ]),
  ) as Record<Dimension, ScoreCell>;
  const nationalScores = DIMENSIONS.map((d) => national[d].score).filter((s): s is number => s !== undefined);
  const weakestThemes = themes
    .filter((t) => t.module !== "general")
    .map((t) => ({ module: t.module, title: t.title, score: mean(DIMENSIONS.map((d) => t.cells[d].score).filter((s): s is number => s !== undefined)) }))
    .filter((t): t is { module: string; title: string; score: number } => t.score !== undefined)
    .sort((a, b) => a.score - b.score || (a.module < b.module ? -1 : 1))
    .slice(0, 3)
    .map((t) => ({ ...t, score: round(t.score)! }));

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
    const answered = tallies.reduce((n, t) => n + t.answered, 0);
    const unknown = tallies.reduce((n, t) => n + t.unknown, 0);
    const critical = sc.gaps.filter((g) => g.critical);
    const shown = [...critical, ...sc.gaps.filter((g) => !g.critical).slice(0, Math.max(0, 15 - critical.length))];
    const dsName = (id: string) => r.datasets.find((d) => d.id === id)?.name ?? id;
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
      ...(sc.overall === undefined ? {} : { overall: round(sc.overall)! }),
      byModule: sc.byModule.map((b) => ({ module: b.module, title: moduleTitle(b.module), cells: cellsOf(b.dimensions) })),
      ...(overallCompleteness(sc.dimensions) === undefined ? {} : { completeness: round(overallCompleteness(sc.dimensions))! }),
      ...(answered ? { dontKnowRate: round((100 * unknown) / answered)! } : {}),
      criticalGaps: critical.length,
      gaps: shown.map((g) => ({
        question: g.question,
        label: label(g.question),
        module: g.module,
        dimension: g.dimension,
        priority: g.priority,
        gap: round(g.gap)!,
        critical: g.critical,
        unknown: g.unknown,
        datasets: (g.critical ? g.criticalDatasets : g.datasets).map(dsName),
        ...(g.recommendations[0] ? { recommendation: g.recommendations[0][lang] } : {}),
      })),
      gapsTotal: sc.gaps.length,
      rejectedAnswers: r.answers.rejected?.length ?? 0,
    };
  });

  return {
    format: REPORT_FORMAT,
    title: options.title,
    date: options.date,
    lang,
    method: METHOD_VERSION,
    fictional: results.some((r) => r.fictional === true),
    modules: usedModules.map((m) => ({ id: m.id, version: used.get(m.id)!, title: m.title[lang] })),
    summary: {
      institutions: results.length,
      datasets: results.reduce((n, r) => n + r.datasets.length, 0),
      national,
      ...(nationalScores.length ? { overall: round(mean(nationalScores))! } : {}),
      criticalGaps: results.reduce((n, r) => n + r.scorecard.gaps.filter((g) => g.critical).length, 0),
      institutionsWithCriticalGaps: results.filter((r) => r.scorecard.gaps.some((g) => g.critical)).length,
      weakestThemes,
    },
    heatmap: { institutions: heatInstitutions, themes },
    dataMap: {
      columns: DATA_MAP_FIELDS.filter((id) => questions.has(id)).map((id) => ({ id, label: label(id) })),
      variables,
      rows,
    },
    institutions,
    crossCutting: {
      commonGaps: commonGaps(results, label, lang),
      sharing: sharingLinks(results, questions.get(SHARED_WITH), lang),
      firewallMissing: firewallMissing(results, questions.get(FIREWALL), lang),
    },
    answers: answerRows(results, questions, modules, lang),
    methodology: methodology(lang),
  };
}

function answerRows(results: readonly InstitutionResult[], questions: Map<string, Question>, modules: readonly Module[], lang: Lang): AnswerRow[] {
  const moduleOf = new Map<string, string>();
  for (const m of modules) for (const s of m.sections) for (const q of s.questions) moduleOf.set(q.id, m.id);
  const rows: AnswerRow[] = [];
  const raw = (a: Answer) => (Array.isArray(a.value) ? a.value.join("; ") : String(a.value));
  for (const r of results) {
    const base = (question: string, dataset: string) => ({ institution: r.institution.name, dataset, module: moduleOf.get(question) ?? "", question, label: questions.get(question)?.label[lang] ?? question });
    for (const [id, a] of Object.entries(r.answers.answers)) rows.push({ ...base(id, ""), value: raw(a), answer: answerWords(questions.get(id), a, lang), comment: a.comment ?? "", status: "answered" });
    for (const ds of r.answers.datasets) {
      for (const [id, a] of Object.entries(ds.answers)) rows.push({ ...base(id, ds.name), value: raw(a), answer: answerWords(questions.get(id), a, lang), comment: a.comment ?? "", status: "answered" });
    }
    const dsName = (id?: string) => (id ? (r.answers.datasets.find((d) => d.id === id)?.name ?? id) : "");
    for (const x of r.answers.rejected ?? []) rows.push({ ...base(x.question, dsName(x.dataset)), value: x.raw, answer: x.reason, comment: x.comment ?? "", status: "rejected" });
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

function commonGaps(results: readonly InstitutionResult[], label: (id: string) => string, lang: Lang): Report["crossCutting"]["commonGaps"] {
  const by = new Map<string, { module: string; dimension: Dimension; gaps: number[]; critical: number; rec?: string; weight: number }>();
  for (const r of results) {
    for (const g of r.scorecard.gaps) {
      const e = by.get(g.question) ?? { module: g.module, dimension: g.dimension, gaps: [], critical: 0, weight: g.weight, ...(g.recommendations[0] ? { rec: g.recommendations[0][lang] } : {}) };
      e.gaps.push(g.gap);
      if (g.critical) e.critical++;
      if (!e.rec && g.recommendations[0]) e.rec = g.recommendations[0][lang];
      by.set(g.question, e);
    }
  }
  return [...by]
    .map(([question, e]) => ({ question, label: label(question), module: e.module, dimension: e.dimension, institutions: e.gaps.length, critical: e.critical, meanGap: round(mean(e.gaps))!, weight: e.weight, ...(e.rec ? { recommendation: e.rec } : {}) }))
    .sort((a, b) => b.institutions - a.institutions || b.critical - a.critical || b.weight * b.meanGap - a.weight * a.meanGap || (a.question < b.question ? -1 : 1))
    .slice(0, 10)
    .map(({ weight: _w, ...g }) => g);
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
    const reasons: string[] = [];
    const a = r.answers.answers[FIREWALL];
    const level = q && a && typeof a.value === "string" ? optionsOf(q).find((o) => o.value === a.value)?.level : undefined;
    if (a?.value === DONT_KNOW) reasons.push(lang === "th" ? "ไม่ทราบว่ามีมาตรการแยกข้อมูลหรือไม่" : "does not know whether a firewall exists");
    else if (level !== undefined && level < 4) reasons.push(`${lang === "th" ? "มาตรการแยกข้อมูล" : "firewall"}: ${answerWords(q, a, lang)}`);
    // An immigration authority answers the firewall question not applicable; its own sharing is not a breach.
    if (a?.value !== NOT_APPLICABLE) {
      const to = r.answers.datasets.filter((d) => Array.isArray(d.answers[SHARED_WITH]?.value) && (d.answers[SHARED_WITH]!.value as string[]).includes(ENFORCEMENT));
      if (to.length) reasons.push(`${lang === "th" ? "ส่งข้อมูลให้หน่วยงานบังคับใช้กฎหมายคนเข้าเมือง" : "shares with immigration enforcement"}: ${to.map((d) => d.name).join(", ")}`);
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
    bands: BANDS.map((b) => b.label[lang]),
    rules: th
      ? [
          "คะแนนของคำถามแบบเลือกตอบ = ระดับ / 4; คำถามแบบเลือกได้หลายข้อ = สัดส่วนถ่วงน้ำหนักของแนวปฏิบัติที่มี",
          "คะแนนด้าน = 100 × Σ(น้ำหนัก × คะแนน) / Σ น้ำหนัก (จำเป็น 3, สำคัญ 2, มีประโยชน์ 1)",
          "ไม่ทราบ = 0 และนับเป็นไม่ทราบ; ไม่เกี่ยวข้องและคำถามที่ถูกซ่อนตามเงื่อนไขไม่นำมาคิด; คำถามที่ไม่ได้ตอบลดความครบถ้วน ไม่ลดคะแนน",
          "คำถามระดับชุดข้อมูลนับครั้งเดียว ด้วยค่าเฉลี่ยของชุดข้อมูล",
          "ช่องว่างวิกฤต = คำถามจำเป็นที่ตอบระดับ 0 หรือไม่ทราบ",
          "คะแนนระดับประเทศและรายประเด็น = ค่าเฉลี่ยของหน่วยงาน (แต่ละหน่วยงานมีน้ำหนักเท่ากัน); ภาพรวม = ค่าเฉลี่ยของสามด้าน",
          "ไม่มีการประมาณค่าแทนข้อมูลที่ขาดหาย",
        ]
      : [
          "A choice answer scores level / 4; a multiple-choice question scores the weighted share of good practices in place.",
          "A dimension score is 100 × Σ(weight × score) / Σ weight (essential 3, important 2, useful 1).",
          "Don't know scores 0 and is counted; not applicable and questions hidden by a condition are left out; unanswered questions lower completeness, not the score.",
          "A question asked per dataset counts once, with the mean over the institution's datasets.",
          "A critical gap is an essential question answered at level 0 or don't know.",
          "National and theme scores are means over institutions, each institution weighing the same; the overall figure is the plain mean of the three dimensions.",
          "Nothing is imputed.",
        ],
  };
}
