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
    expect(form.survey.find((r) => r.name === "ds_sharing_method")!.relevant).toMatch(/^\(selected\(\$\{ds_shared_with\}, 'nso'\) or /);
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
  const cases: [string, (f: XlsForm) => void, RegExp][] = [
    ["a name with a space", (f) => (f.survey[1]!.name = "a b"), /name "a b" is not a valid name/],
    ["a name starting with a digit", (f) => (f.survey[1]!.name = "1a"), /name "1a" is not a valid name/],
    ["a duplicate name", (f) => (f.survey[2]!.name = "a"), /name "a" is already used/],
    ["a choice name with a space", (f) => (f.choices[0]!.name = "y es"), /choice name "y es"/],
    ["a list that does not exist", (f) => (f.survey[1]!.type = "select_one nope"), /list "nope" is not in the choices sheet/],
    ["an unclosed group", (f) => f.survey.pop(), /begin_group is never closed/],
    ["an end_repeat closing a group", (f) => (f.survey[3]!.type = "end_repeat"), /end_repeat closes the begin_group/],
    ["a dangling reference", (f) => (f.survey[2]!.relevant = "${zzz} = 'yes'"), /\$\{zzz\} names no question/],
    ["a reference to a group", (f) => (f.survey[2]!.relevant = "${g} = 'yes'"), /names a group/],
    ["selected() on a select_one", (f) => (f.survey[2]!.relevant = "selected(${a}, 'yes')"), /selected\(\) applies to a select_multiple/],
    ["unbalanced brackets", (f) => (f.survey[2]!.relevant = "(${a} = 'yes'"), /expected \)/],
    ["an unknown function", (f) => (f.survey[2]!.relevant = "frobnicate(${a})"), /unknown function frobnicate/],
    ["a missing Thai label", (f) => delete f.survey[1]!["label::Thai (th)"], /"a" has no label::Thai \(th\)/],
    ["an invalid form_id", (f) => (f.settings.form_id = "my form"), /form_id "my form"/],
  ];
  it.each(cases)("%s", (_n, breakIt, message) => {
    const f = base();
    expect(checkXlsForm(f)).toEqual([]);
    breakIt(f);
    expect(checkXlsForm(f).join("\n")).toMatch(message);
  });
  it("accepts . only in constraints", () => {
    expect(checkExpression(". > 1", false, () => "integer")).toEqual(['"." (the current answer) is only meaningful in a constraint']);
    expect(checkExpression(". >= 0 and . <= 10", true, () => "integer")).toEqual([]);
  });
});
