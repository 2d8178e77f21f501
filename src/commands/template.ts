import { resolve } from "node:path";
import type { LabelLang } from "../core/parse-answer.js";
import { buildQuestionnaire } from "../core/questionnaire.js";
import { UsageError } from "../errors.js";
import { displayPath, writeFileAtomic } from "../io/fs.js";
import { requireModules } from "../io/modules.js";
import { buildTemplate } from "../io/template.js";
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
}

/** `assess template`: the Excel questionnaire for the chosen modules. */
export async function templateCommand(options: TemplateOptions, streams: Streams = processStreams()): Promise<{ output: string; meta: TemplateMeta }> {
  const modules = await requireModules(options.modules);
  const select = options.select ?? modules.map((m) => m.id);
  const unknown = select.filter((id) => !modules.some((m) => m.id === id));
  if (unknown.length) throw new UsageError(`no module ${unknown.map((u) => `"${u}"`).join(", ")} (modules: ${modules.map((m) => m.id).join(", ")})`);
  const q = buildQuestionnaire(modules, select);
  const date = options.date ?? "2026-01-01";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date ${date}: expected YYYY-MM-DD`);
  const { spec, meta } = buildTemplate(q, options.lang ?? "both", new Date(`${date}T00:00:00Z`), { datasets: datasetColumns(options.datasets) });
  const output = resolve(options.output ?? "questionnaire.xlsx");
  await writeFileAtomic(output, await writeWorkbook(spec), { force: options.force ?? false });
  streams.stderr.write(`wrote ${displayPath(output)}: ${q.modules.map((m) => `${m.id} ${m.version}`).join(", ")} (${meta.lang})\n`);
  return { output, meta };
}

function datasetColumns(typed: string | undefined): number {
  if (typed === undefined) return DATASET_COLUMNS;
  const n = Number(typed);
  if (!/^\d+$/.test(typed) || n < 1 || n > MAX_DATASET_COLUMNS) throw new UsageError(`--datasets ${typed}: expected a whole number from 1 to ${MAX_DATASET_COLUMNS}`);
  return n;
}
