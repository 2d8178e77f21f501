// A whole interview answered by keystrokes, the same way every time, to count what it costs:
// the interviewer's keys, the prompts and the questions. The first choice of each list, the
// first box of each multiple choice, 10 for a number, a fixed date, and the names of the
// README's transcript; two datasets; the modules suggested for the ministry (the first one).
import { KEY } from "./pty.js";
import type { Terminal } from "./pty.js";

export interface Tally {
  keys: number;
  prompts: number;
  questions: number;
  /** Answers the interview refused (the driver typed what a question does not take). */
  refused: number;
}

const DATASETS = ["Civil registration database", "Register of non-Thai persons"];
const TYPED: [RegExp, string][] = [
  [/Institution \(department or agency\) name/, "Bureau of Example Registration (fictional)"],
  [/Ministry or parent body/, ""],
  [/Division or unit/, "Data and Statistics Unit"],
  [/Focal point's name/, "Example Focal Point"],
  [/Focal point's position/, "Statistician"],
  [/e-mail or phone/, "focal.point@example.org"],
  [/What type of dataset is this\?/, ""],
  [/Which area modules/, ""],
  [/Comment \(optional/, ""],
  [/Review: choose an answer/, ""],
];

/** The prompt drawn last: from its "? " at the start of a line to the end of the screen. */
function current(screen: string): string {
  const starts = [...screen.matchAll(/(^|[\r\n])\? /g)];
  const m = starts.at(-1);
  return m ? screen.slice(m.index + m[1]!.length) : "";
}

export async function fullInterview(t: Terminal): Promise<Tally> {
  const tally: Tally = { keys: 0, prompts: 0, questions: 0, refused: 0 };
  let datasets = 0;
  let last = "";
  let tries = 0;
  let quietSince = 0;
  while (await t.settle()) {
    const p = current(t.since());
    // a pause between an answer and the next prompt (a loaded machine): wait for the prompt
    if (p === "") {
      if (Date.now() - (quietSince ||= Date.now()) > 15_000) throw new Error(`no prompt on screen:\n${t.screen.slice(-1500)}`);
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    quietSince = 0;
    // the same prompt again: the last answer was refused
    tries = p.split("\n")[0] === last ? tries + 1 : 0;
    if (tries > 2) throw new Error(`stuck at:\n${p}`);
    if (tries > 0) tally.refused++;
    last = p.split("\n")[0]!;
    tally.prompts++;
    const typed = TYPED.find(([re]) => re.test(p));
    const dataset = /Name of dataset (\d)/.exec(p);
    let keys: string;
    if (typed) keys = `${typed[1]}${KEY.enter}`;
    else if (dataset) keys = `${DATASETS[datasets++]}${KEY.enter}`;
    else if (/Add another dataset\?/.test(p)) keys = `${datasets < DATASETS.length ? "y" : "n"}${KEY.enter}`;
    else if (/not answered yet/.test(p)) keys = /Finish anyway\?/.test(p) ? `y${KEY.enter}` : KEY.end + KEY.enter;
    else {
      tally.questions++;
      if (/[◯◉]/.test(p)) keys = KEY.space + KEY.enter;
      else if (/❯/.test(p)) keys = KEY.enter;
      else if (tries > 0) keys = "\u007f".repeat(12) + KEY.enter;
      // a date question names its forms: YYYY-MM-DD before dates were read as typed in Thailand, year-month-day since
      else keys = `${/YYYY-MM-DD|year-month-day/.test(p) ? "2025-06-30" : "10"}${KEY.enter}`;
    }
    t.write(keys);
  }
  tally.keys = t.keys;
  return tally;
}
