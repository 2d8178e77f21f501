// Every inquirer call goes through here, so that tests can script the answers.
import { styleText } from "node:util";
import type { Lang } from "../core/model.js";
import { PROMPT_WORDS, terminalText } from "../core/terminal-text.js";

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  checked?: boolean;
}

export interface Prompter {
  select<T>(o: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  checkbox<T>(o: { message: string; choices: Choice<T>[]; validate?: (chosen: T[]) => true | string }): Promise<T[]>;
  input(o: { message: string; default?: string; validate?: (s: string) => true | string }): Promise<string>;
  confirm(o: { message: string; default?: boolean }): Promise<boolean>;
  /** Text shown between prompts (headings, help, the scorecard). */
  print(text: string): void;
  /** The language of the prompts' own words (key hints, yes and no), once it is known. */
  language?(lang: Lang): void;
}

/** Raised by a prompt when the user presses Ctrl-C. */
export class PromptInterrupted extends Error {
  constructor() {
    super("interrupted");
    this.name = "PromptInterrupted";
  }
}

/** The real prompter: @inquirer/prompts on the terminal, loaded only when an interview starts. `signal`: ends the open prompt as Ctrl-C does. */
export async function terminalPrompter(signal?: AbortSignal): Promise<Prompter> {
  const inquirer = await import("@inquirer/prompts");
  const guard = async <T>(p: Promise<T>): Promise<T> => {
    try {
      return await p;
    } catch (e) {
      if (e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError")) throw new PromptInterrupted();
      throw e;
    }
  };
  const pageSize = Math.max(7, Math.min(20, (process.stdout.rows ?? 24) - 8));
  const context = signal ? { signal } : {};
  let lang: Lang = "en";
  const { yesNoPrompt } = await import("./yes-no-prompt.js");
  // The key hints in the interviewer's language, drawn as inquirer draws its own.
  const words: Record<string, keyof typeof PROMPT_WORDS> = { navigate: "navigate", select: "select", submit: "submit", all: "all", invert: "invert", space: "space" };
  const say = (w: string) => (words[w] ? PROMPT_WORDS[words[w]][lang] : w);
  const theme = {
    style: { keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${styleText("bold", say(key))} ${styleText("dim", say(action))}`).join(styleText("dim", " • ")) },
  };
  return {
    select: (o) => guard(inquirer.select({ message: o.message, choices: o.choices, default: o.default, pageSize, loop: false, theme }, context)),
    checkbox: (o) =>
      guard(
        inquirer.checkbox({
          message: o.message,
          choices: o.choices.map((c) => ({ name: c.name, value: c.value, checked: c.checked ?? false, ...(c.description ? { description: c.description } : {}) })),
          pageSize,
          loop: false,
          theme,
          ...(o.validate ? { validate: (items: readonly { value: unknown }[]) => o.validate!(items.map((i) => i.value) as never) } : {}),
        }, context),
      ),
    input: (o) => guard(inquirer.input({ message: o.message, default: o.default, ...(o.validate ? { validate: o.validate } : {}) }, context)),
    confirm: (o) => guard(yesNoPrompt({ message: o.message, ...(o.default !== undefined ? { default: o.default } : {}), lang }, context)),
    print: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    language: (l) => {
      lang = l;
    },
  };
}

/**
 * A prompter that prints nothing raw: messages, choices and defaults lose their control
 * characters, and printed text keeps only its lines and our colours. What the interview
 * shows comes from inputs too (module files, a session file, names typed earlier).
 */
export function safePrompter(p: Prompter): Prompter {
  const line = (s: string) => terminalText(s);
  const choices = <T>(cs: Choice<T>[]) => cs.map((c) => ({ ...c, name: line(c.name), ...(c.description !== undefined ? { description: line(c.description) } : {}) }));
  return {
    select: (o) => p.select({ ...o, message: line(o.message), choices: choices(o.choices) }),
    checkbox: (o) => p.checkbox({ ...o, message: line(o.message), choices: choices(o.choices) }),
    input: (o) => p.input({ ...o, message: line(o.message), ...(o.default !== undefined ? { default: line(o.default) } : {}) }),
    confirm: (o) => p.confirm({ ...o, message: line(o.message) }),
    print: (text) => p.print(terminalText(text, { newlines: true, colours: true })),
    language: (lang) => p.language?.(lang),
  };
}
