// Which area modules an institution is likely to answer, from the themes its ministry holds
// data on (data/institutions.yaml). Shared by the interview (ticked in its module question)
// and `assess template --institution` (the modules of its workbook).
import type { Module } from "./model.js";
import { normalizeLabel } from "./parse-answer.js";

export interface KnownInstitution {
  id: string;
  name: { en: string; th: string };
  themes: string[];
}

/** An area module is suggested when its id or its main (first) theme is one of the institution's. */
export function isSuggested(module: Module, themes: ReadonlySet<string>): boolean {
  return module.id !== "general" && (themes.has(module.id) || themes.has(module.themes[0] ?? ""));
}

/** The known ministry named by `ministry` (its id, or its English or Thai name, in any case), if any. */
export function knownMinistry(ministry: string, known: readonly KnownInstitution[]): KnownInstitution | undefined {
  const n = normalizeLabel(ministry);
  return known.find((k) => k.id === n || normalizeLabel(k.name.en) === n || normalizeLabel(k.name.th) === n);
}

/** The general questionnaire and the area modules suggested for these themes, in the modules' order. */
export function suggestedModules(modules: readonly Module[], themes: readonly string[]): string[] {
  const set = new Set(themes);
  return modules.filter((m) => m.id === "general" || isSuggested(m, set)).map((m) => m.id);
}
