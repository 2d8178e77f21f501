// The interview, driven end to end through its prompt layer with scripted answers.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { interviewCommand } from "../src/commands/interview.js";
import { checkAnswers } from "../src/core/check-answers.js";
import { scoreAnswers } from "../src/core/scoring.js";
import { readAnswerFile } from "../src/io/answers.js";
import { loadModules } from "../src/io/modules.js";
import { ExitError, UsageError } from "../src/errors.js";
import { INTERRUPT, ScriptedPrompter } from "./helpers/scripted-prompter.js";
import type { Step } from "./helpers/scripted-prompter.js";

const MODULES = "test/fixtures/interview/modules";
const TODAY = "2026-11-20";

const profile: Step[] = [
  { ask: "Institution (department or agency) name", reply: "Fictional Registration Office" },
  { ask: "Ministry or parent body", reply: "moi" },
  { ask: "Division or unit", reply: "" },
  { ask: "Focal point's name", reply: "Example Person" },
  { ask: "position", reply: "" },
  { ask: "e-mail or phone", reply: "person@example.org" },
  { ask: "Name of dataset 1", reply: "Register A" },
  { ask: "Register A: What type of dataset is this?", reply: "register" },
  { ask: "Add another dataset?", reply: true },
  { ask: "Name of dataset 2", reply: { attempts: ["Register A", "Survey B"] } },
  { ask: "Survey B: What type of dataset is this?", reply: "survey" },
  { ask: "Add another dataset?", reply: false },
  { ask: "Which area modules", reply: ["area_one", "area_two"] },
];

const general: Step[] = [
  { ask: "Do you collect data on migrant children?", reply: "partly" },
  { ask: "Comment", reply: "" },
  // shown because the answer above is partly
  { ask: "How complete is the coverage?", reply: "half" },
  { ask: "Comment", reply: "" },
  { ask: "Is there a firewall", reply: "dont_know" },
  { ask: "Comment", reply: "Legal office to confirm" },
  { ask: "Are backups tested?", reply: "not_applicable" },
  { ask: "Comment", reply: "" },
  // ds_type was asked with the dataset's name, so each dataset starts at ds_children
  { ask: "[Register A] Does it cover migrant children?", reply: "all" },
  { ask: "Comment", reply: "" },
  { ask: "[Register A] How many child records", reply: { attempts: ["about twelve hundred", "-5", "1,200"] } },
  { ask: "Comment", reply: "" },
  { ask: "[Survey B] Does it cover migrant children?", reply: "some" },
  { ask: "Comment", reply: "" },
  { ask: "[Survey B] How many child records", reply: "" }, // skipped
];

const areas: Step[] = [
  { ask: "Which practices are in place?", reply: { attempts: [["mou", "none"], ["dont_know", "sdc"], ["mou"]] } },
  { ask: "Comment", reply: "" },
  { ask: "When was the register last updated?", reply: { attempts: ["30/06/68", "2025-02-30", "2027-01-01", "30/06/2568"] } },
  { ask: "Comment", reply: "" },
  // two_level is hidden: it needs collects_migrant_children = yes
  { ask: "Any other remarks?", reply: "Pilot data only." },
  { ask: "Comment", reply: "" },
];

const reviewAndFinish: Step[] = [
  { ask: "Review", reply: (choices) => choices.find((c) => c.name.includes("Do you collect data on migrant children?"))!.value },
  { ask: "Do you collect data on migrant children?", reply: "yes" },
  { ask: "Comment", reply: "" },
  // the change shows two_level, which is asked before going back to the review
  { ask: "How are records kept?", reply: "paper" },
  { ask: "Comment", reply: "" },
  { ask: "Review", reply: "finish" },
  { ask: "1 question(s) not answered yet. Go to one, or finish?", reply: "finish" },
];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "assess-interview-"));
}

async function runScript(script: Step[], cwd: string, extra: Parameters<typeof interviewCommand>[0] = {}) {
  const prompter = new ScriptedPrompter(script);
  // These scripts answer the comment prompt after each answer (--comments); the default offers it on Ctrl-O.
  const result = await interviewCommand({ modules: MODULES, lang: "en", comments: true, ...extra }, { prompter, cwd, today: TODAY });
  expect(prompter.done).toBe(true);
  return { prompter, result };
}

describe("a full interview: two datasets, two modules", () => {
  it("writes the answer file and scores it, value by value", async () => {
    const cwd = tempDir();
    const { prompter, result } = await runScript([...profile, ...general, ...areas, ...reviewAndFinish], cwd);

    expect(result.output).toBe(join(cwd, "fictional-registration-office.answers.yaml"));
    // the session file is gone once the answer file is written
    expect(readdirSync(cwd)).toEqual(["fictional-registration-office.answers.yaml"]);
    const written = parse(readFileSync(result.output, "utf8"));
    expect(written).toEqual({
      format: "assess-answers/1",
      institution: { id: "fictional-registration-office", name: "Fictional Registration Office", ministry: "Ministry of Interior", themes: ["birth_registration", "legal_identity", "border_mobility"] },
      respondent: { name: "Example Person", email: "person@example.org" },
      date: TODAY,
      language: "en",
      modules: { general: "1.0.0", area_one: "1.0.0", area_two: "1.0.0" },
      answers: {
        collects_migrant_children: { value: "yes" },
        gen_coverage: { value: "half" },
        gen_firewall: { value: "dont_know", comment: "Legal office to confirm" },
        gen_backup: { value: "not_applicable" },
        one_practices: { value: ["mou"] },
        one_updated: { value: "2025-06-30" },
        two_level: { value: "paper" },
        two_note: { value: "Pilot data only." },
      },
      datasets: [
        { id: "register-a", name: "Register A", answers: { ds_type: { value: "register" }, ds_children: { value: "all" }, ds_records: { value: 1200 } } },
        { id: "survey-b", name: "Survey B", answers: { ds_type: { value: "survey" }, ds_children: { value: "some" } } },
      ],
    });

    // what was rejected while typing, and why
    expect(prompter.rejected).toEqual([
      "A dataset with this name is already listed.",
      '"about twelve hundred" is not a number',
      "expected at least 0",
      '"None of these" cannot be combined with other choices',
      "\"Don't know\" cannot be combined with other choices",
      'the year in "30/06/68" is not clear: write all four digits, as B.E. (2568) or C.E. (2025)',
      '"2025-02-30" is not a date that exists (dates are read day/month/year or year-month-day)',
      "2027-01-01 is after today (2026-11-20)",
    ]);
    // the date understood is said back: 2568 is a Buddhist-era year
    expect(prompter.printed).toContain("  → 30 June 2025 (2025-06-30)");
    // position and help are shown before each question
    // (the section's count is of the questions visible now: the first answer shows a follow-up)
    expect(prompter.printed).toContain("\nGeneral · Governance · question 1 of 3 in this section · sections done 0 of 5\nAny records.");
    expect(prompter.printed).toContain("\nGeneral · Governance · question 2 of 4 in this section · sections done 0 of 5\nOf children regardless of status.");
    // ds_type was answered with the dataset's name; each dataset's section counts once
    expect(prompter.printed.some((t) => t.includes("General · Datasets › Survey B · question 2 of 3 in this section · sections done 2 of 5"))).toBe(true);
    expect(prompter.printed.some((t) => t.includes("Area one · Practices · question 1 of 2 in this section · sections done 3 of 5"))).toBe(true);

    // the file reads back and scores as the engine scores it
    const loaded = await loadModules(MODULES);
    const read = await readAnswerFile(result.output);
    const checked = checkAnswers(read.set!, loaded.modules.map((m) => m.module), "x");
    expect(checked.problems).toEqual([]);
    const sc = scoreAnswers(checked.questionnaire, read.set!);
    // collection: coverage half (3 × 0.5), ds_children mean(1, 0.5) (2 × 0.75), one_updated 17 months: level 1 (1 × 0.25)
    expect(sc.dimensions.collection.score).toBeCloseTo((100 * 3.25) / 6, 10);
    // sharing: firewall don't know (3 × 0), practices mou = 2/3 (2 × 2/3)
    expect(sc.dimensions.sharing.score).toBeCloseTo((100 * (4 / 3)) / 5, 10);
    // hosting: backup not applicable, two_level paper level 1
    expect(sc.dimensions.hosting.score).toBeCloseTo(25, 10);
    expect(sc.gaps.filter((g) => g.critical).map((g) => g.question)).toEqual(["gen_firewall"]);
    // and the scorecard is printed at the end
    expect(prompter.printed.at(-1)).toContain("Critical gaps (1)");
  });

  it("keeps, names and does not score an answer that a changed gate hides", async () => {
    const cwd = tempDir();
    const hideInReview: Step[] = [
      { ask: "Review", reply: (choices) => choices.find((c) => c.name.includes("Do you collect data on migrant children?"))!.value },
      { ask: "Do you collect data on migrant children?", reply: "no" },
      { ask: "Comment", reply: "" },
      // gen_coverage is no longer listed in the review
      { ask: "Review", reply: (choices) => (choices.some((c) => c.name.includes("How complete is the coverage?")) ? "listed" : "finish") },
      { ask: "1 question(s) not answered yet. Go to one, or finish?", reply: "finish" },
    ];
    const { prompter, result } = await runScript([...profile, ...general, ...areas, ...hideInReview], cwd);
    const written = parse(readFileSync(result.output, "utf8"));
    expect(written.answers.collects_migrant_children).toEqual({ value: "no" });
    expect(written.answers.gen_coverage).toEqual({ value: "half" });
    expect(prompter.printed.some((t) => t.includes("1 answer(s) belong to questions that no longer apply") && t.includes("gen_coverage"))).toBe(true);
    const loaded = await loadModules(MODULES);
    const read = await readAnswerFile(result.output);
    const checked = checkAnswers(read.set!, loaded.modules.map((m) => m.module), "x");
    expect(checked.problems.map((p) => [p.code, p.path.join(".")])).toEqual([["ANSWER_TO_HIDDEN_QUESTION", "answers.gen_coverage"]]);
    const sc = scoreAnswers(checked.questionnaire, checked.clean);
    expect(sc.questions.find((q) => q.question === "gen_coverage")!.cells[0]!.status).toBe("hidden");
  });

  it("asks in Thai", async () => {
    const cwd = tempDir();
    const prompter = new ScriptedPrompter([{ ask: "Language / ภาษา", reply: "th" }, { ask: "ชื่อหน่วยงาน", reply: INTERRUPT }]);
    await expect(interviewCommand({ modules: MODULES }, { prompter, cwd, today: TODAY })).rejects.toEqual(new ExitError(130));
    expect(prompter.printed.join("\n")).toContain("หยุดก่อนมีคำตอบ");
  });
});

describe("never lose an answer", () => {
  it("Ctrl-C saves, prints the resume command and exits 130; resuming continues at the first open question", async () => {
    const cwd = tempDir();
    const first = new ScriptedPrompter([...profile, ...general.slice(0, 6), { ask: "Are backups tested?", reply: INTERRUPT }]);
    await expect(interviewCommand({ modules: MODULES, lang: "en", comments: true }, { prompter: first, cwd, today: TODAY })).rejects.toEqual(new ExitError(130));
    const session = join(cwd, "fictional-registration-office.session.json");
    expect(first.printed.at(-1)).toContain(`assess interview --resume ${session}`);
    const saved = JSON.parse(readFileSync(session, "utf8"));
    expect(saved.answers.answers).toEqual({
      collects_migrant_children: { value: "partly" },
      gen_coverage: { value: "half" },
      gen_firewall: { value: "dont_know", comment: "Legal office to confirm" },
    });

    // a new interview here offers to resume it
    const { result } = await runScript(
      [{ ask: "An unfinished interview was found here.", reply: session }, ...general.slice(6), ...areas, ...reviewAndFinish],
      cwd,
    );
    const answers = parse(readFileSync(result.output, "utf8"));
    expect(answers.answers.gen_firewall).toEqual({ value: "dont_know", comment: "Legal office to confirm" });
    expect(answers.datasets[0].answers.ds_records).toEqual({ value: 1200 });
    expect(existsSync(session)).toBe(false);
  });

  it("after a module changed, keeps answers that still fit and asks again only those that do not", async () => {
    const cwd = tempDir();
    const first = new ScriptedPrompter([...profile, ...general.slice(0, 4), { ask: "Is there a firewall", reply: INTERRUPT }]);
    await expect(interviewCommand({ modules: MODULES, lang: "en", comments: true }, { prompter: first, cwd, today: TODAY })).rejects.toBeInstanceOf(ExitError);

    // version 2 of the general module rewords gen_coverage and renames the option "partly"
    const v2 = join(cwd, "modules-v2");
    cpSync(MODULES, v2, { recursive: true });
    const g = readFileSync(join(v2, "general.yaml"), "utf8")
      .replace("version: 1.0.0", "version: 2.0.0")
      .replace("How complete is the coverage?", "How complete is the coverage today?")
      .replace("value: partly", "value: in_part")
      .replace('in: ["yes", partly]', 'in: ["yes", in_part]');
    writeFileSync(join(v2, "general.yaml"), g);
    const session = join(cwd, "fictional-registration-office.session.json");

    const prompter = new ScriptedPrompter([
      { ask: "Continue with the current questionnaire?", reply: true },
      { ask: "Do you collect data on migrant children?", reply: INTERRUPT },
    ]);
    await expect(interviewCommand({ modules: v2, lang: "en", resume: session }, { prompter, cwd, today: TODAY })).rejects.toBeInstanceOf(ExitError);
    const explained = prompter.printed.join("\n");
    expect(explained).toContain("general: 1.0.0 → 2.0.0");
    expect(explained).toContain("changed questions, answers kept: gen_coverage");
    expect(explained).toContain("changed questions (asked again): collects_migrant_children");
    let saved = JSON.parse(readFileSync(session, "utf8"));
    expect(saved.modules.general).toBe("2.0.0");
    // the answer that no longer fits stays in the file until it is replaced
    expect(saved.answers.answers).toEqual({ collects_migrant_children: { value: "partly" }, gen_coverage: { value: "half" } });
    expect(saved.reask).toEqual(["collects_migrant_children"]);

    // the session remembers its modules folder; the kept answer is not asked again
    const again = new ScriptedPrompter([
      { ask: "Do you collect data on migrant children?", reply: "in_part" },
      { ask: "Is there a firewall", reply: INTERRUPT },
    ]);
    await expect(interviewCommand({ lang: "en", resume: session }, { prompter: again, cwd, today: TODAY })).rejects.toBeInstanceOf(ExitError);
    saved = JSON.parse(readFileSync(session, "utf8"));
    expect(saved.answers.answers).toEqual({ collects_migrant_children: { value: "in_part" }, gen_coverage: { value: "half" } });
    expect(saved.reask).toEqual([]);
  });

  it("answering No to the changed questionnaire leaves the session as it was and says how to go on", async () => {
    const cwd = tempDir();
    const first = new ScriptedPrompter([...profile, ...general.slice(0, 2), { ask: "How complete is the coverage?", reply: INTERRUPT }]);
    await expect(interviewCommand({ modules: MODULES, lang: "en", comments: true }, { prompter: first, cwd, today: TODAY })).rejects.toBeInstanceOf(ExitError);
    const v2 = join(cwd, "modules-v2");
    cpSync(MODULES, v2, { recursive: true });
    writeFileSync(join(v2, "general.yaml"), readFileSync(join(v2, "general.yaml"), "utf8").replace("version: 1.0.0", "version: 2.0.0"));
    const session = join(cwd, "fictional-registration-office.session.json");
    const before = readFileSync(session, "utf8");
    const prompter = new ScriptedPrompter([{ ask: "Continue with the current questionnaire?", reply: false }]);
    const refused = interviewCommand({ modules: v2, lang: "en", resume: session }, { prompter, cwd, today: TODAY });
    await expect(refused).rejects.toBeInstanceOf(UsageError);
    await expect(refused).rejects.toThrow(`assess interview --resume ${session} --modules`);
    expect(readFileSync(session, "utf8")).toBe(before);
  });

  it("never overwrites an existing answer file: a new name is chosen", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "fictional-registration-office.answers.yaml"), "keep me\n");
    const prompter = new ScriptedPrompter([...profile.slice(0, 6), { ask: "Name of dataset 1", reply: INTERRUPT }]);
    await expect(interviewCommand({ modules: MODULES, lang: "en" }, { prompter, cwd, today: TODAY })).rejects.toBeInstanceOf(ExitError);
    expect(readFileSync(join(cwd, "fictional-registration-office.answers.yaml"), "utf8")).toBe("keep me\n");
    expect(existsSync(join(cwd, "fictional-registration-office-2.session.json"))).toBe(true);
  });
});
