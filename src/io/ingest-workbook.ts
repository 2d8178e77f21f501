// Opens a returned workbook (a questionnaire, or a KoboToolbox export saved as .xlsx) after
// inspecting it, and reads its answers (src/core/workbook-answers.ts, src/core/submissions.ts).
import type { ReadInput } from "../core/answers.js";
import type { Module } from "../core/model.js";
import type { CodedProblem } from "../core/problems.js";
import { META_SHEET } from "../core/template-layout.js";
import { answersFromBook, exportFromBook } from "../core/workbook-answers.js";
import { looksLikeQuestionnaire } from "../core/workbook-meta.js";
import type { ReadBook } from "../core/workbook.js";
import { displayPath } from "./fs.js";
import { readBounded } from "./read-bounded.js";
import { contentHash } from "./template.js";
import { ZIP_LIMITS } from "./zip.js";

export async function readWorkbookAnswers(file: string, modules: readonly Module[]): Promise<ReadInput> {
  return (await readWorkbookInputs(file, modules))[0]!;
}

/**
 * A returned questionnaire (one institution), or a KoboToolbox export of our XLSForm (one
 * institution per submission, datasets from the repeat sheet).
 */
export async function readWorkbookInputs(file: string, modules: readonly Module[]): Promise<ReadInput[]> {
  const loaded = await loadBook(file);
  if ("problems" in loaded) return [loaded];
  const { book, source } = loaded;
  // A questionnaire that lost its metadata sheet is still a questionnaire, not an export.
  if (!book.sheet(META_SHEET) && !looksLikeQuestionnaire(book)) {
    const exported = exportFromBook(book, source, modules);
    if (exported) return exported;
  }
  return [answersFromBook(book, source, modules, contentHash)];
}

async function loadBook(file: string): Promise<{ book: ReadBook; source: string } | ReadInput> {
  const source = displayPath(file);
  const fail = (c: CodedProblem): ReadInput => ({ source, problems: [{ ...c, severity: "error", source, path: [] }] });
  // A regular file only, never read past the limit (a FIFO or a link to /dev/zero is refused).
  const bounded = await readBounded(file, ZIP_LIMITS.maxFileBytes, (bytes) => ({ code: "TOO_LARGE", args: { what: "workbook", bytes, max: ZIP_LIMITS.maxFileBytes } }));
  if ("problem" in bounded) return fail(bounded.problem);
  const buf = bounded.bytes;
  const { readXlsx } = await import("./xlsx-reader.js");
  const read = readXlsx(buf);
  if (!read.ok) {
    const { ok: _ok, ...refused } = read;
    return fail(refused);
  }
  return { book: read.book, source };
}
