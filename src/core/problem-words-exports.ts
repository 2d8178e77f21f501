// Words for problems with KoboToolbox and ODK Central exports and with the text of YAML files.
import type { WordTable } from "./problem-words.js";

const list = (xs: readonly string[]) => xs.join(", ");

export const EXPORT_WORDS = {
  ZIP_NOT_EXPORT: {
    en: (a) =>
      a.kind === "other_form"
        ? `this ODK Central download is not of the assess form: its main CSV, ${a.main}, has none of the questionnaire's questions`
        : `this .zip is neither an ODK Central download (<form>.csv with <form>-datasets.csv) nor an Excel workbook; it holds ${a.entries.length ? list(a.entries) : "no files"}${a.more ? ` and ${a.more} more` : ""}`,
    th: (a) =>
      a.kind === "other_form"
        ? `ไฟล์ที่ดาวน์โหลดจาก ODK Central นี้ไม่ใช่ของแบบฟอร์ม assess: ไฟล์ CSV หลัก ${a.main} ไม่มีคำถามของแบบสอบถาม`
        : `ไฟล์ .zip นี้ไม่ใช่ไฟล์ที่ดาวน์โหลดจาก ODK Central (<form>.csv พร้อม <form>-datasets.csv) และไม่ใช่สมุดงาน Excel ภายในมี ${a.entries.length ? list(a.entries) : "ไม่มีไฟล์"}${a.more ? ` และอีก ${a.more} ไฟล์` : ""}`,
  },
  FORM_VERSION_MISMATCH: {
    en: (a) =>
      `the submission was made with form version ${a.version} (column ${a.column}), but the loaded modules (${list(a.modules)}) build version ${a.expected}; it was not scored: score it with the modules the form was built from (--modules DIR)`,
    th: (a) =>
      `ข้อมูลนี้ส่งมาด้วยแบบฟอร์มรุ่น ${a.version} (คอลัมน์ ${a.column}) แต่โมดูลที่โหลด (${list(a.modules)}) สร้างแบบฟอร์มรุ่น ${a.expected} จึงไม่ได้คิดคะแนน ให้คิดคะแนนด้วยโมดูลที่ใช้สร้างแบบฟอร์ม (--modules DIR)`,
  },
  REPEAT_ROWS_WITHOUT_SUBMISSION: {
    en: (a) =>
      `${a.rows} dataset row${a.rows === 1 ? " belongs" : "s belong"} to no submission of the main table (the first to "${a.parent}", here); their answers are not scored: export the submissions and their datasets again, together`,
    th: (a) => `ชุดข้อมูล ${a.rows} แถวไม่ตรงกับข้อมูลที่ส่งมาแถวใดในตารางหลัก (แถวแรกอ้างถึง "${a.parent}" ณ ตำแหน่งนี้) คำตอบเหล่านี้จึงไม่ได้คิดคะแนน ให้ส่งออกข้อมูลที่ส่งมาพร้อมชุดข้อมูลใหม่อีกครั้ง`,
  },
  INVALID_UTF8: {
    en: (a) => `the ${a.what === "module" ? "module file" : "answer file"} has bytes here that are not UTF-8 text; save it again as UTF-8`,
    th: (a) => `${a.what === "module" ? "ไฟล์โมดูล" : "ไฟล์คำตอบ"}มีไบต์ที่ไม่ใช่ข้อความ UTF-8 ณ ตำแหน่งนี้ ให้บันทึกใหม่เป็น UTF-8`,
  },
} satisfies Partial<WordTable>;
