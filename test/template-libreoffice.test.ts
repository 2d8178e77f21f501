// The template as a respondent sees it: opened and printed by LibreOffice (headless), and a
// filled template re-saved by LibreOffice and scored. UPDATE_DOCS_IMAGES=1 also renders one
// English and one Thai page into docs/ for the README.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerSet } from "../src/core/answers.js";
import type { Module } from "../src/core/model.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import type { InstitutionResult } from "../src/core/results.js";
import { readAnswerFile } from "../src/io/answers.js";
import { readWorkbookAnswers } from "../src/io/ingest-workbook.js";
import { requireModules } from "../src/io/modules.js";
import { scoreRead } from "../src/io/pipeline.js";
import { buildTemplate } from "../src/io/template.js";
import { writeWorkbook } from "../src/io/xlsx.js";
import { fillWorkbook } from "./helpers/fill-workbook.js";

const SOFFICE = process.env.SOFFICE_PATH ?? "/usr/bin/soffice";
// .ci/run installs Debian's libreoffice-calc and poppler-utils and sets ASSESS_REQUIRE_LIBREOFFICE, so CI never skips this.
const available = existsSync(SOFFICE) && existsSync("/usr/bin/pdftotext");
if (!available && process.env.ASSESS_REQUIRE_LIBREOFFICE) throw new Error(`LibreOffice (${SOFFICE}) and poppler-utils are required but not found`);

let dir: string;
let modules: Module[];
let set: AnswerSet;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "assess-lo-"));
  modules = await requireModules();
  set = (await readAnswerFile("examples/answers/moe-student-records-fictional.yaml")).set!;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Converts with a profile of its own (so that a running LibreOffice is not disturbed); returns the output path. */
function convert(file: string, to: "pdf" | "xlsx", outDir: string): string {
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", to, "--outdir", outDir, file], { stdio: "ignore", timeout: 180_000 });
  return join(outDir, file.replace(/^.*\//, "").replace(/\.xlsx$/, `.${to}`));
}

interface Page {
  width: number;
  words: { xMin: number; xMax: number; text: string }[];
}

function pages(pdf: string): Page[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  return [...html.matchAll(/<page width="([\d.]+)" height="[\d.]+">(.*?)<\/page>/gs)].map((m) => ({
    width: Number(m[1]),
    words: [...m[2]!.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((w) => ({ xMin: Number(w[1]), xMax: Number(w[2]), text: w[3]! })),
  }));
}

describe.skipIf(!available)("the template in LibreOffice", () => {
  for (const lang of ["en", "th"] as const) {
    it(`prints in ${lang} on A4, every sheet fitted to the page width`, async () => {
      const file = join(dir, `template-${lang}.xlsx`);
      writeFileSync(file, await writeWorkbook(buildTemplate(buildQuestionnaire(modules, ["general", "education"]), lang, new Date("2026-01-01T00:00:00Z")).spec));
      const pdf = convert(file, "pdf", dir);
      const all = pages(pdf);
      // Instructions 2, Institution 1, Datasets and two module sheets: tens of pages, not the hundreds of cut columns.
      expect(all.length).toBeGreaterThan(8);
      expect(all.length).toBeLessThan(60);
      for (const [i, p] of all.entries()) {
        // A4 portrait or landscape, and nothing printed past the right margin.
        expect([595, 842]).toContain(Math.round(p.width));
        expect(Math.max(...p.words.map((w) => w.xMax)), `page ${i + 1}`).toBeLessThanOrEqual(p.width);
      }
      // Fitted to the width: every page but the Instructions shows column A's grey ids; a page of
      // columns cut off to the right would have none.
      const withoutIds = all.filter((p) => !p.words.some((w) => /^[a-z]+_[a-z0-9_:#]+$/.test(w.text)));
      expect(withoutIds.length).toBeLessThanOrEqual(2);
      if (process.env.UPDATE_DOCS_IMAGES) {
        // The first page of the general questionnaire's sheet: its first question's id is on it.
        const page = all.findIndex((p) => p.words.some((w) => w.text.startsWith("legal_mand"))) + 1;
        expect(page).toBeGreaterThan(0);
        execFileSync("pdftoppm", ["-png", "-r", "70", "-f", String(page), "-l", String(page), "-singlefile", pdf, join(dir, `page-${lang}`)]);
        copyFileSync(join(dir, `page-${lang}.png`), `docs/template-${lang}.png`);
      }
    }, 240_000);
  }

  it("a filled template re-saved by LibreOffice scores as the answer file it was filled from", async () => {
    const template = await writeWorkbook(buildTemplate(buildQuestionnaire(modules, ["general", "education"]), "both", new Date("2026-01-01T00:00:00Z")).spec);
    const filled = join(dir, "filled.xlsx");
    writeFileSync(filled, await fillWorkbook(template, set, modules, { labels: "mixed" }));
    const resaved = convert(filled, "xlsx", join(dir, "resaved"));
    expect(readFileSync(resaved).length).toBeGreaterThan(0);
    const read = await readWorkbookAnswers(resaved, modules);
    expect(read.problems).toEqual([]);
    const result = scoreRead(read, modules) as InstitutionResult;
    const expected = scoreRead({ source: "a", set, problems: [] }, modules) as InstitutionResult;
    expect(result.scorecard.dimensions).toEqual(expected.scorecard.dimensions);
    expect(result.answers.datasets.map((d) => d.name)).toEqual(set.datasets.map((d) => d.name));
  }, 240_000);
});
