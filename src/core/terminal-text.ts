// Text from an input (a name, an answer, a file name) made safe to print on a terminal: no
// escape sequence can move the cursor, erase a line, set the window title or reorder text.

/** ESC sequences: CSI (`ESC [ … final`), OSC/DCS/SOS/PM/APC strings up to their terminator, and two-byte escapes. */
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[ -/]*[0-~]?)/g;
/** SGR (colour) sequences: the only escapes our own renderers write. */
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;
/** Line breaks and tabs: a space, so that words stay apart. */
const BREAKS = /\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** What is left to remove: C0 and DEL, C1, and the bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export interface TerminalTextOptions {
  /** Keep `\n` (text printed on several lines, such as a question's help); other breaks become `\n`. */
  newlines?: boolean;
  /** Keep colour (SGR) sequences: for text our renderers coloured, with its inputs already made safe. */
  colours?: boolean;
}

/** `s` without control characters: breaks become a space (or stay `\n` with `newlines`), escapes and the rest go. */
export function terminalText(s: string, options: TerminalTextOptions = {}): string {
  if (options.colours) {
    // The text between colour sequences is cleaned; the sequences themselves are kept as they are.
    const colours = s.match(SGR) ?? [];
    return s
      .split(SGR)
      .map((part, i) => clean(part, options.newlines ?? false) + (colours[i] ?? ""))
      .join("");
  }
  return clean(s, options.newlines ?? false);
}

function clean(s: string, newlines: boolean): string {
  const out = s.replace(ESCAPES, "").replace(BREAKS, newlines ? "\n" : " ");
  return newlines ? out.split("\n").map(strip).join("\n") : strip(out);
}

function strip(s: string): string {
  return s.replace(CONTROLS, "");
}

/** The prompts' own words on a terminal (key hints, yes and no), in the interviewer's language. */
export const PROMPT_WORDS = {
  navigate: { en: "navigate", th: "เลื่อน" },
  select: { en: "select", th: "เลือก" },
  submit: { en: "submit", th: "ยืนยัน" },
  all: { en: "all", th: "ทั้งหมด" },
  invert: { en: "invert", th: "สลับ" },
  space: { en: "space", th: "เว้นวรรค" },
  yes: { en: "Yes", th: "ใช่" },
  no: { en: "No", th: "ไม่ใช่" },
  yesNoKeys: { en: "y/n", th: "y = ใช่, n = ไม่ใช่" },
  yesNoError: { en: 'Answer "y" (Yes) or "n" (No).', th: 'ตอบ "y" (ใช่) หรือ "n" (ไม่ใช่)' },
} as const;
