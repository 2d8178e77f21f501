// Prompt text wrapped for a terminal: Thai breaks between words, never before a vowel or tone mark.
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { KEYS, T, keyHints } from "../src/commands/interview-text.js";
import { hintLines } from "../src/io/prompts.js";
import { requireModules } from "../src/io/modules.js";
import { displayWidth, wrapText } from "../src/core/wrap.js";

/** Every string of a module in `lang`: titles, descriptions, labels, help, options and recommendations. */
function strings(v: unknown, lang: "en" | "th", out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) strings(x, lang, out);
  else if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.en === "string" && typeof o.th === "string") out.push(o[lang] as string);
    else for (const x of Object.values(o)) strings(x, lang, out);
  }
  return out;
}

const WIDTH = 79; // an 80-column terminal, one cell spare

async function prompts(lang: "en" | "th"): Promise<string[]> {
  return [...strings(await requireModules(), lang), ...Object.values(T).map((t) => t[lang])];
}

describe("wrapText", () => {
  it("measures width by grapheme: marks take no cell, East Asian wide takes two", () => {
    expect(displayWidth("ผู้ย้ายถิ่น")).toBe(6);
    expect(displayWidth("ไม่ทราบ")).toBe(6);
    expect(displayWidth("漢字")).toBe(4);
    expect(displayWidth("a\u200Bb")).toBe(2);
  });

  it("breaks Thai between words at every width, English between words", () => {
    const text = "ข้อมูลเด็กข้ามชาติและผู้ย้ายถิ่นที่ไม่ทราบสถานะ";
    for (let width = 4; width <= 30; width++) {
      const lines = wrapText(text, width).split("\n");
      for (const line of lines) expect(line).not.toMatch(/^\p{M}/u);
      expect(lines.join("")).toBe(text);
    }
    expect(wrapText(text, 12)).toBe("ข้อมูลเด็กข้าม\nชาติและผู้ย้ายถิ่น\nที่ไม่ทราบสถานะ");
    expect(wrapText("cut a student here", 12)).toBe("cut a\nstudent here");
  });

  it("at 80 columns, no line of any Thai prompt starts with a mark or is too wide, and no text is lost", async () => {
    const all = await prompts("th");
    expect(all.length).toBeGreaterThan(1000);
    let wrapped = 0;
    for (const s of all) {
      const lines = wrapText(s, WIDTH, { first: 2 }).split("\n");
      if (lines.length > s.split("\n").length) wrapped++;
      lines.forEach((line, i) => {
        expect(line, s).not.toMatch(/^\p{M}/u);
        expect(displayWidth(line) + (i === 0 ? 2 : 0), line).toBeLessThanOrEqual(WIDTH);
      });
      expect(lines.join("").replace(/\s/g, ""), s).toBe(s.replace(/\s/g, ""));
    }
    expect(wrapped).toBeGreaterThan(50);
  });

  it("at 80 columns, English words are never split", async () => {
    for (const s of await prompts("en")) {
      const words = new Set(s.split(/\s+/).filter((w) => w.length > 0 && w.length < WIDTH - 2));
      const lines = wrapText(s, WIDTH, { first: 2 }).split("\n");
      for (const line of lines) for (const w of line.split(/\s+/).filter(Boolean)) expect(words.has(w) || w.length >= WIDTH - 2, `${w} in ${s}`).toBe(true);
    }
  });
});

describe("key hints", () => {
  it.each(["en", "th"] as const)("in %s, break between hints to fit the width, never inside one, and lose none", (lang) => {
    const keys = keyHints(lang, KEYS.select, KEYS.nav);
    for (const width of [30, 50, 79]) {
      const lines = stripVTControlCharacters(hintLines(keys, width)).split("\n");
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
      expect(lines.join(" · ")).toBe(keys.map((k) => k.join(" ")).join(" · "));
    }
    // one line when it fits
    expect(stripVTControlCharacters(hintLines(keys, 500)).split("\n")).toHaveLength(1);
  });
});
