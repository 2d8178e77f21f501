// The interview's set-up: the institution's datasets and the area modules to cover.
import type { AnswerSet } from "../core/answers.js";
import { optionsOf } from "../core/model.js";
import { idFor } from "../core/ids.js";
import { fingerprints } from "../core/interview.js";
import { questionIndex } from "../core/questionnaire.js";
import type { Ctx } from "./interview.js";
import { T, tr } from "./interview-text.js";

/** The general module's dataset type question, asked right after each dataset's name. */
const DATASET_TYPE = "ds_type";

export async function askDatasets(ctx: Ctx): Promise<void> {
  const { p, lang } = ctx;
  const set = ctx.session.answers;
  p.print(`\n${tr(T.datasetsIntro, lang)}`);
  const typeQuestion = questionIndex(ctx.modules).get(DATASET_TYPE)?.question;
  // A dataset named before a Ctrl-C (or a kill) at its type question: its type is asked first.
  const last = set.datasets.at(-1);
  let more = true;
  if (last && typeQuestion && !last.answers[DATASET_TYPE]) {
    await askType(ctx, last);
    more = await p.confirm({ message: tr(T.addAnother, lang), default: false });
  }
  while (more) {
    const n = set.datasets.length + 1;
    const name = (
      await p.input({
        message: tr(T.datasetName, lang).replace("{n}", String(n)),
        validate: (s) => (s.trim() === "" ? tr(T.required, lang) : set.datasets.some((d) => d.name === s.trim()) ? tr(T.datasetTaken, lang) : true),
      })
    ).trim();
    const ds: AnswerSet["datasets"][number] = { id: idFor(name, set.datasets.map((d) => d.id)), name, answers: {} };
    // The name is saved before the type is asked: a stop at the type question keeps it.
    set.datasets.push(ds);
    await ctx.save();
    await askType(ctx, ds);
    more = await p.confirm({ message: tr(T.addAnother, lang), default: false });
  }
}

async function askType(ctx: Ctx, ds: AnswerSet["datasets"][number]): Promise<void> {
  const typeQuestion = questionIndex(ctx.modules).get(DATASET_TYPE)?.question;
  if (!typeQuestion) return;
  const value = await ctx.p.select<string>({
    message: `${ds.name}: ${typeQuestion.label[ctx.lang]}`,
    choices: optionsOf(typeQuestion).map((o) => ({ name: o.label![ctx.lang], value: o.value })),
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
  // A module is suggested when its id or its main (first) theme is one of the institution's.
  const suggested = (id: string) => {
    const m = areas.find((x) => x.id === id);
    return m !== undefined && (themes.has(m.id) || themes.has(m.themes[0] ?? ""));
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
