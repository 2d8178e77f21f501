// The one place that catches errors, prints them and sets the exit code.
import { EXIT, ExitError, IngestError, QuestionnaireError, UsageError } from "./errors.js";
import { formatProblem } from "./core/problem-words.js";
import type { Lang } from "./core/model.js";

export { EXIT } from "./errors.js";

/** Runs the CLI with process.argv-style arguments and exits with the documented code. */
export async function run(argv: string[]): Promise<void> {
  // `assess score … | head` closes the pipe early: stop quietly, as other tools do.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = await main(argv);
  // Let pending output flush; exit explicitly so that stray handles never keep us alive.
  process.exitCode = code;
  if (code !== EXIT.OK) setImmediate(() => process.exit(code));
}

export async function main(argv: string[]): Promise<number> {
  // The command's --lang, once parsed: problems thrown out of it are printed in it.
  const chosen: { lang: Lang } = { lang: "en" };
  try {
    const { buildProgram } = await import("./cli.js");
    // `assess` alone starts the interview; anything else is parsed as given.
    await buildProgram(chosen).parseAsync(argv.length <= 2 ? [...argv, "interview"] : argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.OK;
  } catch (e) {
    return report(e, chosen.lang);
  }
}

function report(e: unknown, lang: Lang): number {
  if (e instanceof ExitError) return e.code;
  if (isCommanderExit(e)) return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  if (e instanceof UsageError) {
    process.stderr.write(`error: ${e.message}\n`);
    return EXIT.USAGE;
  }
  if (e instanceof QuestionnaireError || e instanceof IngestError) {
    process.stderr.write(`error: ${e.message}\n`);
    for (const p of e.problems) process.stderr.write(`  ${formatProblem(p, lang)}\n`);
    return EXIT.USAGE;
  }
  if (isPromptExit(e)) {
    process.stderr.write("\ninterrupted\n");
    return EXIT.INTERRUPTED;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(`internal error: ${err.message}\n${err.stack ?? ""}\nThis is a bug in assess; please report it with the command you ran.\n`);
  return EXIT.USAGE;
}

function isCommanderExit(e: unknown): e is { exitCode: number } {
  return typeof e === "object" && e !== null && "code" in e && typeof (e as { code: unknown }).code === "string" && (e as { code: string }).code.startsWith("commander.");
}

function isPromptExit(e: unknown): boolean {
  return e instanceof Error && e.name === "ExitPromptError";
}
