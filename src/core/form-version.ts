// The form version a KoboToolbox or ODK Central submission was made with, checked against the
// version of the form the loaded modules build (`assess xlsform` sets it, e.g. assess:general@2.1.0),
// as a workbook's hidden sheet is checked against the loaded module versions.
import type { Module } from "./model.js";
import { coded } from "./problems.js";
import type { CodedProblem } from "./problems.js";
import { buildQuestionnaire, questionIndex } from "./questionnaire.js";
import type { Questionnaire } from "./questionnaire.js";
import { canonical } from "./interview.js";
import { major } from "./check-answers.js";

/** ODK Central's column, and KoboToolbox's. */
const VERSION_COLUMNS = ["FormVersion", "__version__"];
/** A form version of ours: the readable one (formVersion), or the hash forms carried before it. */
const OURS = /^assess(?::|-[0-9a-f]{8}$)/;

/** What a submission's version cell says: nothing to report, the form's own module versions, or a refusal. */
export type VersionCheck = undefined | { madeAt: Record<string, string> } | { problem: CodedProblem };

/**
 * A check for each submission's version cell: undefined when the export has no version column.
 * `questions`: the ids of the questions the export's columns hold, which say the modules the
 * form was built from (an export has a column for every question of its form, answered or not).
 * A form built from the same modules at other versions of the same major versions is read,
 * and its versions returned, so that the answer check warns of them (as for a workbook).
 */
export function formVersionCheck(headers: readonly string[], questions: Iterable<string>, modules: readonly Module[]): ((value: string) => VersionCheck) | undefined {
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
  const legacy = legacyFormVersion(built);
  const used = built.modules.map((m) => `${m.id}@${m.version}`);
  return (value) => {
    // KoboToolbox writes its own deployment id (such as vHoldout1) in __version__, not the form's: it says nothing of the modules.
    if (!value || value === expected || value === legacy || (column === "__version__" && !OURS.test(value))) return undefined;
    const made = parseFormVersion(value);
    const sameMajors = made && built.modules.length === Object.keys(made).length && built.modules.every((m) => made[m.id] !== undefined && major(made[m.id]!) === major(m.version));
    if (made && sameMajors) return { madeAt: Object.fromEntries(built.modules.filter((m) => made[m.id] !== m.version).map((m) => [m.id, made[m.id]!])) };
    return { problem: coded("FORM_VERSION_MISMATCH", { version: value, expected, column, modules: used }) };
  };
}

/**
 * The form's version: the modules and versions it was built from, readable in ODK Collect's
 * form list and in every submission (`assess:general@2.1.0,health@2.0.0`), so that a form
 * fielded before a minor change to a module is still read.
 */
export function formVersion(q: Questionnaire): string {
  return `assess:${[...q.modules]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m) => `${m.id}@${m.version}`)
    .join(",")}`;
}

/** Module versions by id from a form version of ours, or undefined for anything else. */
function parseFormVersion(value: string): Record<string, string> | undefined {
  const m = /^assess:(.+)$/.exec(value);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  for (const part of m[1]!.split(",")) {
    const pair = /^([a-z][a-z0-9_]*)@(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(part);
    if (!pair || out[pair[1]!] !== undefined) return undefined;
    out[pair[1]!] = pair[2]!;
  }
  return out;
}

/** The version forms carried before the readable one: a hash of the same text, which says only "these exact versions". */
function legacyFormVersion(q: Questionnaire): string {
  const text = canonical(q.modules.map((m) => `${m.id}@${m.version}`));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `assess-${h.toString(16).padStart(8, "0")}`;
}

/** Where the version is, for a problem's place. */
export function versionColumn(headers: readonly string[]): number {
  return headers.findIndex((h) => VERSION_COLUMNS.includes(h));
}
