import { join, resolve } from "node:path";
import type { Lang, Module } from "../core/model.js";
import { buildComparison } from "../core/compare.js";
import type { CompareRound } from "../core/compare.js";
import type { Comparison } from "../core/compare-model.js";
import type { PlacedProblem } from "../core/compare-action-plan.js";
import type { FailedInput } from "../core/results.js";
import { countOnce } from "../core/duplicates.js";
import type { DuplicateRule } from "../core/duplicates.js";
import { formatProblem } from "../core/problem-words.js";
import { problem } from "../core/problems.js";
import type { Problem } from "../core/problems.js";
import { EXIT, ExitError, InternalError, UsageError } from "../errors.js";
import { loadActionPlan, loadMatch, roundModules } from "../io/compare-inputs.js";
import { today } from "../io/clock.js";
import { claimOutputFolder } from "../io/folder-lock.js";
import { displayPath, exists, requireOutputFolder, writeFileAtomic } from "../io/fs.js";
import { checkSchema } from "../io/schema.js";
import { processStreams } from "../io/streams.js";
import type { Streams } from "../io/streams.js";
import { byName, gather } from "./report.js";

export const COMPARE_FORMATS = ["md", "html", "xlsx", "json"] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export interface CompareCommandOptions {
  /** The baseline's inputs: anything assess report takes. */
  baseline: string[];
  followup: string[];
  /** The module folder of both rounds (default: the shipped modules). */
  modules?: string;
  /** A round's own module files, replacing those of the same file name in `modules` (a round may use revised modules). */
  baselineModules?: string;
  followupModules?: string;
  /** A CSV of baseline id, follow-up id rows, for institutions renamed, merged or split. */
  match?: string;
  /** The baseline report's action-plan.xlsx, filled in. */
  actionPlan?: string;
  output?: string;
  formats?: CompareFormat[];
  title?: string;
  date?: string;
  lang?: Lang;
  force?: boolean;
  duplicates?: DuplicateRule;
  allowIncomplete?: boolean;
}

const FILE_NAMES: Record<CompareFormat, string> = { md: "compare.md", html: "compare.html", xlsx: "compare.xlsx", json: "compare.json" };

/** `assess compare`: two rounds of results → what changed, per institution and nationally, in each format. */
export async function compareCommand(options: CompareCommandOptions, streams: Streams = processStreams()): Promise<{ comparison: Comparison; files: string[]; failed: FailedInput[]; problems: Problem[] }> {
  const date = options.date ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date ${date}: expected YYYY-MM-DD`);
  const dir = resolve(options.output ?? "compare");
  const formats = options.formats ?? [...COMPARE_FORMATS];
  const targets = formats.map((f) => join(dir, FILE_NAMES[f]));
  if (!options.force) {
    for (const t of targets) if (await exists(t)) throw new UsageError(`${displayPath(t)} already exists; use --force to replace it`);
  }
  const lang = options.lang ?? "en";
  // Read everything that can refuse the run before the folder is touched.
  const match = options.match ? await loadMatch(options.match) : undefined;
  const plan = options.actionPlan ? await loadActionPlan(options.actionPlan, lang) : undefined;
  const baseline = await round(options.baseline, options.baselineModules, options, streams, lang);
  const followup = await round(options.followup, options.followupModules, options, streams, lang);
  for (const [name, r] of [["baseline", baseline], ["follow-up", followup]] as const) {
    if (r.round.results.length === 0) {
      throw new UsageError(`no institution to compare in the ${name}: ${(name === "baseline" ? options.baseline : options.followup).join(", ")}`);
    }
  }
  const { comparison, problems: placed } = buildComparison(baseline.round, followup.round, {
    title: options.title ?? (lang === "th" ? "ข้อมูลเด็กข้ามชาติและเด็กผู้พลัดถิ่นโดยถูกบังคับ: การเปรียบเทียบรอบฐานกับรอบติดตาม" : "Data on migrant and forcibly displaced children: baseline and follow-up compared"),
    date,
    lang,
    ...(match ? { match: match.rows } : {}),
    ...(plan && options.actionPlan ? { actions: { source: displayPath(options.actionPlan), rows: plan.rows } } : {}),
  });
  const problems: Problem[] = [
    ...placedProblems(match?.problems ?? [], options.match),
    ...placedProblems(plan?.problems ?? [], options.actionPlan),
    ...placedProblems(placed.filter((p) => p.code.startsWith("MATCH")), options.match),
    ...placedProblems(placed.filter((p) => !p.code.startsWith("MATCH")), options.actionPlan),
    ...comparison.institutions.filter((i) => i.methodChanged).map((i) => problem("METHOD_CHANGED", { institution: i.followup.name, baseline: i.methodChanged!.baseline, followup: i.methodChanged!.followup }, i.followup.source, [], "warning")),
  ];
  for (const p of problems) streams.stderr.write(`${formatProblem(p, lang)}\n`);

  await requireOutputFolder(dir);
  const { lock, notes } = await claimOutputFolder(dir, "compare");
  try {
    for (const n of notes) streams.stderr.write(`${formatProblem(n, lang)}\n`);
    for (const [k, format] of formats.entries()) await writeFileAtomic(targets[k]!, await render(format, comparison), { force: true });
  } finally {
    await lock.release();
  }
  const { renderCompareSummary } = await import("../report/compare-terminal.js");
  streams.stdout.write(renderCompareSummary(comparison));
  const failed = [...baseline.failed, ...followup.failed];
  streams.stderr.write(`wrote ${targets.map(displayPath).join(", ")} (${comparison.totals.matched} institutions compared${failed.length ? `, ${failed.length} input(s) failed` : ""})\n`);
  if (failed.length || problems.some((p) => p.code !== "METHOD_CHANGED")) throw new ExitError(EXIT.SOME_FAILED);
  return { comparison, files: targets, failed, problems };
}

/** Problems of the --match file or the action plan: warnings with their line or cell; the row is left out. */
function placedProblems(list: readonly PlacedProblem[], file: string | undefined): Problem[] {
  return list.map(({ place, ...p }) => ({ ...p, severity: "warning", source: displayPath(file ?? ""), path: [], place }) as Problem);
}

/** One round: its inputs read as assess report reads them, each institution counted once. */
async function round(paths: string[], own: string | undefined, options: CompareCommandOptions, streams: Streams, lang: Lang): Promise<{ round: CompareRound; failed: FailedInput[] }> {
  const modules: Module[] = await roundModules(options.modules, own);
  const gathered = await gather({ paths, ...(options.allowIncomplete ? { allowIncomplete: true } : {}) }, modules, streams, lang, (r) => r);
  const rule = options.duplicates ?? "latest";
  const once = countOnce(gathered.results, rule);
  for (const d of once.superseded) {
    const p = problem("DUPLICATE_INSTITUTION", { institution: d.institutionName, id: d.institution, kept: d.kept.source, superseded: d.superseded.map((s) => s.source), rule }, d.kept.source, [], "warning");
    streams.stderr.write(`${formatProblem(p, lang)}\n`);
  }
  return { round: { results: [...once.results].sort(byName), modules }, failed: gathered.failed };
}

async function render(format: CompareFormat, c: Comparison): Promise<string | Buffer> {
  switch (format) {
    case "md":
      return (await import("../report/compare-markdown.js")).renderCompareMarkdown(c);
    case "html":
      return (await import("../report/compare-html.js")).renderCompareHtml(c);
    case "json": {
      // A mismatch is a bug in assess: said in English, as internal errors are.
      const problems = checkSchema("compare", c, "compare.json");
      if (problems.length) throw new InternalError(`the comparison does not match schemas/compare.schema.json: ${problems.map((p) => formatProblem(p, "en")).join("; ")}`);
      return `${JSON.stringify(c, null, 2)}\n`;
    }
    case "xlsx": {
      const { buildCompareWorkbook } = await import("../report/compare-xlsx.js");
      const { writeWorkbook } = await import("../io/xlsx.js");
      return writeWorkbook(buildCompareWorkbook(c));
    }
  }
}
