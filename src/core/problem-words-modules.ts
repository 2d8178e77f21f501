// Words for problems in module files: reading, YAML, the schema and the module rules.
import { formatPath } from "./problems.js";
import type { DocPath, SchemaRule } from "./problems.js";
import type { WordTable } from "./problem-words.js";

const list = (xs: readonly string[]) => xs.join(", ");
const few = (xs: readonly string[]) => (xs.length > 5 ? `${xs.slice(0, 5).join(", ")}, …` : list(xs));
const otherPlace = (a: { other: string; otherPath: DocPath; otherLine?: number; otherColumn?: number }) =>
  a.otherLine === undefined ? `${a.other} ${formatPath(a.otherPath)}` : `${a.other}:${a.otherLine}:${a.otherColumn ?? 1}`;

const TYPE_TH: Record<string, string> = {
  string: "ข้อความ",
  number: "ตัวเลข",
  integer: "จำนวนเต็ม",
  boolean: "ค่าจริงหรือเท็จ",
  object: "ชุดของคีย์และค่า",
  array: "รายการ",
  "a list": "รายการ",
  null: "ค่าว่าง (null)",
};
const typeTh = (t: string) => t.split(",").map((x) => TYPE_TH[x] ?? x).join(" หรือ ");

const COMPARE_TH = { ">=": "ไม่น้อยกว่า", "<=": "ไม่เกิน", ">": "มากกว่า", "<": "น้อยกว่า" } as const;
const COUNTED_TH = { items: "รายการ", characters: "ตัวอักษร", properties: "คีย์" } as const;

/** ajv's keywords in our own words; the English keeps ajv's wording where it was shown before. */
function schemaEn(a: SchemaRule): string {
  switch (a.rule) {
    case "id":
      return `${a.value} is not a valid id: use snake_case (lower-case letters and digits joined by single underscores, starting with a letter)`;
    case "pattern":
      return `${a.value} does not match the expected form`;
    case "enum":
      return `${a.value} is not one of: ${list(a.allowed)}`;
    case "type":
      return `expected ${a.expected}, found ${a.found}`;
    case "limit":
      return `${a.value} must be ${a.comparison} ${a.limit}`;
    case "const":
      return "must be equal to constant";
    case "count":
      return `must NOT have ${a.bound === "min" ? "fewer" : "more"} than ${a.limit} ${a.of}`;
    case "unique":
      return `must NOT have duplicate items (items ## ${a.first} and ${a.second} are identical)`;
    case "format":
      return `must match format "${a.format}"`;
    case "one_of":
      return "must match exactly one schema in oneOf";
    case "any_of":
      return "must match a schema in anyOf";
    case "property_name":
      return "property name must be valid";
    case "text_scored":
      return "a text question is never scored: remove dimension, options, scale, bands and their sets";
    case "options_on_number":
      return "number and date questions take no options, scale or level_sets";
    case "number_fields":
      return "min, max, integer, unit, bands and band_sets apply only to number and date questions";
    case "scale_and_options":
      return "a question takes its options from a scale or lists them, not both";
    case "not":
      return "this combination of properties is not allowed";
    case "other":
      return a.detail;
  }
}

function schemaTh(a: SchemaRule): string {
  switch (a.rule) {
    case "id":
      return `${a.value} ไม่ใช่รหัส (id) ที่ถูกต้อง: ใช้ snake_case (อักษรภาษาอังกฤษตัวเล็กและตัวเลข คั่นด้วยขีดล่างทีละตัว และขึ้นต้นด้วยตัวอักษร)`;
    case "pattern":
      return `${a.value} ไม่อยู่ในรูปแบบที่กำหนด`;
    case "enum":
      return `${a.value} ไม่ใช่ค่าใดค่าหนึ่งต่อไปนี้: ${list(a.allowed)}`;
    case "type":
      return `ต้องเป็น${typeTh(a.expected)} แต่พบ${typeTh(a.found)}`;
    case "limit":
      return `${a.value} ต้อง${COMPARE_TH[a.comparison]} ${a.limit}`;
    case "const":
      return "ต้องเป็นค่าที่กำหนดไว้";
    case "count":
      return `ต้องมี${a.bound === "min" ? "อย่างน้อย" : "ไม่เกิน"} ${a.limit} ${COUNTED_TH[a.of]}`;
    case "unique":
      return `ต้องไม่มีรายการซ้ำกัน (รายการที่ ${a.first} และ ${a.second} เหมือนกัน)`;
    case "format":
      return `ต้องอยู่ในรูปแบบ "${a.format}"`;
    case "one_of":
      return "ต้องตรงกับรูปแบบที่กำหนดเพียงรูปแบบเดียว";
    case "any_of":
      return "ต้องตรงกับรูปแบบที่กำหนดอย่างน้อยหนึ่งรูปแบบ";
    case "property_name":
      return `ชื่อคีย์ "${a.name}" ไม่ถูกต้อง`;
    case "text_scored":
      return "คำถามแบบข้อความไม่นำมาคิดคะแนน: ลบ dimension, options, scale, bands และชุดของค่าเหล่านี้";
    case "options_on_number":
      return "คำถามแบบตัวเลขและวันที่ไม่มี options, scale หรือ level_sets";
    case "number_fields":
      return "min, max, integer, unit, bands และ band_sets ใช้ได้กับคำถามแบบตัวเลขและวันที่เท่านั้น";
    case "scale_and_options":
      return "คำถามใช้ตัวเลือกจาก scale หรือระบุ options เอง อย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสองอย่าง";
    case "not":
      return "ใช้คุณสมบัติเหล่านี้ร่วมกันไม่ได้";
    case "other":
      return `ไม่ผ่านการตรวจ ${a.keyword} ตาม schema: ${a.detail}`;
  }
}

const DANGLING = {
  itself: { en: "a question cannot depend on itself", th: "คำถามขึ้นกับตัวเองไม่ได้" },
  later: {
    en: "it is not asked before this question (conditions may only look back, in this module or a required one)",
    th: "คำถามนั้นไม่ได้ถามก่อนคำถามนี้ (เงื่อนไขอ้างถึงได้เฉพาะคำถามก่อนหน้า ในโมดูลนี้หรือในโมดูลที่ต้องใช้ร่วมกัน)",
  },
  unknown: { en: "no such question", th: "ไม่มีคำถามนี้" },
} as const;

const RANGE = {
  date_limit: { en: "a date limit is written YYYY-MM-DD", th: "ขอบเขตของวันที่ต้องเขียนเป็น YYYY-MM-DD" },
  number_limit: { en: "a number limit is a number", th: "ขอบเขตของตัวเลขต้องเป็นตัวเลข" },
  integer_on_date: { en: "integer applies to number questions only", th: "integer ใช้ได้กับคำถามแบบตัวเลขเท่านั้น" },
} as const;

export const MODULE_WORDS = {
  READ_FAILED: { en: (a) => `cannot read: ${a.detail}`, th: (a) => `อ่านไฟล์ไม่ได้: ${a.detail}` },
  YAML_SYNTAX: {
    en: (a) => `${a.detail}${a.more ? ` (and ${a.more} more YAML error${a.more === 1 ? "" : "s"} after it)` : ""}`,
    th: (a) => `ไวยากรณ์ YAML ไม่ถูกต้อง: ${a.detail}${a.more ? ` (และมีข้อผิดพลาด YAML อีก ${a.more} รายการหลังจากนั้น)` : ""}`,
  },
  YAML_TAG: { en: (a) => a.detail, th: (a) => `ไม่รับแท็ก YAML ที่ไม่รู้จัก: ${a.detail}` },
  YAML_ALIASES: {
    en: (a) => `${a.detail} (at most ${a.max} alias expansions are allowed)`,
    th: (a) => `ขยาย alias ของ YAML มากเกินไป (ได้ไม่เกิน ${a.max} ครั้ง): ${a.detail}`,
  },
  SCHEMA: { en: schemaEn, th: schemaTh },
  SCHEMA_CONDITION: {
    en: () => "not a valid condition: write { question: id, in: [values] }, { all: [...] }, { any: [...] } or { not: ... }",
    th: () => "เงื่อนไขไม่ถูกต้อง: เขียนเป็น { question: id, in: [values] }, { all: [...] }, { any: [...] } หรือ { not: ... }",
  },
  SCHEMA_REQUIRED: { en: (a) => `"${a.property}" is required here`, th: (a) => `ต้องมี "${a.property}" ที่นี่` },
  SCHEMA_UNKNOWN_PROPERTY: { en: (a) => `unexpected property "${a.property}"`, th: (a) => `ไม่รู้จักคุณสมบัติ "${a.property}"` },
  DUPLICATE_MODULE: { en: (a) => `module id "${a.module}" is also used by ${a.other}`, th: (a) => `รหัสโมดูล "${a.module}" ถูกใช้แล้วใน ${a.other}` },
  DUPLICATE_QUESTION_ID: {
    en: (a) => `question id "${a.question}" is already used at ${a.other} (module ${a.otherModule})`,
    th: (a) => `รหัสคำถาม "${a.question}" ถูกใช้แล้วที่ ${a.other} (โมดูล ${a.otherModule})`,
  },
  REQUIRES_SELF: { en: (a) => `module "${a.module}" cannot require itself`, th: (a) => `โมดูล "${a.module}" กำหนดให้ต้องใช้ตัวเองไม่ได้` },
  UNKNOWN_REQUIRED_MODULE: { en: (a) => `requires module "${a.module}", which is not loaded`, th: (a) => `ต้องใช้โมดูล "${a.module}" ซึ่งไม่ได้โหลดไว้` },
  DUPLICATE_SOURCE_ID: { en: (a) => `source id "${a.id}" is listed twice`, th: (a) => `รหัสแหล่งอ้างอิง "${a.id}" ถูกระบุซ้ำ` },
  DUPLICATE_SECTION_ID: { en: (a) => `section id "${a.section}" is used twice in this module`, th: (a) => `รหัสส่วน "${a.section}" ถูกใช้ซ้ำในโมดูลนี้` },
  BLANK_TEXT: {
    en: (a) => `${a.lang === "en" ? "English" : "Thai"} text is blank`,
    th: (a) => `ข้อความภาษา${a.lang === "en" ? "อังกฤษ" : "ไทย"}ว่างเปล่า`,
  },
  THAI_MISSING: { en: (a) => `Thai text contains no Thai script: "${a.text}"`, th: (a) => `ข้อความภาษาไทยไม่มีอักษรไทย: "${a.text}"` },
  UNKNOWN_SOURCE: { en: (a) => `source "${a.id}" is not in the module's sources`, th: (a) => `แหล่งอ้างอิง "${a.id}" ไม่อยู่ใน sources ของโมดูล` },
  SCORED_WITHOUT_BANDS: {
    en: (a) => `a ${a.type} question is scored only with bands; add bands or remove the dimension`,
    th: (a) => `คำถามแบบ${a.type === "number" ? "ตัวเลข" : "วันที่"}คิดคะแนนได้เมื่อมี bands เท่านั้น: ให้เพิ่ม bands หรือลบ dimension`,
  },
  DUPLICATE_OPTION: { en: (a) => `option value "${a.value}" is listed twice`, th: (a) => `ค่าตัวเลือก "${a.value}" ถูกระบุซ้ำ` },
  RESERVED_OPTION: {
    en: (a) => `"${a.value}" is added by the tool for every scored question; do not list it`,
    th: (a) => `เครื่องมือเพิ่ม "${a.value}" ให้ทุกคำถามที่คิดคะแนนอยู่แล้ว ไม่ต้องระบุเอง`,
  },
  OPTION_LABEL_MISSING: { en: () => "option needs a label in en and th", th: () => "ตัวเลือกต้องมี label ทั้ง en และ th" },
  WEIGHT_NOT_ALLOWED: { en: () => "weight and exclusive apply only to multiple_choice options", th: () => "weight และ exclusive ใช้ได้กับตัวเลือกของคำถาม multiple_choice เท่านั้น" },
  LEVEL_NOT_ALLOWED: { en: () => "multiple_choice options take a weight, not a level", th: () => "ตัวเลือกของ multiple_choice ใช้ weight ไม่ใช่ level" },
  EXCLUSIVE_WEIGHT: { en: () => "an exclusive (none) option scores 0 and takes no weight", th: () => "ตัวเลือก exclusive (ไม่มีเลย) ได้คะแนน 0 และไม่มี weight" },
  YES_NO_OPTIONS: { en: () => "yes_no options, when listed, are exactly yes and no", th: () => "ตัวเลือกของ yes_no ถ้าระบุ ต้องมีเพียง yes และ no" },
  UNSCORED_LEVEL: {
    en: (a) => (a.on === "options" ? "this question has no dimension, so its options take no level or weight" : "bands score a question; give it a dimension and priority or remove them"),
    th: (a) => (a.on === "options" ? "คำถามนี้ไม่มี dimension ตัวเลือกจึงไม่มี level หรือ weight" : "bands ใช้คิดคะแนนคำถาม: ให้กำหนด dimension และ priority หรือลบ bands ออก"),
  },
  LEVEL_MISSING: { en: () => "every option of a scored question needs a level 0-4", th: () => "ทุกตัวเลือกของคำถามที่คิดคะแนนต้องมี level 0-4" },
  RECOMMENDATION_MISSING: {
    en: (a) =>
      a.of === "option"
        ? `option "${a.value}" is below the top level and needs a recommendation (its own or the question's)`
        : a.of === "practice"
          ? `practice "${a.value}" needs a recommendation for when it is missing (its own or the question's)`
          : "a band below the top level needs a recommendation (its own or the question's)",
    th: (a) =>
      a.of === "option"
        ? `ตัวเลือก "${a.value}" ต่ำกว่าระดับสูงสุด จึงต้องมี recommendation (ของตัวเลือกเองหรือของคำถาม)`
        : a.of === "practice"
          ? `แนวปฏิบัติ "${a.value}" ต้องมี recommendation สำหรับกรณีที่ยังไม่มี (ของตัวเลือกเองหรือของคำถาม)`
          : "ช่วงคะแนนที่ต่ำกว่าระดับสูงสุดต้องมี recommendation (ของช่วงเองหรือของคำถาม)",
  },
  NO_PRACTICES: { en: () => "a scored multiple choice needs at least one non-exclusive option", th: () => "คำถาม multiple choice ที่คิดคะแนนต้องมีตัวเลือกที่ไม่ใช่ exclusive อย่างน้อยหนึ่งตัว" },
  BAD_RANGE: { en: (a) => RANGE[a.rule].en, th: (a) => RANGE[a.rule].th },
  BAD_BAND: {
    en: (a) => (a.rule === "empty" ? `band is empty: ${a.from} must be below ${a.to}` : a.rule === "date_keys" ? "date bands use min_months / max_months" : "number bands use min / max"),
    th: (a) => (a.rule === "empty" ? `ช่วงคะแนนว่าง: ${a.from} ต้องน้อยกว่า ${a.to}` : a.rule === "date_keys" ? "ช่วงคะแนนของวันที่ใช้ min_months / max_months" : "ช่วงคะแนนของตัวเลขใช้ min / max"),
  },
  BAND_OVERLAP: { en: () => "bands overlap; each value must fall in one band", th: () => "ช่วงคะแนนซ้อนทับกัน: ค่าแต่ละค่าต้องอยู่ในช่วงเดียว" },
  DANGLING_CONDITION: {
    en: (a) => `condition refers to "${a.question}": ${DANGLING[a.why].en}`,
    th: (a) => `เงื่อนไขอ้างถึง "${a.question}": ${DANGLING[a.why].th}`,
  },
  CONDITION_TYPE: {
    en: (a) => `condition refers to "${a.question}", a ${a.type} question; only choice and yes/no answers can be tested`,
    th: (a) => `เงื่อนไขอ้างถึง "${a.question}" ซึ่งเป็นคำถามแบบ ${a.type}: ทดสอบได้เฉพาะคำตอบแบบเลือกตอบและแบบใช่/ไม่ใช่`,
  },
  CONDITION_SCOPE: {
    en: (a) => `an institution question cannot depend on "${a.question}", which is answered per dataset`,
    th: (a) => `คำถามระดับหน่วยงานขึ้นกับ "${a.question}" ซึ่งตอบรายชุดข้อมูลไม่ได้`,
  },
  UNKNOWN_CONDITION_VALUE: {
    en: (a) => `"${a.question}" has no option "${a.value}" (it has: ${list(a.values)})`,
    th: (a) => `"${a.question}" ไม่มีตัวเลือก "${a.value}" (มี: ${list(a.values)})`,
  },
  UNSCORED_GATE: {
    en: (a) =>
      `"${a.question}" is not scored, but its answers hide ${a.hides.length} scored question${a.hides.length === 1 ? "" : "s"} (${few(a.hides)}): an institution that answers "we do not do this" scores higher than one that does it partly. Score the gate (its "no" at level 0) or, if it only routes respondents, mark it routing: true`,
    th: (a) =>
      `"${a.question}" ไม่ได้คิดคะแนน แต่คำตอบของคำถามนี้ซ่อนคำถามที่คิดคะแนน ${a.hides.length} ข้อ (${few(a.hides)}) หน่วยงานที่ตอบว่า "ไม่ได้ดำเนินการ" จึงได้คะแนนสูงกว่าหน่วยงานที่ดำเนินการบางส่วน ควรคิดคะแนนคำถามนี้ (คำตอบ "ไม่" อยู่ที่ระดับ 0) หรือหากใช้เพื่อกำหนดเส้นทางการตอบเท่านั้น ให้ระบุ routing: true`,
  },
  UNKNOWN_SCALE: { en: (a) => `no scale "${a.scale}" in the scales file (scales.yaml beside the modules)`, th: (a) => `ไม่มีมาตรวัด "${a.scale}" ในไฟล์ scales.yaml ที่อยู่คู่กับโมดูล` },
  SCALE_NOT_ALLOWED: {
    en: (a) => `a ${a.type} question cannot take a scale; scales are for single and multiple choice`,
    th: (a) => `คำถามแบบ ${a.type} ใช้ scale ไม่ได้: scale ใช้ได้กับคำถามแบบเลือกตอบข้อเดียวและหลายข้อเท่านั้น`,
  },
  DUPLICATE_SCALE: { en: (a) => `scale id "${a.scale}" is defined twice`, th: (a) => `รหัสมาตรวัด "${a.scale}" ถูกกำหนดซ้ำ` },
  UNKNOWN_LEVEL_VALUE: {
    en: (a) => `the question has no option "${a.value}" (it has: ${list(a.values)})`,
    th: (a) => `คำถามนี้ไม่มีตัวเลือก "${a.value}" (มี: ${list(a.values)})`,
  },
  LEVEL_INCONSISTENT: {
    en: (a) => `the option "${a.label}" is level ${a.level} here but level ${a.otherLevel} at ${otherPlace(a)}: the same practice should score the same in every module (a shared scale keeps it so)`,
    th: (a) => `ตัวเลือก "${a.label}" อยู่ที่ระดับ ${a.level} ที่นี่ แต่อยู่ที่ระดับ ${a.otherLevel} ที่ ${otherPlace(a)}: แนวปฏิบัติเดียวกันควรได้ระดับเดียวกันในทุกโมดูล (ใช้ scale ร่วมกันเพื่อให้ตรงกัน)`,
  },
  GLOSSARY_VARIANT: {
    en: (a) => `"${a.variant}": the glossary's Thai for "${a.term}" is "${a.preferred}"`,
    th: (a) => `"${a.variant}": อภิธานศัพท์กำหนดให้ใช้ "${a.preferred}" สำหรับ "${a.term}"`,
  },
  RECOMMENDATION_ORDER: {
    en: (a) => `the Thai recommendation opens with "${a.opening}", an instruction; the NSO advises and cannot instruct a ministry: open with "${a.suggestion}"`,
    th: (a) => `ข้อเสนอแนะภาษาไทยขึ้นต้นด้วย "${a.opening}" ซึ่งเป็นการสั่งการ สสช. ให้คำแนะนำได้แต่สั่งการกระทรวงไม่ได้: ควรขึ้นต้นด้วย "${a.suggestion}"`,
  },
} satisfies Partial<WordTable>;
