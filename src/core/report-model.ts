// The report model: everything the NSO's consultation report says, as data. Renderers
// (Markdown, HTML, XLSX, JSON) only turn it into words and pictures; src/core/report.ts builds it.
import type { Dimension, Lang, Text } from "./model.js";
import type { Superseded } from "./duplicates.js";
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

/**
 * A long table of the report (a row per institution or dataset): an array, or, in a report of
 * thousands of institutions, rows read back from disk one at a time as they are iterated
 * (src/io/row-file.ts), so that the table is never in memory whole.
 */
export interface Rows<T> extends Iterable<T> {
  readonly length: number;
}

export interface HeatmapRow {
  id: string;
  name: string;
  cells: Record<Dimension, DimensionScore>;
  overall?: number;
  overallWithout?: Dimension[];
}

export interface SharingRow {
  institution: string;
  name: string;
  partners: { id: string; label: string; datasets: number }[];
}

export interface FirewallRow {
  institution: string;
  name: string;
  reasons: FirewallReason[];
}

export interface Report {
  format: typeof REPORT_FORMAT;
  title: string;
  date: string;
  lang: Lang;
  method: string;
  /** Results scored with another version of the method than this report's: named, never silently mixed. */
  otherMethods: { institutionName: string; source: string; method: string }[];
  /** Institutions that came from more than one input: each counts once (see docs/scoring.md). */
  superseded: Superseded[];
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
    institutions: Rows<HeatmapRow>;
    modules: { module: string; title: string; institutions: number; cells: Record<Dimension, DimensionScore> }[];
  };
  dataMap: {
    columns: { id: string; label: string }[];
    variables: { id: string; label: string }[];
    rows: Rows<DataMapRow>;
  };
  institutions: InstitutionSection[];
  crossCutting: {
    commonGaps: { question: string; label: string; module: string; dimension: Dimension; institutions: number; critical: number; meanGap: number; recommendation?: string }[];
    sharing: Rows<SharingRow>;
    firewallMissing: Rows<FirewallRow>;
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

/** A report whose long tables are arrays, as buildReport makes it. */
export type ReportInMemory = Report & {
  heatmap: { institutions: HeatmapRow[] };
  dataMap: { rows: DataMapRow[] };
  crossCutting: { sharing: SharingRow[]; firewallMissing: FirewallRow[] };
};

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
  /** Institutions that came more than once: which result counts, and which were left out. */
  superseded?: Superseded[];
  /** Respondents' names and contacts are personal data (PDPA): out of reports unless asked for. */
  includeRespondents?: boolean;
}

/** An institution's section shows every critical gap, then the highest-ranked others up to this many lines in all. */
export const SHOWN_GAPS = 15;

/** Data map columns: the general module's dataset inventory, in this order. */
export const DATA_MAP_FIELDS = [
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
