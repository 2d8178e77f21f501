// One institution, counted once. The same institution can reach a run twice (the same file
// given twice, a copy, two submissions, a late corrected return): national means must not
// count it twice, and nobody should have to notice by reading "9 institutions" for 8.

import type { InstitutionResult } from "./results.js";

/** Which of an institution's results counts: the latest date of answering, or the first input given. */
export type DuplicateRule = "latest" | "first";

export interface Superseded {
  institution: string;
  institutionName: string;
  /** The result that counts. */
  kept: { source: string; date: string };
  /** The others, in input order: kept in the results, left out of every figure. */
  superseded: { source: string; date: string }[];
}

/** What countOnce reads of a result: a report of thousands holds only this of each while it reads the others. */
export interface Counted {
  source: InstitutionResult["source"];
  institution: Pick<InstitutionResult["institution"], "id" | "name">;
  scorecard: Pick<InstitutionResult["scorecard"], "date">;
}

/**
 * Results with each institution (by id) once, in input order, and the duplicates set aside.
 * `latest`: the latest date of answering wins, and on the same date the input given last (a
 * corrected return comes after the first); `first`: the first input given wins.
 */
export function countOnce<R extends Counted>(results: readonly R[], rule: DuplicateRule = "latest"): { results: R[]; superseded: Superseded[] } {
  const byId = new Map<string, R[]>();
  for (const r of results) {
    const list = byId.get(r.institution.id);
    if (list) list.push(r);
    else byId.set(r.institution.id, [r]);
  }
  const winners = new Set<R>();
  const superseded: Superseded[] = [];
  for (const [id, list] of byId) {
    const kept = rule === "first" ? list[0]! : list.reduce((a, b) => (b.scorecard.date >= a.scorecard.date ? b : a));
    winners.add(kept);
    if (list.length > 1) {
      superseded.push({
        institution: id,
        institutionName: kept.institution.name,
        kept: { source: kept.source, date: kept.scorecard.date },
        superseded: list.filter((r) => r !== kept).map((r) => ({ source: r.source, date: r.scorecard.date })),
      });
    }
  }
  return { results: results.filter((r) => winners.has(r)), superseded };
}
