// JSON Schema checks with ajv, with errors turned into problems a module author can act on.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type { DocPath, Problem } from "../core/problems.js";
import { problem } from "../core/problems.js";
import { packagePath } from "./paths.js";

const SCHEMAS = ["module", "answers", "results", "report"] as const;
export type SchemaName = (typeof SCHEMAS)[number];

function schemaId(name: SchemaName): string {
  return `https://assess.example/schemas/${name}.schema.json`;
}

const compiled = new Map<SchemaName, ValidateFunction>();
let ajv: Ajv2020 | undefined;

function validator(name: SchemaName): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    if (!ajv) {
      // Loaded on first use (ajv is CommonJS, so synchronously): a run that checks no
      // document, such as scoring workbooks against the modules checked at build time, never pays for it.
      const require = createRequire(import.meta.url);
      const { Ajv2020: Ajv } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
      ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true });
      const addFormats = (require("ajv-formats") as { default: (a: Ajv2020) => void }).default;
      addFormats(ajv);
    }
    // Schemas refer to each other (results embed answers): register every one first.
    for (const n of SCHEMAS) {
      if (!ajv.getSchema(schemaId(n))) ajv.addSchema(JSON.parse(readFileSync(packagePath("schemas", `${n}.schema.json`), "utf8")) as object);
    }
    v = ajv.getSchema(schemaId(name))!;
    compiled.set(name, v);
  }
  return v;
}

/** Problems for every way `value` breaks the schema; key problems point at the key itself. */
export function checkSchema(name: SchemaName, value: unknown, source: string): Problem[] {
  const validate = validator(name);
  if (validate(value)) return [];
  return toProblems(validate.errors ?? [], source);
}

/** Codes whose position is the key that is wrong, not its value. */
export const KEY_CODES: ReadonlySet<string> = new Set(["SCHEMA_UNKNOWN_PROPERTY"]);

function toProblems(errors: ErrorObject[], source: string): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  const add = (code: string, path: DocPath, message: string) => {
    const k = `${code}|${path.join("/")}|${message}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(problem(code, source, path, message));
  };

  // A bad condition fails every branch of its oneOf; report it once, where it is deepest.
  const condErrors = errors.filter((e) => e.schemaPath.includes("/condition/"));
  const condPaths = [...new Set(condErrors.map((e) => e.instancePath))];
  const deepest = condPaths.filter((p) => !condPaths.some((q) => q !== p && q.startsWith(`${p}/`)));

  for (const e of errors) {
    const path = pointer(e.instancePath);
    if (e.keyword === "if") continue;
    if (e.schemaPath.includes("/condition/")) {
      if (!deepest.includes(e.instancePath)) continue;
      // Leaf errors inside a branch (a bad id pattern) speak for themselves.
      if (e.keyword === "pattern" || e.keyword === "minItems" || e.keyword === "uniqueItems") {
        add("SCHEMA", path, describe(e));
      } else {
        add("SCHEMA_CONDITION", path, "not a valid condition: write { question: id, in: [values] }, { all: [...] }, { any: [...] } or { not: ... }");
      }
      continue;
    }
    if (e.keyword === "additionalProperties") {
      const prop = String((e.params as { additionalProperty: string }).additionalProperty);
      add("SCHEMA_UNKNOWN_PROPERTY", [...path, prop], `unexpected property "${prop}"`);
    } else if (e.keyword === "required") {
      const prop = String((e.params as { missingProperty: string }).missingProperty);
      add("SCHEMA_REQUIRED", path, `"${prop}" is required here`);
    } else if (e.keyword === "not") {
      add("SCHEMA", path, notMessage(e.schemaPath));
    } else {
      add("SCHEMA", path, describe(e));
    }
  }
  return out;
}

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case "pattern":
      return e.schemaPath.includes("identifier")
        ? `${JSON.stringify(e.data)} is not a valid id: use snake_case (lower-case letters and digits joined by single underscores, starting with a letter)`
        : `${JSON.stringify(e.data)} does not match the expected form`;
    case "enum":
      return `${JSON.stringify(e.data)} is not one of: ${((e.params as { allowedValues: unknown[] }).allowedValues).join(", ")}`;
    case "type":
      return `expected ${(e.params as { type: string }).type}, found ${Array.isArray(e.data) ? "a list" : typeof e.data}`;
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
      return `${JSON.stringify(e.data)} ${e.message ?? "is out of range"}`;
    default:
      return e.message ?? e.keyword;
  }
}

/** Messages for the schema's `not` rules, keyed by where they sit in module.schema.json. */
function notMessage(schemaPath: string): string {
  if (schemaPath.includes("/allOf/1/")) return "a text question is never scored: remove dimension, options and bands";
  if (schemaPath.includes("/allOf/3/then/")) return "number and date questions take no options";
  if (schemaPath.includes("/allOf/3/else/")) return "min, max, integer, unit and bands apply only to number and date questions";
  return "this combination of properties is not allowed";
}

function pointer(instancePath: string): DocPath {
  if (instancePath === "") return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
