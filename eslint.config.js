// The repository's own ESLint config. It only lints the bundled examples (`npm run lint:examples`,
// which runs `eslint examples`), with the BUILT plugin: run `npm run build` first.
// The plugin's sources and tests are checked by TypeScript and Vitest, not by this config.
import tsParser from "@typescript-eslint/parser";
import globals from "globals";
import wua from "./dist/index.js";

export default [
  {
    name: "examples/ignores",
    ignores: ["dist/", "node_modules/", "reports/", "tests/", "src/", "scripts/"],
  },
  {
    // Windows Script Host JScript: classic scripts, not modules (WSH scripts may use `with`,
    // octal literals and other things that strict mode rejects).
    name: "examples/wsh-scripts",
    files: ["examples/**/*.js"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "script",
      globals: globals.wsh,
    },
  },
  {
    // Node.js modules, for example scripts that use winax.
    name: "examples/node-modules",
    files: ["examples/**/*.mjs"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: globals.node,
    },
  },
  {
    name: "examples/typescript",
    files: ["examples/**/*.ts"],
    languageOptions: {
      parser: tsParser,
    },
  },
  // The plugin's `strict` config: every rule as an error, the `.wsf`/`.hta` processors, and the
  // plugin's PowerShell language for `.ps1`/`.psm1` files.
  ...wua.configs.strict,
];
