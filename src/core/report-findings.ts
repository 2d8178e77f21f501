// Cross-cutting findings: the most common gaps, who shares with whom, and where a firewall
// from immigration enforcement is missing. Data only: the renderers word them.
import * as X from "./exact.js";
import { DONT_KNOW, NOT_APPLICABLE, optionsOf } from "./model.js";
import type { Dimension, Lang, PlacedQuestion, Question } from "./model.js";
import { answerWords } from "./report-answers.js";
import { Mean, exactGap, round } from "./report-figures.js";
import type { FirewallReason, FirewallRow, Report, SharingRow } from "./report-model.js";
import type { InstitutionResult } from "./results.js";

export const FIREWALL = "firewall_immigration_enforcement";
export const SHARED_WITH = "ds_shared_with";
const ENFORCEMENT = "immigration_enforcement";

/**
 * The questions with a gap in the most institutions, then the most critical, then the
 * largest weight × mean gap (exactly), then questionnaire order. Institutions are added one
 * at a time: what is kept is a running figure per question, not a gap per institution.
 */
export class CommonGaps {
  private readonly by = new Map<string, { module: string; dimension: Dimension; gap: Mean; critical: number; rec?: string; weight: number }>();

  constructor(private readonly lang: Lang) {}

  add(r: InstitutionResult): void {
    const lang = this.lang;
    for (const g of r.scorecard.gaps) {
      const e = this.by.get(g.question) ?? { module: g.module, dimension: g.dimension, gap: new Mean(), critical: 0, weight: g.weight, ...(g.recommendations[0] ? { rec: g.recommendations[0][lang] } : {}) };
      e.gap.add(exactGap(g));
      if (g.critical) e.critical++;
      if (!e.rec && g.recommendations[0]) e.rec = g.recommendations[0][lang];
      this.by.set(g.question, e);
    }
  }

  value(label: (id: string) => string, index: ReadonlyMap<string, PlacedQuestion>): Report["crossCutting"]["commonGaps"] {
    const pos = (id: string) => index.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
    return [...this.by]
      .map(([question, e]) => {
        const meanGap = e.gap.value()!;
        return { question, e, meanGap, key: X.mul(X.ratio(e.weight), meanGap) };
      })
      .sort((a, b) => b.e.gap.count - a.e.gap.count || b.e.critical - a.e.critical || X.compare(b.key, a.key) || pos(a.question) - pos(b.question) || (a.question < b.question ? -1 : 1))
      .slice(0, 10)
      .map(({ question, e, meanGap }) => ({ question, label: label(question), module: e.module, dimension: e.dimension, institutions: e.gap.count, critical: e.critical, meanGap: round(meanGap)!, ...(e.rec ? { recommendation: e.rec } : {}) }));
  }
}

/** Who an institution shares its datasets with: each partner and how many datasets. */
export function sharingOf(r: InstitutionResult, q: Question | undefined, lang: Lang): SharingRow {
  const count = new Map<string, number>();
  for (const ds of r.answers.datasets) {
    const v = ds.answers[SHARED_WITH]?.value;
    if (Array.isArray(v)) for (const p of v) if (p !== "not_shared") count.set(p, (count.get(p) ?? 0) + 1);
  }
  const order = q ? optionsOf(q).map((o) => o.value) : [...count.keys()].sort();
  const partners = [...count]
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([id, datasets]) => ({ id, label: answerWords(q, { value: id }, lang), datasets }));
  return { institution: r.institution.id, name: r.institution.name, partners };
}

/** Why an institution is missing a firewall from immigration enforcement, or undefined when it is not. */
export function firewallOf(r: InstitutionResult, q: Question | undefined, lang: Lang): FirewallRow | undefined {
  const reasons: FirewallReason[] = [];
  const a = r.answers.answers[FIREWALL];
  // The score the answer got, not the option's default level: a level set may have changed it.
  const score = a && typeof a.value === "string" ? r.scorecard.questions.find((x) => x.question === FIREWALL)?.score : undefined;
  if (a?.value === DONT_KNOW) reasons.push({ code: "FIREWALL_DONT_KNOW", args: {} });
  else if (score !== undefined && score < 1) reasons.push({ code: "FIREWALL_BELOW_TOP", args: { answer: String(a!.value), label: answerWords(q, a, lang) } });
  // An immigration authority answers the firewall question not applicable; its own sharing is not a breach.
  if (a?.value !== NOT_APPLICABLE) {
    const to = r.answers.datasets.filter((d) => Array.isArray(d.answers[SHARED_WITH]?.value) && (d.answers[SHARED_WITH]!.value as string[]).includes(ENFORCEMENT));
    if (to.length) reasons.push({ code: "SHARES_WITH_ENFORCEMENT", args: { datasets: to.map((d) => d.name) } });
  }
  return reasons.length ? { institution: r.institution.id, name: r.institution.name, reasons } : undefined;
}
