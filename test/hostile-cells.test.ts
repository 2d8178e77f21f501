// Cells that must never stop a batch or cost more than what is present: dates out of any
// spreadsheet's range (in this thread and on worker threads), a workbook of sheets each with
// one cell far away, merged ranges by the thousand or of ten million cells.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Module } from "../src/core/model.js";
import type { ReadBook, ReadSheet } from "../src/core/workbook.js";
import { answersFromBook, exportFromBook } from "../src/core/workbook-answers.js";
import { requireModules } from "../src/io/modules.js";
import { contentHash } from "../src/io/template.js";
import { readXlsx } from "../src/io/xlsx-reader.js";
import { assess } from "./helpers/exec.js";
import { GOOD_WORKBOOK, HOSTILE, farCells, mergedRanges } from "./helpers/hostile-corpus.js";
import { run } from "./helpers/run.js";

let modules: Module[];
beforeAll(async () => {
  modules = await requireModules();
});

const DATES = [`${HOSTILE}/date-serial-1e12.xlsx`, `${HOSTILE}/date-serials-datasets.xlsx`];
type Outcome = { source: string; problems: { code: string; args: { reason?: { code: string } }; place?: string }[] };

/** Each input's problems as [code, reason, place]. */
function problemsOf(doc: { results: Outcome[]; failed: Outcome[] }) {
  const all = [...doc.results, ...doc.failed];
  return Object.fromEntries(all.map((o) => [o.source.split("/").pop()!, o.problems.map((p) => [p.code, p.args.reason?.code, p.place])]));
}

const DATE_PROBLEMS = {
  "date-serial-1e12.xlsx": [["DATE_MISSING", "NOT_A_DATE", "Institution!C11"]],
  "date-serials-datasets.xlsx": [
    ["INVALID_ANSWER", "NOT_A_DATE", "Datasets!D83"],
    ["INVALID_ANSWER", "NOT_A_DATE", "Datasets!E83"],
    ["INVALID_ANSWER", "NOT_A_DATE", "Datasets!F85"],
  ],
};

describe("a date cell with a serial no spreadsheet shows (1e12, -1, 1e308)", () => {
  it("is an answer problem with the cell's place, and the good file beside it is scored (in this thread)", async () => {
    const r = await run(["score", ...DATES, GOOD_WORKBOOK, "--json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain("internal error");
    const doc = JSON.parse(r.stdout);
    expect(doc.results).toHaveLength(2);
    expect(problemsOf(doc)).toMatchObject(DATE_PROBLEMS);
  });

  it("on worker threads too: the batch goes on, results.json is written, no temporary file is left", () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-dates-"));
    // Workers start from 100 files (src/commands/score.ts).
    for (let i = 0; i < 50; i++) for (const f of DATES) copyFileSync(f, join(dir, `${String(i).padStart(2, "0")}-${f.split("/").pop()}`));
    copyFileSync(GOOD_WORKBOOK, join(dir, "zz-good.xlsx"));
    const out = mkdtempSync(join(tmpdir(), "assess-dates-out-"));
    const two = assess(["score", dir, "--json", "--jobs", "2", "-o", out]);
    expect(two.code, two.stderr.slice(-500)).toBe(1);
    expect(two.stderr).not.toContain("internal error");
    const doc = JSON.parse(two.stdout) as { results: Outcome[]; failed: Outcome[] };
    expect([doc.results.length, doc.failed.length]).toEqual([51, 50]);
    const found = problemsOf(doc);
    for (const [name, problems] of Object.entries(found)) expect(problems, name).toEqual(name === "zz-good.xlsx" ? [] : DATE_PROBLEMS[name.slice(3) as keyof typeof DATE_PROBLEMS]);
    expect(JSON.parse(readFileSync(join(out, "results.json"), "utf8")).failed).toHaveLength(50);
    expect([...readdirSync(out), ...readdirSync(dir)].filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // The same as in one thread.
    expect(assess(["score", dir, "--json", "--jobs", "1"]).stdout).toBe(two.stdout);
  }, 300_000);
});

/** A book whose sheets count the cells asked of them. */
function counted(book: ReadBook): { book: ReadBook; asked: () => number } {
  let asked = 0;
  const wrap = (s: ReadSheet): ReadSheet => ({ ...s, rowNumbers: () => s.rowNumbers(), cell: (r, c) => (asked++, s.cell(r, c)) });
  return { book: { sheetNames: book.sheetNames, sheet: (n) => (book.sheet(n) ? wrap(book.sheet(n)!) : undefined) }, asked: () => asked };
}

function read(buf: Buffer): ReadBook {
  const r = readXlsx(buf);
  if (!r.ok) throw new Error(r.code);
  return r.book;
}

describe("the cost of a workbook follows the cells present, not the extent declared", () => {
  it("60 sheets of one cell at row 5,000, column 2,000 (20 KB): header rows only, not 600 million cells", () => {
    const buf = farCells(60, "BXX5000");
    expect(buf.length).toBeLessThan(25_000);
    const { book, asked } = counted(read(buf));
    expect(book.sheet("S1")).toMatchObject({ rowCount: 5000, columnCount: 2000 });
    expect(exportFromBook(book, "far.xlsx", modules)).toBeUndefined();
    expect(answersFromBook(book, "far.xlsx", modules, contentHash).problems.map((p) => p.code)).toEqual(["NOT_QUESTIONNAIRE"]);
    // The header row of each sheet, and A1 once more to recognise a questionnaire without its
    // metadata sheet: 60 × 2,001 (it was every cell of every sheet, 60 × 5,000 × 2,000).
    expect(asked()).toBeLessThanOrEqual(60 * 2001);
  });

  it("20,000 merged ranges are read, each cell in one step (it was a search of every range for every cell)", () => {
    const s = read(mergedRanges(20_000)).sheet("S")!;
    expect([s.rowCount, s.columnCount]).toEqual([135, 600]);
    expect(s.cell(2, 1)).toEqual({ kind: "empty" });
    expect(s.rowNumbers()).toHaveLength(135);
  });

  it("a merged range of ten million cells is refused by the cell bound, not filled", () => {
    expect(readXlsx(readFileSync(`${HOSTILE}/merged-range-10-million-cells.xlsx`))).toMatchObject({ ok: false, code: "WORKBOOK_TOO_LARGE", args: { limit: "cells", max: 3_000_000 } });
  });

  it("a merged range shows its top-left value in every cell it covers, and counts in the sheet's extent", () => {
    const s = read(mergedRanges(0, ["A1:C2"])).sheet("S")!;
    expect([s.cell(1, 1), s.cell(2, 3), s.rowCount, s.columnCount, s.rowNumbers()]).toEqual([{ kind: "text", text: "merged" }, { kind: "text", text: "merged" }, 2, 3, [1, 2]]);
  });
});
