// The one place that catches errors, prints them and sets the exit code.
import { EXIT, ExitError, FolderError, IngestError, InternalError, QuestionnaireError, UsageError } from "./errors.js";
import { formatProblem } from "./core/problem-words.js";
import { terminalText } from "./core/terminal-text.js";
import type { Lang } from "./core/model.js";
import { processStreams } from "./io/streams.js";
import type { Output, Streams } from "./io/streams.js";

export { EXIT } from "./errors.js";

/** Runs the CLI with process.argv-style arguments and exits with the documented code. */
export async function run(argv: string[]): Promise<void> {
  // `assess score … | head` closes the pipe early: stop quietly, as other tools do.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  // An exception outside main's promise (an event handler, a forgotten promise) is a bug too: 70, not Node's 1.
  const crash = (e: unknown) => process.exit(report(e));
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
  const code = await main(argv);
  // Let pending output flush; exit explicitly so that stray handles never keep us alive.
  process.exitCode = code;
  if (code !== EXIT.OK) setImmediate(() => process.exit(code));
}

/** Runs the CLI and returns its exit code; output goes to `streams` (tests collect it). */
export async function main(argv: string[], streams: Streams = processStreams()): Promise<number> {
  // The command's --lang, once parsed: problems thrown out of it are printed in it.
  const chosen: { lang: Lang } = { lang: "en" };
  try {
    const { buildProgram } = await import("./cli.js");
    // `assess` alone starts the interview; anything else is parsed as given.
    await buildProgram(streams, chosen).parseAsync(argv.length <= 2 ? [...argv, "interview"] : argv);
    return EXIT.OK;
  } catch (e) {
    return report(e, streams.stderr, chosen.lang);
  }
}

function report(e: unknown, stderr: Output = process.stderr, lang: Lang = "en"): number {
  if (e instanceof ExitError) return e.code;
  if (isCommanderExit(e)) return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  // Messages name inputs (paths, ids): printed without the control characters an input may hold.
  const said = (text: string) => terminalText(text, { newlines: true });
  if (e instanceof UsageError) {
    stderr.write(`error: ${said(e.message)}\n`);
    return EXIT.USAGE;
  }
  if (e instanceof QuestionnaireError || e instanceof IngestError || e instanceof FolderError) {
    stderr.write(`error: ${said(e.message)}\n`);
    for (const p of e.problems) stderr.write(`  ${formatProblem(p, lang)}\n`);
    return EXIT.USAGE;
  }
  if (isPromptExit(e)) {
    stderr.write("\ninterrupted\n");
    return EXIT.INTERRUPTED;
  }
  // Anything else is a bug (an InternalError, or an exception nobody expected): its own exit code, not a usage error.
  const err = e instanceof Error ? e : new InternalError(String(e));
  stderr.write(`internal error: ${said(err.message)}\n${said(stackWithCauses(err))}\nThis is a bug in assess; please report it with the command you ran.\n`);
  return EXIT.INTERNAL;
}

/** The stack, then the stack of each error it was wrapped around. */
function stackWithCauses(err: Error): string {
  const lines = [err.stack ?? err.message];
  const seen = new Set<unknown>([err]);
  for (let c = err.cause; c !== undefined && !seen.has(c); c = c instanceof Error ? c.cause : undefined) {
    seen.add(c);
    lines.push(`Caused by: ${c instanceof Error ? (c.stack ?? c.message) : String(c)}`);
  }
  return lines.join("\n");
}

function isCommanderExit(e: unknown): e is { exitCode: number } {
  return typeof e === "object" && e !== null && "code" in e && typeof (e as { code: unknown }).code === "string" && (e as { code: string }).code.startsWith("commander.");
}

function isPromptExit(e: unknown): boolean {
  return e instanceof Error && e.name === "ExitPromptError";
}
