// Scoring that depends on another answer: the bands and option levels that apply to one
// answer, picked by the first band set or level set whose condition holds.
import { optionsOf } from "./model.js";
import type { Band, LevelSet, Option, Question } from "./model.js";
import { holds } from "./questionnaire.js";
import type { ValuesOf } from "./questionnaire.js";

/** The bands for an answer: the first band set whose `when` holds, else the question's own. */
export function bandsFor(q: Question, values: ValuesOf): Band[] | undefined {
  return q.band_sets?.find((s) => holds(s.when, values))?.bands ?? q.bands;
}

/** The options with a level set applied: each listed option takes the set's level and recommendation (none unless the set gives one). */
export function withLevelSet(options: readonly Option[], set: LevelSet): Option[] {
  return options.map((o) => {
    const l = set.levels.find((x) => x.value === o.value);
    if (!l) return o;
    const { recommendation: _own, ...rest } = o;
    return { ...rest, level: l.level, ...(l.recommendation ? { recommendation: l.recommendation } : {}) };
  });
}

/** The options for an answer: with the first level set whose `when` holds applied. */
export function optionsFor(q: Question, values: ValuesOf): Option[] {
  const set = q.level_sets?.find((s) => holds(s.when, values));
  return set ? withLevelSet(optionsOf(q), set) : optionsOf(q);
}
