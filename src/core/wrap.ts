// Text wrapped for a terminal by us, before a prompt library does it by character: Thai has no
// spaces between words, and a break before a vowel or tone mark detaches it (ผู้ย้ายถิ่น → ผ / ย้ายถิ่น).
// Lines break between words (Intl.Segmenter, Thai dictionary); width is counted per grapheme.

const words = new Intl.Segmenter("th", { granularity: "word" });
const graphemes = new Intl.Segmenter("th", { granularity: "grapheme" });

/** Code points a terminal draws in no cell: marks, zero-width characters, controls. */
const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]$/u;
/** East Asian wide and fullwidth code points, and emoji pictographs: two cells. */
const WIDE = /^[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]$/u;

/** Cells a string takes on a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const c of s) w += ZERO.test(c) ? 0 : WIDE.test(c) ? 2 : 1;
  return w;
}

export interface WrapOptions {
  /** Cells already taken on the first line (a prompt's "? "). */
  first?: number;
  /** Spaces before each line after the first (a choice's continuation under its name). */
  indent?: number;
}

/** `text` with line breaks added so that no line is wider than `width`; its own line breaks are kept. */
export function wrapText(text: string, width: number, options: WrapOptions = {}): string {
  const indent = " ".repeat(options.indent ?? 0);
  let first = options.first ?? 0;
  return text
    .split("\n")
    .map((paragraph, i) => {
      const lines = wrapParagraph(paragraph, Math.max(1, width - (i === 0 ? first : indent.length)), Math.max(1, width - indent.length));
      first = 0;
      return lines.join(`\n${indent}`);
    })
    .join(`\n${indent}`);
}

/**
 * The pieces a line may break between: spaces, and runs of text without spaces. A run with Thai
 * in it is cut into words, punctuation kept with the word before it ("(" with the word after);
 * a run without Thai (an English word, e-mail, 2025-06-30) stays whole.
 */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const run of text.split(/(\s+)/)) {
    if (run === "") continue;
    if (!/\p{Script=Thai}/u.test(run)) {
      out.push(run);
      continue;
    }
    let open = "";
    const start = out.length;
    for (const { segment, isWordLike } of words.segment(run)) {
      if (!isWordLike && /^[([{"'“‘]+$/u.test(segment)) open += segment;
      else if (!isWordLike && out.length > start) {
        out[out.length - 1] += open + segment;
        open = "";
      } else {
        out.push(open + segment);
        open = "";
      }
    }
    if (open) out.push(open);
  }
  return out;
}

function wrapParagraph(text: string, firstWidth: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  let used = 0;
  const room = () => (lines.length === 0 ? firstWidth : width);
  const push = () => {
    lines.push(line.trimEnd());
    line = "";
    used = 0;
  };
  for (const segment of tokens(text)) {
    const w = displayWidth(segment);
    if (used + w <= room()) {
      line += segment;
      used += w;
      continue;
    }
    // Spaces at a break are dropped; a word goes to the next line whole.
    if (segment.trim() === "") {
      if (line !== "") push();
      continue;
    }
    if (line.trim() !== "") push();
    else {
      line = "";
      used = 0;
    }
    // A word longer than a whole line is cut between graphemes, never inside one.
    for (const { segment: g } of graphemes.segment(segment)) {
      const gw = displayWidth(g);
      if (used + gw > room() && line !== "") push();
      line += g;
      used += gw;
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
