// A yes/no question that takes what either keyboard types: y and n, and on the Thai (Kedmanee)
// layout the same keys (ั and ื), or ใช่ and ไม่ใช่; its words come in the interviewer's language.
import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useState } from "@inquirer/core";
import type { Lang } from "../core/model.js";
import { PROMPT_WORDS as W } from "../core/terminal-text.js";

const YES = new Set(["y", "yes", "ั", "ใ", "ใช่"]);
const NO = new Set(["n", "no", "ื", "ไ", "ไม่", "ไม่ใช่"]);

/** true, false, or undefined when `typed` is neither (empty: the default). */
export function yesOrNo(typed: string, fallback: boolean): boolean | undefined {
  const v = typed.normalize("NFC").trim().toLowerCase();
  if (v === "") return fallback;
  return YES.has(v) ? true : NO.has(v) ? false : undefined;
}

interface YesNoConfig {
  message: string;
  default?: boolean;
  lang: Lang;
}

export const yesNoPrompt = createPrompt<boolean, YesNoConfig>((config, done) => {
  const [status, setStatus] = useState<"idle" | "done">("idle");
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const theme = makeTheme({});
  const prefix = usePrefix({ status, theme });
  const fallback = config.default ?? false;
  const word = (yes: boolean) => (yes ? W.yes : W.no)[config.lang];
  useKeypress((key, rl) => {
    if (status !== "idle") return;
    if (isEnterKey(key)) {
      const answer = yesOrNo(value, fallback);
      if (answer === undefined) {
        rl.clearLine(0);
        setValue("");
        setError(W.yesNoError[config.lang]);
        return;
      }
      setValue(word(answer));
      setStatus("done");
      done(answer);
      return;
    }
    setError(undefined);
    setValue(rl.line);
  });
  const message = theme.style.message(config.message, status);
  if (status === "done") return `${prefix} ${message} ${theme.style.answer(value)}`;
  const hint = theme.style.defaultAnswer(`${W.yesNoKeys[config.lang]}; Enter = ${word(fallback)}`);
  return [`${prefix} ${message} ${hint} ${value}`, error ? theme.style.error(error) : ""];
});
