// Every inquirer call goes through here, so that tests can script the answers.
import { terminalText } from "../core/terminal-text.js";
import type { NavAction, Outcome } from "./nav-prompts.js";

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  checked?: boolean;
}

/**
 * What a prompt can do beyond the stock one: `help` is the key hints line shown under it;
 * with `nav`, the navigation keys end it by throwing PromptNavigation.
 */
export interface Moving {
  nav?: boolean;
  help?: string;
}

export interface Prompter {
  /** `numbered` prefixes the choices with their number (typing one moves there). */
  select<T>(o: { message: string; choices: Choice<T>[]; default?: T; numbered?: boolean } & Moving): Promise<T>;
  checkbox<T>(o: { message: string; choices: Choice<T>[]; validate?: (chosen: T[]) => true | string } & Moving): Promise<T[]>;
  input(o: { message: string; default?: string; validate?: (s: string) => true | string } & Moving): Promise<string>;
  confirm(o: { message: string; default?: boolean }): Promise<boolean>;
  /** Text shown between prompts (headings, help, the scorecard). */
  print(text: string): void;
}

/** Raised by a prompt when the user presses Ctrl-C. */
export class PromptInterrupted extends Error {
  constructor() {
    super("interrupted");
    this.name = "PromptInterrupted";
  }
}

/** Raised by a prompt asked with `nav` when a navigation key is pressed instead of answering. */
export class PromptNavigation extends Error {
  constructor(readonly action: NavAction) {
    super(action);
    this.name = "PromptNavigation";
  }
}

/** The real prompter: @inquirer/prompts on the terminal, loaded only when an interview starts. */
export async function terminalPrompter(): Promise<Prompter> {
  const inquirer = await import("@inquirer/prompts");
  const guard = async <T>(p: Promise<T>): Promise<T> => {
    try {
      return await p;
    } catch (e) {
      if (e instanceof Error && e.name === "ExitPromptError") throw new PromptInterrupted();
      throw e;
    }
  };
  const { listPrompt, textPrompt } = await import("./nav-prompts.js");
  const outcome = async <T>(p: Promise<Outcome<T>>): Promise<T> => {
    const o = await guard(p);
    if ("nav" in o) throw new PromptNavigation(o.nav);
    return o.value;
  };
  const pageSize = Math.max(7, Math.min(20, (process.stdout.rows ?? 24) - 8));
  return {
    select: (o) =>
      o.help !== undefined
        ? outcome(listPrompt({ ...o, help: o.help, pageSize }) as Promise<Outcome<typeof o.choices[number]["value"]>>)
        : guard(inquirer.select({ message: o.message, choices: o.choices, default: o.default, pageSize, loop: false })),
    checkbox: (o) =>
      o.help !== undefined
        ? outcome(listPrompt({ ...o, help: o.help, pageSize, multiple: true }) as Promise<Outcome<(typeof o.choices)[number]["value"][]>>)
        : guard(
        inquirer.checkbox({
          message: o.message,
          choices: o.choices.map((c) => ({ name: c.name, value: c.value, checked: c.checked ?? false, ...(c.description ? { description: c.description } : {}) })),
          pageSize,
          loop: false,
          ...(o.validate ? { validate: (items: readonly { value: unknown }[]) => o.validate!(items.map((i) => i.value) as never) } : {}),
        }),
      ),
    input: (o) =>
      o.help !== undefined
        ? outcome(textPrompt({ ...o, help: o.help }))
        : guard(inquirer.input({ message: o.message, default: o.default, ...(o.validate ? { validate: o.validate } : {}) })),
    confirm: (o) => guard(inquirer.confirm({ message: o.message, default: o.default })),
    print: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  };
}

/**
 * A prompter that prints nothing raw: messages, choices and defaults lose their control
 * characters, and printed text keeps only its lines and our colours. What the interview
 * shows comes from inputs too (module files, a session file, names typed earlier).
 */
export function safePrompter(p: Prompter): Prompter {
  const line = (s: string) => terminalText(s);
  const help = (o: Moving) => (o.help !== undefined ? { help: line(o.help) } : {});
  const choices = <T>(cs: Choice<T>[]) => cs.map((c) => ({ ...c, name: line(c.name), ...(c.description !== undefined ? { description: line(c.description) } : {}) }));
  return {
    select: (o) => p.select({ ...o, message: line(o.message), choices: choices(o.choices), ...help(o) }),
    checkbox: (o) => p.checkbox({ ...o, message: line(o.message), choices: choices(o.choices), ...help(o) }),
    input: (o) => p.input({ ...o, message: line(o.message), ...(o.default !== undefined ? { default: line(o.default) } : {}), ...help(o) }),
    confirm: (o) => p.confirm({ ...o, message: line(o.message) }),
    print: (text) => p.print(terminalText(text, { newlines: true, colours: true })),
  };
}
