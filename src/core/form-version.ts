// The form version a KoboToolbox or ODK Central submission was made with, checked against the
// version of the form the loaded modules build (`assess xlsform` sets it, e.g. assess-6c28a710),
// as a workbook's hidden sheet is checked against the loaded module versions.
import type { Module } from "./model.js";
import { coded } from "./problems.js";
import type { CodedProblem } from "./problems.js";
import { buildQuestionnaire, questionIndex } from "./questionnaire.js";
import { formVersion } from "./xlsform.js";

/** ODK Central's column, and KoboToolbox's. */
const VERSION_COLUMNS = ["FormVersion", "__version__"];
const OURS = /^assess-[0-9a-f]{8}$/;

/**
 * A check for each submission's version cell: undefined when the export has no version column.
 * `questions`: the ids of the questions the export's columns hold, which say the modules the
 * form was built from (an export has a column for every question of its form, answered or not).
 */
export function formVersionCheck(headers: readonly string[], questions: Iterable<string>, modules: readonly Module[]): ((value: string) => CodedProblem | undefined) | undefined {
  const column = VERSION_COLUMNS.find((c) => headers.includes(c));
  if (!column) return undefined;
  const index = questionIndex(modules);
  const ids = new Set<string>();
  for (const q of questions) {
    const m = index.get(q)?.module;
    if (m) ids.add(m.id);
  }
  const built = buildQuestionnaire(modules, [...ids]);
  const expected = formVersion(built);
  const used = built.modules.map((m) => `${m.id}@${m.version}`);
  return (value) => {
    // KoboToolbox writes its own deployment id (such as vHoldout1) in __version__, not the form's: it says nothing of the modules.
    if (!value || value === expected || (column === "__version__" && !OURS.test(value))) return undefined;
    return coded("FORM_VERSION_MISMATCH", { version: value, expected, column, modules: used });
  };
}

/** Where the version is, for a problem's place. */
export function versionColumn(headers: readonly string[]): number {
  return headers.findIndex((h) => VERSION_COLUMNS.includes(h));
}
