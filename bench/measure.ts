// Runs one measured job in this process and prints its time and peak memory as JSON:
//   floor DIR          — inflate (fflate) and tokenise (saxes) every worksheet and the shared
//                        strings of every workbook in DIR, nothing else: the floor of reading
//   load DIR           — a bare exceljs load of every workbook in DIR: the earlier reader
//   score DIR [JOBS]   — `assess score DIR --json` (output discarded), with --jobs JOBS if given
//   startup FILE       — what one `assess score FILE` spends on: loading the code, loading and
//                        checking the modules, reading the workbook, scoring it
//   in-process DIR     — score every file in this thread, as `assess score` does for small batches
//   workers DIR [JOBS] — score every file on JOBS threads (default 2), this one and JOBS - 1 workers, as for large ones
//   report DIR         — `assess report DIR` on results files, all formats
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const [mode, path, jobs] = process.argv.slice(2) as [string, string, string | undefined];
const files = statSync(path).isDirectory() ? readdirSync(path).filter((f) => f.endsWith(mode === "report" ? ".json" : ".xlsx")).sort().map((f) => join(path, f)) : [path];
const extra: Record<string, number> = {};
const start = process.hrtime.bigint();
const since = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;

if (mode === "floor") {
  const { unzipSync } = await import("fflate");
  const { SaxesParser } = await import("saxes");
  const wanted = /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/;
  for (const f of files) {
    const parts = unzipSync(readFileSync(f), { filter: (e) => wanted.test(e.name) });
    for (const bytes of Object.values(parts)) new SaxesParser({ position: false }).write(new TextDecoder().decode(bytes)).close();
  }
} else if (mode === "load") {
  const ExcelJS = ((await import("exceljs")) as unknown as { default: typeof import("exceljs") }).default;
  for (const f of files) await new ExcelJS.Workbook().xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
} else if (mode === "startup") {
  let t = process.hrtime.bigint();
  const { requireModules } = await import("../src/io/modules.js");
  const { scoreRead } = await import("../src/io/pipeline.js");
  const { readWorkbookAnswers } = await import("../src/io/ingest-workbook.js");
  extra.importSeconds = since(t);
  t = process.hrtime.bigint();
  const modules = await requireModules();
  extra.modulesSeconds = since(t);
  t = process.hrtime.bigint();
  const read = await readWorkbookAnswers(files[0]!, modules);
  extra.readSeconds = since(t);
  t = process.hrtime.bigint();
  scoreRead(read, modules);
  extra.scoreSeconds = since(t);
  // From the process's start: Node's own start-up is in this figure, not in `seconds`.
  extra.sinceProcessStart = performance.now() / 1000;
} else if (mode === "in-process" || mode === "workers") {
  // The two ways `assess score` can go, whatever the batch size: for the cross-over.
  // Each scored and rendered as for `assess score --json`.
  const { requireModules } = await import("../src/io/modules.js");
  const options = { lang: "en", scorecards: false, line: true, file: false } as const;
  const modules = requireModules();
  const { scoreInput } = await import("../src/io/pipeline.js");
  const { renderOutcome } = await import("../src/report/score-outcome.js");
  const here = async (f: string) => {
    const loaded = await modules;
    return (await scoreInput(f, loaded)).map((o) => renderOutcome(o, loaded, options));
  };
  if (mode === "workers") {
    // JOBS threads score, this one among them, as `assess score --jobs JOBS` does.
    const { scoreOnWorkers } = await import("../src/io/worker-pool.js");
    const setup = modules.then((m) => ({ modules: m, options, colour: 0 }));
    for await (const _ of scoreOnWorkers(new URL("../src/commands/score-worker.js", import.meta.url), files, Math.min(files.length, Number(jobs ?? 2)) - 1, setup, here));
  } else {
    for (const f of files) await here(f);
  }
} else if (mode === "report") {
  const { main } = await import("../src/index.js");
  const out = join(path, "..", `${path.split("/").pop()}-report`);
  // The generated results files have no manifest (no score run made them): --allow-incomplete.
  const code = await main(["node", "assess", "report", path, "-o", out, "--force", "--date", "2026-12-01", "--allow-incomplete"]);
  if (code !== 0) throw new Error(`assess report exited with ${code}`);
} else {
  const { main } = await import("../src/index.js");
  // Results go to /dev/null: the benchmark measures scoring, not the terminal.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  await main(["node", "assess", "score", path, "--json", ...(jobs ? ["--jobs", jobs] : [])]);
  process.stdout.write = write;
}
const seconds = since(start);
// CPU of every thread of the process (user + system), from its start: on a machine others load, this moves less than the wall clock.
const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ mode, files: files.length, seconds, cpuSeconds: (userCPUTime + systemCPUTime) / 1e6, maxRssMB: maxRSS / 1024, ...extra })}\n`);
process.exit(0);
