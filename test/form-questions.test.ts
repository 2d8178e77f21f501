// The form's own questions, from the XLSForm to an export of it and back: the area modules
// chosen (only they are asked, required within them, and only they are scored) and the
// status beside each number or date (Don't know and Not applicable survive the form).
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerSet } from "../src/core/answers.js";
import { MODULES_QUESTION, statusName } from "../src/core/form-questions.js";
import type { Module } from "../src/core/model.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import type { Questionnaire } from "../src/core/questionnaire.js";
import type { InstitutionResult } from "../src/core/results.js";
import { buildXlsForm } from "../src/core/xlsform.js";
import { readAnswerFile } from "../src/io/answers.js";
import { readInput } from "../src/io/inputs.js";
import { requireModules } from "../src/io/modules.js";
import { scoreRead } from "../src/io/pipeline.js";
import { csv, exportTables, koboXlsx } from "./helpers/exports.js";
import type { Exported } from "./helpers/exports.js";

let modules: Module[];
let q: Questionnaire;
let sets: AnswerSet[];
const dir = mkdtempSync(join(tmpdir(), "assess-form-questions-"));

beforeAll(async () => {
  modules = await requireModules();
  q = buildQuestionnaire(modules);
  sets = [];
  for (const f of readdirSync("examples/answers").filter((x) => x.endsWith(".yaml")).sort()) sets.push((await readAnswerFile(`examples/answers/${f}`)).set!);
});

async function scoredOdk(t: Exported, name: string): Promise<InstitutionResult[]> {
  const sub = mkdtempSync(join(dir, `${name}-`));
  writeFileSync(join(sub, "assess_children_on_the_move.csv"), csv(t.main.headers, t.main.rows, ","));
  writeFileSync(join(sub, "assess_children_on_the_move-datasets.csv"), csv(t.repeat.headers, t.repeat.rows, ","));
  return (await readInput(join(sub, "assess_children_on_the_move.csv"), modules)).map((i) => scoreRead(i, modules) as InstitutionResult);
}

const setCell = (t: Exported["main"], row: number, header: string, value: string | number) => {
  const col = t.headers.indexOf(header);
  expect(col, header).toBeGreaterThanOrEqual(0);
  t.rows[row]![col] = value;
};

describe("the export the tests build", () => {
  it("has a column for every question of the form, at its path in the form's groups, and no other", () => {
    const form = buildXlsForm(q);
    const paths: string[] = [];
    const stack: string[] = [];
    for (const r of form.survey) {
      if (r.type === "begin_group" || r.type === "begin_repeat") stack.push(r.name!);
      else if (r.type === "end_group" || r.type === "end_repeat") stack.pop();
      else paths.push([...stack, r.name].join("-"));
    }
    const t = exportTables(q, sets, { sep: "-", split: false }, "odk");
    const META = new Set(["SubmissionDate", "start", "end", "meta-instanceID", "KEY", "PARENT_KEY", "SubmitterID", "SubmitterName", "ReviewState"]);
    expect([...t.main.headers, ...t.repeat.headers].filter((h) => !META.has(h)).sort()).toEqual(paths.sort());
  });
});

describe("the form asks only the area modules chosen", () => {
  it("asks which modules first, and makes each area module's groups relevant on it, so required applies within the chosen modules only", () => {
    const form = buildXlsForm(q);
    const at = form.survey.findIndex((r) => r.name === MODULES_QUESTION);
    expect(form.survey[at]).toMatchObject({ type: `select_multiple ${MODULES_QUESTION}`, required: "yes" });
    // Right after the institution's profile, before any module.
    expect(form.survey[0]!.name).toBe("institution");
    expect(form.survey.findIndex((r) => r.type === "end_group")).toBe(at - 1);
    expect(form.choices.filter((c) => c.list_name === MODULES_QUESTION).map((c) => c.name)).toEqual([...q.modules.filter((m) => m.id !== "general").map((m) => m.id), "none"]);
    // Every required question of an area module sits in a group relevant on that module.
    const open: { name: string; relevant?: string }[] = [];
    let required = 0;
    for (const r of form.survey) {
      if (r.type === "begin_group" || r.type === "begin_repeat") open.push({ name: r.name!, relevant: r.relevant });
      else if (r.type === "end_group" || r.type === "end_repeat") open.pop();
      else if (r.required === "yes" && r.name !== MODULES_QUESTION) {
        const m = q.byId.get(r.name!)?.module.id;
        if (!m || m === "general") continue;
        required++;
        expect(open.some((g) => g.relevant === `selected(\${${MODULES_QUESTION}}, '${m}')`), r.name).toBe(true);
      }
    }
    expect(required).toBeGreaterThan(20);
    expect(form.survey.find((r) => r.name === "general")!.relevant).toBeUndefined();
  });

  it("has no modules question when the form has no area module", () => {
    expect(buildXlsForm(buildQuestionnaire(modules, ["general"])).survey.map((r) => r.name)).not.toContain(MODULES_QUESTION);
  });

  it("scores the modules chosen, even one left unanswered, and only those", async () => {
    const t = exportTables(q, sets.slice(0, 3), { sep: "-", split: false }, "odk");
    // The first institution chose "health" too but answered none of it: it is on its scorecard, with nothing answered.
    const chosen = String(t.main.rows[0]![t.main.headers.indexOf(MODULES_QUESTION)]);
    setCell(t.main, 0, MODULES_QUESTION, `${chosen} health`);
    // The second chose none: the general questionnaire only.
    setCell(t.main, 1, MODULES_QUESTION, "none");
    const got = await scoredOdk(t, "chosen");
    expect(got[0]!.scorecard.modules.map((m) => m.id).sort()).toEqual(["general", ...chosen.split(" "), "health"].sort());
    expect(got[0]!.problems).toEqual([]);
    // The second one's area-module answers were not chosen: kept as rejected, not scored, said once a module.
    const areas = Object.keys(sets[1]!.modules).filter((m) => m !== "general");
    expect(got[1]!.scorecard.modules.map((m) => m.id)).toEqual(["general"]);
    expect(got[1]!.problems.map((p) => [p.code, p.severity, (p.args as { module: string }).module])).toEqual(areas.map((m) => ["MODULE_NOT_CHOSEN", "warning", m]));
    const rejected = got[1]!.answers.rejected ?? [];
    expect(new Set(rejected.map((r) => r.code))).toEqual(new Set(["MODULE_NOT_CHOSEN"]));
    expect(rejected.length).toBeGreaterThan(5);
    const generalOnly: AnswerSet = { ...sets[1]!, modules: { general: sets[1]!.modules.general! } };
    const fromFile = scoreRead({ source: "x", set: generalOnly, problems: [] }, modules) as InstitutionResult;
    expect(got[1]!.scorecard.dimensions).toEqual(fromFile.scorecard.dimensions);
  });

  it("reads the modules question from Kobo's split columns and Thai labels", async () => {
    // Each also chose a module it left unanswered, which only the modules question can tell.
    const chose = sets.slice(0, 2).map((s) => {
      const extra = modules.find((m) => !(m.id in s.modules))!;
      return { ...s, modules: { ...s.modules, [extra.id]: extra.version } };
    });
    for (const mode of [{ sep: "/", split: true }, { sep: "/", labels: "th", split: true }, { sep: "/", labels: "en", split: false }] as const) {
      const file = join(dir, `kobo-${mode.labels ?? "xml"}.xlsx`);
      writeFileSync(file, await koboXlsx(exportTables(q, chose, mode, "kobo")));
      const got = (await readInput(file, modules)).map((i) => i.set!);
      expect(got.map((s) => Object.keys(s.modules).sort())).toEqual(chose.map((s) => Object.keys(s.modules).sort()));
    }
  });

  it("takes the modules answered when the export has no modules question (a form written before it)", async () => {
    const got = await scoredOdk(exportTables(q, sets, { sep: "-", split: false, before: true }, "odk"), "before");
    expect(got.map((r) => r.answers.modules)).toEqual(sets.map((s) => s.modules));
  });
});

describe("Don't know and Not applicable on numbers and dates", () => {
  it("come back from the form: the datasets that did not know their timeliness keep the gap", async () => {
    const t = exportTables(q, sets, { sep: "-", split: false }, "odk");
    expect(t.repeat.headers).toContain(`datasets-${q.byId.get("ds_timeliness_months")!.section.id}-${statusName("ds_timeliness_months")}`);
    const got = await scoredOdk(t, "dk");
    const unknown = got.flatMap((r) => r.answers.datasets.filter((d) => d.answers.ds_timeliness_months?.value === "dont_know").map((d) => `${r.institution.id}/${d.id}`));
    // As many as the examples answered so (two in modules 2.0.0; the form lost every one of them).
    const answered = sets.flatMap((set) => (set.datasets ?? []).filter((d) => d.answers.ds_timeliness_months?.value === "dont_know"));
    expect(answered.length).toBeGreaterThan(1);
    expect(unknown).toHaveLength(answered.length);
    for (const r of got.filter((x) => unknown.some((u) => u.startsWith(`${x.institution.id}/`)))) {
      expect(r.problems).toEqual([]);
      expect(r.scorecard.gaps.find((g) => g.question === "ds_timeliness_months")).toMatchObject({ unknown: true });
    }
  });

  it("a value beside Don't know is a conflict: neither is scored, the value is kept", async () => {
    const t = exportTables(q, sets.slice(0, 1), { sep: "-", split: false }, "odk");
    const status = t.repeat.headers.findIndex((h) => h.endsWith(statusName("ds_timeliness_months")));
    const value = t.repeat.headers.findIndex((h) => h.endsWith("-ds_timeliness_months"));
    t.repeat.rows[0]![status] = "dont_know";
    t.repeat.rows[0]![value] = 4;
    const [r] = await scoredOdk(t, "conflict");
    expect(r!.problems.map((p) => [p.code, p.severity, p.args])).toEqual([["STATUS_WITH_VALUE", "error", { question: "ds_timeliness_months", status: "dont_know", value: "4" }]]);
    expect(r!.answers.datasets[0]!.answers.ds_timeliness_months).toBeUndefined();
    expect(r!.answers.rejected).toEqual([expect.objectContaining({ question: "ds_timeliness_months", dataset: r!.answers.datasets[0]!.id, raw: "4", code: "STATUS_WITH_VALUE" })]);
  });
});
