// JSON Schema checks with ajv, with errors turned into problems a module author can act on.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type { DocPath, Problem, ProblemArgs, ProblemCode, SchemaRule } from "../core/problems.js";
import { problem } from "../core/problems.js";
import { packagePath } from "./paths.js";

const SCHEMAS = ["module", "scales", "glossary", "answers", "results", "report", "manifest", "compare"] as const;
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

/**
 * Problems for every way `value` breaks the part of the schema at `pointer` (a JSON pointer
 * into it, such as one row of a long table), placed at `path` in the document: a row checked
 * as it is written, the table never whole in memory.
 */
export function checkSchemaPart(name: SchemaName, pointer: string, value: unknown, source: string, path: DocPath): Problem[] {
  validator(name);
  const validate = ajv!.getSchema(`${schemaId(name)}#${pointer}`);
  if (!validate) throw new Error(`no part ${pointer} in the ${name} schema`);
  if (validate(value)) return [];
  return toProblems(validate.errors ?? [], source).map((p) => ({ ...p, path: [...path, ...p.path] }));
}

/** Codes whose position is the key that is wrong, not its value. */
export const KEY_CODES: ReadonlySet<ProblemCode> = new Set(["SCHEMA_UNKNOWN_PROPERTY"]);

function toProblems(errors: ErrorObject[], source: string): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  const add = <C extends ProblemCode>(code: C, args: ProblemArgs[C], path: DocPath) => {
    const k = `${code}|${path.join("/")}|${JSON.stringify(args)}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(problem(code, args, source, path));
  };

  // A bad condition fails every branch of its oneOf; report it once, where it is deepest.
  // (The condition schema refers to itself, so ajv's schema paths restart inside it: it is
  // found by where it sits in the module, under a question's `when`.)
  const inCondition = (e: ErrorObject) => /\/when(\/|$)/.test(e.instancePath);
  const condErrors = errors.filter(inCondition);
  const condPaths = [...new Set(condErrors.map((e) => e.instancePath))];
  const deepest = condPaths.filter((p) => !condPaths.some((q) => q !== p && q.startsWith(`${p}/`)));

  for (const e of errors) {
    const path = pointer(e.instancePath);
    if (e.keyword === "if") continue;
    if (inCondition(e)) {
      if (!deepest.includes(e.instancePath)) continue;
      // Leaf errors inside a branch (a bad id pattern) speak for themselves.
      if (e.keyword === "pattern" || e.keyword === "minItems" || e.keyword === "uniqueItems") {
        add("SCHEMA", describe(e), path);
      } else {
        add("SCHEMA_CONDITION", {}, path);
      }
      continue;
    }
    if (e.keyword === "additionalProperties") {
      const prop = String((e.params as { additionalProperty: string }).additionalProperty);
      add("SCHEMA_UNKNOWN_PROPERTY", { property: prop }, [...path, prop]);
    } else if (e.keyword === "required") {
      const prop = String((e.params as { missingProperty: string }).missingProperty);
      add("SCHEMA_REQUIRED", { property: prop }, path);
    } else if (e.keyword === "not") {
      add("SCHEMA", notRule(e.schemaPath), path);
    } else {
      add("SCHEMA", describe(e), path);
    }
  }
  return out;
}

const COMPARISON = { minimum: ">=", maximum: "<=", exclusiveMinimum: ">", exclusiveMaximum: "<" } as const;
const COUNTED = { Items: "items", Length: "characters", Properties: "properties" } as const;

/** An ajv error as data: the common keywords get our own words (src/core/problem-words-modules.ts). */
function describe(e: ErrorObject): SchemaRule {
  const value = JSON.stringify(e.data) ?? "undefined";
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "pattern":
      return e.schemaPath.includes("identifier") ? { rule: "id", value } : { rule: "pattern", value };
    case "enum":
      return { rule: "enum", value, allowed: (params.allowedValues as unknown[]).map(String) };
    case "type":
      return { rule: "type", expected: String(params.type), found: Array.isArray(e.data) ? "a list" : e.data === null ? "null" : (typeof e.data as "string") };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { rule: "limit", value, comparison: COMPARISON[e.keyword], limit: Number(params.limit) };
    case "const":
      return { rule: "const" };
    case "minItems":
    case "maxItems":
    case "minLength":
    case "maxLength":
    case "minProperties":
    case "maxProperties":
      return { rule: "count", bound: e.keyword.startsWith("min") ? "min" : "max", limit: Number(params.limit), of: COUNTED[e.keyword.slice(3) as keyof typeof COUNTED] };
    case "uniqueItems":
      return { rule: "unique", first: Number(params.j), second: Number(params.i) };
    case "format":
      return { rule: "format", format: String(params.format) };
    case "oneOf":
      return { rule: "one_of" };
    case "anyOf":
      return { rule: "any_of" };
    case "propertyNames":
      return { rule: "property_name", name: String(params.propertyName) };
    default:
      return { rule: "other", keyword: e.keyword, detail: e.message ?? e.keyword };
  }
}

/** The schema's `not` rules, keyed by where they sit in module.schema.json. */
function notRule(schemaPath: string): SchemaRule {
  if (schemaPath.includes("/allOf/1/")) return { rule: "text_scored" };
  if (schemaPath.includes("/allOf/3/then/")) return { rule: "options_on_number" };
  if (schemaPath.includes("/allOf/3/else/")) return { rule: "number_fields" };
  if (schemaPath.includes("/allOf/4/")) return { rule: "scale_and_options" };
  return { rule: "not" };
}

function pointer(instancePath: string): DocPath {
  if (instancePath === "") return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
