import { basename, dirname, extname, join, resolve } from "node:path";
import type { Lang, Module } from "../core/model.js";
import { ReportBuilder, TablesInMemory } from "../core/report.js";
import { answerRows } from "../core/report-answers.js";
import { SharedTexts, ownTexts, sharedTexts, slimResult } from "../core/report-slim.js";
import type { SlimResult } from "../core/report-slim.js";
import { questionIndex } from "../core/questionnaire.js";
import { AnswerSpill } from "../io/answer-spill.js";
import type { AnswerRows, Spilled } from "../io/answer-spill.js";
import { RowFile } from "../io/row-file.js";
import type { DataMapRow, FirewallRow, HeatmapRow, InstitutionSection, Report, ReportOptions, SharingRow } from "../core/report-model.js";
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
import type { Counted, DuplicateRule } from "../core/duplicates.js";
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
 * each format. The report returned has no institution sections, and no rows in its long
 * tables, when there are more than INSTITUTION_PAGES_ABOVE: they were read back from disk
 * as they were written.
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
  // Two passes, so that a report of thousands holds no institution while it is made. As each
  // result is read, its answer rows and a slim copy of it (report-slim.ts) are set aside on
  // disk; only who it is, and when, is held. Which results count, and in what order, is then
  // known; the slim copies are read back in that order and each folded into the report.
  const answers = await AnswerSpill.open<number>(dir);
  const slims = await AnswerSpill.open<number, SlimResult>(dir).catch(async (e: unknown) => {
    await answers.remove();
    throw e;
  });
  try {
    const index = questionIndex(modules);
    const texts = new SharedTexts();
    let n = 0;
    const keep = async (r: InstitutionResult): Promise<Held> => {
      const at = n++;
      await answers.add(at, answerRows([r], index, lang));
      await slims.add(at, sharedTexts(slimResult(r), texts));
      return { source: r.source, institution: { id: r.institution.id, name: r.institution.name }, scorecard: { date: r.scorecard.date }, at };
    };
    const gathered = await gather(options, modules, streams, lang, keep);
    // The slim copies in report order, their recommendations in words again.
    const read = (order: number[]): Spilled<InstitutionResult> => ({
      batches: async function* () {
        for await (const r of slims.rows(order).batches()) yield ownTexts(r, texts);
      },
    });
    return await reportFrom(gathered, answers, read, { dir, date, options, streams, writers, formats, targets, modules, lang });
  } finally {
    await slims.remove();
    await answers.remove();
  }
}

/** What the report holds of each result while it reads the others: who, from where, when, and where its slim copy is. */
interface Held extends Counted {
  at: number;
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

async function reportFrom(gathered: { results: Held[]; failed: FailedInput[] }, answers: AnswerSpill<number>, read: (order: number[]) => Spilled<InstitutionResult>, run: Run): Promise<{ report: Report; files: string[]; failed: FailedInput[] }> {
  const { dir, targets, streams, lang } = run;
  const failed = gathered.failed;
  const { order, reportOptions } = settle(gathered, run);
  const made = await makeReport(read(order), run.modules, reportOptions, order.length > INSTITUTION_PAGES_ABOVE ? dir : undefined);
  try {
    const { report } = made;
    for (const o of report.otherMethods) {
      const p = problem("OTHER_METHOD", { institution: o.institutionName, method: o.method, reportMethod: report.method }, o.source, [], "warning");
      streams.stderr.write(`${formatProblem(p, lang)}\n`);
    }
    // Every format is written to a staging folder first and moved in place together.
    // The institutions/ pages belong to the report: an earlier report's go with it.
    await writeStaged(dir, [INSTITUTION_PAGES], (stage) => writeFormats(report, stage, answers.rows(order), made.sections, run));
  } finally {
    await made.remove();
  }
  streams.stderr.write(`wrote ${targets.map(displayPath).join(", ")} (${order.length} institutions${failed.length ? `, ${failed.length} input(s) failed` : ""})\n`);
  if (failed.length) throw new ExitError(EXIT.SOME_FAILED);
  // The long tables of a report of thousands were read from files now removed: not returned.
  const report = made.onDisk ? { ...made.report, heatmap: { ...made.report.heatmap, institutions: [] }, dataMap: { ...made.report.dataMap, rows: [] }, crossCutting: { ...made.report.crossCutting, sharing: [], firewallMissing: [] } } : made.report;
  return { report, files: targets, failed };
}

/**
 * The report from the results, read one at a time in report order. `dir`: set the long tables
 * and the sections aside there as they are made (a report of thousands), to be read back by
 * each format; without it they are kept in memory. What is returned holds no result.
 */
export async function makeReport(
  results: Spilled<InstitutionResult>,
  modules: readonly Module[],
  options: ReportOptions,
  dir?: string,
): Promise<{ report: Report; sections: Spilled<InstitutionSection>; onDisk: boolean; remove: () => Promise<void> }> {
  const builder = new ReportBuilder(modules, options);
  if (dir === undefined) {
    const tables = new TablesInMemory();
    for await (const r of results.batches()) tables.add(builder.add(r));
    return { report: builder.report({ ...tables, answers: [] }), sections: inMemory(tables.institutions), onDisk: false, remove: async () => undefined };
  }
  const files: RowFile<unknown>[] = [];
  const file = <T>(): RowFile<T> => {
    const f = RowFile.open<T>(dir);
    files.push(f as RowFile<unknown>);
    return f;
  };
  let sections: AnswerSpill<number, InstitutionSection> | undefined;
  const remove = async () => {
    for (const f of files) f.remove();
    await sections?.remove();
  };
  try {
    const tables = { heatmap: file<HeatmapRow>(), dataMap: file<DataMapRow>(), sharing: file<SharingRow>(), firewallMissing: file<FirewallRow>(), institutions: [], answers: [] };
    sections = await AnswerSpill.open<number, InstitutionSection>(dir);
    let n = 0;
    for await (const r of results.batches()) {
      const rows = builder.add(r);
      tables.heatmap.add(rows.heatmap);
      for (const row of rows.dataMap) tables.dataMap.add(row);
      tables.sharing.add(rows.sharing);
      if (rows.firewall) tables.firewallMissing.add(rows.firewall);
      await sections.add(n++, rows.section);
    }
    return { report: builder.report(tables), sections: sections.rows(Array.from({ length: n }, (_, k) => k)), onDisk: true, remove };
  } catch (e) {
    await remove();
    throw e;
  }
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

/** Which results count (one per institution, by the rule chosen), in report order, and the report's options. */
function settle(gathered: { results: Held[]; failed: FailedInput[] }, run: Run): { order: number[]; reportOptions: ReportOptions } {
  const { date, options, streams, lang } = run;
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
  const reportOptions: ReportOptions = {
    title: options.title ?? (lang === "th" ? "ข้อมูลเด็กข้ามชาติและเด็กผู้พลัดถิ่นโดยถูกบังคับ: ผลการประเมิน" : "Data on migrant and forcibly displaced children: assessment results"),
    date,
    lang,
    ...(options.includeRespondents ? { includeRespondents: true } : {}),
    superseded: once.superseded,
  };
  return { order: results.map((r) => r.at), reportOptions };
}

/**
 * Results from results files, and from answer files, workbooks and CSV scored on the way.
 * The same institution read twice (results.json beside its own results file) counts once.
 * `keep` turns each result read into what is held (the report keeps a slim copy and spills
 * its answers; compare keeps it whole).
 */
export async function gather<T>(
  options: Pick<ReportCommandOptions, "paths" | "allowIncomplete">,
  modules: readonly Module[],
  streams: Streams,
  lang: Lang,
  keep: (r: InstitutionResult) => T | Promise<T>,
): Promise<{ results: T[]; failed: FailedInput[] }> {
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
  const byKey = new Map<string, T>();
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
export function byName(a: Counted, b: Counted): number {
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
