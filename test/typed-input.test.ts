// Dates, numbers, dk/na and yes/no as typed in Thailand: one line a case.
import { describe, expect, it } from "vitest";
import { describeDate, readDate } from "../src/core/parse-date.js";
import { readNumber } from "../src/core/parse-number.js";
import type { Question } from "../src/core/model.js";
import { parseTyped } from "../src/core/typed-answer.js";
import { yesOrNo } from "../src/io/yes-no-prompt.js";

const TODAY = "2026-12-03";

describe("readDate", () => {
  it.each([
    ["2025-06-30", "2025-06-30", "ce"],
    ["2568-06-30", "2025-06-30", "be"],
    ["30/06/2025", "2025-06-30", "ce"],
    ["30/6/2568", "2025-06-30", "be"],
    ["30.06.2568", "2025-06-30", "be"],
    ["๓๐/๐๖/๒๕๖๘", "2025-06-30", "be"],
    ["30 มิถุนายน 2568", "2025-06-30", "be"],
    ["30 มิ.ย. 2568", "2025-06-30", "be"],
    ["30 มิย 2568", "2025-06-30", "be"],
    ["31 ต.ค. พ.ศ. 2568", "2025-10-31", "be"],
    ["1 มกราคม ค.ศ. 2025", "2025-01-01", "ce"],
    ["30 June 2025", "2025-06-30", "ce"],
    ["30 jun 2025", "2025-06-30", "ce"],
    ["June 30, 2025", "2025-06-30", "ce"],
    ["3 Sept 2025", "2025-09-03", "ce"],
    ["29/02/2567", "2024-02-29", "be"],
  ])("%s is %s (%s)", (text, value, era) => {
    expect(readDate(text, { today: TODAY })).toEqual({ value, era });
  });

  it.each([
    ["soon", "NOT_A_DATE"],
    ["30 Juneteenth 2025", "NOT_A_DATE"],
    ["31/02/2025", "NO_SUCH_DATE"],
    ["06/30/2025", "NO_SUCH_DATE"],
    ["29/02/2568", "NO_SUCH_DATE"],
    ["2025-13-01", "NO_SUCH_DATE"],
    ["30/06/68", "DATE_YEAR_UNCLEAR"],
    ["30/06/2250", "DATE_YEAR_UNCLEAR"],
    ["2027-01-01", "DATE_IN_FUTURE"],
    ["1/1/2570", "DATE_IN_FUTURE"],
  ])("%s is refused: %s", (text, code) => {
    const r = readDate(text, { today: TODAY });
    expect("error" in r && r.error.code).toBe(code);
  });

  it("takes a future date when no past date is asked", () => {
    expect(readDate("2027-01-01")).toEqual({ value: "2027-01-01", era: "ce" });
  });

  it("says the date back in both calendars in Thai", () => {
    expect(describeDate("2025-06-30", "th")).toBe("30 มิถุนายน 2568 (2025-06-30)");
    expect(describeDate("2025-06-30", "en")).toBe("30 June 2025 (2025-06-30)");
  });
});

describe("readNumber", () => {
  it.each([
    ["42", 42],
    ["1,234", 1234],
    ["12,345,678", 12345678],
    ["๑๒", 12],
    ["๑,๒๓๔", 1234],
    ["-3.5", -3.5],
    ["0.25", 0.25],
  ])("%s is %d", (text, value) => {
    expect(readNumber(text)).toEqual({ value });
  });

  it.each([
    ["1,2", "NUMBER_UNCLEAR"],
    ["12,34", "NUMBER_UNCLEAR"],
    ["1234,567", "NUMBER_UNCLEAR"],
    ["0x10", "NUMBER_UNCLEAR"],
    ["1e1", "NUMBER_UNCLEAR"],
    ["1.2.3", "NUMBER_UNCLEAR"],
    ["4x", "NOT_A_NUMBER"],
    ["many", "NOT_A_NUMBER"],
    ["Infinity", "NOT_A_NUMBER"],
  ])("%s is refused: %s", (text, code) => {
    const r = readNumber(text);
    expect("error" in r && r.error.code).toBe(code);
  });
});

describe("typed answers", () => {
  const count: Question = { id: "n", type: "number", label: { en: "N", th: "น" }, help: { en: "", th: "" }, min: 0 };
  const when: Question = { id: "d", type: "date", label: { en: "D", th: "ว" }, help: { en: "", th: "" } };
  const later: Question = { ...when, max: "2030-12-31" };
  it.each([
    [count, "dk", { value: "dont_know" }],
    [count, "ไม่ทราบ", { value: "dont_know" }],
    [count, "กา", { value: "dont_know" }], // d k on the Thai keyboard
    [count, "ืฟ", { value: "not_applicable" }], // n a on the Thai keyboard
    [count, "๑,๒๐๐", { value: 1200 }],
    [when, "30/06/2568", { value: "2025-06-30", era: "be" }],
    [later, "2027-01-01", { value: "2027-01-01", era: "ce" }],
  ])("%#: %s", (q, typed, expected) => {
    expect(parseTyped(q, typed, { specials: true, today: TODAY })).toEqual(expected);
  });
  it("refuses a future date where a past one is asked", () => {
    const r = parseTyped(when, "2027-01-01", { specials: true, today: TODAY });
    expect(r && "error" in r && r.error.code).toBe("DATE_IN_FUTURE");
  });
});

describe("yes or no", () => {
  it.each([
    ["y", true],
    ["Yes", true],
    ["ั", true], // the y key on the Thai keyboard
    ["ใช่", true],
    ["n", false],
    ["ื", false], // the n key on the Thai keyboard
    ["ไม่ใช่", false],
    ["", false],
    ["maybe", undefined],
  ])("%s is %s", (typed, expected) => {
    expect(yesOrNo(typed, false)).toBe(expected);
  });
});
