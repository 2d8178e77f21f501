// Every prompt text wrapped at word boundaries to the terminal's width before the prompt
// library draws it (it would break Thai between a letter and its vowel or tone mark).
import { wrapText } from "../core/wrap.js";
import type { Choice, Prompter } from "./prompts.js";

/** "? " before a message; "❯◯ " before a choice (the widest of select's and checkbox's). */
const MESSAGE_PREFIX = 2;
const CHOICE_PREFIX = 3;

/** `columns()`: the terminal's width now (it may be resized between prompts). */
export function wrappingPrompter(p: Prompter, columns: () => number): Prompter {
  // One cell spare: a line that fills the last column makes some terminals wrap early.
  const width = () => Math.max(20, columns() - 1);
  const message = (s: string) => wrapText(s, width(), { first: MESSAGE_PREFIX });
  const text = (s: string) => wrapText(s, width());
  const choices = <T>(cs: Choice<T>[]) =>
    cs.map((c) => ({
      ...c,
      name: wrapText(c.name, width(), { first: CHOICE_PREFIX, indent: CHOICE_PREFIX }),
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
    select: (o) => p.select({ ...o, message: message(o.message), choices: choices(o.choices) }),
    checkbox: (o) => p.checkbox({ ...o, message: message(o.message), choices: choices(o.choices), ...checked(o.validate) }),
    input: (o) => p.input({ ...o, message: message(o.message), ...checked(o.validate) }),
    confirm: (o) => p.confirm({ ...o, message: message(o.message) }),
    // Coloured text (the scorecard) is laid out by its renderer; other lines are wrapped here.
    print: (s) => p.print(s.includes("\u001b") ? s : text(s)),
    language: (lang) => p.language?.(lang),
  };
}
