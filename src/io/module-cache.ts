// The shipped modules, checked once when the package is built: a run that uses them as
// shipped reads the checked result instead of parsing about 1 MB of YAML and compiling the
// JSON Schema again (some 0.5 s, most of what scoring one workbook costs).
import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import type { Module } from "../core/model.js";
import { hasErrors } from "../core/problems.js";
import { loadModuleFiles, moduleFiles } from "./modules.js";
import { SHIPPED_MODULES, packagePath } from "./paths.js";

/** Beside the compiled code (dist/), so that the sources the tests run never meet one. */
const CACHE = fileURLToPath(new URL("../shipped-modules.json", import.meta.url));

interface Cache {
  fingerprint: string;
  modules: Module[];
}

/** What the checked modules were made from: the module files (with the scales and glossary) and their schemas. */
async function fingerprint(files: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  const schemas = ["module", "scales", "glossary"].map((n) => packagePath("schemas", `${n}.schema.json`));
  for (const f of [...files, ...schemas]) hash.update(`${basename(f)}\0`).update(await readFile(f)).update("\0");
  return hash.digest("hex");
}

/** The checked modules, when `files` are still what they were checked from. */
export async function cachedModules(files: readonly string[]): Promise<Module[] | undefined> {
  let cache: Cache;
  try {
    cache = JSON.parse(await readFile(CACHE, "utf8")) as Cache;
  } catch {
    return undefined;
  }
  return cache.fingerprint === (await fingerprint(files)) ? cache.modules : undefined;
}

/** Checks the shipped modules and keeps the result beside the compiled code (run by `npm run build`). */
export async function writeShippedCache(): Promise<void> {
  const files = await moduleFiles(SHIPPED_MODULES);
  const loaded = await loadModuleFiles(files);
  if (hasErrors(loaded.problems)) {
    await rm(CACHE, { force: true });
    return;
  }
  const cache: Cache = { fingerprint: await fingerprint(files), modules: loaded.modules.map((m) => m.module) };
  await writeFile(CACHE, JSON.stringify(cache));
}
