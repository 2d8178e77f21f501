// What respondents paste and type, read as what they meant: one line a case.
import { describe, expect, it } from "vitest";
import type { Question } from "../src/core/model.js";
import { parseSheetValue } from "../src/core/parse-answer.js";
import type { SheetValue } from "../src/core/parse-answer.js";

const t = (en: string, th: string) => ({ en, th });
const yesNo: Question = { id: "q", type: "yes_no", label: t("Q", "คำถาม"), help: t("", "") };
const practices: Question = {
  id: "p",
  type: "multiple_choice",
  label: t("P", "ป"),
  help: t("", ""),
  options: [
    { value: "sex", label: t("Sex", "เพศ") },
    { value: "age", label: t("Age in single years", "อายุเป็นปี") },
  ],
};
const count: Question = { id: "n", type: "number", label: t("N", "น"), help: t("", "") };
const when: Question = { id: "d", type: "date", label: t("D", "ว"), help: t("", "") };
const note: Question = { id: "x", type: "text", label: t("X", "ข"), help: t("", "") };

const text = (s: string): SheetValue => ({ kind: "text", text: s });

describe("pasted text", () => {
  const cases: [string, Question, SheetValue, unknown][] = [
    ["a zero-width space after ใช่", yesNo, text("ใช่\u200B"), { value: "yes" }],
    ["a zero-width joiner and a no-break space", yesNo, text("\u00A0Yes\u200D"), { value: "yes" }],
    ["curly quotes in Don't know", yesNo, text("Don\u2019t know"), { value: "dont_know" }],
    ["a byte-order mark before a choice", practices, text("\uFEFFSex; Age in single years"), { value: ["sex", "age"] }],
    ["Thai digits in a number", count, text("๑,๒๐๐"), { value: 1200 }],
    ["Thai digits and month, Buddhist era", when, text("๑๒ พฤศจิกายน ๒๕๖๙"), { value: "2026-11-12", era: "be" }],
    ["an abbreviated Thai month", when, text("31 ต.ค. 2569"), { value: "2026-10-31", era: "be" }],
    ["an abbreviated Thai month without dots", when, text("1 มค 2570"), { value: "2027-01-01", era: "be" }],
    ["a Thai date that does not exist", when, text("31 ก.พ. 2569"), { error: { code: "NO_SUCH_DATE", args: { text: "31 ก.พ. 2569" } } }],
    ["a date with a time of day keeps its day", when, { kind: "number", value: 46336.6458, text: "46336.6458" }, { value: "2026-11-10" }],
    ["free text is kept as written", note, text("a\u200Bb"), { value: "a\u200Bb" }],
    ["a serial past 9999-12-31 is no date", when, { kind: "number", value: 1e12, text: "1000000000000" }, { error: { code: "NOT_A_DATE", args: { text: "1000000000000" } } }],
    ["a reader's date that is no calendar date", when, { kind: "date", value: "+010000-01", text: "+010000-01" }, { error: { code: "NOT_A_DATE", args: { text: "+010000-01" } } }],
  ];
  it.each(cases)("%s", (_n, q, cell, expected) => {
    expect(parseSheetValue(q, cell, "both")).toEqual(expected);
  });
});

describe("several options in one cell", () => {
  it("separated by commas: say to use ; or the Yes rows", () => {
    expect(parseSheetValue(practices, text("Sex, Age in single years"), "en")).toEqual({
      error: { code: "COMMA_SEPARATED", args: { value: "Sex, Age in single years", options: ["Sex", "Age in single years", "Don't know", "Not applicable"] } },
    });
  });
  it("labels with commas of their own, separated by commas: still say to use ;", () => {
    const formats: Question = { ...practices, options: [{ value: "csv", label: t("Machine-readable (CSV, XLSX or JSON)", "ก") }, { value: "open", label: t("Open licence", "ข") }] };
    expect(parseSheetValue(formats, text("Machine-readable (CSV, XLSX or JSON), Open licence"), "en")).toMatchObject({ error: { code: "COMMA_SEPARATED" } });
    expect(parseSheetValue(formats, text("Machine-readable (CSV, XLSX or JSON)"), "en")).toEqual({ value: ["csv"] });
  });
  it("something else: not an option", () => {
    expect(parseSheetValue(practices, text("Sex, shoe size"), "en")).toMatchObject({ error: { code: "NOT_AN_OPTION" } });
  });
});
