// The institution's profile and its focal point: the same fields, in the same words, in the
// Excel template, the XLSForm and the ingest of both.
import type { Text } from "./model.js";

export interface ProfileField {
  key: string;
  label: Text;
  help: Text;
  required?: boolean;
  /** A date rather than text. */
  date?: boolean;
}

export const INSTITUTION_FIELDS: ProfileField[] = [
  { key: "institution_name", label: { en: "Institution (department or agency)", th: "ชื่อหน่วยงาน (กรมหรือสำนักงาน)" }, help: { en: "The full name of the institution answering.", th: "ชื่อเต็มของหน่วยงานที่ตอบแบบสอบถาม" }, required: true },
  { key: "ministry", label: { en: "Ministry or parent body", th: "กระทรวงหรือหน่วยงานต้นสังกัด" }, help: { en: "For example Ministry of Interior.", th: "เช่น กระทรวงมหาดไทย" } },
  { key: "department", label: { en: "Division or unit", th: "กองหรือฝ่าย" }, help: { en: "The unit that holds the data, if any.", th: "หน่วยงานย่อยที่ถือครองข้อมูล (ถ้ามี)" } },
  { key: "institution_code", label: { en: "Institution code (optional)", th: "รหัสหน่วยงาน (ไม่บังคับ)" }, help: { en: "A short code the NSO gave you, if any.", th: "รหัสสั้นที่ สสช. กำหนดให้ (ถ้ามี)" } },
  { key: "respondent_name", label: { en: "Focal point's name", th: "ชื่อผู้ประสานงานหลัก" }, help: { en: "Personal data: used only to contact you about this assessment.", th: "ข้อมูลส่วนบุคคล ใช้เพื่อติดต่อเกี่ยวกับการประเมินนี้เท่านั้น" } },
  { key: "respondent_role", label: { en: "Focal point's position", th: "ตำแหน่งของผู้ประสานงานหลัก" }, help: { en: "Your position in the institution.", th: "ตำแหน่งของท่านในหน่วยงาน" } },
  { key: "respondent_email", label: { en: "E-mail", th: "อีเมล" }, help: { en: "Personal data: used only to contact you about this assessment.", th: "ข้อมูลส่วนบุคคล ใช้เพื่อติดต่อเกี่ยวกับการประเมินนี้เท่านั้น" } },
  { key: "respondent_phone", label: { en: "Phone", th: "โทรศัพท์" }, help: { en: "Personal data: used only to contact you about this assessment.", th: "ข้อมูลส่วนบุคคล ใช้เพื่อติดต่อเกี่ยวกับการประเมินนี้เท่านั้น" } },
  { key: "assessment_date", label: { en: "Date of answering", th: "วันที่ตอบแบบสอบถาม" }, help: { en: "YYYY-MM-DD, for example 2026-11-20.", th: "ปปปป-ดด-วว เช่น 2026-11-20" }, required: true, date: true },
];

