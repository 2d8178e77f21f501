// Moving around the interview on a real terminal: back, go to, the datasets loop after Ctrl-C,
// an empty multiple choice, and the review's pages and datasets.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { KEY, Terminal, profile } from "./helpers/pty.js";

const MODULES = resolve("test/fixtures/interview/modules");
const ARGS = ["interview", "--lang", "en", "--modules", MODULES];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "assess-nav-pty-"));
}

function session(cwd: string) {
  return JSON.parse(readFileSync(join(cwd, "pty-office.session.json"), "utf8"));
}

describe("moving around the interview", () => {
  it("goes back three questions with Esc, and a changed answer re-applies the conditions", async () => {
    const cwd = tempDir();
    const t = new Terminal(ARGS, cwd);
    await profile(t);
    await t.answer("Do you collect data on migrant children?", KEY.enter); // yes
    await t.answer("How complete is the coverage?", KEY.down + KEY.enter); // half
    await t.answer("Is there a firewall", KEY.enter); // yes
    await t.answer("Are backups tested?", KEY.esc);
    await t.answer("Is there a firewall", KEY.esc);
    await t.answer("How complete is the coverage?", KEY.esc);
    // the answer given is where the cursor starts: two down from yes is no
    await t.answer("Do you collect data on migrant children?", KEY.down + KEY.down + KEY.enter);
    // no hides the coverage question; the interview returns to the question it left
    await t.answer("Are backups tested?", KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(t.screen).toContain("Esc back · Ctrl-G go to · Ctrl-N next unanswered · Ctrl-O comment");
    expect(t.screen).toContain("General · Governance · question 4 of 4 in this section · sections done 0 of 2");
    expect(t.screen).toContain("General · Governance · question 3 of 3 in this section · sections done 0 of 2");
    const saved = session(cwd).answers.answers;
    expect(saved.collects_migrant_children).toEqual({ value: "no" });
    // the hidden answer stays in the session (and is named when the file is written)
    expect(saved.gen_coverage).toEqual({ value: "half" });
    expect(saved.gen_firewall).toEqual({ value: "yes" });
  });

  it("jumps to a section with Ctrl-G, and Ctrl-O adds a comment to the answer", async () => {
    const cwd = tempDir();
    const t = new Terminal(ARGS, cwd);
    await profile(t, ["Register", "Survey"]);
    await t.answer("Do you collect data on migrant children?", KEY.ctrlG);
    await t.answer("Go to which section?", KEY.down + KEY.down + KEY.enter); // Datasets › Survey
    await t.answer("Go to which question?", KEY.enter); // its first open question
    await t.answer("[Survey] Does it cover migrant children?", KEY.down + KEY.enter); // some
    await t.answer("[Survey] How many child records", KEY.ctrlO);
    // the message, then the same question again
    await t.answer("Answer the question first", KEY.esc);
    await t.answer("[Survey] Does it cover migrant children?", KEY.ctrlO);
    await t.answer("Comment on this answer", `estimate${KEY.enter}`);
    await t.answer("[Survey] Does it cover migrant children?", KEY.ctrlN);
    // the next unanswered question after this one, in order
    await t.answer("[Survey] How many child records", KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(t.screen).toContain("General · Datasets › Survey (1 of 3 answered)");
    const s = session(cwd).answers;
    expect(s.answers).toEqual({});
    expect(s.datasets[1].answers).toEqual({ ds_type: { value: "register" }, ds_children: { value: "some", comment: "estimate" } });
  });

  it("Ctrl-C at Add another dataset? resumes at that question; Esc there goes back to the last type, Esc at the name undoes a yes", async () => {
    const c = tempDir();
    const t = new Terminal(ARGS, c);
    await t.answer("Institution (department or agency) name", `PTY Office${KEY.enter}`);
    for (const q of ["Ministry or parent body", "Division or unit"]) await t.answer(q, KEY.enter);
    await t.answer("Focal point's name", `Tester${KEY.enter}`);
    for (const q of ["position", "e-mail or phone"]) await t.answer(q, KEY.enter);
    await t.answer("Name of dataset 1", `Register${KEY.enter}`);
    await t.answer("What type of dataset is this?", KEY.enter);
    await t.answer("Add another dataset?", `y${KEY.enter}`);
    await t.answer("Name of dataset 2", `Survey${KEY.enter}`);
    await t.answer("What type of dataset is this?", KEY.down + KEY.enter);
    await t.answer("Add another dataset?", KEY.ctrlC);
    expect(await t.exited).toBe(130);

    const r = new Terminal([...ARGS, "--resume", "pty-office.session.json"], c);
    // the yes/no prompt takes the back key: Survey's type again, its answer the default
    await r.answer("Add another dataset?", KEY.esc);
    await r.answer("Survey: What type of dataset is this?", KEY.up + KEY.enter);
    await r.answer("Add another dataset?", `y${KEY.enter}`);
    await r.answer("Name of dataset 3", KEY.esc);
    await r.answer("Add another dataset?", `n${KEY.enter}`);
    await r.answer("Which area modules", KEY.ctrlC);
    expect(await r.exited).toBe(130);
    expect(r.screen).not.toContain("An answer is needed here.");
    expect(session(c).answers.datasets.map((d: { name: string }) => d.name)).toEqual(["Register", "Survey"]);
    expect(session(c).answers.datasets[1].answers).toEqual({ ds_type: { value: "register" } });
    expect(session(c).stage).toBe("modules");
  });

  it("asks to confirm an optional multiple choice left empty", async () => {
    const cwd = tempDir();
    const modules = join(cwd, "modules");
    cpSync(MODULES, modules, { recursive: true });
    const one = readFileSync(join(modules, "area_one.yaml"), "utf8");
    writeFileSync(join(modules, "area_one.yaml"), one.replace(/(id: one_practices[\s\S]*?)\n\s*required: true/, "$1"));
    const t = new Terminal(["interview", "--lang", "en", "--modules", modules], cwd);
    await profile(t, ["Register"], KEY.space + KEY.enter); // area one
    await t.answer("Do you collect data on migrant children?", KEY.ctrlG);
    await t.answer("Go to which section?", KEY.end + KEY.enter); // Area one › Practices is last
    await t.answer("Go to which question?", KEY.enter);
    await t.answer("Which practices are in place?", KEY.enter);
    await t.answer("Nothing is ticked. Leave this question unanswered for now?", `n${KEY.enter}`);
    await t.answer("Which practices are in place?", KEY.enter);
    // Esc at the yes/no prompt returns to the question, as No does
    await t.answer("Nothing is ticked.", KEY.esc);
    await t.answer("Which practices are in place?", KEY.space + KEY.enter);
    await t.answer("When was the register last updated?", KEY.esc);
    await t.answer("Which practices are in place?", KEY.space + KEY.enter); // untick: empty
    await t.answer("Nothing is ticked.", `y${KEY.enter}`);
    await t.answer("When was the register last updated?", KEY.ctrlC);
    expect(await t.exited).toBe(130);
    const s = session(cwd);
    expect(s.answers.answers.one_practices).toBeUndefined();
    expect(s.skipped).toEqual(["one_practices"]);
  });

  it("pages the review, keeps the cursor on the item changed, and removes a dataset", async () => {
    const cwd = tempDir();
    // 15 rows: pages of 7 items, for 13 items (9 answers, 2 datasets, add, finish)
    const t = new Terminal(ARGS, cwd, { rows: 15 });
    await profile(t, ["Register", "Survey"]);
    await t.answer("Do you collect data on migrant children?", KEY.down + KEY.down + KEY.enter); // no
    await t.answer("Is there a firewall", KEY.enter);
    await t.answer("Are backups tested?", KEY.enter);
    await t.answer("[Register] Does it cover migrant children?", KEY.enter);
    await t.answer("[Register] How many child records", `5${KEY.enter}`);
    await t.answer("[Survey] Does it cover migrant children?", KEY.enter);
    await t.answer("[Survey] How many child records", `7${KEY.enter}`);
    await t.answer("Review", KEY.home);
    await t.answer("(1/13)", KEY.pageDown);
    await t.answer("(8/13)", KEY.end);
    await t.answer("(13/13)", KEY.pageUp);
    await t.answer("(6/13)", "2"); // the firewall question, by its number
    await t.answer("(2/13)", KEY.enter);
    await t.answer("Is there a firewall", KEY.down + KEY.enter); // no
    // back in the review on the item just changed
    await t.answer("(2/13)", KEY.end + KEY.up + KEY.up + KEY.enter); // Dataset 2: Survey
    await t.answer("Dataset Survey:", KEY.down + KEY.enter); // Remove
    await t.answer("Remove dataset Survey and its 3 answer(s)?", `y${KEY.enter}`);
    await t.answer("Review", KEY.end + KEY.enter); // Finish
    expect(await t.exited).toBe(0);
    expect(t.screen).toContain("PgUp/PgDn page · Home/End first/last · 0-9 go to a number");
    const written = parse(readFileSync(join(cwd, "pty-office.answers.yaml"), "utf8"));
    expect(written.answers.gen_firewall).toEqual({ value: "no" });
    expect(written.datasets.map((d: { name: string }) => d.name)).toEqual(["Register"]);
  });
});
