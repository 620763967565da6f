#!/usr/bin/env node
/**
 * wua-lint: lint a folder of Windows Update scripts with no Node project and no ESLint config.
 * It is ESLint itself (its Node API) with this plugin's config and parser defaults for each kind
 * of script; a folder's own eslint.config.js is not read (use `eslint` for that).
 */
import { createRequire } from "node:module";
import { existsSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import tsParser from "@typescript-eslint/parser";
import { ESLint, type Linter } from "eslint";
import plugin from "../index.js";

const require = createRequire(import.meta.url);
const { version } = require("../../package.json") as { version: string };

const HELP = `Usage: wua-lint [options] [paths...]

Reports Windows Update Agent (WUA) calls that fail when the objects live on another computer.
Paths default to the current folder. PowerShell .ps1 and .psm1 files are linted, Windows Script
Host .js files are parsed as scripts, .mjs as modules, .cjs as CommonJS, .ts/.mts/.cts with
@typescript-eslint/parser, and the JScript inside .wsf and .hta files is linted in place. A folder's
own ESLint config is not used.

Options:
  --strict               also report members that are not documented for remote callers
  --assume-remote        treat every WUA object as remote (scripts started over WinRM or SSH)
  --format <name>        stylish (default), json, or sarif (for GitHub code scanning)
  --output-file <path>   write the report to a file instead of the terminal
  --max-warnings <n>     exit with 1 when there are more than n warnings
  --quiet                report errors only
  --help                 show this help
  --version              show the version

Exit codes: 0 no problems, 1 problems found, 2 usage or internal error.`;

const FORMATS = new Set(["stylish", "json", "sarif"]);

class UsageError extends Error {}

interface Options {
  paths: string[];
  strict: boolean;
  assumeRemote: boolean;
  format: string;
  outputFile: string | undefined;
  maxWarnings: number | undefined;
  quiet: boolean;
  help: boolean;
  version: boolean;
}

function readOptions(argv: readonly string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        strict: { type: "boolean", default: false },
        "assume-remote": { type: "boolean", default: false },
        format: { type: "string", default: "stylish" },
        "output-file": { type: "string" },
        "max-warnings": { type: "string" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
        version: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (!FORMATS.has(values.format)) throw new UsageError(`Unknown format "${values.format}": use stylish, json or sarif.`);
  let maxWarnings: number | undefined;
  if (values["max-warnings"] !== undefined) {
    maxWarnings = Number(values["max-warnings"]);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError("--max-warnings takes a whole number of 0 or more.");
  }
  return {
    paths: positionals.length > 0 ? positionals : ["."],
    strict: values.strict,
    assumeRemote: values["assume-remote"],
    format: values.format,
    outputFile: values["output-file"],
    maxWarnings,
    quiet: values.quiet,
    help: values.help,
    version: values.version,
  };
}

/**
 * The configuration wua-lint lints with: parser defaults per kind of script, then the plugin's
 * config, which covers JavaScript, the script blocks of .wsf/.hta and PowerShell. The settings come
 * last and have no `files`, so they apply to every kind of file.
 */
function wuaLintConfig(options: { strict: boolean; assumeRemote: boolean }): Linter.Config[] {
  const configName = options.strict ? "strict" : "recommended";
  return [
    { files: ["**/*.js"], languageOptions: { ecmaVersion: "latest", sourceType: "script" } },
    { files: ["**/*.mjs"], languageOptions: { ecmaVersion: "latest", sourceType: "module" } },
    { files: ["**/*.cjs"], languageOptions: { ecmaVersion: "latest", sourceType: "commonjs" } },
    { files: ["**/*.ts", "**/*.mts", "**/*.cts"], languageOptions: { parser: tsParser as unknown as Linter.Parser } },
    ...(plugin.configs[configName] as unknown as Linter.Config[]),
    { settings: { wua: { assumeRemote: options.assumeRemote } } },
  ];
}

async function main(argv: readonly string[]): Promise<number> {
  const options = readOptions(argv);
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const eslint = new ESLint({ cwd: baseFolder(options.paths), overrideConfigFile: true, overrideConfig: wuaLintConfig(options) });
  const results = await eslint.lintFiles(options.paths);
  // As with eslint, warnings count against --max-warnings even when --quiet hides them.
  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  const shown = options.quiet ? ESLint.getErrorResults(results) : results;
  const report = options.format === "sarif" ? formatSarif(eslint, shown) : await (await eslint.loadFormatter(options.format)).format(shown);
  if (options.outputFile) await writeFile(options.outputFile, report);
  else if (report) process.stdout.write(report.endsWith("\n") ? report : `${report}\n`);
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/**
 * SARIF 2.1.0 through Microsoft's ESLint formatter, loaded from this package rather than from the
 * user's folder, which has no node_modules.
 */
function formatSarif(eslint: ESLint, results: ESLint.LintResult[]): string {
  const sarif = require("@microsoft/eslint-formatter-sarif") as (
    results: ESLint.LintResult[],
    data: { cwd: string; rulesMeta: Record<string, unknown> },
  ) => string;
  return sarif(results, { cwd: process.cwd(), rulesMeta: eslint.getRulesMetaForResults(results) });
}

/**
 * ESLint ignores files outside its working folder; an administrator may well point wua-lint at
 * `D:\\scripts` from anywhere, so work from the folder that holds every path given.
 */
function baseFolder(paths: readonly string[]): string {
  const folders = paths.map((path) => {
    const absolute = resolve(path);
    return existsSync(absolute) && statSync(absolute).isFile() ? dirname(absolute) : absolute;
  });
  const here = process.cwd();
  if (folders.every((folder) => isInside(folder, here))) return here;
  return folders.reduce((common, folder) => {
    let candidate = common;
    while (!isInside(folder, candidate)) candidate = dirname(candidate);
    return candidate;
  });
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** One line, no stack trace: a missing path or an unreadable file is the user's to fix, not a crash. */
function describeFailure(error: unknown): string {
  if (error instanceof UsageError) return `${error.message}\nRun wua-lint --help for the options.`;
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`wua-lint: ${describeFailure(error)}\n`);
    process.exitCode = 2;
  },
);
