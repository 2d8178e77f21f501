// The report's formats: one writer each, in the order they are written. A new format is one
// entry here (its file name and how it writes the report into a folder) and its name in
// REPORT_FORMATS; report.ts stages every format and moves them in place together.
import { join } from "node:path";
import type { AnswerRow, InstitutionSection, Report, Rows } from "../core/report-model.js";
import type { Problem } from "../core/problems.js";
import { INSTITUTION_PAGES, INSTITUTION_PAGES_ABOVE, institutionPageNames } from "../core/report-pages.js";
import { mkdir } from "node:fs/promises";
import type { AnswerRows, Spilled } from "../io/answer-spill.js";
import { writeChunks, writeStagedFile } from "../io/staging.js";
import { formatProblem } from "../core/problem-words.js";
import { InternalError } from "../errors.js";
import { writeFileAtomic } from "../io/fs.js";
import { checkSchema, checkSchemaPart } from "../io/schema.js";
import { normalizeZipTimes } from "../io/zip.js";
import { lineParts } from "../report/lines.js";
import type { Line } from "../report/lines.js";

export const REPORT_FORMATS = ["md", "html", "xlsx", "json", "docx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface FormatWriter {
  /** The file it writes, in the report's folder. */
  file: string;
  /**
   * Writes the report into `dir` (a staging folder): `file`, and any files beside it;
   * `answers` is the answer table, and `sections` the institutions' sections (not in the
   * report when there are thousands), each read as it is written.
   */
  write: (report: Report, dir: string, answers: AnswerRows, sections: Spilled<InstitutionSection>) => Promise<void>;
}

/** A writer whose whole output is rendered in memory, then written. */
function whole(file: string, render: (report: Report) => Promise<string | Uint8Array>): FormatWriter {
  return { file, write: async (report, dir) => writeFileAtomic(join(dir, file), await render(report), { force: true }) };
}

/**
 * A text format whose institution sections become pages of their own under institutions/
 * in a report of more than INSTITUTION_PAGES_ABOVE institutions.
 */
function paged(
  file: string,
  ext: string,
  load: () => Promise<{ report: (r: Report, pages?: readonly string[]) => string; lines: (r: Report, pages: readonly string[]) => Line[]; page: (r: Report, i: InstitutionSection) => string }>,
): FormatWriter {
  return {
    file,
    write: async (report, dir, _answers, sections) => {
      const render = await load();
      if (report.summary.institutions <= INSTITUTION_PAGES_ABOVE) return writeFileAtomic(join(dir, file), render.report(report), { force: true });
      const pages = institutionPageNames(Array.from(report.heatmap.institutions, (i) => i.id));
      await writeChunks(join(dir, file), lineParts(render.lines(report, pages)));
      await mkdir(join(dir, INSTITUTION_PAGES), { recursive: true });
      let k = 0;
      for await (const i of sections.batches()) await writeStagedFile(join(dir, INSTITUTION_PAGES, `${pages[k++]}.${ext}`), render.page(report, i));
    },
  };
}

/** The report with its answer table in memory, for the formats that need it whole. */
async function withAnswers(report: Report, answers: AnswerRows): Promise<Report> {
  const rows: AnswerRow[] = [];
  for await (const batch of answers.batches()) for (const row of batch) rows.push(row);
  return { ...report, answers: rows };
}

/**
 * report.json as JSON.stringify(report, null, 2) would write it, in parts: the report's
 * sections and long tables element by element (never the whole text at once), and the
 * answer table institution by institution as it is read back.
 */
async function* reportJson(report: Report, answers: AnswerRows, sections: Spilled<InstitutionSection>): AsyncGenerator<string> {
  // A mismatch is a bug in assess: said in English, as internal errors are. The answer rows
  // and sections are typed; the rest is checked, a long table read from disk row by row.
  const { whole, tables } = longTables(report);
  const problems = checkSchema("report", whole, "report.json");
  if (problems.length) throw mismatch(problems);
  report = tables;
  const keys = Object.keys(report).filter((k) => jsonValue(report[k as keyof Report]));
  yield "{";
  for (const [n, key] of keys.entries()) {
    yield `${n ? "," : ""}\n  ${JSON.stringify(key)}: `;
    if (key === "answers") yield* answerTable(answers);
    else if (key === "institutions") yield* jsonItems(sections.batches());
    else yield* jsonParts(report[key as keyof Report], 1);
  }
  yield keys.length ? "\n}\n" : "}\n";
}

function mismatch(problems: Problem[]): InternalError {
  return new InternalError(`the report does not match schemas/report.schema.json: ${problems.map((p) => formatProblem(p, "en")).join("; ")}`);
}

/**
 * The report to check against the schema, its long tables read from disk left empty, and the
 * report to write, those tables checked row by row as they are read (a report of thousands).
 */
function longTables(report: Report): { whole: Report; tables: Report } {
  const checked = <T>(rows: Rows<T>, pointer: string, path: string[]): Rows<T> => {
    if (Array.isArray(rows)) return rows;
    return {
      length: rows.length,
      *[Symbol.iterator]() {
        let k = 0;
        for (const row of rows) {
          const problems = checkSchemaPart("report", pointer, row, "report.json", [...path, k++]);
          if (problems.length) throw mismatch(problems);
          yield row;
        }
      },
    };
  };
  const empty = <T>(rows: Rows<T>): Rows<T> => (Array.isArray(rows) ? rows : []);
  const { heatmap, dataMap, crossCutting } = report;
  return {
    whole: { ...report, heatmap: { ...heatmap, institutions: empty(heatmap.institutions) }, dataMap: { ...dataMap, rows: empty(dataMap.rows) }, crossCutting: { ...crossCutting, sharing: empty(crossCutting.sharing), firewallMissing: empty(crossCutting.firewallMissing) } },
    tables: {
      ...report,
      heatmap: { ...heatmap, institutions: checked(heatmap.institutions, "/properties/heatmap/properties/institutions/items", ["heatmap", "institutions"]) },
      dataMap: { ...dataMap, rows: checked(dataMap.rows, "/properties/dataMap/properties/rows/items", ["dataMap", "rows"]) },
      crossCutting: {
        ...crossCutting,
        sharing: checked(crossCutting.sharing, "/properties/crossCutting/properties/sharing/items", ["crossCutting", "sharing"]),
        firewallMissing: checked(crossCutting.firewallMissing, "/properties/crossCutting/properties/firewallMissing/items", ["crossCutting", "firewallMissing"]),
      },
    },
  };
}

/** A long table of the report read from disk: written as an array, as JSON.stringify writes one. */
function isRows(v: unknown): v is Rows<unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Symbol.iterator in v;
}

/** Whether JSON.stringify writes a property of this value (it leaves out undefined and functions). */
function jsonValue(v: unknown): boolean {
  return v !== undefined && typeof v !== "function" && typeof v !== "symbol";
}

/** A value at `depth` as JSON.stringify(…, null, 2) writes it inside its parents: objects and arrays down to depth 2 part by part. */
function* jsonParts(value: unknown, depth: number): Generator<string> {
  const pad = "  ".repeat(depth);
  const whole = () => JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
  if (depth > 2 || value === null || typeof value !== "object") return yield whole();
  if (Array.isArray(value) || isRows(value)) {
    if (!value.length) return yield "[]";
    yield "[";
    let n = 0;
    for (const v of value as Iterable<unknown>) {
      yield `${n++ ? "," : ""}\n${pad}  `;
      if (jsonValue(v)) yield* jsonParts(v, depth + 1);
      else yield "null";
    }
    return yield `\n${pad}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => jsonValue(v));
  if (!entries.length) return yield "{}";
  yield "{";
  for (const [n, [k, v]] of entries.entries()) {
    yield `${n ? "," : ""}\n${pad}  ${JSON.stringify(k)}: `;
    yield* jsonParts(v, depth + 1);
  }
  yield `\n${pad}}`;
}

/** The institutions' sections as they are read, as jsonParts writes an array of the report's. */
async function* jsonItems(items: AsyncIterable<unknown>): AsyncGenerator<string> {
  let first = true;
  for await (const item of items) {
    yield first ? "[\n    " : ",\n    ";
    yield* jsonParts(item, 2);
    first = false;
  }
  yield first ? "[]" : "\n  ]";
}

/** The answer table, read back from the spill institution by institution. */
async function* answerTable(answers: AnswerRows): AsyncGenerator<string> {
  let first = true;
  for await (const batch of answers.batches()) {
    if (!batch.length) continue;
    yield `${first ? "[" : ","}${batch.map((row) => `\n    ${JSON.stringify(row, null, 2).replace(/\n/g, "\n    ")}`).join(",")}`;
    first = false;
  }
  yield first ? "[]" : "\n  ]";
}

export const FORMAT_WRITERS: Record<ReportFormat, FormatWriter> = {
  md: paged("report.md", "md", async () => {
    const m = await import("../report/markdown.js");
    return { report: m.renderMarkdown, lines: m.markdownLines, page: m.renderInstitutionMarkdown };
  }),
  html: paged("report.html", "html", async () => {
    const h = await import("../report/html.js");
    return { report: h.renderHtml, lines: h.htmlLines, page: h.renderInstitutionHtml };
  }),
  xlsx: {
    file: "report.xlsx",
    write: async (report, dir, answers) => {
      const { answerCells, buildReportWorkbook, reportWorkbook } = await import("../report/xlsx.js");
      const path = join(dir, "report.xlsx");
      if (report.summary.institutions <= INSTITUTION_PAGES_ABOVE) {
        const { writeWorkbook } = await import("../io/xlsx.js");
        return writeFileAtomic(path, await writeWorkbook(buildReportWorkbook(await withAnswers(report, answers))), { force: true });
      }
      // Thousands of institutions: no sheet each, and the answer table streamed to the file.
      const { writeWorkbookStreaming } = await import("../io/xlsx-stream.js");
      const rows = async function* () {
        for await (const batch of answers.batches()) for (const a of batch) yield answerCells(a, report.lang);
      };
      await writeWorkbookStreaming(path, reportWorkbook(report, true), { sheet: "Answers", rows: rows() });
    },
  },
  json: { file: "report.json", write: (report, dir, answers, sections) => writeChunks(join(dir, "report.json"), reportJson(report, answers, sections)) },
  // docx stamps its zip entries with the time of writing: fixed, as for the XLSX.
  docx: whole("report.docx", async (r) => normalizeZipTimes(await (await import("../report/docx.js")).renderDocx(r))),
};
