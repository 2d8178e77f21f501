// YAML (and JSON, its subset) parsed safely, keeping node positions so that every problem
// can name a line and column.
import { LineCounter, Scalar, YAMLMap, YAMLSeq, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import type { Document, Node } from "yaml";
import type { DocPath, Problem, ProblemCode } from "../core/problems.js";
import { problem } from "../core/problems.js";

/** Aliases beyond this are refused: a "billion laughs" file must not expand in memory. */
export const MAX_ALIASES = 100;

export interface ParsedYaml {
  source: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The plain value; undefined when the text could not be parsed. */
  value: unknown;
  problems: Problem[];
}

/**
 * The text of a YAML or JSON file's bytes, which must be UTF-8: bytes that are not are a problem
 * at their line and column, never replacement characters (a module's label or an answer would
 * read "�" and be scored or printed as such). A BOM is kept, as the parser expects.
 */
export function yamlText(bytes: Buffer, source: string, what: "answers" | "module"): { text: string } | { problem: Problem } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
    const line = bytes.subarray(0, lineStart).reduce((n, b) => n + (b === 0x0a ? 1 : 0), 1);
    // Columns count characters as the YAML parser does (UTF-16 units): the bytes before are valid.
    const column = bytes.toString("utf8", lineStart, at).length + 1;
    return { problem: { ...problem("INVALID_UTF8", { what }, source, []), line, column } };
  }
}

/** Where the first byte that does not begin a well-formed UTF-8 sequence is (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4.
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return b.length;
}

export function parseYaml(text: string, source: string): ParsedYaml {
  const lines = new LineCounter();
  // The core schema: no custom tags, no !!binary, !!set, !!timestamp or language-specific types.
  const doc = parseDocument(text, { lineCounter: lines, schema: "core", uniqueKeys: true, prettyErrors: false, customTags: [] });
  const problems: Problem[] = [];
  const at = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  // After the first syntax error the parser's later complaints are mostly echoes of it.
  const [first, ...rest] = doc.errors;
  if (first) {
    problems.push({ ...problem("YAML_SYNTAX", { detail: firstLine(first.message), more: rest.length }, source, []), ...at(first.pos[0]) });
  }
  // Unresolved tags come as warnings; a tag we do not know is a file we do not trust.
  for (const w of doc.warnings) problems.push({ ...problem("YAML_TAG", { detail: firstLine(w.message) }, source, []), ...at(w.pos[0]) });
  let value: unknown;
  if (problems.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      problems.push(problem("YAML_ALIASES", { detail: (e as Error).message, max: MAX_ALIASES }, source, []));
    }
  }
  return { source, doc, lines, value, problems };
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}

/**
 * Line and column of the node at `path`, or of the closest existing parent. With `key`,
 * the position of the last segment's key (for "unexpected property" problems).
 */
export function positionOf(parsed: ParsedYaml, path: DocPath, key = false): { line: number; column: number } | undefined {
  let node: Node | null | undefined = parsed.doc.contents as Node | null;
  let best: number | undefined = node?.range?.[0];
  for (let i = 0; i < path.length && node; i++) {
    const seg = path[i]!;
    const isLast = i === path.length - 1;
    if (isMap(node)) {
      const pair = (node as YAMLMap).items.find((p) => isPair(p) && keyText(p.key) === String(seg));
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      if (isLast && key && keyNode?.range) return pos(parsed, keyNode.range[0]);
      node = pair.value as Node | null;
      best = (node?.range ?? keyNode?.range)?.[0] ?? best;
    } else if (isSeq(node)) {
      node = (node as YAMLSeq).items[Number(seg)] as Node | null | undefined;
      if (!node) break;
      best = node.range?.[0] ?? best;
    } else {
      break;
    }
  }
  return best === undefined ? undefined : pos(parsed, best);
}

function keyText(k: unknown): string | undefined {
  if (isScalar(k)) return String((k as Scalar).value);
  return undefined;
}

function pos(parsed: ParsedYaml, offset: number): { line: number; column: number } {
  const p = parsed.lines.linePos(offset);
  return { line: p.line, column: p.col };
}

/** Adds line:column to problems that have a document path and none yet. */
export function locate(parsed: ParsedYaml, problems: Problem[], keyCodes: ReadonlySet<ProblemCode> = new Set()): Problem[] {
  return problems.map((p) => {
    if (p.line !== undefined) return p;
    const at = positionOf(parsed, p.path, keyCodes.has(p.code));
    return at ? { ...p, ...at } : p;
  });
}
