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
  reviewTitle: { en: "Review: choose an answer to change it, or finish.", th: "ทบทวนคำตอบ: เลือกคำตอบที่ต้องการแก้ไข หรือเลือกเสร็จสิ้น" },
  finish: { en: "✔ Finish and save the answer file", th: "✔ เสร็จสิ้นและบันทึกไฟล์คำตอบ" },
  unanswered: { en: "(not answered)", th: "(ยังไม่ได้ตอบ)" },
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
  // Moving around: progress, key hints, the go-to menu, the review's pages and datasets.
  progress: { en: "question {k} of {n} in this section · sections done {d} of {s}", th: "คำถามที่ {k} จาก {n} ในส่วนนี้ · ทำเสร็จแล้ว {d} จาก {s} ส่วน" },
  firstQuestion: { en: "This is the first question; there is none before it.", th: "นี่คือคำถามแรก ไม่มีคำถามก่อนหน้า" },
  allAnswered: { en: "Every other question shown is answered.", th: "ตอบคำถามอื่นที่แสดงครบแล้ว" },
  commentFor: { en: "Comment on this answer (empty to remove)", th: "หมายเหตุสำหรับคำตอบนี้ (เว้นว่างเพื่อลบ)" },
  answerFirst: { en: "Answer the question first, then press Ctrl-O to add a comment to the answer.", th: "กรุณาตอบคำถามก่อน แล้วกด Ctrl-O เพื่อเพิ่มหมายเหตุให้คำตอบ" },
  jumpSection: { en: "Go to which section?", th: "ไปที่ส่วนใด" },
  jumpQuestion: { en: "Go to which question?", th: "ไปที่คำถามใด" },
  answeredOf: { en: "{a} of {n} answered", th: "ตอบแล้ว {a} จาก {n}" },
  confirmEmpty: { en: "Nothing is ticked. Leave this question unanswered for now?", th: "ยังไม่ได้เลือกข้อใด ต้องการเว้นคำถามนี้ไว้ก่อนหรือไม่" },
  openList: { en: "{n} question(s) not answered yet. Go to one, or finish?", th: "ยังมี {n} คำถามที่ยังไม่ได้ตอบ ต้องการไปตอบ หรือเสร็จสิ้น" },
  finishAnyway: { en: "Finish anyway", th: "เสร็จสิ้นเลย" },
  backToReview: { en: "Back to the review", th: "กลับไปที่การทบทวน" },
  datasetItem: { en: "Dataset {n}: {name} (rename or remove)", th: "ชุดข้อมูลที่ {n}: {name} (เปลี่ยนชื่อหรือลบ)" },
  addDataset: { en: "+ Add a dataset", th: "+ เพิ่มชุดข้อมูล" },
  datasetAction: { en: "Dataset {name}:", th: "ชุดข้อมูล {name}:" },
  rename: { en: "Rename", th: "เปลี่ยนชื่อ" },
  remove: { en: "Remove", th: "ลบ" },
  cancel: { en: "Cancel", th: "ยกเลิก" },
  newName: { en: "New name of dataset {name}", th: "ชื่อใหม่ของชุดข้อมูล {name}" },
  removeConfirm: { en: "Remove dataset {name} and its {n} answer(s)?", th: "ลบชุดข้อมูล {name} และคำตอบ {n} ข้อของชุดข้อมูลนี้หรือไม่" },
  onlyDataset: { en: "The only dataset cannot be removed; rename it instead.", th: "ไม่สามารถลบชุดข้อมูลเดียวที่มีได้ กรุณาเปลี่ยนชื่อแทน" },
  chooseAlone: { en: '"{name}" cannot be combined with other choices', th: '"{name}" ต้องเลือกเพียงข้อเดียว' },
  keptQuestions: { en: "changed questions, answers kept", th: "คำถามที่เปลี่ยนแปลง (คงคำตอบเดิมไว้)" },
  notContinued: {
    en: "The session is left as it was. To continue it with the questionnaire it was started with, run: {command}",
    th: "ไม่ได้เปลี่ยนแปลงไฟล์การสัมภาษณ์ หากต้องการทำต่อด้วยแบบสอบถามชุดเดิม ให้สั่ง: {command}",
  },
  saveFailed: {
    en: "Could not save the answers to {file}: {reason}. Every answer is kept in memory.",
    th: "บันทึกคำตอบลงใน {file} ไม่ได้: {reason} คำตอบทั้งหมดยังเก็บไว้ในหน่วยความจำ",
  },
  saveWhat: { en: "What now?", th: "จะทำอย่างไรต่อ" },
  retrySave: { en: "Try again (after freeing space or fixing the permission)", th: "ลองบันทึกอีกครั้ง (หลังจากเพิ่มพื้นที่ว่างหรือแก้ไขสิทธิ์แล้ว)" },
  otherFolder: { en: "Save in another folder", th: "บันทึกในโฟลเดอร์อื่น" },
  folderPrompt: { en: "Folder to save the answers in", th: "โฟลเดอร์สำหรับบันทึกคำตอบ" },
  folderNotWritable: { en: "The folder {dir} cannot be written: {reason}.", th: "เขียนลงโฟลเดอร์ {dir} ไม่ได้: {reason}" },
  fileTaken: { en: "{file} is already there; choose another folder.", th: "มีไฟล์ {file} อยู่แล้ว กรุณาเลือกโฟลเดอร์อื่น" },
  savedNowTo: { en: "Answers are now saved to {file}.", th: "คำตอบจะถูกบันทึกลงใน {file}" },
  notSaved: {
    en: "Could not save to {file}: {reason}. Answers given since the last save are lost.",
    th: "บันทึกลงใน {file} ไม่ได้: {reason} คำตอบที่ให้หลังการบันทึกครั้งล่าสุดสูญหาย",
  },
  sessionLocked: {
    en: "{file} is open in another assess interview (process {pid} on {host}, since {since}). Finish or pause that interview first; if it is no longer running, remove {lock}.",
    th: "{file} เปิดอยู่ในการสัมภาษณ์ assess อื่น (โปรเซส {pid} บนเครื่อง {host} ตั้งแต่ {since}) กรุณาทำให้เสร็จหรือหยุดพักการสัมภาษณ์นั้นก่อน หากไม่ได้ทำงานอยู่แล้ว ให้ลบ {lock}",
  },
  sessionLockedUnknown: {
    en: "{file} is locked by another assess interview ({lock} cannot be read). If no interview is open on it, remove {lock}.",
    th: "{file} ถูกล็อกโดยการสัมภาษณ์ assess อื่น (อ่าน {lock} ไม่ได้) หากไม่มีการสัมภาษณ์ใดเปิดอยู่ ให้ลบ {lock}",
  },
  staleRemoved: { en: "Removed temporary files left by a stopped interview: {files}", th: "ลบไฟล์ชั่วคราวที่การสัมภาษณ์ที่หยุดไปค้างไว้: {files}" },
  startedOn: { en: "started", th: "เริ่มเมื่อ" },
} satisfies Record<string, Text>;

/** A key and what it does; the key's name too is in the interviewer's language where it has one. */
interface KeyWords {
  key: Text | string;
  does: Text;
}

const hint = (key: Text | string, en: string, th: string): KeyWords => ({ key, does: { en, th } });
const UP_DOWN = "↑↓";
const ENTER = "⏎";
const ESC = "Esc";

/** The key hints under a prompt, by the prompt they are shown with. */
export const KEYS = {
  select: [hint(UP_DOWN, "choose", "เลือก"), hint(ENTER, "confirm", "ยืนยัน")],
  checkbox: [hint(UP_DOWN, "move", "เลื่อน"), hint({ en: "space", th: "เว้นวรรค" }, "tick", "เลือก/ไม่เลือก"), hint(ENTER, "confirm", "ยืนยัน")],
  text: [hint(ENTER, "confirm", "ยืนยัน")],
  back: [hint(ESC, "back", "ย้อนกลับ")],
  nav: [hint(ESC, "back", "ย้อนกลับ"), hint("Ctrl-G", "go to", "ไปที่"), hint("Ctrl-N", "next unanswered", "ข้อถัดไปที่ยังไม่ตอบ"), hint("Ctrl-O", "comment", "หมายเหตุ")],
  menu: [hint(UP_DOWN, "choose", "เลือก"), hint(ENTER, "go", "ไป"), hint(ESC, "back to the question", "กลับไปที่คำถาม")],
  review: [
    hint(UP_DOWN, "move", "เลื่อน"),
    hint("PgUp/PgDn", "page", "เปลี่ยนหน้า"),
    hint("Home/End", "first/last", "แรก/สุดท้าย"),
    hint("0-9", "go to a number", "ไปที่หมายเลข"),
    hint(ENTER, "change", "แก้ไข"),
  ],
} satisfies Record<string, KeyWords[]>;

/** Key hints as [key, action] pairs in `lang`, as a prompt's key hints line is given them. */
export function keyHints(lang: Lang, ...groups: KeyWords[][]): [string, string][] {
  return groups.flat().map((k) => [typeof k.key === "string" ? k.key : k.key[lang], k.does[lang]]);
}

/** Why a file could not be written, by errno code, in the interviewer's language. */
const ERRNO: Record<string, Text> = {
  ENOSPC: { en: "the disk is full", th: "ดิสก์เต็ม" },
  EDQUOT: { en: "the disk quota is used up", th: "ใช้พื้นที่ดิสก์ครบโควตาแล้ว" },
  EROFS: { en: "the disk is read-only", th: "ดิสก์อ่านได้อย่างเดียว" },
  EACCES: { en: "permission denied", th: "ไม่มีสิทธิ์เขียน" },
  EPERM: { en: "permission denied", th: "ไม่มีสิทธิ์เขียน" },
  ENOENT: { en: "no such folder", th: "ไม่พบโฟลเดอร์" },
  ENOTDIR: { en: "not a folder", th: "ไม่ใช่โฟลเดอร์" },
  EIO: { en: "the disk could not be read or written", th: "อ่านหรือเขียนดิสก์ไม่ได้" },
};

export function errnoWords(errno: string | undefined, lang: Lang): string {
  const words = errno ? ERRNO[errno] : undefined;
  return words ? `${words[lang]} (${errno})` : (errno ?? "?");
}

export function tr(text: Text, lang: Lang): string {
  return text[lang];
}

/** `text` in `lang` with its {placeholders} filled in. */
export function fill(text: Text, lang: Lang, vars: Record<string, string | number>): string {
  return text[lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
