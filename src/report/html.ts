// The report as one self-contained HTML file: inline CSS and SVG, no script, nothing fetched.
// Every string that came from a respondent or a module goes through esc().
import { DIMENSIONS } from "../core/model.js";
import type { Dimension, Lang } from "../core/model.js";
import { INSTITUTION_PAGES } from "../core/report-pages.js";
import type { DimensionScore, InstitutionSection, Report, Rows } from "../core/report-model.js";
import { lineText } from "./lines.js";
import type { Line } from "./lines.js";
import { BAND_COLOURS, BAND_TEXT, METHOD_RULE_WORDS, dim, firewallReason, heading, num, otherMethodsText, overallText, supersededText, pct, w } from "./words.js";

export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export const CSS = `
:root { --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d0d7de; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans Thai", "Noto Sans", Sarabun, Loma, Garuda, Tahoma, "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.45; font-size: 14px; }
h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; border-bottom: 2px solid var(--rule); padding-bottom: 4px; margin-top: 32px; } h3 { font-size: 16px; margin: 20px 0 8px; }
.muted { color: var(--muted); } .note { background: #fff8c5; border: 1px solid #e3c46b; padding: 8px 12px; border-radius: 4px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f5f7; } td.num { text-align: right; white-space: nowrap; }
td.band { text-align: center; font-weight: 600; white-space: nowrap; } td.band small { font-weight: 400; display: block; }
.kpis { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; } .kpi { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 14px; min-width: 150px; }
.kpi b { display: block; font-size: 24px; }
.legend span { display: inline-block; padding: 2px 8px; margin-right: 6px; border-radius: 3px; font-size: 12px; }
.crit { color: #b00020; font-weight: 600; }
.yes { color: #1a7f37; font-weight: 700; } .no { color: #b00020; } .unknown { color: var(--muted); }
svg text { font-family: inherit; }
@page { size: A4; margin: 14mm; }
@media print { body { max-width: none; padding: 0; font-size: 11px; } .institution { break-before: page; } h2 { break-after: avoid; } table, svg { break-inside: auto; } tr { break-inside: avoid; } }
`;

function bandTd(c: DimensionScore): string {
  return `<td class="band" style="background:#${BAND_COLOURS[c.band]};color:#${BAND_TEXT[c.band]}">${num(c.score)}<small>${pct(c.completeness)}</small></td>`;
}

function table(header: string[], rows: string[][]): string {
  return lineText(lazyTable(header, rows, (r) => r));
}

/** A table whose rows are made as it is written (the data map: a row per dataset of every institution). */
function lazyTable<T>(header: string[], items: Iterable<T>, row: (item: T) => string[]): Line {
  return {
    parts: function* () {
      yield `<table><thead><tr>${header.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>`;
      for (const item of items) yield `<tr>${row(item).join("")}</tr>`;
      yield "</tbody></table>";
    },
  };
}

/** The links to the institutions' pages, one item each, made as they are written. */
function pageLinks<T>(items: Iterable<T>, item: (x: T, k: number) => string): Line {
  return {
    parts: function* () {
      yield "<ul>";
      let k = 0;
      for (const x of items) yield item(x, k++);
      yield "</ul>";
    },
  };
}

const td = (s: string, cls = "") => `<td${cls ? ` class="${cls}"` : ""}>${s}</td>`;

/** Heatmap as SVG: a row per institution (or theme), a column per dimension, made as it is written. */
function heatmapSvg(rows: Rows<{ name: string; cells: Record<Dimension, DimensionScore> }>, r: Report, id: string): Line {
  const L = r.lang;
  const labelW = 400;
  const cellW = 140;
  const cellH = 34;
  const head = 30;
  const width = labelW + cellW * 3;
  const height = head + cellH * rows.length;
  return {
    parts: function* () {
      yield `<svg id="${id}" role="img" aria-label="${esc(w("heatmap", L))}" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" xmlns="http://www.w3.org/2000/svg">`;
      for (const [c, d] of DIMENSIONS.entries()) yield `<text x="${labelW + c * cellW + cellW / 2}" y="20" text-anchor="middle" font-weight="600" font-size="13">${esc(dim(d, L))}</text>`;
      let i = 0;
      for (const row of rows) {
        const y = head + i++ * cellH;
        const name = row.name.length > 60 ? `${row.name.slice(0, 59)}…` : row.name;
        const parts = [`<text x="${labelW - 8}" y="${y + cellH / 2 + 5}" text-anchor="end" font-size="12">${esc(name)}<title>${esc(row.name)}</title></text>`];
        for (const [c, d] of DIMENSIONS.entries()) {
          const cell = row.cells[d];
          const x = labelW + c * cellW;
          parts.push(`<rect x="${x + 1}" y="${y + 1}" width="${cellW - 2}" height="${cellH - 2}" rx="3" fill="#${BAND_COLOURS[cell.band]}"/>`);
          parts.push(
            `<text x="${x + cellW / 2}" y="${y + cellH / 2 + 5}" text-anchor="middle" font-size="13" fill="#${BAND_TEXT[cell.band]}"><tspan font-weight="700">${num(cell.score)}</tspan><tspan font-size="10"> · ${pct(cell.completeness)}</tspan></text>`,
          );
        }
        yield parts.join("");
      }
      yield "</svg>";
    },
  };
}

/** Horizontal bars, 0-100, with the value at the end. */
function barsSvg(items: { label: string; score?: number; band: DimensionScore["band"] }[], id: string): string {
  const labelW = 260;
  const barW = 400;
  const rowH = 26;
  const height = rowH * items.length + 20;
  const parts: string[] = [];
  for (const tick of [0, 25, 50, 75, 100]) {
    const x = labelW + (barW * tick) / 100;
    parts.push(`<line x1="${x}" y1="0" x2="${x}" y2="${height - 16}" stroke="#e1e4e8"/><text x="${x}" y="${height - 4}" font-size="10" text-anchor="middle" fill="#5a5a5a">${tick}</text>`);
  }
  items.forEach((it, i) => {
    const y = i * rowH + 4;
    const wv = ((it.score ?? 0) / 100) * barW;
    parts.push(`<text x="${labelW - 8}" y="${y + 14}" text-anchor="end" font-size="12">${esc(it.label)}</text>`);
    parts.push(`<rect x="${labelW}" y="${y}" width="${wv.toFixed(1)}" height="18" fill="#${BAND_COLOURS[it.band]}"/>`);
    parts.push(`<text x="${labelW + wv + 6}" y="${y + 14}" font-size="12" font-weight="600">${num(it.score)}</text>`);
  });
  return `<svg id="${id}" role="img" viewBox="0 0 ${labelW + barW + 40} ${height}" width="100%" style="max-width:${labelW + barW + 40}px" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}

/** `pages`: the institutions' page names, when their sections are pages of their own (report-pages.ts). */
export function renderHtml(r: Report, pages?: readonly string[]): string {
  return htmlLines(r, pages).map(lineText).join("\n");
}

/** The report's HTML as lines to be joined with a line break: written one by one, never as one string (thousands of institutions). */
export function htmlLines(r: Report, pages?: readonly string[]): Line[] {
  const L = r.lang;
  const e = esc;
  const s: Line[] = [];
  s.push(`<!DOCTYPE html><html lang="${L}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`);
  s.push(`<title>${e(r.title)}</title><style>${CSS}</style></head><body>`);
  s.push(`<h1>${e(r.title)}</h1><p class="muted">${e(w("generated", L, { date: r.date }))}</p>`);
  if (r.fictional) s.push(`<p class="note">${e(w("fictional", L))}</p>`);
  const older = otherMethodsText(r, L);
  if (older) s.push(`<p class="note">${e(older)}</p>`);
  const twice = supersededText(r, L);
  if (twice) s.push(`<p class="note">${e(twice)}</p>`);

  s.push(`<h2 id="summary">${e(w("summary", L))}</h2><div class="kpis">`);
  s.push(`<div class="kpi"><b>${r.summary.institutions}</b>${e(w("institutionsAssessed", L))}</div>`);
  s.push(`<div class="kpi"><b>${r.summary.datasets}</b>${e(w("datasetsReported", L))}</div>`);
  s.push(`<div class="kpi"><b class="crit">${r.summary.criticalGaps}</b>${e(w("criticalGaps", L))} ${e(w("inInstitutions", L, { n: r.summary.institutionsWithCriticalGaps }))}</div>`);
  s.push(`<div class="kpi"><b>${e(overallText(r.summary, L))}</b>${e(w("overall", L))}</div></div>`);
  s.push(`<h3>${e(w("national", L))}</h3>`);
  s.push(barsSvg(DIMENSIONS.map((d) => ({ label: `${dim(d, L)} (${pct(r.summary.national[d].completeness)})`, ...r.summary.national[d] })), "national-bars"));
  if (r.summary.weakestModules.length) s.push(`<p>${e(w("weakestThemes", L))}: ${r.summary.weakestModules.map((x) => `<b>${e(x.title)}</b> (${num(x.score)})`).join(", ")}</p>`);

  s.push(`<h2 id="heatmap">${e(w("heatmap", L))}</h2><p class="legend">`);
  for (const [i, b] of (["good", "fair", "weak", "very_weak"] as const).entries()) s.push(`<span style="background:#${BAND_COLOURS[b]};color:#${BAND_TEXT[b]}">${e(r.methodology.bands[i]!)}</span>`);
  s.push(`<span style="background:#${BAND_COLOURS.none}">–</span> <span class="muted">${e(w("score", L))} · ${e(w("completeness", L))}</span></p>`);
  s.push(`<h3>${e(w("byInstitution", L))}</h3>`, heatmapSvg(r.heatmap.institutions, r, "heatmap-institutions"));
  s.push(`<h3>${e(w("byTheme", L))}</h3>`, heatmapSvg(r.heatmap.modules.map((t) => ({ name: `${t.title} (n=${t.institutions})`, cells: t.cells })), r, "heatmap-themes"));

  s.push(`<h2 id="data-map">${e(w("dataMap", L))}</h2>`);
  s.push(lazyTable([e(w("institution", L)), e(w("dataset", L)), ...r.dataMap.columns.map((c) => e(heading(c, L)))], r.dataMap.rows, (row) => [td(e(row.institutionName)), td(e(row.datasetName)), ...r.dataMap.columns.map((c) => td(e(row.fields[c.id] ?? "—")))]));
  s.push(`<h3>${e(w("coverage", L))}</h3>`);
  const mark = { yes: "✓", no: "✗", unknown: "?" } as const;
  s.push(lazyTable([e(w("institution", L)), e(w("dataset", L)), ...r.dataMap.variables.map((v) => e(v.label))], r.dataMap.rows, (row) => [td(e(row.institutionName)), td(e(row.datasetName)), ...r.dataMap.variables.map((v) => { const c = row.coverage[v.id] ?? "unknown"; return `<td class="${c}" style="text-align:center" title="${e(w(c, L))}">${mark[c]}</td>`; })]));

  s.push(`<h2 id="institutions">${e(w("institutions", L))}</h2>`);
  // The heatmap's rows are the institutions in report order: their sections may be written from elsewhere (report-formats.ts).
  if (pages) s.push(pageLinks(r.heatmap.institutions, (i, k) => `<li><a href="${INSTITUTION_PAGES}/${e(pages[k]!)}.html">${e(i.name)}</a></li>`));
  else for (const i of r.institutions) s.push(...institutionHtml(i, L));

  s.push(`<h2 id="cross-cutting">${e(w("crossCutting", L))}</h2><h3>${e(w("commonGaps", L))}</h3>`);
  s.push(table([e(w("question", L)), e(w("dimension", L)), e(w("institutionsWithGap", L)), e(w("criticalGaps", L)), e(w("meanGap", L)), e(w("recommendation", L))], r.crossCutting.commonGaps.map((g) => [td(e(g.label)), td(e(dim(g.dimension, L))), td(String(g.institutions), "num"), td(String(g.critical), "num"), td(num(g.meanGap), "num"), td(e(g.recommendation ?? ""))])));
  s.push(`<h3>${e(w("sharing", L))}</h3>`);
  s.push(lazyTable([e(w("institution", L)), e(w("partners", L))], r.crossCutting.sharing, (x) => [td(e(x.name)), td(x.partners.length ? x.partners.map((p) => `${e(p.label)} (${p.datasets})`).join("; ") : `<span class="muted">${e(w("notShared", L))}</span>`)]));
  s.push(`<h3>${e(w("firewall", L))}</h3>`);
  s.push(r.crossCutting.firewallMissing.length ? lazyTable([e(w("institution", L)), e(w("reasons", L))], r.crossCutting.firewallMissing, (f) => [td(e(f.name)), td(e(f.reasons.map((x) => firewallReason(x, L)).join("; ")))]) : `<p>${e(w("noneFound", L))}</p>`);

  s.push(`<h2 id="methodology">${e(w("methodology", L))}</h2>`);
  s.push(`<p>${e(w("methodVersion", L))}: ${e(r.method)}. ${e(w("weights", L))}</p>`);
  s.push(`<p>${e(w("levels", L))}: ${r.methodology.levels.map(e).join("; ")}.</p><p>${e(w("bands", L))}: ${r.methodology.bands.map(e).join("; ")}.</p>`);
  s.push(`<ul>${r.methodology.rules.map((x) => `<li>${e(METHOD_RULE_WORDS[x][L])}</li>`).join("")}</ul>`);
  s.push(`<p>${e(w("modulesUsed", L))}:</p>`, table([e(w("module", L)), "id", "version"], r.modules.map((m) => [td(e(m.title)), td(e(m.id)), td(e(m.version))])));
  s.push(`</body></html>\n`);
  return s;
}

/** One institution's section: a heading, its scorecard by module, its gaps ranked. */
function institutionHtml(i: InstitutionSection, L: Lang): string[] {
  const s: string[] = [];
  const e = esc;
  s.push(`<section class="institution" id="inst-${e(i.id)}"><h3>${e(i.name)}</h3>`);
  const where = [i.ministry, i.department].filter(Boolean).map((x) => e(x!)).join(" · ");
  if (where) s.push(`<p class="muted">${where}</p>`);
  if (i.respondent) s.push(`<p>${e(w("respondent", L))}: ${e([i.respondent.name, i.respondent.role, i.respondent.email, i.respondent.phone].filter(Boolean).join(", "))}</p>`);
  s.push(`<p>${e(w("datasets", L))}: ${i.datasets.map(e).join("; ") || "—"} · ${e(w("completeness", L))} ${pct(i.completeness)} · ${e(w("dontKnowRate", L))} ${pct(i.dontKnowRate)}</p>`);
  if (i.rejectedAnswers) s.push(`<p class="note">${i.rejectedAnswers} ${e(w("rejected", L))}</p>`);
  if (i.noDatasets) s.push(`<p class="note">${e(w("noDatasets", L, { n: i.noDatasets }))}</p>`);
  s.push(table([e(w("module", L)), ...DIMENSIONS.map((d) => e(dim(d, L)))], [...i.byModule.map((m) => [td(e(m.title)), ...DIMENSIONS.map((d) => bandTd(m.cells[d]))]), [td(`<b>${e(w("overall", L))}: ${e(overallText(i, L))}</b>`), ...DIMENSIONS.map((d) => bandTd(i.cells[d]))]]));
  s.push(`<p><b>${e(w("gaps", L))}</b> <span class="muted">(${e(w("ofGaps", L, { shown: i.gaps.length, total: i.gapsTotal }))})</span></p>`);
  s.push(
    table(
      ["#", e(w("question", L)), e(w("dimension", L)), e(w("gap", L)), e(w("recommendation", L))],
      i.gaps.map((g, n) => [
        td(String(n + 1), "num"),
        td(`${g.critical ? `<span class="crit">${e(w("critical", L))}</span> ` : ""}${e(g.label)}${g.datasets.length ? ` <span class="muted">(${g.datasets.map(e).join(", ")})</span>` : ""}`),
        td(e(dim(g.dimension, L))),
        td(num(g.gap), "num"),
        td(e(g.recommendation ?? "")),
      ]),
    ),
  );
  s.push(`</section>`);
  return s;
}

/** An institution's section as a page of its own, with the way back to the report. */
export function renderInstitutionHtml(r: Report, i: InstitutionSection): string {
  const L = r.lang;
  const head = `<!DOCTYPE html><html lang="${L}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(i.name)} · ${esc(r.title)}</title><style>${CSS}</style></head><body>`;
  return `${[head, `<p><a href="../report.html#institutions">${esc(w("backToReport", L))}</a> · ${esc(r.title)}</p>`, ...institutionHtml(i, L), "</body></html>"].join("\n")}\n`;
}
