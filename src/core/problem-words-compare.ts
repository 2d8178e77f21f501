// Words for `assess compare`: the --match file and the action plan read back.
import type { WordTable } from "./problem-words.js";

const list = (xs: readonly string[]) => xs.join(", ");

export const COMPARE_WORDS = {
  ACTION_PLAN_INVALID: {
    en: () => "is not an action plan written by assess report (its hidden sheet assess_action_plan is missing or was changed); give the action-plan.xlsx of the baseline report",
    th: () => "ไม่ใช่แผนปฏิบัติการที่ assess report สร้างขึ้น (ชีตซ่อน assess_action_plan หายไปหรือถูกแก้ไข) ให้ใช้ไฟล์ action-plan.xlsx ของรายงานรอบฐาน",
  },
  ACTION_ID_MISSING: {
    en: () => "this row was filled in but its hidden id was cleared, so it cannot be matched to a recommendation; copy the id back from the report's action plan",
    th: () => "แถวนี้มีการกรอกข้อมูลแต่รหัสที่ซ่อนไว้ถูกลบ จึงจับคู่กับข้อเสนอแนะไม่ได้ ให้คัดลอกรหัสกลับมาจากแผนปฏิบัติการของรายงาน",
  },
  ACTION_UNKNOWN_ID: {
    en: (a) => `"${a.id}" is no recommendation of an institution compared (another round's plan, an institution not assessed in the follow-up, or an edited id); the row is left out`,
    th: (a) => `"${a.id}" ไม่ใช่ข้อเสนอแนะของหน่วยงานที่นำมาเปรียบเทียบ (แผนของรอบอื่น หน่วยงานที่ไม่ได้ประเมินในรอบติดตาม หรือรหัสถูกแก้ไข) จึงไม่นำแถวนี้มาใช้`,
  },
  ACTION_DUPLICATE_ID: {
    en: (a) => `"${a.id}" is already on ${a.first} (a copied row?); only that row counts`,
    th: (a) => `"${a.id}" มีอยู่แล้วที่ ${a.first} (แถวที่คัดลอกมา?) นับเฉพาะแถวนั้น`,
  },
  ACTION_STATUS_INVALID: {
    en: (a) => `status "${a.value}" is not one of: ${list(a.allowed)}; the row is read without a status`,
    th: (a) => `สถานะ "${a.value}" ไม่อยู่ในรายการ: ${list(a.allowed)} จึงอ่านแถวนี้โดยไม่มีสถานะ`,
  },
  ACTION_DATE_INVALID: {
    en: (a) => `target date "${a.value}" is not a date (write 2027-06-30 or 30/06/2027); left out`,
    th: (a) => `วันที่เป้าหมาย "${a.value}" ไม่ใช่วันที่ (เขียนเป็น 2027-06-30 หรือ 30/06/2027) จึงไม่นำมาใช้`,
  },
  MATCH_ROW_INVALID: {
    en: (a) => `a match row needs two ids, the baseline's then the follow-up's; this one has ${a.cells}; left out`,
    th: (a) => `แถวจับคู่ต้องมีรหัสสองรหัส คือรหัสรอบฐานแล้วรหัสรอบติดตาม แถวนี้มี ${a.cells} จึงไม่นำมาใช้`,
  },
  MATCH_UNKNOWN_ID: {
    en: (a) => `"${a.id}" is no institution of the ${a.round === "baseline" ? "baseline" : "follow-up"}; the match is left out`,
    th: (a) => `"${a.id}" ไม่ใช่หน่วยงานใน${a.round === "baseline" ? "รอบฐาน" : "รอบติดตาม"} จึงไม่นำการจับคู่นี้มาใช้`,
  },
  METHOD_CHANGED: {
    en: (a) => `${a.institution} was scored with method ${a.baseline} at baseline and ${a.followup} at follow-up: its changes are marked as across a method change; score both rounds again with one version to compare like for like`,
    th: (a) => `${a.institution} ให้คะแนนด้วยวิธีการรุ่น ${a.baseline} ในรอบฐาน และรุ่น ${a.followup} ในรอบติดตาม การเปลี่ยนแปลงจึงมีเครื่องหมายว่าข้ามรุ่นวิธีการ ควรให้คะแนนทั้งสองรอบใหม่ด้วยรุ่นเดียวกันเพื่อเปรียบเทียบได้ตรงกัน`,
  },
} satisfies Partial<WordTable>;
