// The scoring pipeline every channel goes through: read a file, check its answers against
// the modules, score them. Commands (score, report) and the worker threads call it.
import type { ReadInput } from "../core/answers.js";
import { checkAnswers } from "../core/check-answers.js";
import type { Module } from "../core/model.js";
import { institutionResult } from "../core/results.js";
import type { FailedInput, InstitutionResult } from "../core/results.js";
import { scoreAnswers } from "../core/scoring.js";
import { readInput } from "./inputs.js";

/** Reads one file and scores every answer set in it. */
export async function scoreInput(file: string, modules: readonly Module[]): Promise<(InstitutionResult | FailedInput)[]> {
  return (await readInput(file, modules)).map((input) => scoreRead(input, modules));
}

export function scoreRead(input: ReadInput, modules: readonly Module[]): InstitutionResult | FailedInput {
  if (!input.set) return { source: input.source, problems: input.problems };
  // Problems about answers get the place the answer was read from (line:column, cell, line).
  const checked = checkAnswers(input.set, modules, input.source, input.locate);
  const problems = [...input.problems, ...checked.problems];
  if (checked.fatal) return { source: input.source, problems };
  return institutionResult(input.source, checked.clean, scoreAnswers(checked.questionnaire, checked.clean), problems);
}
