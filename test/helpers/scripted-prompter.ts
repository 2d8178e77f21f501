// A Prompter that answers from a script and fails loudly when the interview asks something else.
import type { NavAction } from "../../src/io/nav-prompts.js";
import { PromptInterrupted, PromptNavigation } from "../../src/io/prompts.js";
import type { Choice, Moving, Prompter } from "../../src/io/prompts.js";

export const INTERRUPT = Symbol("interrupt");
/** A navigation key pressed at the prompt (only where the prompt takes them). */
export const NAV = (nav: NavAction) => ({ nav });

type Pick<T> = T | ((choices: Choice<T>[]) => T);
/** Inputs may list attempts: all but the last must be rejected by the prompt's validation. */
export type Reply = string | number | boolean | string[] | { attempts: (string | string[])[] } | ((choices: Choice<unknown>[]) => unknown) | typeof INTERRUPT | { nav: NavAction };

export interface Step {
  /** Text the prompt's message must contain. */
  ask: string;
  reply: Reply;
}

export class ScriptedPrompter implements Prompter {
  readonly printed: string[] = [];
  /** Validation messages shown for rejected attempts. */
  readonly rejected: string[] = [];
  readonly messages: string[] = [];
  private i = 0;

  constructor(private readonly script: Step[]) {}

  get done(): boolean {
    return this.i === this.script.length;
  }

  private next(kind: string, message: string, o: Moving = {}): Reply {
    this.messages.push(message);
    const step = this.script[this.i];
    if (!step) throw new Error(`script ended, but the interview asked (${kind}): ${message}`);
    if (!message.includes(step.ask)) throw new Error(`step ${this.i}: expected a prompt containing "${step.ask}", got (${kind}): ${message}`);
    this.i++;
    if (step.reply === INTERRUPT) throw new PromptInterrupted();
    if (typeof step.reply === "object" && "nav" in step.reply) {
      const taken = o.nav === true || (Array.isArray(o.nav) && o.nav.includes(step.reply.nav));
      if (!taken) throw new Error(`step ${this.i - 1}: the prompt "${message}" does not take the key for ${step.reply.nav}`);
      throw new PromptNavigation(step.reply.nav);
    }
    return step.reply;
  }

  async select<T>(o: { message: string; choices: Choice<T>[]; default?: T } & Moving): Promise<T> {
    const reply = this.next("select", o.message, o) as Pick<T>;
    const value = typeof reply === "function" ? (reply as (c: Choice<T>[]) => T)(o.choices) : reply;
    const found = o.choices.find((c) => c.value === value) ?? o.choices.find((c) => c.name === value);
    if (!found) throw new Error(`"${String(value)}" is not a choice of "${o.message}": ${o.choices.map((c) => String(c.value)).join(", ")}`);
    return found.value;
  }

  async checkbox<T>(o: { message: string; choices: Choice<T>[]; validate?: (chosen: T[]) => true | string } & Moving): Promise<T[]> {
    const reply = this.next("checkbox", o.message, o);
    const attempts = (typeof reply === "object" && reply !== null && "attempts" in reply ? reply.attempts : [reply]) as T[][];
    return this.attempt(attempts, (a) => {
      for (const v of a) if (!o.choices.some((c) => c.value === v)) throw new Error(`"${String(v)}" is not a choice of "${o.message}"`);
      return o.validate ? o.validate(a) : true;
    });
  }

  async input(o: { message: string; default?: string; validate?: (s: string) => true | string } & Moving): Promise<string> {
    const reply = this.next("input", o.message, o);
    const attempts = (typeof reply === "object" && reply !== null && "attempts" in reply ? reply.attempts : [reply]) as string[];
    // An empty reply takes the default, as pressing Enter does.
    return this.attempt(
      attempts.map((a) => (a === "" && o.default !== undefined ? o.default : a)),
      (a) => (o.validate ? o.validate(a) : true),
    );
  }

  async confirm(o: { message: string; default?: boolean } & Moving): Promise<boolean> {
    return this.next("confirm", o.message, o) as boolean;
  }

  print(text: string): void {
    this.printed.push(text);
  }

  private attempt<V>(attempts: V[], validate: (a: V) => true | string): V {
    for (let k = 0; k < attempts.length; k++) {
      const ok = validate(attempts[k]!);
      const last = k === attempts.length - 1;
      if (ok === true && !last) throw new Error(`attempt ${JSON.stringify(attempts[k])} was accepted, but the script expected it to be rejected`);
      if (ok !== true && last) throw new Error(`attempt ${JSON.stringify(attempts[k])} was rejected: ${ok}`);
      if (ok !== true) this.rejected.push(ok);
    }
    return attempts[attempts.length - 1]!;
  }
}
