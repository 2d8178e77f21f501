// Reads and writes answer files (YAML or JSON).
import { extname } from "node:path";
import { stringify } from "yaml";
import { ANSWERS_FORMAT } from "../core/answers.js";
import type { Answer, AnswerSet, AnswerValue, ReadInput } from "../core/answers.js";
import type { ProblemCode } from "../core/problems.js";
import { coded, problem } from "../core/problems.js";
import { displayPath, writeFileAtomic } from "./fs.js";
import type { WriteOptions } from "./fs.js";
import { readBounded } from "./read-bounded.js";
import { KEY_CODES, checkSchema } from "./schema.js";
import { locate, parseYaml, yamlText } from "./yaml.js";

/** Answer files larger than this are refused before reading: a real one is a few hundred kilobytes. */
export const MAX_ANSWER_FILE_BYTES = 20 * 1024 * 1024;


export async function readAnswerFile(file: string): Promise<ReadInput> {
  const source = displayPath(file);
  // The size is checked before a byte is read: a huge file is refused, not loaded.
  const read = await readBounded(file, MAX_ANSWER_FILE_BYTES, (bytes) => coded("FILE_TOO_LARGE", { what: "answers", bytes, max: MAX_ANSWER_FILE_BYTES }));
  if ("problem" in read) return { source, problems: [{ ...read.problem, severity: "error", source, path: [] }] };
  const decoded = yamlText(read.bytes, source, "answers");
  if ("problem" in decoded) return { source, problems: [decoded.problem] };
  return parseAnswers(decoded.text, source);
}

/** Problems about an answer's question id point at the key, not the value. */
const ANSWER_KEY_CODES: ReadonlySet<ProblemCode> = new Set(["UNKNOWN_QUESTION", "WRONG_SCOPE"]);

export function parseAnswers(text: string, source: string): ReadInput {
  const parsed = parseYaml(text, source);
  if (parsed.problems.length > 0) return { source, problems: parsed.problems };
  if (parsed.value === null || typeof parsed.value !== "object" || Array.isArray(parsed.value)) {
    return { source, problems: [problem("NOT_ANSWERS", { kind: "not_mapping" }, source, [])] };
  }
  const raw = parsed.value as Record<string, unknown>;
  if (raw.format === "assess-results/1" || raw.format === "assess-report/1") {
    const kind = raw.format === "assess-results/1" ? "results_file" : "report_model";
    return { source, problems: locate(parsed, [problem("NOT_ANSWERS", { kind }, source, ["format"])]) };
  }
  if (raw.format !== ANSWERS_FORMAT) {
    const found = raw.format === undefined ? {} : { format: JSON.stringify(raw.format) };
    return { source, problems: locate(parsed, [problem("NOT_ANSWERS", { kind: "format", ...found }, source, ["format"])]) };
  }
  const problems = locate(parsed, checkSchema("answers", raw, source), KEY_CODES);
  if (problems.length > 0) return { source, problems };
  // Problems found later about an answer point at it by line:column (about its question id, at the key).
  return { source, set: normalize(raw), problems: [], locate: (ps) => locate(parsed, ps, ANSWER_KEY_CODES) };
}

/** The shorthand `question: value` becomes `{ value }`; datasets default to none. */
function normalize(raw: Record<string, unknown>): AnswerSet {
  const map = (m: unknown): Record<string, Answer> => {
    const out: Record<string, Answer> = {};
    for (const [k, v] of Object.entries((m ?? {}) as Record<string, unknown>)) {
      out[k] = v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Answer) : { value: v as AnswerValue };
    }
    return out;
  };
  const set = raw as unknown as AnswerSet;
  return {
    ...set,
    answers: map(raw.answers),
    datasets: ((raw.datasets ?? []) as AnswerSet["datasets"]).map((d) => ({ ...d, answers: map(d.answers) })),
  };
}

/** Writes an answer set as YAML (or JSON for a .json path), atomically. */
export async function writeAnswerFile(path: string, set: AnswerSet, options: WriteOptions = {}): Promise<void> {
  const text = extname(path).toLowerCase() === ".json" ? `${JSON.stringify(set, null, 2)}\n` : stringify(set, { lineWidth: 0 });
  await writeFileAtomic(path, text, options);
}
