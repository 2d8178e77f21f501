// The comparison of two rounds (a baseline and a follow-up) as data: what `assess compare`
// says, for renderers to turn into words. src/core/compare.ts builds it.
import type { Dimension, Lang } from "./model.js";
import type { ActionStatus } from "./compare-action-plan.js";

export const COMPARE_FORMAT = "assess-compare/1";

export const ROUNDS = ["baseline", "followup"] as const;
export type Round = (typeof ROUNDS)[number];

/** How a change reads at a glance: the heatmap of changes colours cells by it, the number always beside. */
export type ChangeBand = "up_much" | "up" | "same" | "down" | "down_much" | "none";

/** A change of this many points or more (either way) is "much". */
export const MUCH = 10;

export interface Figure {
  score?: number;
  completeness?: number;
}

/** One figure in both rounds and the change (follow-up − baseline), each rounded once from exact values. */
export interface FigureChange {
  baseline: Figure;
  followup: Figure;
  change?: number;
  completenessChange?: number;
  band: ChangeBand;
}

/** What happened to a question between the rounds. */
export type QuestionOutcome =
  | "closed" // a gap at baseline, none now
  | "opened" // no gap at baseline, a gap now
  | "improved" // still a gap, a smaller one
  | "worse" // still a gap, a larger one
  | "same" // the same gap
  | "full" // no gap in either round
  | "not_scored"; // not scored in one round or both (unanswered, not applicable, hidden)

export interface QuestionState {
  /** 0-100 (100 × the question's score); absent when not scored. */
  score?: number;
  /** The maturity level 0-4, where the question has one answer with a level. */
  level?: number;
  gap: boolean;
  critical: boolean;
}

export interface QuestionChange {
  question: string;
  label: string;
  module: string;
  dimension: Dimension;
  priority: string;
  baseline: QuestionState;
  followup: QuestionState;
  change?: number;
  outcome: QuestionOutcome;
  criticalNew: boolean;
  criticalResolved: boolean;
  /** The baseline's recommendation, where there was a gap. */
  recommendation?: string;
}

/** Why a question is not compared between the rounds. */
export type NotComparableReason = "only_baseline" | "only_followup" | "type_changed" | "options_changed" | "scope_changed" | "dimension_changed";

export interface NotComparable {
  question: string;
  module: string;
  reason: NotComparableReason;
  /** For options_changed: the option values in each round. */
  baseline?: string[];
  followup?: string[];
}

/** How a baseline institution was paired with a follow-up one. */
export type MatchKind = "same_id" | "renamed" | "merged" | "split";

export interface RoundInstitution {
  id: string;
  name: string;
  source: string;
  date: string;
  method: string;
}

/** A recommendation's status from the action plan, beside the change measured. */
export interface ActionLine {
  question: string;
  label: string;
  status?: ActionStatus;
  responsible?: string;
  target?: string;
  note?: string;
  outcome: QuestionOutcome | "not_comparable";
  /** "done" but the gap is still open; "not started" (or not planned) but the gap closed. */
  flag?: "DONE_GAP_OPEN" | "NOT_STARTED_GAP_CLOSED";
  /** Where the row is in the action plan, e.g. 'Action plan'!A7. */
  place: string;
}

export interface InstitutionComparison {
  baseline: RoundInstitution;
  followup: RoundInstitution;
  match: MatchKind;
  fictional: boolean;
  /** The scoring method differs between the rounds: the changes are shown, marked, never silently. */
  methodChanged?: { baseline: string; followup: string };
  cells: Record<Dimension, FigureChange>;
  overall: FigureChange;
  modules: { module: string; title: string; baselineVersion?: string; followupVersion?: string; cells: Record<Dimension, FigureChange> }[];
  /** Every question scored in either round that means the same in both, in questionnaire order. */
  questions: QuestionChange[];
  counts: { closed: number; opened: number; improved: number; worse: number; criticalNew: number; criticalResolved: number };
  datasets: { added: string[]; dropped: string[]; kept: number };
  actions: ActionLine[];
}

export interface RecommendationUptake {
  question: string;
  label: string;
  module: string;
  /** Institutions with the gap at baseline (matched ones). */
  institutions: number;
  closed: number;
  improved: number;
  unchanged: number;
  worse: number;
  /** Not scored in the follow-up, or the question is not comparable. */
  notAssessed: number;
  /** (closed + improved) ÷ the institutions assessed in both rounds, 0-100; absent when none was. */
  actedOn?: number;
}

export interface NationalFigures {
  institutions: Record<Round, number>;
  cells: Record<Dimension, FigureChange>;
  overall: FigureChange;
}

export interface Comparison {
  format: typeof COMPARE_FORMAT;
  title: string;
  date: string;
  lang: Lang;
  fictional: boolean;
  rounds: Record<Round, { institutions: number; datasets: number; dates: { from: string; to: string } | null; methods: string[]; modules: { id: string; version: string }[] }>;
  /** Results of more than one scoring method are compared: said at the top of every format. */
  methodMixed: boolean;
  national: {
    /** Every institution of each round (a new institution moves the mean). */
    all: NationalFigures;
    /** Only institutions assessed in both rounds: like for like. */
    matched: NationalFigures;
  };
  totals: { matched: number; closed: number; opened: number; criticalNew: number; criticalResolved: number };
  mostImproved: { name: string; change: number; methodChanged: boolean }[];
  fellBack: { name: string; change: number; methodChanged: boolean }[];
  recommendations: RecommendationUptake[];
  onlyBaseline: RoundInstitution[];
  onlyFollowup: RoundInstitution[];
  moduleChanges: { module: string; title: string; baseline?: string; followup?: string; notComparable: number }[];
  notComparable: NotComparable[];
  institutions: InstitutionComparison[];
  actionPlan?: { source: string; rows: number; flags: { doneGapOpen: number; notStartedGapClosed: number } };
}
