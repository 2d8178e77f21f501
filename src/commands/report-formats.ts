// The report's formats: one writer each, in the order they are written. A new format is one
// entry here (its file name and how it writes the report into a folder) and its name in
// REPORT_FORMATS; report.ts stages every format and moves them in place together.
import { join } from "node:path";
import type { Report } from "../core/report-model.js";
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
  /** Writes the report into `dir` (a staging folder): `file`, and any files beside it. */
  write: (report: Report, dir: string) => Promise<void>;
}

/** A writer whose whole output is rendered in memory, then written. */
function whole(file: string, render: (report: Report) => Promise<string | Uint8Array>): FormatWriter {
  return { file, write: async (report, dir) => writeFileAtomic(join(dir, file), await render(report), { force: true }) };
}

export const FORMAT_WRITERS: Record<ReportFormat, FormatWriter> = {
  md: whole("report.md", async (r) => (await import("../report/markdown.js")).renderMarkdown(r)),
  html: whole("report.html", async (r) => (await import("../report/html.js")).renderHtml(r)),
  xlsx: whole("report.xlsx", async (r) => {
    const { buildReportWorkbook } = await import("../report/xlsx.js");
    const { writeWorkbook } = await import("../io/xlsx.js");
    return writeWorkbook(buildReportWorkbook(r));
  }),
  json: whole("report.json", async (r) => {
    // A mismatch is a bug in assess: said in English, as internal errors are.
    const problems = checkSchema("report", r, "report.json");
    if (problems.length) throw new InternalError(`the report does not match schemas/report.schema.json: ${problems.map((p) => formatProblem(p, "en")).join("; ")}`);
    return `${JSON.stringify(r, null, 2)}\n`;
  }),
  // docx stamps its zip entries with the time of writing: fixed, as for the XLSX.
  docx: whole("report.docx", async (r) => normalizeZipTimes(await (await import("../report/docx.js")).renderDocx(r))),
};
