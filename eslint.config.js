// Lint: the TypeScript recommended rules, and the layers as import rules (STYLE.md): core is
// pure and imports only core; io never imports commands or report; report never imports io
// or commands. An upward import is an error here and in test/architecture.test.ts.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const IO_PACKAGES = ["node:*", "fs", "path", "os", "exceljs", "chalk", "@inquirer/*", "commander", "ajv", "ajv-formats", "csv-parse", "yaml"];

export default tseslint.config(
  { ignores: ["dist/**", "dist-bench/**", "node_modules/**", "out/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a value deliberately left unused (destructuring a field away).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["../*", ...IO_PACKAGES], message: "src/core is pure: it imports only src/core" }] }],
      "no-restricted-globals": ["error", { name: "process", message: "src/core does no I/O" }, { name: "console", message: "src/core does no I/O" }],
    },
  },
  {
    files: ["src/io/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["../commands/*", "../report/*"], message: "io never imports commands or report" }] }] },
  },
  {
    files: ["src/report/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["../io/*", "../commands/*"], message: "report never imports io or commands" }] }] },
  },
  {
    files: ["bin/**/*.js", "test/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
