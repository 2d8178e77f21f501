// What `assess compare` reads besides the rounds' inputs: an action plan a person filled in
// (--action-plan), the --match file, and a round's own module files (--baseline-modules, --followup-modules).
import type { Lang } from "../core/model.js";
import { readActionPlan } from "../core/compare-action-plan.js";
import type { ActionRow, PlacedProblem } from "../core/compare-action-plan.js";
import type { MatchRow } from "../core/compare.js";
import { coded, problem } from "../core/problems.js";
import { IngestError, QuestionnaireError } from "../errors.js";
import { basename } from "node:path";
import type { Module } from "../core/model.js";
import { hasErrors } from "../core/problems.js";
import { loadModuleFiles, moduleFiles, requireModules } from "./modules.js";
import { SHIPPED_MODULES } from "./paths.js";
import { readCsvTable } from "./csv-table.js";
import { displayPath } from "./fs.js";
import { readBounded } from "./read-bounded.js";
import { readXlsx } from "./xlsx-reader.js";

/** An action plan holds a row per recommendation: some thousands at most, far below this. */
const MAX_ACTION_PLAN_BYTES = 20 * 1024 * 1024;

export async function loadActionPlan(file: string, lang: Lang): Promise<{ rows: ActionRow[]; problems: PlacedProblem[] }> {
  const source = displayPath(file);
  const read = await readBounded(file, MAX_ACTION_PLAN_BYTES, (bytes) => coded("TOO_LARGE", { what: "workbook", bytes, max: MAX_ACTION_PLAN_BYTES }));
  if ("problem" in read) throw new IngestError(`cannot read the action plan ${source}`, [{ ...read.problem, severity: "error", source, path: [] }]);
  const book = readXlsx(read.bytes);
  if (!book.ok) throw new IngestError(`cannot read the action plan ${source}`, [{ ...coded(book.code, book.args), severity: "error", source, path: [] } as ReturnType<typeof problem>]);
  const plan = readActionPlan(book.book, lang);
  if (!plan) throw new IngestError(`cannot read the action plan ${source}`, [problem("ACTION_PLAN_INVALID", {}, source, [])]);
  return plan;
}

const HEADER = /^(baseline|followup|follow-up|from|to)(_?id)?$/i;

/** The --match CSV: one row per pair, the baseline id then the follow-up id; a header row is allowed. */
export async function loadMatch(file: string): Promise<{ rows: MatchRow[]; problems: PlacedProblem[] }> {
  const source = displayPath(file);
  const table = await readCsvTable(file);
  if ("problem" in table) throw new IngestError(`cannot read the match file ${source}`, [{ ...table.problem, severity: "error", source, path: [] } as ReturnType<typeof problem>]);
  const rows: MatchRow[] = [];
  const problems: PlacedProblem[] = [];
  table.table.forEach((record, k) => {
    const cells = record.map((c) => c.trim());
    while (cells.length && cells.at(-1) === "") cells.pop();
    const place = `line ${table.lines[k]}`;
    if (cells.length === 0) return;
    if (k === 0 && cells.length === 2 && HEADER.test(cells[0]!) && HEADER.test(cells[1]!)) return;
    if (cells.length !== 2 || cells.some((c) => c === "")) problems.push({ ...coded("MATCH_ROW_INVALID", { cells: cells.filter(Boolean).length }), place });
    else rows.push({ baseline: cells[0]!, followup: cells[1]!, place });
  });
  return { rows, problems };
}

/**
 * A round's modules: the module files of `round` replace those of the same file name in `base`
 * (the shipped modules when none), and its other files are added. So a round answered with one
 * revised module needs only that module's file beside its answers.
 */
export async function roundModules(base: string | undefined, round: string | undefined): Promise<Module[]> {
  if (!round) return requireModules(base);
  const own = await moduleFiles(round);
  const byName = new Map(own.map((f) => [basename(f), f] as const));
  const files = (await moduleFiles(base ?? SHIPPED_MODULES)).map((f) => {
    const mine = byName.get(basename(f));
    byName.delete(basename(f));
    return mine ?? f;
  });
  const loaded = await loadModuleFiles([...files, ...byName.values()]);
  if (hasErrors(loaded.problems)) throw new QuestionnaireError(`the modules of ${displayPath(round)} (over ${base ? displayPath(base) : "the shipped ones"}) have problems; run \`assess validate\` on them for details`, loaded.problems);
  return loaded.modules.map((m) => m.module);
}
