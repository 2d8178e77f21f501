// Shared answer scales: defined once (scales.yaml), referred to by id, copied into each
// question when the modules are loaded so that everything downstream sees ordinary options.
import { DONT_KNOW, NOT_APPLICABLE } from "./model.js";
import type { Module, Question, Scale } from "./model.js";
import { checkText } from "./rule-kit.js";
import type { Push } from "./rule-kit.js";

/** The module with every known `scale` copied into its question's options; unknown ids are left for the rules to report. */
export function expandScales(module: Module, scales: ReadonlyMap<string, Scale>): Module {
  if (!module.sections.some((s) => s.questions.some((q) => q.scale !== undefined))) return module;
  return {
    ...module,
    sections: module.sections.map((section) => ({
      ...section,
      questions: section.questions.map((q) => {
        // Only choice questions take a scale; the rules report it on any other.
        const choice = q.type === "single_choice" || q.type === "multiple_choice";
        const scale = q.scale === undefined || !choice ? undefined : scales.get(q.scale);
        return scale ? { ...q, options: scale.options.map((o) => ({ ...o })) } : q;
      }),
    })),
  };
}

/** Rules for the scales file: ids and option values unique, no reserved values, texts in both languages. */
export function checkScales(push: Push, scales: readonly Scale[]): void {
  const ids = new Set<string>();
  scales.forEach((scale, si) => {
    const path = ["scales", si];
    if (ids.has(scale.id)) push("DUPLICATE_SCALE", { scale: scale.id }, [...path, "id"]);
    ids.add(scale.id);
    if (scale.description) checkText(push, scale.description, [...path, "description"]);
    const values = new Set<string>();
    scale.options.forEach((o, oi) => {
      const opath = [...path, "options", oi];
      if (values.has(o.value)) push("DUPLICATE_OPTION", { value: o.value }, [...opath, "value"]);
      values.add(o.value);
      if (o.value === DONT_KNOW || o.value === NOT_APPLICABLE) push("RESERVED_OPTION", { value: o.value }, [...opath, "value"]);
      if (o.label) checkText(push, o.label, [...opath, "label"]);
      else push("OPTION_LABEL_MISSING", {}, opath);
      if (o.recommendation) checkText(push, o.recommendation, [...opath, "recommendation"]);
    });
  });
}

/**
 * The question as content: without the name of the scale its options came from. Hashes and
 * fingerprints read this, so moving a question's options into a shared scale (same values,
 * words and levels) does not make earlier workbooks and sessions look made for other content.
 */
export function questionContent(q: Question): Question {
  if (q.scale === undefined) return q;
  const { scale: _scale, ...content } = q;
  return content;
}

/** The module as content (see questionContent). */
export function moduleContent(module: Module): Module {
  if (!module.sections.some((s) => s.questions.some((q) => q.scale !== undefined))) return module;
  return { ...module, sections: module.sections.map((s) => ({ ...s, questions: s.questions.map(questionContent) })) };
}
