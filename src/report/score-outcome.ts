// One scored file as `assess score` prints and writes it: terminal text and JSON, made where
// the file was scored (a worker thread or this one), so that the thread that writes only
// copies text. Both paths render here, so their output is the same byte for byte.
import type { Lang, Module } from "../core/model.js";
import { withMessage } from "../core/problem-words.js";
import type { Problem } from "../core/problems.js";
import { RESULTS_FORMAT } from "../core/results.js";
import type { FailedInput, InstitutionResult } from "../core/results.js";
import { METHOD_VERSION, overallCompleteness } from "../core/scoring.js";
import { renderProblems, renderScorecard } from "./terminal.js";
import type { SummaryRow } from "./terminal.js";

/** What the batch prints and writes besides the summary. */
export interface OutcomeOptions {
  lang: Lang;
  /** The institution's scorecard, for standard output. */
  scorecards: boolean;
  /** The compact JSON line of the combined results (`--json`, and `results.json` in `-o`). */
  line: boolean;
  /** The institution's own results file (`-o`). */
  file: boolean;
}

/** A scored institution, rendered: all of it that the batch still needs. Its JSON may come as
 * UTF-8 bytes (from a worker, which hands them over without a copy). */
export interface RenderedResult {
  row: SummaryRow;
  /** Names the institution's own results file. */
  id: string;
  /** Its problems, for standard error. */
  problems?: string;
  scorecard?: string;
  line?: string | Uint8Array;
  file?: string | Uint8Array;
}

/** A failed input stays as it is: it is small, and its words are printed and written at the end. */
export type RenderedOutcome = RenderedResult | FailedInput;

export function renderOutcome(outcome: InstitutionResult | FailedInput, modules: readonly Module[], options: OutcomeOptions): RenderedOutcome {
  if (!("scorecard" in outcome)) return outcome;
  const { lang } = options;
  const written = options.line || options.file ? withMessages(outcome, lang) : undefined;
  return {
    row: summaryRow(outcome),
    id: outcome.institution.id,
    ...(outcome.problems.length ? { problems: renderProblems(outcome, lang) } : {}),
    ...(options.scorecards ? { scorecard: renderScorecard(outcome, modules, lang) } : {}),
    // One institution a line: a combined file of hundreds stays small and quick to write.
    ...(options.line ? { line: JSON.stringify(written) } : {}),
    ...(options.file ? { file: `${JSON.stringify({ format: RESULTS_FORMAT, method: METHOD_VERSION, results: [written], failed: [] }, null, 2)}\n` } : {}),
  };
}

/** Results as written: each problem with its words in the chosen language, for people reading the file (never read back). */
export function withMessages<T extends { problems: Problem[] }>(x: T, lang: Lang): T {
  return { ...x, problems: x.problems.map((p) => withMessage(p, lang)) };
}

function summaryRow(r: InstitutionResult): SummaryRow {
  const d = r.scorecard.dimensions;
  const completeness = overallCompleteness(d);
  return {
    institution: r.institution.name,
    source: r.source,
    scores: { collection: d.collection.score, sharing: d.sharing.score, hosting: d.hosting.score },
    ...(completeness === undefined ? {} : { completeness }),
    critical: r.scorecard.gaps.filter((g) => g.critical).length,
    errors: r.problems.filter((p) => p.severity === "error").length,
  };
}
