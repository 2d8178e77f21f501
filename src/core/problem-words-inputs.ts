// Words for problems in input files: finding them, answer files, workbooks, CSV and exports.
import { ANSWERS_FORMAT } from "./answers.js";
import { formatReason } from "./problem-words-answers.js";
import type { WordTable } from "./problem-words.js";

const list = (xs: readonly string[]) => xs.join(", ");
const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const wholeMb = (bytes: number) => `${bytes / 1048576} MB`;
const FILE_EN = { answers: "an answer file", module: "a module file", results: "a results file" } as const;
const FILE_TH = { answers: "ไฟล์คำตอบ", module: "ไฟล์โมดูล", results: "ไฟล์ผลลัพธ์" } as const;
/** 3000000 → "3,000,000": digits grouped by threes, as in both languages. */
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ",");

const SPECIAL_EN = { fifo: "a named pipe (FIFO)", device: "a device", socket: "a socket", folder: "a folder", other: "a special file" } as const;
const SPECIAL_TH = { fifo: "ท่อข้อมูล (FIFO)", device: "อุปกรณ์", socket: "ซ็อกเก็ต", folder: "โฟลเดอร์", other: "ไฟล์พิเศษ" } as const;

export const INPUT_WORDS = {
  NOT_FOUND: {
    en: (a) => (a.kind === "pattern" ? "no file matches this pattern" : "no such file or folder"),
    th: (a) => (a.kind === "pattern" ? "ไม่มีไฟล์ที่ตรงกับรูปแบบนี้" : "ไม่มีไฟล์หรือโฟลเดอร์นี้"),
  },
  UNSUPPORTED: { en: (a) => `not a file assess reads (${list(a.extensions)})`, th: (a) => `assess ไม่อ่านไฟล์ชนิดนี้ (อ่านได้: ${list(a.extensions)})` },
  FILE_TOO_LARGE: {
    en: (a) => `is ${a.bytes} bytes; ${FILE_EN[a.what]} may be at most ${a.max} (${wholeMb(a.max)}); it was not read`,
    th: (a) => `มีขนาด ${a.bytes} ไบต์ แต่${FILE_TH[a.what]}มีขนาดได้ไม่เกิน ${a.max} ไบต์ (${wholeMb(a.max)}) จึงไม่ได้อ่านไฟล์นี้`,
  },
  SPECIAL_FILE: {
    en: (a) => `${a.target ? `is a link to ${a.target}, ` : "is "}${SPECIAL_EN[a.kind]}, not a regular file; skipped without reading`,
    th: (a) => `${a.target ? `เป็นลิงก์ไปยัง ${a.target} ซึ่ง` : ""}เป็น${SPECIAL_TH[a.kind]} ไม่ใช่ไฟล์ธรรมดา จึงข้ามไปโดยไม่อ่าน`,
  },
  TOO_LARGE: {
    en: (a) =>
      a.what === "csv"
        ? `the file is larger than ${wholeMb(a.max)}`
        : a.what === "workbook"
          ? `the file is ${mb(a.bytes)}; a workbook may be at most ${wholeMb(a.max)}`
          : `reading this file needs more than ${a.heapMb} MB of memory; it was refused`,
    th: (a) =>
      a.what === "csv"
        ? `ไฟล์มีขนาดเกิน ${wholeMb(a.max)}`
        : a.what === "workbook"
          ? `ไฟล์มีขนาด ${mb(a.bytes)} แต่สมุดงานมีขนาดได้ไม่เกิน ${wholeMb(a.max)}`
          : `การอ่านไฟล์นี้ต้องใช้หน่วยความจำเกิน ${a.heapMb} MB จึงไม่รับไฟล์นี้`,
  },
  CSV_TOO_MANY_ROWS: {
    en: (a) =>
      a.what === "rows"
        ? `the file holds ${a.count} answer rows; an answers CSV may hold at most ${a.max}; it was not scored (split it, one file per institution)`
        : `the file holds ${a.count} institutions; an answers CSV may hold at most ${a.max}; it was not scored (split it into several files)`,
    th: (a) =>
      a.what === "rows"
        ? `ไฟล์มีแถวคำตอบ ${a.count} แถว แต่ไฟล์ CSV คำตอบมีได้ไม่เกิน ${a.max} แถว จึงไม่ได้ให้คะแนน (ควรแยกเป็นไฟล์ละหนึ่งหน่วยงาน)`
        : `ไฟล์มีหน่วยงาน ${a.count} หน่วยงาน แต่ไฟล์ CSV คำตอบมีได้ไม่เกิน ${a.max} หน่วยงาน จึงไม่ได้ให้คะแนน (ควรแยกเป็นหลายไฟล์)`,
  },
  NOT_ANSWERS: {
    en: (a) => {
      if (a.kind === "not_mapping") return `is not an answer file (expected a mapping with format: ${ANSWERS_FORMAT})`;
      if (a.kind === "results_file") return "is a results file written by assess score -o; give it to assess report, not an answer file";
      if (a.kind === "report_model") return "is a report model written by assess report, not an answer file";
      return `is not an answer file: expected format: ${ANSWERS_FORMAT}, found ${a.format === undefined ? "no format field" : `format ${a.format}`}`;
    },
    th: (a) => {
      if (a.kind === "not_mapping") return `ไม่ใช่ไฟล์คำตอบ (ต้องเป็นชุดของคีย์และค่าที่มี format: ${ANSWERS_FORMAT})`;
      if (a.kind === "results_file") return "เป็นไฟล์ผลลัพธ์ที่เขียนโดย assess score -o ให้ใช้กับ assess report ไม่ใช่ไฟล์คำตอบ";
      if (a.kind === "report_model") return "เป็นแบบจำลองรายงานที่เขียนโดย assess report ไม่ใช่ไฟล์คำตอบ";
      return `ไม่ใช่ไฟล์คำตอบ: ต้องมี format: ${ANSWERS_FORMAT} แต่${a.format === undefined ? "ไม่มีช่อง format" : `พบ format ${a.format}`}`;
    },
  },
  WORKBOOK_EMPTY: {
    en: (a) => (a.kind === "no_bytes" ? "the file is empty (0 bytes)" : "the workbook has no sheets"),
    th: (a) => (a.kind === "no_bytes" ? "ไฟล์ว่างเปล่า (0 ไบต์)" : "สมุดงานไม่มีชีต"),
  },
  WORKBOOK_XLS: {
    en: () => "this is an old Excel 97-2003 workbook (.xls); open it and save it as .xlsx",
    th: () => "ไฟล์นี้เป็นสมุดงาน Excel 97-2003 รุ่นเก่า (.xls) ให้เปิดแล้วบันทึกเป็น .xlsx",
  },
  WORKBOOK_ENCRYPTED: {
    en: () => "the workbook is password-protected (encrypted); save a copy without a password and score that",
    th: () => "สมุดงานมีรหัสผ่าน (เข้ารหัสไว้) ให้บันทึกสำเนาที่ไม่มีรหัสผ่านแล้วคิดคะแนนจากสำเนานั้น",
  },
  WORKBOOK_ZIP64: {
    en: () => "the workbook is a zip64 archive, which assess does not read (a questionnaire never needs one); open it in a spreadsheet program and save it again as .xlsx",
    th: () => "สมุดงานเป็นไฟล์ zip64 ซึ่ง assess ไม่อ่าน (แบบสอบถามไม่จำเป็นต้องใช้) ให้เปิดด้วยโปรแกรมตารางคำนวณแล้วบันทึกใหม่เป็น .xlsx",
  },
  WORKBOOK_DUPLICATE_ENTRY: {
    en: (a) => `the archive holds ${a.entry} twice; programs differ on which copy they read, so the file is refused: ask for the file again`,
    th: (a) => `ไฟล์ zip มี ${a.entry} ซ้ำสองครั้ง โปรแกรมต่าง ๆ อ่านสำเนาต่างกัน จึงไม่รับไฟล์นี้ ให้ขอไฟล์ใหม่`,
  },
  WORKBOOK_NOT_ZIP: {
    en: () => "not an Excel workbook: an .xlsx file is a zip archive, and this file is not one",
    th: () => "ไม่ใช่สมุดงาน Excel: ไฟล์ .xlsx เป็นไฟล์ zip แต่ไฟล์นี้ไม่ใช่",
  },
  WORKBOOK_CORRUPT: {
    en: (a) => (a.detail === undefined ? "the workbook is truncated or corrupt (its zip directory cannot be read); ask for the file again" : `the workbook cannot be read (${a.detail}); ask for the file again`),
    th: (a) => (a.detail === undefined ? "สมุดงานไม่ครบหรือเสียหาย (อ่านสารบัญของไฟล์ zip ไม่ได้) ให้ขอไฟล์ใหม่" : `อ่านสมุดงานไม่ได้ (${a.detail}) ให้ขอไฟล์ใหม่`),
  },
  WORKBOOK_TOO_LARGE: {
    en: (a) => {
      if (a.limit === "file") return `the file is ${mb(a.bytes)}; a workbook may be at most ${mb(a.max)}`;
      if (a.limit === "entries") return `the archive holds ${a.entries} files; a workbook may hold at most ${a.max}`;
      if (a.limit === "ratio") return `${a.entry} would expand ${a.ratio} times (to ${mb(a.bytes)}); refused as a possible zip bomb`;
      if (a.limit === "inflated_ratio") return `${a.entry} expands more than ${a.max} times its compressed size; refused as a possible zip bomb`;
      if (a.limit === "inflated") return `the workbook expands to more than ${mb(a.max)}; at most ${mb(a.max)} is read`;
      if (a.limit === "cells") return `the workbook holds more than ${count(a.max)} cells (rows, cells, hyperlinks and merged cells counted); a workbook may hold at most ${count(a.max)}`;
      return `the workbook would expand to ${mb(a.bytes)}; at most ${mb(a.max)} is read`;
    },
    th: (a) => {
      if (a.limit === "file") return `ไฟล์มีขนาด ${mb(a.bytes)} แต่สมุดงานมีขนาดได้ไม่เกิน ${mb(a.max)}`;
      if (a.limit === "entries") return `ไฟล์ zip มี ${a.entries} ไฟล์ แต่สมุดงานมีได้ไม่เกิน ${a.max} ไฟล์`;
      if (a.limit === "ratio") return `${a.entry} จะขยายเป็น ${a.ratio} เท่า (${mb(a.bytes)}) จึงไม่รับไฟล์ เพราะอาจเป็น zip bomb`;
      if (a.limit === "inflated_ratio") return `${a.entry} ขยายเกิน ${a.max} เท่าของขนาดที่บีบอัด จึงไม่รับไฟล์ เพราะอาจเป็น zip bomb`;
      if (a.limit === "inflated") return `สมุดงานขยายเกิน ${mb(a.max)} แต่อ่านได้ไม่เกิน ${mb(a.max)}`;
      if (a.limit === "cells") return `สมุดงานมีเซลล์เกิน ${count(a.max)} เซลล์ (นับแถว เซลล์ ไฮเปอร์ลิงก์ และเซลล์ที่ผสาน) แต่สมุดงานมีได้ไม่เกิน ${count(a.max)} เซลล์`;
      return `สมุดงานจะขยายเป็น ${mb(a.bytes)} แต่อ่านได้ไม่เกิน ${mb(a.max)}`;
    },
  },
  WORKBOOK_NOT_SPREADSHEET: {
    en: (a) => (a.kind === "ods" ? "this is an OpenDocument file (.ods, LibreOffice's own format); save it as an Excel workbook (.xlsx)" : "this zip archive is not an Excel workbook (it has no xl/workbook.xml)"),
    th: (a) => (a.kind === "ods" ? "ไฟล์นี้เป็นไฟล์ OpenDocument (.ods รูปแบบของ LibreOffice) ให้บันทึกเป็นสมุดงาน Excel (.xlsx)" : "ไฟล์ zip นี้ไม่ใช่สมุดงาน Excel (ไม่มี xl/workbook.xml)"),
  },
  NOT_QUESTIONNAIRE: {
    en: (a) => {
      if (a.kind === "no_meta") return `not an assess questionnaire: it has no ${a.sheet} sheet (sheets: ${list(a.sheets)}${a.more ? ", ..." : ""}); send the workbook made by \`assess template\``;
      if (a.kind === "format") return `not an assess questionnaire of a known format (format: ${a.format ?? "none"}, expected ${a.expected})`;
      return `the ${a.sheet} sheet has been changed and cannot be read`;
    },
    th: (a) => {
      if (a.kind === "no_meta") return `ไม่ใช่แบบสอบถามของ assess: ไม่มีชีต ${a.sheet} (ชีตที่มี: ${list(a.sheets)}${a.more ? ", ..." : ""}) ให้ส่งสมุดงานที่สร้างด้วย \`assess template\``;
      if (a.kind === "format") return `ไม่ใช่แบบสอบถามของ assess ในรูปแบบที่รู้จัก (format: ${a.format ?? "ไม่มี"} ต้องเป็น ${a.expected})`;
      return `ชีต ${a.sheet} ถูกแก้ไขจนอ่านไม่ได้`;
    },
  },
  OTHER_MODULE_VERSIONS: {
    en: (a) =>
      `the workbook was built from modules of another major version: ${list(a.modules.map((m) => `${m.module} ${m.version} (${m.loaded ? `loaded: ${m.loaded}` : "not loaded"})`))}; score it with the modules it was built from (--modules DIR) or send the current template`,
    th: (a) =>
      `สมุดงานสร้างจากโมดูลรุ่นหลักอื่น: ${list(a.modules.map((m) => `${m.module} ${m.version} (${m.loaded ? `ที่โหลด: ${m.loaded}` : "ไม่ได้โหลด"})`))} ให้คิดคะแนนด้วยโมดูลที่ใช้สร้าง (--modules DIR) หรือส่งแบบสอบถามรุ่นปัจจุบัน`,
  },
  TEMPLATE_CONTENT_DIFFERS: {
    en: () => "the modules' content changed since this workbook was made, under the same versions; answers are matched by question id",
    th: () => "เนื้อหาของโมดูลเปลี่ยนไปหลังสร้างสมุดงานนี้ โดยยังเป็นรุ่นเดิม คำตอบจึงจับคู่ตามรหัสคำถาม",
  },
  SHEET_TOO_LARGE: {
    en: (a) => `sheet ${a.sheet} has ${a.rows} rows × ${a.columns} columns; a questionnaire sheet may have at most ${a.maxRows} × ${a.maxColumns}`,
    th: (a) => `ชีต ${a.sheet} มี ${a.rows} แถว × ${a.columns} คอลัมน์ แต่ชีตแบบสอบถามมีได้ไม่เกิน ${a.maxRows} × ${a.maxColumns}`,
  },
  SHEET_MISSING: {
    en: (a) =>
      a.holds === "module"
        ? `the workbook has lost the sheet "${a.sheet}" (module ${a.module}); its answers are missing`
        : `the workbook has lost its ${a.sheet} sheet${a.holds === "datasets" ? "; dataset answers are missing" : ""}`,
    th: (a) =>
      a.holds === "module"
        ? `สมุดงานไม่มีชีต "${a.sheet}" (โมดูล ${a.module}) แล้ว จึงไม่มีคำตอบของชีตนี้`
        : `สมุดงานไม่มีชีต ${a.sheet} แล้ว${a.holds === "datasets" ? " จึงไม่มีคำตอบรายชุดข้อมูล" : ""}`,
  },
  SHEET_RENAMED: {
    en: (a) => `the sheet "${a.sheet}" (module ${a.module}) was renamed "${a.found}"; it was found by its question ids and read`,
    th: (a) => `ชีต "${a.sheet}" (โมดูล ${a.module}) ถูกเปลี่ยนชื่อเป็น "${a.found}" พบจากรหัสคำถามและอ่านคำตอบแล้ว`,
  },
  TEMPLATE_ROW: {
    en: (a) =>
      `line ${a.line}: no workbook made: ${
        { no_name: "the institution has no name", unknown_module: `no module "${a.value}"`, no_modules: `no modules are known for the ministry "${a.value ?? ""}"; list them in the modules column`, language: `language "${a.value}" is not en, th or both`, duplicate: `another row already makes ${a.value}` }[a.reason]
      }`,
    th: (a) =>
      `บรรทัด ${a.line}: ไม่ได้สร้างเวิร์กบุ๊ก: ${
        { no_name: "ไม่มีชื่อหน่วยงาน", unknown_module: `ไม่มีโมดูล "${a.value}"`, no_modules: `ไม่ทราบโมดูลของกระทรวง "${a.value ?? ""}" กรุณาระบุในคอลัมน์ modules`, language: `ภาษา "${a.value}" ไม่ใช่ en, th หรือ both`, duplicate: `มีแถวอื่นสร้าง ${a.value} แล้ว` }[a.reason]
      }`,
  },
  MODULE_NOT_ANSWERED: {
    en: (a) => `the sheet "${a.sheet}" (module ${a.module}) was left wholly empty: the module is taken as not answered by this institution and left out of its scores and completeness`,
    th: (a) => `แผ่นงาน "${a.sheet}" (โมดูล ${a.module}) ว่างทั้งแผ่น จึงถือว่าหน่วยงานนี้ไม่ได้ตอบโมดูลนี้ และไม่นำมาคิดคะแนนและความครบถ้วน`,
  },
  SHEET_COPY: {
    en: (a) =>
      a.identical
        ? `the sheet "${a.copy}" is a copy of "${a.sheet}" (module ${a.module}) with the same answers; it changes nothing, and can be deleted`
        : `the sheet "${a.copy}" is a second copy of "${a.sheet}" (module ${a.module}); answers written in only one of them are read, answers that differ are reported`,
    th: (a) =>
      a.identical
        ? `ชีต "${a.copy}" เป็นสำเนาของ "${a.sheet}" (โมดูล ${a.module}) ที่มีคำตอบเหมือนกัน ไม่มีผลต่อคะแนนและลบได้`
        : `ชีต "${a.copy}" เป็นสำเนาที่สองของ "${a.sheet}" (โมดูล ${a.module}) คำตอบที่กรอกไว้ในชีตเดียวจะถูกอ่าน คำตอบที่ไม่ตรงกันจะถูกรายงาน`,
  },
  SHEET_COPY_CONFLICT: {
    en: (a) => `question "${a.question}" is answered differently in ${list(a.places)}; neither answer is scored (both are kept): keep one copy of the sheet and score again`,
    th: (a) => `คำถาม "${a.question}" มีคำตอบไม่ตรงกันใน ${list(a.places)} จึงไม่นำคำตอบใดมาคิดคะแนน (เก็บไว้ทั้งสองคำตอบ) ให้เหลือชีตไว้ชุดเดียวแล้วคิดคะแนนอีกครั้ง`,
  },
  META_DAMAGED: {
    en: (a) =>
      a.kind === "sheets"
        ? `the hidden ${a.sheet} sheet has been changed (its sheet names); module sheets were found by their question ids`
        : `the hidden ${a.sheet} sheet ${a.kind === "missing" ? "has been deleted" : "has been changed (its module list)"}, so the module versions the workbook was made from are unknown; answers were matched by question id to the modules loaded now${a.modules.length ? `: ${list(a.modules.map((m) => `${m.module} ${m.loaded}`))}` : ""}; check the scores, or ask for the workbook again`,
    th: (a) =>
      a.kind === "sheets"
        ? `ชีตซ่อน ${a.sheet} ถูกแก้ไข (ชื่อชีต) จึงค้นหาชีตของแต่ละโมดูลจากรหัสคำถาม`
        : `ชีตซ่อน ${a.sheet} ${a.kind === "missing" ? "ถูกลบ" : "ถูกแก้ไข (รายการโมดูล)"} จึงไม่ทราบรุ่นของโมดูลที่ใช้สร้างสมุดงาน คำตอบจับคู่ตามรหัสคำถามกับโมดูลที่โหลดอยู่${a.modules.length ? `: ${list(a.modules.map((m) => `${m.module} ${m.loaded}`))}` : ""} ให้ตรวจสอบคะแนน หรือขอสมุดงานใหม่`,
  },
  MERGED_CELLS: {
    en: (a) => `cells ${a.range} of sheet "${a.sheet}" are merged over answer or comment cells; only the first cell's value is read, the others as empty: unmerge them and write each answer in its own cell`,
    th: (a) => `เซลล์ ${a.range} ของชีต "${a.sheet}" ถูกผสานทับเซลล์คำตอบหรือหมายเหตุ อ่านเฉพาะค่าในเซลล์แรก เซลล์อื่นถือว่าว่าง ให้ยกเลิกการผสานเซลล์และกรอกแต่ละคำตอบในเซลล์ของตนเอง`,
  },
  INSTITUTION_NAME_MISSING: {
    en: (a) => (a.in === "workbook" ? "the institution's name is empty; fill it in and score again" : "the submission has no institution name"),
    th: (a) => (a.in === "workbook" ? "ยังไม่ได้กรอกชื่อหน่วยงาน ให้กรอกแล้วคิดคะแนนอีกครั้ง" : "ข้อมูลที่ส่งมาไม่มีชื่อหน่วยงาน"),
  },
  DATE_MISSING: {
    en: (a) => {
      if (a.in === "workbook") return `the date of answering cannot be read: ${formatReason(a.reason, "en")}`;
      if (a.in === "submission") return "the submission's date of answering cannot be read";
      return `institution "${a.institution}" has no readable _date row (the date of answering, YYYY-MM-DD)`;
    },
    th: (a) => {
      if (a.in === "workbook") return `อ่านวันที่ตอบแบบสอบถามไม่ได้: ${formatReason(a.reason, "th")}`;
      if (a.in === "submission") return "อ่านวันที่ตอบแบบสอบถามของข้อมูลที่ส่งมาไม่ได้";
      return `หน่วยงาน "${a.institution}" ไม่มีแถว _date ที่อ่านได้ (วันที่ตอบแบบสอบถาม YYYY-MM-DD)`;
    },
  },
  BUDDHIST_ERA_DATE: {
    en: (a) => `${a.dataset ? `${a.dataset}: ` : ""}${a.question}: "${a.text}" has a Buddhist-era year and was read as ${a.date}`,
    th: (a) => `${a.dataset ? `${a.dataset}: ` : ""}${a.question}: "${a.text}" เป็นปี พ.ศ. จึงอ่านเป็น ${a.date}`,
  },
  UNKNOWN_ROW: {
    en: (a) => `row ${a.row} has question id "${a.id}", which is not in this questionnaire; it was ignored`,
    th: (a) => `แถว ${a.row} มีรหัสคำถาม "${a.id}" ซึ่งไม่อยู่ในแบบสอบถามนี้ จึงไม่ได้อ่าน`,
  },
  DUPLICATE_ROW: {
    en: (a) => `question id "${a.id}" appears again (first in row ${a.first}); only the first row is read`,
    th: (a) => `รหัสคำถาม "${a.id}" ปรากฏซ้ำ (ครั้งแรกในแถว ${a.first}) อ่านเฉพาะแถวแรก`,
  },
  DATASET_NAME_MISSING: {
    en: (a) => ("column" in a ? `column ${a.column} has answers but no dataset name; the column was not read` : `row ${a.row} has answers but no dataset name; the row was not read`),
    th: (a) => ("column" in a ? `คอลัมน์ ${a.column} มีคำตอบแต่ไม่มีชื่อชุดข้อมูล จึงไม่ได้อ่านคอลัมน์นี้` : `แถว ${a.row} มีคำตอบแต่ไม่มีชื่อชุดข้อมูล จึงไม่ได้อ่านแถวนี้`),
  },
  CSV_EMPTY: { en: () => "the file is empty", th: () => "ไฟล์ว่างเปล่า" },
  EXPORT_WITHOUT_DATASETS: {
    en: () => "this export holds no datasets (the repeat of dataset questions), so every dataset question is missing from the score; download the XLS export from KoboToolbox, or ODK Central's .zip with every CSV, and score that",
    th: () => "ไฟล์ส่งออกนี้ไม่มีข้อมูลชุดข้อมูล (ส่วนคำถามรายชุดข้อมูลที่ถามซ้ำ) คำถามรายชุดข้อมูลทั้งหมดจึงไม่ถูกนำมาคิดคะแนน ให้ดาวน์โหลดไฟล์ส่งออกแบบ XLS จาก KoboToolbox หรือไฟล์ .zip ที่มี CSV ทุกไฟล์จาก ODK Central แล้วให้คะแนนไฟล์นั้น",
  },
  MODULE_NOT_CHOSEN: {
    en: (a) =>
      `answers ${a.questions.length} question${a.questions.length > 1 ? "s" : ""} (${list(a.questions)}) of module "${a.module}", which the submission did not choose among its modules; they are kept but not scored, and the module is not on its scorecard`,
    th: (a) => `มีคำตอบ ${a.questions.length} คำถาม (${list(a.questions)}) ของโมดูล "${a.module}" ซึ่งแบบฟอร์มนี้ไม่ได้เลือกไว้ จึงเก็บคำตอบไว้แต่ไม่นำมาคิดคะแนน และไม่แสดงโมดูลนี้ในผลการประเมิน`,
  },
  STATUS_WITH_VALUE: {
    en: (a) => `question "${a.question}" holds ${a.value} and also "${a.status === "dont_know" ? "Don't know" : "Not applicable"}" beside it; neither is scored until the submission is corrected`,
    th: (a) => `คำถาม "${a.question}" มีคำตอบ ${a.value} และยังเลือก "${a.status === "dont_know" ? "ไม่ทราบ" : "ไม่เกี่ยวข้อง"}" ไว้ด้วย จึงไม่นำคำตอบใดมาคิดคะแนนจนกว่าจะแก้ไขแบบฟอร์ม`,
  },
  CSV_ENCODING: {
    en: () => "the file's text encoding cannot be read (expected UTF-8, UTF-16 or Windows-874 as Thai Excel saves it); save it again as CSV UTF-8",
    th: () => "อ่านการเข้ารหัสข้อความของไฟล์ไม่ได้ (ต้องเป็น UTF-8, UTF-16 หรือ Windows-874 ตามที่ Excel ภาษาไทยบันทึก) ให้บันทึกใหม่เป็น CSV UTF-8",
  },
  CSV_SYNTAX: { en: (a) => `cannot read as CSV: ${a.detail}`, th: (a) => `อ่านเป็น CSV ไม่ได้: ${a.detail}` },
  CSV_COLUMNS: {
    en: (a) => `not an assess answers CSV: missing column(s) ${list(a.missing)} (found: ${list(a.found)}); see the README for the layout`,
    th: (a) => `ไม่ใช่ไฟล์ CSV คำตอบของ assess: ไม่มีคอลัมน์ ${list(a.missing)} (พบ: ${list(a.found)}) ดูรูปแบบใน README`,
  },
  CSV_INSTITUTION: { en: () => "rows without an institution; fill in the institution column", th: () => "มีแถวที่ไม่ระบุหน่วยงาน ให้กรอกคอลัมน์ institution" },
  REPEAT_WITHOUT_MAIN: {
    en: (a) =>
      a.where === "not_given"
        ? `this is the repeat (datasets) part of an ODK Central export, read with its main CSV file; ${a.main} is beside it but was not given: score ${a.main} or the folder`
        : a.where === "zip"
          ? `the .zip holds the repeat (datasets) part of an ODK Central export but not its main CSV file ${a.main}; download the .zip again from ODK Central`
          : `this is the repeat (datasets) part of an ODK Central export, without its main CSV file ${a.main} beside it; score the .zip ODK Central downloads, or put ${a.main} beside this file`,
    th: (a) =>
      a.where === "not_given"
        ? `ไฟล์นี้เป็นส่วนที่ซ้ำ (ชุดข้อมูล) ของไฟล์ส่งออกจาก ODK Central ซึ่งอ่านพร้อมไฟล์ CSV หลัก ไฟล์ ${a.main} อยู่ข้างกันแต่ไม่ได้ระบุ ให้คิดคะแนน ${a.main} หรือทั้งโฟลเดอร์`
        : a.where === "zip"
          ? `ไฟล์ .zip มีส่วนที่ซ้ำ (ชุดข้อมูล) ของไฟล์ส่งออกจาก ODK Central แต่ไม่มีไฟล์ CSV หลัก ${a.main} ให้ดาวน์โหลดไฟล์ .zip จาก ODK Central ใหม่`
          : `ไฟล์นี้เป็นส่วนที่ซ้ำ (ชุดข้อมูล) ของไฟล์ส่งออกจาก ODK Central โดยไม่มีไฟล์ CSV หลัก ${a.main} อยู่ข้างกัน ให้คิดคะแนนไฟล์ .zip ที่ดาวน์โหลดจาก ODK Central หรือวาง ${a.main} ไว้ข้างไฟล์นี้`,
  },
  DATASET_MISSING: {
    en: (a) => `question "${a.question}" is asked per dataset; fill in the dataset column`,
    th: (a) => `คำถาม "${a.question}" ถามรายชุดข้อมูล ให้กรอกคอลัมน์ dataset`,
  },
  NOT_PER_DATASET: {
    en: (a) => `question "${a.question}" is answered once for the institution; the dataset "${a.dataset}" was ignored`,
    th: (a) => `คำถาม "${a.question}" ตอบครั้งเดียวสำหรับทั้งหน่วยงาน จึงไม่ใช้ชุดข้อมูล "${a.dataset}" ที่ระบุ`,
  },
  DUPLICATE_ANSWER: {
    en: (a) => `question "${a.question}"${a.dataset ? ` (dataset ${a.dataset})` : ""} is answered twice; the first answer is kept`,
    th: (a) => `คำถาม "${a.question}"${a.dataset ? ` (ชุดข้อมูล ${a.dataset})` : ""} ถูกตอบสองครั้ง เก็บคำตอบแรกไว้`,
  },
} satisfies Partial<WordTable>;
