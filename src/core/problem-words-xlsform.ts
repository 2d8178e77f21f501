// Words for problems the XLSForm guard finds in the form we are about to write.
import type { WordTable } from "./problem-words.js";

const NAME = {
  list: { en: "list_name", th: "list_name" },
  choice: { en: "choice name", th: "ชื่อตัวเลือก" },
  question: { en: "name", th: "ชื่อ" },
  form_id: { en: "form_id", th: "form_id" },
} as const;

export const XLSFORM_WORDS = {
  XLSFORM_NAME: {
    en: (a) => `${NAME[a.kind].en} "${a.name}" is not a valid name${a.kind === "choice" ? " (no spaces; start with a letter or _)" : ""}`,
    th: (a) => `${NAME[a.kind].th} "${a.name}" ไม่ใช่ชื่อที่ใช้ได้${a.kind === "choice" ? " (ห้ามมีช่องว่าง และต้องขึ้นต้นด้วยตัวอักษรหรือ _)" : ""}`,
  },
  XLSFORM_DUPLICATE: {
    en: (a) => (a.kind === "choice" ? `choice "${a.name}" appears twice in list ${a.list}` : `name "${a.name}" is already used in survey row ${a.firstRow}`),
    th: (a) => (a.kind === "choice" ? `ตัวเลือก "${a.name}" ซ้ำในรายการ ${a.list}` : `ชื่อ "${a.name}" ถูกใช้แล้วในแถว ${a.firstRow} ของชีต survey`),
  },
  XLSFORM_LABEL_MISSING: {
    en: (a) => `${a.kind === "choice" ? "choice " : ""}"${a.name}" has no ${a.column}`,
    th: (a) => `${a.kind === "choice" ? "ตัวเลือก " : ""}"${a.name}" ไม่มี ${a.column}`,
  },
  XLSFORM_GROUPS: {
    en: (a) =>
      a.kind === "unmatched"
        ? `${a.type} without a matching begin_${a.open}`
        : a.kind === "crossed"
          ? `${a.type} closes the begin_${a.open} of survey row ${a.openRow}`
          : `begin_${a.open} is never closed`,
    th: (a) =>
      a.kind === "unmatched"
        ? `${a.type} ไม่มี begin_${a.open} ที่คู่กัน`
        : a.kind === "crossed"
          ? `${a.type} ไปปิด begin_${a.open} ของแถว ${a.openRow} ในชีต survey`
          : `begin_${a.open} ไม่ได้ปิด`,
  },
  XLSFORM_LIST_MISSING: { en: (a) => `list "${a.list}" is not in the choices sheet`, th: (a) => `รายการ "${a.list}" ไม่อยู่ในชีต choices` },
  XLSFORM_UNKNOWN_TYPE: { en: (a) => `unknown type "${a.type}"`, th: (a) => `ไม่รู้จักชนิดคำถาม "${a.type}"` },
  XLSFORM_REQUIRED: { en: () => "required must be yes or no", th: () => "required ต้องเป็น yes หรือ no" },
  XLSFORM_SYNTAX: {
    en: (a) => {
      if (a.kind === "unreadable") return `cannot read "${a.text}"`;
      if (a.kind === "expected") return `expected ${a.expected} at "${a.found}"`;
      if (a.kind === "ends_early") return "the expression ends too early";
      return `unexpected "${a.token}"`;
    },
    th: (a) => {
      if (a.kind === "unreadable") return `อ่าน "${a.text}" ไม่ได้`;
      if (a.kind === "expected") return `ต้องมี ${a.expected} ที่ "${a.found}"`;
      if (a.kind === "ends_early") return "นิพจน์จบก่อนครบ";
      return `ไม่คาดว่าจะพบ "${a.token}"`;
    },
  },
  XLSFORM_REFERENCE: {
    en: (a) => `\${${a.ref}} ${a.kind === "none" ? "names no question" : "names a group, not a question"}`,
    th: (a) => `\${${a.ref}} ${a.kind === "none" ? "ไม่ได้อ้างถึงคำถามใด" : "อ้างถึงกลุ่ม ไม่ใช่คำถาม"}`,
  },
  XLSFORM_CURRENT: { en: () => '"." (the current answer) is only meaningful in a constraint', th: () => '"." (คำตอบของคำถามนี้) ใช้ได้เฉพาะใน constraint' },
  XLSFORM_FUNCTION: {
    en: (a) =>
      a.kind === "arity" ? `${a.name}() takes ${a.takes} argument(s), not ${a.given}` : a.kind === "unknown" ? `unknown function ${a.name}()` : `${a.name}() applies to a select_multiple question`,
    th: (a) =>
      a.kind === "arity" ? `${a.name}() รับอาร์กิวเมนต์ ${a.takes} ตัว ไม่ใช่ ${a.given} ตัว` : a.kind === "unknown" ? `ไม่รู้จักฟังก์ชัน ${a.name}()` : `${a.name}() ใช้กับคำถาม select_multiple เท่านั้น`,
  },
  XLSFORM_SETTING: {
    en: (a) => (a.kind === "empty" ? `${a.setting} is empty` : `default_language "${a.value}" is not one of the form's languages`),
    th: (a) => (a.kind === "empty" ? `${a.setting} ว่างเปล่า` : `default_language "${a.value}" ไม่ใช่ภาษาหนึ่งของแบบฟอร์ม`),
  },
} satisfies Partial<WordTable>;
