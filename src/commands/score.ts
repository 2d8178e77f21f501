import chalk from "chalk";
import { readdir, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import type { Module } from "../core/model.js";
import { formatProblem } from "../core/problem-words.js";
import { MANIFEST_FORMAT } from "../core/manifest.js";
import type { Manifest } from "../core/manifest.js";
import type { FailedInput } from "../core/results.js";
import { METHOD_VERSION } from "../core/scoring.js";
import { EXIT, ExitError, UsageError, outputError } from "../errors.js";
import { displayPath, requireOutputFolder, writeFileAtomic } from "../io/fs.js";
import { expandInputs } from "../io/inputs.js";
import { scoreInput } from "../io/pipeline.js";
import { requireModules } from "../io/modules.js";
import { JsonResultsWriter } from "../io/results-writer.js";
import { now } from "../io/clock.js";
import { claimOutputFolder } from "../io/folder-lock.js";
import { packageVersion } from "../io/paths.js";
import { writeManifest } from "../io/results-folder.js";
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
  /** Threads that score a large batch, this one among them (default: one less than the cores available, at most 4). */
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
 * An output folder is held by this run alone (a lock file) and ends with a manifest.
 */
export async function scoreCommand(options: ScoreOptions, streams: Streams = processStreams()): Promise<ScoreSummary> {
  const { files, failed } = await expandInputs(options.paths);
  if (files.length === 0 && failed.length === 0) throw new UsageError(`no answer files, workbooks or CSV files found in ${options.paths.join(", ")}`);
  if (!options.output) return scoreBatch(files, failed, options, streams);
  await requireOutputFolder(options.output);
  const { lock, notes } = await claimOutputFolder(options.output, "score");
  try {
    for (const n of notes) streams.stderr.write(`${formatProblem(n, options.lang ?? "en")}\n`);
    // Under the lock: no other run can write results between this look and ours.
    await replaceEarlierResults(options.output, Boolean(options.force), streams);
    return await scoreBatch(files, failed, options, streams);
  } finally {
    await lock.release();
  }
}

async function scoreBatch(files: string[], failed: FailedInput[], options: ScoreOptions, streams: Streams): Promise<ScoreSummary> {
  // Large batches start their workers while the modules load.
  const loading = requireModules(options.modules);
  const lang = options.lang ?? "en";
  const showCards = !options.json && (options.scorecards ?? files.length <= SCORECARDS_UP_TO);
  const outcomes = await outcomesOf(files, loading, options, { lang, scorecards: showCards, line: Boolean(options.json || options.output), file: Boolean(options.output) });
  const modules = await loading;
  // Before the first results file: a folder whose run stops from here on says it is unfinished.
  const manifest = options.output ? startManifest(files, failed, modules) : undefined;
  if (manifest) await writeManifest(options.output!, manifest);

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
        if (options.output) manifest!.files.push(await writeOne(options.output, result.id, result.file!, used));
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
  // Last: only now is the folder whole.
  if (manifest) await writeManifest(options.output!, finishManifest(manifest, rows.length, failed.length));
  if (!options.json) streams.stdout.write(renderSummary(rows, failed));
  if (options.output) streams.stderr.write(`wrote ${rows.length + 1} results file${rows.length === 0 ? "" : "s"} to ${displayPath(resolve(options.output))}\n`);
  if (failed.length > 0 || rows.some((r) => r.errors > 0)) throw new ExitError(EXIT.SOME_FAILED);
  return { rows, failed };
}

function startManifest(files: readonly string[], failed: readonly FailedInput[], modules: readonly Module[]): Manifest {
  const inputs = [...files, ...failed.map((f) => f.source)].map(displayPath);
  return {
    format: MANIFEST_FORMAT,
    finished: false,
    command: "score",
    assess: packageVersion(),
    method: METHOD_VERSION,
    modules: modules.map((m) => ({ id: m.id, version: m.version })),
    started: now(),
    inputs,
    counts: { inputs: inputs.length, institutions: 0, failed: failed.length },
    files: [],
  };
}

function finishManifest(m: Manifest, institutions: number, failed: number): Manifest {
  return { ...m, finished: true, completed: now(), counts: { inputs: m.counts.inputs, institutions, failed }, files: [...m.files, "results.json"] };
}

/**
 * Below this many files a worker cannot pay: its start-up, the copy of the modules sent to it
 * and its compilation of the scoring code cost more than it saves. Where it pays depends on the
 * cores left for V8's own threads (`npm run bench -- --crossover` measures it).
 */
const WORKERS_FROM = 100;

/** Each file's outcomes, rendered, in input order: on worker threads for larger batches. */
async function outcomesOf(files: string[], loading: Promise<readonly Module[]>, options: ScoreOptions, render: OutcomeOptions): Promise<AsyncIterable<RenderedOutcome[]>> {
  const jobs = Math.min(options.jobs ?? defaultJobs(), files.length);
  /** One file scored and rendered in this thread. */
  const here = async (file: string) => {
    const modules = await loading;
    return (await scoreInput(file, modules)).map((o) => renderOutcome(o, modules, render));
  };
  // Workers run the compiled worker file; from TypeScript sources (tests) score in-process.
  // One job scores in this thread: a worker would only add its start-up and the copying.
  if (jobs > 1 && files.length >= WORKERS_FROM && import.meta.url.endsWith(".js")) {
    const { scoreOnWorkers } = await import("../io/worker-pool.js");
    const setup = loading.then((modules) => ({ modules, options: render, colour: chalk.level }));
    // This thread is one of the jobs: it scores whenever it is not writing.
    return scoreOnWorkers<RenderedOutcome>(new URL("./score-worker.js", import.meta.url), files, jobs - 1, setup, here);
  }
  return (async function* () {
    for (const file of files) yield await here(file);
  })();
}

/**
 * One less than the cores, at most 4 (this thread among them). The last core is left to V8's
 * own threads (compiling, collecting garbage), which one scoring thread already keeps busy a
 * third of the time: on two cores, two scoring threads were slower than one for every batch
 * measured, from 16 to 1,000 files (`npm run bench -- --crossover`).
 */
function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 4));
}

/**
 * Our results files already in the folder (each institution's and the combined one) are
 * refused without --force, and removed with it: replaced, not mixed, so that an earlier
 * run's file for an institution this run does not score does not stay beside the new ones.
 */
async function replaceEarlierResults(dir: string, force: boolean, streams: Streams): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const earlier = names.filter((n) => n.endsWith(".results.json") || n === "results.json").sort();
  if (earlier.length === 0) return;
  const where = displayPath(resolve(dir));
  if (!force) throw new UsageError(`${where} already holds results; use --force to replace them, or another folder`);
  for (const n of earlier) {
    try {
      await rm(join(dir, n), { force: true });
    } catch (e) {
      throw outputError(displayPath(join(dir, n)), e);
    }
  }
  streams.stderr.write(`removed ${earlier.length} results file${earlier.length === 1 ? "" : "s"} of an earlier run from ${where} (--force)\n`);
}

/** An institution's own results file, `text` as rendered; a second with the same id gets -2. Returns its name in the folder. */
async function writeOne(dir: string, id: string, text: string | Uint8Array, used: Map<string, number>): Promise<string> {
  const n = (used.get(id) ?? 0) + 1;
  used.set(id, n);
  const name = `${n === 1 ? id : `${id}-${n}`}.results.json`;
  await writeFileAtomic(join(dir, name), text, { force: true });
  return name;
}
