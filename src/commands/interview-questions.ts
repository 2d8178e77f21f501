// Asking the questions, one step at a time, and the review screen.
import type { Answer, AnswerValue } from "../core/answers.js";
import { answerAt, firstOpenStep, stepKey, visibleSteps, withAnswer } from "../core/interview.js";
import type { Step } from "../core/interview.js";
import { DIMENSION_LABELS, DONT_KNOW, NOT_APPLICABLE, offersSpecials, optionsOf } from "../core/model.js";
import type { Lang, Question } from "../core/model.js";
import type { Questionnaire } from "../core/questionnaire.js";
import { terminalText as t } from "../core/terminal-text.js";
import type { Choice } from "../io/prompts.js";
import type { Ctx } from "./interview.js";
import { T, fill, tr } from "./interview-text.js";
import { askTyped } from "./interview-typed.js";

const SKIP = "__skip__";
const FINISH = -1;

/** Asks every visible, unanswered, not-skipped question, re-reading conditions after each answer. */
export async function askQuestions(ctx: Ctx, q: Questionnaire): Promise<void> {
  for (;;) {
    const steps = visibleSteps(q, ctx.session.answers);
    const i = firstOpenStep(steps, ctx.session.answers, new Set(ctx.session.skipped), new Set(ctx.session.reask));
    if (i < 0) return;
    await askStep(ctx, steps, i);
  }
}

/** The review screen: every answer by section; choose one to change it, or finish. */
export async function review(ctx: Ctx, q: Questionnaire): Promise<void> {
  const { p, lang } = ctx;
  for (;;) {
    const steps = visibleSteps(q, ctx.session.answers);
    const choices: Choice<number>[] = [{ name: tr(T.finish, lang), value: FINISH }];
    steps.forEach((s, i) => {
      const where = `${s.placed.section.title[lang]}${datasetSuffix(ctx, s)}`;
      choices.push({ name: `${where} › ${s.placed.question.label[lang]}: ${answerText(s.placed.question, answerAt(ctx.session.answers, s), lang)}`, value: i });
    });
    const chosen = await p.select<number>({ message: tr(T.reviewTitle, lang), choices });
    if (chosen === FINISH) {
      const open = steps.filter((s) => answerAt(ctx.session.answers, s) === undefined).length;
      if (open === 0 || (await p.confirm({ message: tr(T.openLeft, lang).replace("{n}", String(open)), default: false }))) return;
      continue;
    }
    const key = stepKey(steps[chosen]!, ctx.session.answers);
    ctx.session.skipped = ctx.session.skipped.filter((k) => k !== key);
    await askStep(ctx, steps, chosen);
    // A changed answer may show new follow-ups: ask them before returning to the review.
    await askQuestions(ctx, q);
  }
}

function datasetSuffix(ctx: Ctx, s: Step): string {
  return s.datasetIndex === undefined ? "" : ` › ${t(ctx.session.answers.datasets[s.datasetIndex]!.name)}`;
}

async function askStep(ctx: Ctx, steps: Step[], i: number): Promise<void> {
  const { p, lang } = ctx;
  const step = steps[i]!;
  const { question, section, module } = step.placed;
  const current = answerAt(ctx.session.answers, step);
  const dim = question.dimension ? DIMENSION_LABELS[question.dimension][lang] : tr(T.context, lang);
  p.print(`\n${t(module.title[lang])} › ${t(section.title[lang])}${datasetSuffix(ctx, step)}\n${dim} · ${i + 1} ${tr(T.of, lang)} ${steps.length}\n${t(question.help[lang], { newlines: true })}`);
  const label = step.datasetIndex === undefined ? question.label[lang] : `[${ctx.session.answers.datasets[step.datasetIndex]!.name}] ${question.label[lang]}`;

  const value = await askValue(ctx, question, label, current?.value);
  const key = stepKey(step, ctx.session.answers);
  // Answered again (or skipped) after a module change: no longer waiting.
  if (ctx.session.reask?.includes(key)) ctx.session.reask = ctx.session.reask.filter((k) => k !== key);
  if (value === undefined) {
    ctx.session.answers = withAnswer(ctx.session.answers, step, undefined);
    if (!ctx.session.skipped.includes(key)) ctx.session.skipped.push(key);
    await ctx.save();
    return;
  }
  let answer: Answer = { value };
  ctx.session.skipped = ctx.session.skipped.filter((k) => k !== key);
  ctx.session.answers = withAnswer(ctx.session.answers, step, { ...answer, ...(current?.comment ? { comment: current.comment } : {}) });
  // Saved before the comment is asked: a crash during the comment loses only the comment.
  await ctx.save();
  if (ctx.comments) {
    const comment = (await p.input({ message: tr(T.comment, lang), ...(current?.comment ? { default: current.comment } : {}) })).trim();
    answer = comment ? { value, comment } : { value };
    ctx.session.answers = withAnswer(ctx.session.answers, step, answer);
    await ctx.save();
  }
}

/** Asks for one value; undefined means skipped. */
async function askValue(ctx: Ctx, question: Question, message: string, current: AnswerValue | undefined): Promise<AnswerValue | undefined> {
  const { p, lang } = ctx;
  const specialsOffered = offersSpecials(question);
  const specials: Choice<string>[] = specialsOffered
    ? [
        { name: tr(T.dontKnow, lang), value: DONT_KNOW },
        { name: tr(T.notApplicable, lang), value: NOT_APPLICABLE },
      ]
    : [];
  const optional = !question.required;

  if (question.type === "single_choice" || question.type === "yes_no") {
    const choices: Choice<string>[] = [...optionsOf(question).map((o) => ({ name: o.label![lang], value: o.value })), ...specials];
    if (optional) choices.push({ name: tr(T.skip, lang), value: SKIP });
    const v = await p.select<string>({ message, choices, ...(typeof current === "string" ? { default: current } : {}) });
    return v === SKIP ? undefined : v;
  }

  if (question.type === "multiple_choice") {
    const was = new Set(Array.isArray(current) ? current : typeof current === "string" ? [current] : []);
    const opts = optionsOf(question);
    const choices: Choice<string>[] = [...opts.map((o) => ({ name: o.label![lang], value: o.value })), ...specials].map((c) => ({ ...c, checked: was.has(c.value) }));
    const chosen = await p.checkbox<string>({
      message,
      choices,
      validate: (values) => {
        if (values.length === 0) return optional ? true : tr(T.required, lang);
        const alone = values.find((v) => v === DONT_KNOW || v === NOT_APPLICABLE || opts.find((o) => o.value === v)?.exclusive);
        if (alone && values.length > 1) {
          const name = [...opts.map((o) => ({ v: o.value, n: o.label![lang] })), ...specials.map((s) => ({ v: s.value, n: s.name }))].find((x) => x.v === alone)?.n;
          return fill(T.chooseAlone, lang, { name: name ?? alone });
        }
        return true;
      },
    });
    if (chosen.length === 0) return undefined;
    if (chosen.length === 1 && (chosen[0] === DONT_KNOW || chosen[0] === NOT_APPLICABLE)) return chosen[0];
    return chosen;
  }

  return askTyped(ctx, question, message, current, { specials: specialsOffered, optional });
}

/** How an answer reads in the review list. */
export function answerText(question: Question, answer: Answer | undefined, lang: Lang): string {
  if (!answer) return tr(T.unanswered, lang);
  const v = answer.value;
  const one = (x: string) =>
    x === DONT_KNOW ? tr(T.dontKnow, lang) : x === NOT_APPLICABLE ? tr(T.notApplicable, lang) : (optionsOf(question).find((o) => o.value === x)?.label?.[lang] ?? x);
  const text = Array.isArray(v) ? v.map(one).join(", ") : typeof v === "string" && question.type !== "text" && question.type !== "date" ? one(v) : String(v);
  return answer.comment ? `${text} (${answer.comment})` : text;
}
