// The Excel questionnaire as a WorkbookSpec: instructions, institution, datasets, one sheet
// per module, and hidden lists and metadata that tell ingest what the workbook was built from.
import { createHash } from "node:crypto";
import { answerOnlyIf } from "../core/describe.js";
import type { Refer } from "../core/describe.js";
import { canonical } from "../core/interview.js";
import { moduleContent } from "../core/scales.js";
import { DIMENSION_LABELS, SPECIAL_LABELS, offersSpecials, optionsOf } from "../core/model.js";
import type { Module, Question, Text } from "../core/model.js";
import { choiceLabels, labelIn, optionMarkers } from "../core/parse-answer.js";
import type { LabelLang } from "../core/parse-answer.js";
import type { Questionnaire } from "../core/questionnaire.js";
import { INSTRUCTIONS, INSTITUTION_FIELDS, TEMPLATE_TEXT as W } from "../core/template-text.js";
import { COMMENT_SUFFIX, DATASET_COL, DATASET_COLUMNS, DATASET_NAME_ID, LISTS_SHEET, META_SHEET, OPTION_SEPARATOR, TEMPLATE_FORMAT, PROMPT_LIMITS, moduleSheetNames, ownSheetNames, promptText, shortenOnWord } from "../core/template-layout.js";
import type { TemplateMeta } from "../core/template-layout.js";
import { TEMPLATE_FONTS } from "../core/text-width.js";
import type { Font } from "../core/text-width.js";
import { columnLetter } from "../core/workbook.js";
import type { CellSpec, SheetSpec, Validation, WorkbookSpec } from "../core/workbook.js";

const hashes = new Map<string, string>();

/** A hash of the modules' full content: a workbook built from other content is noticed. */
export function contentHash(modules: readonly Module[]): string {
  // Modules are loaded once per run and never changed: cache by identity of the list's members.
  const key = modules.map((m) => `${m.id}@${m.version}#${identity(m)}`).join(",");
  let h = hashes.get(key);
  if (!h) {
    h = createHash("sha256").update(canonical(modules.map(moduleContent))).digest("hex").slice(0, 16);
    hashes.set(key, h);
  }
  return h;
}

const ids = new WeakMap<Module, number>();
let nextId = 1;
function identity(m: Module): number {
  let id = ids.get(m);
  if (id === undefined) {
    id = nextId++;
    ids.set(m, id);
  }
  return id;
}

const ANSWER_FILL = "FFF9DB";
/** Module sheets: id, section, question, explanation, answer, comment, when to answer. The answer is wide enough for a dropdown's labels to be told apart; the explanation for the longest Thai one within Excel's 409-point row. */
const MODULE_COLUMNS = [{ width: 14 }, { width: 18 }, { width: 50 }, { width: 60 }, { width: 40 }, { width: 24 }, { width: 30 }];
const HEADER_FILL = "DDEBF7";

class Lists {
  readonly columns: string[][] = [];
  private readonly index = new Map<string, string>();
  /** The range formula of a list, adding it to the Lists sheet the first time. */
  ref(items: string[]): string {
    const key = items.join("\u0000");
    let ref = this.index.get(key);
    if (!ref) {
      this.columns.push(items);
      const col = columnLetter(this.columns.length);
      ref = `${LISTS_SHEET}!$${col}$1:$${col}$${items.length}`;
      this.index.set(key, ref);
    }
    return ref;
  }
}

function quoteFormula(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export interface TemplateChoices {
  /** Dataset columns on the Datasets sheet (DATASET_COLUMNS unless more are asked for). */
  datasets?: number;
  /** Made for one institution: its name (and ministry) filled in, its modules listed on the Institution sheet. */
  institution?: { name: string; ministry?: string };
}

export function buildTemplate(q: Questionnaire, lang: LabelLang, date: Date, choices: TemplateChoices = {}): { spec: WorkbookSpec; meta: TemplateMeta } {
  const t = (x: Text) => labelIn(x, lang);
  const lists = new Lists();
  const sheets = moduleSheetNames(q.modules, lang);
  const own = ownSheetNames(lang);
  const byId = (id: string) => q.byId.get(id)?.question;
  const numbers = questionNumbers(q, sheets, own.datasets);
  // A question on another sheet is named with its sheet: numbers restart on each sheet.
  const referFrom = (sheet: string): Refer => ({
    question: (x) => {
      const n = numbers.get(x.id);
      const where = n && n.sheet !== sheet ? `${n.sheet} ` : "";
      return `${where}${n?.number ?? x.id} "${shortenOnWord(t(x.label), 40)}"`;
    },
    option: (x, value) => {
      const i = optionsOf(x).findIndex((o) => o.value === value);
      const o = optionsOf(x)[i];
      const marker = optionMarkers(x)?.[i];
      if (marker || !o?.label) return marker ?? value;
      return x.type === "yes_no" ? t(o.label) : `"${shortenOnWord(t(o.label), 30)}"`;
    },
  });
  const when = (x: Question) => (x.when ? answerOnlyIf(x.when, byId, lang, referFrom(numbers.get(x.id)!.sheet)) : "");

  /** Validation for an answer cell at `ref` (such as E5), its explanation in full in column `helpCol`. */
  const validationFor = (question: Question, ref: string, helpCol: string): Validation | undefined => {
    const prompt = { title: t(question.label), text: promptText(t(question.help), t(W.seeColumn).replace("{col}", helpCol)) };
    const specials = offersSpecials(question) ? [t(SPECIAL_LABELS.dont_know), t(SPECIAL_LABELS.not_applicable)] : [];
    switch (question.type) {
      case "single_choice":
      case "yes_no":
        return { list: lists.ref(choiceLabels(question, lang)), prompt, error: { title: t(W.notInList), text: t(W.pickFromList) } };
      case "multiple_choice":
        return specials.length ? { list: lists.ref(specials), prompt: { title: prompt.title, text: t(W.multiHint) } } : { prompt: { title: prompt.title, text: t(W.multiHint) } };
      case "number":
      case "date": {
        const checks = [`ISNUMBER(${ref})`];
        if (question.type === "number" && typeof question.min === "number") checks.push(`${ref}>=${question.min}`);
        if (question.type === "number" && typeof question.max === "number") checks.push(`${ref}<=${question.max}`);
        if (question.type === "number" && question.integer) checks.push(`${ref}=INT(${ref})`);
        const ok = checks.length > 1 ? `AND(${checks.join(",")})` : checks[0]!;
        const formula = specials.length ? `OR(${ok},${specials.map((s) => `${ref}=${quoteFormula(s)}`).join(",")})` : ok;
        return { custom: formula, prompt, error: { title: t(W.checkValue), text: t(question.type === "date" ? W.dateHint : W.numberHint) } };
      }
      case "text":
        return { prompt };
    }
  };
  const yesNo = () => lists.ref([t({ en: "Yes", th: "ใช่" }), t({ en: "No", th: "ไม่ใช่" })]);

  const moduleSheets: SheetSpec[] = [];
  const datasetQuestions: Question[] = [];
  for (const m of q.modules) {
    const rows: (CellSpec | undefined)[][] = [
      [W.id, W.section, W.question, W.help, W.answer, W.comment, W.condition].map((h) => ({ value: t(h), bold: true, fill: HEADER_FILL, wrap: true })),
    ];
    for (const section of m.sections) {
      if (section.scope === "dataset") {
        datasetQuestions.push(...section.questions);
        continue;
      }
      for (const question of section.questions) {
        const r = rows.length + 1;
        const dim = question.dimension ? ` (${t(DIMENSION_LABELS[question.dimension])})` : "";
        const condition = when(question);
        rows.push([
          idCell(question.id, lang),
          { value: `${t(section.title)}${dim}`, wrap: true },
          { value: `${numbers.get(question.id)!.number}. ${t(question.label)}${question.required ? " *" : ""}`, wrap: true, bold: true },
          { value: t(question.help), wrap: true, italic: true, color: "595959" },
          { value: null, unlocked: true, fill: ANSWER_FILL, wrap: true, ...withValidation(validationFor(question, `E${r}`, "D")) },
          { value: null, unlocked: true, wrap: true },
          { value: condition, wrap: true, italic: true, color: "7F6000" },
        ]);
        if (question.type === "multiple_choice") {
          for (const o of optionsOf(question)) {
            rows.push([
              idCell(`${question.id}${OPTION_SEPARATOR}${o.value}`, lang),
              undefined,
              { value: `    ☐ ${t(o.label!)}`, wrap: true },
              undefined,
              { value: null, unlocked: true, fill: ANSWER_FILL, validation: { list: yesNo(), prompt: { title: t(W.tick), text: t(W.tickHint) } } },
              undefined,
              o.exclusive ? { value: t(W.exclusive), italic: true, color: "7F6000", wrap: true } : undefined,
            ]);
          }
        }
      }
    }
    if (rows.length > 1) {
      moduleSheets.push({
        name: sheets[m.id]!,
        columns: MODULE_COLUMNS,
        rows,
        // Filtering by section or by what is still unanswered; protection allows it.
        autoFilter: `A1:${columnLetter(MODULE_COLUMNS.length)}${rows.length}`,
        freeze: { rows: 1, columns: 0 },
        protect: true,
        landscape: true,
      });
    }
  }

  const meta: TemplateMeta = {
    format: TEMPLATE_FORMAT,
    lang,
    modules: Object.fromEntries(q.modules.map((m) => [m.id, m.version])),
    hash: contentHash(q.modules),
    sheets: Object.fromEntries(moduleSheets.map((s) => [q.modules.find((m) => sheets[m.id] === s.name)!.id, s.name])),
    ...(choices.institution ? { institution: choices.institution.name } : {}),
  };
  const spec: WorkbookSpec = {
    title: t(W.title),
    font: fontOf(lang),
    date,
    sheets: [
      instructionsSheet(lang, own),
      institutionSheet(lang, own.institution, choices.institution, q.modules.map((m) => `${t(m.title)} (${sheets[m.id]})`).join("; ")),
      datasetsSheet(own.datasets, datasetQuestions, lang, choices.datasets ?? DATASET_COLUMNS, validationFor, yesNo, when, (x) => numbers.get(x.id)!.number),
      ...moduleSheets,
      { name: LISTS_SHEET, state: "veryHidden", rows: transpose(lists.columns) },
      {
        name: META_SHEET,
        state: "veryHidden",
        rows: Object.entries({ ...meta, modules: JSON.stringify(meta.modules), sheets: JSON.stringify(meta.sheets) }).map(([k, v]) => [{ value: k }, { value: String(v) }]),
      },
    ],
  };
  fitMessages(spec);
  return { spec, meta };
}

/** Every message within Excel's limits, cut on a word: titles of 32 characters, texts of 255. */
function fitMessages(spec: WorkbookSpec): void {
  const fit = (m: { title: string; text: string } | undefined) => {
    if (!m) return;
    m.title = shortenOnWord(m.title, PROMPT_LIMITS.title);
    m.text = shortenOnWord(m.text, PROMPT_LIMITS.text);
  };
  // Validations are shared between cells: each is fitted once.
  const seen = new Set<Validation>();
  for (const sheet of spec.sheets) {
    for (const row of sheet.rows) {
      for (const cell of row) {
        const v = cell?.validation;
        if (!v || seen.has(v)) continue;
        seen.add(v);
        fit(v.prompt);
        fit(v.error);
      }
    }
  }
}

function fontOf(lang: LabelLang): Font {
  return lang === "en" ? TEMPLATE_FONTS.en : TEMPLATE_FONTS.th;
}

/** A size relative to the template's font (TH Sarabun New is set larger than Arial for the same reading size). */
function sized(ratio: number, lang: LabelLang): number {
  return Math.round(fontOf(lang).size * ratio);
}

/** The grey question id: small, for the ingest, not for reading. */
function idCell(value: string, lang: LabelLang): CellSpec {
  return { value, color: "808080", size: sized(0.75, lang) };
}

/** Each question's number: 1, 2... down its module sheet; D1, D2... on the Datasets sheet. Conditions refer to them. */
function questionNumbers(q: Questionnaire, sheets: Record<string, string>, datasets: string): Map<string, { number: string; sheet: string }> {
  const out = new Map<string, { number: string; sheet: string }>();
  let d = 0;
  for (const m of q.modules) {
    let n = 0;
    for (const s of m.sections) {
      for (const x of s.questions) out.set(x.id, s.scope === "dataset" ? { number: `D${++d}`, sheet: datasets } : { number: String(++n), sheet: sheets[m.id]! });
    }
  }
  return out;
}

function withValidation(v: Validation | undefined): { validation?: Validation } {
  return v ? { validation: v } : {};
}

function transpose(columns: string[][]): CellSpec[][] {
  const height = Math.max(0, ...columns.map((c) => c.length));
  return Array.from({ length: height }, (_, r) => columns.map((c) => ({ value: c[r] ?? null })));
}

function instructionsSheet(lang: LabelLang, own: Record<"instructions" | "institution" | "datasets", string>): SheetSpec {
  const t = (x: Text) => labelIn(x, lang);
  const named = (s: string) => s.replaceAll("{institution}", own.institution).replaceAll("{datasets}", own.datasets);
  const rows: CellSpec[][] = INSTRUCTIONS.map((line) => [{ value: named(t(line.text)), bold: line.heading ?? false, size: sized(line.heading ? 1.2 : 1, lang), wrap: true }]);
  return { name: own.instructions, columns: [{ width: 90 }], rows, protect: true };
}

function institutionSheet(lang: LabelLang, name: string, institution: TemplateChoices["institution"], covers: string): SheetSpec {
  const t = (x: Text) => labelIn(x, lang);
  const rows: (CellSpec | undefined)[][] = [[W.id, W.field, W.answer, W.help].map((h) => ({ value: t(h), bold: true, fill: HEADER_FILL }))];
  // Which modules this workbook asks, so that the respondent (and the NSO team) can see at once.
  rows.push([idCell("modules_covered", lang), { value: t(W.covers), bold: true, wrap: true }, { value: covers, wrap: true }, { value: t(W.coversHelp), italic: true, wrap: true, color: "595959" }]);
  const prefilled: Record<string, string | undefined> = { institution_name: institution?.name, ministry: institution?.ministry };
  for (const f of INSTITUTION_FIELDS) {
    const r = rows.length + 1;
    const prompt = { title: t(f.label), text: promptText(t(f.help), t(W.seeColumn).replace("{col}", "D")) };
    const validation: Validation = f.date ? { custom: `ISNUMBER(C${r})`, prompt, error: { title: t(W.checkValue), text: t(W.dateHint) } } : { prompt };
    rows.push([
      idCell(f.key, lang),
      { value: `${t(f.label)}${f.required ? " *" : ""}`, bold: true, wrap: true },
      { value: prefilled[f.key] ?? null, unlocked: true, fill: ANSWER_FILL, validation, ...(f.date ? { numFmt: "yyyy-mm-dd" } : {}) },
      { value: t(f.help), italic: true, wrap: true, color: "595959" },
    ]);
  }
  return { name, columns: [{ width: 20 }, { width: 40 }, { width: 45 }, { width: 60 }], rows, freeze: { rows: 1, columns: 0 }, protect: true };
}

function datasetsSheet(
  name: string,
  questions: Question[],
  lang: LabelLang,
  count: number,
  validationFor: (q: Question, ref: string, helpCol: string) => Validation | undefined,
  yesNo: () => string,
  condition: (q: Question) => string,
  number: (q: Question) => string,
): SheetSpec {
  const t = (x: Text) => labelIn(x, lang);
  const first = DATASET_COL.first;
  const slots = Array.from({ length: count }, (_, i) => columnLetter(first + i));
  const header: CellSpec[] = [W.id, W.question, W.help].map((h) => ({ value: t(h), bold: true, fill: HEADER_FILL, wrap: true }));
  header.push(...slots.map((_, i) => ({ value: `${t(W.dataset)} ${i + 1}`, bold: true, fill: HEADER_FILL, wrap: true })));
  const rows: CellSpec[][] = [
    header,
    [idCell(DATASET_NAME_ID, lang), { value: t(W.datasetName), bold: true, wrap: true }, { value: t(W.datasetNameHelp), italic: true, color: "595959", wrap: true }, ...slots.map(() => ({ value: null, unlocked: true, fill: ANSWER_FILL, bold: true, wrap: true }))],
  ];
  for (const q of questions) {
    const r = rows.length + 1;
    const dim = q.dimension ? ` (${t(DIMENSION_LABELS[q.dimension])})` : "";
    const help = [t(q.help), condition(q)].filter(Boolean).join("\n");
    rows.push([idCell(q.id, lang), { value: `${number(q)}. ${t(q.label)}${dim}`, bold: true, wrap: true }, { value: help, italic: true, color: "595959", wrap: true }, ...slots.map((col) => ({ value: null, unlocked: true, fill: ANSWER_FILL, wrap: true, ...withValidation(validationFor(q, `${col}${r}`, "C")) }))]);
    if (q.type === "multiple_choice") {
      for (const o of optionsOf(q)) {
        rows.push([
          idCell(`${q.id}${OPTION_SEPARATOR}${o.value}`, lang),
          { value: `    ☐ ${t(o.label!)}`, wrap: true },
          { value: o.exclusive ? t(W.exclusive) : "", italic: true, color: "7F6000", wrap: true },
          ...slots.map(() => ({ value: null, unlocked: true, fill: ANSWER_FILL, validation: { list: yesNo(), prompt: { title: t(W.tick), text: t(W.tickHint) } } })),
        ]);
      }
    }
    rows.push([idCell(`${q.id}${COMMENT_SUFFIX}`, lang), { value: t(W.comment), italic: true, color: "595959" }, { value: "" }, ...slots.map(() => ({ value: null, unlocked: true, wrap: true }))]);
  }
  return {
    name,
    columns: [{ width: 12 }, { width: 44 }, { width: 40 }, ...slots.map(() => ({ width: 20 }))],
    rows,
    freeze: { rows: 2, columns: 3 },
    protect: true,
    landscape: true,
  };
}
