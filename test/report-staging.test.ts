// A report is one whole: every format is written to a staging folder and moved in place
// together, so a format that fails leaves the folder's earlier report as it was, and no mix.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reportCommand } from "../src/commands/report.js";
import { FORMAT_WRITERS } from "../src/commands/report-formats.js";
import type { FormatWriter, ReportFormat } from "../src/commands/report-formats.js";

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };
const options = (output: string) => ({ paths: ["examples/answers"], output, formats: ["md", "html", "json"] as ReportFormat[], date: "2026-12-01", force: true });

describe("a report's formats land together", () => {
  it("a format that fails leaves the earlier report whole, and nothing of the new one", async () => {
    const out = mkdtempSync(join(tmpdir(), "assess-stage-"));
    const old = { "report.md": "old md\n", "report.html": "<p>old</p>\n", "report.json": "{}\n" };
    for (const [n, t] of Object.entries(old)) writeFileSync(join(out, n), t);
    // html and md are written first; json fails, as a full disk or a bug would.
    const failing: Record<ReportFormat, FormatWriter> = { ...FORMAT_WRITERS, json: { file: "report.json", write: () => Promise.reject(new Error("injected failure")) } };
    await expect(reportCommand(options(out), quiet, failing)).rejects.toThrow("injected failure");
    expect(readdirSync(out).sort()).toEqual(Object.keys(old).sort());
    for (const [n, t] of Object.entries(old)) expect(readFileSync(join(out, n), "utf8")).toBe(t);
  });

  it("a report without institution pages removes the pages an earlier report left", async () => {
    const out = mkdtempSync(join(tmpdir(), "assess-stage-"));
    mkdirSync(join(out, "institutions"));
    writeFileSync(join(out, "institutions", "old.html"), "old");
    await reportCommand(options(out), quiet);
    expect(readdirSync(out).sort()).toEqual(["report.html", "report.json", "report.md"]);
  });
});
