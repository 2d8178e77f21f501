// The comparison's own words, in English and Thai; the report's words (./words.ts) are reused
// for everything the two share (dimensions, figures, institutions, recommendations).
import type { Lang, Text } from "../core/model.js";
import type { ChangeBand, Comparison, FigureChange, MatchKind, NotComparableReason, QuestionOutcome } from "../core/compare-model.js";
import { ACTION_STATUS_LABELS } from "../core/compare-action-plan.js";
import type { ActionStatus } from "../core/compare-action-plan.js";
import { num } from "./words.js";

export const CW = {
  baseline: { en: "Baseline", th: "รอบฐาน" },
  followup: { en: "Follow-up", th: "รอบติดตาม" },
  change: { en: "Change", th: "การเปลี่ยนแปลง" },
  changeHeatmap: { en: "Heatmap of changes", th: "แผนภาพความร้อนของการเปลี่ยนแปลง" },
  nationalAll: { en: "National figures, every institution of each round", th: "ตัวเลขระดับประเทศ ทุกหน่วยงานของแต่ละรอบ" },
  nationalMatched: { en: "National figures, institutions assessed in both rounds", th: "ตัวเลขระดับประเทศ เฉพาะหน่วยงานที่ประเมินทั้งสองรอบ" },
  institutionsEach: { en: "Institutions: {b} at baseline, {a} at follow-up, {m} compared", th: "หน่วยงาน: รอบฐาน {b} รอบติดตาม {a} เปรียบเทียบได้ {m}" },
  mostImproved: { en: "Improved most (overall)", th: "พัฒนาขึ้นมากที่สุด (ภาพรวม)" },
  fellBack: { en: "Fell back (overall)", th: "ถดถอย (ภาพรวม)" },
  actedMost: { en: "Recommendations acted on most", th: "ข้อเสนอแนะที่ได้รับการดำเนินการมากที่สุด" },
  actedLeast: { en: "Recommendations acted on least", th: "ข้อเสนอแนะที่ได้รับการดำเนินการน้อยที่สุด" },
  actedOn: { en: "Acted on (closed or narrowed)", th: "ดำเนินการแล้ว (ปิดหรือลดช่องว่าง)" },
  withGap: { en: "With the gap at baseline", th: "มีช่องว่างในรอบฐาน" },
  closed: { en: "Gaps closed", th: "ช่องว่างที่ปิดแล้ว" },
  opened: { en: "Gaps opened", th: "ช่องว่างใหม่" },
  criticalNew: { en: "New critical gaps", th: "ช่องว่างวิกฤตใหม่" },
  criticalResolved: { en: "Critical gaps resolved", th: "ช่องว่างวิกฤตที่แก้ไขแล้ว" },
  onlyBaseline: { en: "Assessed at baseline only", th: "ประเมินเฉพาะรอบฐาน" },
  onlyFollowup: { en: "Assessed at follow-up only (new)", th: "ประเมินเฉพาะรอบติดตาม (ใหม่)" },
  oneRound: { en: "Institutions in one round only (listed, not compared)", th: "หน่วยงานที่อยู่ในรอบเดียว (แสดงรายชื่อ ไม่ได้เปรียบเทียบ)" },
  moduleChanges: { en: "Module versions that differ between the rounds", th: "โมดูลที่รุ่นต่างกันระหว่างสองรอบ" },
  notComparable: { en: "Questions not comparable (listed, not compared)", th: "คำถามที่เปรียบเทียบไม่ได้ (แสดงรายการ ไม่ได้เปรียบเทียบ)" },
  reason: { en: "Why", th: "เหตุผล" },
  questionsChanged: { en: "Questions that changed", th: "คำถามที่เปลี่ยนแปลง" },
  level: { en: "Level", th: "ระดับ" },
  outcome: { en: "Outcome", th: "ผล" },
  datasetsAdded: { en: "Datasets added", th: "ชุดข้อมูลที่เพิ่มขึ้น" },
  datasetsDropped: { en: "Datasets dropped", th: "ชุดข้อมูลที่ไม่มีแล้ว" },
  datasetsKept: { en: "Datasets in both rounds", th: "ชุดข้อมูลที่มีทั้งสองรอบ" },
  actionPlan: { en: "Action plan: status beside the change measured", th: "แผนปฏิบัติการ: สถานะเทียบกับการเปลี่ยนแปลงที่วัดได้" },
  status: { en: "Status", th: "สถานะ" },
  responsible: { en: "Responsible unit", th: "หน่วยงานที่รับผิดชอบ" },
  target: { en: "Target date", th: "วันที่เป้าหมาย" },
  note: { en: "Note", th: "หมายเหตุ" },
  noStatus: { en: "no status", th: "ไม่ระบุสถานะ" },
  flags: { en: "{open} marked done with the gap still open; {closed} not started with the gap closed", th: "{open} รายการระบุว่าดำเนินการแล้วแต่ช่องว่างยังอยู่; {closed} รายการยังไม่เริ่มแต่ช่องว่างปิดแล้ว" },
  methodMixed: {
    en: "Results of more than one version of the scoring method are compared ({methods}); changes across a method change are marked † and are not strictly comparable.",
    th: "มีการเปรียบเทียบผลที่ให้คะแนนด้วยวิธีการมากกว่าหนึ่งรุ่น ({methods}) การเปลี่ยนแปลงที่ข้ามรุ่นวิธีการมีเครื่องหมาย † และเปรียบเทียบกันได้ไม่เต็มที่",
  },
  methodChanged: { en: "† scored with method {b} at baseline and {a} at follow-up", th: "† ให้คะแนนด้วยวิธีการรุ่น {b} ในรอบฐาน และ {a} ในรอบติดตาม" },
  moduleNote: {
    en: "Scores of a module whose version differs include its questions that are not comparable; the question lists compare only questions with the same id and the same option values.",
    th: "คะแนนของโมดูลที่รุ่นต่างกันรวมคำถามที่เปรียบเทียบไม่ได้ด้วย รายการคำถามเปรียบเทียบเฉพาะคำถามที่มีรหัสและค่าตัวเลือกเดียวกัน",
  },
  matchedAs: { en: "Matched", th: "การจับคู่" },
  rounds: { en: "Rounds", th: "รอบการประเมิน" },
  answered: { en: "answered {from} to {to}", th: "ตอบระหว่าง {from} ถึง {to}" },
  changeLegend: { en: "Change in points: ≥ +10, > 0, 0, < 0, ≤ −10, not comparable", th: "การเปลี่ยนแปลง (คะแนน): ≥ +10, > 0, 0, < 0, ≤ −10, เปรียบเทียบไม่ได้" },
  notComparableShort: { en: "not comparable", th: "เปรียบเทียบไม่ได้" },
  versions: { en: "Versions", th: "รุ่น" },
} satisfies Record<string, Text>;

export function cw(key: keyof typeof CW, lang: Lang, vars: Record<string, string | number> = {}): string {
  let s = CW[key][lang];
  for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}

const OUTCOME: Record<QuestionOutcome | "not_comparable", Text> = {
  closed: { en: "gap closed", th: "ปิดช่องว่างแล้ว" },
  opened: { en: "gap opened", th: "เกิดช่องว่างใหม่" },
  improved: { en: "narrowed", th: "ช่องว่างลดลง" },
  worse: { en: "widened", th: "ช่องว่างกว้างขึ้น" },
  same: { en: "unchanged", th: "ไม่เปลี่ยนแปลง" },
  full: { en: "no gap", th: "ไม่มีช่องว่าง" },
  not_scored: { en: "not scored in one round", th: "ไม่ได้คิดคะแนนในรอบใดรอบหนึ่ง" },
  not_comparable: { en: "not comparable", th: "เปรียบเทียบไม่ได้" },
};

export function outcomeText(o: QuestionOutcome | "not_comparable", lang: Lang): string {
  return OUTCOME[o][lang];
}

const REASONS: Record<NotComparableReason, Text> = {
  only_baseline: { en: "in the baseline's module only", th: "มีเฉพาะในโมดูลรอบฐาน" },
  only_followup: { en: "in the follow-up's module only", th: "มีเฉพาะในโมดูลรอบติดตาม" },
  type_changed: { en: "question type changed", th: "ประเภทคำถามเปลี่ยน" },
  options_changed: { en: "option values changed", th: "ค่าตัวเลือกเปลี่ยน" },
  scope_changed: { en: "asked per dataset in one round only", th: "ถามรายชุดข้อมูลเพียงรอบเดียว" },
  dimension_changed: { en: "dimension changed", th: "ด้านเปลี่ยน" },
};

export function reasonText(r: NotComparableReason, lang: Lang): string {
  return REASONS[r][lang];
}

const MATCH: Record<MatchKind, Text> = {
  same_id: { en: "same id", th: "รหัสเดียวกัน" },
  renamed: { en: "renamed (--match)", th: "เปลี่ยนชื่อ (--match)" },
  merged: { en: "merged (--match)", th: "ควบรวม (--match)" },
  split: { en: "split (--match)", th: "แยกออก (--match)" },
};

export function matchText(m: MatchKind, lang: Lang): string {
  return MATCH[m][lang];
}

export function statusText(s: ActionStatus | undefined, lang: Lang): string {
  return s ? ACTION_STATUS_LABELS[s][lang] : CW.noStatus[lang];
}

const FLAG: Record<"DONE_GAP_OPEN" | "NOT_STARTED_GAP_CLOSED", Text> = {
  DONE_GAP_OPEN: { en: "marked done, but the gap is still open", th: "ระบุว่าดำเนินการแล้ว แต่ช่องว่างยังอยู่" },
  NOT_STARTED_GAP_CLOSED: { en: "not started, yet the gap closed", th: "ยังไม่เริ่ม แต่ช่องว่างปิดแล้ว" },
};

export function flagText(f: keyof typeof FLAG, lang: Lang): string {
  return FLAG[f][lang];
}

/** A change with its sign: +3.25, −2.00 (a true minus), 0.00; – when there is none. */
export function signed(x: number | undefined): string {
  if (x === undefined) return "–";
  return x > 0 ? `+${num(x)}` : x < 0 ? `−${num(-x)}` : num(0);
}

/** "52.10 → 61.35 (+9.25)": both rounds and the change. */
export function changeText(f: FigureChange): string {
  return `${num(f.baseline.score)} → ${num(f.followup.score)} (${signed(f.change)})`;
}

/** Diverging colours for changes: blue up, orange down, grey none. */
export const CHANGE_COLOURS: Record<ChangeBand, string> = { up_much: "2166AC", up: "92C5DE", same: "F7F7F7", down: "F4A582", down_much: "B2182B", none: "D9D9D9" };
export const CHANGE_TEXT: Record<ChangeBand, string> = { up_much: "FFFFFF", up: "1B1B1B", same: "1B1B1B", down: "1B1B1B", down_much: "FFFFFF", none: "555555" };
export const CHANGE_EMOJI: Record<ChangeBand, string> = { up_much: "⏫", up: "🔼", same: "⏺️", down: "🔽", down_much: "⏬", none: "⬜" };

/** The note on mixed method versions, or undefined. */
export function methodMixedText(c: Comparison, lang: Lang): string | undefined {
  if (!c.methodMixed) return undefined;
  const methods = [...new Set([...c.rounds.baseline.methods, ...c.rounds.followup.methods])].sort().join(", ");
  return cw("methodMixed", lang, { methods });
}
