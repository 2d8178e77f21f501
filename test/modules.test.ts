import { describe, expect, it } from "vitest";
import { loadModules } from "../src/io/modules.js";
import { parseYaml } from "../src/io/yaml.js";

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
  it("all validate, with the general questionnaire and seven area modules", async () => {
    const loaded = await loadModules();
    expect(loaded.problems).toEqual([]);
    expect(loaded.modules.map((m) => m.module.id)).toEqual([
      "general",
      "birth_registration",
      "border_mobility",
      "child_protection",
      "detention",
      "education",
      "health",
      "labour_migration",
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
