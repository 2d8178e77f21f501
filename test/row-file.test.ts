// The long tables of a report of thousands, set aside on disk and read back as they are
// iterated: every row comes back as it was, in order, as often as it is read.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RowFile } from "../src/io/row-file.js";
import { SHARED_TEXTS, SharedTexts, ownTexts, sharedTexts } from "../src/core/report-slim.js";
import type { InstitutionResult } from "../src/core/results.js";

describe("a row file", () => {
  it("gives back every row as it was, in order, each time it is read", () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-rows-"));
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string({ unit: "binary" }), n: fc.integer(), list: fc.array(fc.string({ unit: "grapheme" })) }), { maxLength: 60 }), (rows) => {
        const file = RowFile.open<(typeof rows)[number]>(dir);
        try {
          for (const r of rows) file.add(r);
          expect(file.length).toBe(rows.length);
          expect([...file]).toEqual(rows);
          expect([...file]).toEqual(rows);
        } finally {
          file.remove();
        }
      }),
      { numRuns: 200 },
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("reads rows across its 1 MiB blocks, a Thai character split between two among them, and a row larger than a block", () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-rows-"));
    const file = RowFile.open<{ k: number; text: string }>(dir);
    // Rows of odd sizes in three-byte characters: their ends fall anywhere in a block, inside a character too.
    const rows = Array.from({ length: 3000 }, (_, k) => ({ k, text: "ข้อมูลเด็กข้ามชาติ\u2028\n".repeat(1 + (k % 37)) }));
    rows.splice(1500, 0, { k: -1, text: "ก".repeat(1_500_000) });
    for (const r of rows) file.add(r);
    let k = 0;
    for (const r of file) expect(r).toEqual(rows[k++]);
    expect(k).toBe(rows.length);
    // Left part way and read again from the start, as a second format does.
    for (const r of file) if (r.k > 10) break;
    expect([...file].length).toBe(rows.length);
    file.remove();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("the recommendations the slim copies share", () => {
  const result = (recs: string[]) =>
    ({ scorecard: { gaps: recs.map((en, k) => ({ question: `q${k}`, recommendations: [{ en, th: `ไทย ${en}` }] })) } }) as unknown as InstitutionResult;

  it("are named by number on disk and read back as words", () => {
    const texts = new SharedTexts();
    const a = sharedTexts(result(["one", "two", "one"]), texts);
    expect(a.scorecard.gaps.map((g) => g.recommendations[0]!.en)).toEqual([0, 2, 0]);
    const back = ownTexts(JSON.parse(JSON.stringify(a)) as typeof a, texts);
    expect(back).toEqual(result(["one", "two", "one"]));
  });

  it("are kept at most SHARED_TEXTS in memory: past that, a text is written in the copy itself", () => {
    const texts = new SharedTexts();
    const many = Array.from({ length: SHARED_TEXTS }, (_, k) => `text ${k}`);
    // Each gap brings two texts, English and Thai.
    sharedTexts(result(many.slice(0, SHARED_TEXTS / 2)), texts);
    const late = sharedTexts(result(["text 0", "a new text"]), texts);
    expect(late.scorecard.gaps[0]!.recommendations[0]!.en).toBe(0);
    expect(late.scorecard.gaps[1]!.recommendations[0]!.en).toBe("a new text");
    expect(ownTexts(late, texts)).toEqual(result(["text 0", "a new text"]));
  });
});
