import { dirname, resolve } from "node:path";
import type { Lang } from "../core/model.js";
import type { Problem } from "../core/problems.js";
import { hasErrors } from "../core/problems.js";
import { formatProblem, withMessage } from "../core/problem-words.js";
import { ExitError, EXIT } from "../errors.js";
import { displayPath } from "../io/fs.js";
import { isModuleFile, loadModuleFiles, moduleFiles } from "../io/modules.js";
import { SHIPPED_MODULES } from "../io/paths.js";
import { processStreams } from "../io/streams.js";
import type { Streams } from "../io/streams.js";

export interface ValidateOptions {
  modules?: string;
  files?: string[];
  json?: boolean;
  /** Language of the problems (default English). */
  lang?: Lang;
}

export interface ValidateResult {
  files: string[];
  problems: Problem[];
}

/**
 * `assess validate`: checks module files. Named files are checked together with the rest of
 * their set (the --modules folder, or their own folder), so cross-module rules apply; only
 * problems in the named files are reported.
 */
export async function validateCommand(options: ValidateOptions, streams: Streams = processStreams()): Promise<ValidateResult> {
  const named = (options.files ?? []).map((f) => resolve(f));
  const dir = options.modules ? resolve(options.modules) : named.length > 0 ? dirname(named[0]!) : SHIPPED_MODULES;
  const set = await setFor(dir, named);
  const loaded = await loadModuleFiles(set);
  const shown = named.length > 0 ? named : set;
  const shownSources = new Set(shown.map(displayPath));
  const problems = loaded.problems.filter((p) => shownSources.has(p.source));
  const lang = options.lang ?? "en";

  if (options.json) {
    streams.stdout.write(`${JSON.stringify({ files: [...shownSources], problems: problems.map((p) => withMessage(p, lang)) }, null, 2)}\n`);
  } else {
    for (const p of problems) streams.stdout.write(`${formatProblem(p, lang)}\n`);
    const errors = problems.filter((p) => p.severity === "error").length;
    // The scales and glossary files are checked and their problems shown, but they are not modules.
    const files = shown.filter(isModuleFile).length;
    streams.stdout.write(
      errors === 0
        ? `${files} module file${files === 1 ? "" : "s"} valid${problems.length ? ` (${problems.length} warning${problems.length === 1 ? "" : "s"})` : ""}\n`
        : `${errors} problem${errors === 1 ? "" : "s"} in ${new Set(problems.filter((p) => p.severity === "error").map((p) => p.source)).size} of ${files} module file${files === 1 ? "" : "s"}\n`,
    );
  }
  if (hasErrors(problems)) throw new ExitError(EXIT.SOME_FAILED);
  return { files: [...shownSources], problems };
}

/** The named files plus the other module files of the folder they belong to. */
async function setFor(dir: string, named: string[]): Promise<string[]> {
  let others: string[] = [];
  try {
    others = await moduleFiles(dir);
  } catch (e) {
    if (named.length === 0) throw e;
  }
  const rest = others.filter((f) => !named.includes(f));
  return [...named, ...rest];
}
