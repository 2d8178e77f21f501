// The questionnaire as an XLSForm (xlsform.org) for KoboToolbox and ODK: survey, choices and
// settings rows as plain data. Question and choice names stay the module ids, so that
// exports map back without a lookup table.
import { MODULES_QUESTION, NO_AREA_MODULE, STATUS_VALUES, askedUnder, modulesQuestion, statusList, statusQuestion } from "./form-questions.js";
import { formVersion } from "./form-version.js";
import { INSTITUTION_FIELDS } from "./profile.js";
import { DONT_KNOW, NOT_APPLICABLE, SPECIAL_LABELS, offersSpecials, optionsOf } from "./model.js";
import type { Condition, Module, Question, Text } from "./model.js";
import type { Questionnaire } from "./questionnaire.js";

export const XLSFORM_LANGS = { en: "English (en)", th: "Thai (th)" } as const;

export const SURVEY_COLUMNS = [
  "type",
  "name",
  `label::${XLSFORM_LANGS.en}`,
  `label::${XLSFORM_LANGS.th}`,
  `hint::${XLSFORM_LANGS.en}`,
  `hint::${XLSFORM_LANGS.th}`,
  "required",
  "relevant",
  "constraint",
  `constraint_message::${XLSFORM_LANGS.en}`,
  `constraint_message::${XLSFORM_LANGS.th}`,
] as const;

export const CHOICES_COLUMNS = ["list_name", "name", `label::${XLSFORM_LANGS.en}`, `label::${XLSFORM_LANGS.th}`] as const;

export type Row = Record<string, string>;

export interface XlsForm {
  survey: Row[];
  choices: Row[];
  settings: Row;
}

/** Group and field names of the institution profile and the dataset repeat. */
export const PROFILE_GROUP = "institution";
/** The profile fields a form asks (the institution code and phone are for templates only). */
export const PROFILE_FIELDS: { name: string; type: string; label: Text; required?: boolean }[] = INSTITUTION_FIELDS.filter(
  (f) => f.key !== "institution_code" && f.key !== "respondent_phone",
).map((f) => ({ name: f.key, type: f.date ? "date" : "text", label: f.label, ...(f.required ? { required: true } : {}) }));
export const DATASETS_REPEAT = "datasets";
export const DATASET_NAME = "dataset_name";
/** The label of the dataset name in the repeat: what a label-header export heads its column with. */
export const DATASET_NAME_LABEL: Text = { en: "Name of the dataset", th: "ชื่อชุดข้อมูล" };

const EXCLUSIVE_MESSAGE: Text = {
  en: "Don't know, Not applicable and 'none' cannot be combined with other options.",
  th: "ไม่ทราบ ไม่เกี่ยวข้อง และ 'ไม่มี' ไม่สามารถเลือกร่วมกับตัวเลือกอื่นได้",
};

function labels(prefix: "label" | "hint" | "constraint_message", t: Text | undefined): Row {
  return t ? { [`${prefix}::${XLSFORM_LANGS.en}`]: t.en, [`${prefix}::${XLSFORM_LANGS.th}`]: t.th } : {};
}

/** A `relevant` expression for a condition, in XPath as XLSForm writes it. */
export function relevantOf(c: Condition, question: (id: string) => Question | undefined): string {
  if ("all" in c) return c.all.map((x) => `(${relevantOf(x, question)})`).join(" and ");
  if ("any" in c) return c.any.map((x) => `(${relevantOf(x, question)})`).join(" or ");
  if ("not" in c) return `not(${relevantOf(c.not, question)})`;
  const multi = question(c.question)?.type === "multiple_choice";
  const parts = c.in.map((v) => (multi ? `selected(\${${c.question}}, '${v}')` : `\${${c.question}} = '${v}'`));
  return parts.length === 1 ? parts[0]! : `(${parts.join(" or ")})`;
}

function typeOf(q: Question): string {
  switch (q.type) {
    case "single_choice":
    case "yes_no":
      return `select_one ${q.id}`;
    case "multiple_choice":
      return `select_multiple ${q.id}`;
    case "number":
      return q.integer ? "integer" : "decimal";
    case "date":
      return "date";
    case "text":
      return "text";
  }
}

function constraintOf(q: Question): { constraint: string; message: Text } | undefined {
  if (q.type === "multiple_choice") {
    const alone = [...optionsOf(q).filter((o) => o.exclusive).map((o) => o.value), ...(offersSpecials(q) ? [DONT_KNOW, NOT_APPLICABLE] : [])];
    if (!alone.length) return undefined;
    return { constraint: `not((${alone.map((v) => `selected(., '${v}')`).join(" or ")}) and count-selected(.) > 1)`, message: EXCLUSIVE_MESSAGE };
  }
  const checks: string[] = [];
  const msg: string[][] = [];
  if (q.type === "number") {
    if (typeof q.min === "number") {
      checks.push(`. >= ${q.min}`);
      msg.push([`at least ${q.min}`, `ไม่น้อยกว่า ${q.min}`]);
    }
    if (typeof q.max === "number") {
      checks.push(`. <= ${q.max}`);
      msg.push([`at most ${q.max}`, `ไม่เกิน ${q.max}`]);
    }
  }
  if (q.type === "date") {
    if (typeof q.min === "string") {
      checks.push(`. >= date('${q.min}')`);
      msg.push([`${q.min} or later`, `ตั้งแต่ ${q.min}`]);
    }
    if (typeof q.max === "string") {
      checks.push(`. <= date('${q.max}')`);
      msg.push([`${q.max} or earlier`, `ไม่เกิน ${q.max}`]);
    }
  }
  if (!checks.length) return undefined;
  return { constraint: checks.join(" and "), message: { en: `Expected ${msg.map((m) => m[0]).join(" and ")}.`, th: `ค่าที่ถูกต้อง: ${msg.map((m) => m[1]).join(" และ ")}` } };
}

function questionRow(q: Question, question: (id: string) => Question | undefined): Row[] {
  const c = constraintOf(q);
  const when = q.when ? relevantOf(q.when, question) : undefined;
  const status = statusQuestion(q);
  // A number or date is asked unless its status question says don't know or not applicable.
  const unlessSpecial = status ? `not(\${${status.id}} = '${DONT_KNOW}' or \${${status.id}} = '${NOT_APPLICABLE}')` : undefined;
  const relevant = when && unlessSpecial ? `(${when}) and ${unlessSpecial}` : (when ?? unlessSpecial);
  const row: Row = {
    type: typeOf(q),
    name: q.id,
    ...labels("label", q.label),
    ...labels("hint", q.help),
    ...(q.required ? { required: "yes" } : {}),
    ...(relevant ? { relevant } : {}),
    ...(c ? { constraint: c.constraint, ...labels("constraint_message", c.message) } : {}),
  };
  if (!status || (q.type !== "number" && q.type !== "date")) return [row];
  return [{ type: `select_one ${statusList(q.type)}`, name: status.id, ...labels("label", status.label), ...labels("hint", status.help), ...(when ? { relevant: when } : {}) }, row];
}

/** A module's groups are asked when it, or a module that requires it, is chosen in the modules question. */
function moduleRelevant(m: Module, q: Questionnaire): Row {
  const under = modulesQuestion(q.modules) ? askedUnder(m, q.modules) : undefined;
  return under ? { relevant: under.map((id) => `selected(\${${MODULES_QUESTION}}, '${id}')`).join(" or ") } : {};
}

/** The modules question, asked first, and its choices. */
function modulesRows(q: Questionnaire): { survey: Row[]; choices: Row[] } {
  const mq = modulesQuestion(q.modules);
  if (!mq) return { survey: [], choices: [] };
  return {
    survey: [
      {
        type: `select_multiple ${MODULES_QUESTION}`,
        name: MODULES_QUESTION,
        ...labels("label", mq.label),
        ...labels("hint", mq.help),
        required: "yes",
        constraint: `not(selected(., '${NO_AREA_MODULE}') and count-selected(.) > 1)`,
        ...labels("constraint_message", { en: "'None' cannot be combined with a module.", th: "ไม่สามารถเลือก 'ไม่มี' ร่วมกับโมดูลอื่นได้" }),
      },
    ],
    choices: optionsOf(mq).map((o) => ({ list_name: MODULES_QUESTION, name: o.value, ...labels("label", o.label) })),
  };
}

/** The choices of the status questions beside numbers and dates, one list a type. */
function statusChoices(q: Questionnaire): Row[] {
  const rows: Row[] = [];
  for (const type of ["number", "date"] as const) {
    const first = q.questions.find((p) => p.question.type === type);
    const status = first && statusQuestion(first.question);
    if (!status) continue;
    for (const v of STATUS_VALUES) {
      const label = v === DONT_KNOW || v === NOT_APPLICABLE ? SPECIAL_LABELS[v] : optionsOf(status)[0]!.label;
      rows.push({ list_name: statusList(type), name: v, ...labels("label", label) });
    }
  }
  return rows;
}

export function buildXlsForm(q: Questionnaire): XlsForm {
  const question = (id: string) => q.byId.get(id)?.question;
  const survey: Row[] = [];
  survey.push({ type: "begin_group", name: PROFILE_GROUP, ...labels("label", { en: "Institution", th: "หน่วยงาน" }) });
  for (const f of PROFILE_FIELDS) survey.push({ type: f.type, name: f.name, ...labels("label", f.label), ...(f.required ? { required: "yes" } : {}) });
  survey.push({ type: "end_group", name: "" });
  const chosen = modulesRows(q);
  survey.push(...chosen.survey);

  const datasetRows: Row[] = [];
  for (const m of q.modules) {
    const inst = m.sections.filter((s) => s.scope === "institution");
    if (inst.length) {
      survey.push({ type: "begin_group", name: m.id, ...labels("label", m.title), ...moduleRelevant(m, q) });
      for (const s of inst) {
        survey.push({ type: "begin_group", name: s.id, ...labels("label", s.title) });
        for (const x of s.questions) survey.push(...questionRow(x, question));
        survey.push({ type: "end_group", name: "" });
      }
      survey.push({ type: "end_group", name: "" });
    }
    for (const s of m.sections.filter((x) => x.scope === "dataset")) {
      datasetRows.push({ type: "begin_group", name: s.id, ...labels("label", s.title), ...moduleRelevant(m, q) });
      for (const x of s.questions) datasetRows.push(...questionRow(x, question));
      datasetRows.push({ type: "end_group", name: "" });
    }
  }
  if (datasetRows.length) {
    survey.push({ type: "begin_repeat", name: DATASETS_REPEAT, ...labels("label", { en: "Dataset: ${dataset_name}", th: "ชุดข้อมูล: ${dataset_name}" }) });
    survey.push({ type: "text", name: DATASET_NAME, ...labels("label", DATASET_NAME_LABEL), required: "yes" });
    survey.push(...datasetRows);
    survey.push({ type: "end_repeat", name: "" });
  }

  const choices: Row[] = [...chosen.choices, ...statusChoices(q)];
  for (const p of q.questions) {
    const x = p.question;
    if (x.type !== "single_choice" && x.type !== "yes_no" && x.type !== "multiple_choice") continue;
    for (const o of optionsOf(x)) choices.push({ list_name: x.id, name: o.value, ...labels("label", o.label) });
    if (offersSpecials(x)) for (const v of [DONT_KNOW, NOT_APPLICABLE] as const) choices.push({ list_name: x.id, name: v, ...labels("label", SPECIAL_LABELS[v]) });
  }

  return {
    survey,
    choices,
    settings: {
      form_title: `Assessment of data on migrant and forcibly displaced children (${q.modules.map((m) => m.id).join(", ")})`,
      form_id: "assess_children_on_the_move",
      version: formVersion(q),
      default_language: XLSFORM_LANGS.en,
    },
  };
}
