// What the report keeps of one institution's result while it reads the others: everything
// its figures, sections and findings need, but not every answer (those go to the answer
// table as they are read, and are read back in the report's order). The slim copy is set
// aside on disk and read back once, in the report's order: the smaller it is, the less is
// written and parsed.
import { DATA_MAP_FIELDS, SHOWN_GAPS } from "./report-model.js";
import { FIREWALL, SHARED_WITH } from "./report-findings.js";
import type { Lang } from "./model.js";
import type { InstitutionResult } from "./results.js";
import type { Gap } from "./scoring.js";

const NONE: string[] = [];

/** The answers the report reads by question: the data map's, the firewall's, the sharing one. */
const DATASET_KEPT = new Set<string>([...DATA_MAP_FIELDS, SHARED_WITH, "ds_disaggregation"]);

/** One report's recommendation texts are kept at most this many: each once, however many institutions it is given to. */
export const SHARED_TEXTS = 4096;

/**
 * The texts the slim copies of one report share (the modules' recommendations, most of a
 * copy's size): each written once, kept in memory, and named by its number in every copy on
 * disk. When the table is full, a new text is written out in the copy itself.
 */
export class SharedTexts {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];

  ref(text: string): string | number {
    const id = this.ids.get(text);
    if (id !== undefined) return id;
    if (this.texts.length >= SHARED_TEXTS) return text;
    this.ids.set(text, this.texts.length);
    this.texts.push(text);
    return this.texts.length - 1;
  }

  text(ref: string | number): string {
    return typeof ref === "string" ? ref : this.texts[ref]!;
  }
}

/** A slim copy as it is set aside: its recommendations named by their number in the report's SharedTexts. */
export type SlimResult = Omit<InstitutionResult, "scorecard"> & {
  scorecard: Omit<InstitutionResult["scorecard"], "gaps"> & { gaps: (Omit<Gap, "recommendations"> & { recommendations: Record<Lang, string | number>[] })[] };
};

/** The slim copy with its recommendations named by number (see SharedTexts). */
export function sharedTexts(r: InstitutionResult, texts: SharedTexts): SlimResult {
  return { ...r, scorecard: { ...r.scorecard, gaps: r.scorecard.gaps.map((g) => ({ ...g, recommendations: g.recommendations.map((t) => ({ en: texts.ref(t.en), th: texts.ref(t.th) })) })) } };
}

/** The slim copy read back, its recommendations in words again. */
export function ownTexts(r: SlimResult, texts: SharedTexts): InstitutionResult {
  return { ...r, scorecard: { ...r.scorecard, gaps: r.scorecard.gaps.map((g) => ({ ...g, recommendations: g.recommendations.map((t) => ({ en: texts.text(t.en), th: texts.text(t.th) })) })) } };
}

/** The result as the report keeps it while it reads the others (set aside on disk: src/commands/report.ts). */
export function slimResult(r: InstitutionResult): InstitutionResult {
  const sc = r.scorecard;
  const critical = sc.gaps.filter((g) => g.critical).length;
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
        return {
          ...g,
          datasets: shown ? g.datasets : NONE,
          criticalDatasets: shown ? g.criticalDatasets : NONE,
          recommendations: g.recommendations.slice(0, 1),
        };
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
