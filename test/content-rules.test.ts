// The rules added for modules 2.0: gates, shared scales, band and level sets, one wording at
// one level, the glossary and the wording of recommendations. Codes and places, never sentences.
import { describe, expect, it } from "vitest";
import type { GlossaryTerm, Module, Question, Scale } from "../src/core/model.js";
import { fingerprint } from "../src/core/interview.js";
import { checkModules } from "../src/core/rules.js";
import type { Companions } from "../src/core/rules.js";
import { loadModules } from "../src/io/modules.js";
import { contentHash } from "../src/io/template.js";
import { checkSchema } from "../src/io/schema.js";
import { base, q, t } from "./helpers/rule-cases.js";

const dir = (c: string) => `test/fixtures/broken-modules/${c}`;

async function problemsOf(c: string) {
  const loaded = await loadModules(dir(c));
  return loaded.problems.map((p) => ({ code: p.code, severity: p.severity, file: p.source.split("/").pop(), at: `${p.line}:${p.column}`, path: p.path.join(".") }));
}

describe("each new rule fails its module with the right line:column", () => {
  // [case, code, severity, file, line:column, path]
  const cases: [string, string, string, string, string, string][] = [
    ["unscored-gate", "UNSCORED_GATE", "warning", "mini.yaml", "13:13", "sections.0.questions.0.id"],
    ["level-wording", "LEVEL_INCONSISTENT", "warning", "b.yaml", "29:73", "sections.0.questions.1.options.1.level"],
    ["glossary-variant", "GLOSSARY_VARIANT", "warning", "mini.yaml", "16:39", "sections.0.questions.0.help.th"],
    ["recommendation-order", "RECOMMENDATION_ORDER", "warning", "mini.yaml", "19:54", "sections.0.questions.0.recommendation.th"],
    ["unknown-scale", "UNKNOWN_SCALE", "error", "mini.yaml", "27:16", "sections.0.questions.1.scale"],
    ["band-set-condition", "DANGLING_CONDITION", "error", "mini.yaml", "23:31", "sections.0.questions.0.band_sets.0.when.question"],
    ["duplicate-scale", "DUPLICATE_SCALE", "error", "scales.yaml", "6:9", "scales.1.id"],
    ["level-set-value", "UNKNOWN_LEVEL_VALUE", "error", "mini.yaml", "33:26", "sections.0.questions.1.level_sets.0.levels.0.value"],
    ["scale-not-allowed", "SCALE_NOT_ALLOWED", "error", "mini.yaml", "15:16", "sections.0.questions.0.scale"],
  ];
  it.each(cases)("%s", async (c, code, severity, file, at, path) => {
    expect(await problemsOf(c)).toEqual([{ code, severity, file, at, path }]);
  });

  it("names both places of an inconsistent level, each with its line:column", async () => {
    const [p] = (await loadModules(dir("level-wording"))).problems;
    expect(p).toMatchObject({ source: `${dir("level-wording")}/b.yaml`, args: { level: 1, otherLevel: 0, other: `${dir("level-wording")}/a.yaml`, otherLine: 29, otherColumn: 67 } });
  });

  it("copies a scale's options into the question that names it", async () => {
    const loaded = await loadModules(dir("scales"));
    expect(loaded.problems).toEqual([]);
    const q = loaded.modules[0]!.module.sections[0]!.questions[1]!;
    expect(q.scale).toBe("coverage");
    expect(q.options!.map((o) => [o.value, o.level])).toEqual([["full", 4], ["none", 0]]);
  });

  it("hashes a question from a scale as the same question with its options inline", async () => {
    const { modules } = await loadModules(dir("scales"));
    const fromScale = modules[0]!.module;
    const q1 = fromScale.sections[0]!.questions[1]!;
    const { scale: _scale, ...inline } = q1;
    const inlined: Module = { ...fromScale, sections: [{ ...fromScale.sections[0]!, questions: fromScale.sections[0]!.questions.map((q) => (q === q1 ? inline : q)) }] };
    expect(fingerprint(inline)).toBe(fingerprint(q1));
    expect(contentHash([inlined])).toBe(contentHash([fromScale]));
    // Content still counts: another level is another hash.
    const changed: Question = { ...inline, options: inline.options!.map((o, i) => (i === 0 ? { ...o, level: 3 } : o)) };
    expect(fingerprint(changed)).not.toBe(fingerprint(q1));
  });

  it("the shipped modules take the basis-of-answer items from one shared scale", async () => {
    const { modules } = await loadModules();
    const basis = modules.flatMap((m) => m.module.sections.flatMap((s) => s.questions)).filter((q) => q.label.en === "What is the previous answer based on?");
    expect(basis.map((q) => q.scale)).toEqual(["answer_basis", "answer_basis", "answer_basis", "answer_basis"]);
    expect(new Set(basis.map((q) => JSON.stringify(q.options))).size).toBe(1);
  });
});

describe("the new rules, one problem each", () => {
  const band = { max: 10, level: 0, recommendation: t("more") };
  const number = (extra: Partial<Question> = {}) => q("n", { type: "number", options: undefined, bands: [band, { min: 10, level: 4 }], ...extra });
  const census = { question: "d1", in: ["yes"] };
  const d2 = (m: Module) => m.sections[0]!.questions[1]!;
  const q1 = (m: Module) => m.sections[1]!.questions[0]!;
  const q2 = (m: Module) => m.sections[1]!.questions[1]!;
  const scales: Scale[] = [{ id: "cover", options: [{ value: "a", label: t("a"), level: 4 }, { value: "b", label: t("b"), level: 1, recommendation: t("b") }] }];
  const terms: GlossaryTerm[] = [{ en: "parents", th: "บิดามารดา", avoid: ["พ่อแม่"] }, { en: "detention centre", th: "สถานกักตัวคนต่างด้าว", avoid: ["ห้องกักตรวจคนเข้าเมือง", "ห้องกัก"] }];
  const companions = (): Companions => ({ scales: { source: "scales.yaml", scales: structuredClone(scales) }, glossary: { source: "glossary.yaml", terms } });
  const unscored = (x: Question) => (delete x.dimension, delete x.priority, x.options!.forEach((o) => (delete o.level, delete o.recommendation)));
  // [case, change, code, args, source, path]
  const cases: [string, (m: Module, c: Companions) => void, string, object, string, string][] = [
    ["an unscored gate", (m) => (unscored(q1(m)), (q2(m).when = { question: "q1", in: ["yes"] })), "UNSCORED_GATE", { question: "q1", hides: ["q2"] }, "m.yaml", "sections.1.questions.0.id"],
    ["an unscored gate down a chain", (m) => (unscored(d2(m)), unscored(q1(m)), (d2(m).when = { question: "d1", in: ["yes"] }), (m.sections[0]!.questions[0]!.when = undefined), (q1(m).when = undefined), (q2(m).when = { not: { question: "q1", in: ["no"] } })), "UNSCORED_GATE", { question: "q1", hides: ["q2"] }, "m.yaml", "sections.1.questions.0.id"],
    ["a scale that is not defined", (m) => ((q2(m).scale = "nope"), delete q2(m).options), "UNKNOWN_SCALE", { scale: "nope" }, "m.yaml", "sections.1.questions.1.scale"],
    ["a scale on a yes/no question", (m) => ((q2(m).type = "yes_no"), (q2(m).scale = "cover"), delete q2(m).options), "SCALE_NOT_ALLOWED", { type: "yes_no" }, "m.yaml", "sections.1.questions.1.scale"],
    ["a scale defined twice", (_m, c) => c.scales!.scales.push(structuredClone(scales[0]!)), "DUPLICATE_SCALE", { scale: "cover" }, "scales.yaml", "scales.1.id"],
    ["a scale option without a label", (_m, c) => delete c.scales!.scales[0]!.options[0]!.label, "OPTION_LABEL_MISSING", {}, "scales.yaml", "scales.0.options.0"],
    ["a level set naming no option", (m) => (q2(m).level_sets = [{ when: { question: "q1", in: ["yes"] }, levels: [{ value: "maybe", level: 2, recommendation: t("x") }] }]), "UNKNOWN_LEVEL_VALUE", { value: "maybe", values: ["yes", "no"] }, "m.yaml", "sections.1.questions.1.level_sets.0.levels.0.value"],
    ["a level set without advice below the top", (m) => (q2(m).level_sets = [{ when: { question: "q1", in: ["yes"] }, levels: [{ value: "no", level: 1 }] }]), "RECOMMENDATION_MISSING", { of: "option", value: "no" }, "m.yaml", "sections.1.questions.1.level_sets.0.levels.0"],
    ["a level set whose condition looks forward", (m) => (q1(m).level_sets = [{ when: { question: "q2", in: ["yes"] }, levels: [{ value: "no", level: 1, recommendation: t("x") }] }]), "DANGLING_CONDITION", { question: "q2", why: "later" }, "m.yaml", "sections.1.questions.0.level_sets.0.when.question"],
    ["a level set on a multiple choice", (m) => ((q2(m).type = "multiple_choice"), q2(m).options!.forEach((o) => delete o.level), (q2(m).recommendation = t("r")), (q2(m).level_sets = [{ when: { question: "q1", in: ["yes"] }, levels: [{ value: "no", level: 1 }] }])), "LEVEL_NOT_ALLOWED", {}, "m.yaml", "sections.1.questions.1.level_sets"],
    ["a band set on a dataset answer for an institution question", (m) => (m.sections[1]!.questions[1] = number({ band_sets: [{ when: census, bands: [{ min: 0, level: 4 }] }] })), "CONDITION_SCOPE", { question: "d1" }, "m.yaml", "sections.1.questions.1.band_sets.0.when.question"],
    ["overlapping bands in a band set", (m) => (m.sections[0]!.questions[1] = number({ band_sets: [{ when: census, bands: [band, { min: 5, level: 4 }] }] })), "BAND_OVERLAP", {}, "m.yaml", "sections.0.questions.1.band_sets.0.bands.1"],
    ["a band set on an unscored question", (m) => (m.sections[0]!.questions[1] = number({ dimension: undefined, priority: undefined, bands: undefined, band_sets: [{ when: census, bands: [{ level: 4 }] }] })), "UNSCORED_LEVEL", { on: "bands" }, "m.yaml", "sections.0.questions.1.band_sets"],
    ["a variant the glossary avoids", (m) => (q2(m).help.th = "ชื่อพ่อแม่ของเด็ก"), "GLOSSARY_VARIANT", { variant: "พ่อแม่", preferred: "บิดามารดา", term: "parents" }, "m.yaml", "sections.1.questions.1.help.th"],
    ["the longest variant, once", (m) => (q2(m).label.th = "ห้องกักตรวจคนเข้าเมือง"), "GLOSSARY_VARIANT", { variant: "ห้องกักตรวจคนเข้าเมือง", preferred: "สถานกักตัวคนต่างด้าว", term: "detention centre" }, "m.yaml", "sections.1.questions.1.label.th"],
    ["a variant in a scale's words", (_m, c) => (c.scales!.scales[0]!.options[1]!.label!.th = "พ่อแม่"), "GLOSSARY_VARIANT", { variant: "พ่อแม่", preferred: "บิดามารดา", term: "parents" }, "scales.yaml", "scales.0.options.1.label.th"],
    ["a recommendation that gives orders", (m) => (q2(m).options![1]!.recommendation = { en: "Start.", th: " ให้เริ่มเก็บข้อมูล" }), "RECOMMENDATION_ORDER", { opening: "ให้", suggestion: "ควร" }, "m.yaml", "sections.1.questions.1.options.1.recommendation.th"],
  ];
  it.each(cases)("%s", (_n, change, code, args, source, path) => {
    const m = base(["d1", "d2"]);
    const c = companions();
    expect(checkModules([{ source: "m.yaml", module: m }], c)).toEqual([]);
    change(m, c);
    const found = checkModules([{ source: "m.yaml", module: m }], c).map((p) => ({ code: p.code, args: p.args, source: p.source, path: p.path.join(".") }));
    expect(found).toContainEqual({ code, args, source, path });
  });

  it.each<[string, (m: Module) => void]>([
    ["a gate marked routing: true", (m) => (unscored(q1(m)), (q1(m).routing = true), (q2(m).when = { question: "q1", in: ["yes"] }))],
    ["a gate that hides only unscored questions", (m) => (unscored(q1(m)), unscored(q2(m)), (q2(m).when = { question: "q1", in: ["yes"] }))],
    ["a variant inside the preferred term", (m) => (q2(m).help.th = "สถานกักตัวคนต่างด้าว")],
    ["a recommendation that advises", (m) => (q2(m).options![1]!.recommendation = { en: "Start.", th: "ควรเริ่มเก็บข้อมูล" })],
    ["the same wording at one level in two modules", () => undefined],
  ])("accepts %s", (_n, change) => {
    const m = base(["d1", "d2"]);
    change(m);
    const other = { ...base(["d1", "d2"]), id: "o", sections: base(["d1", "d2"]).sections.map((s) => ({ ...s, id: `o_${s.id}`, questions: s.questions.map((x) => ({ ...x, id: `o_${x.id}` })) })) };
    expect(checkModules([{ source: "m.yaml", module: m }, { source: "o.yaml", module: other }], companions())).toEqual([]);
  });

  it("reports the same wording at another level in another module, naming the first place", () => {
    const other = { ...base(["d1", "d2"]), id: "o", sections: [{ id: "o_s", title: t("S"), scope: "institution" as const, questions: [q("o_q", { options: [{ value: "yes", label: { en: " YES.", th: "ใช่" }, level: 3, recommendation: t("x") }, { value: "no", label: t("no"), level: 0, recommendation: t("x") }] })] }] };
    const found = checkModules([{ source: "m.yaml", module: base(["d1", "d2"]) }, { source: "o.yaml", module: other }]).filter((p) => p.code === "LEVEL_INCONSISTENT");
    expect(found).toEqual([
      { code: "LEVEL_INCONSISTENT", severity: "warning", source: "o.yaml", path: ["sections", 0, "questions", 0, "options", 0, "level"], args: { label: " YES.", level: 3, otherLevel: 4, other: "m.yaml", otherPath: ["sections", 0, "questions", 0, "options", 0, "level"] } },
    ]);
  });
});

describe("the schemas of the new files and keys", () => {
  const mod = (question: object) => ({ id: "m", version: "2.0.0", title: { en: "M", th: "ม" }, description: { en: "M", th: "ม" }, themes: ["m"], sources: [{ id: "s", citation: "S 2020" }], sections: [{ id: "s", title: { en: "S", th: "ส" }, scope: "dataset", questions: [question] }] });
  const choice = { id: "q", type: "single_choice", label: { en: "Q", th: "ค" }, help: { en: "Q", th: "ค" } };
  // [case, schema, document, code, args, path]
  const cases: [string, "module" | "scales" | "glossary", object, string, object, string][] = [
    ["a scale beside options", "module", mod({ ...choice, scale: "x", options: [{ value: "a", label: { en: "A", th: "ก" } }, { value: "b", label: { en: "B", th: "ข" } }] }), "SCHEMA", { rule: "scale_and_options" }, "sections.0.questions.0"],
    ["a choice with neither scale nor options", "module", mod(choice), "SCHEMA_REQUIRED", { property: "options" }, "sections.0.questions.0"],
    ["band sets on a choice question", "module", mod({ ...choice, scale: "x", band_sets: [{ when: { question: "a", in: ["b"] }, bands: [{ level: 4 }] }] }), "SCHEMA", { rule: "number_fields" }, "sections.0.questions.0"],
    ["a level set without its when", "module", mod({ ...choice, scale: "x", level_sets: [{ levels: [{ value: "a", level: 1 }] }] }), "SCHEMA_REQUIRED", { property: "when" }, "sections.0.questions.0.level_sets.0"],
    ["routing that is not true or false", "module", mod({ ...choice, scale: "x", routing: "yes" }), "SCHEMA", { rule: "type", expected: "boolean", found: "string" }, "sections.0.questions.0.routing"],
    ["a scale with one option", "scales", { scales: [{ id: "x", options: [{ value: "a" }] }] }, "SCHEMA", { rule: "count", bound: "min", limit: 2, of: "items" }, "scales.0.options"],
    ["a scale level above 4", "scales", { scales: [{ id: "x", options: [{ value: "a", level: 5 }, { value: "b" }] }] }, "SCHEMA", { rule: "limit", value: "5", comparison: "<=", limit: 4 }, "scales.0.options.0.level"],
    ["a glossary term without Thai", "glossary", { terms: [{ en: "parents" }] }, "SCHEMA_REQUIRED", { property: "th" }, "terms.0"],
    ["a glossary key it does not know", "glossary", { terms: [{ en: "parents", th: "บิดามารดา", avoids: ["พ่อแม่"] }] }, "SCHEMA_UNKNOWN_PROPERTY", { property: "avoids" }, "terms.0.avoids"],
  ];
  it.each(cases)("%s", (_n, schema, doc, code, args, path) => {
    expect(checkSchema(schema, doc, "x.yaml").map((p) => ({ code: p.code, args: p.args, path: p.path.join(".") }))).toContainEqual({ code, args, path });
  });
  it("accepts the shipped scales and glossary where they exist", async () => {
    const loaded = await loadModules();
    expect(loaded.problems.filter((p) => p.source.endsWith("scales.yaml") || p.source.endsWith("glossary.yaml"))).toEqual([]);
  });
});
