import { resolve } from "node:path";
import type { Lang } from "../core/model.js";
import { buildQuestionnaire } from "../core/questionnaire.js";
import { CHOICES_COLUMNS, SURVEY_COLUMNS, buildXlsForm } from "../core/xlsform.js";
import type { Row, XlsForm } from "../core/xlsform.js";
import { checkXlsForm } from "../core/xlsform-check.js";
import { formatProblem } from "../core/problem-words.js";
import { InternalError, UsageError } from "../errors.js";
import { displayPath, writeFileAtomic } from "../io/fs.js";
import { requireModules } from "../io/modules.js";
import type { CellSpec, SheetSpec } from "../core/workbook.js";
import { writeWorkbook } from "../io/xlsx.js";
import { processStreams } from "../io/streams.js";
import type { Streams } from "../io/streams.js";

export interface XlsFormOptions {
  modules?: string;
  select?: string[];
  output?: string;
  force?: boolean;
  /** Language of any problems (the form itself is bilingual). */
  lang?: Lang;
}

function sheet(name: string, columns: readonly string[], rows: Row[]): SheetSpec {
  const cells: CellSpec[][] = [columns.map((c) => ({ value: c, bold: true })), ...rows.map((r) => columns.map((c) => ({ value: r[c] ?? null })))];
  return { name, rows: cells, columns: columns.map((c) => ({ width: c === "type" || c === "name" || c === "list_name" ? 28 : 40 })), freeze: { rows: 1, columns: 0 } };
}

/** `assess xlsform`: the questionnaire as an XLSForm for KoboToolbox and ODK. */
export async function xlsformCommand(options: XlsFormOptions, streams: Streams = processStreams()): Promise<{ output: string; form: XlsForm }> {
  const modules = await requireModules(options.modules);
  const select = options.select ?? modules.map((m) => m.id);
  const unknown = select.filter((id) => !modules.some((m) => m.id === id));
  if (unknown.length) throw new UsageError(`no module ${unknown.map((u) => `"${u}"`).join(", ")} (modules: ${modules.map((m) => m.id).join(", ")})`);
  const form = buildXlsForm(buildQuestionnaire(modules, select));
  // Our own guard for the XLSForm rules: a form that breaks them is a bug, never written.
  const problems = checkXlsForm(form);
  if (problems.length) throw new InternalError(`the XLSForm breaks the spec's rules:\n  ${problems.map((p) => formatProblem(p, options.lang ?? "en")).join("\n  ")}`);
  const settingsColumns = Object.keys(form.settings);
  const output = resolve(options.output ?? "assessment-form.xlsx");
  const buf = await writeWorkbook({
    title: form.settings.form_title!,
    date: new Date("2026-01-01T00:00:00Z"),
    sheets: [sheet("survey", SURVEY_COLUMNS, form.survey), sheet("choices", CHOICES_COLUMNS, form.choices), sheet("settings", settingsColumns, [form.settings])],
  });
  await writeFileAtomic(output, buf, { force: options.force ?? false });
  streams.stderr.write(`wrote ${displayPath(output)}: ${form.survey.length} survey rows, ${form.choices.length} choices, version ${form.settings.version}\n`);
  return { output, form };
}
