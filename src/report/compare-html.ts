// The comparison as one self-contained HTML file (inline CSS and SVG, no script, nothing
// fetched), with the report's styles. Every string from a respondent or a module goes through esc().
import { DIMENSIONS } from "../core/model.js";
import type { Lang } from "../core/model.js";
import { pairName } from "../core/compare.js";
import type { Comparison, FigureChange, InstitutionComparison, NationalFigures, RoundInstitution } from "../core/compare-model.js";
import { CSS, esc as e } from "./html.js";
import { dim, num, pct, w } from "./words.js";
import { CHANGE_COLOURS, CHANGE_TEXT, cw, flagText, matchText, methodMixedText, outcomeText, reasonText, signed, statusText } from "./compare-words.js";
import { changedQuestions, levelText } from "./compare-markdown.js";

const MORE_CSS = `td.chg { text-align: center; white-space: nowrap; font-weight: 600; } td.chg small { display: block; font-weight: 400; } .flag { color: #b00020; font-weight: 600; }`;

function table(header: string[], rows: string[][]): string {
  return `<table><thead><tr>${header.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.join("")}</tr>`).join("")}</tbody></table>`;
}

const td = (s: string, cls = "") => `<td${cls ? ` class="${cls}"` : ""}>${s}</td>`;

function chgTd(f: FigureChange): string {
  return `<td class="chg" style="background:#${CHANGE_COLOURS[f.band]};color:#${CHANGE_TEXT[f.band]}">${signed(f.change)}<small>${num(f.baseline.score)} → ${num(f.followup.score)}</small></td>`;
}

/** The heatmap of changes as SVG: a row per institution pair, a column per dimension and the overall figure. */
function changeHeatmap(c: Comparison): string {
  const L = c.lang;
  const labelW = 380;
  const cellW = 150;
  const cellH = 38;
  const head = 30;
  const cols = [...DIMENSIONS.map((d) => dim(d, L)), w("overall", L)];
  const width = labelW + cellW * cols.length;
  const height = head + cellH * c.institutions.length;
  const parts: string[] = [];
  cols.forEach((name, k) => parts.push(`<text x="${labelW + k * cellW + cellW / 2}" y="20" text-anchor="middle" font-weight="600" font-size="13">${e(name)}</text>`));
  c.institutions.forEach((i, r) => {
    const y = head + r * cellH;
    const full = pairName(i) + (i.methodChanged ? " †" : "");
    const name = full.length > 56 ? `${full.slice(0, 55)}…` : full;
    parts.push(`<text x="${labelW - 8}" y="${y + cellH / 2 + 5}" text-anchor="end" font-size="12">${e(name)}<title>${e(full)}</title></text>`);
    [...DIMENSIONS.map((d) => i.cells[d]), i.overall].forEach((f, k) => {
      const x = labelW + k * cellW;
      parts.push(`<rect x="${x + 1}" y="${y + 1}" width="${cellW - 2}" height="${cellH - 2}" rx="3" fill="#${CHANGE_COLOURS[f.band]}"/>`);
      parts.push(
        `<text x="${x + cellW / 2}" y="${y + 16}" text-anchor="middle" font-size="13" font-weight="700" fill="#${CHANGE_TEXT[f.band]}">${signed(f.change)}</text><text x="${x + cellW / 2}" y="${y + 31}" text-anchor="middle" font-size="10" fill="#${CHANGE_TEXT[f.band]}">${num(f.baseline.score)} → ${num(f.followup.score)}</text>`,
      );
    });
  });
  return `<svg id="change-heatmap" role="img" aria-label="${e(cw("changeHeatmap", L))}" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}

function legend(L: Lang): string {
  const bands = ["up_much", "up", "same", "down", "down_much", "none"] as const;
  const labels = ["≥ +10", "> 0", "0", "< 0", "≤ −10", cw("notComparableShort", L)];
  return `<p class="legend">${bands.map((b, k) => `<span style="background:#${CHANGE_COLOURS[b]};color:#${CHANGE_TEXT[b]}">${e(labels[k]!)}</span>`).join("")} <span class="muted">${e(cw("change", L))} · ${e(cw("baseline", L))} → ${e(cw("followup", L))}</span></p>`;
}

function national(title: string, n: NationalFigures, L: Lang): string {
  const compl = (f: FigureChange) => td(`${pct(f.baseline.completeness)} → ${pct(f.followup.completeness)}`, "num");
  const rows = [...DIMENSIONS.map((d) => [td(e(dim(d, L))), chgTd(n.cells[d]), compl(n.cells[d])]), [td(e(w("overall", L))), chgTd(n.overall), compl(n.overall)]];
  return `<h3>${e(title)}</h3>${table([e(w("dimension", L)), e(cw("change", L)), e(w("completenessTitle", L))], rows)}`;
}

function oneRound(list: RoundInstitution[], L: Lang): string {
  return list.length ? `<ul>${list.map((i) => `<li>${e(i.name)} <span class="muted">(${e(i.id)}, ${e(i.source)}, ${e(i.date)})</span></li>`).join("")}</ul>` : `<p>${e(w("none", L))}</p>`;
}

function institution(i: InstitutionComparison, L: Lang): string {
  const s: string[] = [`<section class="institution"><h3>${e(pairName(i))}${i.methodChanged ? " †" : ""}</h3>`];
  s.push(`<p class="muted">${e(cw("matchedAs", L))}: ${e(matchText(i.match, L))} · ${e(i.baseline.source)} (${e(i.baseline.date)}) → ${e(i.followup.source)} (${e(i.followup.date)})</p>`);
  if (i.methodChanged) s.push(`<p class="note">${e(cw("methodChanged", L, { b: i.methodChanged.baseline, a: i.methodChanged.followup }))}</p>`);
  s.push(table([e(w("module", L)), e(cw("versions", L)), ...DIMENSIONS.map((d) => e(dim(d, L)))], [...i.modules.map((m) => [td(e(m.title)), td(`${e(m.baselineVersion ?? "–")} → ${e(m.followupVersion ?? "–")}`), ...DIMENSIONS.map((d) => chgTd(m.cells[d]))]), [td(`<b>${e(w("overall", L))}: ${signed(i.overall.change)}</b> <span class="muted">(${num(i.overall.baseline.score)} → ${num(i.overall.followup.score)})</span>`), td(""), ...DIMENSIONS.map((d) => chgTd(i.cells[d]))]]));
  const c = i.counts;
  s.push(`<p>${e(cw("closed", L))}: <b>${c.closed}</b> · ${e(cw("opened", L))}: <b>${c.opened}</b> · ${e(cw("criticalResolved", L))}: <b>${c.criticalResolved}</b> · ${e(cw("criticalNew", L))}: <b class="crit">${c.criticalNew}</b></p>`);
  s.push(`<p>${e(cw("datasetsAdded", L))}: ${i.datasets.added.map(e).join(", ") || e(w("none", L))} · ${e(cw("datasetsDropped", L))}: ${i.datasets.dropped.map(e).join(", ") || e(w("none", L))} · ${e(cw("datasetsKept", L))}: ${i.datasets.kept}</p>`);
  const changed = changedQuestions(i);
  if (changed.length) {
    s.push(`<p><b>${e(cw("questionsChanged", L))}</b></p>`);
    s.push(table([e(w("question", L)), e(w("dimension", L)), e(cw("level", L)), e(cw("change", L)), e(cw("outcome", L))], changed.map((q) => [td(e(q.label)), td(e(dim(q.dimension, L))), td(`${levelText(q.baseline)} → ${levelText(q.followup)}`, "num"), td(signed(q.change), "num"), td(`${e(outcomeText(q.outcome, L))}${q.criticalNew ? ` <span class="crit">${e(cw("criticalNew", L))}</span>` : ""}${q.criticalResolved ? ` · ${e(cw("criticalResolved", L))}` : ""}`)])));
  }
  if (i.actions.length) {
    s.push(`<p><b>${e(cw("actionPlan", L))}</b></p>`);
    s.push(table([e(w("question", L)), e(cw("status", L)), e(cw("responsible", L)), e(cw("target", L)), e(cw("note", L)), e(cw("outcome", L))], i.actions.map((a) => [td(e(a.label)), td(e(statusText(a.status, L))), td(e(a.responsible ?? "")), td(e(a.target ?? "")), td(e(a.note ?? "")), td(`${e(outcomeText(a.outcome, L))}${a.flag ? ` <span class="flag">⚠ ${e(flagText(a.flag, L))}</span>` : ""}`)])));
  }
  s.push(`</section>`);
  return s.join("\n");
}

export function renderCompareHtml(c: Comparison): string {
  const L = c.lang;
  const s: string[] = [];
  s.push(`<!DOCTYPE html><html lang="${L}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`);
  s.push(`<title>${e(c.title)}</title><style>${CSS}${MORE_CSS}</style></head><body>`);
  s.push(`<h1>${e(c.title)}</h1><p class="muted">${e(w("generated", L, { date: c.date }))}</p>`);
  if (c.fictional) s.push(`<p class="note">${e(w("fictional", L))}</p>`);
  const mixed = methodMixedText(c, L);
  if (mixed) s.push(`<p class="note">${e(mixed)}</p>`);
  s.push(`<h2 id="rounds">${e(cw("rounds", L))}</h2>`);
  s.push(
    table(
      ["", e(w("institutionsAssessed", L)), e(w("datasetsReported", L)), e(w("methodVersion", L)), e(w("modulesUsed", L))],
      (["baseline", "followup"] as const).map((r) => {
        const x = c.rounds[r];
        return [td(`${e(cw(r, L))}${x.dates ? ` <span class="muted">(${e(cw("answered", L, { from: x.dates.from, to: x.dates.to }))})</span>` : ""}`), td(String(x.institutions), "num"), td(String(x.datasets), "num"), td(e(x.methods.join(", "))), td(e(x.modules.map((m) => `${m.id} ${m.version}`).join(", ")))];
      }),
    ),
  );
  s.push(`<h2 id="summary">${e(w("summary", L))}</h2><div class="kpis">`);
  s.push(`<div class="kpi"><b>${c.totals.matched}</b>${e(cw("institutionsEach", L, { b: c.rounds.baseline.institutions, a: c.rounds.followup.institutions, m: c.totals.matched }))}</div>`);
  s.push(`<div class="kpi"><b>${c.totals.closed}</b>${e(cw("closed", L))}</div><div class="kpi"><b>${c.totals.opened}</b>${e(cw("opened", L))}</div>`);
  s.push(`<div class="kpi"><b>${c.totals.criticalResolved}</b>${e(cw("criticalResolved", L))}</div><div class="kpi"><b class="crit">${c.totals.criticalNew}</b>${e(cw("criticalNew", L))}</div></div>`);
  if (c.actionPlan) s.push(`<p class="note">${e(cw("actionPlan", L))} (${e(c.actionPlan.source)}): ${e(cw("flags", L, { open: c.actionPlan.flags.doneGapOpen, closed: c.actionPlan.flags.notStartedGapClosed }))}</p>`);
  s.push(national(cw("nationalAll", L), c.national.all, L), national(cw("nationalMatched", L), c.national.matched, L));
  const ranked = (title: string, xs: Comparison["mostImproved"]) => `<h3>${e(title)}</h3>${xs.length ? `<ol>${xs.map((x) => `<li>${e(x.name)}: <b>${signed(x.change)}</b>${x.methodChanged ? " †" : ""}</li>`).join("")}</ol>` : `<p>${e(w("noneFound", L))}</p>`}`;
  s.push(ranked(cw("mostImproved", L), c.mostImproved), ranked(cw("fellBack", L), c.fellBack));
  const acted = c.recommendations.filter((r) => r.actedOn !== undefined);
  const uptake = (rows: typeof acted) => (rows.length ? table([e(w("question", L)), e(cw("withGap", L)), e(cw("actedOn", L))], rows.map((r) => [td(e(r.label)), td(String(r.institutions), "num"), td(`${pct(r.actedOn)} (${r.closed + r.improved})`, "num")])) : `<p>${e(w("noneFound", L))}</p>`);
  s.push(`<h3>${e(cw("actedMost", L))}</h3>${uptake(acted.slice(0, 5))}<h3>${e(cw("actedLeast", L))}</h3>${uptake(acted.slice(-5).reverse())}`);
  s.push(`<h2 id="change-heatmap-section">${e(cw("changeHeatmap", L))}</h2>`, legend(L), changeHeatmap(c));
  s.push(`<h2 id="one-round">${e(cw("oneRound", L))}</h2><h3>${e(cw("onlyBaseline", L))}</h3>${oneRound(c.onlyBaseline, L)}<h3>${e(cw("onlyFollowup", L))}</h3>${oneRound(c.onlyFollowup, L)}`);
  s.push(`<h2 id="modules">${e(cw("moduleChanges", L))}</h2>`);
  if (c.moduleChanges.length) {
    s.push(table([e(w("module", L)), e(cw("baseline", L)), e(cw("followup", L)), e(cw("notComparable", L))], c.moduleChanges.map((m) => [td(e(m.title)), td(e(m.baseline ?? "–")), td(e(m.followup ?? "–")), td(String(m.notComparable), "num")])), `<p class="muted">${e(cw("moduleNote", L))}</p>`);
  } else s.push(`<p>${e(w("none", L))}</p>`);
  if (c.notComparable.length) s.push(`<h3>${e(cw("notComparable", L))}</h3>`, table([e(w("question", L)), e(w("module", L)), e(cw("reason", L))], c.notComparable.map((n) => [td(e(n.question)), td(e(n.module)), td(e(reasonText(n.reason, L)))])));
  s.push(`<h2 id="institutions">${e(w("institutions", L))}</h2>`);
  for (const i of c.institutions) s.push(institution(i, L));
  s.push(`</body></html>\n`);
  return s.join("\n");
}
