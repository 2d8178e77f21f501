// Asking the questions, one step at a time, with keys to move between them.
import type { Answer, AnswerValue } from "../core/answers.js";
import { answerAt, firstOpenStep, groupKey, progressAt, stepKey, visibleSteps, withAnswer } from "../core/interview.js";
import type { Step } from "../core/interview.js";
import { DONT_KNOW, NOT_APPLICABLE, offersSpecials, optionsOf } from "../core/model.js";
import type { Lang, Question } from "../core/model.js";
import type { Questionnaire } from "../core/questionnaire.js";
import { terminalText as t } from "../core/terminal-text.js";
import type { NavAction } from "../io/nav-prompts.js";
import { BACK, PromptNavigation, backOr } from "../io/prompts.js";
import type { Choice } from "../io/prompts.js";
import type { Ctx } from "./interview.js";
import { KEYS, T, fill, keyHints, tr } from "./interview-text.js";
import { askTyped } from "./interview-typed.js";

const SKIP = "__skip__";

/**
 * Asks the questions from `from` (a step key; else the first open one) on, re-reading the
 * conditions after each answer, until none is open. The navigation keys move the cursor: back,
 * the go-to menu, the next unanswered question. After an answer the next open question in order
 * is shown (so after going back to fix an answer, the interview returns to where it was);
 * `review` goes to the first open one instead.
 */
export async function askQuestions(ctx: Ctx, q: Questionnaire, from?: string, review = false): Promise<void> {
  let at = from;
  for (;;) {
    const steps = visibleSteps(q, ctx.session.answers);
    const keys = steps.map((s) => stepKey(s, ctx.session.answers));
    let i = at === undefined ? -1 : keys.indexOf(at);
    if (i < 0) i = firstOpenStep(steps, ctx.session.answers, new Set(ctx.session.skipped), new Set(ctx.session.reask));
    if (i < 0) return;
    const move = await askStep(ctx, q, steps, i);
    if (move === "answered") {
      const now = visibleSteps(q, ctx.session.answers);
      const j = now.findIndex((s) => stepKey(s, ctx.session.answers) === keys[i]);
      const skipped = new Set(ctx.session.skipped);
      const next = review ? -1 : firstOpenStep(now.slice(j + 1), ctx.session.answers, skipped, new Set(ctx.session.reask));
      at = next < 0 ? undefined : stepKey(now[j + 1 + next]!, ctx.session.answers);
    } else if (move === "back") {
      if (i === 0) ctx.p.print(tr(T.firstQuestion, ctx.lang));
      at = keys[Math.max(0, i - 1)];
    } else if (move === "next") {
      const reask = new Set(ctx.session.reask);
      const open = (k: number) => answerAt(ctx.session.answers, steps[k]!) === undefined || reask.has(keys[k]!);
      const order = [...keys.keys()].slice(i + 1).concat([...keys.keys()].slice(0, i));
      const k = order.find(open);
      if (k === undefined) ctx.p.print(tr(T.allAnswered, ctx.lang));
      at = keys[k ?? i];
    } else if (move === "jump") {
      at = (await goTo(ctx, steps, i)) ?? keys[i];
    } else {
      await addComment(ctx, steps[i]!);
      at = keys[i];
    }
  }
}

function datasetSuffix(ctx: Ctx, s: Step): string {
  return s.datasetIndex === undefined ? "" : ` › ${t(ctx.session.answers.datasets[s.datasetIndex]!.name)}`;
}

/** Ctrl-G: a section, then a question in it; Esc returns to the question that was open. */
async function goTo(ctx: Ctx, steps: Step[], i: number): Promise<string | undefined> {
  const { p, lang } = ctx;
  const set = ctx.session.answers;
  const help = keyHints(lang, KEYS.menu);
  const firsts = [...new Map(steps.map((s) => [groupKey(s), s])).values()];
  const sectionName = (s: Step) => {
    const inGroup = steps.filter((x) => groupKey(x) === groupKey(s));
    const answered = inGroup.filter((x) => answerAt(set, x) !== undefined).length;
    const count = fill(T.answeredOf, lang, { a: answered, n: inGroup.length });
    return `${s.placed.module.title[lang]} · ${s.placed.section.title[lang]}${datasetSuffix(ctx, s)} (${count})`;
  };
  try {
    const group = await p.select<string>({
      message: tr(T.jumpSection, lang),
      choices: firsts.map((s) => ({ name: sectionName(s), value: groupKey(s) })),
      default: groupKey(steps[i]!),
      nav: true,
      help,
    });
    const inGroup = steps.filter((s) => groupKey(s) === group);
    const open = inGroup.find((s) => answerAt(set, s) === undefined) ?? inGroup[0]!;
    return await p.select<string>({
      message: tr(T.jumpQuestion, lang),
      choices: inGroup.map((s) => ({ name: `${s.placed.question.label[lang]}: ${answerText(s.placed.question, answerAt(set, s), lang)}`, value: stepKey(s, set) })),
      default: stepKey(open, set),
      numbered: true,
      nav: true,
      help,
    });
  } catch (e) {
    if (e instanceof PromptNavigation) return undefined;
    throw e;
  }
}

/** Asks one step: "answered" (or skipped) once saved, else the navigation key pressed. */
async function askStep(ctx: Ctx, q: Questionnaire, steps: Step[], i: number): Promise<"answered" | NavAction> {
  const { p, lang } = ctx;
  const step = steps[i]!;
  const { question, section, module } = step.placed;
  const current = answerAt(ctx.session.answers, step);
  const at = progressAt(q, ctx.session.answers, steps, i, new Set(ctx.session.skipped));
  const progress = fill(T.progress, lang, { k: at.k, n: at.n, d: at.done, s: at.total });
  p.print(`\n${t(module.title[lang])} · ${t(section.title[lang])}${datasetSuffix(ctx, step)} · ${progress}\n${t(question.help[lang], { newlines: true })}`);
  const label = step.datasetIndex === undefined ? question.label[lang] : `[${ctx.session.answers.datasets[step.datasetIndex]!.name}] ${question.label[lang]}`;

  let value: AnswerValue | undefined;
  try {
    value = await askValue(ctx, question, label, current?.value);
  } catch (e) {
    if (e instanceof PromptNavigation) return e.action;
    throw e;
  }
  const key = stepKey(step, ctx.session.answers);
  // Answered again (or skipped) after a module change: no longer waiting.
  if (ctx.session.reask?.includes(key)) ctx.session.reask = ctx.session.reask.filter((k) => k !== key);
  if (value === undefined) {
    ctx.session.answers = withAnswer(ctx.session.answers, step, undefined);
    if (!ctx.session.skipped.includes(key)) ctx.session.skipped.push(key);
    await ctx.save();
    return "answered";
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
  return "answered";
}

/** Ctrl-O: the comment on the answer at this step, added, changed or (left empty) removed. */
async function addComment(ctx: Ctx, step: Step): Promise<void> {
  const current = answerAt(ctx.session.answers, step);
  if (!current) return ctx.p.print(tr(T.answerFirst, ctx.lang));
  const comment = (await ctx.p.input({ message: tr(T.commentFor, ctx.lang), ...(current.comment ? { default: current.comment } : {}) })).trim();
  ctx.session.answers = withAnswer(ctx.session.answers, step, comment ? { value: current.value, comment } : { value: current.value });
  await ctx.save();
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
  const moving = (keys: (typeof KEYS)[keyof typeof KEYS]) => ({ nav: true, help: keyHints(lang, keys, KEYS.nav) });

  if (question.type === "single_choice" || question.type === "yes_no") {
    const choices: Choice<string>[] = [...optionsOf(question).map((o) => ({ name: o.label![lang], value: o.value })), ...specials];
    if (optional) choices.push({ name: tr(T.skip, lang), value: SKIP });
    const v = await p.select<string>({ message, choices, ...(typeof current === "string" ? { default: current } : {}), ...moving(KEYS.select) });
    return v === SKIP ? undefined : v;
  }

  if (question.type === "multiple_choice") {
    const was = new Set(Array.isArray(current) ? current : typeof current === "string" ? [current] : []);
    const opts = optionsOf(question);
    const choices: Choice<string>[] = [...opts.map((o) => ({ name: o.label![lang], value: o.value })), ...specials].map((c) => ({ ...c, checked: was.has(c.value) }));
    const ask = () =>
      p.checkbox<string>({
        message,
        choices,
        ...moving(KEYS.checkbox),
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
    let chosen = await ask();
    // Enter with nothing ticked is more often a slip than a decision: confirm it (Esc, as No, returns to the question).
    while (chosen.length === 0) {
      if ((await backOr(p.confirm({ message: tr(T.confirmEmpty, lang), default: false, nav: BACK, help: keyHints(lang, KEYS.back) }))) === true) return undefined;
      chosen = await ask();
    }
    if (chosen.length === 1 && (chosen[0] === DONT_KNOW || chosen[0] === NOT_APPLICABLE)) return chosen[0];
    return chosen;
  }

  return askTyped(ctx, question, message, current, { specials: specialsOffered, optional, moving: moving(KEYS.text) });
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
