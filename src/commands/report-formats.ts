// The report's formats: one writer each, in the order they are written. A new format is one
// entry here (its file name and how it writes the report into a folder) and its name in
// REPORT_FORMATS; report.ts stages every format and moves them in place together.
import { join } from "node:path";
import type { AnswerRow, Report } from "../core/report-model.js";
import type { AnswerRows } from "../io/answer-spill.js";
import { writeChunks } from "../io/staging.js";
import { formatProblem } from "../core/problem-words.js";
import { InternalError } from "../errors.js";
import { writeFileAtomic } from "../io/fs.js";
import { checkSchema } from "../io/schema.js";
import { normalizeZipTimes } from "../io/zip.js";

export const REPORT_FORMATS = ["md", "html", "xlsx", "json", "docx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The folder of one page per institution, beside report.html and report.md, in a report too large for one page. */
export const INSTITUTION_PAGES = "institutions";

export interface FormatWriter {
  /** The file it writes, in the report's folder. */
  file: string;
  /** Writes the report into `dir` (a staging folder): `file`, and any files beside it; `answers` is the answer table, read as it is written. */
  write: (report: Report, dir: string, answers: AnswerRows) => Promise<void>;
}

/** A writer whose whole output is rendered in memory, then written. */
function whole(file: string, render: (report: Report) => Promise<string | Uint8Array>): FormatWriter {
  return { file, write: async (report, dir) => writeFileAtomic(join(dir, file), await render(report), { force: true }) };
}

/** The report with its answer table in memory, for the formats that need it whole. */
async function withAnswers(report: Report, answers: AnswerRows): Promise<Report> {
  const rows: AnswerRow[] = [];
  for await (const batch of answers.batches()) for (const row of batch) rows.push(row);
  return { ...report, answers: rows };
}

/**
 * report.json as JSON.stringify(report, null, 2) would write it, with the answer table
 * written institution by institution instead of built in memory.
 */
async function* reportJson(report: Report, answers: AnswerRows): AsyncGenerator<string> {
  // A mismatch is a bug in assess: said in English, as internal errors are. The rows are typed; the rest is checked.
  const problems = checkSchema("report", report, "report.json");
  if (problems.length) throw new InternalError(`the report does not match schemas/report.schema.json: ${problems.map((p) => formatProblem(p, "en")).join("; ")}`);
  const whole = `${JSON.stringify(report, null, 2)}\n`;
  const mark = '\n  "answers": [],\n';
  const at = whole.indexOf(mark);
  if (at < 0) throw new InternalError("report.json: the answer table is not where it belongs");
  yield `${whole.slice(0, at)}\n  "answers": [`;
  let first = true;
  for await (const batch of answers.batches()) {
    if (!batch.length) continue;
    yield `${first ? "" : ","}${batch.map((row) => `\n    ${JSON.stringify(row, null, 2).replace(/\n/g, "\n    ")}`).join(",")}`;
    first = false;
  }
  yield `${first ? "" : "\n  "}],\n${whole.slice(at + mark.length)}`;
}

export const FORMAT_WRITERS: Record<ReportFormat, FormatWriter> = {
  md: whole("report.md", async (r) => (await import("../report/markdown.js")).renderMarkdown(r)),
  html: whole("report.html", async (r) => (await import("../report/html.js")).renderHtml(r)),
  xlsx: {
    file: "report.xlsx",
    write: async (report, dir, answers) => {
      const { buildReportWorkbook } = await import("../report/xlsx.js");
      const { writeWorkbook } = await import("../io/xlsx.js");
      await writeFileAtomic(join(dir, "report.xlsx"), await writeWorkbook(buildReportWorkbook(await withAnswers(report, answers))), { force: true });
    },
  },
  json: { file: "report.json", write: (report, dir, answers) => writeChunks(join(dir, "report.json"), reportJson(report, answers)) },
  // docx stamps its zip entries with the time of writing: fixed, as for the XLSX.
  docx: whole("report.docx", async (r) => normalizeZipTimes(await (await import("../report/docx.js")).renderDocx(r))),
};
