// Problems are data (a code, where, and the facts); one function turns them into words.

export type DocPath = (string | number)[];

export type Severity = "error" | "warning";

/** The arguments of a code that needs none. */
export type NoArgs = Record<string, never>;

export interface Problem {
  code: string;
  severity: Severity;
  /** The file (or other source) the problem is in. */
  source: string;
  /** Path inside the document, e.g. ["sections", 0, "questions", 2, "id"]. */
  path: DocPath;
  message: string;
  /** Filled in by the loader from the YAML node ranges, 1-based. */
  line?: number;
  column?: number;
  /** A human place such as a sheet and cell, when there is no YAML position. */
  place?: string;
}

export function problem(code: string, source: string, path: DocPath, message: string, severity: Severity = "error"): Problem {
  return { code, severity, source, path, message };
}

/** "sections[0].questions[2].id" — the path as a reader would type it. */
export function formatPath(path: DocPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}

/** One line: `modules/x.yaml:12:7 sections[0].questions[2].id: message (CODE)`. */
export function formatProblem(p: Problem): string {
  let where = p.source;
  if (p.line !== undefined) where += `:${p.line}:${p.column ?? 1}`;
  if (p.place) where += ` › ${p.place}`;
  const path = p.path.length > 0 ? ` ${formatPath(p.path)}` : "";
  const sev = p.severity === "warning" ? "warning: " : "";
  return `${where}${path}: ${sev}${p.message} [${p.code}]`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
