// YAML answer files and module files must be UTF-8: other bytes are a problem at their line and
// column, where they were read as replacement characters ("�") and scored or printed as such.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readAnswerFile } from "../src/io/answers.js";
import { loadModuleFiles } from "../src/io/modules.js";
import { yamlText } from "../src/io/yaml.js";

const dir = mkdtempSync(join(tmpdir(), "assess-utf8-"));
const where = (ps: { code: string; args: unknown; line?: number; column?: number }[]) => ps.map((p) => ({ code: p.code, args: p.args, line: p.line, column: p.column }));

describe("bytes that are not UTF-8", () => {
  // [case, bytes, line, column]: the column counts characters, as the YAML parser's do.
  const cases: [string, number[], number, number][] = [
    ["a Latin-1 é", [...Buffer.from("a: 1\nname: Caf"), 0xe9, 0x0a], 2, 10],
    ["after Thai text on the line", [...Buffer.from("x: 1\ny: 2\nname: กรม"), 0xff, ...Buffer.from("\n")], 3, 10],
    ["a lone continuation byte", [...Buffer.from("n: "), 0x80], 1, 4],
    ["an overlong form", [...Buffer.from("n: "), 0xc0, 0x80], 1, 4],
    ["a surrogate", [...Buffer.from("n: "), 0xed, 0xa0, 0x80], 1, 4],
    ["above U+10FFFF", [...Buffer.from("n: "), 0xf5, 0x80, 0x80, 0x80], 1, 4],
    ["a Thai character cut short at the end", [...Buffer.from("n: ก"), 0xe0, 0xb8], 1, 5],
    ["Windows-874 Thai (สำนักงาน saved by Thai Excel)", [...Buffer.from("name: "), 0xca, 0xd3, 0xb9, 0xd1, 0xa1], 1, 7],
  ];
  it.each(cases)("%s: a problem at its line and column", (_case, bytes, line, column) => {
    const got = yamlText(Buffer.from(bytes), "x.yaml", "answers");
    expect("problem" in got && where([got.problem])).toEqual([{ code: "INVALID_UTF8", args: { what: "answers" }, line, column }]);
  });

  it.each([
    ["Thai and an emoji", "name: สำนักงานสถิติแห่งชาติ 📊\n"],
    ["a BOM", "\uFEFFformat: x\n"],
  ])("%s: read as text", (_case, text) => {
    expect(yamlText(Buffer.from(text), "x.yaml", "module")).toEqual({ text });
  });
});

describe("through the readers", () => {
  it("an answer file: one problem with its line and column, nothing read", async () => {
    const good = readFileSync("examples/answers/moe-student-records-fictional.yaml");
    const at = good.indexOf("\n", good.indexOf("name:"));
    const file = join(dir, "answers.yaml");
    writeFileSync(file, Buffer.concat([good.subarray(0, at), Buffer.from([0xa1]), good.subarray(at)]));
    const line = good.subarray(0, at).toString("utf8").split("\n").length;
    const column = good.subarray(0, at).toString("utf8").split("\n").at(-1)!.length + 1;
    const read = await readAnswerFile(file);
    expect(read.set).toBeUndefined();
    expect(where(read.problems)).toEqual([{ code: "INVALID_UTF8", args: { what: "answers" }, line, column }]);
  });

  it("a module file: one problem with its line and column", async () => {
    const file = join(dir, "health.yaml");
    const text = readFileSync("modules/health.yaml");
    const at = text.indexOf("  en: Health");
    writeFileSync(file, Buffer.concat([text.subarray(0, at + 6), Buffer.from([0xfe]), text.subarray(at + 6)]));
    const loaded = await loadModuleFiles([file]);
    const line = text.subarray(0, at).toString("utf8").split("\n").length;
    expect(where(loaded.problems)).toEqual([{ code: "INVALID_UTF8", args: { what: "module" }, line, column: 7 }]);
  });
});
