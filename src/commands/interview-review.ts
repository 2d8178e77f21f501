// The review screen: every answer by number, in pages; choose one to change it, rename or remove
// a dataset, add one, or finish (naming the questions still open and offering to go to them).
import { answerAt, stepKey, visibleSteps } from "../core/interview.js";
import type { Step } from "../core/interview.js";
import type { Questionnaire } from "../core/questionnaire.js";
import { terminalText as t } from "../core/terminal-text.js";
import type { Choice } from "../io/prompts.js";
import type { Ctx } from "./interview.js";
import { answerText, askQuestions } from "./interview-questions.js";
import { addDataset } from "./interview-setup.js";
import { KEYS, T, fill, keyHints, tr } from "./interview-text.js";

const FINISH = "finish";
const ADD = "add";
const GO_ON = "review";

export async function review(ctx: Ctx, q: Questionnaire): Promise<void> {
  const { p, lang } = ctx;
  // The cursor stays on the item last chosen, so that the next change starts from there.
  let cursor = FINISH;
  for (;;) {
    const set = ctx.session.answers;
    const steps = visibleSteps(q, set);
    const choices: Choice<string>[] = steps.map((s) => ({ name: `${where(ctx, s)} › ${s.placed.question.label[lang]}: ${answerText(s.placed.question, answerAt(set, s), lang)}`, value: `q:${stepKey(s, set)}` }));
    set.datasets.forEach((d, i) => choices.push({ name: fill(T.datasetItem, lang, { n: i + 1, name: d.name }), value: `ds:${d.id}` }));
    choices.push({ name: tr(T.addDataset, lang), value: ADD }, { name: tr(T.finish, lang), value: FINISH });
    const chosen = await p.select<string>({ message: tr(T.reviewTitle, lang), choices, default: cursor, numbered: true, help: keyHints(lang, KEYS.review) });
    cursor = chosen;
    if (chosen === FINISH) {
      const next = await finish(ctx, steps);
      if (next === FINISH) return;
      if (next === GO_ON) continue;
      cursor = `q:${next}`;
      await askQuestions(ctx, q, next, true);
    } else if (chosen === ADD) {
      await addDataset(ctx);
      cursor = `ds:${ctx.session.answers.datasets.at(-1)!.id}`;
      // The new dataset's questions are asked now, as they would have been in the interview.
      await askQuestions(ctx, q, undefined, true);
    } else if (chosen.startsWith("ds:")) {
      await editDataset(ctx, chosen.slice(3));
      if (!ctx.session.answers.datasets.some((d) => `ds:${d.id}` === chosen)) cursor = FINISH;
    } else {
      const key = chosen.slice(2);
      ctx.session.skipped = ctx.session.skipped.filter((k) => k !== key);
      // A changed answer may show new follow-ups: they are asked before returning here.
      await askQuestions(ctx, q, key, true);
    }
  }
}

function where(ctx: Ctx, s: Step): string {
  const ds = s.datasetIndex === undefined ? "" : ` › ${t(ctx.session.answers.datasets[s.datasetIndex]!.name)}`;
  return `${s.placed.section.title[ctx.lang]}${ds}`;
}

/** Finish, back to the review, or the key of an open question to go to. */
async function finish(ctx: Ctx, steps: Step[]): Promise<string> {
  const { p, lang } = ctx;
  const set = ctx.session.answers;
  const open = steps.map((s, i) => ({ s, n: i + 1 })).filter(({ s }) => answerAt(set, s) === undefined);
  if (open.length === 0) return FINISH;
  return p.select<string>({
    message: fill(T.openList, lang, { n: open.length }),
    choices: [
      ...open.map(({ s, n }) => ({ name: `${n}. ${where(ctx, s)} › ${s.placed.question.label[lang]}`, value: stepKey(s, set) })),
      { name: tr(T.backToReview, lang), value: GO_ON },
      { name: tr(T.finishAnyway, lang), value: FINISH },
    ],
    help: keyHints(lang, KEYS.select),
  });
}

/** Rename a dataset, or remove it with its answers (asked first, naming how many). */
async function editDataset(ctx: Ctx, id: string): Promise<void> {
  const { p, lang } = ctx;
  const set = ctx.session.answers;
  const ds = set.datasets.find((d) => d.id === id)!;
  const action = await p.select<string>({
    message: fill(T.datasetAction, lang, { name: ds.name }),
    choices: [
      { name: tr(T.rename, lang), value: "rename" },
      { name: tr(T.remove, lang), value: "remove" },
      { name: tr(T.cancel, lang), value: "cancel" },
    ],
    help: keyHints(lang, KEYS.select),
  });
  if (action === "rename") {
    const name = (
      await p.input({
        message: fill(T.newName, lang, { name: ds.name }),
        default: ds.name,
        validate: (s) => (s.trim() === "" ? tr(T.required, lang) : set.datasets.some((d) => d !== ds && d.name === s.trim()) ? tr(T.datasetTaken, lang) : true),
      })
    ).trim();
    // The id stays: it names the dataset's answers in the session (skipped questions) and the file.
    ctx.session.answers = { ...set, datasets: set.datasets.map((d) => (d === ds ? { ...d, name } : d)) };
  } else if (action === "remove") {
    if (set.datasets.length === 1) return p.print(tr(T.onlyDataset, lang));
    const n = Object.keys(ds.answers).length;
    if (!(await p.confirm({ message: fill(T.removeConfirm, lang, { name: ds.name, n }), default: false }))) return;
    ctx.session.answers = { ...set, datasets: set.datasets.filter((d) => d !== ds) };
    ctx.session.skipped = ctx.session.skipped.filter((k) => !k.startsWith(`${id}/`));
  } else return;
  await ctx.save();
}
