// The interview on a real terminal: refuses to start without one, so that pipes never hang.
import { UsageError } from "../errors.js";
import { today } from "../io/clock.js";
import { terminalPrompter } from "../io/prompts.js";
import { wrappingPrompter } from "../io/wrap-prompter.js";
import { interviewCommand } from "./interview.js";
import type { InterviewOptions, InterviewResult } from "./interview.js";

export async function interviewFromTerminal(options: InterviewOptions): Promise<InterviewResult> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(
      "the interview needs a terminal (stdin and stdout are not a TTY).\n" +
        "  To collect answers without a terminal, send the Excel questionnaire (assess template)\n" +
        "  and score what comes back (assess score returned/), or score answer files: assess score FILE...",
    );
  }
  // A closed terminal (SIGHUP) or a kill (SIGTERM) pauses as Ctrl-C does: the session is saved first.
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.on("SIGTERM", onSignal).on("SIGHUP", onSignal);
  try {
    return await interviewCommand(options, { prompter: wrappingPrompter(await terminalPrompter(stop.signal), () => process.stdout.columns || 80), cwd: process.cwd(), today: today() });
  } finally {
    process.off("SIGTERM", onSignal).off("SIGHUP", onSignal);
  }
}
