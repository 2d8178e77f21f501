// Loads module files: parse, schema, then the rules, reporting every problem with line:column.
import { readdir } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { GlossaryTerm, Module, Scale } from "../core/model.js";
import type { Problem } from "../core/problems.js";
import { coded, hasErrors } from "../core/problems.js";
import { checkModules } from "../core/rules.js";
import type { Companions, ModuleSource } from "../core/rules.js";
import { expandScales } from "../core/scales.js";
import { QuestionnaireError, ioReason } from "../errors.js";
import { SHIPPED_MODULES } from "./paths.js";
import { displayPath } from "./fs.js";
import { readBounded } from "./read-bounded.js";
import { KEY_CODES, checkSchema } from "./schema.js";
import type { SchemaName } from "./schema.js";
import { locate, parseYaml, positionOf, yamlText } from "./yaml.js";
import type { ParsedYaml } from "./yaml.js";

export interface LoadedModules {
  modules: ModuleSource[];
  problems: Problem[];
  /** Files read, in load order. */
  files: string[];
}

const YAML_EXT = new Set([".yaml", ".yml"]);

/** Files in a modules folder that are not modules: the shared answer scales and the Thai glossary. */
const SCALES_FILE = "scales.yaml";
const GLOSSARY_FILE = "glossary.yaml";
const COMPANION_SCHEMA: Record<string, "scales" | "glossary"> = { [SCALES_FILE]: "scales", [GLOSSARY_FILE]: "glossary" };

/** Module files larger than this are refused before reading: the largest shipped one is about 220 kB. */
export const MAX_MODULE_FILE_BYTES = 5 * 1024 * 1024;

/** Whether a file of a modules folder is a module (not its scales or glossary). */
export function isModuleFile(file: string): boolean {
  return !(basename(file) in COMPANION_SCHEMA);
}

/**
 * The module files in a folder, sorted by name so that every run loads them in one order,
 * after the scales and glossary files where the folder has them.
 */
export async function moduleFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    throw new QuestionnaireError(`cannot read the modules folder ${displayPath(dir)}: ${ioReason(e)}`, [], { cause: e });
  }
  // The general questionnaire first, then the area modules by name: one order on every run.
  const companions = Object.keys(COMPANION_SCHEMA).filter((n) => names.includes(n));
  const files = names
    .filter((n) => YAML_EXT.has(extname(n).toLowerCase()) && !(n in COMPANION_SCHEMA))
    .sort((a, b) => Number(b.startsWith("general.")) - Number(a.startsWith("general.")) || (a < b ? -1 : a > b ? 1 : 0))
    .map((n) => join(dir, n));
  if (files.length === 0) throw new QuestionnaireError(`no module files (*.yaml) in ${displayPath(dir)}`);
  return [...companions.map((n) => join(dir, n)), ...files];
}

/**
 * Reads and checks module files (and a scales.yaml or glossary.yaml among them). Modules get
 * their scales' options copied in. Never throws for a bad module: problems say what is wrong.
 */
export async function loadModuleFiles(files: readonly string[]): Promise<LoadedModules> {
  const parsed: ParsedYaml[] = [];
  const modulesParsed: ParsedYaml[] = [];
  const problems: Problem[] = [];
  const companions: Companions = {};
  for (const file of files) {
    const kind = COMPANION_SCHEMA[basename(file)];
    // The first scales (or glossary) file counts: the named one before its folder's.
    if (kind && companions[kind]) continue;
    const p = await readChecked(file, kind ?? "module", problems);
    if (!p) continue;
    parsed.push(p);
    if (kind === "scales") companions.scales = { source: p.source, scales: (p.value as { scales: Scale[] }).scales };
    else if (kind === "glossary") companions.glossary = { source: p.source, terms: (p.value as { terms: GlossaryTerm[] }).terms };
    else modulesParsed.push(p);
  }
  const scales = new Map((companions.scales?.scales ?? []).map((s) => [s.id, s] as const));
  const modules = modulesParsed.map((p) => ({ source: p.source, module: expandScales(p.value as Module, scales) }));
  const ruleProblems = checkModules(modules, companions).map((r) => withOtherPlace(r, parsed));
  for (const p of parsed) problems.push(...locate(p, ruleProblems.filter((r) => r.source === p.source)));
  return { modules, problems, files: [...files] };
}

/** One file read, parsed and checked against its schema; undefined (with problems) when it is not usable. */
async function readChecked(file: string, schema: SchemaName, problems: Problem[]): Promise<ParsedYaml | undefined> {
  const source = displayPath(file);
  // Checked before the file is read: a huge file is refused with its name, not parsed until memory runs out.
  const read = await readBounded(file, MAX_MODULE_FILE_BYTES, (bytes) => coded("FILE_TOO_LARGE", { what: "module", bytes, max: MAX_MODULE_FILE_BYTES }));
  if ("problem" in read) {
    problems.push({ ...read.problem, severity: "error", source, path: [] });
    return undefined;
  }
  const decoded = yamlText(read.bytes, source, "module");
  if ("problem" in decoded) {
    problems.push(decoded.problem);
    return undefined;
  }
  const p = parseYaml(decoded.text, source);
  problems.push(...p.problems);
  if (p.problems.length > 0) return undefined;
  const schemaProblems = locate(p, checkSchema(schema, p.value, source), KEY_CODES);
  problems.push(...schemaProblems);
  return schemaProblems.length === 0 ? p : undefined;
}

/** A problem that names another place (the same wording at another level) gets that place's line:column. */
function withOtherPlace(r: Problem, parsed: readonly ParsedYaml[]): Problem {
  if (r.code !== "LEVEL_INCONSISTENT") return r;
  const doc = parsed.find((p) => p.source === r.args.other);
  const at = doc && positionOf(doc, r.args.otherPath);
  return at ? { ...r, args: { ...r.args, otherLine: at.line, otherColumn: at.column } } : r;
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
