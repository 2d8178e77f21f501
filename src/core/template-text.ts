// The Excel questionnaire's own words, in English and Thai.
import type { Text } from "./model.js";

export { INSTITUTION_FIELDS } from "./profile.js";

export const TEMPLATE_TEXT = {
  title: { en: "Assessment of data on migrant and forcibly displaced children", th: "การประเมินข้อมูลเด็กข้ามชาติและเด็กผู้พลัดถิ่นโดยถูกบังคับ" },
  id: { en: "Question id (do not change)", th: "รหัสคำถาม (ห้ามแก้ไข)" },
  section: { en: "Section", th: "หมวด" },
  question: { en: "Question", th: "คำถาม" },
  help: { en: "Explanation", th: "คำอธิบาย" },
  answer: { en: "Answer", th: "คำตอบ" },
  comment: { en: "Comment (optional)", th: "หมายเหตุ (ไม่บังคับ)" },
  condition: { en: "When to answer", th: "เงื่อนไขการตอบ" },
  field: { en: "Item", th: "รายการ" },
  datasetName: { en: "Dataset name", th: "ชื่อชุดข้อมูล" },
  datasetNameHelp: { en: "One column per dataset: write its name at the top, then answer down the column.", th: "หนึ่งคอลัมน์ต่อหนึ่งชุดข้อมูล: เขียนชื่อชุดข้อมูลที่หัวคอลัมน์ แล้วตอบคำถามลงมาตามคอลัมน์" },
  dataset: { en: "Dataset", th: "ชุดข้อมูลที่" },
  notInList: { en: "Not in the list", th: "ไม่อยู่ในรายการ" },
  pickFromList: { en: "Please choose an answer from the list.", th: "กรุณาเลือกคำตอบจากรายการ" },
  checkValue: { en: "Please check", th: "กรุณาตรวจสอบ" },
  numberHint: { en: "Type a number, or choose Don't know / Not applicable.", th: "กรุณาใส่ตัวเลข หรือเลือก ไม่ทราบ / ไม่เกี่ยวข้อง" },
  dateHint: { en: "Type a date as YYYY-MM-DD (for example 2025-06-30).", th: "กรุณาใส่วันที่ในรูปแบบ ปปปป-ดด-วว (เช่น 2025-06-30)" },
  multiHint: {
    en: "Mark each option that applies with Yes in the rows below; or choose Don't know / Not applicable here.",
    th: "ทำเครื่องหมาย ใช่ ในแถวด้านล่างสำหรับทุกตัวเลือกที่ตรง หรือเลือก ไม่ทราบ / ไม่เกี่ยวข้อง ในช่องนี้",
  },
  /** Ends every input message: where the explanation is in full ({col} is its column letter). */
  seeColumn: { en: "(In full: column {col}.)", th: "(ฉบับเต็ม: คอลัมน์ {col})" },
  covers: { en: "Modules in this workbook", th: "โมดูลในแบบสอบถามนี้" },
  coversHelp: { en: "Each has its own sheet. Leave a module's sheet wholly empty only if it does not concern your institution.", th: "แต่ละโมดูลมีแผ่นงานของตนเอง เว้นแผ่นงานของโมดูลว่างทั้งแผ่นได้เฉพาะเมื่อไม่เกี่ยวกับหน่วยงานของท่าน" },
  tick: { en: "Applies?", th: "ตรงหรือไม่" },
  tickHint: { en: "Yes if this applies; leave empty otherwise.", th: "เลือก ใช่ หากตรง หากไม่ตรงให้เว้นว่าง" },
  exclusive: { en: "Choose alone: not with other options", th: "เลือกข้อนี้เพียงข้อเดียว ไม่เลือกร่วมกับข้ออื่น" },
} satisfies Record<string, Text>;

export const INSTRUCTIONS: { text: Text; heading?: boolean }[] = [
  { heading: true, text: TEMPLATE_TEXT.title },
  {
    text: {
      en: "The National Statistical Office is mapping the data that ministries and agencies hold on migrant and forcibly displaced children: how they are collected, shared and hosted. Your answers show where data exist, where gaps are, and what could be improved. They will be discussed at a national consultation.",
      th: "สำนักงานสถิติแห่งชาติกำลังจัดทำแผนที่ข้อมูลที่กระทรวงและหน่วยงานต่าง ๆ ถือครองเกี่ยวกับเด็กข้ามชาติและเด็กผู้พลัดถิ่นโดยถูกบังคับ ได้แก่ การเก็บรวบรวม การแบ่งปัน และการเก็บรักษาข้อมูล คำตอบของท่านจะช่วยชี้ว่ามีข้อมูลใดอยู่ ช่องว่างอยู่ที่ใด และควรปรับปรุงอย่างไร และจะนำไปหารือในการประชุมระดับชาติ",
    },
  },
  { heading: true, text: { en: "How to answer", th: "วิธีตอบแบบสอบถาม" } },
  { text: { en: "1. {institution} sheet: fill in your institution and the focal point (items marked * are required).", th: "1. แผ่นงาน {institution}: กรอกข้อมูลหน่วยงานและผู้ประสานงานหลัก (รายการที่มีเครื่องหมาย * ต้องกรอก)" } },
  { text: { en: "2. {datasets} sheet: one column for each dataset your institution holds that may include migrant children (registers, case-management systems, surveys, border records). Write the dataset's name at the top of its column and answer down the column; for a question with several possible answers, write Yes in each option row that applies.", th: "2. แผ่นงาน {datasets}: หนึ่งคอลัมน์ต่อหนึ่งชุดข้อมูลที่หน่วยงานถือครองซึ่งอาจมีข้อมูลเด็กข้ามชาติ (ทะเบียน ระบบจัดการรายกรณี การสำรวจ ข้อมูลการผ่านแดน) เขียนชื่อชุดข้อมูลที่หัวคอลัมน์แล้วตอบลงมาตามคอลัมน์ คำถามที่ตอบได้หลายข้อให้เลือก ใช่ ในแถวของทุกตัวเลือกที่ตรง" } },
  { text: { en: "More datasets than columns: right-click the {datasets} tab, choose Move or Copy, tick Create a copy, and in the copy write the further datasets over the columns (each dataset on one sheet only; keep the grey ids in column A). Every copy is read. Or ask the NSO team for a template with more columns.", th: "หากมีชุดข้อมูลมากกว่าจำนวนคอลัมน์: คลิกขวาที่แท็บ {datasets} เลือก ย้ายหรือคัดลอก ติ๊ก สร้างสำเนา แล้วกรอกชุดข้อมูลถัดไปทับคอลัมน์ในสำเนา (ชุดข้อมูลหนึ่งชุดอยู่ในแผ่นงานเดียวเท่านั้น อย่าแก้ไขรหัสสีเทาในคอลัมน์ A) ระบบจะอ่านทุกสำเนา หรือขอแบบสอบถามที่มีคอลัมน์มากขึ้นจากทีมงาน สสช." } },
  { text: { en: "3. One sheet per module: answer in the yellow Answer column, choosing from the list where there is one. Add a comment if something needs explaining.", th: "3. แผ่นงานของแต่ละโมดูล: ตอบในคอลัมน์คำตอบสีเหลือง โดยเลือกจากรายการหากมี และเพิ่มหมายเหตุหากต้องการอธิบาย" } },
  { text: { en: "4. Questions with several possible answers have one row per option below them: write Yes in each row that applies.", th: "4. คำถามที่ตอบได้หลายข้อ จะมีแถวของแต่ละตัวเลือกอยู่ด้านล่าง ให้เลือก ใช่ ในทุกแถวที่ตรง" } },
  { text: { en: "5. Answer a question only when its 'When to answer' column says it applies to you. Answer Don't know rather than guess, and Not applicable when the question does not concern your institution.", th: "5. ตอบคำถามเฉพาะเมื่อคอลัมน์ 'เงื่อนไขการตอบ' ระบุว่าเกี่ยวข้องกับท่าน หากไม่ทราบให้ตอบ ไม่ทราบ แทนการคาดเดา และตอบ ไม่เกี่ยวข้อง เมื่อคำถามไม่เกี่ยวกับหน่วยงานของท่าน" } },
  { heading: true, text: { en: "What the answer levels mean", th: "ความหมายของระดับคำตอบ" } },
  { text: { en: "Most answers describe a level of maturity: 0 absent; 1 ad hoc or not considered yet; 2 planned or partial; 3 being implemented or mostly in place; 4 fully in place. The options are listed from the weakest to the strongest.", th: "คำตอบส่วนใหญ่แสดงระดับความพร้อม: 0 ไม่มี; 1 ทำเป็นครั้งคราวหรือยังไม่ได้พิจารณา; 2 อยู่ระหว่างวางแผนหรือทำได้บางส่วน; 3 อยู่ระหว่างดำเนินการหรือมีเกือบครบ; 4 มีครบถ้วนสมบูรณ์ ตัวเลือกเรียงจากระดับต่ำสุดไปสูงสุด" } },
  { text: { en: "Don't know counts as a gap to follow up; Not applicable leaves the question out of your scores. Unanswered questions lower the completeness of your answers, not your scores.", th: "คำตอบ ไม่ทราบ ถือเป็นช่องว่างที่ต้องติดตาม คำตอบ ไม่เกี่ยวข้อง จะไม่นำมาคิดคะแนน คำถามที่ไม่ได้ตอบจะลดความครบถ้วนของคำตอบ แต่ไม่ลดคะแนน" } },
  { heading: true, text: { en: "How to return it", th: "วิธีส่งกลับ" } },
  { text: { en: "Save the file as an Excel workbook (.xlsx), without a password, and e-mail it back to the NSO team that sent it. Do not rename, delete or reorder the sheets, and do not change the grey question ids. Excel, LibreOffice and Google Sheets (download as .xlsx) all work.", th: "บันทึกไฟล์เป็นเวิร์กบุ๊ก Excel (.xlsx) โดยไม่ตั้งรหัสผ่าน แล้วส่งอีเมลกลับไปยังทีมงาน สสช. ที่ส่งแบบสอบถามให้ ห้ามเปลี่ยนชื่อ ลบ หรือสลับลำดับแผ่นงาน และห้ามแก้ไขรหัสคำถามสีเทา ใช้ได้ทั้ง Excel, LibreOffice และ Google Sheets (ดาวน์โหลดเป็น .xlsx)" } },
  { heading: true, text: { en: "Personal data", th: "ข้อมูลส่วนบุคคล" } },
  { text: { en: "The focal point's name and contacts are personal data under the Personal Data Protection Act B.E. 2562. They are kept with your answers to contact you about this assessment and are not printed in any report.", th: "ชื่อและข้อมูลติดต่อของผู้ประสานงานหลักเป็นข้อมูลส่วนบุคคลตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 จะเก็บไว้พร้อมคำตอบเพื่อใช้ติดต่อเกี่ยวกับการประเมินนี้เท่านั้น และจะไม่ปรากฏในรายงานใด ๆ" } },
];
