// The questionnaire as plain data: what a module YAML file holds once it has passed the schema.

export const DIMENSIONS = ["collection", "sharing", "hosting"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<Dimension, Record<"en" | "th", string>> = {
  collection: { en: "Collection", th: "การเก็บรวบรวมข้อมูล" },
  sharing: { en: "Sharing", th: "การแบ่งปันข้อมูล" },
  hosting: { en: "Hosting", th: "การเก็บรักษาข้อมูล" },
};

export const PRIORITIES = ["essential", "important", "useful"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Weight of each priority in a dimension score (DOMAIN.md, "The scoring method"). */
export const PRIORITY_WEIGHT: Record<Priority, number> = { essential: 3, important: 2, useful: 1 };

export const LANGS = ["en", "th"] as const;
export type Lang = (typeof LANGS)[number];
export type Text = Record<Lang, string>;

export type QuestionType = "single_choice" | "multiple_choice" | "yes_no" | "number" | "text" | "date";
export type Scope = "institution" | "dataset";

/** The two answers every scored question accepts besides its own options. */
export const DONT_KNOW = "dont_know";
export const NOT_APPLICABLE = "not_applicable";
export type SpecialAnswer = typeof DONT_KNOW | typeof NOT_APPLICABLE;
export const SPECIAL_LABELS: Record<SpecialAnswer, Text> = {
  dont_know: { en: "Don't know", th: "ไม่ทราบ" },
  not_applicable: { en: "Not applicable", th: "ไม่เกี่ยวข้อง" },
};

export interface Option {
  value: string;
  label?: Text;
  level?: number;
  weight?: number;
  exclusive?: boolean;
  recommendation?: Text;
}

export interface Band {
  min?: number;
  max?: number;
  min_months?: number;
  max_months?: number;
  level: number;
  label?: Text;
  recommendation?: Text;
}

/** Bands that replace a question's `bands` where `when` holds (the first set that holds wins). */
export interface BandSet {
  when: Condition;
  bands: Band[];
}

/** A level (and recommendation) that replaces an option's own where the set's `when` holds. */
export interface LevelOverride {
  value: string;
  level: number;
  recommendation?: Text;
}

export interface LevelSet {
  when: Condition;
  levels: LevelOverride[];
}

/** A shared answer scale (modules/scales.yaml): options that questions refer to by id. */
export interface Scale {
  id: string;
  description?: Text;
  options: Option[];
}

/** One term of the Thai glossary (modules/glossary.yaml). */
export interface GlossaryTerm {
  en: string;
  th: string;
  /** Thai wordings to avoid in its place. */
  avoid?: string[];
  note?: string;
}

export type Condition =
  | { question: string; in: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export interface Question {
  id: string;
  type: QuestionType;
  label: Text;
  help: Text;
  dimension?: Dimension;
  priority?: Priority;
  required?: boolean;
  sources?: string[];
  recommendation?: Text;
  when?: Condition;
  /** A deliberate routing question: unscored, and hiding scored questions by design. */
  routing?: boolean;
  /** A shared scale's id; its options are copied into `options` when the module is loaded. */
  scale?: string;
  options?: Option[];
  level_sets?: LevelSet[];
  unit?: Text;
  min?: number | string;
  max?: number | string;
  integer?: boolean;
  bands?: Band[];
  band_sets?: BandSet[];
}

export interface Section {
  id: string;
  title: Text;
  description?: Text;
  scope: Scope;
  questions: Question[];
}

export interface Source {
  id: string;
  citation: string;
  url?: string;
}

export interface Module {
  id: string;
  version: string;
  title: Text;
  description: Text;
  themes: string[];
  requires?: string[];
  sources: Source[];
  sections: Section[];
}

/** A question placed in its questionnaire: where it sits and in what order it is asked. */
export interface PlacedQuestion {
  question: Question;
  module: Module;
  section: Section;
  /** Position across the whole questionnaire (modules in order, then sections, then questions). */
  order: number;
}

/** The built-in Yes / No options, used when a yes_no question lists none. */
export const YES_NO_OPTIONS: Option[] = [
  { value: "yes", label: { en: "Yes", th: "ใช่" }, level: 4 },
  { value: "no", label: { en: "No", th: "ไม่ใช่" }, level: 0 },
];

const filled = new WeakMap<Question, Option[]>();

/**
 * The options a question offers, with yes_no defaults and labels filled in. Worked out once
 * per question and kept (modules never change once loaded), so every caller shares one list;
 * the module as written is left as written, so its content hash does not move.
 */
export function optionsOf(question: Question): Option[] {
  if (question.type !== "yes_no") return question.options ?? [];
  let options = filled.get(question);
  if (!options) {
    const given = question.options;
    options = given
      ? YES_NO_OPTIONS.map((d) => {
          const o = given.find((g) => g.value === d.value);
          return o ? { ...d, ...o, label: o.label ?? d.label } : d;
        })
      : YES_NO_OPTIONS;
    filled.set(question, options);
  }
  return options;
}

/** Don't know and Not applicable: offered for every question but free text. */
export function offersSpecials(question: Question): boolean {
  return question.type !== "text";
}

export function isChoice(question: Question): boolean {
  return question.type === "single_choice" || question.type === "multiple_choice" || question.type === "yes_no";
}

export function isScored(question: Question): boolean {
  return question.dimension !== undefined;
}
