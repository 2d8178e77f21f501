// The report as GitHub-flavoured Markdown, for pasting into consultation documents.
import { DIMENSIONS } from "../core/model.js";
import type { Lang } from "../core/model.js";
import { INSTITUTION_PAGES } from "../core/report-pages.js";
import type { DimensionScore, InstitutionSection, Report } from "../core/report-model.js";
import { eachLine, lineText } from "./lines.js";
import type { Line } from "./lines.js";
import { BAND_EMOJI, METHOD_RULE_WORDS, dim, firewallReason, heading, num, otherMethodsText, overallText, supersededText, pct, w } from "./words.js";

/** Every line break Markdown or a viewer may honour, lone `\r` and U+2028/2029 included. */
const BREAKS = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/g;
/** Characters that make links, images, emphasis, code, tables or HTML; escaped with a backslash. */
const SPECIAL = /[\\`*_[\]|!~]/g;

/**
 * Text that Markdown shows as it is, on one line: no link, image, emphasis, HTML or table
 * cell comes out of it, wherever it is put (a cell, a heading, the start of a line).
 */
export function mdText(s: string): string {
  return (
    s
      .replace(BREAKS, " ")
      .replace(SPECIAL, "\\$&")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      // Bare URLs are links in GitHub's Markdown: break the pattern it looks for.
      .replace(/:\/\//g, "\\://")
      .replace(/\b(www)\./gi, "$1\\.")
      // At the start of a line: a heading, a list item, a setext underline.
      .replace(/^(\s*)([#+=-])/, "$1\\$2")
      .replace(/^(\s*\d+)([.)])/, "$1\\$2")
  );
}

function table(header: string[], rows: string[][], right: boolean[] = []): string {
  return lineText(lazyTable(header, rows, (r) => r, right));
}

/** A table whose rows are made as it is written (the data map and heatmap: a row per dataset or institution). */
function lazyTable<T>(header: string[], items: Iterable<T>, row: (item: T) => string[], right: boolean[] = []): Line {
  const sep = header.map((_, i) => (right[i] ? "---:" : "---"));
  return {
    parts: function* () {
      yield `| ${header.join(" | ")} |\n| ${sep.join(" | ")} |`;
      for (const item of items) yield `\n| ${row(item).join(" | ")} |`;
    },
  };
}

function scoreCell(c: DimensionScore): string {
  return `${BAND_EMOJI[c.band]} ${num(c.score)} (${pct(c.completeness)})`;
}

/** `pages`: the institutions' page names, when their sections are pages of their own (report-pages.ts). */
export function renderMarkdown(r: Report, pages?: readonly string[]): string {
  return markdownLines(r, pages).map(lineText).join("\n");
}

/** The report's Markdown as lines to be joined with a line break (the last one empty): written one by one for thousands of institutions. */
export function markdownLines(r: Report, pages?: readonly string[]): Line[] {
  const L = r.lang;
  const out: Line[] = [];
  const t = mdText;
  out.push(`# ${t(r.title)}`, "", `${w("generated", L, { date: r.date })}`);
  if (r.fictional) out.push("", `> ${w("fictional", L)}`);
  const older = otherMethodsText(r, L);
  if (older) out.push("", `> ${t(older)}`);
  const twice = supersededText(r, L);
  if (twice) out.push("", `> ${t(twice)}`);

  out.push("", `## ${w("summary", L)}`, "");
  out.push(`- ${w("institutionsAssessed", L)}: **${r.summary.institutions}**; ${w("datasetsReported", L)}: **${r.summary.datasets}**`);
  out.push(`- ${w("criticalGaps", L)}: **${r.summary.criticalGaps}** ${w("inInstitutions", L, { n: r.summary.institutionsWithCriticalGaps })}`);
  if (r.summary.weakestModules.length) out.push(`- ${w("weakestThemes", L)}: ${r.summary.weakestModules.map((x) => `${t(x.title)} (${num(x.score)})`).join(", ")}`);
  out.push("", `${w("national", L)}:`, "");
  out.push(
    table(
      [w("dimension", L), w("score", L), w("completeness", L)],
      [...DIMENSIONS.map((d) => [dim(d, L), `${BAND_EMOJI[r.summary.national[d].band]} ${num(r.summary.national[d].score)}`, pct(r.summary.national[d].completeness)]), [w("overall", L), overallText(r.summary, L), ""]],
      [false, true, true],
    ),
  );

  out.push("", `## ${w("heatmap", L)}`, "", `${Object.entries(BAND_EMOJI).slice(0, 4).map(([, e], i) => `${e} ${r.methodology.bands[i]}`).join(" · ")} · ${BAND_EMOJI.none} –`, "");
  out.push(`### ${w("byInstitution", L)}`, "");
  out.push(
    lazyTable(
      [w("institution", L), ...DIMENSIONS.map((d) => dim(d, L)), w("overall", L)],
      r.heatmap.institutions,
      (i) => [t(i.name), ...DIMENSIONS.map((d) => scoreCell(i.cells[d])), overallText(i, L)],
      [false, true, true, true, true],
    ),
  );
  out.push("", `### ${w("byTheme", L)}`, "");
  out.push(
    table(
      [w("theme", L), "n", ...DIMENSIONS.map((d) => dim(d, L))],
      r.heatmap.modules.map((x) => [t(x.title), String(x.institutions), ...DIMENSIONS.map((d) => scoreCell(x.cells[d]))]),
      [false, true, true, true, true],
    ),
  );

  out.push("", `## ${w("dataMap", L)}`, "");
  out.push(lazyTable([w("institution", L), w("dataset", L), ...r.dataMap.columns.map((c) => t(heading(c, L)))], r.dataMap.rows, (row) => [t(row.institutionName), t(row.datasetName), ...r.dataMap.columns.map((c) => t(row.fields[c.id] ?? "—"))]));
  out.push("", `### ${w("coverage", L)}`, "");
  const mark = { yes: "✓", no: "✗", unknown: "?" } as const;
  out.push(lazyTable([w("institution", L), w("dataset", L), ...r.dataMap.variables.map((v) => t(v.label))], r.dataMap.rows, (row) => [t(row.institutionName), t(row.datasetName), ...r.dataMap.variables.map((v) => mark[row.coverage[v.id] ?? "unknown"])]));

  out.push("", `## ${w("institutions", L)}`);
  // The heatmap's rows are the institutions in report order: their sections may be written from elsewhere (report-formats.ts).
  if (pages) out.push("", eachLine(r.heatmap.institutions, (i, k) => `- [${t(i.name)}](${INSTITUTION_PAGES}/${pages[k]}.md)`));
  else for (const i of r.institutions) out.push(...institutionLines(i, L));

  out.push("", `## ${w("crossCutting", L)}`, "", `### ${w("commonGaps", L)}`, "");
  out.push(
    table(
      [w("question", L), w("dimension", L), w("institutionsWithGap", L), w("criticalGaps", L), w("meanGap", L), w("recommendation", L)],
      r.crossCutting.commonGaps.map((g) => [t(g.label), dim(g.dimension, L), String(g.institutions), String(g.critical), num(g.meanGap), t(g.recommendation ?? "")]),
      [false, false, true, true, true, false],
    ),
  );
  out.push("", `### ${w("sharing", L)}`, "");
  out.push(lazyTable([w("institution", L), w("partners", L)], r.crossCutting.sharing, (s) => [t(s.name), s.partners.length ? s.partners.map((p) => `${t(p.label)} (${p.datasets})`).join("; ") : w("notShared", L)]));
  out.push("", `### ${w("firewall", L)}`, "");
  out.push(r.crossCutting.firewallMissing.length ? lazyTable([w("institution", L), w("reasons", L)], r.crossCutting.firewallMissing, (f) => [t(f.name), t(f.reasons.map((x) => firewallReason(x, L)).join("; "))]) : w("noneFound", L));

  out.push("", `## ${w("methodology", L)}`, "");
  out.push(`${w("methodVersion", L)}: ${r.method} · ${w("weights", L)}`, "");
  out.push(`${w("levels", L)}: ${r.methodology.levels.join("; ")}.`, "", `${w("bands", L)}: ${r.methodology.bands.join("; ")}.`, "");
  for (const rule of r.methodology.rules) out.push(`- ${METHOD_RULE_WORDS[rule][L]}`);
  out.push("", `${w("modulesUsed", L)}:`, "");
  out.push(table([w("module", L), "id", "version"], r.modules.map((m) => [t(m.title), m.id, m.version])));
  out.push("");
  return out;
}

/** One institution's section: a heading, its scorecard by module, its gaps ranked. */
function institutionLines(i: InstitutionSection, L: Lang): string[] {
  const out: string[] = [];
  const t = mdText;
  out.push("", `### ${t(i.name)}`, "");
  const where = [i.ministry, i.department].filter(Boolean).map((x) => t(x!)).join(" · ");
  if (where) out.push(where, "");
  if (i.respondent) out.push(`${w("respondent", L)}: ${t([i.respondent.name, i.respondent.role, i.respondent.email, i.respondent.phone].filter(Boolean).join(", "))}`, "");
  out.push(`${w("datasets", L)}: ${i.datasets.map(t).join("; ") || "—"} · ${w("completeness", L)} ${pct(i.completeness)} · ${w("dontKnowRate", L)} ${pct(i.dontKnowRate)}`);
  if (i.rejectedAnswers) out.push("", `> ${i.rejectedAnswers} ${w("rejected", L)}`);
  if (i.noDatasets) out.push("", `> ${w("noDatasets", L, { n: i.noDatasets })}`);
  out.push("");
  out.push(
    table(
      [w("module", L), ...DIMENSIONS.map((d) => dim(d, L))],
      [...i.byModule.map((m) => [t(m.title), ...DIMENSIONS.map((d) => scoreCell(m.cells[d]))]), [`**${w("overall", L)}: ${overallText(i, L)}**`, ...DIMENSIONS.map((d) => `**${scoreCell(i.cells[d])}**`)]],
      [false, true, true, true],
    ),
  );
  out.push("", `**${w("gaps", L)}** (${w("ofGaps", L, { shown: i.gaps.length, total: i.gapsTotal })})`, "");
  out.push(
    table(
      ["#", w("question", L), w("dimension", L), w("gap", L), w("recommendation", L)],
      i.gaps.map((g, n) => [
        String(n + 1),
        `${g.critical ? `**${w("critical", L)}** ` : ""}${t(g.label)}${g.datasets.length ? ` (${g.datasets.map(t).join(", ")})` : ""}`,
        dim(g.dimension, L),
        num(g.gap),
        t(g.recommendation ?? ""),
      ]),
      [true, false, false, true, false],
    ),
  );
  return out;
}

/** An institution's section as a page of its own, with the way back to the report. */
export function renderInstitutionMarkdown(r: Report, i: InstitutionSection): string {
  return `${[`# ${mdText(r.title)}`, "", `[${w("backToReport", r.lang)}](../report.md)`, ...institutionLines(i, r.lang)].join("\n")}\n`;
}
