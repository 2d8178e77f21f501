// The small module the rule tests change one thing in: a dataset section and an institution
// section of scored yes/no single choices.
import type { Module, Question } from "../../src/core/model.js";

export const t = (en: string) => ({ en, th: `ไทย ${en}` });

/** A scored single choice, yes (4) or no (0, with advice). */
export const q = (id: string, extra: Partial<Question> = {}): Question => ({
  id,
  type: "single_choice",
  label: t(id),
  help: t(id),
  dimension: "collection",
  priority: "useful",
  options: [
    { value: "yes", label: t("yes"), level: 4 },
    { value: "no", label: t("no"), level: 0, recommendation: t("start") },
  ],
  ...extra,
});

/** Module m: section ds (dataset) with `datasetIds`, section inst (institution) with q1 and q2. */
export const base = (datasetIds: string[] = ["d1"]): Module => ({
  id: "m",
  version: "1.0.0",
  title: t("M"),
  description: t("M"),
  themes: ["m"],
  sources: [{ id: "s", citation: "S 2020" }],
  sections: [
    { id: "ds", title: t("D"), scope: "dataset", questions: datasetIds.map((id) => q(id)) },
    { id: "inst", title: t("I"), scope: "institution", questions: [q("q1"), q("q2")] },
  ],
});
