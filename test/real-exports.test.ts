// The real exports of test/fixtures/kobo-exports/ (made by formpack and by ODK Central's own
// CSV code; its README says how): every channel scores the eight fictional institutions as the
// Kobo XLS export of the same submissions does, or says what is missing.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { Module } from "../src/core/model.js";
import type { InstitutionResult } from "../src/core/results.js";
import { expandInputs, readInput } from "../src/io/inputs.js";
import { requireModules } from "../src/io/modules.js";

/** The real exports were made with the form of modules 1.0.0 (their README): they are read with those modules. */
const MODULES_1_0 = "test/fixtures/modules-1.0.0";
import { scoreRead } from "../src/io/pipeline.js";

const FIXTURES = "test/fixtures/kobo-exports";
const ZIP = `${FIXTURES}/central-groups-split.zip`;
const MAIN = "assess_children_on_the_move.csv";
const REPEAT = "assess_children_on_the_move-datasets.csv";
let modules: Module[];
const dir = mkdtempSync(join(tmpdir(), "assess-real-exports-"));

beforeAll(async () => {
  modules = await requireModules(MODULES_1_0);
});

async function scored(file: string) {
  return (await readInput(file, modules)).map((i) => scoreRead(i, modules));
}

/** What a result says about the institution: everything but where it was read from (choices in any order: ODK's split columns come alphabetically). */
function scoresOf(r: InstitutionResult) {
  const sorted = (answers: Record<string, { value: unknown }>) => Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, Array.isArray(a.value) ? [...(a.value as string[])].sort() : a.value]));
  return { institution: r.institution, scorecard: r.scorecard, datasets: r.answers.datasets.map((d) => ({ ...d, answers: sorted(d.answers) })), answers: sorted(r.answers.answers) };
}

function zipOf(entries: Record<string, string | Uint8Array>, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === "string" ? strToU8(v) : v])), { mtime: new Date("1980-01-01T00:00:00") })));
  return path;
}

const realZip = () => unzipSync(readFileSync(ZIP));
const codes = (r: { problems: { code: string; args: unknown; place?: string }[] }) => r.problems.map((p) => ({ code: p.code, args: p.args, place: p.place }));

describe("ODK Central's .zip download is read directly", () => {
  it("scores the eight institutions exactly as the Kobo XLS export of the same submissions", async () => {
    const kobo = (await scored(`${FIXTURES}/kobo-xls-xml-groups-both.xlsx`)) as InstitutionResult[];
    const odk = (await scored(ZIP)) as InstitutionResult[];
    expect(odk).toHaveLength(8);
    expect(kobo).toHaveLength(8);
    odk.forEach((r, i) => {
      expect(r.problems, r.source).toEqual([]);
      expect(scoresOf(r)).toEqual(scoresOf(kobo[i]!));
    });
    expect(odk.reduce((n, r) => n + r.answers.datasets.length, 0)).toBe(16);
    expect(odk[0]!.source).toBe(`${ZIP} › ${MAIN}, line 2`);
  });

  it("the two CSVs of the zip, side by side, score as the zip does", async () => {
    const sub = join(dir, "unzipped");
    mkdirSync(sub);
    for (const [name, bytes] of Object.entries(realZip())) writeFileSync(join(sub, name), bytes);
    const fromCsv = (await scored(join(sub, MAIN))) as InstitutionResult[];
    const fromZip = (await scored(ZIP)) as InstitutionResult[];
    expect(fromCsv.map(scoresOf)).toEqual(fromZip.map(scoresOf));
  });

  it("attachments under media/ are left alone", async () => {
    const got = await scored(zipOf({ ...realZip(), "media/photo-1.jpg": new Uint8Array([0xff, 0xd8, 0xff]) }, "with-media.zip"));
    expect(got).toHaveLength(8);
    expect(got.every((r) => "scorecard" in r)).toBe(true);
  });

  it("a zip without the repeat CSV scores the main CSV and says every dataset question is missing", async () => {
    const { [REPEAT]: _repeat, ...rest } = realZip();
    const got = await scored(zipOf(rest, "main-only.zip"));
    expect(got).toHaveLength(8);
    expect(got.map((r) => r.problems.map((p) => p.code))).toEqual(Array(8).fill(["EXPORT_WITHOUT_DATASETS"]));
  });

  it("dataset rows whose submission is not in the main CSV are named, not dropped (they vanished)", async () => {
    const entries = realZip();
    const lines = new TextDecoder().decode(entries[MAIN]!).split("\n");
    const last = lines.filter((l) => l.trim()).at(-1)!;
    const key = /uuid:[0-9a-f-]+/.exec(last)![0];
    const repeatLines = new TextDecoder().decode(entries[REPEAT]!).split("\n");
    const theirs = repeatLines.flatMap((l, i) => (l.includes(`${key},`) ? [i + 1] : []));
    const got = await scored(zipOf({ ...entries, [MAIN]: strToU8(lines.filter((l) => l !== last).join("\n")) }, "cut-main.zip"));
    expect(got).toHaveLength(8);
    expect(got.slice(0, 7).every((r) => "scorecard" in r)).toBe(true);
    expect(codes(got[7]!)).toEqual([{ code: "REPEAT_ROWS_WITHOUT_SUBMISSION", args: { rows: theirs.length, parent: key }, place: `${REPEAT}, line ${theirs[0]}` }]);
    expect(theirs.length).toBeGreaterThan(0);
  });

  it("an Excel workbook saved as .zip is read as the workbook it is", async () => {
    const path = join(dir, "kobo-export.zip");
    copyFileSync(`${FIXTURES}/kobo-xls-xml-groups-both.xlsx`, path);
    const got = await scored(path);
    expect(got).toHaveLength(8);
    expect(got.every((r) => "scorecard" in r && r.problems.length === 0)).toBe(true);
  });

  // [case, entries, code, args, place]
  const refused: [string, () => Record<string, string | Uint8Array>, string, object, string | undefined][] = [
    ["only the repeat CSV", () => ({ [REPEAT]: realZip()[REPEAT]! }), "REPEAT_WITHOUT_MAIN", { main: MAIN, where: "zip" }, undefined],
    ["files of something else", () => ({ "notes.txt": "hello", "photo.jpg": new Uint8Array([1, 2, 3]) }), "ZIP_NOT_EXPORT", { kind: "unknown", entries: ["notes.txt", "photo.jpg"], more: 0 }, undefined],
    ["an empty archive", () => ({}), "ZIP_NOT_EXPORT", { kind: "unknown", entries: [], more: 0 }, undefined],
    ["the download of another form", () => ({ "household.csv": "SubmissionDate,hh-size,KEY\n2026-01-01,4,uuid:1\n" }), "ZIP_NOT_EXPORT", { kind: "other_form", main: "household.csv" }, undefined],
    ["a CSV that is not text", () => ({ [MAIN]: new Uint8Array([0x81, 0xff, 0xfe, 0x00, 0xdb]) }), "CSV_ENCODING", {}, MAIN],
  ];
  it.each(refused)("%s is refused with one coded problem", async (name, entries, code, args, place) => {
    const got = await scored(zipOf(entries(), `${name.replaceAll(" ", "-")}.zip`));
    expect(got).toHaveLength(1);
    expect(codes(got[0]!)).toEqual([{ code, args, place }]);
  });

  it("the zip limits hold for a download: a CSV that inflates like a bomb, and one above a CSV file's limit", async () => {
    const bomb = await scored(zipOf({ [MAIN]: new Uint8Array(64 * 1024 * 1024) }, "bomb.zip"));
    expect(codes(bomb[0]!)).toEqual([{ code: "WORKBOOK_TOO_LARGE", args: expect.objectContaining({ limit: "ratio", entry: MAIN }), place: undefined }]);
    // Random digits compress about 2:1: a 21 MB CSV passes the ratio and meets the CSV limit.
    const digits = Buffer.alloc(21 * 1024 * 1024);
    for (let i = 0; i < digits.length; i++) digits[i] = i % 64 === 63 ? 10 : 48 + ((i * 7919 + (i >> 7) * 104729) % 10);
    const big = await scored(zipOf({ [MAIN]: digits }, "big.zip"));
    expect(codes(big[0]!)).toEqual([{ code: "TOO_LARGE", args: { what: "csv", max: 20 * 1024 * 1024 }, place: MAIN }]);
  });
});

describe("ODK Central's repeat CSV given without its main CSV", () => {
  beforeAll(() => {
    mkdirSync(join(dir, "pair"));
    mkdirSync(join(dir, "alone"));
    for (const [name, bytes] of Object.entries(realZip())) writeFileSync(join(dir, "pair", name), bytes);
    writeFileSync(join(dir, "alone", REPEAT), realZip()[REPEAT]!);
  });

  it("is read with its main CSV when both are inputs, or the folder is", async () => {
    for (const paths of [[join(dir, "pair")], [join(dir, "pair", MAIN), join(dir, "pair", REPEAT)], [join(dir, "pair", REPEAT), join(dir, "pair", MAIN)]]) {
      expect((await expandInputs(paths)).files).toEqual([join(dir, "pair", MAIN)]);
    }
  });

  it("alone, beside its main CSV: names the main CSV to give, and fails (where it scored nothing and exited 0)", async () => {
    const { files } = await expandInputs([join(dir, "pair", REPEAT)]);
    expect(files).toEqual([join(dir, "pair", REPEAT)]);
    const got = await scored(files[0]!);
    expect(codes(got[0]!)).toEqual([{ code: "REPEAT_WITHOUT_MAIN", args: { main: MAIN, where: "not_given" }, place: undefined }]);
  });

  it("alone in its folder: names the main CSV expected", async () => {
    const got = await scored(join(dir, "alone", REPEAT));
    expect(codes(got[0]!)).toEqual([{ code: "REPEAT_WITHOUT_MAIN", args: { main: MAIN, where: "missing" }, place: undefined }]);
  });
});

describe("KoboToolbox's CSV export (the main section only)", () => {
  it("scores every submission and says, for each, that the datasets are missing", async () => {
    const got = await scored(`${FIXTURES}/kobo-csv-xml-groups-both.csv`);
    expect(got).toHaveLength(8);
    got.forEach((r, i) => {
      expect("scorecard" in r).toBe(true);
      expect(codes(r)).toEqual([{ code: "EXPORT_WITHOUT_DATASETS", args: {}, place: `line ${i + 2}` }]);
    });
  });
});

describe("files too short to be an archive", () => {
  it.each(["short.zip", "short.xlsx"])("%s of three bytes is not a zip archive (it was an internal error)", async (name) => {
    writeFileSync(join(dir, name), Buffer.from("PK\x03"));
    const got = await scored(join(dir, name));
    expect(codes(got[0]!)).toEqual([{ code: "WORKBOOK_NOT_ZIP", args: {}, place: undefined }]);
  });
});
