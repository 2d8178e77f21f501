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
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
for (const n of counts) {
  const dir = join(cache, `workbooks-${n}`);
  if (!existsSync(dir) || readdirSync(dir).length !== n) {
    process.stdout.write(`generating ${n} filled workbooks (all modules) in ${dir} ... `);
    await generateWorkbooks(dir, n, modules);
    console.log("done");
  }
  const load = measure("load", dir);
  const score = measure("score", dir);
  const rate = (m: Measure) => (m.files / m.seconds).toFixed(1);
  console.log(`\n${n} workbooks`);
  console.log(`  bare exceljs load   ${rate(load)} files/s   (${load.seconds.toFixed(2)} s, peak ${load.maxRssMB.toFixed(0)} MB)`);
  console.log(`  assess score        ${rate(score)} files/s   (${score.seconds.toFixed(2)} s, peak ${score.maxRssMB.toFixed(0)} MB)`);
  console.log(`  score / load time   ${(score.seconds / load.seconds).toFixed(2)}×   (target ≤ 1.25×)`);
}
