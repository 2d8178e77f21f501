// ODK Central's "Download all" .zip, read directly: `<form>.csv` and `<form>-datasets.csv`
// inside, inflated within the limits every archive gets (src/io/zip.ts), then read as the
// two CSVs beside each other are (src/io/odk-csv.ts, src/core/submissions.ts).
import type { ReadInput } from "../core/answers.js";
import type { Module } from "../core/model.js";
import { coded } from "../core/problems.js";
import type { CodedProblem } from "../core/problems.js";
import { looksLikeExport, submissionsFrom } from "../core/submissions.js";
import { DATASETS_REPEAT } from "../core/xlsform.js";
import { MAX_CSV_BYTES, parseCsvBytes } from "./csv-table.js";
import type { CsvTable } from "./csv-table.js";
import { displayPath } from "./fs.js";
import { readWorkbookInputs } from "./ingest-workbook.js";
import { expectedMain, exportTable, isRepeatHeader } from "./odk-csv.js";
import { readBounded } from "./read-bounded.js";
import { Expansion, ZIP_LIMITS, ZipRefusal, inspectZipBytes, isWorkbookArchive } from "./zip.js";
import type { ZipEntry } from "./zip.js";

type Named = CsvTable & { name: string };

export async function readExportZip(file: string, modules: readonly Module[]): Promise<ReadInput[]> {
  const source = displayPath(file);
  const fail = (c: CodedProblem, place?: string): ReadInput[] => [{ source, problems: [{ ...c, severity: "error", source, path: [], ...(place ? { place } : {}) }] }];
  const read = await readBounded(file, ZIP_LIMITS.maxFileBytes, (bytes) => coded("WORKBOOK_TOO_LARGE", { limit: "file", bytes, max: ZIP_LIMITS.maxFileBytes }));
  if ("problem" in read) return fail(read.problem);
  const verdict = inspectZipBytes(read.bytes);
  if (!verdict.ok) {
    const { ok: _ok, ...refused } = verdict;
    return fail(refused);
  }
  // A workbook saved or renamed as .zip is read as the workbook it is.
  if (isWorkbookArchive(verdict.entries)) return readWorkbookInputs(file, modules);
  // ODK Central puts the CSVs at the top of the archive (attachments go under media/).
  const csvs = verdict.entries.filter((e) => !e.name.includes("/") && e.name.toLowerCase().endsWith(".csv"));
  const tables: Named[] = [];
  const expansion = new Expansion(read.bytes);
  for (const entry of csvs) {
    const got = await csvEntry(expansion, entry);
    if ("problem" in got) return fail(got.problem, entry.name);
    tables.push({ ...got, name: entry.name });
  }
  const main = tables.find((t) => t.table[0]?.includes("KEY") && !isRepeatHeader(t.table[0]));
  if (!main) {
    const repeat = tables.find((t) => isRepeatHeader(t.table[0] ?? []));
    if (repeat) return fail(coded("REPEAT_WITHOUT_MAIN", { main: expectedMain(repeat.name), where: "zip" }));
    const names = verdict.entries.map((e) => e.name);
    return fail(coded("ZIP_NOT_EXPORT", { kind: "unknown", entries: names.slice(0, 8), more: Math.max(0, names.length - 8) }));
  }
  if (!looksLikeExport(main.table[0] ?? [], modules)) return fail(coded("ZIP_NOT_EXPORT", { kind: "other_form", main: main.name }));
  // Our form has one repeat, the datasets; its file is `<form>-datasets.csv`.
  const base = main.name.replace(/\.csv$/i, "");
  const repeats = tables.filter((t) => t !== main && isRepeatHeader(t.table[0] ?? []) && t.name.startsWith(`${base}-`));
  const repeat = repeats.find((t) => t.name.toLowerCase() === `${base}-${DATASETS_REPEAT}.csv`.toLowerCase()) ?? repeats[0];
  return submissionsFrom(source, exportTable(main, main.name), repeat ? exportTable(repeat, repeat.name) : undefined, modules);
}

/** One CSV of the archive, inflated within the limits (a CSV file's own limit too), and parsed. */
async function csvEntry(expansion: Expansion, entry: ZipEntry): Promise<CsvTable | { problem: CodedProblem }> {
  const tooLarge = { problem: coded("TOO_LARGE", { what: "csv", max: MAX_CSV_BYTES }) };
  if (entry.expanded > MAX_CSV_BYTES) return tooLarge;
  let bytes: Buffer;
  try {
    bytes = expansion.inflate(entry);
  } catch (e) {
    if (e instanceof ZipRefusal) return { problem: e.problem };
    throw e;
  }
  // The declared size may lie: the bytes really inflated count.
  if (bytes.length > MAX_CSV_BYTES) return tooLarge;
  return parseCsvBytes(bytes);
}
