// Dates as people in Thailand write them: Buddhist-era (B.E. = C.E. + 543) or Christian-era
// years, day first (30/06/2568) or year first (2025-06-30), Thai digits, Thai and English month
// names. Pure: "today" is passed in by the edge that reads the clock.
import { answerReason, isIsoDate } from "./answers.js";
import type { AnswerReason } from "./answers.js";
import type { Lang } from "./model.js";

/** The calendar a year was written in. */
export type Era = "be" | "ce";

export type DateRead = { value: string; era: Era } | { error: AnswerReason };

/** B.E. − C.E. */
const BE_OFFSET = 543;
/** A bare year from here on is B.E. (2400 B.E. = 1857 C.E.); below it, C.E. */
const BE_FROM = 2400;
/** Bare years from here to BE_FROM could be either (2200 C.E.? 1657 C.E.?): asked again. */
const UNCLEAR_FROM = 2100;

export const THAI_MONTHS: readonly (readonly [string, string])[] = [
  ["มกราคม", "ม.ค."],
  ["กุมภาพันธ์", "ก.พ."],
  ["มีนาคม", "มี.ค."],
  ["เมษายน", "เม.ย."],
  ["พฤษภาคม", "พ.ค."],
  ["มิถุนายน", "มิ.ย."],
  ["กรกฎาคม", "ก.ค."],
  ["สิงหาคม", "ส.ค."],
  ["กันยายน", "ก.ย."],
  ["ตุลาคม", "ต.ค."],
  ["พฤศจิกายน", "พ.ย."],
  ["ธันวาคม", "ธ.ค."],
];
const ENGLISH_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Era words before a year: พ.ศ. / B.E. and ค.ศ. / C.E. / A.D., with or without dots. */
const ERA = String.raw`(?:(พ\.?\s?ศ\.?|b\.?\s?e\.?)|(ค\.?\s?ศ\.?|c\.?\s?e\.?|a\.?\s?d\.?))?\s*`;
const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const DMY = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.]${ERA}(\d+)$`);
const D_MONTH_Y = new RegExp(String.raw`^(\d{1,2})\s*([^\d\s,]+?)\s*,?\s*${ERA}(\d+)$`);
const MONTH_D_Y = new RegExp(String.raw`^([a-z]+)\.?\s+(\d{1,2}),?\s*${ERA}(\d+)$`);

/**
 * What `text` says as a date (YYYY-MM-DD) and the era its year was written in, or why it is
 * not one. With `today`, a date after it is refused (the questions ask when something happened).
 */
export function readDate(text: string, options: { today?: string } = {}): DateRead {
  const s = text
    .normalize("NFC")
    .replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  const parts = pieces(s);
  if (!parts) return { error: answerReason("NOT_A_DATE", { text }) };
  const { day, month, year, era: said } = parts;
  if (year.length !== 4) return { error: answerReason("DATE_YEAR_UNCLEAR", { text }) };
  const y = Number(year);
  const era: Era | undefined = said ?? (y >= BE_FROM ? "be" : y >= UNCLEAR_FROM ? undefined : "ce");
  if (!era) return { error: answerReason("DATE_YEAR_UNCLEAR", { text }) };
  const ce = era === "be" ? y - BE_OFFSET : y;
  const iso = `${String(ce).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (ce < 1 || !isIsoDate(iso)) return { error: answerReason("NO_SUCH_DATE", { text }) };
  if (options.today && iso > options.today) return { error: answerReason("DATE_IN_FUTURE", { date: iso, today: options.today }) };
  return { value: iso, era };
}

interface Pieces {
  day: number;
  month: number;
  year: string;
  era?: Era;
}

function pieces(s: string): Pieces | undefined {
  const ymd = YMD.exec(s);
  if (ymd) return { year: ymd[1]!, month: Number(ymd[2]), day: Number(ymd[3]) };
  const dmy = DMY.exec(s);
  if (dmy) return withEra({ day: Number(dmy[1]), month: Number(dmy[2]), year: dmy[5]! }, dmy[3], dmy[4]);
  const named = D_MONTH_Y.exec(s);
  const m = named ? monthNamed(named[2]!) : undefined;
  if (named && m) return withEra({ day: Number(named[1]), month: m, year: named[5]! }, named[3], named[4]);
  const english = MONTH_D_Y.exec(s);
  const e = english ? monthNamed(english[1]!) : undefined;
  if (english && e) return withEra({ day: Number(english[2]), month: e, year: english[5]! }, english[3], english[4]);
  return undefined;
}

function withEra(p: Pieces, be: string | undefined, ce: string | undefined): Pieces {
  return be ? { ...p, era: "be" } : ce ? { ...p, era: "ce" } : p;
}

/** 1-12 for a month name: Thai full or abbreviated (dots optional), English full or three letters. */
export function monthNamed(name: string): number | undefined {
  const bare = (x: string) => x.replace(/\./g, "");
  const thai = THAI_MONTHS.findIndex(([full, short]) => name === full || bare(name) === bare(short));
  if (thai >= 0) return thai + 1;
  const word = bare(name);
  const english = ENGLISH_MONTHS.findIndex((full) => word === full || (word.length >= 3 && full.startsWith(word) && (word.length === 3 || word === "sept")));
  return english >= 0 ? english + 1 : undefined;
}

/** How the interview says back a date it understood: Thai in both calendars, English by month name. */
export function describeDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  if (lang === "th") return `${d} ${THAI_MONTHS[m - 1]![0]} ${y + BE_OFFSET} (${iso})`;
  const month = ENGLISH_MONTHS[m - 1]!;
  return `${d} ${month[0]!.toUpperCase()}${month.slice(1)} ${y} (${iso})`;
}
