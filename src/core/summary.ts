import type { Dimension, Module, Text } from "./model.js";

export interface ModuleSummary {
  id: string;
  version: string;
  title: Text;
  themes: string[];
  questions: number;
  /** Scored questions per dimension; `context` counts unscored ones. */
  byDimension: Record<Dimension | "context", number>;
  datasetQuestions: number;
}

export function summarizeModule(m: Module): ModuleSummary {
  const byDimension = { collection: 0, sharing: 0, hosting: 0, context: 0 } as Record<Dimension | "context", number>;
  let questions = 0;
  let datasetQuestions = 0;
  for (const s of m.sections) {
    for (const q of s.questions) {
      questions++;
      if (s.scope === "dataset") datasetQuestions++;
      byDimension[q.dimension ?? "context"]++;
    }
  }
  return { id: m.id, version: m.version, title: m.title, themes: m.themes, questions, byDimension, datasetQuestions };
}
