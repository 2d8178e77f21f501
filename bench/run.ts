// npm run bench [-- --files 200 --files 1000]: scoring speed against a bare exceljs load,
// and peak memory, each measured in a fresh process.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { requireModules } from "../src/io/modules.js";
import { generateWorkbooks } from "./generate.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const sizes = process.argv.flatMap((a, i, all) => (a === "--files" ? [Number(all[i + 1])] : []));
const counts = sizes.length ? sizes : [200];
const cache = join(here, "..", "..", "bench-data");

interface Measure {
  seconds: number;
  maxRssMB: number;
  files: number;
}

function measure(mode: string, dir: string): Measure {
  const out = execFileSync(process.execPath, [join(here, "measure.js"), mode, dir], { encoding: "utf8", maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split("\n").pop()!) as Measure;
}

const modules = await requireModules();

/** Workbooks for n fictional institutions, generated once and kept in bench-data/. */
async function workbooks(n: number): Promise<string> {
  const dir = join(cache, `workbooks-${n}`);
  if (!existsSync(dir) || readdirSync(dir).length !== n) {
    process.stdout.write(`generating ${n} filled workbooks (all modules) in ${dir} ... `);
    await generateWorkbooks(dir, n, modules);
    console.log("done");
  }
  return dir;
}
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
for (const n of counts) {
  const dir = await workbooks(n);
  const load = measure("load", dir);
  const score = measure("score", dir);
  const rate = (m: Measure) => (m.files / m.seconds).toFixed(1);
  console.log(`\n${n} workbooks`);
  console.log(`  bare exceljs load   ${rate(load)} files/s   (${load.seconds.toFixed(2)} s, peak ${load.maxRssMB.toFixed(0)} MB)`);
  console.log(`  assess score        ${rate(score)} files/s   (${score.seconds.toFixed(2)} s, peak ${score.maxRssMB.toFixed(0)} MB)`);
  console.log(`  score / load time   ${(score.seconds / load.seconds).toFixed(2)}×   (target ≤ 1.25×)`);
}

// The report for 100 institutions, from their results files.
{
  const dir = await workbooks(100);
  const results = join(cache, "results-100");
  execFileSync(process.execPath, [join(here, "..", "..", "bin", "assess.js"), "score", dir, "-o", results, "--force"], { stdio: "ignore" });
  const report = measure("report", results);
  console.log(`\nreport for 100 institutions (md, html, xlsx, json): ${report.seconds.toFixed(2)} s, peak ${report.maxRssMB.toFixed(0)} MB`);
}
