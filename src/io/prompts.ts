// Every inquirer call goes through here, so that tests can script the answers.
import { styleText } from "node:util";
import type { Lang } from "../core/model.js";
import { PROMPT_WORDS, terminalText } from "../core/terminal-text.js";
import { displayWidth } from "../core/wrap.js";
import type { KeyHint, Keys, NavAction, Outcome } from "./nav-prompts.js";

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  checked?: boolean;
}

/**
 * What a prompt can do beyond the stock one: `help` is the key hints shown under it (in the
 * interviewer's language); with `nav`, the navigation keys end it by throwing PromptNavigation.
 */
export interface Moving {
  nav?: Keys;
  help?: KeyHint[];
}

export interface Prompter {
  /** `numbered` prefixes the choices with their number (typing one moves there). */
  select<T>(o: { message: string; choices: Choice<T>[]; default?: T; numbered?: boolean } & Moving): Promise<T>;
  checkbox<T>(o: { message: string; choices: Choice<T>[]; validate?: (chosen: T[]) => true | string } & Moving): Promise<T[]>;
  input(o: { message: string; default?: string; validate?: (s: string) => true | string } & Moving): Promise<string>;
  confirm(o: { message: string; default?: boolean } & Moving): Promise<boolean>;
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

/** Raised by a prompt asked with `nav` when a navigation key is pressed instead of answering. */
export class PromptNavigation extends Error {
  constructor(readonly action: NavAction) {
    super(action);
    this.name = "PromptNavigation";
  }
}

/** A prompt that takes only the back key (Esc, Ctrl-B). */
export const BACK: readonly NavAction[] = ["back"];

/** The answer, or "back" when the prompt (asked with `nav: BACK`) was left with the back key. */
export async function backOr<T>(answer: Promise<T>): Promise<T | "back"> {
  try {
    return await answer;
  } catch (e) {
    if (e instanceof PromptNavigation && e.action === "back") return "back";
    throw e;
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
  const { listPrompt, textPrompt } = await import("./nav-prompts.js");
  const outcome = async <T>(p: Promise<Outcome<T>>): Promise<T> => {
    const o = await guard(p);
    if ("nav" in o) throw new PromptNavigation(o.nav);
    return o.value;
  };
  const pageSize = Math.max(7, Math.min(20, (process.stdout.rows ?? 24) - 8));
  const context = signal ? { signal } : {};
  let lang: Lang = "en";
  const { yesNoPrompt } = await import("./yes-no-prompt.js");
  // Key hints, ours and inquirer's own (its words in the interviewer's language), drawn one way.
  const words: Record<string, keyof typeof PROMPT_WORDS> = { navigate: "navigate", select: "select", submit: "submit", all: "all", invert: "invert", space: "space" };
  const say = (w: string) => (words[w] ? PROMPT_WORDS[words[w]][lang] : w);
  const theme = {
    style: { keysHelpTip: (keys: KeyHint[]) => hintLines(keys.map(([key, action]) => [say(key), say(action)]), (process.stdout.columns || 80) - 1) },
  };
  return {
    select: (o) =>
      o.help !== undefined
        ? outcome(listPrompt({ ...o, help: o.help, pageSize, theme }, context) as Promise<Outcome<(typeof o.choices)[number]["value"]>>)
        : guard(inquirer.select({ message: o.message, choices: o.choices, default: o.default, pageSize, loop: false, theme }, context)),
    checkbox: (o) =>
      o.help !== undefined
        ? outcome(listPrompt({ ...o, help: o.help, pageSize, multiple: true, theme }, context) as Promise<Outcome<(typeof o.choices)[number]["value"][]>>)
        : guard(
        inquirer.checkbox({
          message: o.message,
          choices: o.choices.map((c) => ({ name: c.name, value: c.value, checked: c.checked ?? false, ...(c.description ? { description: c.description } : {}) })),
          pageSize,
          loop: false,
          theme,
          ...(o.validate ? { validate: (items: readonly { value: unknown }[]) => o.validate!(items.map((i) => i.value) as never) } : {}),
        }, context),
      ),
    input: (o) =>
      o.help !== undefined
        ? outcome(textPrompt({ ...o, help: o.help, theme }, context))
        : guard(inquirer.input({ message: o.message, default: o.default, ...(o.validate ? { validate: o.validate } : {}) }, context)),
    confirm: (o) => outcome(yesNoPrompt({ ...o, lang, theme }, context)),
    print: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    language: (l) => {
      lang = l;
    },
  };
}

/** Key hints, the key bold and what it does dim, broken between hints (never inside one) to fit `width`. */
export function hintLines(keys: KeyHint[], width: number): string {
  const SEP = " · ";
  const lines: string[] = [];
  let line = "";
  let used = 0;
  for (const [key, action] of keys) {
    const w = displayWidth(`${key} ${action}`);
    const drawn = `${styleText("bold", key)} ${styleText("dim", action)}`;
    if (used > 0 && used + SEP.length + w > width) {
      lines.push(line);
      [line, used] = ["", 0];
    }
    line = used > 0 ? `${line}${styleText("dim", SEP)}${drawn}` : drawn;
    used += (used > 0 ? SEP.length : 0) + w;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

/**
 * A prompter that prints nothing raw: messages, choices and defaults lose their control
 * characters, and printed text keeps only its lines and our colours. What the interview
 * shows comes from inputs too (module files, a session file, names typed earlier).
 */
export function safePrompter(p: Prompter): Prompter {
  const line = (s: string) => terminalText(s);
  const help = (o: Moving) => (o.help !== undefined ? { help: o.help.map(([key, action]): KeyHint => [line(key), line(action)]) } : {});
  const choices = <T>(cs: Choice<T>[]) => cs.map((c) => ({ ...c, name: line(c.name), ...(c.description !== undefined ? { description: line(c.description) } : {}) }));
  return {
    select: (o) => p.select({ ...o, message: line(o.message), choices: choices(o.choices), ...help(o) }),
    checkbox: (o) => p.checkbox({ ...o, message: line(o.message), choices: choices(o.choices), ...help(o) }),
    input: (o) => p.input({ ...o, message: line(o.message), ...(o.default !== undefined ? { default: line(o.default) } : {}), ...help(o) }),
    confirm: (o) => p.confirm({ ...o, message: line(o.message), ...help(o) }),
    print: (text) => p.print(terminalText(text, { newlines: true, colours: true })),
    language: (lang) => p.language?.(lang),
  };
}
