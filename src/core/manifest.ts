// The manifest of a results folder (schemas/manifest.schema.json): what `assess score -o`
// ran on and wrote. It is written unfinished before the first results file and finished
// after the last, so a folder whose run stopped half-way can never pass for a whole one.
import type { CodedProblem } from "./problems.js";
import { coded } from "./problems.js";

export const MANIFEST_FORMAT = "assess-manifest/1";
export const MANIFEST_NAME = "manifest.json";

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  /** False from the start of the run until every results file is in place. */
  finished: boolean;
  command: "score";
  /** The version of assess that wrote the folder. */
  assess: string;
  method: string;
  modules: { id: string; version: string }[];
  started: string;
  completed?: string;
  /** The input files of the run, as given; inputs that could not be found are among them. */
  inputs: string[];
  counts: { inputs: number; institutions: number; failed: number };
  /** The results files written (results.json last), by name in the folder. */
  files: string[];
}

/** Names that `assess score -o` writes results under. */
export function isResultsFileName(name: string): boolean {
  return name === "results.json" || name.endsWith(".results.json");
}

/** What a manifest read from a folder is: one, none, or a file we cannot trust. */
export type ManifestFound = { manifest: Manifest } | { missing: true } | { unreadable: true };

/**
 * The manifest in `value`, or undefined when it is not one: the fields the check relies on,
 * by hand (schemas/manifest.schema.json documents the whole; compiling it for every report
 * cost more than the report's own checks).
 */
export function asManifest(value: unknown): Manifest | undefined {
  const v = value as Partial<Manifest> | null;
  if (typeof v !== "object" || v === null || v.format !== MANIFEST_FORMAT || typeof v.finished !== "boolean" || typeof v.started !== "string") return undefined;
  if (!Array.isArray(v.files) || !v.files.every((f) => typeof f === "string")) return undefined;
  if (typeof v.counts !== "object" || v.counts === null || !Number.isInteger(v.counts.inputs)) return undefined;
  return v as Manifest;
}

/**
 * Why a results folder cannot be trusted as a whole, or undefined when it can: its run
 * finished and every file it wrote is still there. `names` are the files in the folder.
 */
export function folderIncomplete(found: ManifestFound, names: readonly string[]): CodedProblem | undefined {
  if ("missing" in found) return coded("RESULTS_INCOMPLETE", { kind: "no_manifest" });
  if ("unreadable" in found) return coded("RESULTS_INCOMPLETE", { kind: "unreadable" });
  const m = found.manifest;
  const written = names.filter((n) => n.endsWith(".results.json")).length;
  if (!m.finished) return coded("RESULTS_INCOMPLETE", { kind: "unfinished", started: m.started, written, inputs: m.counts.inputs });
  const present = new Set(names);
  const missing = m.files.filter((f) => !present.has(f));
  if (missing.length) return coded("RESULTS_INCOMPLETE", { kind: "missing_files", files: missing });
  return undefined;
}
