// The Excel questionnaire as a WorkbookSpec: instructions, institution, datasets, one sheet
// per module, and hidden lists and metadata that tell ingest what the workbook was built from.
import { createHash } from "node:crypto";
import { answerOnlyIf } from "../core/describe.js";
import { canonical } from "../core/interview.js";
import { moduleContent } from "../core/scales.js";
import { DIMENSION_LABELS, SPECIAL_LABELS, offersSpecials, optionsOf } from "../core/model.js";
import type { Module, Question, Text } from "../core/model.js";
import { choiceLabels, labelIn } from "../core/parse-answer.js";
import type { LabelLang } from "../core/parse-answer.js";
import type { Questionnaire } from "../core/questionnaire.js";
import { INSTRUCTIONS, INSTITUTION_FIELDS, TEMPLATE_TEXT as W } from "../core/template-text.js";
import { COMMENT_SUFFIX, DATASETS_SHEET, DATASET_ROWS, FIRST_DATASET_ROW, INSTITUTION_SHEET, LISTS_SHEET, META_SHEET, OPTION_SEPARATOR, TEMPLATE_FORMAT, moduleSheetNames } from "../core/template-layout.js";
import type { TemplateMeta } from "../core/template-layout.js";
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

const GREY = "F2F2F2";
const ANSWER_FILL = "FFF9DB";
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

export function buildTemplate(q: Questionnaire, lang: LabelLang, date: Date): { spec: WorkbookSpec; meta: TemplateMeta } {
  const t = (x: Text) => labelIn(x, lang);
  const lists = new Lists();
  const sheets = moduleSheetNames(q.modules);
  const byId = (id: string) => q.byId.get(id)?.question;

  /** Validation for an answer cell at `ref` (such as E5). */
  const validationFor = (question: Question, ref: string): Validation | undefined => {
    const prompt = { title: t(question.label), text: t(question.help) };
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
        const condition = question.when ? answerOnlyIf(question.when, byId, lang) : "";
        rows.push([
          { value: question.id, color: "808080", size: 8 },
          { value: `${t(section.title)}${dim}`, wrap: true },
          { value: `${t(question.label)}${question.required ? " *" : ""}`, wrap: true, bold: true },
          { value: t(question.help), wrap: true, italic: true, color: "595959" },
          { value: null, unlocked: true, fill: ANSWER_FILL, wrap: true, ...withValidation(validationFor(question, `E${r}`)) },
          { value: null, unlocked: true, wrap: true },
          { value: condition, wrap: true, italic: true, color: "7F6000" },
        ]);
        if (question.type === "multiple_choice") {
          for (const o of optionsOf(question)) {
            rows.push([
              { value: `${question.id}${OPTION_SEPARATOR}${o.value}`, color: "808080", size: 8 },
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
        columns: [{ width: 26 }, { width: 22 }, { width: 60 }, { width: 45 }, { width: 30 }, { width: 30 }, { width: 34 }],
        rows,
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
  };
  const spec: WorkbookSpec = {
    title: t(W.title),
    date,
    sheets: [
      instructionsSheet(lang),
      institutionSheet(lang),
      datasetsSheet(datasetQuestions, lang, validationFor, yesNo),
      ...moduleSheets,
      { name: LISTS_SHEET, state: "veryHidden", rows: transpose(lists.columns) },
      {
        name: META_SHEET,
        state: "veryHidden",
        rows: Object.entries({ ...meta, modules: JSON.stringify(meta.modules), sheets: JSON.stringify(meta.sheets) }).map(([k, v]) => [{ value: k }, { value: String(v) }]),
      },
    ],
  };
  return { spec, meta };
}

function withValidation(v: Validation | undefined): { validation?: Validation } {
  return v ? { validation: v } : {};
}

function transpose(columns: string[][]): CellSpec[][] {
  const height = Math.max(0, ...columns.map((c) => c.length));
  return Array.from({ length: height }, (_, r) => columns.map((c) => ({ value: c[r] ?? null })));
}

function instructionsSheet(lang: LabelLang): SheetSpec {
  const t = (x: Text) => labelIn(x, lang);
  const rows: CellSpec[][] = INSTRUCTIONS.map((line) => [{ value: t(line.text), bold: line.heading ?? false, size: line.heading ? 13 : 11, wrap: true }]);
  return { name: "Instructions", columns: [{ width: 90 }], rows, protect: true };
}

function institutionSheet(lang: LabelLang): SheetSpec {
  const t = (x: Text) => labelIn(x, lang);
  const rows: (CellSpec | undefined)[][] = [[W.id, W.field, W.answer, W.help].map((h) => ({ value: t(h), bold: true, fill: HEADER_FILL }))];
  for (const f of INSTITUTION_FIELDS) {
    const r = rows.length + 1;
    const validation: Validation | undefined =
      f.date ? { custom: `ISNUMBER(C${r})`, prompt: { title: t(f.label), text: t(f.help) }, error: { title: t(W.checkValue), text: t(W.dateHint) } } : { prompt: { title: t(f.label), text: t(f.help) } };
    rows.push([
      { value: f.key, color: "808080", size: 8 },
      { value: `${t(f.label)}${f.required ? " *" : ""}`, bold: true, wrap: true },
      { value: null, unlocked: true, fill: ANSWER_FILL, validation, ...(f.date ? { numFmt: "yyyy-mm-dd" } : {}) },
      { value: t(f.help), italic: true, wrap: true, color: "595959" },
    ]);
  }
  return { name: INSTITUTION_SHEET, columns: [{ width: 20 }, { width: 40 }, { width: 45 }, { width: 60 }], rows, freeze: { rows: 1, columns: 0 }, protect: true };
}

function datasetsSheet(
  questions: Question[],
  lang: LabelLang,
  validationFor: (q: Question, ref: string) => Validation | undefined,
  yesNo: () => string,
): SheetSpec {
  const t = (x: Text) => labelIn(x, lang);
  const header: CellSpec[] = [{ value: t(W.datasetName), bold: true, fill: HEADER_FILL, wrap: true }];
  const ids: CellSpec[] = [{ value: "dataset_name", color: "808080", size: 8, fill: GREY }];
  const cells: ((r: number, col: string) => CellSpec)[] = [() => ({ value: null, unlocked: true, fill: ANSWER_FILL })];
  const widths = [{ width: 32 }];
  for (const q of questions) {
    const dim = q.dimension ? ` (${t(DIMENSION_LABELS[q.dimension])})` : "";
    header.push({ value: `${t(q.label)}${dim}`, bold: true, fill: HEADER_FILL, wrap: true });
    ids.push({ value: q.id, color: "808080", size: 8, fill: GREY });
    cells.push((r, col) => ({ value: null, unlocked: true, fill: ANSWER_FILL, ...withValidation(validationFor(q, `${col}${r}`)) }));
    widths.push({ width: q.type === "multiple_choice" ? 16 : 24 });
    if (q.type === "multiple_choice") {
      for (const o of optionsOf(q)) {
        header.push({ value: `${t(q.label)}: ${t(o.label!)}`, fill: HEADER_FILL, wrap: true });
        ids.push({ value: `${q.id}${OPTION_SEPARATOR}${o.value}`, color: "808080", size: 8, fill: GREY });
        cells.push(() => ({ value: null, unlocked: true, validation: { list: yesNo(), prompt: { title: t(o.label!), text: t(W.tickHint) } } }));
        widths.push({ width: 14 });
      }
    }
    header.push({ value: `${t(W.comment)}: ${t(q.label)}`, italic: true, fill: GREY, wrap: true });
    ids.push({ value: `${q.id}${COMMENT_SUFFIX}`, color: "808080", size: 8, fill: GREY });
    cells.push(() => ({ value: null, unlocked: true, wrap: true }));
    widths.push({ width: 18 });
  }
  const rows: CellSpec[][] = [header, ids];
  for (let r = FIRST_DATASET_ROW; r < FIRST_DATASET_ROW + DATASET_ROWS; r++) rows.push(cells.map((f, c) => f(r, columnLetter(c + 1))));
  return { name: DATASETS_SHEET, columns: widths, rows, freeze: { rows: 2, columns: 1 }, protect: true, rowHeights: { 1: 90 } };
}
