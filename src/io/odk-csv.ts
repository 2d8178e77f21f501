// ODK Central's CSV export: the main CSV with each repeat in its own CSV beside it,
// `<form>.csv` and `<form>-datasets.csv`, joined by KEY and PARENT_KEY.
import { open, readdir, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { ReadInput } from "../core/answers.js";
import type { Module } from "../core/model.js";
import type { SheetValue } from "../core/parse-answer.js";
import type { CodedProblem } from "../core/problems.js";
import { submissionsFrom } from "../core/submissions.js";
import type { Table } from "../core/submissions.js";
import { decodeCsv, readCsvTable } from "./csv-table.js";
import type { CsvTable } from "./csv-table.js";

/** ODK Central's repeat CSVs point at their submission by PARENT_KEY. */
export function isRepeatHeader(header: readonly string[]): boolean {
  return header.includes("PARENT_KEY");
}

/** The main CSV an ODK Central repeat file belongs to: `<form>-datasets.csv` is read with `<form>.csv`. */
export function expectedMain(repeatName: string): string {
  return repeatName.replace(/-[^-]*\.csv$/i, ".csv");
}

/**
 * ODK Central writes each repeat to its own CSV beside the main one, joined by PARENT_KEY: the
 * first such file, or the problem that stopped reading it (it is never dropped in silence).
 */
async function siblingRepeat(file: string): Promise<{ repeat?: CsvTable & { name: string }; problem?: CodedProblem }> {
  const dir = dirname(file);
  const base = basename(file, extname(file));
  for (const name of (await listFolder(dir)).sort()) {
    if (!name.toLowerCase().endsWith(".csv") || name === basename(file) || !name.startsWith(`${base}-`)) continue;
    const head = await csvHead(join(dir, name));
    if (!head || !/(^|[,;"])PARENT_KEY([,;"]|$)/.test(head)) continue;
    const parsed = await readCsvTable(join(dir, name));
    if ("problem" in parsed) return { problem: parsed.problem, repeat: { name, table: [], lines: [] } };
    if (isRepeatHeader(parsed.table[0] ?? [])) return { repeat: { ...parsed, name } };
  }
  return {};
}

/** The first line of a CSV file beside the one read, undefined when it is not a regular file (it is reported when read on its own). */
async function csvHead(path: string): Promise<string | undefined> {
  const s = await stat(path).catch(() => undefined);
  if (!s?.isFile()) return undefined;
  const fh = await open(path, "r").catch(() => undefined);
  if (!fh) return undefined;
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const text = decodeCsv(buf.subarray(0, bytesRead)) ?? buf.subarray(0, bytesRead).toString("latin1");
    return text.split(/\r?\n/, 1)[0];
  } finally {
    await fh.close();
  }
}

/** The names in a folder; none when it may be entered but not listed (the file itself is still read). */
async function listFolder(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/** The name of the main CSV file beside an ODK Central repeat file, if there is one. */
export async function siblingMain(file: string): Promise<string | undefined> {
  const dir = dirname(file);
  for (const name of (await listFolder(dir)).sort()) {
    if (name === basename(file) || !name.toLowerCase().endsWith(".csv") || !basename(file).startsWith(`${basename(name, extname(name))}-`)) continue;
    const head = (await csvHead(join(dir, name))) ?? "";
    if (/(^|[,;"])KEY([,;"]|$)/.test(head)) return name;
  }
  return undefined;
}

/** Rows of a CSV as an export table; `entry` names the file inside a .zip. */
export function exportTable(t: CsvTable, entry?: string): Table {
  return {
    headers: t.table[0] ?? [],
    rows: t.table.slice(1).map((cells, k) => ({
      place: `${entry ? `${entry}, ` : ""}line ${t.lines[k + 1]}`,
      cells: cells.map((c): SheetValue => (c.trim() === "" ? { kind: "empty" } : { kind: "text", text: c })),
    })),
  };
}

export async function exportFromCsv(file: string, source: string, header: string[], table: string[][], lines: number[], modules: readonly Module[]): Promise<ReadInput[]> {
  const sibling = header.includes("KEY") ? await siblingRepeat(file) : {};
  // A repeat file that cannot be read fails its main file, named: its datasets are never dropped in silence.
  if (sibling.problem) return [{ source, problems: [{ ...sibling.problem, severity: "error", source, path: [], place: sibling.repeat!.name }] }];
  return submissionsFrom(source, exportTable({ table, lines }), sibling.repeat ? exportTable(sibling.repeat) : undefined, modules);
}

/** The inputs that are ODK Central repeat CSVs whose main CSV is among the inputs too (the main reads them). */
export async function repeatsReadWithMain(files: readonly string[]): Promise<Set<string>> {
  const inputs = new Set(files.map((f) => resolve(f)));
  const out = new Set<string>();
  for (const f of files) {
    const name = basename(f);
    if (!name.toLowerCase().endsWith(".csv")) continue;
    // `<form>-datasets.csv` beside `<form>.csv`: each "-" may end the form's name.
    const mains = [...name.matchAll(/-/g)].map((m) => resolve(dirname(f), `${name.slice(0, m.index)}.csv`));
    if (!mains.some((m) => inputs.has(m))) continue;
    const head = await csvHead(f);
    if (head !== undefined && /(^|[,;"])PARENT_KEY([,;"]|$)/.test(head)) out.add(f);
  }
  return out;
}
