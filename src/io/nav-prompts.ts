// Prompts built on @inquirer/core where the stock ones cannot move around: a list (one or many
// ticked) and a text line that page (PgUp/PgDn/Home/End), show the caller's key hints, and on
// the navigation keys end with the key's action instead of an answer. They take the theme the
// stock prompts are given (src/io/prompts.ts) and, as every prompt, an abort signal (SIGTERM).
import { createPrompt, isBackspaceKey, isDownKey, isEnterKey, isSpaceKey, isTabKey, isUpKey, makeTheme, useKeypress, usePagination, usePrefix, useState } from "@inquirer/core";
import type { KeypressEvent, Theme } from "@inquirer/core";
import { styleText } from "node:util";

/** What a navigation key asks for: the previous question, the go-to menu, the next unanswered one, a comment. */
export type NavAction = "back" | "jump" | "next" | "comment";

/** Esc or Ctrl-B back, Ctrl-G go to, Ctrl-N next unanswered, Ctrl-O comment (Ctrl letters reach every terminal). */
export function navAction(key: KeypressEvent): NavAction | undefined {
  if (key.name === "escape" || (key.ctrl && key.name === "b")) return "back";
  if (!key.ctrl) return undefined;
  return ({ g: "jump", n: "next", o: "comment" } as Record<string, NavAction>)[key.name];
}

/** The navigation keys a prompt takes: all (true) or those listed. */
export type Keys = boolean | readonly NavAction[];

/** The action of a navigation key the prompt takes. */
export function takenKey(key: KeypressEvent, keys: Keys | undefined): NavAction | undefined {
  const action = keys ? navAction(key) : undefined;
  return action && (keys === true || (Array.isArray(keys) && keys.includes(action))) ? action : undefined;
}

/** A prompt's result: the answer, or the navigation key pressed. */
export type Outcome<V> = { value: V } | { nav: NavAction };

/** A key hint: the key, and what it does. */
export type KeyHint = [key: string, action: string];

/** Key hints drawn when the caller's theme does not say how: one dim line. */
const HINTS = { style: { keysHelpTip: (keys: KeyHint[]): string | undefined => styleText("dim", keys.map((k) => k.join(" ")).join(" · ")) } };
/** The theme the prompts here take: inquirer's, with the stock select's way of drawing key hints. */
export type NavTheme = { style?: Partial<Theme["style"]> & Partial<(typeof HINTS)["style"]> };

/** What every prompt here is given: its key hints, whether the navigation keys end it, the shared theme. */
export interface NavConfig {
  /** Navigation keys end the prompt with their action: all of them, or those listed. */
  nav?: Keys;
  /** The key hints shown under the prompt, in the interviewer's language. */
  help: KeyHint[];
  theme?: NavTheme;
}

/** The caller's theme over inquirer's defaults and ours. */
export const navTheme = (theme: NavTheme | undefined) => makeTheme<typeof HINTS>(HINTS, theme);

interface Item<T> {
  name: string;
  value: T;
  description?: string;
  checked?: boolean;
}

export interface ListConfig<T> extends NavConfig {
  message: string;
  choices: Item<T>[];
  default?: T;
  /** Tick boxes (space) instead of choosing one. */
  multiple?: boolean;
  /** Prefix items with their number; typing a number moves there. */
  numbered?: boolean;
  validate?: (chosen: T[]) => true | string;
  pageSize: number;
}

const HIDE_CURSOR = "\u001b[?25l";

/** A question left with a navigation key: dim and without the ✔ of an answer. */
export const left = (message: string) => styleText("dim", `  ${message}`);

export const listPrompt = createPrompt(<T>(config: ListConfig<T>, done: (o: Outcome<T | T[]>) => void) => {
  const theme = navTheme(config.theme);
  const items = config.choices;
  const [status, setStatus] = useState<"idle" | "done">("idle");
  const prefix = usePrefix({ status, theme });
  const start = config.default === undefined ? 0 : Math.max(0, items.findIndex((c) => c.value === config.default));
  const [active, setActive] = useState(start);
  const [ticked, setTicked] = useState<boolean[]>(items.map((c) => c.checked ?? false));
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [answer, setAnswer] = useState<string | undefined>(undefined);
  const last = items.length - 1;
  const move = (to: number) => setActive(Math.max(0, Math.min(last, to)));

  useKeypress((key, rl) => {
    setError(undefined);
    const nav = takenKey(key, config.nav);
    if (nav) {
      setStatus("done");
      done({ nav });
    } else if (isEnterKey(key)) {
      const chosen = config.multiple ? items.filter((_c, i) => ticked[i]) : [items[active]!];
      const values = chosen.map((c) => c.value);
      const ok = config.validate ? config.validate(values) : true;
      if (ok !== true) return setError(ok);
      setAnswer(chosen.map((c) => c.name).join(", "));
      setStatus("done");
      done({ value: config.multiple ? values : values[0]! });
    } else if (isUpKey(key) || isDownKey(key)) move(active + (isUpKey(key) ? -1 : 1));
    else if (key.name === "pageup" || key.name === "pagedown") move(active + (key.name === "pageup" ? -1 : 1) * config.pageSize);
    else if (key.name === "home" || key.name === "end") move(key.name === "home" ? 0 : last);
    else if (config.multiple && isSpaceKey(key)) setTicked(ticked.map((t, i) => (i === active ? !t : t)));
    else if (config.multiple && key.name === "a") setTicked(items.map(() => !ticked.every(Boolean)));
    else if (config.multiple && key.name === "i") setTicked(ticked.map((t) => !t));
    else if (/^[0-9]$/.test(key.name)) {
      // Digits build a number (as typed so far) and move to that item.
      const n = `${typed}${key.name}`;
      const to = Number(n) - 1;
      setTyped(to >= 0 && to <= last ? n : key.name);
      if (to >= 0 && to <= last) move(to);
      else if (Number(key.name) >= 1) move(Number(key.name) - 1);
    } else if (isBackspaceKey(key)) setTyped("");
    if (!/^[0-9]$/.test(key.name)) setTyped("");
    rl.clearLine(0);
  });

  const message = theme.style.message(config.message, status);
  if (status === "done") return answer === undefined ? left(config.message) : [prefix, message, theme.style.answer(answer)].filter(Boolean).join(" ");
  const width = String(items.length).length;
  const page = usePagination({
    items,
    active,
    pageSize: config.pageSize,
    loop: false,
    renderItem: ({ item, index, isActive }) => {
      const box = config.multiple ? (ticked[index] ? "◉ " : "◯ ") : "";
      const number = config.numbered ? `${String(index + 1).padStart(width)}. ` : "";
      const line = `${isActive ? "❯" : " "} ${box}${number}${item.name}`;
      return isActive ? theme.style.highlight(line) : line;
    },
  });
  const description = items[active]?.description;
  const where = items.length > config.pageSize ? ` (${active + 1}/${items.length})` : "";
  const lines = [`${prefix} ${message}${where}`, page, description ? styleText("cyan", description) : "", error ? theme.style.error(error) : "", theme.style.keysHelpTip(config.help)];
  return `${lines.filter(Boolean).join("\n")}${HIDE_CURSOR}`;
});

export interface TextConfig extends NavConfig {
  message: string;
  default?: string;
  validate?: (s: string) => true | string;
}

export const textPrompt = createPrompt((config: TextConfig, done: (o: Outcome<string>) => void) => {
  const theme = navTheme(config.theme);
  const [status, setStatus] = useState<"idle" | "done">("idle");
  const prefix = usePrefix({ status, theme });
  const [value, setValue] = useState("");
  const [fallback, setFallback] = useState(config.default);
  const [error, setError] = useState<string | undefined>(undefined);
  const [moved, setMoved] = useState(false);

  useKeypress((key, rl) => {
    const nav = takenKey(key, config.nav);
    if (nav) {
      setMoved(true);
      setStatus("done");
      return done({ nav });
    }
    if (isEnterKey(key)) {
      // readline has already taken the line on Enter: what was typed is in `value`.
      const answer = value === "" && fallback !== undefined ? fallback : value;
      const ok = config.validate ? config.validate(answer) : true;
      if (ok !== true) {
        // Keep what was typed, so that one wrong character is fixed, not retyped.
        rl.write(value);
        return setError(ok);
      }
      setValue(answer);
      setStatus("done");
      return done({ value: answer });
    }
    if (isTabKey(key) && rl.line === "" && fallback !== undefined) {
      rl.clearLine(0);
      rl.write(fallback);
    } else if (isBackspaceKey(key) && rl.line === "" && value === "") setFallback(undefined);
    setValue(rl.line);
    setError(undefined);
  });

  const message = theme.style.message(config.message, status);
  if (status === "done") return moved ? left(config.message) : [prefix, message, theme.style.answer(value)].filter(Boolean).join(" ");
  const shown = fallback !== undefined && value === "" ? styleText("dim", `(${fallback})`) : "";
  const bottom = [error ? theme.style.error(error) : "", theme.style.keysHelpTip(config.help)].filter(Boolean).join("\n");
  return [[prefix, message, shown, value].filter(Boolean).join(" "), bottom];
});
