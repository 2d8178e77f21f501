// The few error classes the edges throw; src/index.ts turns them into messages and exit codes.
import type { Problem } from "./core/problems.js";

/** Exit codes, as documented in the README. */
export const EXIT = {
  OK: 0,
  /** The work ran, but some inputs failed or a threshold was missed. */
  SOME_FAILED: 1,
  /** Usage or input error: nothing was done. */
  USAGE: 2,
  /** A bug in assess (sysexits EX_SOFTWARE): the stack is printed, with a request to report it. */
  INTERNAL: 70,
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

/** A bug in assess, not in what it was given; src/index.ts treats any unexpected exception as one. */
export class InternalError extends Error {}

/** Modules (the questionnaire) cannot be loaded or are invalid. */
export class QuestionnaireError extends Error {
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An input file (answers, workbook, CSV) cannot be read as what it claims to be. */
export class IngestError extends Error {
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An output folder cannot be used (another run holds it) or a results folder is not whole: nothing was done. */
export class FolderError extends Error {
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }
}

/** Words for a failed file operation's errno code, so that a person sees "permission denied", not EACCES. */
const ERRNO_WORDS: Record<string, string> = {
  ENOENT: "no such file or folder",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EBUSY: "the file is in use by another program",
  EROFS: "the disk is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EMFILE: "too many files open",
  ENFILE: "too many files open",
  ENAMETOOLONG: "the file name is too long",
  EEXIST: "a file is in the way, where a folder is needed",
};

/** Why a file operation failed, in words with the code (`permission denied (EACCES)`), or the error's message. */
export function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && ERRNO_WORDS[code]) return `${ERRNO_WORDS[code]} (${code})`;
  return code ?? (e instanceof Error ? e.message : String(e));
}

/** What a person can do when a file cannot be written, by errno code. */
const OUTPUT_ADVICE: Record<string, string> = {
  EEXIST: "choose a folder for the output (-o), not a file",
  ENOTDIR: "choose a folder for the output (-o): a part of this path is a file",
  EISDIR: "remove or rename that folder, or write elsewhere with -o",
  EACCES: "write elsewhere with -o, or ask for permission to write in that folder",
  EPERM: "write elsewhere with -o, or ask for permission to write in that folder",
  EROFS: "write elsewhere with -o, on a disk that can be written",
  ENOSPC: "free some space on the disk, or write elsewhere with -o, then run the command again",
  EDQUOT: "free some space in your quota, or write elsewhere with -o, then run the command again",
  EBUSY: "close the program that has the file open, then run the command again",
};

/** An output file could not be written: which file, why, and what to do. Nothing half-written is left. */
export class OutputError extends UsageError {
  constructor(
    readonly path: string,
    readonly errno: string | undefined,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`cannot write ${path}: ${reason}\n  ${(errno && OUTPUT_ADVICE[errno]) ?? "check the path and the disk, then run the command again"}`, options);
  }
}

/** A failed file operation on `path` as an OutputError; other errors (bugs) as they are. */
export function outputError(path: string, e: unknown): unknown {
  const errno = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof errno !== "string" || errno.startsWith("ERR_")) return e;
  return new OutputError(path, errno, ioReason(e), { cause: e });
}
