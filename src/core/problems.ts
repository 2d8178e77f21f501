// Problems are data (a code, where, and the facts as typed args); src/core/problem-words.ts
// turns them into words, in English or Thai.
import type { AnswerReason } from "./answers.js";
import type { Lang } from "./model.js";

export type DocPath = (string | number)[];

export type Severity = "error" | "warning";

/** The arguments of a code that needs none. */
export type NoArgs = Record<string, never>;

/** A JSON Schema error, by the keyword that failed; `value` is the offending value as JSON. */
export type SchemaRule =
  | { rule: "id"; value: string }
  | { rule: "pattern"; value: string }
  | { rule: "enum"; value: string; allowed: string[] }
  | { rule: "type"; expected: string; found: "a list" | "null" | "string" | "number" | "boolean" | "object" }
  | { rule: "limit"; value: string; comparison: ">=" | "<=" | ">" | "<"; limit: number }
  | { rule: "const" }
  | { rule: "count"; bound: "min" | "max"; limit: number; of: "items" | "characters" | "properties" }
  | { rule: "unique"; first: number; second: number }
  | { rule: "format"; format: string }
  | { rule: "one_of" | "any_of" }
  | { rule: "property_name"; name: string }
  /** The module schema's `not` rules: a text question scored, options on a number or date, number fields elsewhere, a scale beside options. */
  | { rule: "text_scored" | "options_on_number" | "number_fields" | "scale_and_options" | "not" }
  /** A keyword we have no words for: ajv's own text. */
  | { rule: "other"; keyword: string; detail: string };

/** Module files: YAML, the schema, and the rules of src/core/rules.ts. */
export interface ModuleProblemArgs {
  READ_FAILED: { detail: string };
  YAML_SYNTAX: { detail: string; more: number };
  YAML_TAG: { detail: string };
  YAML_ALIASES: { detail: string; max: number };
  SCHEMA: SchemaRule;
  SCHEMA_CONDITION: NoArgs;
  SCHEMA_REQUIRED: { property: string };
  SCHEMA_UNKNOWN_PROPERTY: { property: string };
  DUPLICATE_MODULE: { module: string; other: string };
  DUPLICATE_QUESTION_ID: { question: string; other: string; otherModule: string };
  REQUIRES_SELF: { module: string };
  UNKNOWN_REQUIRED_MODULE: { module: string };
  DUPLICATE_SOURCE_ID: { id: string };
  DUPLICATE_SECTION_ID: { section: string };
  BLANK_TEXT: { lang: Lang };
  THAI_MISSING: { text: string };
  UNKNOWN_SOURCE: { id: string };
  SCORED_WITHOUT_BANDS: { type: "number" | "date" };
  DUPLICATE_OPTION: { value: string };
  RESERVED_OPTION: { value: string };
  OPTION_LABEL_MISSING: NoArgs;
  WEIGHT_NOT_ALLOWED: NoArgs;
  LEVEL_NOT_ALLOWED: NoArgs;
  EXCLUSIVE_WEIGHT: NoArgs;
  YES_NO_OPTIONS: NoArgs;
  UNSCORED_LEVEL: { on: "options" | "bands" };
  LEVEL_MISSING: NoArgs;
  RECOMMENDATION_MISSING: { of: "option" | "practice"; value: string } | { of: "band" };
  NO_PRACTICES: NoArgs;
  BAD_RANGE: { rule: "date_limit" | "number_limit" | "integer_on_date" };
  BAD_BAND: { rule: "date_keys" | "number_keys" } | { rule: "empty"; from: string; to: string };
  BAND_OVERLAP: NoArgs;
  DANGLING_CONDITION: { question: string; why: "itself" | "later" | "unknown" };
  CONDITION_TYPE: { question: string; type: string };
  CONDITION_SCOPE: { question: string };
  UNKNOWN_CONDITION_VALUE: { question: string; value: string; values: string[] };
  /** An unscored question (not marked `routing: true`) whose answers hide scored questions. */
  UNSCORED_GATE: { question: string; hides: string[] };
  UNKNOWN_SCALE: { scale: string };
  /** `scale` on a question that is not single or multiple choice. */
  SCALE_NOT_ALLOWED: { type: string };
  DUPLICATE_SCALE: { scale: string };
  /** A level set names an option the question does not have. */
  UNKNOWN_LEVEL_VALUE: { value: string; values: string[] };
  /** The same English option wording at another level elsewhere; `other` is where (file, path, and line:column when known). */
  LEVEL_INCONSISTENT: { label: string; level: number; otherLevel: number; other: string; otherPath: DocPath; otherLine?: number; otherColumn?: number };
  /** Thai text using a wording the glossary says to avoid. */
  GLOSSARY_VARIANT: { variant: string; preferred: string; term: string };
  /** A Thai recommendation opening with an order ("ให้…"): the NSO advises, it cannot instruct a ministry. */
  RECOMMENDATION_ORDER: { opening: string; suggestion: string };
}

/** What an input that is not a regular file is. */
export type SpecialFileKind = "fifo" | "device" | "socket" | "folder" | "other";

/** Input files: finding them, answer files, workbooks (and their zip), CSV and form exports. */
export interface InputProblemArgs {
  NOT_FOUND: { kind: "pattern" | "path" };
  UNSUPPORTED: { extensions: string[] };
  /** `what`: an answer file, a module file, or a results file given to `report`. */
  FILE_TOO_LARGE: { what: "answers" | "module" | "results"; bytes: number; max: number };
  /** Not a regular file (a FIFO, a device, a socket): skipped without reading. `target`: where a symbolic link points. */
  SPECIAL_FILE: { kind: SpecialFileKind; target?: string };
  TOO_LARGE: { what: "csv"; max: number } | { what: "workbook"; bytes: number; max: number } | { what: "memory"; heapMb: number };
  /** `format`: the format found, as JSON; none when the file has no format field. */
  NOT_ANSWERS: { kind: "not_mapping" } | { kind: "results_file" } | { kind: "report_model" } | { kind: "format"; format?: string };
  WORKBOOK_EMPTY: { kind: "no_bytes" | "no_sheets" };
  WORKBOOK_XLS: NoArgs;
  WORKBOOK_ENCRYPTED: NoArgs;
  WORKBOOK_NOT_ZIP: NoArgs;
  /** A zip64 archive (its directory past 4 GB markers): no questionnaire needs one, and it is not read. */
  WORKBOOK_ZIP64: NoArgs;
  /** The same part twice in the archive: which one a program reads differs, so neither is trusted. */
  WORKBOOK_DUPLICATE_ENTRY: { entry: string };
  /** `detail`: the spreadsheet library's words, when it failed; none when the zip directory is broken. */
  WORKBOOK_CORRUPT: { detail?: string };
  WORKBOOK_TOO_LARGE:
    | { limit: "file" | "expanded"; bytes: number; max: number }
    | { limit: "entries"; entries: number; max: number }
    | { limit: "ratio"; entry: string; ratio: number; bytes: number }
    /** Found while inflating, counting the bytes really inflated (the sizes an archive declares may lie). */
    | { limit: "inflated_ratio"; entry: string; max: number }
    | { limit: "inflated"; max: number }
    /** Rows, cells, hyperlinks and merged cells, over all sheets: reading cost follows what is present. */
    | { limit: "cells"; max: number };
  WORKBOOK_NOT_SPREADSHEET: { kind: "ods" | "zip" };
  NOT_QUESTIONNAIRE:
    | { kind: "no_meta"; sheet: string; sheets: string[]; more: boolean }
    | { kind: "format"; format?: string; expected: string }
    | { kind: "meta_changed"; sheet: string };
  OTHER_MODULE_VERSIONS: { modules: { module: string; version: string; loaded?: string }[] };
  TEMPLATE_CONTENT_DIFFERS: NoArgs;
  SHEET_TOO_LARGE: { sheet: string; rows: number; columns: number; maxRows: number; maxColumns: number };
  SHEET_MISSING: { sheet: string; holds: "institution" | "datasets" } | { sheet: string; holds: "module"; module: string };
  /** A module sheet found by its question ids under another name than the one it was made with. */
  SHEET_RENAMED: { module: string; sheet: string; found: string };
  /** A second sheet holding a module's questions; `identical` when it holds the same answers. */
  /** A module whose sheet was left wholly empty in a workbook of all modules: not answered, so left off the scorecard and completeness. */
  /** A row of `assess template --for` that makes no workbook: no name, a module or language not known, or a file name taken. */
  TEMPLATE_ROW: { line: number; reason: "no_name" | "unknown_module" | "no_modules" | "language" | "duplicate"; value?: string };
  MODULE_NOT_ANSWERED: { module: string; sheet: string };
  SHEET_COPY: { module: string; sheet: string; copy: string; identical: boolean };
  /** One question answered differently in two copies of a sheet: neither is scored; `places` are the cells. */
  SHEET_COPY_CONFLICT: { question: string; places: string[] };
  /**
   * The hidden metadata sheet deleted or edited. `missing`/`modules`: the module list is gone or
   * wrong, so these modules were recognised by their question ids, their versions unknown;
   * `sheets`: the sheet map is wrong, module sheets were found by their question ids.
   */
  META_DAMAGED: { sheet: string; kind: "missing" | "modules"; modules: { module: string; loaded: string }[] } | { sheet: string; kind: "sheets" };
  /** Merged cells over answer or comment cells: only the range's first cell is read. */
  MERGED_CELLS: { sheet: string; range: string };
  INSTITUTION_NAME_MISSING: { in: "workbook" | "submission" };
  DATE_MISSING: { in: "workbook"; reason: AnswerReason } | { in: "submission" } | { in: "csv"; institution: string };
  UNKNOWN_ROW: { row: number; id: string };
  /** A date typed as text with a Buddhist-era year (2568): read as B.E. (2568 − 543 = 2025); said, as a spreadsheet would not. */
  BUDDHIST_ERA_DATE: { dataset?: string; question: string; text: string; date: string };
  DUPLICATE_ROW: { id: string; first: number };
  /** A dataset row (first layout) or column (issue 16 layout) with answers but no name. */
  DATASET_NAME_MISSING: { row: number } | { column: string };
  CSV_EMPTY: NoArgs;
  /** An answers CSV with more answer rows, or more institutions, than one file may hold (README, Limits). */
  CSV_TOO_MANY_ROWS: { what: "rows" | "institutions"; count: number; max: number };
  /** Neither UTF-8, UTF-16 nor Windows-874 (Thai Excel's CSV encoding). */
  CSV_ENCODING: NoArgs;
  /** A KoboToolbox or ODK export that carries no datasets repeat: every dataset question is missing. */
  EXPORT_WITHOUT_DATASETS: NoArgs;
  /** A submission answers questions of an area module it did not choose in the form's modules question: kept, not scored. */
  MODULE_NOT_CHOSEN: { module: string; questions: string[] };
  /** A number or date and, beside it, Don't know or Not applicable: neither is scored. */
  STATUS_WITH_VALUE: { question: string; status: "dont_know" | "not_applicable"; value: string };
  CSV_SYNTAX: { detail: string };
  CSV_COLUMNS: { missing: string[]; found: string[] };
  CSV_INSTITUTION: NoArgs;
  /**
   * ODK Central's repeat CSV read without its main CSV (`main`, the name expected): not beside
   * it (`missing`), beside it but not among the inputs (`not_given`), or not in the .zip (`zip`).
   */
  REPEAT_WITHOUT_MAIN: { main: string; where: "missing" | "not_given" | "zip" };
  DATASET_MISSING: { question: string };
  NOT_PER_DATASET: { question: string; dataset: string };
  DUPLICATE_ANSWER: { question: string; dataset?: string };
}

/** KoboToolbox and ODK Central exports: the .zip ODK Central downloads, the form version, the text of YAML files. */
export interface ExportProblemArgs {
  /** A .zip that is neither ODK Central's download (`<form>.csv` and its repeat CSVs) nor a workbook (the first entries it holds), or the download of another form. */
  ZIP_NOT_EXPORT: { kind: "unknown"; entries: string[]; more: number } | { kind: "other_form"; main: string };
  /** The form version a submission was made with (`column`: FormVersion or __version__) is not the version of the form the loaded modules build. */
  FORM_VERSION_MISMATCH: { version: string; expected: string; column: string; modules: string[] };
  /** Rows of the datasets repeat whose submission is not in the main table (`parent`: the first one's link, `_parent_index` or `PARENT_KEY`). */
  REPEAT_ROWS_WITHOUT_SUBMISSION: { rows: number; parent: string };
  /** Bytes that are not UTF-8 in a YAML or JSON file (the problem's line and column say where). */
  INVALID_UTF8: { what: "answers" | "module" };
}

/** Answers checked against the questionnaire, and results read by the report. */
export interface AnswerProblemArgs {
  UNKNOWN_MODULE: { module: string; loaded: string[] };
  MODULE_VERSION_MISMATCH: { module: string; version: string; loaded: string };
  MODULE_VERSION_DIFFERS: { module: string; version: string; loaded: string };
  REQUIRED_MODULE_MISSING: { module: string; requires: string };
  UNKNOWN_QUESTION:
    | { question: string; in: "undeclared_module" }
    | { question: string; in: "loaded_modules" }
    | { question: string; in: "modules"; modules: string[]; suggestion?: string };
  /** `belongs`: where the question is answered (the answer was found in the other place). */
  WRONG_SCOPE: { question: string; belongs: "institution" | "dataset" };
  /** `value`: as written; `dataset`: the name a workbook row gave; `option`: a tick cell's option. */
  INVALID_ANSWER: { question: string; dataset?: string; option?: string; value: string; reason: AnswerReason };
  DUPLICATE_DATASET: { dataset: string };
  ANSWER_TO_HIDDEN_QUESTION: { question: string; gates: string[] };
  OTHER_METHOD: { institution: string; method: string; reportMethod: string };
  /** The same institution (by id) from several inputs: one counts, by the rule chosen. */
  DUPLICATE_INSTITUTION: { institution: string; id: string; kept: string; superseded: string[]; rule: "latest" | "first" };
}

/** Who holds a results or report folder: read from its lock file. */
export interface LockHolder {
  command: string;
  pid: number;
  host: string;
  started: string;
}

/** Output folders: the lock of a run, what an earlier run left, and results folders that are not whole. */
export interface FolderProblemArgs {
  /** Another run writes to the folder; no holder when the lock file cannot be read. */
  FOLDER_LOCKED: { holder?: LockHolder; sameHost: boolean };
  /** A run that stopped without finishing (its process is gone on this host): its lock is taken over. */
  STALE_LOCK_TAKEN: { holder: LockHolder };
  /** Temporary files of ours that a stopped run left, removed. */
  LEFTOVER_REMOVED: { files: string[] };
  /** A results folder whose run did not finish, or has no manifest, or lost files. */
  RESULTS_INCOMPLETE:
    | { kind: "no_manifest" | "unreadable" }
    | { kind: "unfinished"; started: string; written: number; inputs: number; running?: LockHolder }
    | { kind: "missing_files"; files: string[] };
}

/** `assess compare`: the --match file and the action plan read back. */
export interface CompareProblemArgs {
  /** The workbook given with --action-plan is not an action plan written by assess report. */
  ACTION_PLAN_INVALID: NoArgs;
  /** A row with a status, date, unit or note whose hidden id was cleared: it cannot be matched. */
  ACTION_ID_MISSING: NoArgs;
  /** An id that is no recommendation of the baseline compared. */
  ACTION_UNKNOWN_ID: { id: string };
  /** The same id on a second row (a copied row): the first counts. */
  ACTION_DUPLICATE_ID: { id: string; first: string };
  ACTION_STATUS_INVALID: { value: string; allowed: string[] };
  ACTION_DATE_INVALID: { value: string };
  /** A --match row without exactly two ids. */
  MATCH_ROW_INVALID: { cells: number };
  /** A --match id that is no institution of its round. */
  MATCH_UNKNOWN_ID: { id: string; round: "baseline" | "followup" };
  /** An institution scored with one method version at baseline and another at follow-up. */
  METHOD_CHANGED: { institution: string; baseline: string; followup: string };
}

/** The XLSForm guard (src/core/xlsform-check.ts). */
export interface XlsFormProblemArgs {
  XLSFORM_NAME: { kind: "list" | "choice" | "question" | "form_id"; name: string };
  XLSFORM_DUPLICATE: { kind: "choice"; name: string; list: string } | { kind: "question"; name: string; firstRow: number };
  XLSFORM_LABEL_MISSING: { kind: "choice" | "question"; name: string; column: string };
  XLSFORM_GROUPS:
    | { kind: "unmatched"; type: string; open: "group" | "repeat" }
    | { kind: "crossed"; type: string; open: "group" | "repeat"; openRow: number }
    | { kind: "unclosed"; open: "group" | "repeat" };
  XLSFORM_LIST_MISSING: { list: string };
  XLSFORM_UNKNOWN_TYPE: { type: string };
  XLSFORM_REQUIRED: NoArgs;
  XLSFORM_SYNTAX: { kind: "unreadable"; text: string } | { kind: "expected"; expected: string; found: string } | { kind: "ends_early" } | { kind: "unexpected"; token: string };
  XLSFORM_REFERENCE: { ref: string; kind: "none" | "group" };
  XLSFORM_CURRENT: NoArgs;
  XLSFORM_FUNCTION: { kind: "unknown" | "select_multiple"; name: string } | { kind: "arity"; name: string; takes: number; given: number };
  XLSFORM_SETTING: { kind: "empty"; setting: string } | { kind: "language"; value: string };
}

export interface ProblemArgs extends ModuleProblemArgs, InputProblemArgs, ExportProblemArgs, AnswerProblemArgs, XlsFormProblemArgs, FolderProblemArgs, CompareProblemArgs {}

/** Every code the program emits. */
export type ProblemCode = keyof ProblemArgs;

/** A code with its args: the facts of a problem, without where it is. */
export type CodedProblem = { [C in ProblemCode]: { code: C; args: ProblemArgs[C] } }[ProblemCode];

export type Problem = CodedProblem & {
  severity: Severity;
  /** The file (or other source) the problem is in. */
  source: string;
  /** Path inside the document, e.g. ["sections", 0, "questions", 2, "id"]. */
  path: DocPath;
  /** Filled in by the loader from the YAML node ranges, 1-based. */
  line?: number;
  column?: number;
  /** A human place such as a sheet and cell, when there is no YAML position. */
  place?: string;
};

export function coded<C extends ProblemCode>(code: C, args: ProblemArgs[C]): CodedProblem {
  return { code, args } as CodedProblem;
}

export function problem<C extends ProblemCode>(code: C, args: ProblemArgs[C], source: string, path: DocPath, severity: Severity = "error"): Problem {
  return { code, args, severity, source, path } as Problem;
}

/** "sections[0].questions[2].id" — the path as a reader would type it. */
export function formatPath(path: DocPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
