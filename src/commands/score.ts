import { readdir } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { placeKey } from "../core/answers.js";
import type { AnswerSet } from "../core/answers.js";
import { checkAnswers } from "../core/check-answers.js";
import type { Lang, Module } from "../core/model.js";
import { withMessage } from "../core/problem-words.js";
import type { Problem, ProblemCode } from "../core/problems.js";
import { RESULTS_FORMAT, institutionResult } from "../core/results.js";
import type { FailedInput, InstitutionResult } from "../core/results.js";
import { METHOD_VERSION, overallCompleteness, scoreAnswers } from "../core/scoring.js";
import { EXIT, ExitError, UsageError } from "../errors.js";
import { displayPath, writeFileAtomic } from "../io/fs.js";
import { expandInputs, readInput } from "../io/inputs.js";
import type { ReadInput } from "../io/ingest-workbook.js";
import { requireModules } from "../io/modules.js";
import { JsonResultsWriter } from "../io/results-writer.js";
import { locate } from "../io/yaml.js";
import type { ParsedYaml } from "../io/yaml.js";
import { Progress } from "../report/progress.js";
import { renderFailure, renderProblems, renderScorecard, renderSummary } from "../report/terminal.js";
import type { SummaryRow } from "../report/terminal.js";

export interface ScoreOptions {
  modules?: string;
  paths: string[];
  json?: boolean;
  output?: string;
  force?: boolean;
  lang?: "en" | "th";
  /** Print every institution's scorecard (default: only when there are at most 10 inputs). */
  scorecards?: boolean;
  /** Worker threads for large batches (default: the cores available, at most 4). */
  jobs?: number;
}

export interface ScoreSummary {
  rows: SummaryRow[];
  failed: FailedInput[];
}

/** Above this many inputs, scorecards give way to the summary table (unless --scorecards). */
const SCORECARDS_UP_TO = 10;

/**
 * `assess score`: every input scored or explained; one bad file never stops the rest.
 * Results stream to their files as they come, so memory stays flat however many inputs.
 */
export async function scoreCommand(options: ScoreOptions): Promise<ScoreSummary> {
  const { files, failed } = await expandInputs(options.paths);
  if (files.length === 0 && failed.length === 0) throw new UsageError(`no answer files, workbooks or CSV files found in ${options.paths.join(", ")}`);
  if (options.output && !options.force) await refuseEarlierResults(options.output);
  // Large batches start their workers while the modules load.
  const loading = requireModules(options.modules);
  const outcomes = await outcomesOf(files, loading, options);
  const modules = await loading;
  const lang = options.lang ?? "en";
  const showCards = !options.json && (options.scorecards ?? files.length <= SCORECARDS_UP_TO);

  const combined = options.json ? new JsonResultsWriter(null) : undefined;
  const results = options.output ? new JsonResultsWriter(join(options.output, "results.json")) : undefined;
  const used = new Map<string, number>();
  const rows: SummaryRow[] = [];
  const progress = new Progress(files.length, !options.json && files.length > 1);

  for (const f of failed) process.stderr.write(renderFailure(f, lang));
  for await (const list of outcomes) {
    for (const outcome of list) {
      if ("problems" in outcome && !("scorecard" in outcome)) {
        failed.push(outcome);
        progress.clear();
        process.stderr.write(renderFailure(outcome, lang));
        continue;
      }
      const result = outcome;
      if (result.problems.length) {
        progress.clear();
        process.stderr.write(renderProblems(result, lang));
      }
      if (showCards) {
        progress.clear();
        process.stdout.write(renderScorecard(result, modules, lang));
      }
      rows.push(summaryRow(result));
      await combined?.add(withMessages(result, lang));
      await results?.add(withMessages(result, lang));
      if (options.output) await writeOne(options.output, withMessages(result, lang), used);
    }
    progress.tick(failed.length);
  }
  progress.done();

  await combined?.finish(failed.map((f) => withMessages(f, lang)));
  await results?.finish(failed.map((f) => withMessages(f, lang)));
  if (!options.json) process.stdout.write(renderSummary(rows, failed));
  if (options.output) process.stderr.write(`wrote ${rows.length + 1} results file${rows.length === 0 ? "" : "s"} to ${displayPath(resolve(options.output))}\n`);
  if (failed.length > 0 || rows.some((r) => r.errors > 0)) throw new ExitError(EXIT.SOME_FAILED);
  return { rows, failed };
}

/** Workers pay off from a handful of files; below that, their start-up costs more than they save. */
const WORKERS_FROM = 8;

/** Each file's outcomes, in input order: on worker threads for larger batches. */
async function outcomesOf(files: string[], loading: Promise<readonly Module[]>, options: ScoreOptions): Promise<AsyncIterable<(InstitutionResult | FailedInput)[]>> {
  const jobs = Math.min(options.jobs ?? defaultJobs(), files.length);
  // Workers run the compiled worker file; from TypeScript sources (tests) score in-process.
  // A large batch always goes to workers, even one: their bounded heap keeps memory flat.
  if (files.length >= WORKERS_FROM && import.meta.url.endsWith(".js")) {
    const { scoreOnWorkers } = await import("../io/worker-pool.js");
    return scoreOnWorkers(files, jobs, loading);
  }
  return (async function* () {
    const modules = await loading;
    for (const file of files) yield await scoreInput(file, modules);
  })();
}

function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

/** Reads one file and scores every answer set in it. */
export async function scoreInput(file: string, modules: readonly Module[]): Promise<(InstitutionResult | FailedInput)[]> {
  return (await readInput(file, modules)).map((input) => scoreRead(input, modules));
}

export function scoreRead(input: ReadInput, modules: readonly Module[]): InstitutionResult | FailedInput {
  if (!input.set) return { source: input.source, problems: input.problems };
  const checked = checkAnswers(input.set, modules, input.source);
  // Answer-level problems in YAML and JSON files get the line:column of the answer.
  const located = input.parsed ? locateAnswers(input.parsed, checked.problems) : input.places ? placeAnswers(input.places, input.set, checked.problems) : checked.problems;
  const problems = [...input.problems, ...located];
  if (checked.fatal) return { source: input.source, problems };
  return institutionResult(input.source, checked.clean, scoreAnswers(checked.questionnaire, checked.clean), problems);
}

/** Results as written: each problem with its words in the chosen language, for people reading the file (never read back). */
function withMessages<T extends { problems: Problem[] }>(x: T, lang: Lang): T {
  return { ...x, problems: x.problems.map((p) => withMessage(p, lang)) };
}

/** Problems about an answer's question id point at the key, not the value. */
const ANSWER_KEY_CODES: ReadonlySet<ProblemCode> = new Set(["UNKNOWN_QUESTION", "WRONG_SCOPE"]);

function locateAnswers(parsed: ParsedYaml, problems: Problem[]): Problem[] {
  return locate(parsed, problems, ANSWER_KEY_CODES);
}

/** Problems about an answer read from a workbook or CSV get the cell or line it was read from. */
function placeAnswers(places: Map<string, string>, set: AnswerSet, problems: Problem[]): Problem[] {
  return problems.map((p) => {
    if (p.place) return p;
    const [first, second, third, fourth] = p.path;
    const key =
      first === "answers" && typeof second === "string"
        ? placeKey(undefined, second)
        : first === "datasets" && typeof second === "number" && third === "answers" && typeof fourth === "string"
          ? placeKey(set.datasets[second]?.id, fourth)
          : undefined;
    const place = key === undefined ? undefined : places.get(key);
    return place ? { ...p, place } : p;
  });
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

async function refuseEarlierResults(dir: string): Promise<void> {
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  if (names.some((n) => n.endsWith(".results.json") || n === "results.json")) {
    throw new UsageError(`${displayPath(resolve(dir))} already holds results; use --force to replace them, or another folder`);
  }
}

async function writeOne(dir: string, r: InstitutionResult, used: Map<string, number>): Promise<void> {
  const n = (used.get(r.institution.id) ?? 0) + 1;
  used.set(r.institution.id, n);
  const name = n === 1 ? r.institution.id : `${r.institution.id}-${n}`;
  const doc = { format: RESULTS_FORMAT, method: METHOD_VERSION, results: [r], failed: [] };
  await writeFileAtomic(join(dir, `${name}.results.json`), `${JSON.stringify(doc, null, 2)}\n`, { force: true });
}
