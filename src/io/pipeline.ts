// The scoring pipeline every channel goes through: read a file, check its answers against
// the modules, score them. Commands (score, report) and the worker threads call it.
import { placeKey } from "../core/answers.js";
import type { AnswerSet } from "../core/answers.js";
import { checkAnswers } from "../core/check-answers.js";
import type { Module } from "../core/model.js";
import type { Problem, ProblemCode } from "../core/problems.js";
import { institutionResult } from "../core/results.js";
import type { FailedInput, InstitutionResult } from "../core/results.js";
import { scoreAnswers } from "../core/scoring.js";
import type { ReadInput } from "./ingest-workbook.js";
import { readInput } from "./inputs.js";
import { locate } from "./yaml.js";
import type { ParsedYaml } from "./yaml.js";

/** Reads one file and scores every answer set in it. */
export async function scoreInput(file: string, modules: readonly Module[]): Promise<(InstitutionResult | FailedInput)[]> {
  return (await readInput(file, modules)).map((input) => scoreRead(input, modules));
}

export function scoreRead(input: ReadInput, modules: readonly Module[]): InstitutionResult | FailedInput {
  if (!input.set) return { source: input.source, problems: input.problems };
  const checked = checkAnswers(input.set, modules, input.source);
  // Answer-level problems in YAML and JSON files get the line:column of the answer.
  const located = input.parsed ? locateAnswers(input.parsed, checked.problems) : input.places ? placeAnswers(input.places, input.set, checked.problems) : checked.problems;
  const problems = [...input.problems, ...located];
  if (checked.fatal) return { source: input.source, problems };
  return institutionResult(input.source, checked.clean, scoreAnswers(checked.questionnaire, checked.clean), problems);
}

/** Problems about an answer's question id point at the key, not the value. */
const ANSWER_KEY_CODES: ReadonlySet<ProblemCode> = new Set(["UNKNOWN_QUESTION", "WRONG_SCOPE"]);

function locateAnswers(parsed: ParsedYaml, problems: Problem[]): Problem[] {
  return locate(parsed, problems, ANSWER_KEY_CODES);
}

/** Problems about an answer read from a workbook or CSV get the cell or line it was read from. */
function placeAnswers(places: Map<string, string>, set: AnswerSet, problems: Problem[]): Problem[] {
  return problems.map((p) => {
    if (p.place) return p;
    const [first, second, third, fourth] = p.path;
    const key =
      first === "answers" && typeof second === "string"
        ? placeKey(undefined, second)
        : first === "datasets" && typeof second === "number" && third === "answers" && typeof fourth === "string"
          ? placeKey(set.datasets[second]?.id, fourth)
          : undefined;
    const place = key === undefined ? undefined : places.get(key);
    return place ? { ...p, place } : p;
  });
}
