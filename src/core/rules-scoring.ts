// Rules for how a question is scored: options and their levels, level sets, ranges, bands
// and band sets.
import { DONT_KNOW, NOT_APPLICABLE, isScored, optionsOf } from "./model.js";
import type { Band, Condition, Option, Question } from "./model.js";
import type { DocPath } from "./problems.js";
import { checkText } from "./rule-kit.js";
import type { Push } from "./rule-kit.js";
import { withLevelSet } from "./score-sets.js";

/** Checks a condition asked at `path` (it must look back from the question). */
export type CheckWhen = (c: Condition, path: DocPath) => void;

export function checkOptions(push: Push, q: Question, path: DocPath): void {
  const given = q.options ?? [];
  // Options copied from a shared scale are reported at the question's `scale`; their own
  // words, values and labels are the scale file's, checked there.
  const at = (i: number, ...rest: (string | number)[]): DocPath => (q.scale !== undefined ? [...path, "scale"] : [...path, "options", i, ...rest]);
  const values = new Set<string>();
  given.forEach((o, i) => {
    if (q.scale === undefined) {
      if (values.has(o.value)) push("DUPLICATE_OPTION", { value: o.value }, at(i, "value"));
      if (o.value === DONT_KNOW || o.value === NOT_APPLICABLE) push("RESERVED_OPTION", { value: o.value }, at(i, "value"));
      if (o.label) checkText(push, o.label, at(i, "label"));
      else if (q.type !== "yes_no") push("OPTION_LABEL_MISSING", {}, at(i));
      if (o.recommendation) checkText(push, o.recommendation, at(i, "recommendation"));
    }
    values.add(o.value);
    if (q.type !== "multiple_choice" && (o.weight !== undefined || o.exclusive !== undefined)) push("WEIGHT_NOT_ALLOWED", {}, at(i));
    if (q.type === "multiple_choice" && o.level !== undefined) push("LEVEL_NOT_ALLOWED", {}, at(i, "level"));
    if (q.type === "multiple_choice" && o.exclusive && o.weight !== undefined) push("EXCLUSIVE_WEIGHT", {}, at(i, "weight"));
  });

  if (q.type === "yes_no") {
    const ok = given.length === 2 && values.has("yes") && values.has("no");
    if (!ok) push("YES_NO_OPTIONS", {}, [...path, "options"]);
  }

  if (!isScored(q)) {
    given.forEach((o, i) => {
      if (o.level !== undefined || o.weight !== undefined) push("UNSCORED_LEVEL", { on: "options" }, at(i));
    });
    return;
  }

  if (q.type === "single_choice" || q.type === "yes_no") {
    given.forEach((o, i) => {
      if (o.level === undefined) push("LEVEL_MISSING", {}, at(i));
    });
    checkLevelAdvice(push, q, optionsOf(q), (value) => {
      const i = given.findIndex((g) => g.value === value);
      return i >= 0 ? at(i) : path;
    });
  } else if (q.type === "multiple_choice") {
    const practices = given.filter((o) => !o.exclusive);
    if (practices.length === 0) push("NO_PRACTICES", {}, q.scale !== undefined ? [...path, "scale"] : [...path, "options"]);
    given.forEach((o, i) => {
      if (!o.exclusive && !o.recommendation && !q.recommendation) push("RECOMMENDATION_MISSING", { of: "practice", value: o.value }, at(i));
    });
  }
}

/** Every option below the top level needs a recommendation, its own or the question's. */
function checkLevelAdvice(push: Push, q: Question, options: readonly Option[], where: (value: string) => DocPath): void {
  let top = -1;
  for (const o of options) top = Math.max(top, o.level ?? -1);
  for (const o of options) {
    if (o.level !== undefined && o.level < top && !o.recommendation && !q.recommendation) push("RECOMMENDATION_MISSING", { of: "option", value: o.value }, where(o.value));
  }
}

/** Level sets: single choice and yes/no only, on scored questions, naming options the question has. */
export function checkLevelSets(push: Push, q: Question, path: DocPath, checkWhen: CheckWhen): void {
  const sets = q.level_sets ?? [];
  if (q.type === "multiple_choice") return push("LEVEL_NOT_ALLOWED", {}, [...path, "level_sets"]);
  if (!isScored(q)) push("UNSCORED_LEVEL", { on: "options" }, [...path, "level_sets"]);
  const values = optionsOf(q).map((o) => o.value);
  sets.forEach((set, k) => {
    const spath: DocPath = [...path, "level_sets", k];
    checkWhen(set.when, [...spath, "when"]);
    const seen = new Set<string>();
    set.levels.forEach((l, i) => {
      const lpath: DocPath = [...spath, "levels", i];
      if (!values.includes(l.value)) push("UNKNOWN_LEVEL_VALUE", { value: l.value, values }, [...lpath, "value"]);
      if (seen.has(l.value)) push("DUPLICATE_OPTION", { value: l.value }, [...lpath, "value"]);
      seen.add(l.value);
      if (l.recommendation) checkText(push, l.recommendation, [...lpath, "recommendation"]);
    });
    if (!isScored(q)) return;
    checkLevelAdvice(push, q, withLevelSet(optionsOf(q), set), (value) => {
      const i = set.levels.findIndex((l) => l.value === value);
      return i >= 0 ? [...spath, "levels", i] : spath;
    });
  });
}

export function checkRangeAndBands(push: Push, q: Question, path: DocPath, checkWhen: CheckWhen): void {
  const isDate = q.type === "date";
  for (const key of ["min", "max"] as const) {
    const v = q[key];
    if (v === undefined) continue;
    const ok = isDate ? typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) : typeof v === "number";
    if (!ok) push("BAD_RANGE", { rule: isDate ? "date_limit" : "number_limit" }, [...path, key]);
  }
  if (isDate && q.integer !== undefined) push("BAD_RANGE", { rule: "integer_on_date" }, [...path, "integer"]);
  if (q.bands) {
    if (!isScored(q)) push("UNSCORED_LEVEL", { on: "bands" }, [...path, "bands"]);
    checkBands(push, q, q.bands, [...path, "bands"]);
  }
  if (q.band_sets && !isScored(q)) push("UNSCORED_LEVEL", { on: "bands" }, [...path, "band_sets"]);
  q.band_sets?.forEach((set, k) => {
    checkWhen(set.when, [...path, "band_sets", k, "when"]);
    checkBands(push, q, set.bands, [...path, "band_sets", k, "bands"]);
  });
}

/** One list of bands: the right keys for the type, not empty, not overlapping, advice below the top. */
function checkBands(push: Push, q: Question, bands: readonly Band[], path: DocPath): void {
  const isDate = q.type === "date";
  const [lo, hi] = isDate ? (["min_months", "max_months"] as const) : (["min", "max"] as const);
  const intervals: { lo: number; hi: number; i: number }[] = [];
  const top = Math.max(...bands.map((b) => b.level));
  bands.forEach((b, i) => {
    const bpath: DocPath = [...path, i];
    const wrong = isDate ? b.min !== undefined || b.max !== undefined : b.min_months !== undefined || b.max_months !== undefined;
    if (wrong) push("BAD_BAND", { rule: isDate ? "date_keys" : "number_keys" }, bpath);
    const l = b[lo] ?? -Infinity;
    const h = b[hi] ?? Infinity;
    if (!(l < h)) push("BAD_BAND", { rule: "empty", from: lo, to: hi }, bpath);
    intervals.push({ lo: l, hi: h, i });
    if (b.label) checkText(push, b.label, [...bpath, "label"]);
    if (b.recommendation) checkText(push, b.recommendation, [...bpath, "recommendation"]);
    if (b.level < top && !b.recommendation && !q.recommendation) push("RECOMMENDATION_MISSING", { of: "band" }, bpath);
  });
  intervals.sort((a, b) => a.lo - b.lo);
  for (let k = 1; k < intervals.length; k++) {
    if (intervals[k]!.lo < intervals[k - 1]!.hi) push("BAND_OVERLAP", {}, [...path, intervals[k]!.i]);
  }
}
