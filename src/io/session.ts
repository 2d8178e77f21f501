// The interview's session file: every answer is written here, atomically, as soon as it is given.
import { readdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { AnswerSet } from "../core/answers.js";
import type { Lang } from "../core/model.js";
import { coded } from "../core/problems.js";
import { IngestError } from "../errors.js";
import { MAX_ANSWER_FILE_BYTES } from "./answers.js";
import { displayPath, writeFileAtomic } from "./fs.js";
import { readBounded } from "./read-bounded.js";

export const SESSION_FORMAT = "assess-session/1";
export const SESSION_SUFFIX = ".session.json";

export type Stage = "profile" | "datasets" | "modules" | "questions" | "review";

export interface Session {
  format: typeof SESSION_FORMAT;
  /** The answer file the interview will write, relative to the session file's folder. */
  output: string;
  lang: Lang;
  stage: Stage;
  /** Module versions and question fingerprints the answers were given against. */
  modules: Record<string, string>;
  fingerprints: Record<string, string>;
  /** Steps the user chose to answer later (stepKey). */
  skipped: string[];
  /** Steps whose answer no longer fits a changed question: kept here until answered again (stepKey). */
  reask?: string[];
  /** Profile questions already answered (stage "profile"), so a resumed interview asks only the rest. */
  asked?: string[];
  /** The modules folder the interview was started with (--modules), absolute; none for the built-in modules. */
  modulesDir?: string;
  answers: AnswerSet;
}

/** moe.answers.yaml → moe.session.json, beside it. */
export function sessionPathFor(output: string): string {
  const name = basename(output).replace(/(\.answers)?\.(ya?ml|json)$/i, "");
  return join(dirname(output), `${name}${SESSION_SUFFIX}`);
}

export async function saveSession(path: string, session: Session): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(session, null, 2)}\n`, { force: true });
}

export async function loadSession(path: string): Promise<Session> {
  // A session holds one institution's answers: the answer file's bound, and a regular file only (a FIFO would block).
  const read = await readBounded(path, MAX_ANSWER_FILE_BYTES, (bytes) => coded("FILE_TOO_LARGE", { what: "answers", bytes, max: MAX_ANSWER_FILE_BYTES }));
  if ("problem" in read) throw new IngestError(`cannot read the session file ${displayPath(path)}`, [{ ...read.problem, severity: "error", source: displayPath(path), path: [] }]);
  const text = read.bytes.toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new IngestError(`${displayPath(path)} is not a readable session file: ${(e as Error).message}`, [], { cause: e });
  }
  const s = value as Partial<Session>;
  if (s?.format !== SESSION_FORMAT || !s.answers || !s.output || !s.modules || !s.fingerprints) {
    throw new IngestError(`${displayPath(path)} is not an assess interview session (expected format ${SESSION_FORMAT})`);
  }
  return { skipped: [], ...s } as Session;
}

/** Session files in a folder, for "resume the interview with …?" at start. */
export async function sessionsIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((n) => n.endsWith(SESSION_SUFFIX))
      .sort()
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
}
