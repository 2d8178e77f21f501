// npm run bench [-- --files 200 --files 1000 --reps 3 --crossover --institutions 1000 --institutions 5000 --report-only --no-report]:
// reading and scoring speed against the
// tokenise floor and a bare exceljs load, and peak memory. Every job runs in a fresh process;
// the jobs of one repetition run one after the other (interleaved), so that a change in the
// machine's load touches them alike. Figures are min / median / max over the repetitions.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeShippedCache } from "../src/io/module-cache.js";
import { requireModules } from "../src/io/modules.js";
import { REPORT_FORMATS } from "../src/commands/report-formats.js";
import { generateResults, generateWorkbooks } from "./generate.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const flag = (name: string) => process.argv.flatMap((a, i, all) => (a === name ? [Number(all[i + 1])] : []));
const reportOnly = process.argv.includes("--report-only");
const counts = flag("--files").length ? flag("--files") : process.argv.includes("--crossover") || reportOnly ? [] : [200];
const reps = Math.max(3, flag("--reps")[0] ?? 3);
const cache = join(here, "..", "..", "bench-data");
const bin = join(here, "..", "..", "bin", "assess.js");

interface Measure {
  seconds: number;
  cpuSeconds: number;
  maxRssMB: number;
  files: number;
  [k: string]: number;
}

function measure(mode: string, path: string, ...rest: string[]): Measure {
  const out = execFileSync(process.execPath, [join(here, "measure.js"), mode, path, ...rest], { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "ignore"] });
  return JSON.parse(out.trim().split("\n").pop()!) as Measure;
}

/** Wall-clock seconds of a fresh process, as a user waits for it. */
function wall(args: string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: "ignore" });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")} exited with ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e9;
}

function spread(xs: number[], digits = 2, unit = ""): string {
  const s = [...xs].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return `${[s[0]!, median, s[s.length - 1]!].map((x) => x.toFixed(digits)).join(" / ")}${unit}`;
}

const load = () => `load average ${loadavg().map((x) => x.toFixed(2)).join(", ")}`;

// The checked shipped modules beside this build's code, as `npm run build` leaves them beside dist/.
await writeShippedCache();
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

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${reps} repetitions, min / median / max`);

const JOBS: [string, string, string[]][] = [
  ["tokenise floor (fflate + saxes)", "floor", []],
  ["bare exceljs load", "load", []],
  ["assess score --jobs 1", "score", ["1"]],
  ["assess score --jobs 2 (both cores)", "score", ["2"]],
  ["assess score (default jobs)", "score", []],
];
for (const n of counts) {
  const dir = await workbooks(n);
  console.log(`\n${n} workbooks (${load()})`);
  const runs: Measure[][] = JOBS.map(() => []);
  for (let r = 0; r < reps; r++) JOBS.forEach(([, mode, rest], j) => runs[j]!.push(measure(mode, dir, ...rest)));
  JOBS.forEach(([label], j) => {
    const m = runs[j]!;
    console.log(`  ${label.padEnd(36)} ${spread(m.map((x) => x.seconds), 2, " s")}   ${spread(m.map((x) => x.files / x.seconds), 1, " files/s")}   peak ${spread(m.map((x) => x.maxRssMB), 0, " MB")}   CPU ${spread(m.map((x) => x.cpuSeconds), 2, " s")}`);
  });
  const [floor, exceljs, one, two, byDefault] = runs as [Measure[], Measure[], Measure[], Measure[], Measure[]];
  const ratio = (a: Measure[], b: Measure[]) => spread(a.map((x, i) => x.seconds / b[i]!.seconds), 2, "×");
  console.log(`  score --jobs 1 ÷ floor              ${ratio(one, floor)}   (target ≤ 1.5×)`);
  console.log(`  exceljs load ÷ score --jobs 1       ${ratio(exceljs, one)}   (target ≥ 2.5×)`);
  console.log(`  exceljs load ÷ score --jobs 2       ${ratio(exceljs, two)}   (target ≥ 4×)`);
  console.log(`  exceljs load ÷ score (default jobs) ${ratio(exceljs, byDefault)}`);
  // CPU time (user + system, all threads) of the same runs: what the wall-clock ratios come to on a quiet machine.
  const cpu = (a: Measure[], b: Measure[]) => spread(a.map((x, i) => x.cpuSeconds / b[i]!.cpuSeconds), 2, "×");
  console.log(`  CPU: score --jobs 1 ÷ floor ${cpu(one, floor)}, exceljs load ÷ score --jobs 1 ${cpu(exceljs, one)}, score --jobs 2 ÷ --jobs 1 ${cpu(two, one)}`);
  console.log(`  (${load()})`);
}

// The cross-over: from how many files two threads (this one and a worker) beat this thread alone.
if (process.argv.includes("--crossover")) {
  const all = await workbooks(1000);
  console.log(`\ncross-over, one thread ÷ two (this one and a worker; above 1: two are faster) (${load()})`);
  for (const n of [16, 64, 128, 256, 512, 1000]) {
    const dir = join(cache, `subset-${n}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    for (const f of readdirSync(all).sort().slice(0, n)) symlinkSync(join(all, f), join(dir, f));
    const inProcess: number[] = [];
    const workers: number[] = [];
    for (let r = 0; r < reps; r++) {
      inProcess.push(measure("in-process", dir).seconds);
      workers.push(measure("workers", dir, "2").seconds);
    }
    console.log(`  ${String(n).padStart(4)} files   one thread ${spread(inProcess, 2, " s")}   two ${spread(workers, 2, " s")}   ratio ${spread(inProcess.map((x, i) => x / workers[i]!), 2, "×")}`);
  }
}

// One workbook: what a small run costs, against Node's own start-up and the reading itself.
if (!reportOnly) {
  const file = join(await workbooks(200), "institution-0001.xlsx");
  const node0: number[] = [];
  const score1: number[] = [];
  const parts: Measure[] = [];
  for (let r = 0; r < Math.max(5, reps); r++) {
    node0.push(wall(["-e", "0"]));
    score1.push(wall([bin, "score", file, "--json"]));
    parts.push(measure("startup", file));
  }
  const read = parts.map((p) => p.readSeconds!);
  console.log(`\none workbook (${load()})`);
  console.log(`  node -e 0                        ${spread(node0, 3, " s")}`);
  console.log(`  assess score FILE (wall)         ${spread(score1, 3, " s")}`);
  console.log(`  of which, in-process: loading the code ${spread(parts.map((p) => p.importSeconds!), 3, " s")}, loading and checking the modules ${spread(parts.map((p) => p.modulesSeconds!), 3, " s")}, reading the workbook ${spread(read, 3, " s")}, scoring ${spread(parts.map((p) => p.scoreSeconds!), 3, " s")}`);
  console.log(`  score ÷ (node -e 0 + read)        ${spread(score1.map((s, i) => s / (node0[i]! + read[i]!)), 2, "×")}   (target ≤ 2×)`);
}

// The report at regional scale: results files of 1,000 and 5,000 institutions (generated and
// scored here, kept in bench-data/), all formats. Memory should stay flat, time grow linearly.
if (!process.argv.includes("--no-report")) {
  const sizes = flag("--institutions").length ? flag("--institutions") : [1000, 5000];
  const rows: { n: number; m: Measure }[] = [];
  for (const n of sizes) {
    const dir = join(cache, `results-${n}`);
    if (!existsSync(dir) || readdirSync(dir).length !== n) {
      process.stdout.write(`generating ${n} results files in ${dir} ... `);
      rmSync(dir, { recursive: true, force: true });
      generateResults(dir, n, modules);
      console.log("done");
    }
    const m = measure("report", dir);
    rows.push({ n, m });
    console.log(`\nreport for ${n} institutions (${REPORT_FORMATS.join(", ")}): ${m.seconds.toFixed(1)} s (${((1000 * m.seconds) / n).toFixed(1)} s per 1,000), peak ${m.maxRssMB.toFixed(0)} MB (${load()})`);
  }
  if (rows.length >= 2) {
    const [a, b] = [rows[0]!, rows[rows.length - 1]!];
    console.log(`  ${b.n} ÷ ${a.n} institutions: time ${(b.m.seconds / a.m.seconds).toFixed(2)}× (linear: ${(b.n / a.n).toFixed(2)}×), peak memory ${(b.m.maxRssMB / a.m.maxRssMB).toFixed(2)}× (flat: 1×; target ≤ 400 MB)`);
  }
}
