// The few error classes the edges throw; src/index.ts turns them into messages and exit codes.
import type { Problem } from "./core/problems.js";

/** Exit codes, as documented in the README. */
export const EXIT = {
  OK: 0,
  /** The work ran, but some inputs failed or a threshold was missed. */
  SOME_FAILED: 1,
  /** Usage or input error: nothing was done. */
  USAGE: 2,
  /** Interrupted by the user (Ctrl-C). */
  INTERRUPTED: 130,
} as const;

/** Ends the process with a code after the command has printed what it had to say. */
export class ExitError extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** The command line was used wrongly. */
export class UsageError extends Error {}

/** Modules (the questionnaire) cannot be loaded or are invalid. */
export class QuestionnaireError extends Error {
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }
}

/** An input file (answers, workbook, CSV) cannot be read as what it claims to be. */
export class IngestError extends Error {
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }
}
