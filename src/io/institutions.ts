// The data owners the interview and the per-institution template know (data/institutions.yaml).
import { readFile } from "node:fs/promises";
import type { KnownInstitution } from "../core/suggest-modules.js";
import { packagePath } from "./paths.js";
import { parseYaml } from "./yaml.js";

export async function knownInstitutions(): Promise<KnownInstitution[]> {
  const parsed = parseYaml(await readFile(packagePath("data", "institutions.yaml"), "utf8"), "data/institutions.yaml");
  return Array.isArray(parsed.value) ? (parsed.value as KnownInstitution[]) : [];
}
