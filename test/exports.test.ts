// Round trip through KoboToolbox and ODK Central export shapes: answers → export-shaped
// files → assess score → the same scores as the answer files.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scoreRead } from "../src/io/pipeline.js";
import type { AnswerSet } from "../src/core/answers.js";
import type { Module } from "../src/core/model.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import type { Questionnaire } from "../src/core/questionnaire.js";
import type { InstitutionResult } from "../src/core/results.js";
import { readAnswerFile } from "../src/io/answers.js";
import { expandInputs, readInput } from "../src/io/inputs.js";
import { requireModules } from "../src/io/modules.js";
import { csv, exportTables, koboXlsx } from "./helpers/exports.js";

const FIXTURES = "test/fixtures/xlsform-exports";
let modules: Module[];
let q: Questionnaire;
let sets: AnswerSet[];

beforeAll(async () => {
  modules = await requireModules();
  q = buildQuestionnaire(modules);
  sets = [];
  for (const f of readdirSync("examples/answers").filter((x) => x.endsWith(".yaml")).sort()) sets.push((await readAnswerFile(`examples/answers/${f}`)).set!);
  // GENERATE_FIXTURES=exports rewrites the committed export-shaped fixtures.
  if ((process.env.GENERATE_FIXTURES ?? "").includes("exports")) await write(FIXTURES);
});

async function write(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "kobo-xml-values.xlsx"), await koboXlsx(exportTables(q, sets, { sep: "/", split: true }, "kobo")));
  writeFileSync(join(dir, "kobo-labels-th.xlsx"), await koboXlsx(exportTables(q, sets.slice(0, 3), { sep: "/", labels: "th", split: true }, "kobo")));
  writeFileSync(join(dir, "kobo-labels-en.xlsx"), await koboXlsx(exportTables(q, sets.slice(3, 5), { sep: "/", labels: "en", split: false }, "kobo")));
  const kobo = exportTables(q, sets, { sep: "/", split: true }, "kobo");
  writeFileSync(join(dir, "kobo-main-only.csv"), csv(kobo.main.headers, kobo.main.rows, ";"));
  const odk = exportTables(q, sets, { sep: "-", split: false }, "odk");
  writeFileSync(join(dir, "assess_children_on_the_move.csv"), csv(odk.main.headers, odk.main.rows, ","));
  writeFileSync(join(dir, "assess_children_on_the_move-datasets.csv"), csv(odk.repeat.headers, odk.repeat.rows, ","));
}

/** What an export holds: everything the answer file does, datasets unless its format drops them. */
function formView(set: AnswerSet, withDatasets = true): AnswerSet {
  return withDatasets ? set : { ...set, datasets: [] };
}

function scores(r: InstitutionResult) {
  return { dimensions: r.scorecard.dimensions, byModule: r.scorecard.byModule, gaps: r.scorecard.gaps.map(({ datasets: _d, criticalDatasets: _c, ...g }) => g) };
}

async function scoredFrom(file: string) {
  return (await readInput(file, modules)).map((i) => scoreRead(i, modules) as InstitutionResult);
}

function expected(set: AnswerSet, withDatasets = true) {
  return scores(scoreRead({ source: "x", set: formView(set, withDatasets), problems: [] }, modules) as InstitutionResult);
}

describe("KoboToolbox and ODK Central exports score as the answer files", () => {
  const dir = mkdtempSync(join(tmpdir(), "assess-exports-"));
  beforeAll(async () => write(dir));

  it("Kobo XLSX, XML values and headers, groups, split select_multiple, repeat sheet", async () => {
    const got = await scoredFrom(join(dir, "kobo-xml-values.xlsx"));
    expect(got).toHaveLength(8);
    got.forEach((r, i) => {
      expect(r.problems, r.source).toEqual([]);
      expect(scores(r)).toEqual(expected(sets[i]!));
      expect(r.answers.datasets.map((d) => d.name)).toEqual(sets[i]!.datasets.map((d) => d.name));
    });
    expect(got[0]!.source).toMatch(/kobo-xml-values\.xlsx › Assessment of data on migrant row 2$/);
  });

  it("Kobo XLSX with Thai labels in headers and values", async () => {
    const got = await scoredFrom(join(dir, "kobo-labels-th.xlsx"));
    expect(got).toHaveLength(3);
    got.forEach((r, i) => {
      expect(r.problems).toEqual([]);
      expect(scores(r)).toEqual(expected(sets[i]!));
      // The repeat's name column is headed by its label: the names must still come through.
      expect(r.answers.datasets.map((d) => d.name)).toEqual(sets[i]!.datasets.map((d) => d.name));
    });
  });

  it("Kobo XLSX with English labels and select_multiple in one column only", async () => {
    const got = await scoredFrom(join(dir, "kobo-labels-en.xlsx"));
    got.forEach((r, i) => {
      expect(r.problems).toEqual([]);
      expect(scores(r)).toEqual(expected(sets[3 + i]!));
      expect(r.answers.datasets.map((d) => d.name)).toEqual(sets[3 + i]!.datasets.map((d) => d.name));
    });
  });

  it("Kobo CSV (main table only, ;-separated)", async () => {
    const got = await scoredFrom(join(dir, "kobo-main-only.csv"));
    got.forEach((r, i) => {
      // Kobo's CSV carries no repeat: every dataset question is missing, and that is said, per submission, as an error.
      expect(r.problems.map((p) => [p.code, p.severity, p.place])).toEqual([["EXPORT_WITHOUT_DATASETS", "error", `line ${i + 2}`]]);
      expect(scores(r)).toEqual(expected(sets[i]!, false));
    });
  });

  it.each([".", ":", "-"])("Kobo XLSX with groups joined by %j, as Kobo offers at download", async (sep) => {
    const t = exportTables(q, sets.slice(0, 2), { sep: "/", split: true }, "kobo");
    const rejoin = (h: string) => (h.startsWith("_") ? h : h.replaceAll("/", sep));
    const file = join(dir, `kobo-sep-${sep === "." ? "dot" : sep === ":" ? "colon" : "dash"}.xlsx`);
    writeFileSync(file, await koboXlsx({ main: { ...t.main, headers: t.main.headers.map(rejoin) }, repeat: { ...t.repeat, headers: t.repeat.headers.map(rejoin) } }));
    const got = await scoredFrom(file);
    expect(got).toHaveLength(2);
    got.forEach((r, i) => {
      expect(r.problems).toEqual([]);
      expect(scores(r)).toEqual(expected(sets[i]!));
    });
  });

  it("ODK Central CSV with the repeat CSV beside it, joined by PARENT_KEY", async () => {
    const got = await scoredFrom(join(dir, "assess_children_on_the_move.csv"));
    expect(got).toHaveLength(8);
    got.forEach((r, i) => {
      expect(r.problems).toEqual([]);
      expect(scores(r)).toEqual(expected(sets[i]!));
    });
    // the repeat file is read with its main file: a folder gives the main file only
    expect((await expandInputs([dir])).files.filter((f) => f.includes("assess_children_on_the_move"))).toEqual([join(dir, "assess_children_on_the_move.csv")]);
  });

  it("reports a bad value by file, row and column, and scores the rest", async () => {
    const bad = exportTables(q, sets.slice(0, 2), { sep: "-", split: false }, "odk");
    const col = bad.main.headers.indexOf("general-collection_practice-collects_migrant_children");
    bad.main.rows[1]![col] = "perhaps";
    const file = join(dir, "broken.csv");
    writeFileSync(file, csv(bad.main.headers, bad.main.rows, ","));
    const got = await scoredFrom(file);
    // No repeat CSV beside this root-only file: its datasets are missing, and that is said.
    expect(got[0]!.problems.map((p) => p.code)).toEqual(["EXPORT_WITHOUT_DATASETS"]);
    const problems = got[1]!.problems.filter((p) => p.code !== "EXPORT_WITHOUT_DATASETS");
    // Since modules 2.0.0 the gate is scored and hides nothing, so only its own answer is refused.
    expect(problems.map((p) => p.code)).toEqual(["INVALID_ANSWER"]);
    expect(problems[0]).toMatchObject({
      place: "line 3, column general-collection_practice-collects_migrant_children",
      args: { question: "collects_migrant_children", value: "perhaps", reason: { code: "NOT_AN_OPTION", args: { value: "perhaps" } } },
    });
    expect(got[1]!.answers.rejected).toEqual([expect.objectContaining({ question: "collects_migrant_children", raw: "perhaps" })]);
  });
  // Before, both were read as C.E. without a word (only workbooks named them).
  it("names a date typed with a Buddhist-era year, the date of answering and a dataset's, by row and column", async () => {
    const t = exportTables(q, sets.slice(0, 1), { sep: "-", split: false }, "odk");
    const dateCol = t.main.headers.findIndex((h) => h.endsWith("assessment_date"));
    const updated = t.repeat.headers.findIndex((h) => h.endsWith("ds_last_updated"));
    const row = t.repeat.rows.findIndex((r) => r[updated] !== "");
    expect([dateCol, updated, row].every((i) => i >= 0)).toBe(true);
    const be = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${Number(iso.slice(0, 4)) + 543}`;
    const answered = String(t.main.rows[0]![dateCol]);
    const last = String(t.repeat.rows[row]![updated]);
    t.main.rows[0]![dateCol] = be(answered);
    t.repeat.rows[row]![updated] = be(last);
    const sub = mkdtempSync(join(dir, "be-"));
    writeFileSync(join(sub, "assess_children_on_the_move.csv"), csv(t.main.headers, t.main.rows, ","));
    writeFileSync(join(sub, "assess_children_on_the_move-datasets.csv"), csv(t.repeat.headers, t.repeat.rows, ","));
    const [got] = await scoredFrom(join(sub, "assess_children_on_the_move.csv"));
    expect(got!.answers.date).toBe(answered);
    expect(scores(got!)).toEqual(expected(sets[0]!));
    expect(got!.problems.filter((p) => p.code === "BUDDHIST_ERA_DATE").map((p) => [p.severity, p.args])).toEqual([
      ["warning", { question: "assessment_date", text: be(answered), date: answered }],
      ["warning", { question: "ds_last_updated", text: be(last), date: last }],
    ]);
  });
});
