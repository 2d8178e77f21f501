// `assess interview`: an NSO statistician and a ministry focal point answer the questionnaire
// together. Every answer is saved to the session file the moment it is given.
import { dirname, resolve } from "node:path";
import type { AnswerSet } from "../core/answers.js";
import { hiddenAnswers, stepKey } from "../core/interview.js";
import type { Lang, Module } from "../core/model.js";
import { buildQuestionnaire } from "../core/questionnaire.js";
import type { Questionnaire } from "../core/questionnaire.js";
import { institutionResult } from "../core/results.js";
import { scoreAnswers } from "../core/scoring.js";
import { EXIT, ExitError } from "../errors.js";
import { writeAnswerFile } from "../io/answers.js";
import { displayPath } from "../io/fs.js";
import { requireModules } from "../io/modules.js";
import { PromptInterrupted, safePrompter } from "../io/prompts.js";
import type { Prompter } from "../io/prompts.js";
import type { Session } from "../io/session.js";
import type { SessionLock } from "../io/session-guard.js";
import { terminalText as t } from "../core/terminal-text.js";
import { renderScorecard } from "../report/terminal.js";
import { askQuestions } from "./interview-questions.js";
import { review } from "./interview-review.js";
import { offerResume, resume } from "./interview-resume.js";
import { saveOnce, saveOrRecover } from "./interview-save.js";
import { askProfile, start } from "./interview-start.js";
import { T, tr } from "./interview-text.js";

export interface InterviewOptions {
  modules?: string;
  lang?: Lang;
  /** Area module ids to preselect. */
  select?: string[];
  output?: string;
  resume?: string;
  force?: boolean;
  comments?: boolean;
}

export interface InterviewDeps {
  prompter: Prompter;
  /** Folder where answer and session files go by default. */
  cwd: string;
  /** Today, YYYY-MM-DD. */
  today: string;
}

export interface InterviewResult {
  output: string;
  answers: AnswerSet;
}

/** State shared by the interview's steps; `save` writes the session file. */
export interface Ctx {
  p: Prompter;
  lang: Lang;
  modules: Module[];
  session: Session;
  sessionPath: string;
  comments: boolean;
  /** Today, YYYY-MM-DD: a date after it is refused where a past date is asked. */
  today: string;
  /** Area modules to tick in the module question (from --modules a,b). */
  preselect?: string[];
  /** This process's hold on the session file. */
  lock?: SessionLock;
  save(): Promise<void>;
}

/** Where the interview is: the context once a session exists, for Ctrl-C and the lock's release. */
export interface Held {
  ctx?: Ctx;
}

export async function interviewCommand(options: InterviewOptions, deps: InterviewDeps): Promise<InterviewResult> {
  const modules = await requireModules(options.modules);
  deps = { ...deps, prompter: safePrompter(deps.prompter) };
  const p = deps.prompter;
  const held: Held = {};
  if (options.lang) p.language?.(options.lang);
  // The language chosen before a session exists, for the message on an early Ctrl-C.
  const chosen = { lang: options.lang ?? ("en" as Lang) };
  try {
    const ctx = (options.resume ? await resume(resolve(deps.cwd, options.resume), modules, options, deps, held) : await offerResume(modules, options, deps, held)) ?? (await start(modules, options, deps, chosen, held));
    return await run(ctx);
  } catch (e) {
    if (e instanceof PromptInterrupted) {
      const ctx = held.ctx;
      if (ctx) {
        if (await saveOnce(ctx)) {
          const dir = options.modules ?? ctx.session.modulesDir;
          p.print(`\n${tr(T.savedResume, ctx.lang)}\n  assess interview --resume ${displayPath(ctx.sessionPath)}${dir ? ` --modules ${displayPath(dir)}` : ""}\n`);
        }
      } else {
        p.print(`\n${tr(T.nothingSaved, chosen.lang)}\n`);
      }
      throw new ExitError(EXIT.INTERRUPTED);
    }
    throw e;
  } finally {
    await held.ctx?.lock?.release();
  }
}

export function makeCtx(p: Prompter, lang: Lang, modules: Module[], session: Session, sessionPath: string, options: InterviewOptions, today: string): Ctx {
  p.language?.(lang);
  const ctx: Ctx = {
    p,
    lang,
    modules,
    session,
    sessionPath,
    // A comment is offered on a key (Ctrl-O) at every question; --comments asks after each answer.
    comments: options.comments ?? false,
    today,
    ...(options.select ? { preselect: options.select } : {}),
    save: () => saveOrRecover(ctx),
  };
  return ctx;
}

async function run(ctx: Ctx): Promise<InterviewResult> {
  const { askDatasets, askModules } = await import("./interview-setup.js");
  const modules = ctx.modules;
  if (ctx.session.stage === "profile") {
    await askProfile(ctx);
    ctx.session.stage = "datasets";
    await ctx.save();
  }
  if (ctx.session.stage === "datasets") {
    await askDatasets(ctx);
    ctx.session.stage = "modules";
    await ctx.save();
  }
  if (ctx.session.stage === "modules") {
    await askModules(ctx, ctx.preselect);
    ctx.session.stage = "questions";
    await ctx.save();
  }
  const questionnaire: Questionnaire = buildQuestionnaire(modules, Object.keys(ctx.session.modules));
  if (ctx.session.stage === "questions") {
    await askQuestions(ctx, questionnaire);
    ctx.session.stage = "review";
    await ctx.save();
  }
  await review(ctx, questionnaire);

  const output = resolve(dirname(ctx.sessionPath), ctx.session.output);
  const answers = ctx.session.answers;
  // Nothing the respondent said is dropped: answers a later gate hid stay in the file, named here.
  const hidden = hiddenAnswers(questionnaire, answers);
  if (hidden.length) {
    const ids = hidden.map((s) => t(stepKey(s, answers))).join(", ");
    ctx.p.print(`\n${tr(T.hiddenKept, ctx.lang).replace("{n}", String(hidden.length)).replace("{ids}", ids)}`);
  }
  await writeAnswerFile(output, answers, { force: true });
  const { rm } = await import("node:fs/promises");
  await rm(ctx.sessionPath, { force: true });
  const result = institutionResult(displayPath(output), answers, scoreAnswers(questionnaire, answers), []);
  ctx.p.print(`\n${tr(T.wrote, ctx.lang).replace("{file}", displayPath(output))}\n`);
  ctx.p.print(renderScorecard(result, modules, ctx.lang));
  return { output, answers };
}
