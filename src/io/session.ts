// The interview's session file: every answer is written here, atomically, as soon as it is given.
import { readFile, readdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { AnswerSet } from "../core/answers.js";
import type { Lang } from "../core/model.js";
import { IngestError, ioReason } from "../errors.js";
import { displayPath, writeFileAtomic } from "./fs.js";

export const SESSION_FORMAT = "assess-session/1";
export const SESSION_SUFFIX = ".session.json";

export type Stage = "datasets" | "modules" | "questions" | "review";

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
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new IngestError(`cannot read the session file ${displayPath(path)}: ${ioReason(e)}`, [], { cause: e });
  }
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
