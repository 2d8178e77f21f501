// Words for answers, in English and Thai: why a value is not an answer (AnswerReason), and
// the problems of answers checked against the questionnaire.
import type { AnswerReason, AnswerReasonArgs, AnswerReasonCode } from "./answers.js";
import type { Lang } from "./model.js";
import type { WordTable } from "./problem-words.js";

type ReasonWords = { [C in AnswerReasonCode]: Record<Lang, (a: AnswerReasonArgs[C]) => string> };

const list = (xs: readonly string[]) => xs.join(", ");

export const REASON_WORDS: ReasonWords = {
  SPECIAL_NOT_OFFERED: { en: (a) => `"${a.value}" is not offered for free-text questions`, th: (a) => `คำถามแบบข้อความไม่มีคำตอบ "${a.value}"` },
  EXPECTED_ONE_OF: { en: (a) => `expected one of: ${list(a.options)}`, th: (a) => `ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: ${list(a.options)}` },
  NOT_AN_OPTION: { en: (a) => `"${a.value}" is not one of: ${list(a.options)}`, th: (a) => `"${a.value}" ไม่ใช่ค่าใดค่าหนึ่งต่อไปนี้: ${list(a.options)}` },
  EXPECTED_LIST: { en: (a) => `expected a list of: ${list(a.options)}`, th: (a) => `ต้องเป็นรายการจากค่าต่อไปนี้: ${list(a.options)}` },
  CHOSEN_TWICE: { en: () => "an option is chosen twice", th: () => "มีตัวเลือกที่ถูกเลือกซ้ำ" },
  EXCLUSIVE_COMBINED: { en: (a) => `"${a.option}" cannot be combined with other options`, th: (a) => `"${a.option}" เลือกร่วมกับตัวเลือกอื่นไม่ได้` },
  EXPECTED_NUMBER: { en: () => "expected a number", th: () => "ต้องเป็นตัวเลข" },
  EXPECTED_WHOLE_NUMBER: { en: () => "expected a whole number", th: () => "ต้องเป็นจำนวนเต็ม" },
  BELOW_MIN: { en: (a) => `expected at least ${a.min}`, th: (a) => `ต้องไม่น้อยกว่า ${a.min}` },
  ABOVE_MAX: { en: (a) => `expected at most ${a.max}`, th: (a) => `ต้องไม่เกิน ${a.max}` },
  EXPECTED_DATE: { en: () => "expected a date written YYYY-MM-DD", th: () => "ต้องเป็นวันที่ในรูปแบบ YYYY-MM-DD" },
  BEFORE_MIN_DATE: { en: (a) => `expected ${a.min} or later`, th: (a) => `ต้องเป็นวันที่ ${a.min} หรือหลังจากนั้น` },
  AFTER_MAX_DATE: { en: (a) => `expected ${a.max} or earlier`, th: (a) => `ต้องเป็นวันที่ ${a.max} หรือก่อนหน้านั้น` },
  EXPECTED_TEXT: { en: () => "expected text", th: () => "ต้องเป็นข้อความ" },
  CELL_ERROR: { en: (a) => `the cell shows an error (${a.text})`, th: (a) => `เซลล์แสดงข้อผิดพลาด (${a.text})` },
  NOT_CALCULATED: {
    en: (a) => `the formula ${a.formula} has no saved result; open the file in a spreadsheet program, let it calculate and save it again`,
    th: (a) => `สูตร ${a.formula} ไม่มีผลลัพธ์ที่บันทึกไว้ ให้เปิดไฟล์ด้วยโปรแกรมตารางคำนวณ ให้โปรแกรมคำนวณ แล้วบันทึกอีกครั้ง`,
  },
  COMMA_SEPARATED: {
    en: (a) => `"${a.value}" lists several options separated by commas; separate them with ";" (labels may contain commas) or mark each option Yes on its own row`,
    th: (a) => `"${a.value}" ระบุหลายตัวเลือกคั่นด้วยจุลภาค ให้คั่นด้วย ";" (ชื่อตัวเลือกอาจมีจุลภาค) หรือทำเครื่องหมาย "ใช่" ที่แถวของแต่ละตัวเลือก`,
  },
  NOT_A_NUMBER: { en: (a) => `"${a.text}" is not a number`, th: (a) => `"${a.text}" ไม่ใช่ตัวเลข` },
  NOT_A_DATE: { en: (a) => `"${a.text}" is not a date (write it as YYYY-MM-DD, for example 2025-06-30)`, th: (a) => `"${a.text}" ไม่ใช่วันที่ (เขียนในรูปแบบ YYYY-MM-DD เช่น 2025-06-30)` },
  NO_SUCH_DATE: {
    en: (a) => `"${a.text}" is not a date that exists (dates are read day/month/year or year-month-day)`,
    th: (a) => `"${a.text}" ไม่ใช่วันที่ที่มีอยู่จริง (อ่านวันที่เป็น วัน/เดือน/ปี หรือ ปี-เดือน-วัน)`,
  },
  DATE_YEAR_UNCLEAR: {
    en: (a) => `the year in "${a.text}" is not clear: write all four digits, as B.E. (2568) or C.E. (2025)`,
    th: (a) => `ปีใน "${a.text}" ไม่ชัดเจน ให้เขียนปีครบสี่หลัก เป็น พ.ศ. (2568) หรือ ค.ศ. (2025)`,
  },
  DATE_IN_FUTURE: { en: (a) => `${a.date} is after today (${a.today})`, th: (a) => `${a.date} อยู่หลังวันนี้ (${a.today})` },
  NUMBER_UNCLEAR: {
    en: (a) => `"${a.text}" is not clear as a number: write digits, with commas only between thousands (12,345) and a point for decimals`,
    th: (a) => `"${a.text}" ไม่ชัดเจนว่าเป็นตัวเลขใด ให้เขียนเป็นตัวเลข ใช้จุลภาคคั่นหลักพันเท่านั้น (12,345) และจุดสำหรับทศนิยม`,
  },
  NOT_YES_OR_NO: { en: (a) => `"${a.text}" is not Yes or No`, th: (a) => `"${a.text}" ไม่ใช่ "ใช่" หรือ "ไม่ใช่"` },
  NOT_ONE_OR_ZERO: { en: (a) => `"${a.text}" is neither 1 nor 0`, th: (a) => `"${a.text}" ไม่ใช่ 1 หรือ 0` },
  CHOSEN_WITH_TICKS: {
    en: (a) => `"${a.text}" is ${a.below ? "chosen together with options marked Yes below it" : "given together with options marked Yes"}; keep one or the other`,
    th: (a) => `"${a.text}" ถูกเลือกพร้อมกับตัวเลือกที่ทำเครื่องหมาย "ใช่"${a.below ? " ด้านล่าง" : ""} ให้เก็บไว้อย่างใดอย่างหนึ่ง`,
  },
  EXCLUSIVE_TICKED: { en: (a) => `"${a.option}" is marked Yes together with other options`, th: (a) => `"${a.option}" ถูกทำเครื่องหมาย "ใช่" พร้อมกับตัวเลือกอื่น` },
  EMPTY: { en: () => "it is empty", th: () => "ยังไม่ได้กรอก" },
};

/** Why a value is not an answer, in words. */
export function formatReason(reason: AnswerReason, lang: Lang): string {
  // The table is keyed by code, so the code picks the words that take its args.
  return (REASON_WORDS[reason.code][lang] as (args: AnswerReason["args"]) => string)(reason.args);
}

export const ANSWER_WORDS = {
  UNKNOWN_MODULE: {
    en: (a) => `answers module "${a.module}", which is not loaded (loaded: ${list(a.loaded)})`,
    th: (a) => `ตอบโมดูล "${a.module}" ซึ่งไม่ได้โหลดไว้ (ที่โหลด: ${list(a.loaded)})`,
  },
  MODULE_VERSION_MISMATCH: {
    en: (a) => `answers were given for ${a.module} ${a.version}, but the loaded module is ${a.loaded}; questions may have changed meaning, so none of this file's answers is scored. Score it with the modules it was made for (--modules FOLDER holding ${a.module} ${a.version})`,
    th: (a) => `คำตอบให้ไว้สำหรับ ${a.module} ${a.version} แต่โมดูลที่โหลดเป็นรุ่น ${a.loaded} ความหมายของคำถามอาจเปลี่ยนไป จึงไม่นำคำตอบในไฟล์นี้มาคิดคะแนน ให้คิดคะแนนด้วยโมดูลรุ่นที่ใช้ทำไฟล์นี้ (--modules โฟลเดอร์ที่มี ${a.module} ${a.version})`,
  },
  MODULE_VERSION_DIFFERS: {
    en: (a) => `answers were given for ${a.module} ${a.version}; scoring with ${a.loaded}`,
    th: (a) => `คำตอบให้ไว้สำหรับ ${a.module} ${a.version} คิดคะแนนด้วยรุ่น ${a.loaded}`,
  },
  REQUIRED_MODULE_MISSING: {
    en: (a) => `module "${a.module}" requires "${a.requires}", which the answers do not include`,
    th: (a) => `โมดูล "${a.module}" ต้องใช้ร่วมกับ "${a.requires}" ซึ่งไม่มีในคำตอบ`,
  },
  UNKNOWN_QUESTION: {
    en: (a) => {
      if (a.in === "undeclared_module") return `question "${a.question}" belongs to a module these answers do not declare`;
      if (a.in === "loaded_modules") return `no question "${a.question}" in the loaded modules`;
      return `no question "${a.question}" in modules ${list(a.modules)}${a.suggestion ? `; did you mean "${a.suggestion}"?` : ""}`;
    },
    th: (a) => {
      if (a.in === "undeclared_module") return `คำถาม "${a.question}" อยู่ในโมดูลที่คำตอบชุดนี้ไม่ได้ระบุ`;
      if (a.in === "loaded_modules") return `ไม่มีคำถาม "${a.question}" ในโมดูลที่โหลดไว้`;
      return `ไม่มีคำถาม "${a.question}" ในโมดูล ${list(a.modules)}${a.suggestion ? ` หมายถึง "${a.suggestion}" หรือไม่` : ""}`;
    },
  },
  WRONG_SCOPE: {
    en: (a) => `question "${a.question}" is answered ${a.belongs === "institution" ? "under the institution's answers, not a dataset's" : "under each dataset, not the institution's answers"}`,
    th: (a) => `คำถาม "${a.question}" ${a.belongs === "institution" ? "ตอบในส่วนของหน่วยงาน ไม่ใช่ของชุดข้อมูล" : "ตอบในแต่ละชุดข้อมูล ไม่ใช่ในส่วนของหน่วยงาน"}`,
  },
  INVALID_ANSWER: {
    en: (a) => `${a.dataset !== undefined ? `dataset "${a.dataset}", ` : ""}question "${a.question}"${a.option !== undefined ? `, option "${a.option}"` : ""}: ${formatReason(a.reason, "en")}`,
    th: (a) => `${a.dataset !== undefined ? `ชุดข้อมูล "${a.dataset}" ` : ""}คำถาม "${a.question}"${a.option !== undefined ? ` ตัวเลือก "${a.option}"` : ""}: ${formatReason(a.reason, "th")}`,
  },
  DUPLICATE_DATASET: { en: (a) => `dataset id "${a.dataset}" is used twice`, th: (a) => `รหัสชุดข้อมูล "${a.dataset}" ถูกใช้ซ้ำ` },
  ANSWER_TO_HIDDEN_QUESTION: {
    en: (a) => `question "${a.question}" does not apply given the answer${a.gates.length > 1 ? "s" : ""} to ${list(a.gates)}; its answer is kept but not scored`,
    th: (a) => `คำถาม "${a.question}" ไม่เกี่ยวข้องตามคำตอบของ ${list(a.gates)} จึงเก็บคำตอบไว้แต่ไม่นำมาคิดคะแนน`,
  },
  DUPLICATE_INSTITUTION: {
    en: (a) =>
      `${a.institution} (${a.id}) is in ${a.superseded.length + 1} inputs; it counts once, from ${a.kept} (${a.rule === "latest" ? "the latest date of answering" : "the first input given"}); left out: ${a.superseded.join(", ")}`,
    th: (a) =>
      `${a.institution} (${a.id}) อยู่ใน ${a.superseded.length + 1} ไฟล์ นับเพียงครั้งเดียวจาก ${a.kept} (${a.rule === "latest" ? "วันที่ตอบล่าสุด" : "ไฟล์แรกที่ระบุ"}) ไม่นำมานับ: ${a.superseded.join(", ")}`,
  },
  OTHER_METHOD: {
    en: (a) => `${a.institution} was scored with method ${a.method}, this report uses ${a.reportMethod}; score its answers again to compare like with like`,
    th: (a) => `${a.institution} คิดคะแนนด้วยวิธีการรุ่น ${a.method} แต่รายงานนี้ใช้รุ่น ${a.reportMethod} ให้คิดคะแนนคำตอบใหม่เพื่อเปรียบเทียบกันได้`,
  },
} satisfies Partial<WordTable>;
