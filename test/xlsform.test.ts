// The exported XLSForm against the structural rules of the spec, and the guard's own rules.
import { beforeAll, describe, expect, it } from "vitest";
import type { Module } from "../src/core/model.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import { buildXlsForm, relevantOf } from "../src/core/xlsform.js";
import type { XlsForm } from "../src/core/xlsform.js";
import { checkExpression, checkXlsForm } from "../src/core/xlsform-check.js";
import { requireModules } from "../src/io/modules.js";

let modules: Module[];
let form: XlsForm;
beforeAll(async () => {
  modules = await requireModules();
  form = buildXlsForm(buildQuestionnaire(modules));
});

describe("the exported XLSForm", () => {
  it("passes every structural rule", () => {
    expect(checkXlsForm(form)).toEqual([]);
  });
  it("keeps the module ids as names, with a list per choice question", () => {
    const names = form.survey.map((r) => r.name);
    expect(names).toContain("collects_migrant_children");
    expect(form.survey.find((r) => r.name === "ds_disaggregation")!.type).toBe("select_multiple ds_disaggregation");
    expect(form.choices.filter((c) => c.list_name === "collects_migrant_children").map((c) => c.name)).toEqual(["yes", "partly", "no", "dont_know", "not_applicable"]);
  });
  it("puts dataset questions in a repeat labelled with the dataset's name", () => {
    const begin = form.survey.findIndex((r) => r.type === "begin_repeat");
    const end = form.survey.findIndex((r) => r.type === "end_repeat");
    expect(form.survey[begin]!["label::English (en)"]).toBe("Dataset: ${dataset_name}");
    expect(form.survey[begin + 1]!.name).toBe("dataset_name");
    const inside = form.survey.slice(begin, end).map((r) => r.name);
    expect(inside).toContain("ds_covers_migrant_children");
    expect(inside).not.toContain("collects_migrant_children");
  });
  it("turns conditions into relevant expressions, including ones on questions outside the repeat", () => {
    const q = (id: string) => buildQuestionnaire(modules).byId.get(id)?.question;
    expect(relevantOf({ question: "collects_migrant_children", in: ["yes", "partly"] }, q)).toBe("(${collects_migrant_children} = 'yes' or ${collects_migrant_children} = 'partly')");
    expect(relevantOf({ all: [{ question: "ds_shared_with", in: ["nso"] }, { not: { question: "collects_migrant_children", in: ["no"] } }] }, q)).toBe(
      "(selected(${ds_shared_with}, 'nso')) and (not(${collects_migrant_children} = 'no'))",
    );
    expect(form.survey.find((r) => r.name === "birth_registers_non_thai_births")!.relevant).toBe("selected(${birth_institution_role}, 'registers_births')");
  });
  it("turns number, date and exclusive-option checks into constraints", () => {
    const multi = form.survey.find((r) => r.name === "ds_disaggregation")!;
    expect(multi.constraint).toBe("not((selected(., 'none') or selected(., 'dont_know') or selected(., 'not_applicable')) and count-selected(.) > 1)");
    const months = form.survey.find((r) => r.name === "ds_timeliness_months")!;
    expect(months.constraint).toMatch(/^\. >= 0/);
    expect(months["constraint_message::English (en)"]).toMatch(/^Expected at least 0/);
  });
  it("has settings with a version derived from the module versions", () => {
    expect(form.settings).toMatchObject({ form_id: "assess_children_on_the_move", default_language: "English (en)" });
    const other = buildXlsForm(buildQuestionnaire(modules.map((m) => (m.id === "education" ? { ...m, version: "1.1.0" } : m))));
    expect(other.settings.version).not.toBe(form.settings.version);
  });
});

describe("the XLSForm guard catches", () => {
  const base = (): XlsForm => ({
    survey: [
      { type: "begin_group", name: "g", "label::English (en)": "G", "label::Thai (th)": "ก" },
      { type: "select_one yn", name: "a", "label::English (en)": "A", "label::Thai (th)": "ก" },
      { type: "select_multiple yn", name: "b", "label::English (en)": "B", "label::Thai (th)": "ข" },
      { type: "end_group", name: "" },
    ],
    choices: [
      { list_name: "yn", name: "yes", "label::English (en)": "Yes", "label::Thai (th)": "ใช่" },
      { list_name: "yn", name: "no", "label::English (en)": "No", "label::Thai (th)": "ไม่ใช่" },
    ],
    settings: { form_title: "t", form_id: "f", version: "1", default_language: "English (en)" },
  });
  // [case, break it, the problem found: where, code, args]
  const cases: [string, (f: XlsForm) => void, { place: string; path?: string[]; code: string; args: object }][] = [
    ["a name with a space", (f) => (f.survey[1]!.name = "a b"), { place: "survey row 3", code: "XLSFORM_NAME", args: { kind: "question", name: "a b" } }],
    ["a name starting with a digit", (f) => (f.survey[1]!.name = "1a"), { place: "survey row 3", code: "XLSFORM_NAME", args: { kind: "question", name: "1a" } }],
    ["a duplicate name", (f) => (f.survey[2]!.name = "a"), { place: "survey row 4", code: "XLSFORM_DUPLICATE", args: { kind: "question", name: "a", firstRow: 3 } }],
    ["a choice name with a space", (f) => (f.choices[0]!.name = "y es"), { place: "choices row 2", code: "XLSFORM_NAME", args: { kind: "choice", name: "y es" } }],
    ["a duplicate choice", (f) => (f.choices[1]!.name = "yes"), { place: "choices row 3", code: "XLSFORM_DUPLICATE", args: { kind: "choice", name: "yes", list: "yn" } }],
    ["a list name with a space", (f) => (f.choices[0]!.list_name = "y n"), { place: "choices row 2", code: "XLSFORM_NAME", args: { kind: "list", name: "y n" } }],
    ["a list that does not exist", (f) => (f.survey[1]!.type = "select_one nope"), { place: "survey row 3", code: "XLSFORM_LIST_MISSING", args: { list: "nope" } }],
    ["an unknown type", (f) => (f.survey[1]!.type = "barcode_scanner"), { place: "survey row 3", code: "XLSFORM_UNKNOWN_TYPE", args: { type: "barcode_scanner" } }],
    ["an unclosed group", (f) => f.survey.pop(), { place: "survey row 2", code: "XLSFORM_GROUPS", args: { kind: "unclosed", open: "group" } }],
    ["an end_repeat closing a group", (f) => (f.survey[3]!.type = "end_repeat"), { place: "survey row 5", code: "XLSFORM_GROUPS", args: { kind: "crossed", type: "end_repeat", open: "group", openRow: 2 } }],
    ["an end_group with no group", (f) => f.survey.push({ type: "end_group", name: "" }), { place: "survey row 6", code: "XLSFORM_GROUPS", args: { kind: "unmatched", type: "end_group", open: "group" } }],
    ["required neither yes nor no", (f) => (f.survey[1]!.required = "maybe"), { place: "survey row 3", path: ["required"], code: "XLSFORM_REQUIRED", args: {} }],
    ["a dangling reference", (f) => (f.survey[2]!.relevant = "${zzz} = 'yes'"), { place: "survey row 4", path: ["relevant"], code: "XLSFORM_REFERENCE", args: { ref: "zzz", kind: "none" } }],
    ["a dangling reference in a label", (f) => (f.survey[2]!["label::English (en)"] = "B after ${zzz}"), { place: "survey row 4", path: ["label::English (en)"], code: "XLSFORM_REFERENCE", args: { ref: "zzz", kind: "none" } }],
    ["a reference to a group", (f) => (f.survey[2]!.relevant = "${g} = 'yes'"), { place: "survey row 4", path: ["relevant"], code: "XLSFORM_REFERENCE", args: { ref: "g", kind: "group" } }],
    ["selected() on a select_one", (f) => (f.survey[2]!.relevant = "selected(${a}, 'yes')"), { place: "survey row 4", path: ["relevant"], code: "XLSFORM_FUNCTION", args: { kind: "select_multiple", name: "selected" } }],
    ["a function with too many arguments", (f) => (f.survey[2]!.relevant = "not(${a}, ${b})"), { place: "survey row 4", path: ["relevant"], code: "XLSFORM_FUNCTION", args: { kind: "arity", name: "not", takes: 1, given: 2 } }],
    ["unbalanced brackets", (f) => (f.survey[2]!.relevant = "(${a} = 'yes'"), { place: "survey row 4", path: ["relevant"], code: "XLSFORM_SYNTAX", args: { kind: "expected", expected: ")", found: "end" } }],
    ["an expression that ends too early", (f) => (f.survey[2]!.relevant = "${a} ="), { place: "survey row 4", path: ["relevant"], code: "XLSFORM_SYNTAX", args: { kind: "ends_early" } }],
    ["a token out of place", (f) => (f.survey[2]!.relevant = "${a} = 'yes' 'no'"), { place: "survey row 4", path: ["relevant"], code: "XLSFORM_SYNTAX", args: { kind: "unexpected", token: "'no'" } }],
    ["a character no expression has", (f) => (f.survey[2]!.relevant = "${a} = #yes"), { place: "survey row 4", path: ["relevant"], code: "XLSFORM_SYNTAX", args: { kind: "unreadable", text: " #yes" } }],
    ["an unknown function", (f) => (f.survey[2]!.relevant = "frobnicate(${a})"), { place: "survey row 4", path: ["relevant"], code: "XLSFORM_FUNCTION", args: { kind: "unknown", name: "frobnicate" } }],
    ["a missing Thai label", (f) => delete f.survey[1]!["label::Thai (th)"], { place: "survey row 3", code: "XLSFORM_LABEL_MISSING", args: { kind: "question", name: "a", column: "label::Thai (th)" } }],
    ["a choice without its Thai label", (f) => delete f.choices[0]!["label::Thai (th)"], { place: "choices row 2", code: "XLSFORM_LABEL_MISSING", args: { kind: "choice", name: "yes", column: "label::Thai (th)" } }],
    ["an invalid form_id", (f) => (f.settings.form_id = "my form"), { place: "settings", code: "XLSFORM_NAME", args: { kind: "form_id", name: "my form" } }],
    ["an empty version", (f) => (f.settings.version = " "), { place: "settings", code: "XLSFORM_SETTING", args: { kind: "empty", setting: "version" } }],
    ["a default language the form lacks", (f) => (f.settings.default_language = "French (fr)"), { place: "settings", code: "XLSFORM_SETTING", args: { kind: "language", value: "French (fr)" } }],
  ];
  it.each(cases)("%s", (_n, breakIt, found) => {
    const f = base();
    expect(checkXlsForm(f)).toEqual([]);
    breakIt(f);
    expect(checkXlsForm(f)).toContainEqual({ severity: "error", source: "XLSForm", path: [], ...found });
  });
  it("accepts . only in constraints", () => {
    expect(checkExpression(". > 1", false, () => "integer")).toEqual([{ code: "XLSFORM_CURRENT", args: {} }]);
    expect(checkExpression(". >= 0 and . <= 10", true, () => "integer")).toEqual([]);
  });
});
