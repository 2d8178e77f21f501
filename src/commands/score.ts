import { readdir, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { checkAnswers } from "../core/check-answers.js";
import type { Module } from "../core/model.js";
import { hasErrors, problem } from "../core/problems.js";
import { RESULTS_FORMAT, institutionResult } from "../core/results.js";
import type { FailedInput, InstitutionResult, ResultsDocument } from "../core/results.js";
import { METHOD_VERSION, scoreAnswers } from "../core/scoring.js";
import { EXIT, ExitError, UsageError } from "../errors.js";
import { readAnswerFile } from "../io/answers.js";
import { displayPath, writeFileAtomic } from "../io/fs.js";
import { requireModules } from "../io/modules.js";
import { locate } from "../io/yaml.js";
import { renderFailure, renderScorecard, renderSummary } from "../report/terminal.js";

export interface ScoreOptions {
  modules?: string;
  paths: string[];
  json?: boolean;
  output?: string;
  force?: boolean;
  lang?: "en" | "th";
}

/** Problems about an answer's question id point at the key, not the value. */
const ANSWER_KEY_CODES: ReadonlySet<string> = new Set(["UNKNOWN_QUESTION", "WRONG_SCOPE"]);

const ANSWER_EXT = new Set([".yaml", ".yml", ".json"]);

/** `assess score`: every input scored or explained; one bad file never stops the rest. */
export async function scoreCommand(options: ScoreOptions): Promise<ResultsDocument> {
  const modules = await requireModules(options.modules);
  const { files, failed } = await expandPaths(options.paths);
  if (files.length === 0 && failed.length === 0) throw new UsageError(`no answer files (.yaml, .yml, .json) found in ${options.paths.join(", ")}`);
  const lang = options.lang ?? "en";
  const results: InstitutionResult[] = [];
  const out = (s: string) => {
    if (!options.json) process.stdout.write(s);
  };

  for (const f of failed) process.stderr.write(renderFailure(f));
  for (const file of files) {
    const outcome = await scoreFile(file, modules);
    if ("problems" in outcome) {
      failed.push(outcome);
      process.stderr.write(renderFailure(outcome));
    } else {
      results.push(outcome);
      out(renderScorecard(outcome, modules, lang));
    }
  }

  const doc: ResultsDocument = { format: RESULTS_FORMAT, method: METHOD_VERSION, results, failed };
  if (options.json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  else out(renderSummary(doc));
  if (options.output) await writeResults(options.output, doc, options.force ?? false);
  if (failed.length > 0) throw new ExitError(EXIT.SOME_FAILED);
  return doc;
}

export async function scoreFile(file: string, modules: readonly Module[]): Promise<InstitutionResult | FailedInput> {
  const read = await readAnswerFile(file);
  if (!read.set) return { source: read.source, problems: read.problems };
  const checked = checkAnswers(read.set, modules, read.source);
  // Answer-level problems get the line:column of the answer in the file.
  const problems = read.parsed ? locate(read.parsed, checked.problems, ANSWER_KEY_CODES) : checked.problems;
  if (hasErrors(problems)) return { source: read.source, problems };
  return institutionResult(read.source, read.set, scoreAnswers(checked.questionnaire, read.set), problems);
}

/** Files given, and answer files found (sorted) in folders given. Missing paths fail alone. */
async function expandPaths(paths: readonly string[]): Promise<{ files: string[]; failed: FailedInput[] }> {
  const files: string[] = [];
  const failed: FailedInput[] = [];
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch {
      failed.push({ source: p, problems: [problem("NOT_FOUND", p, [], "no such file or folder")] });
      continue;
    }
    if (s.isDirectory()) {
      const names = (await readdir(p)).filter((n) => ANSWER_EXT.has(extname(n).toLowerCase()) && !n.startsWith(".")).sort();
      files.push(...names.map((n) => join(p, n)));
    } else {
      files.push(p);
    }
  }
  // The same file named twice (a folder and a file in it) is scored once.
  const seen = new Set<string>();
  return { files: files.filter((f) => !seen.has(resolve(f)) && seen.add(resolve(f)) !== undefined), failed };
}

async function writeResults(dir: string, doc: ResultsDocument, force: boolean): Promise<void> {
  const used = new Map<string, number>();
  for (const r of doc.results) {
    const n = (used.get(r.institution.id) ?? 0) + 1;
    used.set(r.institution.id, n);
    const name = n === 1 ? r.institution.id : `${r.institution.id}-${n}`;
    const one: ResultsDocument = { ...doc, results: [r], failed: [] };
    await writeFileAtomic(join(dir, `${name}.results.json`), `${JSON.stringify(one, null, 2)}\n`, { force });
  }
  await writeFileAtomic(join(dir, "results.json"), `${JSON.stringify(doc, null, 2)}\n`, { force });
  process.stderr.write(`wrote ${doc.results.length + 1} results file${doc.results.length === 0 ? "" : "s"} to ${displayPath(resolve(dir))}\n`);
}
