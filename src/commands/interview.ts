// `assess interview`: an NSO statistician and a ministry focal point answer the questionnaire
// together. Every answer is saved to the session file the moment it is given.
import { readFile } from "node:fs/promises";
import { join, relative, resolve, dirname } from "node:path";
import { ANSWERS_FORMAT } from "../core/answers.js";
import type { AnswerSet } from "../core/answers.js";
import { idFor } from "../core/ids.js";
import { diffQuestionnaire, fingerprints, hiddenAnswers, stepKey, withoutQuestions } from "../core/interview.js";
import type { Lang, Module } from "../core/model.js";
import { buildQuestionnaire } from "../core/questionnaire.js";
import type { Questionnaire } from "../core/questionnaire.js";
import { institutionResult } from "../core/results.js";
import { scoreAnswers } from "../core/scoring.js";
import { EXIT, ExitError, UsageError } from "../errors.js";
import { writeAnswerFile } from "../io/answers.js";
import { displayPath, exists } from "../io/fs.js";
import { requireModules } from "../io/modules.js";
import { packagePath } from "../io/paths.js";
import { PromptInterrupted, safePrompter } from "../io/prompts.js";
import type { Prompter } from "../io/prompts.js";
import { loadSession, saveSession, sessionPathFor, sessionsIn } from "../io/session.js";
import type { Session } from "../io/session.js";
import { parseYaml } from "../io/yaml.js";
import { terminalText as t } from "../core/terminal-text.js";
import { renderScorecard } from "../report/terminal.js";
import { askQuestions, review } from "./interview-questions.js";
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

interface KnownInstitution {
  id: string;
  name: Record<Lang, string>;
  themes: string[];
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
  save(): Promise<void>;
}

export async function interviewCommand(options: InterviewOptions, deps: InterviewDeps): Promise<InterviewResult> {
  const modules = await requireModules(options.modules);
  deps = { ...deps, prompter: safePrompter(deps.prompter) };
  const p = deps.prompter;
  let ctx: Ctx | undefined;
  // The language chosen before a session exists, for the message on an early Ctrl-C.
  const chosen = { lang: options.lang ?? ("en" as Lang) };
  try {
    ctx = options.resume ? await resume(resolve(deps.cwd, options.resume), modules, options, deps) : await offerResume(modules, options, deps);
    ctx ??= await start(modules, options, deps, chosen);
    return await run(ctx, modules);
  } catch (e) {
    if (e instanceof PromptInterrupted) {
      if (ctx) {
        await ctx.save();
        p.print(`\n${tr(T.savedResume, ctx.lang)}\n  assess interview --resume ${displayPath(ctx.sessionPath)}${options.modules ? ` --modules ${options.modules}` : ""}\n`);
      } else {
        p.print(`\n${tr(T.nothingSaved, chosen.lang)}\n`);
      }
      throw new ExitError(EXIT.INTERRUPTED);
    }
    throw e;
  }
}

/** Language, institution and respondent; creates the session. */
async function start(modules: Module[], options: InterviewOptions, deps: InterviewDeps, chosen: { lang: Lang }): Promise<Ctx> {
  const p = deps.prompter;
  const lang: Lang =
    options.lang ??
    (await p.select<Lang>({
      message: "Language / ภาษา",
      choices: [
        { name: "English", value: "en" },
        { name: "ไทย (Thai)", value: "th" },
      ],
    }));
  chosen.lang = lang;
  p.print(`\n${tr(T.welcome, lang)}\n`);
  const known = await knownInstitutions();
  const required = (s: string) => (s.trim() === "" ? tr(T.required, lang) : true);

  const name = (await p.input({ message: tr(T.institutionName, lang), validate: required })).trim();
  const other = "__other__";
  const ministryId = await p.select<string>({
    message: tr(T.ministry, lang),
    choices: [...known.map((k) => ({ name: k.name[lang], value: k.id })), { name: tr(T.otherMinistry, lang), value: other }],
  });
  const ministry = ministryId === other ? (await p.input({ message: tr(T.ministryName, lang) })).trim() : known.find((k) => k.id === ministryId)!.name[lang];
  const department = (await p.input({ message: tr(T.department, lang) })).trim();
  const respondentName = (await p.input({ message: tr(T.respondentName, lang), validate: required })).trim();
  const role = (await p.input({ message: tr(T.respondentRole, lang) })).trim();
  const contact = (await p.input({ message: tr(T.respondentContact, lang) })).trim();

  const id = idFor(name);
  const output = options.output ? resolve(deps.cwd, options.output) : await freePath(deps.cwd, id, options.force ?? false);
  if (options.output && !options.force && (await exists(output))) throw new UsageError(`${displayPath(output)} already exists; use --force to replace it`);
  const themes = known.find((k) => k.id === ministryId)?.themes ?? [];
  const set: AnswerSet = {
    format: ANSWERS_FORMAT,
    institution: { id, name, ...(ministry ? { ministry } : {}), ...(department ? { department } : {}), ...(themes.length ? { themes } : {}) },
    respondent: { name: respondentName, ...(role ? { role } : {}), ...(contact ? { email: contact } : {}) },
    date: deps.today,
    language: lang,
    modules: {},
    answers: {},
    datasets: [],
  };
  const sessionPath = sessionPathFor(output);
  const session: Session = {
    format: "assess-session/1",
    output: relative(dirname(sessionPath), output),
    lang,
    stage: "datasets",
    modules: {},
    fingerprints: {},
    skipped: [],
    answers: set,
  };
  const ctx = makeCtx(p, lang, modules, session, sessionPath, options, deps.today);
  await ctx.save();
  p.print(tr(T.savingTo, lang).replace("{file}", displayPath(sessionPath)));
  return ctx;
}

function makeCtx(p: Prompter, lang: Lang, modules: Module[], session: Session, sessionPath: string, options: InterviewOptions, today: string): Ctx {
  const ctx: Ctx = {
    p,
    lang,
    modules,
    session,
    sessionPath,
    comments: options.comments ?? true,
    today,
    ...(options.select ? { preselect: options.select } : {}),
    save: () => saveSession(ctx.sessionPath, ctx.session),
  };
  return ctx;
}

/** `<id>.answers.yaml`, or `<id>-2.answers.yaml` … when taken (never overwrite unasked). */
async function freePath(dir: string, id: string, force: boolean): Promise<string> {
  for (let n = 1; ; n++) {
    const path = join(dir, `${n === 1 ? id : `${id}-${n}`}.answers.yaml`);
    if (force || (!(await exists(path)) && !(await exists(sessionPathFor(path))))) return path;
  }
}

async function knownInstitutions(): Promise<KnownInstitution[]> {
  const parsed = parseYaml(await readFile(packagePath("data", "institutions.yaml"), "utf8"), "data/institutions.yaml");
  return Array.isArray(parsed.value) ? (parsed.value as KnownInstitution[]) : [];
}

/** A session file in the working folder: ask whether to continue it. */
async function offerResume(modules: Module[], options: InterviewOptions, deps: InterviewDeps): Promise<Ctx | undefined> {
  const found = options.output ? [sessionPathFor(resolve(deps.cwd, options.output))].filter((f) => f) : await sessionsIn(deps.cwd);
  const open: string[] = [];
  for (const f of found) if (await exists(f)) open.push(f);
  if (open.length === 0) return undefined;
  const lang = options.lang ?? "en";
  const fresh = "__new__";
  const choice = await deps.prompter.select<string>({
    message: tr(T.resumeFound, lang),
    choices: [...open.map((f) => ({ name: `${tr(T.resume, lang)} ${displayPath(f)}`, value: f })), { name: tr(T.startNew, lang), value: fresh }],
  });
  return choice === fresh ? undefined : resume(choice, modules, options, deps);
}

async function resume(path: string, modules: Module[], options: InterviewOptions, deps: InterviewDeps): Promise<Ctx> {
  const p = deps.prompter;
  let session = await loadSession(path);
  const lang = options.lang ?? session.lang;
  if (session.stage === "questions" || session.stage === "review") {
    const chosen = modules.filter((m) => m.id in session.modules);
    const now = { modules: Object.fromEntries(chosen.map((m) => [m.id, m.version])), fingerprints: fingerprints(chosen) };
    const change = diffQuestionnaire({ modules: session.modules, fingerprints: session.fingerprints }, now);
    if (change) {
      const lines = [tr(T.versionChanged, lang)];
      const ids = (list: string[]) => list.map((id) => t(id)).join(", ");
      for (const m of change.modules) lines.push(`  ${t(m.id)}: ${t(m.was)} → ${m.now ? t(m.now) : tr(T.missing, lang)}`);
      if (change.changed.length) lines.push(`  ${tr(T.changedQuestions, lang)}: ${ids(change.changed)}`);
      if (change.removed.length) lines.push(`  ${tr(T.removedQuestions, lang)}: ${ids(change.removed)}`);
      if (change.added.length) lines.push(`  ${tr(T.addedQuestions, lang)}: ${ids(change.added)}`);
      p.print(lines.join("\n"));
      const missing = change.modules.filter((m) => !m.now);
      if (missing.length) throw new UsageError(`the session was started with module(s) ${missing.map((m) => m.id).join(", ")}, which are not loaded; pass the modules folder it used with --modules`);
      if (!(await p.confirm({ message: tr(T.continueNewVersion, lang), default: true }))) throw new ExitError(EXIT.USAGE);
      session = {
        ...session,
        modules: now.modules,
        fingerprints: now.fingerprints,
        answers: { ...withoutQuestions(session.answers, [...change.changed, ...change.removed]), modules: now.modules },
        stage: "questions",
      };
    }
  }
  const ctx = makeCtx(p, lang, modules, { ...session, lang }, path, options, deps.today);
  await ctx.save();
  p.print(tr(T.resuming, lang).replace("{name}", t(session.answers.institution.name)));
  return ctx;
}

async function run(ctx: Ctx, modules: Module[]): Promise<InterviewResult> {
  const { askDatasets, askModules } = await import("./interview-setup.js");
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
