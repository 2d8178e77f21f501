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
  return interviewCommand(options, { prompter: wrappingPrompter(await terminalPrompter(), () => process.stdout.columns || 80), cwd: process.cwd(), today: today() });
}
