// Which questions mean the same in both rounds, and what happened to each between them.
// A question is compared only when both rounds' modules give it the same id, type, scope,
// dimension and option values; the others are listed as not comparable, never compared.
import * as X from "./exact.js";
import { optionsOf } from "./model.js";
import type { Lang, Module, PlacedQuestion } from "./model.js";
import type { NotComparable, QuestionChange, QuestionOutcome, QuestionState } from "./compare-model.js";
import { questionIndex } from "./questionnaire.js";
import { round } from "./report-figures.js";
import type { Scorecard } from "./scoring.js";

const values = (p: PlacedQuestion) => optionsOf(p.question).map((o) => o.value).sort();

/** Every question of a module that differs (or exists in one round only), for modules whose versions differ. */
export function notComparableQuestions(baseline: readonly Module[], followup: readonly Module[]): NotComparable[] {
  const before = questionIndex(baseline);
  const after = questionIndex(followup);
  const version = (ms: readonly Module[], id: string) => ms.find((m) => m.id === id)?.version;
  const out: NotComparable[] = [];
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  for (const id of ids) {
    const b = before.get(id);
    const a = after.get(id);
    const module = (b ?? a)!.module.id;
    // Same module, same version: the same questions, by the versioning rule of docs/modules.md.
    if (b && a && b.module.id === a.module.id && version(baseline, module) === version(followup, module)) continue;
    if (!a) out.push({ question: id, module, reason: "only_baseline" });
    else if (!b) out.push({ question: id, module, reason: "only_followup" });
    else if (b.question.type !== a.question.type) out.push({ question: id, module, reason: "type_changed" });
    else if (b.section.scope !== a.section.scope) out.push({ question: id, module, reason: "scope_changed" });
    else if (b.question.dimension !== a.question.dimension) out.push({ question: id, module, reason: "dimension_changed" });
    else if (values(b).join("\u0000") !== values(a).join("\u0000")) out.push({ question: id, module, reason: "options_changed", baseline: values(b), followup: values(a) });
  }
  return out;
}

function stateOf(card: Scorecard, id: string): QuestionState & { exact?: X.Ratio } {
  const q = card.questions.find((x) => x.question === id);
  const g = card.gaps.find((x) => x.question === id);
  const exact = q?.exact !== undefined ? X.parse(q.exact) : q?.score !== undefined ? X.fromNumber(q.score) : undefined;
  const levels = (q?.cells ?? []).filter((c) => c.level !== undefined);
  const score = exact ? X.mul(X.ratio(100), exact) : undefined;
  return {
    ...(score ? { score: round(score)!, exact: score } : {}),
    ...(levels.length === 1 && q!.cells.length === 1 ? { level: levels[0]!.level! } : {}),
    gap: g !== undefined,
    critical: g?.critical === true,
  };
}

function outcomeOf(b: QuestionState & { exact?: X.Ratio }, a: QuestionState & { exact?: X.Ratio }): QuestionOutcome {
  if (!b.exact || !a.exact) return "not_scored";
  if (b.gap && !a.gap) return "closed";
  if (!b.gap && a.gap) return "opened";
  if (!b.gap) return "full";
  const c = X.compare(a.exact, b.exact);
  return c > 0 ? "improved" : c < 0 ? "worse" : "same";
}

/** Every question scored in either round and comparable, in the follow-up's questionnaire order (then the baseline's). */
export function questionChanges(before: Scorecard, after: Scorecard, excluded: ReadonlySet<string>, index: ReadonlyMap<string, PlacedQuestion>, lang: Lang): QuestionChange[] {
  const ids = [...new Set([...after.questions.map((q) => q.question), ...before.questions.map((q) => q.question)])].filter((id) => !excluded.has(id));
  const out: QuestionChange[] = [];
  for (const id of ids) {
    const qb = before.questions.find((q) => q.question === id);
    const qa = after.questions.find((q) => q.question === id);
    const b = stateOf(before, id);
    const a = stateOf(after, id);
    if (!b.exact && !a.exact) continue;
    const meta = (qa ?? qb)!;
    const rec = before.gaps.find((g) => g.question === id)?.recommendations[0];
    const change = b.exact && a.exact ? round(X.sub(a.exact, b.exact)) : undefined;
    const { exact: _b, ...bs } = b;
    const { exact: _a, ...as } = a;
    out.push({
      question: id,
      label: index.get(id)?.question.label[lang] ?? id,
      module: meta.module,
      dimension: meta.dimension,
      priority: meta.priority,
      baseline: bs,
      followup: as,
      ...(change === undefined ? {} : { change }),
      outcome: outcomeOf(b, a),
      criticalNew: a.critical && !b.critical && b.exact !== undefined,
      criticalResolved: b.critical && !a.critical && a.exact !== undefined,
      ...(rec ? { recommendation: rec[lang] } : {}),
    });
  }
  return out;
}
