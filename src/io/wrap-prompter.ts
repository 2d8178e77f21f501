// Every prompt text wrapped at word boundaries to the terminal's width before the prompt
// library draws it (it would break Thai between a letter and its vowel or tone mark).
import { wrapText } from "../core/wrap.js";
import type { Choice, Moving, Prompter } from "./prompts.js";

/** "? " before a message; "❯◯ " before a choice (the widest of select's and checkbox's). */
const MESSAGE_PREFIX = 2;
const CHOICE_PREFIX = 3;

/**
 * Cells before a choice's name: the stock prompts' CHOICE_PREFIX, or for the prompts with key
 * hints (src/io/nav-prompts.ts) "❯ ", a box "◉ " when several can be ticked, and " 12. " when numbered.
 */
function choicePrefix<T>(o: { choices: Choice<T>[]; numbered?: boolean } & Moving, multiple: boolean): number {
  if (o.help === undefined) return CHOICE_PREFIX;
  return 2 + (multiple ? 2 : 0) + (o.numbered ? String(o.choices.length).length + 2 : 0);
}

/** `columns()`: the terminal's width now (it may be resized between prompts). */
export function wrappingPrompter(p: Prompter, columns: () => number): Prompter {
  // One cell spare: a line that fills the last column makes some terminals wrap early.
  const width = () => Math.max(20, columns() - 1);
  const message = (s: string) => wrapText(s, width(), { first: MESSAGE_PREFIX });
  const text = (s: string) => wrapText(s, width());
  const choices = <T>(cs: Choice<T>[], prefix: number) =>
    cs.map((c) => ({
      ...c,
      name: wrapText(c.name, width(), { first: prefix, indent: prefix }),
      ...(c.description !== undefined ? { description: text(c.description) } : {}),
    }));
  const checked = <A>(validate: ((a: A) => true | string) | undefined) =>
    validate
      ? {
          validate: (a: A) => {
            const r = validate(a);
            return r === true ? true : text(r);
          },
        }
      : {};
  return {
    select: (o) => p.select({ ...o, message: message(o.message), choices: choices(o.choices, choicePrefix(o, false)) }),
    checkbox: (o) => p.checkbox({ ...o, message: message(o.message), choices: choices(o.choices, choicePrefix(o, true)), ...checked(o.validate) }),
    input: (o) => p.input({ ...o, message: message(o.message), ...checked(o.validate) }),
    confirm: (o) => p.confirm({ ...o, message: message(o.message) }),
    // Coloured text (the scorecard) is laid out by its renderer; other lines are wrapped here.
    print: (s) => p.print(s.includes("\u001b") ? s : text(s)),
    language: (lang) => p.language?.(lang),
  };
}
