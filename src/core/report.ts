// Builds the report model (src/core/report-model.ts) from scored results: the summary,
// heatmaps, data map, institution sections, cross-cutting findings and answer table.
import { DIMENSIONS, PRIORITY_WEIGHT, optionsOf } from "./model.js";
import type { Lang, Module, Question } from "./model.js";
import { questionIndex } from "./questionnaire.js";
import * as X from "./exact.js";
import { METHOD_VERSION, pooledCompleteness } from "./scoring.js";
import { answerRows, answerWords } from "./report-answers.js";
import { cellsOf, defined, exactGap, meanCells, overallOf, round, tallyExact } from "./report-figures.js";
import { FIREWALL, SHARED_WITH, commonGaps, firewallMissing, sharingLinks } from "./report-findings.js";
import { CORE_VARIABLES, DATA_MAP_FIELDS, METHOD_RULES, REPORT_FORMAT, SCORE_BANDS, SHOWN_GAPS } from "./report-model.js";
import type { DataMapRow, InstitutionSection, Report, ReportOptions } from "./report-model.js";
import type { Answer } from "./answers.js";
import type { InstitutionResult } from "./results.js";


/** Builds the report from scored results, in the order given (sort them before for a stable report). */
export function buildReport(results: readonly InstitutionResult[], modules: readonly Module[], options: ReportOptions): Report {
  const lang = options.lang;
  const index = questionIndex(modules);
  const questions = new Map([...index].map(([id, p]) => [id, p.question] as const));
  const label = (id: string) => questions.get(id)?.label[lang] ?? id;
  const used = new Map<string, string>();
  for (const r of results) for (const m of r.scorecard.modules) used.set(m.id, m.version);
  const usedModules = modules.filter((m) => used.has(m.id));

  // Heatmap: institutions × dimensions, then modules (themes) × dimensions (mean over institutions).
  const heatInstitutions = results.map((r) => ({
    id: r.institution.id,
    name: r.institution.name,
    cells: cellsOf(r.scorecard.dimensions),
    ...overallOf(tallyExact(r.scorecard.dimensions)),
  }));
  const moduleMeans = usedModules.map((m) => {
    const rows = defined(results.map((r) => r.scorecard.byModule.find((b) => b.module === m.id)));
    return { module: m.id, title: m.title[lang], institutions: rows.length, ...meanCells(rows.map((b) => b.dimensions)) };
  });
  const moduleRows = moduleMeans.map(({ exact: _e, ...t }) => t);

  const nationalMeans = meanCells(results.map((r) => r.scorecard.dimensions));
  const national = nationalMeans.cells;
  // Ranked on the exact mean of the three theme scores; a theme without all three is not
  // ranked (as it has no overall figure); ties in the order the modules are asked.
  const weakestModules = moduleMeans
    .filter((t) => t.module !== "general" && DIMENSIONS.every((d) => t.exact[d] !== undefined))
    .map((t) => ({ module: t.module, title: t.title, exact: X.mean(DIMENSIONS.map((d) => t.exact[d]!))! }))
    .sort((a, b) => X.compare(a.exact, b.exact))
    .slice(0, 3)
    .map(({ exact, ...t }) => ({ ...t, score: round(exact)! }));

  const words = (q: Question | undefined, a: Answer | undefined): string => answerWords(q, a, lang);
  const rows: DataMapRow[] = [];
  for (const r of results) {
    for (const ds of r.answers.datasets) {
      const fields: Record<string, string> = {};
      for (const id of DATA_MAP_FIELDS) if (questions.has(id)) fields[id] = words(questions.get(id), ds.answers[id]);
      const disagg = ds.answers.ds_disaggregation?.value;
      const coverage: Record<string, "yes" | "no" | "unknown"> = {};
      for (const v of CORE_VARIABLES) coverage[v] = Array.isArray(disagg) ? (disagg.includes(v) ? "yes" : "no") : "unknown";
      rows.push({ institution: r.institution.id, institutionName: r.institution.name, dataset: ds.id, datasetName: ds.name, fields, coverage });
    }
  }
  const disaggQ = questions.get("ds_disaggregation");
  const variables = CORE_VARIABLES.map((id) => ({ id, label: optionsOf(disaggQ ?? ({ type: "text" } as Question)).find((o) => o.value === id)?.label?.[lang] ?? id }));

  return {
    format: REPORT_FORMAT,
    title: options.title,
    date: options.date,
    lang,
    method: METHOD_VERSION,
    superseded: options.superseded ?? [],
    otherMethods: results.filter((r) => r.scorecard.method !== METHOD_VERSION).map((r) => ({ institutionName: r.institution.name, source: r.source, method: r.scorecard.method })),
    fictional: results.some((r) => r.fictional === true),
    modules: usedModules.map((m) => ({ id: m.id, version: used.get(m.id)!, title: m.title[lang] })),
    summary: {
      institutions: results.length,
      datasets: results.reduce((n, r) => n + r.datasets.length, 0),
      national,
      ...overallOf(nationalMeans.exact),
      criticalGaps: results.reduce((n, r) => n + r.scorecard.gaps.filter((g) => g.critical).length, 0),
      institutionsWithCriticalGaps: results.filter((r) => r.scorecard.gaps.some((g) => g.critical)).length,
      weakestModules,
    },
    heatmap: { institutions: heatInstitutions, modules: moduleRows },
    dataMap: {
      columns: DATA_MAP_FIELDS.filter((id) => questions.has(id)).map((id) => ({ id, label: label(id) })),
      variables,
      rows,
    },
    // Left out when the caller sets each section aside as it is made (src/commands/report.ts).
    institutions: options.omitInstitutions ? [] : [...institutionSections(results, modules, options)],
    crossCutting: {
      commonGaps: commonGaps(results, label, lang, index),
      sharing: sharingLinks(results, questions.get(SHARED_WITH), lang),
      firewallMissing: firewallMissing(results, questions.get(FIREWALL), lang),
    },
    // Left out when the answer table is written as it is read (src/commands/report.ts).
    answers: options.omitAnswers ? [] : answerRows(results, index, lang),
    methodology: methodology(lang),
  };
}

/** Each institution's section, in the order of the results, made one at a time as it is read. */
export function* institutionSections(results: readonly InstitutionResult[], modules: readonly Module[], options: ReportOptions): Generator<InstitutionSection> {
  const lang = options.lang;
  const index = questionIndex(modules);
  const label = (id: string) => index.get(id)?.question.label[lang] ?? id;
  const moduleTitle = (id: string) => modules.find((m) => m.id === id)?.title[lang] ?? id;
  for (const r of results) yield section(r);

  function section(r: InstitutionResult): InstitutionSection {
    const sc = r.scorecard;
    const tallies = DIMENSIONS.map((d) => sc.dimensions[d]);
    const applying = tallies.reduce((n, t) => n + t.answered - t.notApplicable, 0);
    const unknown = tallies.reduce((n, t) => n + t.unknown, 0);
    const critical = sc.gaps.filter((g) => g.critical);
    const shown = [...critical, ...sc.gaps.filter((g) => !g.critical).slice(0, Math.max(0, SHOWN_GAPS - critical.length))];
    const dsName = (id: string) => r.datasets.find((d) => d.id === id)?.name ?? id;
    const completeness = round(pooledCompleteness(sc.dimensions));
    // Dataset questions have one cell per dataset: none at all when no dataset was listed.
    const unasked = sc.questions.filter((q) => q.cells.length === 0).length;
    return {
      id: r.institution.id,
      name: r.institution.name,
      ...(r.institution.ministry ? { ministry: r.institution.ministry } : {}),
      ...(r.institution.department ? { department: r.institution.department } : {}),
      fictional: r.fictional === true,
      ...(options.includeRespondents && r.answers.respondent ? { respondent: r.answers.respondent } : {}),
      source: r.source,
      datasets: r.datasets.map((d) => d.name),
      cells: cellsOf(sc.dimensions),
      ...overallOf(tallyExact(sc.dimensions)),
      byModule: sc.byModule.map((b) => ({ module: b.module, title: moduleTitle(b.module), cells: cellsOf(b.dimensions) })),
      ...(completeness === undefined ? {} : { completeness }),
      ...(applying ? { dontKnowRate: round(X.ratio(100 * unknown, applying))! } : {}),
      criticalGaps: critical.length,
      gaps: shown.map((g) => ({
        question: g.question,
        label: label(g.question),
        module: g.module,
        dimension: g.dimension,
        priority: g.priority,
        gap: round(exactGap(g))!,
        critical: g.critical,
        unknown: g.unknown,
        datasets: (g.critical ? g.criticalDatasets : g.datasets).map(dsName),
        ...(g.recommendations[0] ? { recommendation: g.recommendations[0][lang] } : {}),
      })),
      gapsTotal: sc.gaps.length,
      rejectedAnswers: r.answers.rejected?.length ?? 0,
      ...(r.datasets.length === 0 && unasked > 0 ? { noDatasets: unasked } : {}),
    };
  }
}

function methodology(lang: Lang): Report["methodology"] {
  const th = lang === "th";
  return {
    method: METHOD_VERSION,
    weights: { ...PRIORITY_WEIGHT },
    levels: th
      ? ["0 ไม่มี", "1 ทำเป็นครั้งคราวหรือยังไม่ได้พิจารณา", "2 อยู่ระหว่างวางแผนหรือทำได้บางส่วน", "3 อยู่ระหว่างดำเนินการหรือมีเกือบครบ", "4 มีครบถ้วนสมบูรณ์"]
      : ["0 absent", "1 ad hoc or not considered yet", "2 planned or partial", "3 being implemented or mostly in place", "4 fully in place"],
    bands: SCORE_BANDS.map((b) => b.label[lang]),
    rules: [...METHOD_RULES],
  };
}
