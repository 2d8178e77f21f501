// The template as a spreadsheet program reads it: its sheet XML, not exceljs's reading of it.
import { beforeAll, describe, expect, it } from "vitest";
import type { Module } from "../src/core/model.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import { requireModules } from "../src/io/modules.js";
import { buildTemplate } from "../src/io/template.js";
import { writeWorkbook } from "../src/io/xlsx.js";
import { sheetXml, xlsxParts } from "./helpers/xlsx-parts.js";

let modules: Module[];
const books = new Map<string, Map<string, string>>();
const styles = new Map<string, string>();
beforeAll(async () => {
  modules = await requireModules();
  for (const lang of ["en", "th", "both"] as const) {
    const q = buildQuestionnaire(modules, modules.map((m) => m.id));
    const buf = await writeWorkbook(buildTemplate(q, lang, new Date("2026-01-01T00:00:00Z")).spec);
    books.set(lang, sheetXml(buf));
    styles.set(lang, xlsxParts(buf).get("xl/styles.xml")!);
  }
}, 60_000);

/** A1:B3 → [top, left, bottom, right]. */
function box(ref: string): [number, number, number, number] {
  const cell = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return [Number(m[2]), [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)] as const;
  };
  const [a, b = a] = ref.split(":") as [string, string?];
  const [t, l] = cell(a);
  const [bt, r] = cell(b);
  return [t, l, bt, r];
}

describe("data validations", () => {
  it("no two ranges overlap, on any sheet, in any language", () => {
    for (const [lang, sheets] of books) {
      for (const [name, xml] of sheets) {
        const refs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].flatMap((m) => m[1]!.split(" "));
        const boxes = refs.map(box);
        const overlaps: string[] = [];
        boxes.forEach((a, i) => boxes.forEach((b, j) => {
          if (j > i && a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]) overlaps.push(`${refs[i]} ${refs[j]}`);
        }));
        expect(overlaps, `${lang} ${name}`).toEqual([]);
      }
      // Validations are there at all: the answer cells of the Datasets sheet have theirs.
      expect(sheets.get(lang === "th" ? "ชุดข้อมูล" : "Datasets")).toMatch(/<dataValidation [^>]*sqref="D\d+:R\d+"/);
    }
  });
});

describe("fonts", () => {
  it("are named on every cell: TH Sarabun New (Thai charset) wherever Thai is written, Arial for English alone", () => {
    const names = (lang: string) => new Set([...styles.get(lang)!.matchAll(/<font>(.*?)<\/font>/gs)].slice(1).map((m) => /<name val="([^"]+)"/.exec(m[1]!)?.[1]));
    expect(names("th")).toEqual(new Set(["TH Sarabun New"]));
    expect(names("both")).toEqual(new Set(["TH Sarabun New"]));
    expect(names("en")).toEqual(new Set(["Arial"]));
    expect(styles.get("th")).toMatch(/<charset val="222"\/>/);
  });
});

describe("printing and filtering", () => {
  it("every visible sheet prints on A4, fitted to the page width", () => {
    for (const [lang, sheets] of books) {
      for (const [name, xml] of sheets) {
        if (name === "Lists" || name === "assess_meta") continue;
        expect(xml, `${lang} ${name}`).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
        expect(xml, `${lang} ${name}`).toMatch(/<pageSetup paperSize="9"[^>]* fitToWidth="1" fitToHeight="0"/);
      }
    }
  });

  it("module sheets have a filter over their rows", () => {
    const sheets = books.get("en")!;
    const general = sheets.get("General questionnaire")!;
    const last = Math.max(...[...general.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
    expect(general).toContain(`<autoFilter ref="A1:G${last}"/>`);
    for (const name of ["Education of migrant children", "Child protection"]) expect(sheets.get(name)).toMatch(/<autoFilter ref="A1:G\d+"\/>/);
  });
});
