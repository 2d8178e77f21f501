// Continuing a session: offered when one is found here, with the modules folder it was started
// with; after a module changed, answers that still fit are kept and only the rest asked again.
import { basename, dirname, join, resolve } from "node:path";
import { invalidReason } from "../core/answers.js";
import type { AnswerSet } from "../core/answers.js";
import { diffQuestionnaire, fingerprints, withoutQuestions } from "../core/interview.js";
import type { Module } from "../core/model.js";
import { questionIndex } from "../core/questionnaire.js";
import { terminalText as t } from "../core/terminal-text.js";
import { UsageError } from "../errors.js";
import { displayPath, exists } from "../io/fs.js";
import { requireModules } from "../io/modules.js";
import { loadSession, sessionPathFor, sessionsIn } from "../io/session.js";
import type { Ctx, Held, InterviewDeps, InterviewOptions } from "./interview.js";
import { makeCtx } from "./interview.js";
import { askFolder, notTaken, takeLock, writableOrReason } from "./interview-save.js";
import { notePurged } from "./interview-start.js";
import { T, fill, tr } from "./interview-text.js";

/** A session file in the working folder: ask whether to continue it, naming each by institution and date. */
export async function offerResume(modules: Module[], options: InterviewOptions, deps: InterviewDeps, held: Held): Promise<Ctx | undefined> {
  const found = options.output ? [sessionPathFor(resolve(deps.cwd, options.output))] : await sessionsIn(deps.cwd);
  const lang = options.lang ?? "en";
  const open: { path: string; label: string }[] = [];
  for (const f of found) {
    if (!(await exists(f))) continue;
    const s = await loadSession(f).catch(() => undefined);
    const who = s ? `${t(s.answers.institution.name)} · ${tr(T.startedOn, lang)} ${t(s.answers.date)} · ` : "";
    open.push({ path: f, label: `${tr(T.resume, lang)} ${who}${displayPath(f)}` });
  }
  if (open.length === 0) return undefined;
  const fresh = "__new__";
  const choice = await deps.prompter.select<string>({
    message: tr(T.resumeFound, lang),
    choices: [...open.map((o) => ({ name: o.label, value: o.path })), { name: tr(T.startNew, lang), value: fresh }],
  });
  return choice === fresh ? undefined : resume(choice, modules, options, deps, held);
}

export async function resume(path: string, modules: Module[], options: InterviewOptions, deps: InterviewDeps, held: Held): Promise<Ctx> {
  const p = deps.prompter;
  const session = await loadSession(path);
  const lang = options.lang ?? session.lang;
  // The modules the session was started with, unless others are named now.
  if (!options.modules && session.modulesDir && (await exists(session.modulesDir))) modules = await requireModules(session.modulesDir);
  // A session in a folder that can no longer be written (a read-only disk) continues in another.
  const refused = await writableOrReason(dirname(path), lang);
  if (refused) {
    p.print(refused);
    const name = basename(path);
    const dir = await askFolder(p, lang, dirname(path), notTaken(name, lang));
    path = join(dir, name);
    session.output = basename(session.output);
  }
  const lock = await takeLock(path, lang);
  // Modules named now are the session's from here on (--modules is read from the process's folder, as requireModules does).
  const ctx = makeCtx(p, lang, modules, { ...session, lang, ...(options.modules ? { modulesDir: resolve(options.modules) } : {}) }, path, options, deps.today);
  ctx.lock = lock;
  held.ctx = ctx;
  await notePurged(p, lang, dirname(path));
  if (session.stage === "questions" || session.stage === "review") await onChangedModules(ctx, options);
  await ctx.save();
  p.print(tr(T.resuming, lang).replace("{name}", t(session.answers.institution.name)));
  return ctx;
}

/** Says what changed since the session began; keeps answers that still fit, marks the rest to be asked again. */
async function onChangedModules(ctx: Ctx, options: InterviewOptions): Promise<void> {
  const { p, lang, session } = ctx;
  const chosen = ctx.modules.filter((m) => m.id in session.modules);
  const now = { modules: Object.fromEntries(chosen.map((m) => [m.id, m.version])), fingerprints: fingerprints(chosen) };
  const change = diffQuestionnaire({ modules: session.modules, fingerprints: session.fingerprints }, now);
  if (!change) return;
  const index = questionIndex(chosen);
  const misfits = changedAnswers(session.answers, change.changed, (id, value) => invalidReason(index.get(id)!.question, value) !== undefined);
  const kept = change.changed.filter((id) => !misfits.some((m) => m.endsWith(`/${id}`) || m === id));
  const lines = [tr(T.versionChanged, lang)];
  const ids = (list: string[]) => list.map((id) => t(id)).join(", ");
  for (const m of change.modules) lines.push(`  ${t(m.id)}: ${t(m.was)} → ${m.now ? t(m.now) : tr(T.missing, lang)}`);
  if (kept.length) lines.push(`  ${tr(T.keptQuestions, lang)}: ${ids(kept)}`);
  if (misfits.length) lines.push(`  ${tr(T.changedQuestions, lang)}: ${ids(misfits)}`);
  if (change.removed.length) lines.push(`  ${tr(T.removedQuestions, lang)}: ${ids(change.removed)}`);
  if (change.added.length) lines.push(`  ${tr(T.addedQuestions, lang)}: ${ids(change.added)}`);
  p.print(lines.join("\n"));
  const missing = change.modules.filter((m) => !m.now);
  if (missing.length) throw new UsageError(`the session was started with module(s) ${missing.map((m) => m.id).join(", ")}, which are not loaded; pass the modules folder it used with --modules`);
  if (!(await p.confirm({ message: tr(T.continueNewVersion, lang), default: true }))) {
    const dir = session.modulesDir ?? options.modules;
    const command = `assess interview --resume ${displayPath(ctx.sessionPath)} --modules ${dir ? displayPath(dir) : "FOLDER"}`;
    throw new UsageError(fill(T.notContinued, lang, { command }));
  }
  ctx.session = {
    ...session,
    modules: now.modules,
    fingerprints: now.fingerprints,
    // Answers to removed questions go; misfits stay in the file until they are answered again.
    answers: { ...withoutQuestions(session.answers, change.removed), modules: now.modules },
    reask: [...new Set([...(session.reask ?? []), ...misfits])],
    stage: "questions",
  };
}

/** Step keys (question id, or dataset id/question id) of answers to `ids` that `misfit` refuses. */
function changedAnswers(set: AnswerSet, ids: string[], misfit: (id: string, value: AnswerSet["answers"][string]["value"]) => boolean): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const a = set.answers[id];
    if (a && misfit(id, a.value)) out.push(id);
    for (const ds of set.datasets) {
      const d = ds.answers[id];
      if (d && misfit(id, d.value)) out.push(`${ds.id}/${id}`);
    }
  }
  return out;
}
