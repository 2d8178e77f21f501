// The form version a submission was made with (ODK Central's FormVersion, KoboToolbox's
// __version__ when it holds ours) is checked against the form the loaded modules build.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, strFromU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerSet } from "../src/core/answers.js";
import type { Module } from "../src/core/model.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import { formVersion } from "../src/core/xlsform.js";
import { readAnswerFile } from "../src/io/answers.js";
import { readInput } from "../src/io/inputs.js";
import { requireModules } from "../src/io/modules.js";

/** The real exports were made with the form of modules 1.0.0 (their README): they are read with those modules. */
const MODULES_1_0 = "test/fixtures/modules-1.0.0";
import { scoreRead } from "../src/io/pipeline.js";
import { csv, exportTables, koboXlsx } from "./helpers/exports.js";

const ZIP = "test/fixtures/kobo-exports/central-groups-split.zip";
const MAIN = "assess_children_on_the_move.csv";
const dir = mkdtempSync(join(tmpdir(), "assess-form-version-"));
let modules: Module[];
/** The shipped modules, for the exports these tests build themselves. */
let current: Module[];
let sets: AnswerSet[];

beforeAll(async () => {
  modules = await requireModules(MODULES_1_0);
  current = await requireModules();
  sets = [];
  for (const f of ["dpa-civil-registration-fictional.yaml", "moph-migrant-health-fictional.yaml"]) sets.push((await readAnswerFile(`examples/answers/${f}`)).set!);
  expect(sets.every(Boolean)).toBe(true);
});

const outcome = (r: { problems: { code: string; args: unknown; place?: string }[] }) => r.problems.map((p) => ({ code: p.code, args: p.args, place: p.place }));

/** The real ODK Central zip with the FormVersion of the third submission (line 4) set to `version`. */
function zipWithVersion(version: string, name: string): string {
  const entries = unzipSync(readFileSync(ZIP));
  const lines = strFromU8(entries[MAIN]!).split("\n");
  lines[3] = lines[3]!.replace("assess-6c28a710", version);
  entries[MAIN] = strToU8(lines.join("\n"));
  const path = join(dir, name);
  writeFileSync(path, zipSync(entries));
  return path;
}

describe("ODK Central's FormVersion", () => {
  it("the real download, made with the form of the loaded modules (assess-6c28a710), passes", () => {
    expect(formVersion(buildQuestionnaire(modules))).toBe("assess-6c28a710");
  });

  it("a submission made with another form version is not scored, and says where", async () => {
    const got = (await readInput(zipWithVersion("assess-0badf00d", "other-version.zip"), modules)).map((i) => scoreRead(i, modules));
    expect(got).toHaveLength(8);
    expect(got.filter((r) => !("scorecard" in r)).map(outcome)).toEqual([
      [
        {
          code: "FORM_VERSION_MISMATCH",
          args: { version: "assess-0badf00d", expected: "assess-6c28a710", column: "FormVersion", modules: modules.map((m) => `${m.id}@${m.version}`) },
          place: `${MAIN}, line 4, column FormVersion`,
        },
      ],
    ]);
    expect(got.filter((r) => "scorecard" in r)).toHaveLength(7);
  });

  it("scored with other module versions (--modules DIR), every submission is refused", async () => {
    const mods = join(dir, "modules");
    cpSync("modules", mods, { recursive: true });
    writeFileSync(join(mods, "health.yaml"), readFileSync(join(mods, "health.yaml"), "utf8").replace(/^version: .*$/m, "version: 1.1.0"));
    const other = await requireModules(mods);
    const got = (await readInput(ZIP, other)).map((i) => scoreRead(i, other));
    expect(got.map((r) => r.problems.map((p) => [p.code, (p.args as { version?: string }).version ?? "", p.place]))).toEqual(
      Array.from({ length: 8 }, (_, i) => [["FORM_VERSION_MISMATCH", "assess-6c28a710", `${MAIN}, line ${i + 2}, column FormVersion`]]),
    );
    expect(got[0]!.problems[0]!.args).toMatchObject({ modules: expect.arrayContaining(["health@1.1.0"]) });
  });

  it("a form of some modules only is checked against the version those modules build", async () => {
    const q = buildQuestionnaire(current, ["general", "health"]);
    const t = exportTables(q, [sets[1]!], { sep: "-", split: false }, "odk");
    const write = (version: string, name: string) => {
      writeFileSync(join(dir, `${name}.csv`), csv([...t.main.headers, "FormVersion"], t.main.rows.map((r) => [...r, version]), ","));
      writeFileSync(join(dir, `${name}-datasets.csv`), csv(t.repeat.headers, t.repeat.rows, ","));
      return join(dir, `${name}.csv`);
    };
    const good = await readInput(write(formVersion(q), "subset"), current);
    expect(good.map((i) => i.problems)).toEqual([[]]);
    const bad = await readInput(write(formVersion(buildQuestionnaire(current)), "subset-wrong"), current);
    expect(bad.map(outcome)).toEqual([[{ code: "FORM_VERSION_MISMATCH", args: expect.objectContaining({ expected: formVersion(q), modules: ["general@2.1.0", "health@2.0.0"] }), place: "line 2, column FormVersion" }]]);
  });
});

describe("KoboToolbox's __version__", () => {
  it("holds KoboToolbox's own deployment id (the real export: vHoldout1), which says nothing of the modules: no problem", async () => {
    const got = await readInput("test/fixtures/kobo-exports/kobo-xls-xml-groups-both.xlsx", modules);
    expect(got.flatMap((i) => i.problems)).toEqual([]);
  });

  it("when it holds a form version of ours, it is checked", async () => {
    const t = exportTables(buildQuestionnaire(current), sets, { sep: "/", split: true }, "kobo");
    const col = t.main.headers.indexOf("__version__");
    t.main.rows[1]![col] = "assess-0badf00d";
    t.main.rows[0]![col] = formVersion(buildQuestionnaire(current));
    const path = join(dir, "kobo.xlsx");
    writeFileSync(path, await koboXlsx(t));
    const got = await readInput(path, current);
    expect(got.map(outcome)).toEqual([
      [],
      [{ code: "FORM_VERSION_MISMATCH", args: expect.objectContaining({ version: "assess-0badf00d", column: "__version__" }), place: "Assessment of data on migrant row 3, column __version__" }],
    ]);
  });
});
