// Loads module files: parse, schema, then the rules, reporting every problem with line:column.
import { readdir } from "node:fs/promises";
import { extname, join } from "node:path";
import type { Module } from "../core/model.js";
import type { Problem } from "../core/problems.js";
import { coded, hasErrors } from "../core/problems.js";
import { checkModules } from "../core/rules.js";
import type { ModuleSource } from "../core/rules.js";
import { QuestionnaireError, ioReason } from "../errors.js";
import { SHIPPED_MODULES } from "./paths.js";
import { displayPath } from "./fs.js";
import { readBounded } from "./read-bounded.js";
import { KEY_CODES, checkSchema } from "./schema.js";
import { locate, parseYaml, yamlText } from "./yaml.js";
import type { ParsedYaml } from "./yaml.js";

export interface LoadedModules {
  modules: ModuleSource[];
  problems: Problem[];
  /** Files read, in load order. */
  files: string[];
}

const YAML_EXT = new Set([".yaml", ".yml"]);

/** Module files larger than this are refused before reading: the largest shipped one is about 220 kB. */
export const MAX_MODULE_FILE_BYTES = 5 * 1024 * 1024;

/** The module files in a folder, sorted by name so that every run loads them in one order. */
export async function moduleFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    throw new QuestionnaireError(`cannot read the modules folder ${displayPath(dir)}: ${ioReason(e)}`, [], { cause: e });
  }
  // The general questionnaire first, then the area modules by name: one order on every run.
  const files = names
    .filter((n) => YAML_EXT.has(extname(n).toLowerCase()))
    .sort((a, b) => Number(b.startsWith("general.")) - Number(a.startsWith("general.")) || (a < b ? -1 : a > b ? 1 : 0))
    .map((n) => join(dir, n));
  if (files.length === 0) throw new QuestionnaireError(`no module files (*.yaml) in ${displayPath(dir)}`);
  return files;
}

/** Reads and checks module files. Never throws for a bad module: problems say what is wrong. */
export async function loadModuleFiles(files: readonly string[]): Promise<LoadedModules> {
  const parsed: ParsedYaml[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const source = displayPath(file);
    // Checked before the file is read: a huge file is refused with its name, not parsed until memory runs out.
    const read = await readBounded(file, MAX_MODULE_FILE_BYTES, (bytes) => coded("FILE_TOO_LARGE", { what: "module", bytes, max: MAX_MODULE_FILE_BYTES }));
    if ("problem" in read) {
      problems.push({ ...read.problem, severity: "error", source, path: [] });
      continue;
    }
    const decoded = yamlText(read.bytes, source, "module");
    if ("problem" in decoded) {
      problems.push(decoded.problem);
      continue;
    }
    const p = parseYaml(decoded.text, source);
    problems.push(...p.problems);
    if (p.problems.length > 0) continue;
    const schemaProblems = locate(p, checkSchema("module", p.value, source), KEY_CODES);
    problems.push(...schemaProblems);
    if (schemaProblems.length === 0) parsed.push(p);
  }
  const modules = parsed.map((p) => ({ source: p.source, module: p.value as Module }));
  const ruleProblems = checkModules(modules);
  for (const p of parsed) problems.push(...locate(p, ruleProblems.filter((r) => r.source === p.source)));
  return { modules, problems, files: [...files] };
}

/** The shipped modules, or the ones in `dir`. */
export async function loadModules(dir?: string): Promise<LoadedModules> {
  return loadModuleFiles(await moduleFiles(dir ?? SHIPPED_MODULES));
}

/** Loads modules for a command that needs them all valid; throws with every problem otherwise. */
export async function requireModules(dir?: string): Promise<Module[]> {
  const files = await moduleFiles(dir ?? SHIPPED_MODULES);
  if (dir === undefined) {
    const { cachedModules } = await import("./module-cache.js");
    const cached = await cachedModules(files);
    if (cached) return cached;
  }
  const loaded = await loadModuleFiles(files);
  if (hasErrors(loaded.problems)) {
    throw new QuestionnaireError(`the modules ${dir ? `in ${displayPath(dir)} ` : ""}have problems; run \`assess validate\` for details`, loaded.problems);
  }
  return loaded.modules.map((m) => m.module);
}
