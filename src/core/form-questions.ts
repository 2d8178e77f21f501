// The XLSForm's own questions, which no module asks: which area modules the institution
// answers, and, beside each number or date question, whether the respondent can give it
// (a form cannot type "don't know" into a number or date field). Built as plain questions
// so that the form writer and the export reader share one definition.
import { DONT_KNOW, NOT_APPLICABLE } from "./model.js";
import type { Module, Question, Text } from "./model.js";

/** The module every institution answers; the others are area modules, chosen. */
export const GENERAL_MODULE = "general";
/** The form's question listing the area modules chosen, asked first. */
export const MODULES_QUESTION = "area_modules";
/** Its exclusive choice for the general questionnaire only. */
export const NO_AREA_MODULE = "none";
/** The choice, beside a number or date, that the respondent gives it below. */
export const WILL_ANSWER = "answer";

export function areaModules(modules: readonly Module[]): Module[] {
  return modules.filter((m) => m.id !== GENERAL_MODULE);
}

/** The modules question of a form of these modules; undefined when the form has no area module. */
export function modulesQuestion(modules: readonly Module[]): Question | undefined {
  const areas = areaModules(modules);
  if (!areas.length) return undefined;
  return {
    id: MODULES_QUESTION,
    type: "multiple_choice",
    label: { en: "Which area-specific modules will your institution answer?", th: "หน่วยงานของท่านจะตอบโมดูลเฉพาะด้านใดบ้าง" },
    help: {
      en: "The general questionnaire is asked of every institution. Choose the modules on the themes your institution's data cover; only those are asked.",
      th: "ทุกหน่วยงานตอบแบบสอบถามทั่วไป โปรดเลือกโมดูลตามประเด็นที่ข้อมูลของหน่วยงานครอบคลุม ระบบจะถามเฉพาะโมดูลที่เลือก",
    },
    required: true,
    options: [
      ...areas.map((m) => ({ value: m.id, label: m.title })),
      { value: NO_AREA_MODULE, label: { en: "None: the general questionnaire only", th: "ไม่มี ตอบเฉพาะแบบสอบถามทั่วไป" }, exclusive: true },
    ],
  };
}

/**
 * The modules a module's questions are asked under: itself and every module that requires
 * it. Undefined for the general module, which is always asked.
 */
export function askedUnder(m: Module, modules: readonly Module[]): string[] | undefined {
  if (m.id === GENERAL_MODULE) return undefined;
  return [m.id, ...modules.filter((x) => x.requires?.includes(m.id)).map((x) => x.id)];
}

/** The modules a submission answers: general, those chosen, and what they require. */
export function chosenModules(chosen: readonly string[], modules: readonly Module[]): Set<string> {
  const used = new Set([GENERAL_MODULE, ...chosen]);
  for (const m of modules) if (used.has(m.id)) for (const req of m.requires ?? []) used.add(req);
  return used;
}

/** The name of the question beside a number or date that says whether it is answered. */
export function statusName(questionId: string): string {
  return `${questionId}_status`;
}

const WILL: Record<"number" | "date", Text> = {
  number: { en: "Yes: I will enter the number", th: "ได้ จะระบุตัวเลข" },
  date: { en: "Yes: I will enter the date", th: "ได้ จะระบุวันที่" },
};

/** The list of choices of every status question of a type. */
export function statusList(type: "number" | "date"): string {
  return `assess_${type}_status`;
}

/**
 * The status question of a number or date question: answered (given below), don't know or
 * not applicable. Its label is the question's with a suffix, unique, so that a label-header
 * export can be read back.
 */
export function statusQuestion(q: Question): Question | undefined {
  if (q.type !== "number" && q.type !== "date") return undefined;
  return {
    id: statusName(q.id),
    type: "single_choice",
    label: { en: `${q.label.en} (can you answer?)`, th: `${q.label.th} (ท่านตอบได้หรือไม่)` },
    help: {
      en: `Choose Don't know or Not applicable if you cannot give the ${q.type}; otherwise enter it in the next question.`,
      th: `เลือก ไม่ทราบ หรือ ไม่เกี่ยวข้อง หากท่านไม่สามารถระบุ${q.type === "number" ? "ตัวเลข" : "วันที่"}ได้ มิฉะนั้นโปรดระบุในคำถามถัดไป`,
    },
    options: [{ value: WILL_ANSWER, label: WILL[q.type] }],
  };
}

/** The values a status question may hold. */
export const STATUS_VALUES = [WILL_ANSWER, DONT_KNOW, NOT_APPLICABLE] as const;
