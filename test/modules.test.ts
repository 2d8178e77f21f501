import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Module, Question } from "../src/core/model.js";
import { checkModules } from "../src/core/rules.js";
import { loadModuleFiles, loadModules } from "../src/io/modules.js";
import { checkSchema } from "../src/io/schema.js";
import { parseYaml } from "../src/io/yaml.js";
import { base, q, t } from "./helpers/rule-cases.js";

const dir = (c: string) => `test/fixtures/broken-modules/${c}`;

async function problemsOf(c: string) {
  const loaded = await loadModules(dir(c));
  return loaded.problems.map((p) => ({ code: p.code, file: p.source.split("/").pop(), at: `${p.line}:${p.column}`, path: p.path.join(".") }));
}

describe("broken modules are rejected with the right line:column", () => {
  it("accepts the valid base of every case", async () => {
    expect(await problemsOf("valid")).toEqual([]);
  });

  // [case, code, file, line:column, path]
  const cases: [string, string, string, string, string][] = [
    ["bad-id", "SCHEMA", "mini.yaml", "20:13", "sections.0.questions.1.id"],
    ["duplicate-id", "DUPLICATE_QUESTION_ID", "b.yaml", "13:13", "sections.0.questions.0.id"],
    ["dangling-condition", "DANGLING_CONDITION", "mini.yaml", "26:27", "sections.0.questions.1.when.question"],
    ["forward-condition", "DANGLING_CONDITION", "mini.yaml", "19:27", "sections.0.questions.0.when.question"],
    ["level-out-of-range", "SCHEMA", "mini.yaml", "28:69", "sections.0.questions.1.options.0.level"],
    ["missing-thai", "SCHEMA_REQUIRED", "mini.yaml", "15:16", "sections.0.questions.0.label"],
    ["english-in-thai", "THAI_MISSING", "mini.yaml", "16:39", "sections.0.questions.0.help.th"],
    ["yaml-syntax", "YAML_SYNTAX", "mini.yaml", "24:9", ""],
    ["bad-condition", "SCHEMA_CONDITION", "mini.yaml", "27:15", "sections.0.questions.1.when"],
  ];
  it.each(cases)("%s", async (c, code, file, at, path) => {
    expect(await problemsOf(c)).toEqual([{ code, file, at, path }]);
  });

  it("points an unknown property at its key, and reports the missing one too", async () => {
    expect(await problemsOf("unknown-property")).toEqual([
      { code: "SCHEMA_REQUIRED", file: "mini.yaml", at: "13:9", path: "sections.0.questions.0" },
      { code: "SCHEMA_UNKNOWN_PROPERTY", file: "mini.yaml", at: "18:9", path: "sections.0.questions.0.priorty" },
    ]);
  });

  it("reports every problem of a file at once", async () => {
    const codes = (await problemsOf("several")).map((p) => `${p.code}@${p.at}`);
    expect(codes.sort()).toEqual(["DUPLICATE_OPTION@30:22", "RECOMMENDATION_MISSING@29:13", "UNKNOWN_CONDITION_VALUE@26:47"]);
  });

  it("says a file cannot be read, and reads the others", async () => {
    const loaded = await loadModuleFiles(["test/fixtures/broken-modules/no-such.yaml", "test/fixtures/broken-modules/valid/mini.yaml"]);
    expect(loaded.problems).toEqual([{ code: "READ_FAILED", args: { detail: "no such file or folder (ENOENT)" }, severity: "error", source: "test/fixtures/broken-modules/no-such.yaml", path: [] }]);
    expect(loaded.modules.map((m) => m.module.id)).toEqual(["mini"]);
  });
});

describe("the schema's errors, as data", () => {
  const valid = () => parse(readFileSync("test/fixtures/broken-modules/valid/mini.yaml", "utf8")) as Record<string, never>;
  type Doc = { version: string; themes: string[]; sources: { citation: string }[]; sections: { questions: Record<string, unknown>[] }[] };
  // [case, change, problem: code, args, path]
  const cases: [string, (m: Doc) => void, string, object, string][] = [
    ["a type that does not exist", (m) => (m.sections[0]!.questions[0]!.type = "scale"), "SCHEMA", { rule: "enum", value: '"scale"', allowed: ["single_choice", "multiple_choice", "yes_no", "number", "text", "date"] }, "sections.0.questions.0.type"],
    ["text where a mapping is expected", (m) => (m.sections[0]!.questions[0]!.label = "Do you collect?"), "SCHEMA", { rule: "type", expected: "object", found: "string" }, "sections.0.questions.0.label"],
    ["a level above 4", (m) => ((m.sections[0]!.questions[1]!.options as { level: number }[])[0]!.level = 5), "SCHEMA", { rule: "limit", value: "5", comparison: "<=", limit: 4 }, "sections.0.questions.1.options.0.level"],
    ["too few options", (m) => (m.sections[0]!.questions[1]!.options = []), "SCHEMA", { rule: "count", bound: "min", limit: 2, of: "items" }, "sections.0.questions.1.options"],
    ["a citation too short", (m) => (m.sources[0]!.citation = ""), "SCHEMA", { rule: "count", bound: "min", limit: 3, of: "characters" }, "sources.0.citation"],
    ["a theme listed twice", (m) => (m.themes = ["a", "a"]), "SCHEMA", { rule: "unique", first: 0, second: 1 }, "themes"],
    ["a version that is not x.y.z", (m) => (m.version = "one"), "SCHEMA", { rule: "pattern", value: '"one"' }, "version"],
    ["a scored text question", (m) => (m.sections[0]!.questions[0]!.type = "text"), "SCHEMA", { rule: "text_scored" }, "sections.0.questions.0"],
    ["options on a number question", (m) => (m.sections[0]!.questions[1]!.type = "number"), "SCHEMA", { rule: "options_on_number" }, "sections.0.questions.1"],
    ["a minimum on a choice question", (m) => (m.sections[0]!.questions[1]!.min = 1), "SCHEMA", { rule: "number_fields" }, "sections.0.questions.1"],
    ["a condition of no known form", (m) => (m.sections[0]!.questions[1]!.when = { question: "mini_collects" }), "SCHEMA_CONDITION", {}, "sections.0.questions.1.when"],
  ];
  it.each(cases)("%s", (_n, change, code, args, path) => {
    const m = valid() as unknown as Doc;
    expect(checkSchema("module", m, "mini.yaml")).toEqual([]);
    change(m);
    expect(checkSchema("module", m, "mini.yaml").map((p) => ({ code: p.code, args: p.args, path: p.path.join(".") }))).toContainEqual({ code, args, path });
  });
});

describe("the rules a schema cannot express, one problem each", () => {
  const q2 = (m: Module) => m.sections[1]!.questions[1]!;
  const number = (extra: Partial<Question> = {}) => q("n", { type: "number", options: undefined, bands: [{ max: 10, level: 0, recommendation: t("more") }, { min: 10, level: 4 }], ...extra });
  // [case, change, code, args, path]
  const cases: [string, (m: Module) => void, string, object, string][] = [
    ["a module that requires itself", (m) => (m.requires = ["m"]), "REQUIRES_SELF", { module: "m" }, "requires.0"],
    ["a required module not loaded", (m) => (m.requires = ["general"]), "UNKNOWN_REQUIRED_MODULE", { module: "general" }, "requires.0"],
    ["a source listed twice", (m) => m.sources.push({ id: "s", citation: "S again" }), "DUPLICATE_SOURCE_ID", { id: "s" }, "sources.1.id"],
    ["a section id used twice", (m) => (m.sections[1]!.id = "ds"), "DUPLICATE_SECTION_ID", { section: "ds" }, "sections.1.id"],
    ["a blank English title", (m) => (m.title.en = " "), "BLANK_TEXT", { lang: "en" }, "title.en"],
    ["a blank Thai help", (m) => (q2(m).help.th = ""), "BLANK_TEXT", { lang: "th" }, "sections.1.questions.1.help.th"],
    ["a question citing an unknown source", (m) => (q2(m).sources = ["nope"]), "UNKNOWN_SOURCE", { id: "nope" }, "sections.1.questions.1.sources.0"],
    ["a scored number question without bands", (m) => (m.sections[1]!.questions[1] = number({ bands: undefined })), "SCORED_WITHOUT_BANDS", { type: "number" }, "sections.1.questions.1.dimension"],
    ["don't know listed as an option", (m) => q2(m).options!.push({ value: "dont_know", label: t("dk"), level: 0 }), "RESERVED_OPTION", { value: "dont_know" }, "sections.1.questions.1.options.2.value"],
    ["an option without a label", (m) => delete q2(m).options![0]!.label, "OPTION_LABEL_MISSING", {}, "sections.1.questions.1.options.0"],
    ["a weight on a single choice", (m) => (q2(m).options![0]!.weight = 2), "WEIGHT_NOT_ALLOWED", {}, "sections.1.questions.1.options.0"],
    ["a level on a multiple choice", (m) => (q2(m).type = "multiple_choice"), "LEVEL_NOT_ALLOWED", {}, "sections.1.questions.1.options.0.level"],
    ["a weight on an exclusive option", (m) => (q2(m).type = "multiple_choice", (q2(m).options = [{ value: "a", label: t("a"), recommendation: t("a") }, { value: "none", label: t("none"), exclusive: true, weight: 1 }])), "EXCLUSIVE_WEIGHT", {}, "sections.1.questions.1.options.1.weight"],
    ["a multiple choice of nothing but none", (m) => (q2(m).type = "multiple_choice", (q2(m).options = [{ value: "none", label: t("none"), exclusive: true }])), "NO_PRACTICES", {}, "sections.1.questions.1.options"],
    ["a practice without advice", (m) => (q2(m).type = "multiple_choice", (q2(m).options = [{ value: "a", label: t("a") }])), "RECOMMENDATION_MISSING", { of: "practice", value: "a" }, "sections.1.questions.1.options.0"],
    ["yes_no options other than yes and no", (m) => (q2(m).type = "yes_no", (q2(m).options = [{ value: "yes", level: 4 }, { value: "maybe", level: 0, recommendation: t("x") }])), "YES_NO_OPTIONS", {}, "sections.1.questions.1.options"],
    ["levels on an unscored question", (m) => delete q2(m).dimension, "UNSCORED_LEVEL", { on: "options" }, "sections.1.questions.1.options.0"],
    ["bands on an unscored question", (m) => (m.sections[1]!.questions[1] = number({ dimension: undefined })), "UNSCORED_LEVEL", { on: "bands" }, "sections.1.questions.1.bands"],
    ["an option without a level", (m) => delete q2(m).options![0]!.level, "LEVEL_MISSING", {}, "sections.1.questions.1.options.0"],
    ["a number limit that is text", (m) => (m.sections[1]!.questions[1] = number({ min: "ten" })), "BAD_RANGE", { rule: "number_limit" }, "sections.1.questions.1.min"],
    ["a date limit not YYYY-MM-DD", (m) => (m.sections[1]!.questions[1] = number({ type: "date", min: "1/1/2020", bands: undefined, dimension: undefined })), "BAD_RANGE", { rule: "date_limit" }, "sections.1.questions.1.min"],
    ["integer on a date", (m) => (m.sections[1]!.questions[1] = number({ type: "date", integer: true, bands: undefined, dimension: undefined })), "BAD_RANGE", { rule: "integer_on_date" }, "sections.1.questions.1.integer"],
    ["months on a number band", (m) => (m.sections[1]!.questions[1] = number({ bands: [{ max_months: 3, level: 4 }] })), "BAD_BAND", { rule: "number_keys" }, "sections.1.questions.1.bands.0"],
    ["an empty band", (m) => (m.sections[1]!.questions[1] = number({ bands: [{ min: 5, max: 5, level: 4 }] })), "BAD_BAND", { rule: "empty", from: "min", to: "max" }, "sections.1.questions.1.bands.0"],
    ["a low band without advice", (m) => (m.sections[1]!.questions[1] = number({ bands: [{ max: 10, level: 0 }, { min: 10, level: 4 }] })), "RECOMMENDATION_MISSING", { of: "band" }, "sections.1.questions.1.bands.0"],
    ["overlapping bands", (m) => (m.sections[1]!.questions[1] = number({ bands: [{ max: 10, level: 0, recommendation: t("x") }, { min: 5, level: 4 }] })), "BAND_OVERLAP", {}, "sections.1.questions.1.bands.1"],
    ["a condition on itself", (m) => (q2(m).when = { question: "q2", in: ["yes"] }), "DANGLING_CONDITION", { question: "q2", why: "itself" }, "sections.1.questions.1.when.question"],
    ["a condition on a number question", (m) => (m.sections[1]!.questions[0] = number({ id: "q1" }), (q2(m).when = { question: "q1", in: ["1"] })), "CONDITION_TYPE", { question: "q1", type: "number" }, "sections.1.questions.1.when.question"],
    ["an institution question on a dataset answer", (m) => (q2(m).when = { question: "d1", in: ["yes"] }), "CONDITION_SCOPE", { question: "d1" }, "sections.1.questions.1.when.question"],
    ["a condition on a value the question lacks", (m) => (q2(m).when = { all: [{ question: "q1", in: ["maybe"] }] }), "UNKNOWN_CONDITION_VALUE", { question: "q1", value: "maybe", values: ["yes", "no"] }, "sections.1.questions.1.when.all.0.in.0"],
  ];
  it.each(cases)("%s", (_n, change, code, args, path) => {
    const m = base();
    expect(checkModules([{ source: "m.yaml", module: m }])).toEqual([]);
    change(m);
    const found = checkModules([{ source: "m.yaml", module: m }]).map((p) => ({ code: p.code, args: p.args, path: p.path.join(".") }));
    expect(found).toContainEqual({ code, args, path });
  });
  it("a module id used twice", () => {
    expect(checkModules([{ source: "a.yaml", module: base() }, { source: "b.yaml", module: base() }])).toContainEqual({
      code: "DUPLICATE_MODULE",
      args: { module: "m", other: "a.yaml" },
      severity: "error",
      source: "b.yaml",
      path: ["id"],
    });
  });
});

describe("YAML is loaded safely", () => {
  it("refuses custom tags", () => {
    const p = parseYaml("a: !!js/function 'function(){}'\nb: !custom x\n", "t.yaml");
    expect(p.problems.map((x) => x.code)).toContain("YAML_TAG");
    expect(p.value).toBeUndefined();
  });
  it("refuses alias bombs", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`);
    const p = parseYaml(bomb.join("\n"), "bomb.yaml");
    expect(p.problems.map((x) => x.code)).toEqual(["YAML_ALIASES"]);
  });
  it("refuses duplicate keys with their position", () => {
    const p = parseYaml("id: a\nid: b\n", "dup.yaml");
    expect(p.problems[0]).toMatchObject({ code: "YAML_SYNTAX", line: 2, column: 1 });
  });
});

describe("the shipped modules", () => {
  it("all validate, with the general questionnaire and eight area modules", async () => {
    const loaded = await loadModules();
    // Warnings (content rules: gates, wording levels, glossary, recommendations) do not stop a module.
    expect(loaded.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(loaded.modules.map((m) => m.module.id)).toEqual([
      "general",
      "birth_registration",
      "border_mobility",
      "child_protection",
      "detention",
      "education",
      "health",
      "labour_migration",
      "social_protection",
    ]);
  });
  it("have enough questions, spread over the three dimensions", async () => {
    const { summarizeModule } = await import("../src/core/summary.js");
    for (const { module } of (await loadModules()).modules) {
      const s = summarizeModule(module);
      expect(s.questions, module.id).toBeGreaterThanOrEqual(module.id === "general" ? 30 : 10);
      for (const d of ["collection", "sharing", "hosting"] as const) expect(s.byDimension[d], `${module.id} ${d}`).toBeGreaterThanOrEqual(3);
    }
  });
  it("keep the dataset inventory ids that reports rely on", async () => {
    const general = (await loadModules()).modules.find((m) => m.module.id === "general")!.module;
    const ds = general.sections.filter((s) => s.scope === "dataset").flatMap((s) => s.questions.map((q) => q.id));
    for (const id of ["ds_type", "ds_population", "ds_covers_migrant_children", "ds_unit_of_record", "ds_identifiers", "ds_disaggregation", "ds_frequency", "ds_format", "ds_hosting", "ds_shared_with", "ds_sharing_method"]) {
      expect(ds).toContain(id);
    }
    const disagg = general.sections.flatMap((s) => s.questions).find((q) => q.id === "ds_disaggregation")!;
    expect(disagg.options!.map((o) => o.value)).toEqual(expect.arrayContaining(["age", "sex", "migratory_status", "citizenship", "country_of_birth", "accompaniment"]));
  });
});
