import { basename, join, resolve } from "node:path";
import { idFor } from "../core/ids.js";
import type { Module } from "../core/model.js";
import type { LabelLang } from "../core/parse-answer.js";
import { formatProblem } from "../core/problem-words.js";
import { problem } from "../core/problems.js";
import type { Problem } from "../core/problems.js";
import { buildQuestionnaire } from "../core/questionnaire.js";
import { knownMinistry, suggestedModules } from "../core/suggest-modules.js";
import type { KnownInstitution } from "../core/suggest-modules.js";
import { ExitError, UsageError } from "../errors.js";
import { readCsvTable } from "../io/csv-table.js";
import { displayPath, writeFileAtomic } from "../io/fs.js";
import { knownInstitutions } from "../io/institutions.js";
import { requireModules } from "../io/modules.js";
import { buildTemplate } from "../io/template.js";
import type { TemplateChoices } from "../io/template.js";
import { DATASET_COLUMNS, MAX_DATASET_COLUMNS } from "../core/template-layout.js";
import type { TemplateMeta } from "../core/template-layout.js";
import { writeWorkbook } from "../io/xlsx.js";
import { processStreams } from "../io/streams.js";
import type { Streams } from "../io/streams.js";

export interface TemplateOptions {
  modules?: string;
  select?: string[];
  lang?: LabelLang;
  output?: string;
  force?: boolean;
  /** Date written into the workbook's properties (YYYY-MM-DD); fixed so that output is reproducible. */
  date?: string;
  /** Dataset columns on the Datasets sheet, as typed. */
  datasets?: string;
  /** A workbook for this institution: its name on the Institution sheet, its modules suggested from --ministry. */
  institution?: string;
  ministry?: string;
  /** A CSV of institutions (name, ministry, modules, language): one workbook each, in the folder -o names. */
  for?: string;
}

/** `assess template`: the Excel questionnaire for the chosen modules, for one institution, or one per institution of a list. */
export async function templateCommand(options: TemplateOptions, streams: Streams = processStreams()): Promise<{ output: string; meta: TemplateMeta; written?: string[]; problems?: Problem[] }> {
  const modules = await requireModules(options.modules);
  const date = options.date ?? "2026-01-01";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date ${date}: expected YYYY-MM-DD`);
  const base = { lang: options.lang ?? "both", date: new Date(`${date}T00:00:00Z`), datasets: datasetColumns(options.datasets) };
  if (options.for) return batch(options, modules, base, streams);
  let select = options.select ?? modules.map((m) => m.id);
  if (options.institution !== undefined) {
    if (!options.institution.trim()) throw new UsageError("--institution: the institution's name is empty");
    if (!options.select) {
      select = suggested(modules, options.ministry, await knownInstitutions());
      if (select.length <= 1) throw new UsageError(`no modules are known for the ministry "${options.ministry ?? ""}"; choose them with --modules`);
    }
  }
  const unknown = select.filter((id) => !modules.some((m) => m.id === id));
  if (unknown.length) throw new UsageError(`no module ${unknown.map((u) => `"${u}"`).join(", ")} (modules: ${modules.map((m) => m.id).join(", ")})`);
  const institution = options.institution?.trim();
  const output = resolve(options.output ?? (institution ? `${idFor(institution)}.xlsx` : "questionnaire.xlsx"));
  const meta = await writeOne(output, modules, select, { ...base, ...(institution ? { institution: { name: institution, ...(options.ministry ? { ministry: options.ministry } : {}) } } : {}) }, options.force ?? false, streams);
  return { output, meta };
}

interface Base extends TemplateChoices {
  lang: LabelLang;
  date: Date;
}

async function writeOne(output: string, modules: Module[], select: string[], choices: Base, force: boolean, streams: Streams): Promise<TemplateMeta> {
  const q = buildQuestionnaire(modules, select);
  const { spec, meta } = buildTemplate(q, choices.lang, choices.date, choices);
  await writeFileAtomic(output, await writeWorkbook(spec), { force });
  streams.stderr.write(`wrote ${displayPath(output)}: ${q.modules.map((m) => `${m.id} ${m.version}`).join(", ")} (${meta.lang})\n`);
  return meta;
}

/** The general questionnaire and the area modules the interview would tick for this ministry. */
function suggested(modules: Module[], ministry: string | undefined, known: readonly KnownInstitution[]): string[] {
  const k = ministry ? knownMinistry(ministry, known) : undefined;
  return suggestedModules(modules, k?.themes ?? []);
}

/** One workbook per row of the list; a row that makes none is a coded problem, and the others are still made. */
async function batch(options: TemplateOptions, modules: Module[], base: Base, streams: Streams): Promise<{ output: string; meta: TemplateMeta; written: string[]; problems: Problem[] }> {
  const source = displayPath(options.for!);
  const read = await readCsvTable(options.for!);
  if ("problem" in read) {
    streams.stderr.write(`${formatProblem(problem(read.problem.code, read.problem.args as never, source, []), "en")}\n`);
    throw new ExitError(2);
  }
  const [header = [], ...rows] = read.table;
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const [cName, cMinistry, cModules, cLang] = ["name", "ministry", "modules", "language"].map(col) as [number, number, number, number];
  if (cName < 0) throw new UsageError(`${source}: no "name" column (columns: name, ministry, modules, language)`);
  const folder = resolve(options.output ?? ".");
  const known = await knownInstitutions();
  const problems: Problem[] = [];
  const written: string[] = [];
  const taken = new Set<string>();
  let last: TemplateMeta | undefined;
  for (const [i, row] of rows.entries()) {
    const line = read.lines[i + 1] ?? i + 2;
    const cell = (c: number) => (c >= 0 ? (row[c] ?? "").trim() : "");
    if (row.every((x) => x.trim() === "")) continue;
    const bad = (reason: "no_name" | "unknown_module" | "no_modules" | "language" | "duplicate", value?: string) => problems.push(problem("TEMPLATE_ROW", { line, reason, ...(value !== undefined ? { value } : {}) }, source, []));
    const name = cell(cName);
    if (!name) { bad("no_name"); continue; }
    const lang = cell(cLang) || base.lang;
    if (!["en", "th", "both"].includes(lang)) { bad("language", lang); continue; }
    const listed = cell(cModules).split(/[\s,;]+/).filter(Boolean);
    const unknown = listed.find((id) => !modules.some((m) => m.id === id));
    if (unknown) { bad("unknown_module", unknown); continue; }
    const select = listed.length ? listed : suggested(modules, cell(cMinistry), known);
    if (select.length <= 1 && !listed.length) { bad("no_modules", cell(cMinistry)); continue; }
    const file = `${idFor(name)}.xlsx`;
    if (taken.has(file)) { bad("duplicate", file); continue; }
    taken.add(file);
    const ministry = cell(cMinistry);
    last = await writeOne(join(folder, file), modules, select, { ...base, lang: lang as LabelLang, institution: { name, ...(ministry ? { ministry } : {}) } }, options.force ?? false, streams);
    written.push(join(folder, file));
  }
  for (const p of problems) streams.stderr.write(`${formatProblem(p, "en")}\n`);
  streams.stderr.write(`${written.length} workbook${written.length === 1 ? "" : "s"} in ${displayPath(folder)} from ${basename(source)}${problems.length ? `, ${problems.length} row${problems.length === 1 ? "" : "s"} not made` : ""}\n`);
  if (!last && !problems.length) throw new UsageError(`${source}: no institutions listed`);
  if (problems.length) throw Object.assign(new ExitError(1), { written, problems });
  return { output: folder, meta: last!, written, problems };
}

function datasetColumns(typed: string | undefined): number {
  if (typed === undefined) return DATASET_COLUMNS;
  const n = Number(typed);
  if (!/^\d+$/.test(typed) || n < 1 || n > MAX_DATASET_COLUMNS) throw new UsageError(`--datasets ${typed}: expected a whole number from 1 to ${MAX_DATASET_COLUMNS}`);
  return n;
}
