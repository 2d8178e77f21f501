// Rules on what modules say rather than how they are built: gates that hide scored questions,
// one wording at one level everywhere, the glossary's Thai terms, and advice worded as advice.
import { isScored } from "./model.js";
import type { Condition, GlossaryTerm, Question } from "./model.js";
import type { DocPath } from "./problems.js";
import { forEachText } from "./rule-kit.js";
import type { Push } from "./rule-kit.js";

/** A module (or the scales file) with the push that reports problems in it. */
export interface Checked {
  module: string;
  questions: { question: Question; path: DocPath }[];
  push: Push;
}

/** The questions a condition tests. */
export function conditionQuestions(c: Condition): string[] {
  if ("all" in c) return c.all.flatMap(conditionQuestions);
  if ("any" in c) return c.any.flatMap(conditionQuestions);
  if ("not" in c) return conditionQuestions(c.not);
  return [c.question];
}

/**
 * An unscored question whose answers hide scored ones (directly or down a chain of
 * conditions) lets an institution that does not do something score higher than one that
 * does it badly; unless it is marked `routing: true`, it is reported.
 */
export function checkGates(modules: readonly Checked[]): void {
  const first = new Map<string, { question: Question; path: DocPath; push: Push }>();
  const gatesOf = new Map<string, Set<string>>();
  const hidden = new Map<string, string[]>();
  for (const m of modules) {
    for (const { question: q, path } of m.questions) {
      if (first.has(q.id)) continue;
      first.set(q.id, { question: q, path, push: m.push });
      const gates = new Set<string>();
      for (const ref of q.when ? conditionQuestions(q.when) : []) {
        gates.add(ref);
        for (const g of gatesOf.get(ref) ?? []) gates.add(g);
      }
      gatesOf.set(q.id, gates);
      if (isScored(q)) for (const g of gates) hidden.set(g, [...(hidden.get(g) ?? []), q.id]);
    }
  }
  for (const [id, { question: q, path, push }] of first) {
    const hides = hidden.get(id);
    if (hides && !isScored(q) && !q.routing) push("UNSCORED_GATE", { question: id, hides }, [...path, "id"], "warning");
  }
}

/** An English label as compared across modules: case, spacing, quotes and closing punctuation aside. */
export function normalWording(label: string): string {
  return label
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, " ")
    .replace(/[\s.,;:]+$/, "")
    .trim();
}

/**
 * The same option wording at different levels in different modules. Each place whose level
 * differs from the wording's most common level (its first place) is reported, naming that place.
 */
export function checkLevelWording(modules: readonly (Checked & { source: string })[]): void {
  type Place = { module: string; source: string; path: DocPath; level: number; label: string; push: Push };
  const byWording = new Map<string, Place[]>();
  for (const m of modules) {
    for (const { question: q, path } of m.questions) {
      if (q.type !== "single_choice" || !isScored(q)) continue;
      (q.options ?? []).forEach((o, i) => {
        if (!o.label || o.level === undefined) return;
        const at = q.scale ? [...path, "scale"] : [...path, "options", i, "level"];
        const key = normalWording(o.label.en);
        byWording.set(key, [...(byWording.get(key) ?? []), { module: m.module, source: m.source, path: at, level: o.level, label: o.label.en, push: m.push }]);
      });
    }
  }
  for (const places of byWording.values()) {
    const count = new Map<number, number>();
    for (const p of places) count.set(p.level, (count.get(p.level) ?? 0) + 1);
    if (count.size < 2) continue;
    const top = Math.max(...count.values());
    const ref = places.find((p) => count.get(p.level) === top)!;
    for (const p of places) {
      if (p.level === ref.level || p.module === ref.module) continue;
      p.push("LEVEL_INCONSISTENT", { label: p.label, level: p.level, otherLevel: ref.level, other: ref.source, otherPath: ref.path }, p.path, "warning");
    }
  }
}

/**
 * Thai wordings the glossary says to avoid, once per text and variant. A variant inside the
 * preferred term itself, or inside a longer variant already found, is not reported again.
 */
export function checkGlossary(push: Push, doc: unknown, root: DocPath, terms: readonly GlossaryTerm[]): void {
  const variants = terms.flatMap((t) => (t.avoid ?? []).map((variant) => ({ variant, term: t }))).sort((a, b) => b.variant.length - a.variant.length);
  if (variants.length === 0) return;
  forEachText(doc, root, (text, path) => {
    const taken: [number, number][] = [];
    for (const t of terms) for (const at of occurrences(text.th, t.th)) taken.push([at, at + t.th.length]);
    for (const { variant, term } of variants) {
      const found = occurrences(text.th, variant).filter((at) => !taken.some(([lo, hi]) => at < hi && at + variant.length > lo));
      if (found.length === 0) continue;
      for (const at of found) taken.push([at, at + variant.length]);
      push("GLOSSARY_VARIANT", { variant, preferred: term.th, term: term.en }, [...path, "th"], "warning");
    }
  });
}

function occurrences(text: string, word: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) out.push(at);
  return out;
}

const ORDER = "ให้";
const ADVICE = "ควร";

/** A recommendation is advice: the NSO cannot give a ministry orders, so its Thai does not open with "ให้". */
export function checkRecommendationWording(push: Push, doc: unknown, root: DocPath): void {
  forEachText(doc, root, (text, path) => {
    if (path[path.length - 1] === "recommendation" && text.th.trimStart().startsWith(ORDER)) {
      push("RECOMMENDATION_ORDER", { opening: ORDER, suggestion: ADVICE }, [...path, "th"], "warning");
    }
  });
}
