// The comparison as GitHub-flavoured Markdown. Every string from a respondent or a module goes through mdText().
import { DIMENSIONS } from "../core/model.js";
import type { Lang } from "../core/model.js";
import { pairName } from "../core/compare.js";
import type { Comparison, FigureChange, InstitutionComparison, NationalFigures, QuestionChange, QuestionState, RoundInstitution } from "../core/compare-model.js";
import { mdText } from "./markdown.js";
import { dim, num, pct, w } from "./words.js";
import { CHANGE_EMOJI, changeText, cw, flagText, matchText, methodMixedText, outcomeText, reasonText, signed, statusText } from "./compare-words.js";

function table(header: string[], rows: string[][]): string {
  return [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

const changeCell = (f: FigureChange) => `${CHANGE_EMOJI[f.band]} ${changeText(f)}`;
const complCell = (f: FigureChange) => `${pct(f.baseline.completeness)} → ${pct(f.followup.completeness)}`;

/** Level (or score) before and after, as one cell. */
export function levelText(s: QuestionState): string {
  if (s.score === undefined) return "–";
  return s.level !== undefined ? `${s.level} (${num(s.score)})` : num(s.score);
}

function national(title: string, n: NationalFigures, L: Lang): string {
  const rows = DIMENSIONS.map((d) => [dim(d, L), changeCell(n.cells[d]), complCell(n.cells[d])]);
  rows.push([w("overall", L), changeCell(n.overall), complCell(n.overall)]);
  return `### ${title}\n\n${table([w("dimension", L), `${cw("baseline", L)} → ${cw("followup", L)} (${cw("change", L)})`, w("completenessTitle", L)], rows)}\n`;
}

function oneRound(list: RoundInstitution[]): string {
  return list.length ? list.map((i) => `- ${mdText(i.name)} (${mdText(i.id)}, ${mdText(i.source)}, ${i.date})`).join("\n") : "";
}

function questionRows(qs: readonly QuestionChange[], L: Lang): string[][] {
  return qs.map((q) => [mdText(q.label), dim(q.dimension, L), `${levelText(q.baseline)} → ${levelText(q.followup)}`, signed(q.change), `${outcomeText(q.outcome, L)}${q.criticalNew ? ` · ${cw("criticalNew", L)}` : ""}${q.criticalResolved ? ` · ${cw("criticalResolved", L)}` : ""}`]);
}

/** Questions worth a reader's time: those whose gap moved, or whose critical state changed. */
export function changedQuestions(i: InstitutionComparison): QuestionChange[] {
  return i.questions.filter((q) => q.outcome === "closed" || q.outcome === "opened" || q.outcome === "improved" || q.outcome === "worse" || q.criticalNew || q.criticalResolved);
}

function institution(i: InstitutionComparison, L: Lang): string {
  const out: string[] = [`### ${mdText(pairName(i))}${i.methodChanged ? " †" : ""}`, ""];
  out.push(`${cw("matchedAs", L)}: ${matchText(i.match, L)} (${mdText(i.baseline.source)}, ${i.baseline.date} → ${mdText(i.followup.source)}, ${i.followup.date})`, "");
  if (i.methodChanged) out.push(`_${cw("methodChanged", L, { b: i.methodChanged.baseline, a: i.methodChanged.followup })}_`, "");
  const dims = DIMENSIONS.map((d) => [dim(d, L), changeCell(i.cells[d]), complCell(i.cells[d])]);
  dims.push([w("overall", L), changeCell(i.overall), complCell(i.overall)]);
  out.push(table([w("dimension", L), `${cw("baseline", L)} → ${cw("followup", L)} (${cw("change", L)})`, w("completenessTitle", L)], dims), "");
  out.push(
    table(
      [w("module", L), cw("versions", L), ...DIMENSIONS.map((d) => dim(d, L))],
      i.modules.map((m) => [mdText(m.title), `${m.baselineVersion ?? "–"} → ${m.followupVersion ?? "–"}`, ...DIMENSIONS.map((d) => changeCell(m.cells[d]))]),
    ),
    "",
  );
  const c = i.counts;
  out.push(`${cw("closed", L)}: ${c.closed} · ${cw("opened", L)}: ${c.opened} · ${cw("criticalNew", L)}: ${c.criticalNew} · ${cw("criticalResolved", L)}: ${c.criticalResolved}`, "");
  out.push(`${cw("datasetsAdded", L)}: ${i.datasets.added.map(mdText).join(", ") || w("none", L)} · ${cw("datasetsDropped", L)}: ${i.datasets.dropped.map(mdText).join(", ") || w("none", L)} · ${cw("datasetsKept", L)}: ${i.datasets.kept}`, "");
  const changed = changedQuestions(i);
  if (changed.length) out.push(`**${cw("questionsChanged", L)}**`, "", table([w("question", L), w("dimension", L), cw("level", L), cw("change", L), cw("outcome", L)], questionRows(changed, L)), "");
  if (i.actions.length) {
    out.push(`**${cw("actionPlan", L)}**`, "");
    out.push(
      table(
        [w("question", L), cw("status", L), cw("responsible", L), cw("target", L), cw("note", L), cw("outcome", L)],
        i.actions.map((a) => [mdText(a.label), statusText(a.status, L), mdText(a.responsible ?? ""), a.target ?? "", mdText(a.note ?? ""), `${outcomeText(a.outcome, L)}${a.flag ? ` ⚠ **${flagText(a.flag, L)}**` : ""}`]),
      ),
      "",
    );
  }
  return out.join("\n");
}

export function renderCompareMarkdown(c: Comparison): string {
  const L = c.lang;
  const out: string[] = [`# ${mdText(c.title)}`, "", `_${w("generated", L, { date: c.date })}_`, ""];
  if (c.fictional) out.push(`> ${w("fictional", L)}`, "");
  const mixed = methodMixedText(c, L);
  if (mixed) out.push(`> **${mixed}**`, "");
  out.push(`## ${cw("rounds", L)}`, "");
  out.push(
    table(
      ["", w("institutionsAssessed", L), w("datasetsReported", L), w("methodVersion", L), w("modulesUsed", L)],
      (["baseline", "followup"] as const).map((r) => {
        const x = c.rounds[r];
        return [`${cw(r, L)}${x.dates ? ` (${cw("answered", L, { from: x.dates.from, to: x.dates.to })})` : ""}`, String(x.institutions), String(x.datasets), x.methods.join(", "), x.modules.map((m) => `${mdText(m.id)} ${m.version}`).join(", ")];
      }),
    ),
    "",
  );
  out.push(`## ${w("summary", L)}`, "");
  out.push(`- ${cw("institutionsEach", L, { b: c.rounds.baseline.institutions, a: c.rounds.followup.institutions, m: c.totals.matched })}`);
  out.push(`- ${cw("closed", L)}: ${c.totals.closed}; ${cw("opened", L)}: ${c.totals.opened}; ${cw("criticalResolved", L)}: ${c.totals.criticalResolved}; ${cw("criticalNew", L)}: ${c.totals.criticalNew}`);
  if (c.actionPlan) out.push(`- ${cw("actionPlan", L)} (${mdText(c.actionPlan.source)}): ${cw("flags", L, { open: c.actionPlan.flags.doneGapOpen, closed: c.actionPlan.flags.notStartedGapClosed })}`);
  out.push("");
  out.push(national(cw("nationalAll", L), c.national.all, L), national(cw("nationalMatched", L), c.national.matched, L));
  const ranked = (title: string, xs: Comparison["mostImproved"]) => `### ${title}\n\n${xs.length ? xs.map((x) => `- ${mdText(x.name)}: ${signed(x.change)}${x.methodChanged ? " †" : ""}`).join("\n") : w("noneFound", L)}\n`;
  out.push(ranked(cw("mostImproved", L), c.mostImproved), ranked(cw("fellBack", L), c.fellBack));
  const acted = c.recommendations.filter((r) => r.actedOn !== undefined);
  const uptakeTable = (rows: typeof acted) =>
    rows.length ? table([w("question", L), cw("withGap", L), cw("actedOn", L)], rows.map((r) => [mdText(r.label), String(r.institutions), `${pct(r.actedOn)} (${r.closed + r.improved})`])) : w("noneFound", L);
  out.push(`### ${cw("actedMost", L)}\n\n${uptakeTable(acted.slice(0, 5))}\n`, `### ${cw("actedLeast", L)}\n\n${uptakeTable(acted.slice(-5).reverse())}\n`);
  out.push(`## ${cw("changeHeatmap", L)}`, "", `_${cw("changeLegend", L)}_`, "");
  out.push(table([w("institution", L), ...DIMENSIONS.map((d) => dim(d, L)), w("overall", L)], c.institutions.map((i) => [`${mdText(pairName(i))}${i.methodChanged ? " †" : ""}`, ...DIMENSIONS.map((d) => changeCell(i.cells[d])), changeCell(i.overall)])), "");
  out.push(`## ${cw("oneRound", L)}`, "", `**${cw("onlyBaseline", L)}**`, "", oneRound(c.onlyBaseline) || w("none", L), "", `**${cw("onlyFollowup", L)}**`, "", oneRound(c.onlyFollowup) || w("none", L), "");
  out.push(`## ${cw("moduleChanges", L)}`, "");
  if (c.moduleChanges.length) {
    out.push(table([w("module", L), cw("baseline", L), cw("followup", L), cw("notComparable", L)], c.moduleChanges.map((m) => [mdText(m.title), m.baseline ?? "–", m.followup ?? "–", String(m.notComparable)])), "", cw("moduleNote", L), "");
  } else out.push(w("none", L), "");
  if (c.notComparable.length) {
    out.push(`### ${cw("notComparable", L)}`, "", table([w("question", L), w("module", L), cw("reason", L)], c.notComparable.map((n) => [mdText(n.question), mdText(n.module), reasonText(n.reason, L)])), "");
  }
  out.push(`## ${w("institutions", L)}`, "");
  for (const i of c.institutions) out.push(institution(i, L));
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}
