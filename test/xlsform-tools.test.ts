// Every form `assess xlsform` writes, through the reference tools: pyxform converts it and
// ODK Validate (the engine ODK Collect runs) loads it, with no error and no warning.
// tools/xlsform-check/README.md says where the tools come from and what they need.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, assess } from "./helpers/exec.js";

const CHECK = join(ROOT, "tools/xlsform-check/xlsform-check");
const PYTHON = process.env.PYTHON ?? "/usr/bin/python3";

/** Why the tools cannot run here, or undefined when they can. */
function missing(): string | undefined {
  const py = spawnSync(PYTHON, ["-c", "import openpyxl, defusedxml, lark, xlrd"], { encoding: "utf8" });
  if (py.status !== 0) return `${PYTHON} lacks pyxform's dependencies (python3-openpyxl python3-defusedxml python3-lark python3-xlrd): ${py.error?.message ?? py.stderr.trim().split("\n").at(-1)}`;
  const java = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (java.status !== 0) return `no java for ODK Validate (default-jre-headless): ${java.error?.message ?? java.stderr.trim()}`;
  return undefined;
}

// .ci/run installs the Debian packages and sets ASSESS_REQUIRE_XLSFORM_CHECK, so CI never skips this.
const why = missing();
if (why && process.env.ASSESS_REQUIRE_XLSFORM_CHECK) throw new Error(`xlsform-check is required but cannot run: ${why}`);
if (why) console.warn(`skipping the pyxform and ODK Validate checks: ${why}`);

/** The forms: all modules (problems in English and in Thai), and module subsets: [name, modules chosen, xlsform options]. */
const FORMS: [string, string | undefined, string[]][] = [
  ["all", undefined, ["--lang", "en"]],
  ["all-th", undefined, ["--lang", "th"]],
  ["general", "general", []],
  ["health-protection", "general,health,child_protection", []],
  ["education", "education", []],
  ["border-detention-labour", "general,border_mobility,detention,labour_migration", ["--lang", "th"]],
];

interface Checked {
  code: number | null;
  output: string;
}

function check(form: string): Promise<Checked> {
  return new Promise((resolve, reject) => {
    // A lighter JVM (serial GC, no optimising compiler) starts with about half the CPU: the rest of the suite runs meanwhile.
    const child = spawn(CHECK, [form], { env: { ...process.env, PYTHON, JAVA_TOOL_OPTIONS: "-XX:+UseSerialGC -XX:TieredStopAtLevel=1" } });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** Runs the checks one after another: each is a JVM start, and other test files run beside them on a small machine. */
async function checkAll(forms: string[]): Promise<Checked[]> {
  const out: Checked[] = [];
  for (const form of forms) out.push(await check(form));
  return out;
}

describe.skipIf(why !== undefined)("pyxform and ODK Validate accept every form assess xlsform writes", () => {
  const dir = mkdtempSync(join(tmpdir(), "assess-xlsform-tools-"));
  const files = FORMS.map(([name]) => join(dir, `${name}.xlsx`));
  let results: Checked[];
  beforeAll(async () => {
    FORMS.forEach(([, chosen, options], i) => {
      const r = assess([...(chosen ? ["--modules", chosen] : []), "xlsform", "-o", files[i]!, ...options]);
      expect(r.code, r.stderr).toBe(0);
    });
    results = await checkAll(files);
  }, 400_000);

  it.each(FORMS.map(([name, chosen], i) => [name, chosen ?? "all modules", i] as const))("%s (%s)", (_name, _chosen, i) => {
    const r = results[i]!;
    expect(r.output.split("\n")[0], r.output).toBe('{"pyxform": "ok", "warnings": []}');
    const odk = r.output.split("\n").slice(1).join("\n");
    expect(odk).toContain("Xform is valid!");
    expect(odk).not.toMatch(/warning/i);
    expect(r.code, r.output).toBe(0);
  });
});

describe.skipIf(why !== undefined)("xlsform-check", () => {
  it("refuses a form that pyxform refuses (so that a pass above means something)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("survey").addRows([
      ["type", "name", "label", "relevant"],
      ["integer", "a", "A", "${nope} = 1"],
    ]);
    wb.addWorksheet("settings").addRows([["form_id"], ["broken"]]);
    const file = join(mkdtempSync(join(tmpdir(), "assess-xlsform-broken-")), "broken.xlsx");
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const [r] = await checkAll([file]);
    expect(r!.code).not.toBe(0);
    expect(JSON.parse(r!.output.split("\n")[0]!)).toMatchObject({ pyxform: "error", message: expect.stringContaining("nope") });
  });
});
