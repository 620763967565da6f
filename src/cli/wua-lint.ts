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
import tsParser from "@typescript-eslint/parser";
import { ESLint, type Linter } from "eslint";
import { formatResultsAsSarif } from "../formatters/sarif.js";
import plugin from "../index.js";
import { HELP, readOptions, UsageError } from "./options.js";
import { describeSkippedFiles, findSkippedFiles } from "./skipped-files.js";
import { withUnicodeFilesDecoded } from "./unicode-files.js";

const require = createRequire(import.meta.url);
const { version } = require("../../package.json") as { version: string };

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
  const cwd = baseFolder(options.paths);
  const eslintOptions: ESLint.Options = { cwd, overrideConfigFile: true, overrideConfig: wuaLintConfig(options) };
  const eslint = new ESLint(eslintOptions);
  const skipped = findSkippedFiles(options.paths.map((path) => resolve(path)));
  let results = await lintFiles(eslint, eslintOptions, options.paths, skipped.length > 0);
  results = await withUnicodeFilesDecoded(eslint, results.filter((result) => !skipped.includes(result.filePath)));
  if (options.assumeRemote) results = results.map(namingTheFlag);
  // As with eslint, warnings count against --max-warnings even when --quiet hides them.
  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  const shown = options.quiet ? ESLint.getErrorResults(results) : results;
  const report = options.format === "sarif" ? formatSarif(eslint, shown) : await (await eslint.loadFormatter(options.format)).format(shown);
  if (options.outputFile) await writeFile(options.outputFile, report);
  else if (report) process.stdout.write(report.endsWith("\n") ? report : `${report}\n`);
  // On standard error, so that a JSON or SARIF report on standard output stays whole.
  if (skipped.length > 0) process.stderr.write(`${describeSkippedFiles(skipped, process.cwd())}\n`);
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/**
 * ESLint stops on a path whose files it all ignores. A folder of only .vbe or plain batch files is
 * not a mistake when those files are named as skipped: lint what there is, and let a path that does
 * not exist still stop the run.
 */
async function lintFiles(eslint: ESLint, eslintOptions: ESLint.Options, paths: string[], someSkipped: boolean): Promise<ESLint.LintResult[]> {
  try {
    return await eslint.lintFiles(paths);
  } catch (error) {
    if (!someSkipped || (error as { messageTemplate?: string }).messageTemplate !== "all-matched-files-ignored") throw error;
    for (const path of paths) if (!/[*?[\]{}]/u.test(path) && !existsSync(path)) throw new Error(`No files matching '${path}' were found.`);
    return new ESLint({ ...eslintOptions, errorOnUnmatchedPattern: false }).lintFiles(paths);
  }
}

/** Under --assume-remote the user typed a flag, not a setting: the messages name what they typed. */
function namingTheFlag(result: ESLint.LintResult): ESLint.LintResult {
  const rename = (message: Linter.LintMessage): Linter.LintMessage => ({
    ...message,
    message: message.message.replaceAll("settings.wua.assumeRemote", "wua-lint --assume-remote"),
  });
  return { ...result, messages: result.messages.map(rename), suppressedMessages: result.suppressedMessages.map(rename) as Linter.SuppressedLintMessage[] };
}

/**
 * SARIF 2.1.0 through the package's own formatter. Its paths are relative to the folder wua-lint
 * was started in (in CI, the checkout), not to ESLint's base folder, so that code scanning finds
 * the files in the repository. Findings hidden by `eslint-disable` comments stay in the log as
 * suppressed results.
 */
function formatSarif(eslint: ESLint, results: ESLint.LintResult[]): string {
  return formatResultsAsSarif(results, { cwd: process.cwd(), rulesMeta: eslint.getRulesMetaForResults(results) });
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
