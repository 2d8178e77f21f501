// Every command is declared here; each action lazy-imports its command so that
// `assess --help` never loads exceljs, inquirer or ajv.
import { Command, Option } from "commander";
import { statSync } from "node:fs";
import { packageVersion } from "./io/paths.js";
import { UsageError } from "./errors.js";
import type { Lang } from "./core/model.js";
import { processStreams } from "./io/streams.js";
import type { Streams } from "./io/streams.js";

const EXIT_CODES = `
Exit codes:
  0    success
  1    the work ran, but some inputs failed (or problems were found)
  2    usage or input error: nothing was done
  70   internal error: a bug in assess (please report it)
  130  interrupted (Ctrl-C)`;


export interface GlobalOptions {
  /** Folder of module files. */
  modules?: string;
  /** Module ids chosen with --modules a,b,c. */
  select?: string[];
}

/**
 * The program, writing to `streams`; `chosen.lang` is set to the command's --lang before its
 * action runs, so that problems thrown out of a command (src/index.ts prints them) are in that
 * language too.
 */
export function buildProgram(streams: Streams = processStreams(), chosen: { lang: Lang } = { lang: "en" }): Command {
  const program = new Command("assess")
    .configureOutput({ writeOut: (s) => void streams.stdout.write(s), writeErr: (s) => void streams.stderr.write(s) })
    .description(
      "Map and score an institution's data on migrant and forcibly displaced children:\n" +
        "questionnaire modules (general + area-specific), scoring of collection, sharing and hosting.",
    )
    .version(packageVersion(), "-V, --version")
    .option("--modules <dir|ids>", "a folder of module files to use instead of the shipped ones, or a comma-separated list of module ids to choose (interview)")
    .option("--modules-dir <dir>", "a folder of module files (when --modules lists ids)")
    .showHelpAfterError("(run assess --help for usage)")
    .exitOverride()
    .hook("preAction", (_program, action) => {
      const lang: unknown = action.opts().lang;
      if (lang === "en" || lang === "th") chosen.lang = lang;
    })
    .addHelpText(
      "after",
      `
Examples:
  $ assess modules                          list the questionnaire modules
  $ assess validate                         check the shipped modules
  $ assess score examples/answers           score the example answer files
  $ assess score moe.yaml --json > moe.json  machine-readable results
${EXIT_CODES}`,
    );

  program
    .command("modules")
    .description("list the questionnaire modules: id, version, title, question counts by dimension")
    .option("--json", "print the list as JSON")
    .addOption(new Option("--lang <lang>", "language of the titles (and of any problems)").choices(["en", "th"]).default("en"))
    .addHelpText("after", "\nExamples:\n  $ assess modules\n  $ assess modules --lang th\n  $ assess --modules ./my-modules modules")
    .action(async (opts: { json?: boolean; lang: "en" | "th" }, cmd: Command) => {
      const { modulesCommand } = await import("./commands/modules.js");
      await modulesCommand({ ...folderOnly(cmd), ...opts }, streams);
    });

  program
    .command("validate")
    .description("check module files against the schema and the rules; report every problem with line:column")
    .argument("[files...]", "module files (default: the shipped modules, or those in --modules DIR)")
    .option("--json", "print the problems as JSON (codes with their arguments, and their words)")
    .addOption(new Option("--lang <lang>", "language of the problems").choices(["en", "th"]).default("en"))
    .addHelpText(
      "after",
      `
Files given are checked together with the other modules of their folder's set, so that
ids unique across modules and conditions on required modules are checked too; the folder's
scales.yaml (shared answer scales) and glossary.yaml (Thai glossary) are checked with them.
Warnings (unscored gates, one wording at two levels, glossary variants, recommendations
that give orders) are printed but do not change the exit code.

Examples:
  $ assess validate
  $ assess validate modules/education.yaml
  $ assess validate modules/education.yaml --lang th
  $ assess --modules ./thailand-2027 validate`,
    )
    .action(async (files: string[], opts: { json?: boolean; lang: "en" | "th" }, cmd: Command) => {
      const { validateCommand } = await import("./commands/validate.js");
      await validateCommand({ ...folderOnly(cmd), files, ...opts }, streams);
    });

  program
    .command("score")
    .description("score returned workbooks, CSV files and answer files; print scorecards and a summary")
    .argument("<paths...>", "files (.xlsx, .csv, .yaml, .yml, .json, and the .zip ODK Central downloads), folders (searched with their subfolders) or patterns such as returned/*.xlsx")
    .option("--json", "print the results as JSON (schemas/results.schema.json) instead of tables")
    .option("-o, --output <dir>", "write one results file per institution and a combined results.json to this folder")
    .option("--force", "replace results files that already exist")
    .option("--scorecards", "print every institution's scorecard (default: only for up to 10 inputs)")
    .option("--jobs <n>", "threads that score a batch of 100 files or more, the main one among them (default: one less than the cores available, at most 4)", (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs ${v}: expected a whole number from 1`);
      return n;
    })
    .addOption(new Option("--lang <lang>", "language of question labels, recommendations and problems").choices(["en", "th"]).default("en"))
    .addHelpText(
      "after",
      `
A file that cannot be read (not a questionnaire, other module versions, corrupt) is
reported and the others are still scored. An answer that cannot be read (an option the
question does not have, an unknown question) is reported with its file and cell or line,
kept in the results as rejected, and left out of the score. Either way the exit code is 1.

With -o, the folder is held by this run alone (DIR/.assess.lock: a second run is refused
with exit 2) and its manifest.json, written last, says whether the run finished.

Examples:
  $ assess score returned/ -o results/
  $ assess score 'returned/*.xlsx' answers.csv
  $ assess score examples/answers
  $ assess score examples/answers/moe-student-records-fictional.yaml --lang th
  $ assess score examples/answers --json > results.json
  $ assess score examples/answers -o results/`,
    )
    .action(async (paths: string[], opts: { json?: boolean; output?: string; force?: boolean; scorecards?: boolean; jobs?: number; lang: "en" | "th" }, cmd: Command) => {
      const { scoreCommand } = await import("./commands/score.js");
      await scoreCommand({ ...folderOnly(cmd), paths, ...opts }, streams);
    });

  program
    .command("template")
    .description("write the Excel questionnaire to send to institutions")
    .addOption(new Option("--lang <lang>", "language of the workbook (problems: English unless th)").choices(["en", "th", "both"]).default("both"))
    .option("-o, --output <file>", "workbook to write (default questionnaire.xlsx, or the institution's id; with --for, a folder)")
    .option("--date <YYYY-MM-DD>", "date stored in the workbook's properties (default 2026-01-01, so files are reproducible)")
    .option("--datasets <n>", "dataset columns on the Datasets sheet (default 15)")
    .option("--institution <name>", "a workbook for this institution: its name filled in, its modules suggested from --ministry (or chosen with --modules)")
    .option("--ministry <name>", "the institution's ministry (a name or id from data/institutions.yaml), to suggest its modules")
    .option("--for <file.csv>", "one workbook per institution listed (columns name, ministry, modules, language) in the folder -o names")
    .option("--force", "replace the file if it exists")
    .addHelpText(
      "after",
      `
--modules general,education chooses the modules (default: all); the general
questionnaire is always included when a module requires it.

Examples:
  $ assess template -o questionnaire.xlsx
  $ assess template --modules general,education,health --lang th -o moe-th.xlsx
  $ assess template --institution "Basic Education Data Office" --ministry "Ministry of Education"
  $ assess template --for institutions.csv -o out/`,
    )
    .action(async (opts: { lang: "en" | "th" | "both"; output?: string; date?: string; datasets?: string; force?: boolean; institution?: string; ministry?: string; for?: string }, cmd: Command) => {
      const { templateCommand } = await import("./commands/template.js");
      await templateCommand({ ...globals(cmd), ...opts }, streams);
    });

  program
    .command("xlsform")
    .description("write the questionnaire as an XLSForm, to field it on KoboToolbox or ODK")
    .option("-o, --output <file>", "XLSForm workbook to write", "assessment-form.xlsx")
    .option("--force", "replace the file if it exists")
    .addOption(new Option("--lang <lang>", "language of any problems (the form itself has English and Thai)").choices(["en", "th"]).default("en"))
    .addHelpText(
      "after",
      `
Upload the file to KoboToolbox (Projects › New › Upload an XLSForm) or ODK Central
(Forms › New), collect, then export the data and score the export with assess score.

Examples:
  $ assess xlsform -o assessment-form.xlsx
  $ assess xlsform --modules general,health,child_protection -o health-form.xlsx`,
    )
    .action(async (opts: { output: string; force?: boolean; lang: "en" | "th" }, cmd: Command) => {
      const { xlsformCommand } = await import("./commands/xlsform.js");
      await xlsformCommand({ ...globals(cmd), ...opts }, streams);
    });

  program
    .command("report")
    .description("write the gap reports (Markdown, HTML, XLSX, JSON, Word) from results, answer files or workbooks")
    .argument("<paths...>", "results files or folders (from assess score -o), or answer files, workbooks and CSV to score on the way")
    .option("-o, --output <dir>", "folder for the report files", "report")
    .option("--format <list>", "formats, comma-separated: md,html,xlsx,json,docx", "md,html,xlsx,json,docx")
    .option("--title <text>", "report title")
    .option("--date <YYYY-MM-DD>", "report date (default today); the same inputs and date give identical files")
    .addOption(new Option("--lang <lang>", "report language (and of the problems printed)").choices(["en", "th"]).default("en"))
    .option("--include-respondents", "include focal points' names and contacts (personal data under the PDPA; left out by default)")
    .addOption(new Option("--duplicates <rule>", "an institution given more than once counts once: its latest date of answering, or the first input given").choices(["latest", "first"]).default("latest"))
    .option("--force", "replace report files that exist")
    .option("--allow-incomplete", "report on a results folder whose run did not finish, or that has no manifest (older assess), with a warning")
    .addHelpText(
      "after",
      `
A results folder from assess score -o is reported on only when its run finished (its
manifest.json says so and lists every file): otherwise nothing is written and the exit
code is 2, unless --allow-incomplete is given.

Examples:
  $ assess score returned/ -o results/ && assess report results/ -o report/
  $ assess report examples/returned -o out --date 2026-12-01
  $ assess report results/ --format html,md --lang th --title "การประเมินข้อมูลเด็กข้ามชาติ"`,
    )
    .action(
      async (
        paths: string[],
        opts: { output: string; format: string; title?: string; date?: string; lang: "en" | "th"; includeRespondents?: boolean; force?: boolean; duplicates: "latest" | "first"; allowIncomplete?: boolean },
        cmd: Command,
      ) => {
        const { reportCommand, REPORT_FORMATS } = await import("./commands/report.js");
        const formats = opts.format.split(",").map((f) => f.trim().toLowerCase()).filter(Boolean);
        const bad = formats.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
        if (bad.length || formats.length === 0) throw new UsageError(`--format ${opts.format}: choose from ${REPORT_FORMATS.join(", ")}`);
        await reportCommand({
          ...folderOnly(cmd),
          paths,
          output: opts.output,
          formats: formats as (typeof REPORT_FORMATS)[number][],
          ...(opts.title ? { title: opts.title } : {}),
          ...(opts.date ? { date: opts.date } : {}),
          lang: opts.lang,
          ...(opts.includeRespondents ? { includeRespondents: true } : {}),
          duplicates: opts.duplicates,
          ...(opts.force ? { force: true } : {}),
          ...(opts.allowIncomplete ? { allowIncomplete: true } : {}),
        }, streams);
      },
    );

  program
    .command("compare")
    .description("compare two rounds (a baseline and a follow-up): what changed per institution, question and nationally")
    .argument("<baseline>", "the baseline's results folder or file, or answer files, workbooks and CSV (a folder or a quoted pattern)")
    .argument("<followup>", "the follow-up's inputs, the same way")
    .option("-o, --output <dir>", "folder for the comparison files", "compare")
    .option("--format <list>", "formats, comma-separated: md,html,xlsx,json", "md,html,xlsx,json")
    .option("--match <file>", "CSV of baseline id, follow-up id: institutions renamed, merged or split between the rounds")
    .option("--action-plan <file>", "the baseline report's action-plan.xlsx, filled in: each status is shown beside the change measured")
    .option("--baseline-modules <dir>", "module files the baseline was answered with: they replace the --modules (or shipped) files of the same name")
    .option("--followup-modules <dir>", "module files the follow-up was answered with: they replace the --modules (or shipped) files of the same name")
    .option("--title <text>", "title")
    .option("--date <YYYY-MM-DD>", "date (default today); the same inputs and date give identical files")
    .addOption(new Option("--lang <lang>", "language of the files (and of the problems printed)").choices(["en", "th"]).default("en"))
    .addOption(new Option("--duplicates <rule>", "an institution given more than once in a round counts once: its latest date of answering, or the first input given").choices(["latest", "first"]).default("latest"))
    .option("--force", "replace comparison files that exist")
    .option("--allow-incomplete", "use a results folder whose run did not finish, or that has no manifest, with a warning")
    .addHelpText(
      "after",
      `
Questions are compared only where both rounds' modules give them the same id, type and
option values; the others are listed as not comparable. Institutions in one round only
are listed. Results of different scoring method versions are compared with a mark (†).

Examples:
  $ assess compare examples/baseline/answers examples/followup/answers --followup-modules examples/followup/modules --match examples/followup/match.csv -o out-compare
  $ assess compare results-2026/ results-2027/ --match renamed.csv --action-plan report-2026/action-plan.xlsx`,
    )
    .action(
      async (
        baseline: string,
        followup: string,
        opts: { output: string; format: string; match?: string; actionPlan?: string; baselineModules?: string; followupModules?: string; title?: string; date?: string; lang: "en" | "th"; duplicates: "latest" | "first"; force?: boolean; allowIncomplete?: boolean },
        cmd: Command,
      ) => {
        const { compareCommand, COMPARE_FORMATS } = await import("./commands/compare.js");
        const formats = opts.format.split(",").map((f) => f.trim().toLowerCase()).filter(Boolean);
        const bad = formats.filter((f) => !(COMPARE_FORMATS as readonly string[]).includes(f));
        if (bad.length || formats.length === 0) throw new UsageError(`--format ${opts.format}: choose from ${COMPARE_FORMATS.join(", ")}`);
        await compareCommand(
          {
            ...folderOnly(cmd),
            baseline: [baseline],
            followup: [followup],
            output: opts.output,
            formats: formats as (typeof COMPARE_FORMATS)[number][],
            ...(opts.match ? { match: opts.match } : {}),
            ...(opts.actionPlan ? { actionPlan: opts.actionPlan } : {}),
            ...(opts.baselineModules ? { baselineModules: opts.baselineModules } : {}),
            ...(opts.followupModules ? { followupModules: opts.followupModules } : {}),
            ...(opts.title ? { title: opts.title } : {}),
            ...(opts.date ? { date: opts.date } : {}),
            lang: opts.lang,
            duplicates: opts.duplicates,
            ...(opts.force ? { force: true } : {}),
            ...(opts.allowIncomplete ? { allowIncomplete: true } : {}),
          },
          streams,
        );
      },
    );

  program
    .command("interview")
    .description("interview a ministry focal point on a terminal, in English or Thai (the default command)")
    .addOption(new Option("--lang <lang>", "interview language (skips the question; problems in it too)").choices(["en", "th"]))
    .option("-o, --output <file>", "answer file to write (default: <institution>.answers.yaml here)")
    .option("--resume <session>", "continue an interrupted interview from its session file")
    .option("--comments", "ask for a comment after each answer (without it, Ctrl-O adds one at any question)")
    .option("--no-comments", "no comment prompt after each answer (the default)")
    .option("--force", "replace an existing answer file")
    .addHelpText(
      "after",
      `
Every answer is saved to a session file beside the answer file as soon as it is given.
Ctrl-C pauses and prints the command that resumes. --modules a,b preselects area modules.

Examples:
  $ assess
  $ assess interview --lang th --modules education,health
  $ assess interview -o moe.answers.yaml
  $ assess interview --resume moe.session.json`,
    )
    .action(async (opts: { lang?: "en" | "th"; output?: string; resume?: string; comments?: boolean; force?: boolean }, cmd: Command) => {
      const { interviewFromTerminal } = await import("./commands/interview-terminal.js");
      await interviewFromTerminal({ ...globals(cmd), ...opts });
    });

  return program;
}

/** Commands that take a module folder but no module selection. */
function folderOnly(cmd: Command): { modules?: string } {
  const g = globals(cmd);
  if (g.select) {
    throw new UsageError(`--modules ${g.select.join(",")}: no such folder (a list of module ids applies to interview, template and xlsform; use --modules-dir for a folder)`);
  }
  return g.modules ? { modules: g.modules } : {};
}

/**
 * `--modules` names a folder when one exists by that name, else a list of module ids; the
 * two meanings come from the issues that introduced it, and `--modules-dir` removes doubt.
 */
function globals(cmd: Command): GlobalOptions {
  const g = cmd.optsWithGlobals() as { modules?: string; modulesDir?: string };
  const out: GlobalOptions = {};
  if (g.modulesDir) out.modules = g.modulesDir;
  if (g.modules) {
    if (isDirectory(g.modules) || /[\\/]/.test(g.modules)) out.modules = g.modules;
    else out.select = g.modules.split(",").map((s) => s.trim()).filter(Boolean);
  }
  return out;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
