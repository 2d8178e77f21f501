// Exports with more than 5,000 submissions, generated from the real ones: every row is read,
// or the file is refused with a problem that says why. No row is ever dropped in silence.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReadInput } from "../src/core/answers.js";
import type { Module } from "../src/core/model.js";
import { exportFromBook } from "../src/core/workbook-answers.js";
import { readInput } from "../src/io/inputs.js";
import { requireModules } from "../src/io/modules.js";
import { csv } from "./helpers/exports.js";

const FIXTURES = "test/fixtures/kobo-exports";
const MAIN = "assess_children_on_the_move.csv";
const REPEAT = "assess_children_on_the_move-datasets.csv";
const N = 5_050;
/** Reading some 5,000 submissions takes seconds, many more on a machine shared with other runs. */
const SLOW = 120_000;
const dir = mkdtempSync(join(tmpdir(), "assess-large-"));
let modules: Module[];

beforeAll(async () => {
  modules = await requireModules();
});

/** A real export's header and rows, parsed. */
function table(text: string, delimiter: string): { headers: string[]; rows: string[][] } {
  const [headers, ...rows] = parse(text, { bom: true, delimiter, relax_column_count: true }) as string[][];
  return { headers: headers!, rows };
}

/**
 * N submissions made from the real rows in turn, each its own institution, in the `keep`
 * columns only: the count of rows is under test, and some 570 columns of 5,000 rows take
 * minutes to read on a machine shared with other runs (the form version goes with them).
 */
function grow(t: { headers: string[]; rows: string[][] }, keep: (h: string) => boolean, change: (row: string[], i: number) => void): { headers: string[]; rows: string[][] } {
  const cols = t.headers.flatMap((h, k) => (keep(h) ? [k] : []));
  const headers = cols.map((k) => t.headers[k]!);
  const rows = Array.from({ length: N }, (_, i) => {
    const row = cols.map((k) => t.rows[i % t.rows.length]![k] ?? "");
    change(row, i);
    return row;
  });
  return { headers, rows };
}

const set = (headers: string[], row: string[], header: string, value: string) => {
  row[headers.indexOf(header)] = value;
};
const problemCodes = (read: ReadInput[]) => [...new Set(read.flatMap((r) => r.problems.map((p) => p.code)))];

describe("a CSV export with more than 5,000 submissions", () => {
  it("KoboToolbox's CSV: every row is read, the last one by its line", async () => {
    const t = table(readFileSync(`${FIXTURES}/kobo-csv-xml-groups-both.csv`, "utf8"), ";");
    const keep = (h: string) => h.startsWith("institution/") || h.startsWith("general/governance/") || h.startsWith("_");
    const grown = grow(t, keep, (row, i) => {
      set(t.headers.filter(keep), row, "institution/institution_name", `Office ${i + 1} (fictional)`);
      set(t.headers.filter(keep), row, "_index", String(i + 1));
    });
    const file = join(dir, "kobo-large.csv");
    writeFileSync(file, csv(grown.headers, grown.rows, ";"));
    const read = await readInput(file, modules);
    expect(read).toHaveLength(N);
    expect(read.every((r) => r.set)).toBe(true);
    expect(new Set(read.map((r) => r.set!.institution.name)).size).toBe(N);
    expect(read.at(-1)!.source).toMatch(new RegExp(`line ${N + 1}$`));
    expect(problemCodes(read)).toEqual(["EXPORT_WITHOUT_DATASETS"]);
  }, SLOW);

  describe("ODK Central's CSVs, as files and as the .zip", () => {
    let main: { headers: string[]; rows: string[][] };
    let repeat: { headers: string[]; rows: (string | number)[][] };
    beforeAll(() => {
      const entries = unzipSync(readFileSync(`${FIXTURES}/central-groups-split.zip`));
      const m = table(strFromU8(entries[MAIN]!), ",");
      const r = table(strFromU8(entries[REPEAT]!), ",");
      const keyOf = (i: number) => `uuid:large-${i + 1}`;
      const keep = (h: string) => h.startsWith("institution-") || h.startsWith("general-governance-") || (!h.includes("-") && h !== "FormVersion");
      main = grow(m, keep, (row, i) => {
        set(m.headers.filter(keep), row, "institution-institution_name", `Office ${i + 1} (fictional)`);
        set(m.headers.filter(keep), row, "KEY", keyOf(i));
      });
      // Two datasets for every submission: 10,100 repeat rows.
      repeat = {
        headers: r.headers,
        rows: Array.from({ length: 2 * N }, (_, j) => {
          const row = r.rows[j % r.rows.length]!.map((c, k) => (["dataset_name", "PARENT_KEY", "KEY"].includes(r.headers[k]!) || r.headers[k]!.startsWith("dataset_inventory-ds_type") ? c : ""));
          set(r.headers, row, "dataset_name", `Register ${(j % 2) + 1}`);
          set(r.headers, row, "PARENT_KEY", keyOf(Math.floor(j / 2)));
          set(r.headers, row, "KEY", `${keyOf(Math.floor(j / 2))}/datasets[${(j % 2) + 1}]`);
          return row;
        }),
      };
    });

    const expectAll = (read: ReadInput[], place: RegExp) => {
      expect(read).toHaveLength(N);
      expect(read.every((r) => r.set)).toBe(true);
      expect(read.reduce((n, r) => n + r.set!.datasets.length, 0)).toBe(2 * N);
      expect(read.at(-1)!.set!.datasets.map((d) => d.name)).toEqual(["Register 1", "Register 2"]);
      expect(read.at(-1)!.source).toMatch(place);
      expect(read.flatMap((r) => r.problems)).toEqual([]);
    };

    it("the two CSV files side by side", async () => {
      const sub = join(dir, "odk-files");
      mkdirSync(sub);
      writeFileSync(join(sub, MAIN), csv(main.headers, main.rows, ","));
      writeFileSync(join(sub, REPEAT), csv(repeat.headers, repeat.rows, ","));
      expectAll(await readInput(join(sub, MAIN), modules), new RegExp(`› line ${N + 1}$`));
    }, SLOW);

    it("the .zip", async () => {
      const file = join(dir, "odk-large.zip");
      writeFileSync(file, zipSync({ [MAIN]: strToU8(csv(main.headers, main.rows, ",")), [REPEAT]: strToU8(csv(repeat.headers, repeat.rows, ",")) }));
      expectAll(await readInput(file, modules), new RegExp(`› ${MAIN}, line ${N + 1}$`));
    }, SLOW);

    it("a repeat CSV too large to read fails its main file, named (it was dropped in silence and the datasets went missing)", async () => {
      const sub = join(dir, "odk-huge-repeat");
      mkdirSync(sub);
      writeFileSync(join(sub, MAIN), csv(main.headers, main.rows.slice(0, 3), ","));
      const pad = "x".repeat(4000);
      writeFileSync(join(sub, REPEAT), csv(["dataset_name", "PARENT_KEY", "KEY"], Array.from({ length: 5_500 }, (_, j) => [pad, "uuid:large-1", `uuid:large-1/datasets[${j + 1}]`]), ","));
      const read = await readInput(join(sub, MAIN), modules);
      expect(read.map((r) => r.problems.map((p) => ({ code: p.code, args: p.args, place: p.place })))).toEqual([[{ code: "TOO_LARGE", args: { what: "csv", max: 20 * 1024 * 1024 }, place: REPEAT }]]);
    });
  });
});

describe("a KoboToolbox workbook whose repeat sheet has more than 5,000 rows", () => {
  it("is refused naming the datasets sheet, never cut", () => {
    const sheetOf = (name: string, headers: string[], rowCount: number) => ({
      name,
      state: "visible",
      rowCount,
      columnCount: headers.length,
      rowNumbers: () => Array.from({ length: rowCount }, (_, i) => i + 1),
      cell: (r: number, c: number) => (r === 1 ? { kind: "text" as const, text: headers[c - 1]! } : { kind: "empty" as const }),
    });
    const sheets = {
      Assessment: sheetOf("Assessment", ["institution/institution_name", "general/governance/legal_mandate_migrant_data", "general/governance/data_governance_policy", "general/governance/data_steward_dpo", "_index"], 2_600),
      datasets: sheetOf("datasets", ["datasets/dataset_name", "datasets/dataset_inventory/ds_type", "_index", "_parent_index"], 5_201),
    };
    const read = exportFromBook({ sheetNames: ["Assessment", "datasets"], sheet: (n) => sheets[n as keyof typeof sheets] }, "kobo.xlsx", modules);
    expect(read?.map((r) => r.problems.map((p) => [p.code, p.args]))).toEqual([[["SHEET_TOO_LARGE", { sheet: "datasets", rows: 5201, columns: 4, maxRows: 5000, maxColumns: 2000 }]]]);
  });
});
