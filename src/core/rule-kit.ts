// What the module rules share: how a rule reports a problem, and how texts are found and checked.
import type { Text } from "./model.js";
import type { DocPath, ProblemArgs, ProblemCode, Severity } from "./problems.js";

/** A rule reports a problem at a path of the document it is checking (an error unless told). */
export type Push = <C extends ProblemCode>(code: C, args: ProblemArgs[C], path: DocPath, severity?: Severity) => void;

const THAI = /[\u0E00-\u0E7F]/;

export function checkText(push: Push, text: Text, path: DocPath): void {
  if (text.en.trim() === "") push("BLANK_TEXT", { lang: "en" }, [...path, "en"]);
  if (text.th.trim() === "") push("BLANK_TEXT", { lang: "th" }, [...path, "th"]);
  else if (!THAI.test(text.th)) push("THAI_MISSING", { text: text.th.slice(0, 40) }, [...path, "th"]);
}

function isText(x: object): x is Text {
  const keys = Object.keys(x);
  return keys.length === 2 && typeof (x as Text).en === "string" && typeof (x as Text).th === "string";
}

/**
 * Every en/th text in a document as written, with its path. Options copied in from a shared
 * scale are skipped: their words are the scale file's, and are checked there.
 */
export function forEachText(value: unknown, path: DocPath, fn: (text: Text, path: DocPath) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => forEachText(v, [...path, i], fn));
  } else if (value !== null && typeof value === "object") {
    if (isText(value)) return fn(value, path);
    const fromScale = typeof (value as { scale?: unknown }).scale === "string";
    for (const [k, v] of Object.entries(value)) if (!(fromScale && k === "options")) forEachText(v, [...path, k], fn);
  }
}
