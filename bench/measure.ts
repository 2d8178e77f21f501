// Runs one measured job in this process and prints its time and peak memory as JSON:
//   score DIR   — `assess score DIR --json` (output discarded)
//   load DIR    — a bare exceljs load of every workbook in DIR: the floor
//   report DIR  — `assess report DIR` on results files, all four formats
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../src/index.js";

const [mode, dir] = process.argv.slice(2) as [string, string];
const files = readdirSync(dir).filter((f) => f.endsWith(".xlsx")).sort().map((f) => join(dir, f));
const start = process.hrtime.bigint();
if (mode === "load") {
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
  }
} else if (mode === "report") {
  const out = join(dir, "..", `${dir.split("/").pop()}-report`);
  const code = await main(["node", "assess", "report", dir, "-o", out, "--force", "--date", "2026-12-01"]);
  if (code !== 0) throw new Error(`assess report exited with ${code}`);
} else {
  // Results go to /dev/null: the benchmark measures scoring, not the terminal.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  await main(["node", "assess", "score", dir, "--json"]);
  process.stdout.write = write;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(`${JSON.stringify({ mode, files: files.length, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
process.exit(0);
