// Builds the report model (src/core/report-model.ts) from scored results: the summary,
// heatmaps, data map, institution sections, cross-cutting findings and answer table.
import { DIMENSIONS, PRIORITY_WEIGHT, optionsOf } from "./model.js";
import type { Lang, Module, Question } from "./model.js";
import { questionIndex } from "./questionnaire.js";
import * as X from "./exact.js";
import { METHOD_VERSION, pooledCompleteness } from "./scoring.js";
import { answerRows, answerWords } from "./report-answers.js";
import { CellMeans, cellsOf, exactGap, overallOf, round, tallyExact } from "./report-figures.js";
import { CommonGaps, FIREWALL, SHARED_WITH, firewallOf, sharingOf } from "./report-findings.js";
import { CORE_VARIABLES, DATA_MAP_FIELDS, METHOD_RULES, REPORT_FORMAT, SCORE_BANDS, SHOWN_GAPS } from "./report-model.js";
import type { AnswerRow, DataMapRow, FirewallRow, HeatmapRow, InstitutionSection, Report, ReportInMemory, ReportOptions, Rows, SharingRow } from "./report-model.js";
import type { InstitutionResult } from "./results.js";

/** What one institution adds to the report's long tables, and its section. */
export interface InstitutionRows {
  heatmap: HeatmapRow;
  dataMap: DataMapRow[];
  sharing: SharingRow;
  firewall?: FirewallRow;
  section: InstitutionSection;
}

/** The report's long tables and sections, wherever they are kept: arrays, or rows read back from disk. */
export interface ReportTables {
  heatmap: Rows<HeatmapRow>;
  dataMap: Rows<DataMapRow>;
  sharing: Rows<SharingRow>;
  firewallMissing: Rows<FirewallRow>;
  /** Empty when the sections are set aside as they are made (a report of thousands: src/commands/report.ts). */
  institutions: InstitutionSection[];
  answers: AnswerRow[];
}

/** Builds the report from scored results, in the order given (sort them before for a stable report). */
export function buildReport(results: readonly InstitutionResult[], modules: readonly Module[], options: ReportOptions): ReportInMemory {
  const builder = new ReportBuilder(modules, options);
  const tables = new TablesInMemory();
  for (const r of results) tables.add(builder.add(r));
  // The tables given are arrays: so are the report's.
  return builder.report({ ...tables, answers: answerRows(results, builder.index, options.lang) }) as ReportInMemory;
}

/** The report's tables and sections as arrays, each institution's rows added in report order. */
export class TablesInMemory {
  readonly heatmap: HeatmapRow[] = [];
  readonly dataMap: DataMapRow[] = [];
  readonly sharing: SharingRow[] = [];
  readonly firewallMissing: FirewallRow[] = [];
  readonly institutions: InstitutionSection[] = [];

  add(rows: InstitutionRows): void {
    this.heatmap.push(rows.heatmap);
    this.dataMap.push(...rows.dataMap);
    this.sharing.push(rows.sharing);
    if (rows.firewall) this.firewallMissing.push(rows.firewall);
    this.institutions.push(rows.section);
  }
}

/**
 * The report made one institution at a time, in report order: `add` folds each result into
 * the figures that do not grow with the institutions (national and theme means, counts, the
 * most common gaps) and returns its rows of the long tables; `report` makes the rest. The
 * caller keeps the rows where it likes, so that thousands of institutions need not be in
 * memory at once.
 */
export class ReportBuilder {
  readonly index: ReturnType<typeof questionIndex>;
  private readonly questions: Map<string, Question>;
  private readonly lang: Lang;
  private readonly used = new Map<string, string>();
  private readonly byModule = new Map<string, { institutions: number; means: CellMeans }>();
  private readonly national = new CellMeans();
  private readonly common: CommonGaps;
  private readonly otherMethods: Report["otherMethods"] = [];
  private readonly moduleTitles: Map<string, string>;
  private institutions = 0;
  private datasets = 0;
  private criticalGaps = 0;
  private institutionsWithCriticalGaps = 0;
  private fictional = false;

  constructor(
    private readonly modules: readonly Module[],
    private readonly options: ReportOptions,
  ) {
    this.lang = options.lang;
    this.index = questionIndex(modules);
    this.questions = new Map([...this.index].map(([id, p]) => [id, p.question] as const));
    this.common = new CommonGaps(this.lang);
    this.moduleTitles = new Map(modules.map((m) => [m.id, m.title[this.lang]] as const));
  }

  add(r: InstitutionResult): InstitutionRows {
    const sc = r.scorecard;
    for (const m of sc.modules) this.used.set(m.id, m.version);
    for (const b of sc.byModule) {
      const t = this.byModule.get(b.module) ?? { institutions: 0, means: new CellMeans() };
      t.institutions++;
      t.means.add(b.dimensions);
      this.byModule.set(b.module, t);
    }
    this.national.add(sc.dimensions);
    this.common.add(r);
    this.institutions++;
    this.datasets += r.datasets.length;
    const critical = sc.gaps.filter((g) => g.critical).length;
    this.criticalGaps += critical;
    if (critical) this.institutionsWithCriticalGaps++;
    if (sc.method !== METHOD_VERSION) this.otherMethods.push({ institutionName: r.institution.name, source: r.source, method: sc.method });
    if (r.fictional === true) this.fictional = true;
    const firewall = firewallOf(r, this.questions.get(FIREWALL), this.lang);
    return {
      heatmap: { id: r.institution.id, name: r.institution.name, cells: cellsOf(sc.dimensions), ...overallOf(tallyExact(sc.dimensions)) },
      dataMap: this.dataMapRows(r),
      sharing: sharingOf(r, this.questions.get(SHARED_WITH), this.lang),
      ...(firewall ? { firewall } : {}),
      section: this.section(r),
    };
  }

  /** The report, with the long tables and sections given (each institution's rows from `add`, in order). */
  report(tables: ReportTables): Report {
    const { lang, questions, options } = this;
    const label = (id: string) => questions.get(id)?.label[lang] ?? id;
    const usedModules = this.modules.filter((m) => this.used.has(m.id));
    // Themes × dimensions: the mean over the institutions that answered the theme.
    const moduleMeans = usedModules.flatMap((m) => {
      const t = this.byModule.get(m.id);
      return t ? [{ module: m.id, title: m.title[lang], institutions: t.institutions, ...t.means.value() }] : [];
    });
    const moduleRows = moduleMeans.map(({ exact: _e, ...t }) => t);
    const nationalMeans = this.national.value();
    // Ranked on the exact mean of the three theme scores; a theme without all three is not
    // ranked (as it has no overall figure); ties in the order the modules are asked.
    const weakestModules = moduleMeans
      .filter((t) => t.module !== "general" && DIMENSIONS.every((d) => t.exact[d] !== undefined))
      .map((t) => ({ module: t.module, title: t.title, exact: X.mean(DIMENSIONS.map((d) => t.exact[d]!))! }))
      .sort((a, b) => X.compare(a.exact, b.exact))
      .slice(0, 3)
      .map(({ exact, ...t }) => ({ ...t, score: round(exact)! }));
    const disaggQ = questions.get("ds_disaggregation");
    const variables = CORE_VARIABLES.map((id) => ({ id, label: optionsOf(disaggQ ?? ({ type: "text" } as Question)).find((o) => o.value === id)?.label?.[lang] ?? id }));
    return {
      format: REPORT_FORMAT,
      title: options.title,
      date: options.date,
      lang,
      method: METHOD_VERSION,
      superseded: options.superseded ?? [],
      otherMethods: this.otherMethods,
      fictional: this.fictional,
      modules: usedModules.map((m) => ({ id: m.id, version: this.used.get(m.id)!, title: m.title[lang] })),
      summary: {
        institutions: this.institutions,
        datasets: this.datasets,
        national: nationalMeans.cells,
        ...overallOf(nationalMeans.exact),
        criticalGaps: this.criticalGaps,
        institutionsWithCriticalGaps: this.institutionsWithCriticalGaps,
        weakestModules,
      },
      heatmap: { institutions: tables.heatmap, modules: moduleRows },
      dataMap: {
        columns: DATA_MAP_FIELDS.filter((id) => questions.has(id)).map((id) => ({ id, label: label(id) })),
        variables,
        rows: tables.dataMap,
      },
      institutions: tables.institutions,
      crossCutting: {
        commonGaps: this.common.value(label, this.index),
        sharing: tables.sharing,
        firewallMissing: tables.firewallMissing,
      },
      answers: tables.answers,
      methodology: methodology(lang),
    };
  }

  private dataMapRows(r: InstitutionResult): DataMapRow[] {
    const { questions, lang } = this;
    const rows: DataMapRow[] = [];
    for (const ds of r.answers.datasets) {
      const fields: Record<string, string> = {};
      for (const id of DATA_MAP_FIELDS) if (questions.has(id)) fields[id] = answerWords(questions.get(id), ds.answers[id], lang);
      const disagg = ds.answers.ds_disaggregation?.value;
      const coverage: Record<string, "yes" | "no" | "unknown"> = {};
      for (const v of CORE_VARIABLES) coverage[v] = Array.isArray(disagg) ? (disagg.includes(v) ? "yes" : "no") : "unknown";
      rows.push({ institution: r.institution.id, institutionName: r.institution.name, dataset: ds.id, datasetName: ds.name, fields, coverage });
    }
    return rows;
  }

  /** The institution's section. */
  private section(r: InstitutionResult): InstitutionSection {
    const { lang, index, options } = this;
    const label = (id: string) => index.get(id)?.question.label[lang] ?? id;
    const moduleTitle = (id: string) => this.moduleTitles.get(id) ?? id;
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
