// Every code has words in English and Thai, for every shape of its args. The samples are
// typed by code, so a new code without a sample here does not compile.
import { describe, expect, it } from "vitest";
import type { AnswerReason, AnswerReasonArgs, AnswerReasonCode } from "../src/core/answers.js";
import { WORDS, formatProblem, formatReason, problemText } from "../src/core/problem-words.js";
import type { CodedProblem, ProblemArgs, ProblemCode } from "../src/core/problems.js";
import { problem } from "../src/core/problems.js";

const why: AnswerReason = { code: "NOT_AN_OPTION", args: { value: "sometimes", options: ["yes", "no"] } };

const REASONS: { [C in AnswerReasonCode]: AnswerReasonArgs[C][] } = {
  SPECIAL_NOT_OFFERED: [{ value: "dont_know" }],
  EXPECTED_ONE_OF: [{ options: ["yes", "no"] }],
  NOT_AN_OPTION: [{ value: "sometimes", options: ["yes", "no"] }],
  COMMA_SEPARATED: [{ value: "sex, age", options: ["sex", "age"] }],
  EXPECTED_LIST: [{ options: ["a", "b"] }],
  CHOSEN_TWICE: [{}],
  EXCLUSIVE_COMBINED: [{ option: "none" }],
  EXPECTED_NUMBER: [{}],
  EXPECTED_WHOLE_NUMBER: [{}],
  BELOW_MIN: [{ min: 0 }],
  ABOVE_MAX: [{ max: 100 }],
  EXPECTED_DATE: [{}],
  BEFORE_MIN_DATE: [{ min: "2000-01-01" }],
  AFTER_MAX_DATE: [{ max: "2030-12-31" }],
  EXPECTED_TEXT: [{}],
  CELL_ERROR: [{ text: "#N/A" }],
  NOT_CALCULATED: [{ formula: "=A1+1" }],
  NOT_A_NUMBER: [{ text: "many" }],
  NOT_A_DATE: [{ text: "soon" }],
  NO_SUCH_DATE: [{ text: "31/02/2025" }],
  DATE_YEAR_UNCLEAR: [{ text: "30/06/68" }],
  DATE_IN_FUTURE: [{ date: "2030-01-01", today: "2026-12-03" }],
  NUMBER_UNCLEAR: [{ text: "1,2" }],
  NOT_YES_OR_NO: [{ text: "Maybe" }],
  NOT_ONE_OR_ZERO: [{ text: "2" }],
  CHOSEN_WITH_TICKS: [{ text: "None", below: true }, { text: "None", below: false }],
  EXCLUSIVE_TICKED: [{ option: "none" }],
  EMPTY: [{}],
};

const HOLDER = { command: "score", pid: 4242, host: "nso-stats-01", started: "2026-12-02T18:00:00.000Z" };

const SAMPLES: { [C in ProblemCode]: ProblemArgs[C][] } = {
  READ_FAILED: [{ detail: "ENOENT" }],
  YAML_SYNTAX: [{ detail: "Missing closing quote", more: 0 }, { detail: "Missing closing quote", more: 1 }, { detail: "Missing closing quote", more: 2 }],
  YAML_TAG: [{ detail: "Unresolved tag: !custom" }],
  YAML_ALIASES: [{ detail: "Excessive alias count", max: 100 }],
  SCHEMA: [
    { rule: "id", value: '"Bad-Id"' },
    { rule: "pattern", value: '"one"' },
    { rule: "enum", value: '"scale"', allowed: ["number", "text"] },
    { rule: "type", expected: "object", found: "string" },
    { rule: "type", expected: "string,number", found: "a list" },
    { rule: "limit", value: "5", comparison: "<=", limit: 4 },
    { rule: "limit", value: "-1", comparison: ">=", limit: 0 },
    { rule: "limit", value: "0", comparison: ">", limit: 0 },
    { rule: "limit", value: "9", comparison: "<", limit: 9 },
    { rule: "const" },
    { rule: "count", bound: "min", limit: 2, of: "items" },
    { rule: "count", bound: "max", limit: 200, of: "characters" },
    { rule: "count", bound: "min", limit: 1, of: "properties" },
    { rule: "unique", first: 0, second: 1 },
    { rule: "format", format: "date" },
    { rule: "one_of" },
    { rule: "any_of" },
    { rule: "property_name", name: "Bad Key" },
    { rule: "text_scored" },
    { rule: "options_on_number" },
    { rule: "number_fields" },
    { rule: "scale_and_options" },
    { rule: "not" },
    { rule: "other", keyword: "dependentRequired", detail: "must have property args when property code is present" },
  ],
  SCHEMA_CONDITION: [{}],
  UNSCORED_GATE: [{ question: "shares_data", hides: ["sharing_agreements"] }, { question: "g", hides: ["a", "b", "c", "d", "e", "f"] }],
  UNKNOWN_SCALE: [{ scale: "agreement_coverage" }],
  SCALE_NOT_ALLOWED: [{ type: "yes_no" }],
  DUPLICATE_SCALE: [{ scale: "storage_place" }],
  UNKNOWN_LEVEL_VALUE: [{ value: "ten_yearly", values: ["annual", "monthly"] }],
  LEVEL_INCONSISTENT: [
    { label: "Paper", level: 1, otherLevel: 0, other: "modules/general.yaml", otherPath: ["sections", 2, "questions", 0, "options", 0, "level"], otherLine: 120, otherColumn: 20 },
    { label: "Paper", level: 1, otherLevel: 0, other: "modules/general.yaml", otherPath: ["sections", 2, "questions", 0, "scale"] },
  ],
  GLOSSARY_VARIANT: [{ variant: "พ่อแม่", preferred: "บิดามารดา", term: "parents" }],
  RECOMMENDATION_ORDER: [{ opening: "ให้", suggestion: "ควร" }],
  SCHEMA_REQUIRED: [{ property: "label" }],
  SCHEMA_UNKNOWN_PROPERTY: [{ property: "priorty" }],
  DUPLICATE_MODULE: [{ module: "health", other: "modules/health.yaml" }],
  DUPLICATE_QUESTION_ID: [{ question: "q1", other: "a.yaml", otherModule: "a" }],
  REQUIRES_SELF: [{ module: "health" }],
  UNKNOWN_REQUIRED_MODULE: [{ module: "general" }],
  DUPLICATE_SOURCE_ID: [{ id: "idac" }],
  DUPLICATE_SECTION_ID: [{ section: "main" }],
  BLANK_TEXT: [{ lang: "en" }, { lang: "th" }],
  THAI_MISSING: [{ text: "Register" }],
  UNKNOWN_SOURCE: [{ id: "nope" }],
  SCORED_WITHOUT_BANDS: [{ type: "number" }, { type: "date" }],
  DUPLICATE_OPTION: [{ value: "full" }],
  RESERVED_OPTION: [{ value: "dont_know" }],
  OPTION_LABEL_MISSING: [{}],
  WEIGHT_NOT_ALLOWED: [{}],
  LEVEL_NOT_ALLOWED: [{}],
  EXCLUSIVE_WEIGHT: [{}],
  YES_NO_OPTIONS: [{}],
  UNSCORED_LEVEL: [{ on: "options" }, { on: "bands" }],
  LEVEL_MISSING: [{}],
  RECOMMENDATION_MISSING: [{ of: "option", value: "partly" }, { of: "practice", value: "mou" }, { of: "band" }],
  NO_PRACTICES: [{}],
  BAD_RANGE: [{ rule: "date_limit" }, { rule: "number_limit" }, { rule: "integer_on_date" }],
  BAD_BAND: [{ rule: "date_keys" }, { rule: "number_keys" }, { rule: "empty", from: "min", to: "max" }],
  BAND_OVERLAP: [{}],
  DANGLING_CONDITION: [{ question: "q1", why: "itself" }, { question: "q9", why: "later" }, { question: "zz", why: "unknown" }],
  CONDITION_TYPE: [{ question: "n1", type: "number" }],
  CONDITION_SCOPE: [{ question: "ds_type" }],
  UNKNOWN_CONDITION_VALUE: [{ question: "q1", value: "maybe", values: ["yes", "no"] }],
  NOT_FOUND: [{ kind: "pattern" }, { kind: "path" }],
  UNSUPPORTED: [{ extensions: [".yaml", ".csv"] }],
  FILE_TOO_LARGE: [{ what: "answers", bytes: 30000000, max: 20971520 }, { what: "module", bytes: 209715200, max: 5242880 }, { what: "results", bytes: 209715200, max: 104857600 }],
  SPECIAL_FILE: [{ kind: "fifo" }, { kind: "device", target: "/dev/zero" }, { kind: "socket" }, { kind: "folder", target: "../elsewhere" }, { kind: "other" }],
  CSV_TOO_MANY_ROWS: [{ what: "rows", count: 370000, max: 100000 }, { what: "institutions", count: 6000, max: 5000 }],
  TOO_LARGE: [{ what: "csv", max: 20971520 }, { what: "workbook", bytes: 30000000, max: 26214400 }, { what: "memory", heapMb: 384 }],
  NOT_ANSWERS: [{ kind: "not_mapping" }, { kind: "results_file" }, { kind: "report_model" }, { kind: "format" }, { kind: "format", format: '"x/1"' }],
  WORKBOOK_EMPTY: [{ kind: "no_bytes" }, { kind: "no_sheets" }],
  WORKBOOK_XLS: [{}],
  WORKBOOK_ENCRYPTED: [{}],
  WORKBOOK_NOT_ZIP: [{}],
  WORKBOOK_ZIP64: [{}],
  WORKBOOK_DUPLICATE_ENTRY: [{ entry: "xl/worksheets/sheet2.xml" }],
  WORKBOOK_CORRUPT: [{}, { detail: "End of data reached" }],
  WORKBOOK_TOO_LARGE: [
    { limit: "file", bytes: 30000000, max: 26214400 },
    { limit: "expanded", bytes: 200000000, max: 104857600 },
    { limit: "entries", entries: 3000, max: 2000 },
    { limit: "ratio", entry: "xl/worksheets/sheet1.xml", ratio: 1000, bytes: 90000000 },
    { limit: "inflated_ratio", entry: "xl/worksheets/sheet1.xml", max: 200 },
    { limit: "inflated", max: 104857600 },
    { limit: "cells", max: 3000000 },
  ],
  WORKBOOK_NOT_SPREADSHEET: [{ kind: "ods" }, { kind: "zip" }],
  NOT_QUESTIONNAIRE: [
    { kind: "no_meta", sheet: "assess_meta", sheets: ["survey", "choices"], more: false },
    { kind: "no_meta", sheet: "assess_meta", sheets: ["a", "b"], more: true },
    { kind: "format", expected: "assess-template/1" },
    { kind: "format", format: "assess-template/9", expected: "assess-template/1" },
    { kind: "meta_changed", sheet: "assess_meta" },
  ],
  OTHER_MODULE_VERSIONS: [{ modules: [{ module: "education", version: "2.0.0", loaded: "1.0.0" }, { module: "old", version: "1.0.0" }] }],
  TEMPLATE_CONTENT_DIFFERS: [{}],
  SHEET_TOO_LARGE: [{ sheet: "Education", rows: 100000, columns: 7, maxRows: 5000, maxColumns: 2000 }],
  SHEET_MISSING: [{ sheet: "Institution", holds: "institution" }, { sheet: "Datasets", holds: "datasets" }, { sheet: "Health", holds: "module", module: "health" }],
  INSTITUTION_NAME_MISSING: [{ in: "workbook" }, { in: "submission" }],
  DATE_MISSING: [{ in: "workbook", reason: { code: "EMPTY", args: {} } }, { in: "workbook", reason: { code: "NOT_A_DATE", args: { text: "soon" } } }, { in: "submission" }, { in: "csv", institution: "hpo" }],
  SHEET_RENAMED: [{ module: "general", sheet: "General questionnaire", found: "General questionnaire (2)" }],
  TEMPLATE_ROW: [{ line: 2, reason: "no_name" }, { line: 3, reason: "unknown_module", value: "x" }, { line: 4, reason: "no_modules", value: "Ministry of Y" }, { line: 5, reason: "language", value: "fr" }, { line: 6, reason: "duplicate", value: "moe.xlsx" }],
  MODULE_NOT_ANSWERED: [{ module: "health", sheet: "Health and immunisation" }],
  SHEET_COPY: [{ module: "general", sheet: "General questionnaire", copy: "General questionnaire (2)", identical: true }, { module: "general", sheet: "General questionnaire", copy: "General questionnaire (2)", identical: false }],
  SHEET_COPY_CONFLICT: [{ question: "data_governance_policy", places: ["'General questionnaire'!E3", "'General questionnaire (2)'!E3"] }],
  META_DAMAGED: [
    { sheet: "assess_meta", kind: "missing", modules: [{ module: "general", loaded: "1.0.0" }] },
    { sheet: "assess_meta", kind: "modules", modules: [{ module: "general", loaded: "1.0.0" }, { module: "education", loaded: "1.2.0" }] },
    { sheet: "assess_meta", kind: "modules", modules: [] },
    { sheet: "assess_meta", kind: "sheets" },
  ],
  MERGED_CELLS: [{ sheet: "General questionnaire", range: "E11:E14" }],
  UNKNOWN_ROW: [{ row: 7, id: "edu_made_up" }],
  BUDDHIST_ERA_DATE: [
    { question: "ds_last_updated", text: "30/06/2568", date: "2025-06-30" },
    { dataset: "Register A", question: "ds_last_updated", text: "30/06/2568", date: "2025-06-30" },
  ],
  DUPLICATE_ROW: [{ id: "q1", first: 2 }],
  DATASET_NAME_MISSING: [{ row: 3 }],
  CSV_EMPTY: [{}],
  CSV_ENCODING: [{}],
  EXPORT_WITHOUT_DATASETS: [{}],
  MODULE_NOT_CHOSEN: [{ module: "health", questions: ["hlth_records_kept"] }, { module: "education", questions: ["edu_a", "edu_b"] }],
  STATUS_WITH_VALUE: [{ question: "ds_timeliness_months", status: "dont_know", value: "3" }, { question: "ds_last_updated", status: "not_applicable", value: "2026-01-01" }],
  CSV_SYNTAX: [{ detail: "Quote Not Closed" }],
  CSV_COLUMNS: [{ missing: ["institution"], found: ["id", "q"] }],
  CSV_INSTITUTION: [{}],
  REPEAT_WITHOUT_MAIN: [
    { main: "assess_children_on_the_move.csv", where: "missing" },
    { main: "assess_children_on_the_move.csv", where: "not_given" },
    { main: "assess_children_on_the_move.csv", where: "zip" },
  ],
  ZIP_NOT_EXPORT: [
    { kind: "unknown", entries: ["notes.txt", "photo.jpg"], more: 0 },
    { kind: "unknown", entries: [], more: 0 },
    { kind: "unknown", entries: ["a.txt"], more: 3 },
    { kind: "other_form", main: "household_survey.csv" },
  ],
  FORM_VERSION_MISMATCH: [{ version: "assess-00000000", expected: "assess-6c28a710", column: "FormVersion", modules: ["general@1.0.0", "health@1.0.0"] }],
  REPEAT_ROWS_WITHOUT_SUBMISSION: [{ rows: 1, parent: "uuid:02c767a4" }, { rows: 3, parent: "4" }],
  INVALID_UTF8: [{ what: "answers" }, { what: "module" }],
  DATASET_MISSING: [{ question: "ds_type" }],
  NOT_PER_DATASET: [{ question: "q1", dataset: "Register" }],
  DUPLICATE_ANSWER: [{ question: "q1" }, { question: "ds_type", dataset: "Register" }],
  UNKNOWN_MODULE: [{ module: "nope", loaded: ["general", "health"] }],
  MODULE_VERSION_MISMATCH: [{ module: "demo", version: "2.1.0", loaded: "1.0.0" }],
  MODULE_VERSION_DIFFERS: [{ module: "demo", version: "1.2.0", loaded: "1.0.0" }],
  REQUIRED_MODULE_MISSING: [{ module: "health", requires: "general" }],
  UNKNOWN_QUESTION: [
    { question: "o1", in: "undeclared_module" },
    { question: "zz", in: "loaded_modules" },
    { question: "demo_colects", in: "modules", modules: ["demo"] },
    { question: "demo_colects", in: "modules", modules: ["demo"], suggestion: "demo_collects" },
  ],
  WRONG_SCOPE: [{ question: "q1", belongs: "institution" }, { question: "ds_type", belongs: "dataset" }],
  INVALID_ANSWER: [
    { question: "q1", value: "sometimes", reason: why },
    { question: "q1", option: "a", value: "Maybe", reason: { code: "NOT_YES_OR_NO", args: { text: "Maybe" } } },
    { question: "ds_type", dataset: "Register", option: "a", value: "Maybe", reason: { code: "NOT_YES_OR_NO", args: { text: "Maybe" } } },
  ],
  DUPLICATE_DATASET: [{ dataset: "register" }],
  ANSWER_TO_HIDDEN_QUESTION: [{ question: "mid", gates: ["gate"] }, { question: "leaf", gates: ["gate", "mid"] }],
  OTHER_METHOD: [{ institution: "Old Office", method: "1.0.0", reportMethod: "2.0.0" }],
  DUPLICATE_INSTITUTION: [
    { institution: "Office", id: "office", kept: "b.xlsx", superseded: ["a.xlsx"], rule: "latest" },
    { institution: "Office", id: "office", kept: "a.xlsx", superseded: ["b.xlsx", "c.xlsx"], rule: "first" },
  ],
  XLSFORM_NAME: [{ kind: "list", name: "y n" }, { kind: "choice", name: "y es" }, { kind: "question", name: "1a" }, { kind: "form_id", name: "my form" }],
  XLSFORM_DUPLICATE: [{ kind: "choice", name: "yes", list: "yn" }, { kind: "question", name: "a", firstRow: 3 }],
  XLSFORM_LABEL_MISSING: [{ kind: "choice", name: "yes", column: "label::Thai (th)" }, { kind: "question", name: "a", column: "label::Thai (th)" }],
  XLSFORM_GROUPS: [{ kind: "unmatched", type: "end_group", open: "group" }, { kind: "crossed", type: "end_repeat", open: "group", openRow: 2 }, { kind: "unclosed", open: "repeat" }],
  XLSFORM_LIST_MISSING: [{ list: "nope" }],
  XLSFORM_UNKNOWN_TYPE: [{ type: "barcode" }],
  XLSFORM_REQUIRED: [{}],
  XLSFORM_SYNTAX: [{ kind: "unreadable", text: "#yes" }, { kind: "expected", expected: ")", found: "end" }, { kind: "ends_early" }, { kind: "unexpected", token: "'no'" }],
  XLSFORM_REFERENCE: [{ ref: "zzz", kind: "none" }, { ref: "g", kind: "group" }],
  XLSFORM_CURRENT: [{}],
  XLSFORM_FUNCTION: [{ kind: "unknown", name: "frobnicate" }, { kind: "select_multiple", name: "selected" }, { kind: "arity", name: "not", takes: 1, given: 2 }],
  XLSFORM_SETTING: [{ kind: "empty", setting: "version" }, { kind: "language", value: "French (fr)" }],
  FOLDER_LOCKED: [{ holder: HOLDER, sameHost: true }, { holder: HOLDER, sameHost: false }, { sameHost: false }],
  STALE_LOCK_TAKEN: [{ holder: HOLDER }],
  LEFTOVER_REMOVED: [{ files: ["results.json.4242.0a1b2c3d.tmp"] }, { files: ["results.json.4242.0a1b2c3d.tmp", "report.md.4242.0a1b2c3e.tmp"] }],
  RESULTS_INCOMPLETE: [
    { kind: "no_manifest" },
    { kind: "unreadable" },
    { kind: "unfinished", started: "2026-12-02T18:00:00.000Z", written: 41, inputs: 200 },
    { kind: "unfinished", started: "2026-12-02T18:00:00.000Z", written: 41, inputs: 200, running: HOLDER },
    { kind: "missing_files", files: ["moe.results.json"] },
    { kind: "missing_files", files: ["moe.results.json", "results.json"] },
  ],
  ACTION_PLAN_INVALID: [{}],
  ACTION_ID_MISSING: [{}],
  ACTION_UNKNOWN_ID: [{ id: "moe|edu_records" }],
  ACTION_DUPLICATE_ID: [{ id: "moe|edu_records", first: "'Action plan'!A4" }],
  ACTION_STATUS_INVALID: [{ value: "finished", allowed: ["Not started", "In progress", "Done", "Not planned"] }],
  ACTION_DATE_INVALID: [{ value: "next year" }],
  MATCH_ROW_INVALID: [{ cells: 3 }],
  MATCH_UNKNOWN_ID: [{ id: "moe", round: "baseline" }, { id: "moe-2", round: "followup" }],
  METHOD_CHANGED: [{ institution: "Example Bureau (fictional)", baseline: "1.0.0", followup: "2.0.0" }],
};

const THAI = /[\u0E00-\u0E7F]/;
/** Words that are not words: a placeholder left (XLSForm's own ${ref} aside), a value missing or printed as an object. */
const BROKEN = /(?<!\$)\{[A-Za-z_]+\}|undefined|\[object Object\]|NaN/;

const samples = (Object.keys(SAMPLES) as ProblemCode[]).flatMap((code) => (SAMPLES[code] as object[]).map((args, i) => [`${code} #${i + 1}`, { code, args } as CodedProblem] as const));

describe("the words of every problem", () => {
  it("cover exactly the codes the program emits, each with at least one sample", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(WORDS).sort());
    for (const [code, list] of Object.entries(SAMPLES)) expect(list.length, code).toBeGreaterThan(0);
  });
  it.each(samples)("%s reads in English and Thai", (_n, p) => {
    const en = problemText(p, "en");
    const th = problemText(p, "th");
    expect(en.trim()).not.toBe("");
    expect(en).not.toMatch(BROKEN);
    // Thai in English words only where quoted: the module's own Thai that the problem is about.
    expect(en.replace(/"[^"]*"/g, '""')).not.toMatch(THAI);
    expect(th.trim()).not.toBe("");
    expect(th).not.toMatch(BROKEN);
    expect(th).toMatch(THAI);
  });
});

describe("the words of every answer reason", () => {
  const reasons = (Object.keys(REASONS) as AnswerReasonCode[]).flatMap((code) => (REASONS[code] as object[]).map((args) => [code, { code, args }] as const));
  it.each(reasons)("%s reads in English and Thai", (_n, r) => {
    const reason = r as AnswerReason;
    expect(formatReason(reason, "en")).not.toMatch(BROKEN);
    expect(formatReason(reason, "en")).not.toMatch(THAI);
    expect(formatReason(reason, "th")).not.toMatch(BROKEN);
    expect(formatReason(reason, "th")).toMatch(THAI);
  });
});

describe("a problem on one line", () => {
  it("says where, the words, and the code in brackets, in either language", () => {
    const p = { ...problem("MODULE_VERSION_DIFFERS", { module: "demo", version: "1.2.0", loaded: "1.0.0" }, "a.yaml", ["modules", "demo"], "warning"), line: 4, column: 18 };
    expect(formatProblem(p, "en")).toBe("a.yaml:4:18 modules.demo: warning: answers were given for demo 1.2.0; scoring with 1.0.0 [MODULE_VERSION_DIFFERS]");
    expect(formatProblem(p, "th")).toMatch(/^a\.yaml:4:18 modules\.demo: คำเตือน: .*[\u0E00-\u0E7F].* \[MODULE_VERSION_DIFFERS\]$/);
    const placed = { ...problem("INVALID_ANSWER", SAMPLES.INVALID_ANSWER[0]!, "moe.xlsx", []), place: "Education!E14" };
    expect(formatProblem(placed, "en")).toMatch(/^moe\.xlsx › Education!E14: .+ \[INVALID_ANSWER\]$/);
  });
});
