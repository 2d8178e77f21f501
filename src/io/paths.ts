// Where the package's own data (modules, schemas, examples) lives, from src/ or dist/.
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL("../../", import.meta.url));

export function packagePath(...parts: string[]): string {
  return join(root, ...parts);
}

export const SHIPPED_MODULES = packagePath("modules");
