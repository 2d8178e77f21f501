// Text from inputs printed on a terminal: no escape sequence, control character or bidi
// override reaches it, whichever renderer prints the text.
import { describe, expect, it } from "vitest";
import { formatProblem } from "../src/core/problem-words.js";
import { problem } from "../src/core/problems.js";
import { terminalText } from "../src/core/terminal-text.js";
import type { FailedInput } from "../src/core/results.js";
import { safePrompter } from "../src/io/prompts.js";
import type { Prompter } from "../src/io/prompts.js";
import { renderFailure, renderSummary } from "../src/report/terminal.js";

const ESC = "\u001b";
// Anything a terminal acts on: C0 (ESC, BEL, CR, BS…), DEL, C1, and the bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** Text without the colours our renderers add. */
const uncoloured = (s: string) => s.replace(new RegExp(`${ESC}\\[[0-9;]*m`, "g"), "");

describe("terminalText", () => {
  it.each([
    ["erase a line and fake a summary", `bad${ESC}[1A${ESC}[2K\r8 scored, 0 failed`, "bad 8 scored, 0 failed"],
    ["set the window title (BEL)", `x${ESC}]0;pwned\u0007y`, "xy"],
    ["set the window title (ST)", `x${ESC}]2;pwned${ESC}\\y`, "xy"],
    ["hyperlink (OSC 8)", `${ESC}]8;;http://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`, "click"],
    ["colour", `${ESC}[31mred${ESC}[0m`, "red"],
    ["private mode (hide cursor)", `a${ESC}[?25lb`, "ab"],
    ["two-byte escape (save cursor, reset)", `a${ESC}7b${ESC}cc`, "abc"],
    ["DCS string", `a${ESC}Pq#0;2;0;0;0${ESC}\\b`, "ab"],
    ["escape cut short", `a${ESC}[12`, "a"],
    ["lone escape", `a${ESC}`, "a"],
    ["8-bit CSI (C1)", "a\u009b2Jb", "a2Jb"],
    ["C1 next line", "a\u0085b", "a b"],
    ["newline fakes a line", "Office\n✔ 8 scored, 0 failed", "Office ✔ 8 scored, 0 failed"],
    ["CRLF", "a\r\nb", "a b"],
    ["lone CR", "a\rb", "a b"],
    ["line and paragraph separators", "a\u2028b\u2029c", "a b c"],
    ["tab", "a\tb", "a b"],
    ["backspace, bell, NUL, DEL", "a\b\u0007\u0000\u007fb", "ab"],
    ["right-to-left override", "invoice\u202Egpj.exe", "invoicegpj.exe"],
    ["bidi isolates", "a\u2066b\u2069c\u2067d\u2068e", "abcde"],
    ["Thai with combining marks stays", "กรมการจัดหางาน", "กรมการจัดหางาน"],
    ["plain text stays", "Ministry of Interior · 2026-11-20", "Ministry of Interior · 2026-11-20"],
  ])("%s", (_what, hostile, safe) => {
    expect(terminalText(hostile)).toBe(safe);
    expect(terminalText(hostile)).not.toMatch(ACTIVE);
  });

  it("keeps line breaks as \\n when asked, and only those", () => {
    expect(terminalText(`a\r\nb\rc\u2028d${ESC}[2Ke`, { newlines: true })).toBe("a\nb\nc\nde");
  });

  it("keeps colour sequences when asked, and removes every other escape", () => {
    const ours = `${ESC}[1mTitle${ESC}[22m`;
    expect(terminalText(`${ours} ${ESC}]0;t\u0007${ESC}[2K`, { colours: true })).toBe(`${ours} `);
  });
});

describe("terminal renderers print inputs without control characters", () => {
  const hostileName = `bad${ESC}[1A${ESC}[2K\r8 scored, 0 failed`;

  it("in the summary", () => {
    const failed: FailedInput[] = [{ source: `x${ESC}]0;title\u0007.csv`, problems: [] }];
    const text = renderSummary([{ institution: hostileName, source: "a.csv", scores: { collection: 50, sharing: 50, hosting: 50 }, critical: 0, errors: 0 }], failed);
    expect(uncoloured(text)).not.toMatch(ACTIVE);
    expect(text).toContain("x.csv");
  });

  it("in problems, whose args come from the input", () => {
    const p = problem("UNKNOWN_ROW", { row: 3, id: `q1\n${ESC}[2K✔ all good` }, `in${ESC}[8m.xlsx`, []);
    const line = formatProblem(p, "en");
    expect(line).not.toMatch(ACTIVE);
    expect(line.split("\n")).toHaveLength(1);
    const failure = renderFailure({ source: `in\r.xlsx`, problems: [p] }, "en");
    expect(uncoloured(failure).split("\n")).toHaveLength(3);
  });
});

describe("the interview's prompter", () => {
  it("passes prompts and printed text on without control characters", async () => {
    const seen: string[] = [];
    const inner: Prompter = {
      select: async (o) => (seen.push(o.message, ...(o.help ?? []).flat(), ...o.choices.map((c) => c.name)), o.choices[0]!.value),
      checkbox: async (o) => (seen.push(o.message, ...o.choices.map((c) => c.name)), []),
      input: async (o) => (seen.push(o.message, o.default ?? ""), ""),
      confirm: async (o) => (seen.push(o.message), true),
      print: (text) => void seen.push(text),
    };
    const p = safePrompter(inner);
    await p.select({ message: `Resume ${ESC}]0;t\u0007?`, choices: [{ name: `a\rb`, value: 1 }], help: [[`Esc${ESC}[2J`, `back ${ESC}[2J`]] });
    await p.checkbox({ message: "m\u202E", choices: [{ name: `${ESC}[2Kx`, value: 1 }] });
    await p.input({ message: "Comment", default: `old\n${ESC}[1A` });
    await p.confirm({ message: `ok${ESC}c` });
    p.print(`${ESC}[1mHeading${ESC}[22m\nline ${ESC}[2K two\r`);
    for (const s of seen) expect(uncoloured(s)).not.toMatch(ACTIVE);
    expect(seen.at(-1)).toBe(`${ESC}[1mHeading${ESC}[22m\nline  two\n`);
  });
});
