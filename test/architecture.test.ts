// The core stays pure: no file system, process, console, terminal or spreadsheet packages.
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

const core = readdirSync("src/core").filter((f) => f.endsWith(".ts"));

describe("src/core is free of I/O", () => {
  it.each(core)("%s", (file) => {
    const text = readFileSync(`src/core/${file}`, "utf8");
    const imports = [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]!);
    expect(imports.filter((i) => !i.startsWith("./"))).toEqual([]);
    expect(text).not.toMatch(/\b(process|console)\./);
  });
});
