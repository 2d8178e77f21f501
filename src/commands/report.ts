import { basename, dirname, extname, join, resolve } from "node:path";
import type { Lang, Module } from "../core/model.js";
import { buildReport, institutionSections } from "../core/report.js";
import { answerRows } from "../core/report-answers.js";
import { slimPool, slimResult } from "../core/report-slim.js";
import { questionIndex } from "../core/questionnaire.js";
import { AnswerSpill } from "../io/answer-spill.js";
import type { AnswerRows, Spilled } from "../io/answer-spill.js";
import type { InstitutionSection, Report } from "../core/report-model.js";
import { RESULTS_FORMAT } from "../core/results.js";
import type { FailedInput, InstitutionResult, ResultsDocument } from "../core/results.js";
import { EXIT, ExitError, FolderError, UsageError } from "../errors.js";
import { today } from "../io/clock.js";
import { displayPath, exists, requireOutputFolder, writeFileAtomic } from "../io/fs.js";
import { expandInputs } from "../io/inputs.js";
import { claimOutputFolder } from "../io/folder-lock.js";
import { incompleteResultsFolders, isManifestFile } from "../io/results-folder.js";
import { MANIFEST_NAME, isResultsFileName } from "../core/manifest.js";
import { requireModules } from "../io/modules.js";
import { formatProblem } from "../core/problem-words.js";
import { coded, problem } from "../core/problems.js";
import { checkSchema } from "../io/schema.js";
import { renderFailure, renderProblems } from "../report/terminal.js";
import { scoreInput } from "../io/pipeline.js";
import { readBounded } from "../io/read-bounded.js";
import { processStreams } from "../io/streams.js";
import type { Streams } from "../io/streams.js";
import { countOnce } from "../core/duplicates.js";
import type { DuplicateRule } from "../core/duplicates.js";
import { ACTION_PLAN_FILE } from "../core/compare-action-plan.js";

import { FORMAT_WRITERS, REPORT_FORMATS } from "./report-formats.js";
import { INSTITUTION_PAGES, INSTITUTION_PAGES_ABOVE } from "../core/report-pages.js";
import type { FormatWriter, ReportFormat } from "./report-formats.js";
import { writeStaged } from "../io/staging.js";
import { withHeapGrowth } from "../io/heap.js";

export { REPORT_FORMATS };
export type { ReportFormat };

export interface ReportCommandOptions {
  modules?: string;
  paths: string[];
  output?: string;
  formats?: ReportFormat[];
  title?: string;
  date?: string;
  lang?: Lang;
  includeRespondents?: boolean;
  force?: boolean;
  /** Which result counts when an institution comes more than once (default: the latest date of answering). */
  duplicates?: DuplicateRule;
  /** Report on results folders whose run did not finish (or that have no manifest), with a warning. */
  allowIncomplete?: boolean;
}


/** The report's heap grows to 1.5× what is live between collections (V8's own factor is up to 4×), for a few per cent more time (README: The report at regional scale). */
const REPORT_HEAP_GROWING_PERCENT = 50;

/**
 * `assess report`: results (or answer files and workbooks, scored on the way) → the report in
 * each format. The report returned has no institution sections when there are more than
 * INSTITUTION_PAGES_ABOVE: they were read back from disk as they were written.
 */
export async function reportCommand(
  options: ReportCommandOptions,
  streams: Streams = processStreams(),
  writers: Record<ReportFormat, FormatWriter> = FORMAT_WRITERS,
): Promise<{ report: Report; files: string[]; failed: FailedInput[] }> {
  const date = options.date ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date ${date}: expected YYYY-MM-DD`);
  const dir = resolve(options.output ?? "report");
  await requireOutputFolder(dir);
  const { lock, notes } = await claimOutputFolder(dir, "report");
  try {
    for (const n of notes) streams.stderr.write(`${formatProblem(n, options.lang ?? "en")}\n`);
    // Peak memory near what is live, not several times it (io/heap.ts; README: Reports at scale).
    return await withHeapGrowth(REPORT_HEAP_GROWING_PERCENT, () => writeReport(dir, date, options, streams, writers));
  } finally {
    await lock.release();
  }
}

async function writeReport(dir: string, date: string, options: ReportCommandOptions, streams: Streams, writers: Record<ReportFormat, FormatWriter>): Promise<{ report: Report; files: string[]; failed: FailedInput[] }> {
  const formats = options.formats ?? [...REPORT_FORMATS];
  const targets = formats.map((f) => join(dir, writers[f].file));
  if (formats.includes("xlsx")) targets.push(join(dir, ACTION_PLAN_FILE));
  if (!options.force) {
    for (const t of targets) if (await exists(t)) throw new UsageError(`${displayPath(t)} already exists; use --force to replace it`);
  }
  const lang = options.lang ?? "en";
  const modules = await requireModules(options.modules);
  // Each result's answers go to the spill as it is read; the report keeps the rest (report-slim.ts).
  const spill = await AnswerSpill.open<number>(dir);
  try {
    const spilled = new Map<InstitutionResult, number>();
    const index = questionIndex(modules);
    const pool = slimPool();
    const keep = async (r: InstitutionResult) => {
      const slim = slimResult(r, pool);
      spilled.set(slim, spilled.size);
      await spill.add(spilled.size - 1, answerRows([r], index, lang));
      return slim;
    };
    const gathered = { ...(await gather(options, modules, streams, lang, keep)), spilled };
    // The shared words and gaps stay with the results; the index to them is not needed after reading.
    pool.words.clear();
    pool.gaps.clear();
    return await reportFrom(gathered, spill, { dir, date, options, streams, writers, formats, targets, modules, lang });
  } finally {
    await spill.remove();
  }
}

interface Run {
  dir: string;
  date: string;
  options: ReportCommandOptions;
  streams: Streams;
  writers: Record<ReportFormat, FormatWriter>;
  formats: ReportFormat[];
  targets: string[];
  modules: readonly Module[];
  lang: Lang;
}

interface Gathered {
  results: InstitutionResult[];
  failed: FailedInput[];
  /** Each result's answer rows in the spill. */
  spilled: Map<InstitutionResult, number>;
}

async function reportFrom(gathered: Gathered, spill: AnswerSpill<number>, run: Run): Promise<{ report: Report; files: string[]; failed: FailedInput[] }> {
  const { dir, targets, streams } = run;
  const failed = gathered.failed;
  // A report of thousands holds no section: each was set aside as it was made, and is read back from the spill.
  const { report, order, aside } = await settleAside(gathered, run);
  try {
    // Every format is written to a staging folder first and moved in place together.
    // The institutions/ pages belong to the report: an earlier report's go with it.
    await writeStaged(dir, [INSTITUTION_PAGES], (stage) => writeFormats(report, stage, spill.rows(order), aside.sections, run));
  } finally {
    await aside.remove();
  }
  streams.stderr.write(`wrote ${targets.map(displayPath).join(", ")} (${order.length} institutions${failed.length ? `, ${failed.length} input(s) failed` : ""})\n`);
  if (failed.length) throw new ExitError(EXIT.SOME_FAILED);
  return { report, files: targets, failed };
}

/**
 * The report, and its sections set aside. In a function of its own: what makes the sections
 * holds the results (a generator holds its arguments even when it has finished), and nothing
 * here outlives it.
 */
async function settleAside(gathered: Gathered, run: Run): Promise<{ report: Report; order: number[]; aside: Awaited<ReturnType<typeof setSectionsAside>> }> {
  const { report, order, sections } = settle(gathered, run);
  return { report, order, aside: await setSectionsAside(report, sections, run.dir) };
}

/**
 * A report of more than INSTITUTION_PAGES_ABOVE institutions sets its sections aside on disk
 * as they are made (the largest part of the report model), to be read back one at a time by
 * each format; a smaller one keeps them in the report. Nothing returned holds a section
 * made: a closure here that did would keep every one in memory.
 */
export async function setSectionsAside(report: Report, made: Iterable<InstitutionSection>, dir: string): Promise<{ sections: Spilled<InstitutionSection>; remove: () => Promise<void> }> {
  if (report.summary.institutions <= INSTITUTION_PAGES_ABOVE) return { sections: inMemory(report.institutions), remove: async () => undefined };
  const spill = await AnswerSpill.open<number, InstitutionSection>(dir);
  let n = 0;
  try {
    for (const s of made) await spill.add(n++, s);
  } catch (e) {
    await spill.remove();
    throw e;
  }
  return { sections: spill.rows(Array.from({ length: n }, (_, k) => k)), remove: () => spill.remove() };
}

function inMemory<T>(items: readonly T[]): Spilled<T> {
  return { batches: async function* () { yield* items; } };
}

async function writeFormats(report: Report, stage: string, answers: AnswerRows, sections: Spilled<InstitutionSection>, run: Run): Promise<void> {
  const { formats, writers } = run;
  for (const f of formats) await writers[f].write(report, stage, answers, sections);
  // Beside the XLSX report: the action plan the next round's `assess compare --action-plan` reads back.
  if (!formats.includes("xlsx")) return;
  const { actionPlanRows, actionPlanSheets, buildActionPlanWorkbook } = await import("../report/action-plan.js");
  if (report.summary.institutions > INSTITUTION_PAGES_ABOVE) {
    // A row per gap of thousands of institutions: streamed, as report.xlsx is, made as written.
    const { writeWorkbookStreaming } = await import("../io/xlsx-stream.js");
    const spec = actionPlanSheets(report);
    await writeWorkbookStreaming(join(stage, ACTION_PLAN_FILE), spec, { sheet: spec.sheets[0]!.name, rows: actionPlanRows(report, sections.batches()) });
  } else {
    const { writeWorkbook } = await import("../io/xlsx.js");
    await writeFileAtomic(join(stage, ACTION_PLAN_FILE), await writeWorkbook(buildActionPlanWorkbook(report)), { force: true });
  }
}

/**
 * The report from the results read, and the order of their answer rows in the spill. The
 * results are let go here: what the formats need is in the report and the spill.
 */
function settle(gathered: Gathered, run: Run): { report: Report; order: number[]; sections: Iterable<InstitutionSection> } {
  const { date, options, streams, modules, lang } = run;
  const failed = gathered.failed;
  // One institution counts once, by the rule chosen; the others are named, never silently dropped.
  const rule = options.duplicates ?? "latest";
  const once = countOnce(gathered.results, rule);
  for (const d of once.superseded) {
    const p = problem("DUPLICATE_INSTITUTION", { institution: d.institutionName, id: d.institution, kept: d.kept.source, superseded: d.superseded.map((s) => s.source), rule }, d.kept.source, [], "warning");
    streams.stderr.write(`${formatProblem(p, lang)}\n`);
  }
  const results = [...once.results].sort(byName);
  if (results.length === 0) {
    for (const f of failed) streams.stderr.write(renderFailure(f, lang));
    throw new UsageError(`no institution to report on in ${options.paths.join(", ")}`);
  }
  const paged = results.length > INSTITUTION_PAGES_ABOVE;
  const reportOptions = {
    title: options.title ?? (lang === "th" ? "ข้อมูลเด็กข้ามชาติและเด็กผู้พลัดถิ่นโดยถูกบังคับ: ผลการประเมิน" : "Data on migrant and forcibly displaced children: assessment results"),
    date,
    lang,
    ...(options.includeRespondents ? { includeRespondents: true } : {}),
    superseded: once.superseded,
    omitAnswers: true,
    // Thousands of sections are made one at a time as they are set aside, never all at once.
    omitInstitutions: paged,
  };
  const report = buildReport(results, modules, reportOptions);

  for (const o of report.otherMethods) {
    const p = problem("OTHER_METHOD", { institution: o.institutionName, method: o.method, reportMethod: report.method }, o.source, [], "warning");
    streams.stderr.write(`${formatProblem(p, lang)}\n`);
  }
  const order = results.map((r) => gathered.spilled.get(r)!);
  gathered.results = [];
  gathered.spilled.clear();
  return { report, order, sections: paged ? institutionSections(results, modules, reportOptions) : report.institutions };
}

/**
 * Results from results files, and from answer files, workbooks and CSV scored on the way.
 * The same institution read twice (results.json beside its own results file) counts once.
 * `keep` turns each result read into what is held (the report keeps a slim copy and spills
 * its answers; compare keeps it whole).
 */
export async function gather(
  options: Pick<ReportCommandOptions, "paths" | "allowIncomplete">,
  modules: readonly Module[],
  streams: Streams,
  lang: Lang,
  keep: (r: InstitutionResult) => InstitutionResult | Promise<InstitutionResult> = (r) => r,
): Promise<{ results: InstitutionResult[]; failed: FailedInput[] }> {
  const expanded = await expandInputs(options.paths);
  const failed = expanded.failed;
  // A results folder whose run did not finish is not reported as if whole, unless asked to.
  const incomplete = await incompleteResultsFolders(options.paths, expanded.files, options.allowIncomplete ? "warning" : "error");
  if (incomplete.length && !options.allowIncomplete) throw new FolderError("the results given are not complete; nothing was written", incomplete);
  for (const p of incomplete) streams.stderr.write(`${formatProblem(p, lang)}\n`);
  // A manifest is the folder's record, never an input, even when damaged (beside results files).
  const resultsIn = new Set(expanded.files.filter((f) => isResultsFileName(basename(f))).map((f) => dirname(f)));
  const manifests = new Set<string>();
  for (const f of expanded.files) if ((basename(f) === MANIFEST_NAME && resultsIn.has(dirname(f))) || (await isManifestFile(f))) manifests.add(f);
  // A folder from `assess score -o` holds results.json and the same institutions one by one:
  // read results.json alone there, so that nothing is read (and held) twice.
  const combined = new Set(expanded.files.filter((f) => basename(f) === "results.json").map((f) => dirname(f)));
  const files = expanded.files.filter((f) => !manifests.has(f) && !(f.endsWith(".results.json") && combined.has(dirname(f))));
  const byKey = new Map<string, InstitutionResult>();
  const add = async (r: InstitutionResult) => {
    const key = `${r.source}\u0000${r.institution.id}\u0000${r.scorecard.date}`;
    if (byKey.has(key)) return;
    byKey.set(key, await keep(r));
  };
  for (const file of files) {
    const doc = extname(file).toLowerCase() === ".json" ? await resultsDocument(file) : undefined;
    if (doc && "problems" in doc) {
      failed.push(doc);
      streams.stderr.write(renderFailure(doc, lang));
    } else if (doc) {
      for (const r of doc.results) await add(r);
    } else {
      for (const o of await scoreInput(file, modules)) {
        if ("scorecard" in o) {
          if (o.problems.length) streams.stderr.write(renderProblems(o, lang));
          await add(o);
        } else {
          failed.push(o);
          streams.stderr.write(renderFailure(o, lang));
        }
      }
    }
  }
  // In input order: the duplicate rule may need it ("first").
  return { results: [...byKey.values()], failed };
}

/** Institutions by name, so that the report does not depend on input order. */
export function byName(a: InstitutionResult, b: InstitutionResult): number {
  return cmp(a.institution.name, b.institution.name) || cmp(a.institution.id, b.institution.id) || cmp(a.source, b.source);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Results files larger than this are refused before reading: one institution takes some tens of kilobytes. */
export const MAX_RESULTS_FILE_BYTES = 100 * 1024 * 1024;

/** A results document, a failure, or undefined when the JSON file is something else (an answer file, or one the answer reader refuses). */
async function resultsDocument(file: string): Promise<ResultsDocument | FailedInput | undefined> {
  const read = await readBounded(file, MAX_RESULTS_FILE_BYTES, (bytes) => coded("FILE_TOO_LARGE", { what: "results", bytes, max: MAX_RESULTS_FILE_BYTES }));
  if ("problem" in read) {
    const source = displayPath(file);
    return read.problem.code === "FILE_TOO_LARGE" ? { source, problems: [{ ...read.problem, severity: "error", source, path: [] }] } : undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(read.bytes.toString("utf8"));
  } catch {
    return undefined;
  }
  if ((value as { format?: unknown })?.format !== RESULTS_FORMAT) return undefined;
  const problems = checkSchema("results", value, displayPath(file));
  if (problems.length) return { source: displayPath(file), problems: problems.slice(0, 5) };
  return value as ResultsDocument;
}
