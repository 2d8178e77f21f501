import chalk from "chalk";
import { readdir } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import type { Module } from "../core/model.js";
import type { FailedInput } from "../core/results.js";
import { EXIT, ExitError, UsageError } from "../errors.js";
import { displayPath, requireOutputFolder, writeFileAtomic } from "../io/fs.js";
import { expandInputs } from "../io/inputs.js";
import { scoreInput } from "../io/pipeline.js";
import { requireModules } from "../io/modules.js";
import { JsonResultsWriter } from "../io/results-writer.js";
import { Progress } from "../report/progress.js";
import { renderOutcome, withMessages } from "../report/score-outcome.js";
import type { OutcomeOptions, RenderedOutcome } from "../report/score-outcome.js";
import { renderFailure, renderSummary } from "../report/terminal.js";
import type { SummaryRow } from "../report/terminal.js";
import { processStreams } from "../io/streams.js";
import type { Streams } from "../io/streams.js";

export interface ScoreOptions {
  modules?: string;
  paths: string[];
  json?: boolean;
  output?: string;
  force?: boolean;
  lang?: "en" | "th";
  /** Print every institution's scorecard (default: only when there are at most 10 inputs). */
  scorecards?: boolean;
  /** Worker threads for large batches (default: one less than the cores available, at most 4). */
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
export async function scoreCommand(options: ScoreOptions, streams: Streams = processStreams()): Promise<ScoreSummary> {
  const { files, failed } = await expandInputs(options.paths);
  if (files.length === 0 && failed.length === 0) throw new UsageError(`no answer files, workbooks or CSV files found in ${options.paths.join(", ")}`);
  if (options.output) await requireOutputFolder(options.output);
  if (options.output && !options.force) await refuseEarlierResults(options.output);
  // Large batches start their workers while the modules load.
  const loading = requireModules(options.modules);
  const lang = options.lang ?? "en";
  const showCards = !options.json && (options.scorecards ?? files.length <= SCORECARDS_UP_TO);
  const outcomes = await outcomesOf(files, loading, options, { lang, scorecards: showCards, line: Boolean(options.json || options.output), file: Boolean(options.output) });
  await loading;

  const combined = options.json ? new JsonResultsWriter(null, streams.stdout) : undefined;
  const written = options.output ? new JsonResultsWriter(join(options.output, "results.json")) : undefined;
  const used = new Map<string, number>();
  const rows: SummaryRow[] = [];
  const progress = new Progress(files.length, !options.json && files.length > 1, streams.stderr);

  for (const f of failed) streams.stderr.write(renderFailure(f, lang));
  try {
    for await (const list of outcomes) {
      for (const outcome of list) {
        if (!("row" in outcome)) {
          failed.push(outcome);
          progress.clear();
          streams.stderr.write(renderFailure(outcome, lang));
          continue;
        }
        const result = outcome;
        if (result.problems !== undefined) {
          progress.clear();
          streams.stderr.write(result.problems);
        }
        if (result.scorecard !== undefined) {
          progress.clear();
          streams.stdout.write(result.scorecard);
        }
        rows.push(result.row);
        await combined?.add(result.line!);
        await written?.add(result.line!);
        if (options.output) await writeOne(options.output, result.id, result.file!, used);
      }
      progress.tick(failed.length);
    }
  } catch (e) {
    // A file that cannot be written (a full disk) stops the batch: leave no temporary file behind.
    progress.clear();
    await written?.abort();
    throw e;
  }
  progress.done();

  await combined?.finish(failed.map((f) => withMessages(f, lang)));
  await written?.finish(failed.map((f) => withMessages(f, lang)));
  if (!options.json) streams.stdout.write(renderSummary(rows, failed));
  if (options.output) streams.stderr.write(`wrote ${rows.length + 1} results file${rows.length === 0 ? "" : "s"} to ${displayPath(resolve(options.output))}\n`);
  if (failed.length > 0 || rows.some((r) => r.errors > 0)) throw new ExitError(EXIT.SOME_FAILED);
  return { rows, failed };
}

/**
 * Workers pay off from about a hundred files (measured: `npm run bench -- --crossover`);
 * below that, their start-up and the copying of modules and results cost more than they save.
 */
const WORKERS_FROM = 100;

/** Each file's outcomes, rendered, in input order: on worker threads for larger batches. */
async function outcomesOf(files: string[], loading: Promise<readonly Module[]>, options: ScoreOptions, render: OutcomeOptions): Promise<AsyncIterable<RenderedOutcome[]>> {
  const jobs = Math.min(options.jobs ?? defaultJobs(), files.length);
  // Workers run the compiled worker file; from TypeScript sources (tests) score in-process.
  // One job scores in this thread: a worker would only add its start-up and the copying.
  if (jobs > 1 && files.length >= WORKERS_FROM && import.meta.url.endsWith(".js")) {
    const { scoreOnWorkers } = await import("../io/worker-pool.js");
    const setup = loading.then((modules) => ({ modules, options: render, colour: chalk.level }));
    return scoreOnWorkers<RenderedOutcome>(new URL("./score-worker.js", import.meta.url), files, jobs, setup);
  }
  return (async function* () {
    const modules = await loading;
    for (const file of files) yield (await scoreInput(file, modules)).map((o) => renderOutcome(o, modules, render));
  })();
}

/** One core stays with this thread, which writes and prints what the workers score. */
function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 4));
}

async function refuseEarlierResults(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  if (names.some((n) => n.endsWith(".results.json") || n === "results.json")) {
    throw new UsageError(`${displayPath(resolve(dir))} already holds results; use --force to replace them, or another folder`);
  }
}

/** An institution's own results file, `text` as rendered; a second with the same id gets -2. */
async function writeOne(dir: string, id: string, text: string | Uint8Array, used: Map<string, number>): Promise<void> {
  const n = (used.get(id) ?? 0) + 1;
  used.set(id, n);
  await writeFileAtomic(join(dir, `${n === 1 ? id : `${id}-${n}`}.results.json`), text, { force: true });
}
