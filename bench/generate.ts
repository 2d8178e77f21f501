// Generates N filled questionnaires for fictional institutions: random but reproducible answers.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ANSWERS_FORMAT } from "../src/core/answers.js";
import type { Answer, AnswerSet } from "../src/core/answers.js";
import { optionsOf } from "../src/core/model.js";
import type { Module, Question } from "../src/core/model.js";
import { buildQuestionnaire } from "../src/core/questionnaire.js";
import type { Questionnaire } from "../src/core/questionnaire.js";
import { RESULTS_FORMAT } from "../src/core/results.js";
import { METHOD_VERSION } from "../src/core/scoring.js";
import { scoreRead } from "../src/io/pipeline.js";
import { buildTemplate } from "../src/io/template.js";
import { writeWorkbook } from "../src/io/xlsx.js";
import { fillWorkbook } from "../test/helpers/fill-workbook.js";

/** mulberry32: a small seeded generator, so every run writes the same files. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function answerFor(q: Question, r: () => number): Answer | undefined {
  const x = r();
  if (x < 0.08) return undefined;
  if (x < 0.13 && q.type !== "text") return { value: "dont_know" };
  const opts = optionsOf(q);
  switch (q.type) {
    case "single_choice":
    case "yes_no":
      return { value: opts[Math.floor(r() * opts.length)]!.value };
    case "multiple_choice": {
      const practices = opts.filter((o) => !o.exclusive);
      const chosen = practices.filter(() => r() < 0.5).map((o) => o.value);
      return { value: chosen.length ? chosen : [opts.find((o) => o.exclusive)?.value ?? practices[0]!.value] };
    }
    case "number":
      return { value: Math.floor(r() * (typeof q.max === "number" ? q.max : 30)) };
    case "date":
      return { value: `202${Math.floor(r() * 6)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}` };
    case "text":
      return { value: `Fictional remark ${Math.floor(r() * 1000)}` };
  }
}

/** The answers of n fictional institutions, one after the other (seeded: the same every run). */
function* answerSets(n: number, q: Questionnaire, seed: number, r = rng(seed)): Generator<{ i: number; set: AnswerSet; r: () => number }> {
  for (let i = 1; i <= n; i++) {
    const set: AnswerSet = {
      format: ANSWERS_FORMAT,
      fictional: true,
      institution: { id: `bench-${i}`, name: `Benchmark institution ${i} (fictional)` },
      date: "2026-11-20",
      modules: Object.fromEntries(q.modules.map((m) => [m.id, m.version])),
      answers: {},
      datasets: [],
    };
    const datasetCount = 1 + Math.floor(r() * 4);
    for (let d = 0; d < datasetCount; d++) set.datasets.push({ id: `d${d}`, name: `Register ${d + 1}`, answers: {} });
    for (const p of q.questions) {
      if (p.section.scope === "institution") {
        const a = answerFor(p.question, r);
        if (a) set.answers[p.question.id] = a;
      } else {
        for (const ds of set.datasets) {
          const a = answerFor(p.question, r);
          if (a) ds.answers[p.question.id] = a;
        }
      }
    }
    yield { i, set, r };
  }
}

export async function generateWorkbooks(dir: string, n: number, modules: Module[], seed = 1): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const q = buildQuestionnaire(modules);
  const template = await writeWorkbook(buildTemplate(q, "both", new Date("2026-01-01T00:00:00Z")).spec);
  const files: string[] = [];
  for (const { i, set, r } of answerSets(n, q, seed)) {
    const file = join(dir, `institution-${String(i).padStart(4, "0")}.xlsx`);
    writeFileSync(file, await fillWorkbook(template, set, modules, { labels: r() < 0.5 ? "en" : "th" }));
    files.push(file);
  }
  return files;
}

/**
 * Results files of n fictional institutions, scored here (no workbook in between): one
 * results document per institution, as `assess score -o` writes beside results.json.
 */
export function generateResults(dir: string, n: number, modules: Module[], seed = 2): void {
  mkdirSync(dir, { recursive: true });
  const q = buildQuestionnaire(modules);
  for (const { i, set } of answerSets(n, q, seed)) {
    const scored = scoreRead({ source: `institution-${String(i).padStart(5, "0")}.xlsx`, set, problems: [] }, modules);
    const doc = { format: RESULTS_FORMAT, method: METHOD_VERSION, results: [scored], failed: [] };
    writeFileSync(join(dir, `institution-${String(i).padStart(5, "0")}.results.json`), `${JSON.stringify(doc)}\n`);
  }
}
