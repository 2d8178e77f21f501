// Input files that cannot be read as they are: our CSV layout, answer files, paths. Each
// problem is asserted by its code and args (the words are src/core/problem-words*.ts's).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Module } from "../src/core/model.js";
import { MAX_ANSWER_FILE_BYTES, parseAnswers, readAnswerFile } from "../src/io/answers.js";
import { MAX_CSV_ANSWER_ROWS, MAX_CSV_BYTES, MAX_CSV_INSTITUTIONS, readCsvAnswers } from "../src/io/ingest-csv.js";
import { INPUT_EXTENSIONS, expandInputs, readInput } from "../src/io/inputs.js";
import { requireModules } from "../src/io/modules.js";
import { scoreRead } from "../src/io/pipeline.js";
import type { InstitutionResult } from "../src/core/results.js";

let modules: Module[];
const dir = mkdtempSync(join(tmpdir(), "assess-inputs-"));
beforeAll(async () => {
  modules = await requireModules();
});

function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const codeArgs = (ps: { code: string; args: unknown }[]) => ps.map((p) => ({ code: p.code, args: p.args }));

describe("a CSV file that is not our layout fails with one problem", () => {
  // [case, file name, text, code, args]
  const cases: [string, string, string, string, object][] = [
    ["an empty file", "empty.csv", "  \n", "CSV_EMPTY", {}],
    ["a quote never closed", "quote.csv", 'institution,question,answer\nhpo,_name,"Office\n', "CSV_SYNTAX", { detail: expect.stringMatching(/quote/i) }],
    ["columns of another layout", "other.csv", "id,q,a\nx,y,z\n", "CSV_COLUMNS", { missing: ["institution", "question", "answer"], found: ["id", "q", "a"] }],
    ["an ODK repeat file without its main file", "lonely/form-datasets.csv", "PARENT_KEY,KEY,dataset_name\nuuid:1,uuid:1/datasets[1],Register\n", "REPEAT_WITHOUT_MAIN", { main: "form.csv", where: "missing" }],
  ];
  it.each(cases)("%s", async (_n, name, text, code, args) => {
    const read = await readCsvAnswers(file(name, text), modules);
    expect(read).toHaveLength(1);
    expect(read[0]!.set).toBeUndefined();
    expect(codeArgs(read[0]!.problems)).toEqual([{ code, args }]);
  });
  it("a file too large to read", async () => {
    const path = file("huge.csv", Buffer.alloc(MAX_CSV_BYTES + 1, " "));
    expect(codeArgs((await readCsvAnswers(path, modules))[0]!.problems)).toEqual([{ code: "TOO_LARGE", args: { what: "csv", max: MAX_CSV_BYTES } }]);
    rmSync(path);
  });
});

describe("rows of a CSV file that cannot be read are reported by line and kept", () => {
  const text = [
    "institution,dataset,question,answer,comment",
    "hpo,,_name,Provincial Health Data Office (fictional),",
    "hpo,,_date,2026-11-18,",
    "hpo,,no_such_question,Yes,",
    "hpo,,ds_type,register,",
    "hpo,Hospital records,collects_migrant_children,yes,",
    "hpo,,collects_migrant_children,no,",
    "hpo,,firewall_immigration_enforcement,sometimes,",
    "nodate,,collects_migrant_children,yes,",
    ",,collects_migrant_children,yes,",
  ].join("\n");
  it("each with its code, args and line; an institution without a date or a name is not read", async () => {
    const read = await readCsvAnswers(file("rows.csv", text), modules);
    const [hpo, nodate, blank] = read;
    expect(hpo!.problems.map((p) => ({ code: p.code, args: p.args, severity: p.severity, place: p.place }))).toEqual([
      { code: "UNKNOWN_QUESTION", args: { question: "no_such_question", in: "loaded_modules" }, severity: "error", place: "line 4" },
      { code: "DATASET_MISSING", args: { question: "ds_type" }, severity: "error", place: "line 5" },
      { code: "NOT_PER_DATASET", args: { question: "collects_migrant_children", dataset: "Hospital records" }, severity: "warning", place: "line 6" },
      { code: "DUPLICATE_ANSWER", args: { question: "collects_migrant_children" }, severity: "error", place: "line 7" },
      {
        code: "INVALID_ANSWER",
        args: { question: "firewall_immigration_enforcement", value: "sometimes", reason: { code: "NOT_AN_OPTION", args: { value: "sometimes", options: expect.any(Array) } } },
        severity: "error",
        place: "line 8",
      },
    ]);
    expect(hpo!.set!.rejected!.map((r) => [r.question, r.code])).toEqual([
      ["no_such_question", "UNKNOWN_QUESTION"],
      ["ds_type", "DATASET_MISSING"],
      ["collects_migrant_children", "DUPLICATE_ANSWER"],
      ["firewall_immigration_enforcement", "INVALID_ANSWER"],
    ]);
    expect(nodate!.set).toBeUndefined();
    expect(codeArgs(nodate!.problems)).toEqual([{ code: "DATE_MISSING", args: { in: "csv", institution: "nodate" } }]);
    expect(codeArgs(blank!.problems)).toEqual([{ code: "CSV_INSTITUTION", args: {} }]);
  });
});

describe("dates with a Buddhist-era year in a CSV file", () => {
  // Before, both were read as C.E. without a word (only workbooks named them).
  it("are read as C.E. and named by line: the date of answering and an answer", async () => {
    const text = [
      "institution,dataset,question,answer,comment",
      "hpo,,_name,Provincial Health Data Office (fictional),",
      "hpo,,_date,18/11/2569,",
      "hpo,Hospital records,ds_last_updated,30/06/2568,",
      "hpo,Hospital records,ds_type,administrative_register,",
    ].join("\n");
    const [hpo] = await readCsvAnswers(file("be-dates.csv", text), modules);
    expect(hpo!.set!.date).toBe("2026-11-18");
    expect(hpo!.set!.datasets[0]!.answers.ds_last_updated).toEqual({ value: "2025-06-30" });
    expect(hpo!.problems.map((p) => [p.code, p.severity, p.args, p.place])).toEqual([
      ["BUDDHIST_ERA_DATE", "warning", { dataset: "Hospital records", question: "ds_last_updated", text: "30/06/2568", date: "2025-06-30" }, "line 4"],
      ["BUDDHIST_ERA_DATE", "warning", { question: "_date", text: "18/11/2569", date: "2026-11-18" }, "line 3"],
    ]);
  });
});

describe("an answers CSV within its 20 MB but holding more than a file may", () => {
  // A 20 MB file of one answer repeated 370,000 times took 1.8 GB and 185 s: every row became a problem and a kept rejection.
  const codes = async (name: string, rows: string[]) => (await readCsvAnswers(file(name, ["institution,dataset,question,answer,comment", ...rows].join("\n")), modules)).map((r) => r.problems.map((p) => [p.code, p.args]));
  it("more answer rows than the bound: refused with the count, before any row is kept", async () => {
    const rows = Array.from({ length: MAX_CSV_ANSWER_ROWS + 1 }, () => "hpo,,collects_migrant_children,yes,");
    expect(await codes("many-rows.csv", rows)).toEqual([[["CSV_TOO_MANY_ROWS", { what: "rows", count: MAX_CSV_ANSWER_ROWS + 1, max: MAX_CSV_ANSWER_ROWS }]]]);
  });
  it("more institutions than the bound: refused with the count", async () => {
    const rows = Array.from({ length: MAX_CSV_INSTITUTIONS + 1 }, (_, i) => `i${i},,_name,Office ${i} (fictional),`);
    expect(await codes("many-institutions.csv", rows)).toEqual([[["CSV_TOO_MANY_ROWS", { what: "institutions", count: MAX_CSV_INSTITUTIONS + 1, max: MAX_CSV_INSTITUTIONS }]]]);
  });
  it("exactly the bound of rows is read", async () => {
    const rows = Array.from({ length: MAX_CSV_ANSWER_ROWS }, () => "hpo,,collects_migrant_children,yes,");
    expect((await codes("bound-rows.csv", rows)).flat().map(([c]) => c)).not.toContain("CSV_TOO_MANY_ROWS");
  });
});

describe("answer files and paths", () => {
  it("a file that cannot be read, or is too large", async () => {
    expect(codeArgs((await readAnswerFile(join(dir, "missing.yaml"))).problems)).toEqual([{ code: "READ_FAILED", args: { detail: "no such file or folder (ENOENT)" } }]);
    const path = file("huge.yaml", Buffer.alloc(MAX_ANSWER_FILE_BYTES + 1, " "));
    expect(codeArgs((await readAnswerFile(path)).problems)).toEqual([{ code: "FILE_TOO_LARGE", args: { what: "answers", bytes: MAX_ANSWER_FILE_BYTES + 1, max: MAX_ANSWER_FILE_BYTES } }]);
    rmSync(path);
  });
  it.each([
    ["a list, not a mapping", "- a\n- b\n", { kind: "not_mapping" }],
    ["a report model", '{ "format": "assess-report/1" }', { kind: "report_model" }],
    ["another format", "format: assess-answers/9\n", { kind: "format", format: '"assess-answers/9"' }],
  ])("%s is not an answer file", (_n, text, args) => {
    expect(codeArgs(parseAnswers(text, "x.yaml").problems)).toEqual([{ code: "NOT_ANSWERS", args }]);
  });
  it("a kind of file assess does not read, and a pattern that matches nothing", async () => {
    expect(codeArgs((await readInput(file("notes.txt", "hello"), modules))[0]!.problems)).toEqual([{ code: "UNSUPPORTED", args: { extensions: [...INPUT_EXTENSIONS] } }]);
    const { failed } = await expandInputs([join(dir, "nothing-here", "*.xlsx")]);
    expect(failed.map((f) => codeArgs(f.problems))).toEqual([[{ code: "NOT_FOUND", args: { kind: "pattern" } }]]);
  });
});

describe("answers are validated in one place, whichever channel they came by", () => {
  it("a number outside the question's range, read from a CSV line, is rejected by checkAnswers with its line", async () => {
    const text = [
      "institution,dataset,question,answer,comment",
      "hpo,,_name,Provincial Health Data Office (fictional),",
      "hpo,,_date,2026-11-18,",
      "hpo,Hospital records,ds_timeliness_months,500,five hundred",
    ].join("\n");
    const [read] = await readCsvAnswers(file("range.csv", text), modules);
    // The reader turns what was written into a value and does not judge it…
    expect(read!.problems).toEqual([]);
    expect(read!.set!.datasets[0]!.answers.ds_timeliness_months).toEqual({ value: 500, comment: "five hundred" });
    // …checking does, once, with the place the reader noted.
    const r = scoreRead(read!, modules) as InstitutionResult;
    expect(r.problems.map((p) => ({ code: p.code, args: p.args, place: p.place }))).toEqual([
      { code: "INVALID_ANSWER", args: { question: "ds_timeliness_months", value: "500", reason: { code: "ABOVE_MAX", args: { max: 120 } } }, place: "line 4" },
    ]);
    expect(r.answers.rejected).toEqual([expect.objectContaining({ question: "ds_timeliness_months", dataset: "hospital-records", place: "line 4", raw: "500", comment: "five hundred", code: "INVALID_ANSWER" })]);
  });
});

describe("CSV files in the encodings they are saved in", () => {
  const rows = ["institution,dataset,question,answer,comment", "สำนักงานตัวอย่าง,,_name,สำนักงานตัวอย่าง (สมมติ),", "สำนักงานตัวอย่าง,,_date,2026-11-18,", "สำนักงานตัวอย่าง,,collects_migrant_children,yes,"].join("\r\n");
  const utf16 = (s: string, le: boolean) => {
    const b = Buffer.from(s, "utf16le");
    if (!le) for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1]!, b[i]!];
    return Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), b]);
  };
  // Windows-874 (TIS-620): Thai letters are one byte each, U+0E01-U+0E5B at 0xA1-0xFB.
  const tis620 = (s: string) => Buffer.from([...s].map((c) => (c.charCodeAt(0) >= 0x0e01 ? c.charCodeAt(0) - 0x0e01 + 0xa1 : c.charCodeAt(0))));
  const cases: [string, Buffer][] = [
    ["UTF-8", Buffer.from(rows, "utf8")],
    ["UTF-8 with a BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows, "utf8")])],
    ["UTF-16 LE with a BOM", utf16(rows, true)],
    ["UTF-16 BE with a BOM", utf16(rows, false)],
    ["Windows-874, as Thai Excel saves CSV", tis620(rows)],
  ];
  it.each(cases)("%s", async (_n, bytes) => {
    const [read] = await readCsvAnswers(file(`enc-${bytes.length}.csv`, bytes), modules);
    expect(read!.problems).toEqual([]);
    expect(read!.set!.institution.name).toBe("สำนักงานตัวอย่าง (สมมติ)");
    expect(read!.set!.answers.collects_migrant_children).toEqual({ value: "yes" });
  });
  it("bytes that are none of these are refused, not read as replacement characters", async () => {
    const [read] = await readCsvAnswers(file("enc-bad.csv", Buffer.from([0x61, 0x2c, 0xdb, 0xfc, 0x0a])), modules);
    expect(read!.problems.map((p) => p.code)).toEqual(["CSV_ENCODING"]);
  });
});
