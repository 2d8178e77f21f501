// Pop-up help, titles and dropdown labels as a respondent sees them in a narrow column.
import { beforeAll, describe, expect, it } from "vitest";
import type { Module, Question } from "../src/core/model.js";
import { optionsOf } from "../src/core/model.js";
import { choiceLabels, parseSheetValue } from "../src/core/parse-answer.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import { shortenOnWord } from "../src/core/template-layout.js";
import type { Validation, WorkbookSpec } from "../src/core/workbook.js";
import { requireModules } from "../src/io/modules.js";
import { buildTemplate } from "../src/io/template.js";

let modules: Module[];
const specs = new Map<string, WorkbookSpec>();
beforeAll(async () => {
  modules = await requireModules();
  for (const lang of ["en", "th", "both"] as const) specs.set(lang, buildTemplate(buildQuestionnaire(modules, modules.map((m) => m.id)), lang, new Date(0)).spec);
});

function validations(spec: WorkbookSpec): Validation[] {
  return spec.sheets.flatMap((s) => s.rows.flatMap((r) => r.flatMap((c) => (c?.validation ? [c.validation] : []))));
}

const questions = () => modules.flatMap((m) => m.sections.flatMap((s) => s.questions));

describe("pop-up help", () => {
  it("fits Excel's limits in every language: titles of 32 characters, texts of 255", () => {
    for (const [lang, spec] of specs) {
      for (const v of validations(spec)) {
        for (const m of [v.prompt, v.error]) {
          if (!m) continue;
          expect(m.title.length, `${lang} ${m.title}`).toBeLessThanOrEqual(32);
          expect(m.text.length, `${lang} ${m.text}`).toBeLessThanOrEqual(255);
        }
      }
    }
  });

  it("a cut explanation ends on a whole word, then points to the column that has it in full", () => {
    const prompts = validations(specs.get("en")!).flatMap((v) => (v.prompt ? [v.prompt.text] : []));
    const cut = prompts.filter((p) => p.includes("…"));
    expect(cut.length).toBeGreaterThan(20);
    const helps = questions().map((q) => q.help.en);
    for (const p of cut) {
      expect(p).toMatch(/… \(In full: column [CD]\.\)$/);
      const kept = p.slice(0, p.indexOf("…"));
      const source = helps.find((h) => h.startsWith(kept))!;
      expect(source, p).toBeDefined();
      // The next character of the explanation is a space or punctuation: no word was cut.
      expect(source.slice(kept.length)).toMatch(/^[\s,;:.(\-–]/);
    }
    expect(prompts.some((p) => /…answer Not app/.test(p))).toBe(false);
  });

  it("titles are cut on a word as well", () => {
    expect(shortenOnWord("Which population groups does this dataset cover?", 32)).toBe("Which population groups does…");
    expect(shortenOnWord("ชุดข้อมูลนี้ครอบคลุมกลุ่มประชากรใดบ้าง และเด็กข้ามชาติ", 20)).toMatch(/^ชุดข้อมูลนี้.*…$/);
  });
});

describe("dropdown labels", () => {
  it("no two options of a list agree in their first 30 characters, in English or Thai", () => {
    for (const lang of ["en", "th"] as const) {
      for (const q of questions()) {
        if (q.type !== "single_choice") continue;
        const heads = choiceLabels(q, lang).map((l) => l.slice(0, 30));
        expect(new Set(heads).size, `${lang} ${q.id}: ${heads.join(" | ")}`).toBe(heads.length);
      }
    }
  });

  it("the labels this template writes and those earlier templates wrote are both read, in both languages", () => {
    const q = questions().find((x) => x.id === "firewall_immigration_enforcement") as Question;
    for (const [i, o] of optionsOf(q).entries()) {
      for (const lang of ["en", "th", "both"] as const) {
        const now = choiceLabels(q, lang)[i]!;
        expect(now).toMatch(/^[0-9A-Z] – /);
        expect(parseSheetValue(q, { kind: "text", text: now }, lang)).toEqual({ value: o.value });
        const before = lang === "both" ? `${o.label!.en} / ${o.label!.th}` : o.label![lang];
        expect(parseSheetValue(q, { kind: "text", text: before }, lang)).toEqual({ value: o.value });
      }
    }
  });
});

describe("sheet tabs", () => {
  it("are Thai in a Thai template: module titles cut on a word to 31 characters, unique", () => {
    const names = specs.get("th")!.sheets.filter((s) => s.state !== "veryHidden").map((s) => s.name);
    expect(names.slice(0, 3)).toEqual(["คำชี้แจง", "หน่วยงาน", "ชุดข้อมูล"]);
    expect(new Set(names).size).toBe(names.length);
    for (const [i, m] of modules.entries()) {
      const name = names[3 + i]!;
      expect(name, m.id).toMatch(/[\u0E00-\u0E7F]/);
      expect(name.length).toBeLessThanOrEqual(31);
      expect(m.title.th.startsWith(name), `${name} / ${m.title.th}`).toBe(true);
      // Cut on a word: what follows in the title starts a new word (ICU's Thai dictionary).
      const rest = m.title.th.slice(name.length);
      if (rest) expect([...new Intl.Segmenter("th", { granularity: "word" }).segment(m.title.th)].some((s) => s.index === name.length || (s.index > name.length && /^\s/.test(m.title.th.slice(name.length))))).toBe(true);
    }
  });

  it("are English in the English and bilingual templates, cut on a word, never mid-phrase", () => {
    for (const lang of ["en", "both"] as const) {
      const names = specs.get(lang)!.sheets.map((s) => s.name);
      expect(names.slice(0, 3)).toEqual(["Instructions", "Institution", "Datasets"]);
      expect(names).not.toContain("Labour migration and child");
      expect(names).toContain("Labour migration & child labour");
      expect(names).toContain("Birth registration");
      expect(names).toContain("Immigration detention");
      for (const n of names) expect(n).not.toMatch(/(&| and)$/);
    }
  });
});

describe("when to answer", () => {
  it("refers to the earlier question by its number and short title, and to options by their marker", () => {
    const rows = specs.get("en")!.sheets.find((s) => s.name === "General questionnaire")!.rows;
    const conditions = rows.map((r) => r[6]?.value).filter((v): v is string => typeof v === "string" && v.startsWith("Answer only if"));
    expect(conditions.length).toBeGreaterThan(2);
    for (const c of conditions) expect(c.length, c).toBeLessThanOrEqual(200);
    const row = rows.find((r) => r[0]?.value === "sharing_agreements")!;
    const shares = rows.find((r) => r[0]?.value === "shares_data")!;
    const number = /^(\d+)\. /.exec(String(shares[2]!.value))![1];
    expect(row[6]!.value).toBe(`Answer only if: ${number} "Does your institution share data…" is Yes`);
  });
});
