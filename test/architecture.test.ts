// The layers: core is pure (no file system, process, console, terminal or spreadsheet
// packages); io never imports commands; report never imports io or commands; nothing but
// the CLI imports commands. An upward import fails here.
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

const files = (dir: string) => readdirSync(`src/${dir}`).filter((f) => f.endsWith(".ts")).map((f) => `src/${dir}/${f}`);
const importsOf = (file: string) => [...readFileSync(file, "utf8").matchAll(/(?:from\s+|import\()"([^"]+)"/g)].map((m) => m[1]!);

describe("src/core is free of I/O", () => {
  it.each(files("core"))("%s", (file) => {
    const text = readFileSync(file, "utf8");
    expect(importsOf(file).filter((i) => !i.startsWith("./"))).toEqual([]);
    expect(text).not.toMatch(/\b(process|console)\./);
  });
});

describe("no import runs upward", () => {
  const rules: [string, RegExp][] = [
    ["io", /^\.\.\/(commands|report)\//],
    ["report", /^\.\.\/(io|commands)\//],
  ];
  for (const [layer, forbidden] of rules) {
    it.each(files(layer))(`${layer}: %s`, (file) => {
      expect(importsOf(file).filter((i) => forbidden.test(i))).toEqual([]);
    });
  }
});
