// Terminal renderers: plain text tables, coloured only when the terminal supports it.
import chalk from "chalk";
import { DIMENSIONS, DIMENSION_LABELS } from "../core/model.js";
import type { Dimension, Lang, Module } from "../core/model.js";
import { questionIndex } from "../core/questionnaire.js";
import { formatProblem } from "../core/problem-words.js";
import { terminalText as t } from "../core/terminal-text.js";
import { num, overallText, pct, w } from "./words.js";
import type { FailedInput, InstitutionResult } from "../core/results.js";
import type { ModuleSummary } from "../core/summary.js";
import { overallCompleteness } from "../core/scoring.js";
import type { Tally } from "../core/scoring.js";

if (process.env.NO_COLOR) chalk.level = 0;


/** Columns of a terminal: Thai vowel and tone marks take no width of their own. */
export function displayWidth(s: string): number {
  // eslint-disable-next-line no-control-regex
  const plain = s.replace(/\u001b\[[0-9;]*m/g, "");
  let w = 0;
  for (const ch of plain) if (!/\p{Mn}|\p{Me}|\p{Cf}/u.test(ch)) w++;
  return w;
}

function pad(s: string, width: number, right = false): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** A table with a header row; numeric-looking columns are right-aligned. */
export function table(header: string[], rows: string[][], rightAlign: boolean[] = []): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const line = (cells: string[]) => `  ${cells.map((c, i) => pad(c, widths[i]!, rightAlign[i])).join("  ")}`.trimEnd();
  return [chalk.bold(line(header)), ...rows.map(line)].join("\n") + "\n";
}

/** A score as printed (two decimals, rounded once when scored), coloured by the band of the printed figure. */
export function fmtScore(score: number | undefined): string {
  if (score === undefined) return "–";
  const text = num(score);
  return score >= 75 ? chalk.green(text) : score >= 50 ? chalk.yellow(text) : chalk.red(text);
}

export function renderModuleList(summaries: readonly ModuleSummary[], lang: Lang): string {
  const rows = summaries.map((s) => [
    t(s.id),
    t(s.version),
    t(s.title[lang]),
    String(s.questions),
    String(s.byDimension.collection),
    String(s.byDimension.sharing),
    String(s.byDimension.hosting),
    String(s.byDimension.context),
  ]);
  const total = summaries.reduce((n, s) => n + s.questions, 0);
  return (
    table(["Module", "Version", "Title", "Questions", "Collection", "Sharing", "Hosting", "Context"], rows, [false, false, false, true, true, true, true, true]) +
    `\n  ${summaries.length} modules, ${total} questions. Collection/Sharing/Hosting count scored questions; Context counts unscored ones.\n`
  );
}

function tallyRow(label: string, t: Tally): string[] {
  return [label, fmtScore(t.score), `${pct(t.completeness)} (${t.answered}/${t.applicable})`, String(t.unknown), String(t.notApplicable)];
}

/** One institution's scorecard: the dimension matrix, completeness, critical gaps, top recommendations. */
export function renderScorecard(r: InstitutionResult, modules: readonly Module[], lang: Lang, topN = 5): string {
  const index = questionIndex(modules);
  const sc = r.scorecard;
  const inst = r.institution;
  const lines: string[] = [];
  const where = [inst.ministry, inst.department].filter(Boolean).map((s) => t(s!)).join(" · ");
  lines.push(chalk.bold(`${t(inst.name)}${r.fictional && !/fictional/i.test(inst.name) ? chalk.dim(" (fictional)") : ""}`));
  // Modules by their titles where loaded (ids mean nothing to the official across the table).
  const title = (id: string) => t(modules.find((m) => m.id === id)?.title[lang] ?? id);
  const modulesUsed = sc.modules.map((m) => `${title(m.id)} ${t(m.version)}`).join(", ");
  const datasets = lang === "en" ? `${r.datasets.length} dataset${r.datasets.length === 1 ? "" : "s"}` : w("datasetCount", lang, { n: r.datasets.length });
  lines.push(chalk.dim(`  ${[where, t(sc.date), modulesUsed, datasets, t(r.source)].filter(Boolean).join(" · ")}`));
  lines.push("");
  const rows = DIMENSIONS.map((d) => tallyRow(DIMENSION_LABELS[d][lang], sc.dimensions[d]));
  const without = sc.findings?.find((f) => f.code === "OVERALL_NOT_SHOWN")?.args.without ?? DIMENSIONS.filter((d) => sc.dimensions[d].score === undefined);
  rows.push([w("overall", lang), sc.overall === undefined ? overallText({ overallWithout: without }, lang) : fmtScore(sc.overall), "", "", ""]);
  lines.push(table([w("dimension", lang), w("score", lang), w("completenessTitle", lang), w("dontKnow", lang), w("notApplicable", lang)], rows, [false, true, true, true, true]).trimEnd());
  lines.push("");

  if (sc.byModule.length > 1) {
    const mrows = sc.byModule.map((m) => [title(m.module), ...DIMENSIONS.map((d) => fmtScore(m.dimensions[d].score)), pct(overallCompleteness(m.dimensions))]);
    lines.push(table([w("module", lang), ...DIMENSIONS.map((d) => DIMENSION_LABELS[d][lang]), w("completenessTitle", lang)], mrows, [false, true, true, true, true]).trimEnd());
    lines.push("");
  }

  for (const f of sc.findings ?? []) {
    if (f.code === "NO_DATASETS") lines.push(chalk.yellow(`  ${w("noDatasets", lang, { n: f.args.questions })}`));
    if (f.code === "ANSWER_OUT_OF_BANDS") {
      const ds = f.args.dataset ? ` (${t(r.datasets.find((d) => d.id === f.args.dataset)?.name ?? f.args.dataset)})` : "";
      lines.push(chalk.yellow(`  ${w("outOfBands", lang, { question: t(f.args.question), dataset: ds })}`));
    }
  }
  if (sc.findings?.some((f) => f.code !== "OVERALL_NOT_SHOWN")) lines.push("");

  const critical = sc.gaps.filter((g) => g.critical);
  lines.push(chalk.bold(critical.length ? chalk.red(`${w("criticalGaps", lang)} (${critical.length})`) : `${w("criticalGaps", lang)}: ${w("none", lang)}`));
  for (const g of critical) {
    const q = index.get(g.question)?.question;
    const on = g.criticalDatasets.length ? ` — ${g.criticalDatasets.map((id) => t(r.datasets.find((d) => d.id === id)?.name ?? id)).join(", ")}` : "";
    lines.push(`  ${chalk.red("!")} ${t(q ? q.label[lang] : g.question)} ${chalk.dim(`[${t(g.question)} · ${DIMENSION_LABELS[g.dimension][lang]}${g.unknown ? ` · ${w("dontKnow", lang)}` : ""}]`)}${on}`);
  }
  lines.push("");
  const recs = sc.gaps.filter((g) => g.recommendations.length > 0).slice(0, topN);
  if (recs.length) {
    lines.push(chalk.bold(w("topRecommendations", lang)));
    recs.forEach((g, i) => {
      lines.push(`  ${i + 1}. ${t(g.recommendations[0]![lang])} ${chalk.dim(`[${t(g.question)}, ${w("gapOf", lang, { n: num(g.gap) })}]`)}`);
    });
    lines.push("");
  }
  return lines.join("\n") + "\n";
}

export function renderFailure(f: FailedInput, lang: Lang): string {
  return `${chalk.red("✗")} ${t(f.source)}: ${w("notScored", lang)}\n${f.problems.map((p) => `  ${formatProblem(p, lang)}\n`).join("")}`;
}

export interface SummaryRow {
  institution: string;
  source: string;
  scores: Record<Dimension, number | undefined>;
  completeness?: number;
  critical: number;
  /** Problems that did not stop scoring: answers that could not be read, a lost sheet. */
  errors: number;
}

/** Problems in an input that was still scored: answers that could not be read, and warnings. */
export function renderProblems(r: InstitutionResult, lang: Lang): string {
  const errors = r.problems.filter((p) => p.severity === "error").length;
  const head = errors ? `${chalk.yellow("!")} ${t(r.source)}: ${w(errors === 1 ? "scoredWithProblem" : "scoredWithProblems", lang, { n: errors })}` : `${chalk.dim("i")} ${t(r.source)}:`;
  return `${head}\n${r.problems.map((p) => `  ${formatProblem(p, lang)}\n`).join("")}`;
}

export function renderSummary(rows: readonly SummaryRow[], failed: readonly FailedInput[]): string {
  const lines: string[] = [];
  if (rows.length > 1) {
    const body = rows.map((r) => [
      t(r.institution),
      ...DIMENSIONS.map((d) => fmtScore(r.scores[d])),
      pct(r.completeness),
      String(r.critical),
      r.errors ? chalk.yellow(String(r.errors)) : "0",
    ]);
    lines.push(chalk.bold("Summary"));
    lines.push(table(["Institution", "Collection", "Sharing", "Hosting", "Completeness", "Critical gaps", "Problems"], body, [false, true, true, true, true, true, true]).trimEnd());
    lines.push("");
  }
  const withProblems = rows.filter((r) => r.errors > 0).length;
  lines.push(
    `${rows.length} scored${withProblems ? ` (${withProblems} with problems)` : ""}, ${failed.length} failed${failed.length ? `: ${failed.map((f) => t(f.source)).join(", ")}` : ""}`,
  );
  return lines.join("\n") + "\n";
}
