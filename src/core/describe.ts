// Conditions in words, for templates and forms: "Answer only if ...".
import { optionsOf } from "./model.js";
import type { Condition, Question } from "./model.js";
import { labelIn } from "./parse-answer.js";
import type { LabelLang } from "./parse-answer.js";

const WORDS = {
  en: { is: "is", or: "or", and: "and", not: "not", answerIf: "Answer only if" },
  th: { is: "คือ", or: "หรือ", and: "และ", not: "ไม่ใช่กรณีที่", answerIf: "ตอบเฉพาะเมื่อ" },
};

function words(lang: LabelLang) {
  return WORDS[lang === "th" ? "th" : "en"];
}

/** `"Do you collect …?" is Yes or Partly` and so on, nested with brackets. */
export function describeCondition(c: Condition, question: (id: string) => Question | undefined, lang: LabelLang): string {
  const w = words(lang);
  if ("all" in c) return c.all.map((x) => wrap(x, describeCondition(x, question, lang))).join(` ${w.and} `);
  if ("any" in c) return c.any.map((x) => wrap(x, describeCondition(x, question, lang))).join(` ${w.or} `);
  if ("not" in c) return `${w.not} (${describeCondition(c.not, question, lang)})`;
  const q = question(c.question);
  if (!q) return c.question;
  const opts = optionsOf(q);
  const values = c.in.map((v) => {
    const o = opts.find((x) => x.value === v);
    return o?.label ? labelIn(o.label, lang) : v;
  });
  return `"${labelIn(q.label, lang)}" ${w.is} ${values.join(` ${w.or} `)}`;
}

function wrap(c: Condition, text: string): string {
  return "question" in c ? text : `(${text})`;
}

export function answerOnlyIf(c: Condition, question: (id: string) => Question | undefined, lang: LabelLang, refer?: Refer): string {
  return `${words(lang).answerIf}: ${refer ? describeShort(c, question, lang, refer) : describeCondition(c, question, lang)}`;
}

/** How a template names a question and an option briefly: by number and short title, by marker or short label. */
export interface Refer {
  question(q: Question): string;
  option(q: Question, value: string): string;
}

/** As describeCondition, but each question by its number and short title: `12 "Shares data…" is 3 or 4`. */
function describeShort(c: Condition, question: (id: string) => Question | undefined, lang: LabelLang, refer: Refer): string {
  const w = words(lang);
  if ("all" in c) return c.all.map((x) => wrap(x, describeShort(x, question, lang, refer))).join(` ${w.and} `);
  if ("any" in c) return c.any.map((x) => wrap(x, describeShort(x, question, lang, refer))).join(` ${w.or} `);
  if ("not" in c) return `${w.not} (${describeShort(c.not, question, lang, refer)})`;
  const q = question(c.question);
  if (!q) return c.question;
  return `${refer.question(q)} ${w.is} ${c.in.map((v) => refer.option(q, v)).join(` ${w.or} `)}`;
}
