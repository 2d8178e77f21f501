// What the report keeps of one institution's result while it reads the others: everything
// its figures, sections and findings need, but not every answer (those go to the answer
// table as they are read, and are read back in the report's order). A report of thousands
// of institutions then holds a few kilobytes for each, not the whole result.
import { DATA_MAP_FIELDS, SHOWN_GAPS } from "./report-model.js";
import { FIREWALL, SHARED_WITH } from "./report-findings.js";
import type { InstitutionResult } from "./results.js";
import type { Gap } from "./scoring.js";

const NONE: string[] = [];

/** The answers the report reads by question: the data map's, the firewall's, the sharing one. */
const DATASET_KEPT = new Set<string>([...DATA_MAP_FIELDS, SHARED_WITH, "ds_disaggregation"]);

/** What the slim results of one report share: one copy of each word, and of each gap. */
export interface SlimPool {
  words: Map<string, string>;
  gaps: Map<string, Gap>;
}

export function slimPool(): SlimPool {
  return { words: new Map(), gaps: new Map() };
}

/**
 * The same words over thousands of institutions (recommendations, question and dataset ids)
 * are one string each in `pool`, not a copy each; and the same gap (a question's gap of the
 * same size, most of an institution's hundred or so) is one object, not a copy each.
 */
export function slimResult(r: InstitutionResult, pool: SlimPool): InstitutionResult {
  const sc = r.scorecard;
  const critical = sc.gaps.filter((g) => g.critical).length;
  const one = (x: string) => {
    const found = pool.words.get(x);
    if (found !== undefined) return found;
    pool.words.set(x, x);
    return x;
  };
  const shared = (g: Gap) => {
    const key = JSON.stringify(g);
    const found = pool.gaps.get(key);
    if (found !== undefined) return found;
    pool.gaps.set(key, g);
    return g;
  };
  const keep = <T>(answers: Record<string, T>, ids: ReadonlySet<string>) => Object.fromEntries(Object.entries(answers).filter(([id]) => ids.has(id)));
  return {
    ...r,
    problems: [],
    scorecard: {
      ...sc,
      // Read are the count of questions without a cell (dataset questions when no dataset was
      // listed) and the firewall question's score for the cross-cutting finding (kept whole:
      // its cells say it was asked).
      questions: sc.questions.filter((q) => q.cells.length === 0 || q.question === FIREWALL),
      // The gaps an institution's section shows (every critical one, then the highest ranked,
      // as report.ts picks them) whole; the others only as the most common gaps count them.
      gaps: sc.gaps.map((g, k) => {
        const shown = g.critical || k < SHOWN_GAPS + critical;
        return shared({
          ...g,
          question: one(g.question),
          module: one(g.module),
          dimension: one(g.dimension) as typeof g.dimension,
          priority: one(g.priority) as typeof g.priority,
          ...(g.exact === undefined ? {} : { exact: one(g.exact) }),
          datasets: shown ? g.datasets.map(one) : NONE,
          criticalDatasets: shown ? g.criticalDatasets.map(one) : NONE,
          recommendations: g.recommendations.slice(0, 1).map((t) => ({ en: one(t.en), th: one(t.th) })),
        });
      }),
    },
    answers: {
      ...r.answers,
      answers: keep(r.answers.answers, new Set([FIREWALL])),
      datasets: r.answers.datasets.map((d) => ({ ...d, answers: keep(d.answers, DATASET_KEPT) })),
      ...(r.answers.rejected ? { rejected: r.answers.rejected.map((x) => ({ ...x, raw: "", comment: "" })) } : {}),
      ...(r.answers.notes ? { notes: [] } : {}),
    },
  };
}
