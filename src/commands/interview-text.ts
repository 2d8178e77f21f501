// The interview's own words, in English and Thai (the questions' words live in the modules).
import type { Lang, Text } from "../core/model.js";

export const T = {
  welcome: {
    en: "Assessment of data on migrant and forcibly displaced children.\nEvery answer is saved as soon as it is given; press Ctrl-C at any time to pause.",
    th: "การประเมินข้อมูลเด็กข้ามชาติและเด็กผู้พลัดถิ่นโดยถูกบังคับ\nระบบบันทึกทุกคำตอบทันทีที่ตอบ กด Ctrl-C เพื่อหยุดพักได้ทุกเมื่อ",
  },
  institutionName: { en: "Institution (department or agency) name", th: "ชื่อหน่วยงาน (กรมหรือสำนักงาน)" },
  ministry: { en: "Ministry or parent body", th: "กระทรวงหรือหน่วยงานต้นสังกัด" },
  otherMinistry: { en: "Other (type it)", th: "อื่น ๆ (โปรดระบุ)" },
  ministryName: { en: "Name of the ministry or parent body", th: "ชื่อกระทรวงหรือหน่วยงานต้นสังกัด" },
  department: { en: "Division or unit (optional)", th: "กองหรือฝ่าย (ไม่บังคับ)" },
  respondentName: { en: "Focal point's name", th: "ชื่อผู้ประสานงานหลัก" },
  respondentRole: { en: "Focal point's position (optional)", th: "ตำแหน่งของผู้ประสานงานหลัก (ไม่บังคับ)" },
  respondentContact: { en: "Focal point's e-mail or phone (optional)", th: "อีเมลหรือโทรศัพท์ของผู้ประสานงานหลัก (ไม่บังคับ)" },
  required: { en: "An answer is needed here.", th: "กรุณาระบุคำตอบ" },
  savingTo: { en: "Answers are saved to {file} as you go.", th: "คำตอบจะถูกบันทึกลงใน {file} ระหว่างการสัมภาษณ์" },
  datasetsIntro: {
    en: "Datasets: list the datasets your institution holds that may include migrant children (registers, case systems, surveys, border records).",
    th: "ชุดข้อมูล: ระบุชุดข้อมูลที่หน่วยงานถือครองซึ่งอาจมีข้อมูลเด็กข้ามชาติ (ทะเบียน ระบบจัดการรายกรณี การสำรวจ ข้อมูลการผ่านแดน)",
  },
  datasetName: { en: "Name of dataset {n}", th: "ชื่อชุดข้อมูลที่ {n}" },
  addAnother: { en: "Add another dataset?", th: "เพิ่มชุดข้อมูลอีกหรือไม่" },
  datasetTaken: { en: "A dataset with this name is already listed.", th: "มีชุดข้อมูลชื่อนี้แล้ว" },
  chooseModules: { en: "Which area modules will you answer? (suggested ones are ticked)", th: "ท่านจะตอบโมดูลเฉพาะด้านใดบ้าง (รายการที่แนะนำถูกเลือกไว้แล้ว)" },
  suggested: { en: "suggested", th: "แนะนำ" },
  dontKnow: { en: "Don't know", th: "ไม่ทราบ" },
  notApplicable: { en: "Not applicable", th: "ไม่เกี่ยวข้อง" },
  skip: { en: "Skip for now (answer later)", th: "ข้ามไปก่อน (ตอบภายหลัง)" },
  comment: { en: "Comment (optional, Enter to skip)", th: "หมายเหตุ (ไม่บังคับ กด Enter เพื่อข้าม)" },
  specialHint: { en: "type dk for don't know, na for not applicable", th: "พิมพ์ ไม่ทราบ (หรือ dk) หรือ ไม่เกี่ยวข้อง (หรือ na)" },
  dateHint: { en: "day/month/year or year-month-day, B.E. or C.E.: 30/06/2568", th: "วัน/เดือน/ปี หรือ ปี-เดือน-วัน ปี พ.ศ. หรือ ค.ศ. เช่น 30/06/2568" },
  rangeHint: { en: "allowed", th: "ค่าที่รับได้" },
  wholeNumberHint: { en: "a whole number", th: "จำนวนเต็ม" },
  skipHint: { en: "Enter to skip", th: "กด Enter เพื่อข้าม" },
  context: { en: "Context", th: "ข้อมูลประกอบ" },
  of: { en: "of", th: "จาก" },
  reviewTitle: { en: "Review: choose an answer to change it, or finish.", th: "ทบทวนคำตอบ: เลือกคำตอบที่ต้องการแก้ไข หรือเลือกเสร็จสิ้น" },
  finish: { en: "✔ Finish and save the answer file", th: "✔ เสร็จสิ้นและบันทึกไฟล์คำตอบ" },
  unanswered: { en: "(not answered)", th: "(ยังไม่ได้ตอบ)" },
  openLeft: { en: "{n} question(s) not answered yet. Finish anyway?", th: "ยังมี {n} คำถามที่ยังไม่ได้ตอบ ต้องการเสร็จสิ้นหรือไม่" },
  wrote: { en: "Answer file written: {file}", th: "บันทึกไฟล์คำตอบแล้ว: {file}" },
  hiddenKept: {
    en: "{n} answer(s) belong to questions that no longer apply after a later answer; they are kept in the file but not scored: {ids}",
    th: "มี {n} คำตอบของคำถามที่ไม่เกี่ยวข้องแล้วเนื่องจากคำตอบภายหลัง คำตอบเหล่านี้ยังเก็บไว้ในไฟล์แต่ไม่นำมาคิดคะแนน: {ids}",
  },
  savedResume: { en: "Paused. Every answer given so far is saved. To continue:", th: "หยุดพักแล้ว คำตอบทั้งหมดถูกบันทึกไว้ หากต้องการทำต่อ:" },
  nothingSaved: { en: "Stopped before any answer was given; nothing to save.", th: "หยุดก่อนมีคำตอบ ไม่มีข้อมูลที่ต้องบันทึก" },
  resumeFound: { en: "An unfinished interview was found here.", th: "พบการสัมภาษณ์ที่ยังไม่เสร็จ" },
  resume: { en: "Resume", th: "ทำต่อ" },
  startNew: { en: "Start a new interview", th: "เริ่มการสัมภาษณ์ใหม่" },
  resuming: { en: "Resuming the interview with {name}.", th: "ทำการสัมภาษณ์ {name} ต่อ" },
  versionChanged: {
    en: "The questionnaire has changed since this session was started:",
    th: "แบบสอบถามมีการเปลี่ยนแปลงตั้งแต่เริ่มการสัมภาษณ์นี้:",
  },
  missing: { en: "not loaded", th: "ไม่พบ" },
  changedQuestions: { en: "changed questions (asked again)", th: "คำถามที่เปลี่ยนแปลง (จะถามใหม่)" },
  removedQuestions: { en: "removed questions (answers dropped)", th: "คำถามที่ถูกนำออก (ไม่ใช้คำตอบเดิม)" },
  addedQuestions: { en: "new questions", th: "คำถามใหม่" },
  continueNewVersion: { en: "Continue with the current questionnaire?", th: "ดำเนินการต่อด้วยแบบสอบถามปัจจุบันหรือไม่" },
} satisfies Record<string, Text>;

export function tr(text: Text, lang: Lang): string {
  return text[lang];
}
