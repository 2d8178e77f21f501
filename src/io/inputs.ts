// Finding the inputs of a batch (files, folders, globs) and reading each by its kind.
import type { Stats } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, extname, isAbsolute, join, resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import type { Module } from "../core/model.js";
import { coded, problem } from "../core/problems.js";
import type { CodedProblem } from "../core/problems.js";
import type { FailedInput } from "../core/results.js";
import { ioReason } from "../errors.js";
import { readWorkbookInputs } from "./ingest-workbook.js";
import { repeatsReadWithMain } from "./odk-csv.js";
import { specialFile } from "./read-bounded.js";
import type { ReadInput } from "../core/answers.js";

export const INPUT_EXTENSIONS = new Set([".yaml", ".yml", ".json", ".xlsx", ".csv", ".zip"]);
/** Spreadsheets in other formats are read too, so that the user hears what to do with them. */
const WORKBOOK_LIKE = new Set([".xlsx", ".xlsm", ".xls", ".ods"]);

/** Lock files that spreadsheet programs leave beside open workbooks. */
function isJunk(name: string): boolean {
  return name.startsWith(".") || name.startsWith("~$") || name.startsWith(".~lock");
}

/**
 * The input files named by paths, folders and patterns. Only regular files (or links to
 * them) are read: a FIFO would block for ever and a link to a device (/dev/zero) has no
 * end, so those are named as failed inputs, before any reader sees them, and skipped.
 */
export async function expandInputs(paths: readonly string[]): Promise<{ files: string[]; failed: FailedInput[] }> {
  const files: string[] = [];
  const failed: FailedInput[] = [];
  const fail = (source: string, c: CodedProblem) => failed.push({ source, problems: [{ ...c, severity: "error", source, path: [] }] });
  const admit = async (path: string, s?: Stats) => {
    const found = s ?? (await stat(path).catch(() => undefined));
    // A path that cannot be looked at (a dangling link) is left to the reader, which says why.
    if (!found || found.isFile()) files.push(path);
    else fail(path, await specialFile(path, found));
  };
  for (const p of paths) {
    // A file that exists is read as named, even when its name looks like a pattern ("moe (1).xlsx").
    const looked = await stat(p).catch((e: NodeJS.ErrnoException) => e);
    const s = looked instanceof Error ? undefined : looked;
    // There, but not to be looked at (a folder on the way that may not be entered): say why, not "not found".
    if (looked instanceof Error && looked.code !== "ENOENT" && looked.code !== "ENOTDIR" && !isDynamicPattern(p)) {
      fail(p, coded("READ_FAILED", { detail: ioReason(looked) }));
      continue;
    }
    if (!s && isDynamicPattern(p)) {
      const matched = await expandPattern(p);
      if (matched.length === 0) fail(p, coded("NOT_FOUND", { kind: "pattern" }));
      for (const m of matched) await admit(m);
      continue;
    }
    if (!s) {
      fail(p, coded("NOT_FOUND", { kind: "path" }));
      continue;
    }
    if (s.isDirectory()) for (const f of await walk(p, fail)) await admit(f);
    else await admit(p, s);
  }
  const seen = new Set<string>();
  const unique = files.filter((f) => !seen.has(resolve(f)) && seen.add(resolve(f)) !== undefined);
  // ODK Central's repeat CSV is read with its main CSV: when that is an input too, it is not read again on its own.
  const withMain = await repeatsReadWithMain(unique);
  return { files: unique.filter((f) => !withMain.has(f)), failed };
}

/**
 * Input files under a folder, in sorted order, subfolders included (not through links to
 * folders). A folder that cannot be listed (no permission) is named through `fail`, and the
 * rest is read.
 */
async function walk(dir: string, fail: (source: string, c: CodedProblem) => void): Promise<string[]> {
  let listed;
  try {
    listed = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    fail(dir, coded("READ_FAILED", { detail: ioReason(e) }));
    return [];
  }
  const entries = listed.filter((e) => !isJunk(e.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p, fail)));
    else if (INPUT_EXTENSIONS.has(extname(e.name).toLowerCase()) || WORKBOOK_LIKE.has(extname(e.name).toLowerCase())) out.push(p);
  }
  return out;
}

/** Files matching a glob pattern, expanded here because Windows shells do not; sorted so that every run reads one order. */
async function expandPattern(pattern: string): Promise<string[]> {
  // On Windows people type backslashes, which glob syntax reads as escapes.
  const posix = process.platform === "win32" ? pattern.replaceAll("\\", "/") : pattern;
  // An absolute pattern gives absolute paths, as a folder given that way does.
  const matched = await glob(posix, { caseSensitiveMatch: false, expandDirectories: false, absolute: isAbsolute(posix) });
  return matched.filter((f) => !isJunk(basename(f))).sort(byPathParts);
}

/** Compares paths folder by folder, the order of walk(). */
function byPathParts(a: string, b: string): number {
  const pa = a.split("/");
  const pb = b.split("/");
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  return pa.length - pb.length;
}

/** Reads one input file into answer sets (a CSV may hold several institutions). */
export async function readInput(file: string, modules: readonly Module[]): Promise<ReadInput[]> {
  const ext = extname(file).toLowerCase();
  if (WORKBOOK_LIKE.has(ext)) return readWorkbookInputs(file, modules);
  // The CSV and YAML readers load on first use: a batch of workbooks (and each worker thread) never pays for them.
  if (ext === ".csv") return (await import("./ingest-csv.js")).readCsvAnswers(file, modules);
  if (ext === ".zip") return (await import("./ingest-export-zip.js")).readExportZip(file, modules);
  if (ext === ".yaml" || ext === ".yml" || ext === ".json") {
    return [await (await import("./answers.js")).readAnswerFile(file)];
  }
  return [{ source: file, problems: [problem("UNSUPPORTED", { extensions: [...INPUT_EXTENSIONS] }, file, [])] }];
}
