// The comparison's summary on the terminal: rounds, national change, who moved most, one-round institutions.
import chalk from "chalk";
import { DIMENSIONS } from "../core/model.js";
import { pairName } from "../core/compare.js";
import type { Comparison, FigureChange } from "../core/compare-model.js";
import { terminalText as t } from "../core/terminal-text.js";
import { table } from "./terminal.js";
import { dim, num, w } from "./words.js";
import { cw, methodMixedText, signed } from "./compare-words.js";

function coloured(f: FigureChange): string {
  const s = signed(f.change);
  return f.change === undefined || f.change === 0 ? s : f.change > 0 ? chalk.green(s) : chalk.red(s);
}

export function renderCompareSummary(c: Comparison): string {
  const L = c.lang;
  const out: string[] = [chalk.bold(t(c.title)), cw("institutionsEach", L, { b: c.rounds.baseline.institutions, a: c.rounds.followup.institutions, m: c.totals.matched })];
  const mixed = methodMixedText(c, L);
  if (mixed) out.push(chalk.yellow(mixed));
  const n = c.national.all;
  const rows = DIMENSIONS.map((d) => [dim(d, L), num(n.cells[d].baseline.score), num(n.cells[d].followup.score), coloured(n.cells[d])]);
  rows.push([w("overall", L), num(n.overall.baseline.score), num(n.overall.followup.score), coloured(n.overall)]);
  const m = c.national.matched.overall;
  out.push("", chalk.bold(cw("nationalAll", L)), table([w("dimension", L), cw("baseline", L), cw("followup", L), cw("change", L)], rows, [false, true, true, true]).trimEnd(), `${cw("nationalMatched", L)}, ${w("overall", L)}: ${num(m.baseline.score)} → ${num(m.followup.score)} (${coloured(m)})`);
  const inst = c.institutions.map((i) => [t(pairName(i)) + (i.methodChanged ? " †" : ""), ...DIMENSIONS.map((d) => coloured(i.cells[d])), coloured(i.overall), String(i.counts.closed), String(i.counts.opened)]);
  out.push("", table([w("institution", L), ...DIMENSIONS.map((d) => dim(d, L)), w("overall", L), cw("closed", L), cw("opened", L)], inst, [false, true, true, true, true, true, true]).trimEnd());
  out.push("", `${cw("closed", L)}: ${c.totals.closed} · ${cw("opened", L)}: ${c.totals.opened} · ${cw("criticalResolved", L)}: ${c.totals.criticalResolved} · ${cw("criticalNew", L)}: ${c.totals.criticalNew}`);
  if (c.fellBack.length) out.push(`${cw("fellBack", L)}: ${c.fellBack.map((x) => `${t(x.name)} (${signed(x.change)})`).join("; ")}`);
  for (const [key, list] of [["onlyBaseline", c.onlyBaseline], ["onlyFollowup", c.onlyFollowup]] as const) {
    if (list.length) out.push(`${cw(key, L)}: ${list.map((i) => t(i.name)).join("; ")}`);
  }
  if (c.moduleChanges.length) out.push(`${cw("moduleChanges", L)}: ${c.moduleChanges.map((m) => `${t(m.module)} ${m.baseline ?? "–"} → ${m.followup ?? "–"} (${cw("notComparableShort", L)}: ${m.notComparable})`).join("; ")}`);
  if (c.actionPlan) out.push(`${cw("actionPlan", L)}: ${cw("flags", L, { open: c.actionPlan.flags.doneGapOpen, closed: c.actionPlan.flags.notStartedGapClosed })}`);
  return `${out.join("\n")}\n`;
}
