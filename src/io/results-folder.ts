// Reading and writing the manifest of a results folder, and checking the results folders
// a report is given: a folder whose run did not finish is never reported as if whole.
import { readFile, readdir, stat } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { MANIFEST_FORMAT, MANIFEST_NAME, asManifest, folderIncomplete, isResultsFileName } from "../core/manifest.js";
import type { Manifest, ManifestFound } from "../core/manifest.js";
import type { Problem } from "../core/problems.js";
import { displayPath, writeFileAtomic } from "./fs.js";
import { lockHolder } from "./folder-lock.js";

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(join(dir, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`, { force: true });
}

export async function readManifest(dir: string): Promise<ManifestFound> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(join(dir, MANIFEST_NAME), "utf8"));
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? { missing: true } : { unreadable: true };
  }
  const manifest = asManifest(value);
  return manifest ? { manifest } : { unreadable: true };
}

/** A manifest file of ours among the inputs: read as the folder's manifest, never as answers. */
export async function isManifestFile(file: string): Promise<boolean> {
  if (basename(file) !== MANIFEST_NAME) return false;
  try {
    return (JSON.parse(await readFile(file, "utf8")) as { format?: unknown })?.format === MANIFEST_FORMAT;
  } catch {
    return false;
  }
}

/**
 * The results folders among a report's inputs that cannot be trusted as a whole. A folder
 * given (or found under one given) that holds results files needs a finished manifest; a
 * results file named on its own (such as `score --json > results.json`) needs none, but the
 * manifest beside it, if there is one, must be finished.
 */
export async function incompleteResultsFolders(paths: readonly string[], files: readonly string[], severity: "error" | "warning"): Promise<Problem[]> {
  const given: string[] = [];
  for (const p of paths) if ((await stat(p).catch(() => undefined))?.isDirectory()) given.push(resolve(p));
  // Folders with results files, and folders whose run has written its manifest and no results file yet.
  const holding = files.filter((f) => isResultsFileName(basename(f)));
  for (const f of files) if (await isManifestFile(f)) holding.push(f);
  const folders = [...new Set(holding.map((f) => dirname(resolve(f))))].sort();
  const out: Problem[] = [];
  for (const dir of folders) {
    const walked = given.some((g) => dir === g || dir.startsWith(g.endsWith(sep) ? g : g + sep));
    const found = await readManifest(dir);
    if (!walked && "missing" in found) continue;
    const verdict = folderIncomplete(found, await readdir(dir).catch(() => []));
    if (!verdict) continue;
    if (verdict.code === "RESULTS_INCOMPLETE" && verdict.args.kind === "unfinished") {
      const running = await lockHolder(dir);
      if (running) verdict.args.running = running;
    }
    out.push({ ...verdict, severity, source: `${displayPath(dir)}/`, path: [] } as Problem);
  }
  return out;
}
