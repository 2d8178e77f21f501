// The interview's set-up: the institution's datasets and the area modules to cover.
import type { AnswerSet } from "../core/answers.js";
import { optionsOf } from "../core/model.js";
import { idFor } from "../core/ids.js";
import { fingerprints } from "../core/interview.js";
import { questionIndex } from "../core/questionnaire.js";
import { isSuggested } from "../core/suggest-modules.js";
import { BACK, backOr } from "../io/prompts.js";
import type { Ctx } from "./interview.js";
import { KEYS, T, fill, keyHints, tr } from "./interview-text.js";

/** The general module's dataset type question, asked right after each dataset's name. */
const DATASET_TYPE = "ds_type";

/**
 * The datasets, one at a time. Resumed after an interruption it returns to the question that
 * was open: a dataset's type when only its name was given, else "Add another dataset?" (never
 * the name of a dataset nobody asked to add). Esc at "Add another dataset?" goes back to the
 * last dataset's type.
 */
export async function askDatasets(ctx: Ctx): Promise<void> {
  const { p, lang } = ctx;
  const set = ctx.session.answers;
  if (set.datasets.length === 0) {
    p.print(`\n${tr(T.datasetsIntro, lang)}`);
    await addDataset(ctx);
  }
  for (const ds of set.datasets) await askType(ctx, ds);
  for (;;) {
    const more = await backOr(p.confirm({ message: tr(T.addAnother, lang), default: false, nav: BACK, help: keyHints(lang, KEYS.back) }));
    if (more === "back") await askType(ctx, set.datasets.at(-1)!, true);
    else if (!more) return;
    // Esc at the name goes back to "Add another dataset?": a yes given by mistake is undone.
    else await addDataset(ctx, true);
  }
}

/** Asks a new dataset's name (saved at once) and type; false when Esc was pressed at the name. */
export async function addDataset(ctx: Ctx, canGoBack = false): Promise<boolean> {
  const { p, lang } = ctx;
  const set = ctx.session.answers;
  const typed = await backOr(
    p.input({
      message: fill(T.datasetName, lang, { n: set.datasets.length + 1 }),
      validate: (s) => (s.trim() === "" ? tr(T.required, lang) : set.datasets.some((d) => d.name === s.trim()) ? tr(T.datasetTaken, lang) : true),
      ...(canGoBack ? { nav: BACK, help: keyHints(lang, KEYS.text, KEYS.back) } : {}),
    }),
  );
  if (typed === "back") return false;
  const name = typed.trim();
  const ds: AnswerSet["datasets"][number] = { id: idFor(name, set.datasets.map((d) => d.id)), name, answers: {} };
  set.datasets.push(ds);
  // Saved before the type is asked, so that an interruption there keeps the name.
  await ctx.save();
  await askType(ctx, ds);
  return true;
}

/** The general module's dataset type question, when the dataset has no answer to it yet (or `again`, to change it). */
async function askType(ctx: Ctx, ds: AnswerSet["datasets"][number], again = false): Promise<void> {
  const typeQuestion = questionIndex(ctx.modules).get(DATASET_TYPE)?.question;
  const current = ds.answers[DATASET_TYPE]?.value;
  if (!typeQuestion || (current !== undefined && !again)) return;
  const value = await ctx.p.select<string>({
    message: `${ds.name}: ${typeQuestion.label[ctx.lang]}`,
    choices: optionsOf(typeQuestion).map((o) => ({ name: o.label![ctx.lang], value: o.value })),
    ...(typeof current === "string" ? { default: current } : {}),
  });
  ds.answers[DATASET_TYPE] = { value };
  await ctx.save();
}

/** The general questionnaire always; area modules chosen, with those matching the institution's themes ticked. */
export async function askModules(ctx: Ctx, preselect?: string[]): Promise<void> {
  const { p, lang, modules } = ctx;
  const set = ctx.session.answers;
  const themes = new Set(set.institution.themes ?? []);
  const areas = modules.filter((m) => m.id !== "general");
  const suggested = (id: string) => {
    const m = areas.find((x) => x.id === id);
    return m !== undefined && isSuggested(m, themes);
  };
  const chosen = await p.checkbox<string>({
    message: tr(T.chooseModules, lang),
    choices: areas.map((m) => ({
      name: `${m.title[lang]}${suggested(m.id) ? ` (${tr(T.suggested, lang)})` : ""}`,
      value: m.id,
      checked: preselect ? preselect.includes(m.id) : suggested(m.id),
      description: m.description[lang],
    })),
  });
  const ids = [...(modules.some((m) => m.id === "general") ? ["general"] : []), ...chosen];
  const used = modules.filter((m) => ids.includes(m.id) || ids.some((id) => modules.find((x) => x.id === id)?.requires?.includes(m.id)));
  set.modules = Object.fromEntries(used.map((m) => [m.id, m.version]));
  ctx.session.modules = set.modules;
  ctx.session.fingerprints = fingerprints(used);
  await ctx.save();
}
