// Row heights from measured text width (src/core/text-width.ts), checked on the longest Thai texts.
import { beforeAll, describe, expect, it } from "vitest";
import type { Module } from "../src/core/model.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import { TEMPLATE_FONTS, columnPoints, textWidth, wrappedLines } from "../src/core/text-width.js";
import { requireModules } from "../src/io/modules.js";
import { buildTemplate } from "../src/io/template.js";
import { writeWorkbook } from "../src/io/xlsx.js";
import { sheetXml, xlsxParts } from "./helpers/xlsx-parts.js";

const TH = TEMPLATE_FONTS.th;

describe("measuring text", () => {
  it("Thai vowel and tone marks above and below take no width; the consonant does", () => {
    expect(textWidth("กี่", TH)).toBe(textWidth("ก", TH));
    expect(textWidth("กก", TH)).toBe(2 * textWidth("ก", TH));
    expect(textWidth("ข้อมูล", TH)).toBe(textWidth("ขอมล", TH));
  });

  it("wraps Thai at word breaks though it has no spaces, and counts each paragraph", () => {
    const sentence = "หน่วยงานของท่านมีขั้นตอนการจัดการเมื่อเกิดการละเมิดข้อมูลส่วนบุคคลหรือไม่";
    expect(wrappedLines(sentence, 200, TH)).toBe(1);
    expect(wrappedLines(sentence, 20, TH)).toBeGreaterThanOrEqual(Math.ceil(textWidth(sentence, TH) / columnPoints(20)));
    expect(wrappedLines(`${sentence}\n${sentence}`, 200, TH)).toBe(2);
  });
});

describe("the Thai template's rows are tall enough for their text", () => {
  let modules: Module[];
  /** Each question id's row height, from the sheets' XML. */
  const heights = new Map<string, number>();
  beforeAll(async () => {
    modules = await requireModules();
    const buf = await writeWorkbook(buildTemplate(buildQuestionnaire(modules, modules.map((m) => m.id)), "th", new Date(0)).spec);
    const strings = [...xlsxParts(buf).get("xl/sharedStrings.xml")!.matchAll(/<si>(.*?)<\/si>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));
    for (const sheet of sheetXml(buf).values()) {
      for (const row of sheet.matchAll(/<row r="(\d+)"[^>]*? ht="([\d.]+)"[^>]*>(.*?)<\/row>/gs)) {
        const a = new RegExp(`<c r="A${row[1]}"[^>]*t="s"[^>]*><v>(\\d+)</v>`).exec(row[3]!);
        if (a) heights.set(strings[Number(a[1])]!, Number(row[2]));
      }
    }
  });

  it("the ten longest Thai explanations: at least as many lines as their width needs, at TH Sarabun New's line height", () => {
    const questions = modules.flatMap((m) => m.sections.filter((s) => s.scope !== "dataset").flatMap((s) => s.questions));
    const longest = questions.sort((a, b) => b.help.th.length - a.help.th.length).slice(0, 10);
    for (const q of longest) {
      // Column D, 60 characters wide; the lines its width alone needs, whatever the breaks.
      const needed = Math.ceil(textWidth(q.help.th, TH) / columnPoints(60));
      expect(heights.get(q.id), q.id).toBeGreaterThanOrEqual(needed * 1.75 * TH.size);
    }
  });

  it("the ten longest Thai questions, in bold", () => {
    const questions = modules.flatMap((m) => m.sections.filter((s) => s.scope !== "dataset").flatMap((s) => s.questions));
    for (const q of questions.sort((a, b) => b.label.th.length - a.label.th.length).slice(0, 10)) {
      const needed = Math.ceil(textWidth(q.label.th, TH, true) / columnPoints(50));
      expect(heights.get(q.id), q.id).toBeGreaterThanOrEqual(needed * 1.75 * TH.size);
    }
  });
});
