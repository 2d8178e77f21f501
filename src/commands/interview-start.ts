// A new interview: language, a folder that can be written, the institution's name (the session
// file is made from it at once), then the rest of the profile, each answer saved as it is given.
import { basename, dirname, join, relative, resolve } from "node:path";
import { ANSWERS_FORMAT } from "../core/answers.js";
import { idFor } from "../core/ids.js";
import type { Lang, Module } from "../core/model.js";
import { UsageError } from "../errors.js";
import { displayPath, exists } from "../io/fs.js";
import { knownInstitutions } from "../io/institutions.js";
import { sessionPathFor } from "../io/session.js";
import type { Session } from "../io/session.js";
import { removeStaleTemps } from "../io/session-guard.js";
import type { Ctx, Held, InterviewDeps, InterviewOptions } from "./interview.js";
import { makeCtx } from "./interview.js";
import { askFolder, takeLock, writableOrReason } from "./interview-save.js";
import { T, fill, tr } from "./interview-text.js";

/** Language, folder and institution name; creates, locks and saves the session. */
export async function start(modules: Module[], options: InterviewOptions, deps: InterviewDeps, chosen: { lang: Lang }, held: Held): Promise<Ctx> {
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
  p.language?.(lang);
  // A folder that cannot be written is found now, not after the profile has been typed.
  const wanted = options.output ? resolve(deps.cwd, options.output) : undefined;
  let dir = wanted ? dirname(wanted) : deps.cwd;
  const refused = await writableOrReason(dir, lang);
  if (refused) {
    p.print(refused);
    dir = await askFolder(p, lang, deps.cwd);
  }
  await notePurged(p, lang, dir);
  p.print(`\n${tr(T.welcome, lang)}\n`);
  const name = (await p.input({ message: tr(T.institutionName, lang), validate: required(lang) })).trim();

  const id = idFor(name);
  const output = wanted ? join(dir, basename(wanted)) : await freePath(dir, id, options.force ?? false);
  if (wanted && !options.force && (await exists(output))) throw new UsageError(`${displayPath(output)} already exists; use --force to replace it`);
  const sessionPath = sessionPathFor(output);
  const session: Session = {
    format: "assess-session/1",
    output: relative(dirname(sessionPath), output),
    lang,
    stage: "profile",
    modules: {},
    fingerprints: {},
    skipped: [],
    asked: [],
    ...(options.modules ? { modulesDir: resolve(options.modules) } : {}),
    answers: { format: ANSWERS_FORMAT, institution: { id, name }, respondent: { name: "" }, date: deps.today, language: lang, modules: {}, answers: {}, datasets: [] },
  };
  const ctx = makeCtx(p, lang, modules, session, sessionPath, options, deps.today);
  ctx.lock = await takeLock(sessionPath, lang);
  held.ctx = ctx;
  await ctx.save();
  p.print(tr(T.savingTo, lang).replace("{file}", displayPath(sessionPath)));
  return ctx;
}

/** Temporary files our stopped runs left in `dir` are removed, and named. */
export async function notePurged(p: Ctx["p"], lang: Lang, dir: string): Promise<void> {
  const removed = await removeStaleTemps(dir);
  if (removed.length) p.print(fill(T.staleRemoved, lang, { files: removed.join(", ") }));
}

const required = (lang: Lang) => (s: string) => (s.trim() === "" ? tr(T.required, lang) : true);

/** The profile after the institution's name, one saved answer at a time; a resumed session asks only what is left. */
export async function askProfile(ctx: Ctx): Promise<void> {
  const { p, lang } = ctx;
  const set = ctx.session.answers;
  const asked = (ctx.session.asked ??= []);
  const text = async (field: string, message: string, put: (v: string) => void, must = false) => {
    if (asked.includes(field)) return;
    put((await p.input({ message, ...(must ? { validate: required(lang) } : {}) })).trim());
    asked.push(field);
    await ctx.save();
  };
  if (!asked.includes("ministry")) {
    const known = await knownInstitutions();
    const other = "__other__";
    const ministryId = await p.select<string>({
      message: tr(T.ministry, lang),
      choices: [...known.map((k) => ({ name: k.name[lang], value: k.id })), { name: tr(T.otherMinistry, lang), value: other }],
    });
    const ministry = ministryId === other ? (await p.input({ message: tr(T.ministryName, lang) })).trim() : known.find((k) => k.id === ministryId)!.name[lang];
    const themes = known.find((k) => k.id === ministryId)?.themes ?? [];
    set.institution = { ...set.institution, ...(ministry ? { ministry } : {}), ...(themes.length ? { themes } : {}) };
    asked.push("ministry");
    await ctx.save();
  }
  await text("department", tr(T.department, lang), (v) => v && (set.institution = { ...set.institution, department: v }));
  await text("respondent", tr(T.respondentName, lang), (v) => (set.respondent = { ...set.respondent, name: v }), true);
  await text("role", tr(T.respondentRole, lang), (v) => v && (set.respondent = { ...set.respondent, role: v }));
  await text("contact", tr(T.respondentContact, lang), (v) => v && (set.respondent = { ...set.respondent, email: v }));
  delete ctx.session.asked;
}

/** `<id>.answers.yaml`, or `<id>-2.answers.yaml` … when taken (never overwrite unasked). */
async function freePath(dir: string, id: string, force: boolean): Promise<string> {
  for (let n = 1; ; n++) {
    const path = join(dir, `${n === 1 ? id : `${id}-${n}`}.answers.yaml`);
    if (force || (!(await exists(path)) && !(await exists(sessionPathFor(path))))) return path;
  }
}
