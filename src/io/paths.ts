// Where the package's own data (modules, schemas, data) lives, whether running from src/,
// dist/ or a benchmark build: the nearest folder above this file with our package.json.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "assess") return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("cannot find the assess package folder");
    dir = up;
  }
}

const root = findRoot();

export function packagePath(...parts: string[]): string {
  return join(root, ...parts);
}

export const SHIPPED_MODULES = packagePath("modules");

/** The version of assess, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { version: string }).version;
}
