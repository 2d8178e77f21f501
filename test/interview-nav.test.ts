// Moving around the interview, through its prompt layer: progress, the keys' edges, the
// datasets after an interruption, and datasets in the review.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { interviewCommand } from "../src/commands/interview.js";
import type { AnswerSet } from "../src/core/answers.js";
import { progressAt, visibleSteps } from "../src/core/interview.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import { ExitError } from "../src/errors.js";
import { loadModules } from "../src/io/modules.js";
import { INTERRUPT, NAV, ScriptedPrompter } from "./helpers/scripted-prompter.js";
import type { Step } from "./helpers/scripted-prompter.js";

const MODULES = "test/fixtures/interview/modules";
const TODAY = "2026-11-20";

const profile: Step[] = [
  { ask: "Institution (department or agency) name", reply: "Office" },
  { ask: "Ministry or parent body", reply: "moi" },
  { ask: "Division or unit", reply: "" },
  { ask: "Focal point's name", reply: "Person" },
  { ask: "position", reply: "" },
  { ask: "e-mail or phone", reply: "" },
];

/** The profile, one dataset A (a register) and no area module. */
const oneDataset: Step[] = [
  ...profile,
  { ask: "Name of dataset 1", reply: "A" },
  { ask: "A: What type", reply: "register" },
  { ask: "Add another dataset?", reply: false },
  { ask: "Which area modules", reply: [] },
];

function run(script: Step[], cwd: string, extra: Parameters<typeof interviewCommand>[0] = {}) {
  const prompter = new ScriptedPrompter(script);
  const done = interviewCommand({ modules: MODULES, lang: "en", ...extra }, { prompter, cwd, today: TODAY });
  return { prompter, done };
}

function set(answers: AnswerSet["answers"], datasets: AnswerSet["datasets"] = []): AnswerSet {
  return { format: "assess-answers/1", institution: { id: "o", name: "O" }, respondent: { name: "P" }, date: TODAY, language: "en", modules: {}, answers, datasets };
}

describe("progress", async () => {
  const loaded = await loadModules(MODULES);
  const q = buildQuestionnaire(loaded.modules.map((m) => m.module), ["general", "area_one"]);
  const ds = (id: string, answers: AnswerSet["datasets"][number]["answers"] = {}) => ({ id, name: id, answers });

  it.each([
    // answers, datasets, step (question id, dataset), expected
    ["nothing answered: the gate hides coverage", {}, [ds("a")], ["collects_migrant_children"], { k: 1, n: 3, done: 0, total: 3 }],
    ["the gate opened: coverage counts in its section", { collects_migrant_children: { value: "yes" } }, [ds("a")], ["gen_coverage"], { k: 2, n: 4, done: 0, total: 3 }],
    ["the total counts dataset sections once per dataset", {}, [ds("a"), ds("b")], ["ds_children", 1], { k: 2, n: 3, done: 0, total: 4 }],
    [
      "a section with nothing left is done",
      { collects_migrant_children: { value: "no" }, gen_firewall: { value: "yes" }, gen_backup: { value: "no" } },
      [ds("a", { ds_type: { value: "register" }, ds_children: { value: "all" }, ds_records: { value: 1 } })],
      ["one_practices"],
      { k: 1, n: 2, done: 2, total: 3 },
    ],
  ] as const)("%s", (_name, answers, datasets, [id, dataset], expected) => {
    const s = set(answers as AnswerSet["answers"], datasets as unknown as AnswerSet["datasets"]);
    const steps = visibleSteps(q, s);
    const i = steps.findIndex((st) => st.placed.question.id === id && st.datasetIndex === (dataset as number | undefined));
    expect(progressAt(q, s, steps, i, new Set())).toEqual(expected);
  });
});

describe("moving around", () => {
  it("says so when there is no question before the first, or no answer to comment on", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "assess-nav-"));
    const { prompter, done } = run(
      [
        ...oneDataset,
        { ask: "Do you collect data on migrant children?", reply: NAV("back") },
        { ask: "Do you collect data on migrant children?", reply: NAV("comment") },
        { ask: "Do you collect data on migrant children?", reply: "no" },
        { ask: "Is there a firewall", reply: INTERRUPT },
      ],
      cwd,
    );
    await expect(done).rejects.toEqual(new ExitError(130));
    expect(prompter.printed).toContain("This is the first question; there is none before it.");
    expect(prompter.printed).toContain("Answer the question first, then press Ctrl-O to add a comment to the answer.");
  });

  it("Ctrl-C at a dataset's type keeps its name; resuming asks the type, then Add another dataset?", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "assess-nav-"));
    const first = run([...profile, { ask: "Name of dataset 1", reply: "A" }, { ask: "A: What type", reply: INTERRUPT }], cwd);
    await expect(first.done).rejects.toEqual(new ExitError(130));
    const path = join(cwd, "office.session.json");
    expect(JSON.parse(readFileSync(path, "utf8")).answers.datasets).toEqual([{ id: "a", name: "A", answers: {} }]);
    const again = run(
      [
        { ask: "A: What type", reply: "survey" },
        { ask: "Add another dataset?", reply: INTERRUPT },
      ],
      cwd,
      { resume: path },
    );
    await expect(again.done).rejects.toEqual(new ExitError(130));
    expect(JSON.parse(readFileSync(path, "utf8")).answers.datasets).toEqual([{ id: "a", name: "A", answers: { ds_type: { value: "survey" } } }]);
  });

  it("Esc at Add another dataset? asks the last dataset's type again, and the change is saved", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "assess-nav-"));
    const { done } = run(
      [
        ...profile,
        { ask: "Name of dataset 1", reply: "A" },
        { ask: "A: What type", reply: "register" },
        { ask: "Add another dataset?", reply: NAV("back") },
        { ask: "A: What type", reply: "survey" },
        { ask: "Add another dataset?", reply: INTERRUPT },
      ],
      cwd,
    );
    await expect(done).rejects.toEqual(new ExitError(130));
    const saved = JSON.parse(readFileSync(join(cwd, "office.session.json"), "utf8"));
    expect(saved.answers.datasets).toEqual([{ id: "a", name: "A", answers: { ds_type: { value: "survey" } } }]);
    expect(saved.stage).toBe("datasets");
  });

  it("renames a dataset in the review (its id stays) and refuses to remove the only one", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "assess-nav-"));
    const { prompter, done } = run(
      [
        ...oneDataset,
        { ask: "Do you collect data on migrant children?", reply: "no" },
        { ask: "Is there a firewall", reply: "yes" },
        { ask: "Are backups tested?", reply: "yes" },
        { ask: "[A] Does it cover migrant children?", reply: "all" },
        { ask: "[A] How many child records", reply: "3" },
        { ask: "Review", reply: "ds:a" },
        { ask: "Dataset A:", reply: "remove" },
        { ask: "Review", reply: "ds:a" },
        { ask: "Dataset A:", reply: "rename" },
        { ask: "New name of dataset A", reply: { attempts: ["  ", "Register B"] } },
        { ask: "Review", reply: (choices) => (choices.some((c) => c.name === "Dataset 1: Register B (rename or remove)") ? "finish" : "not renamed") },
      ],
      cwd,
    );
    const result = await done;
    expect(result.answers.datasets.map((d) => [d.id, d.name])).toEqual([["a", "Register B"]]);
    expect(prompter.printed).toContain("The only dataset cannot be removed; rename it instead.");
  });
});
