/**
 * Mistakes in the configuration, reported as lint messages rather than thrown: a typo in
 * `settings.wua` or in a rule's option should tell the administrator what to fix, once per file, and
 * leave the rest of the configuration working. The messages are reported while a rule is set up
 * (in `create`), before ESLint walks the file: one place serves every language, whatever its syntax
 * tree, and the message does not wait for the analysis.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import { checkWuaSettings } from "../core/wua-settings.js";

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const README = "https://github.com/eslint-plugin-wua/eslint-plugin-wua/blob/main/README.md";

/** Every wua rule declares this message: whichever of them runs first on a file reports the settings. */
export const INVALID_SETTINGS_MESSAGE =
  "The ESLint configuration has a mistake in settings.wua: {{problems}} The wua rules ignore what is wrong, use the default in its place and apply the rest of settings.wua. See {{link}}";

const SETTINGS_LINK = `${README}#settings-and-the-wua-remote-comment`;

/**
 * The rule that reports the settings of each file: the first wua rule set up for it. The others stay
 * silent on that file; linting the same SourceCode again gives the message again, from the same rule.
 */
const settingsReporters = new WeakMap<object, string>();

export function reportInvalidSettings(context: AnyContext): void {
  const { problems } = checkWuaSettings(context.settings);
  if (problems.length === 0 || isLaterScriptBlock(context)) return;
  const reporter = settingsReporters.get(context.sourceCode);
  if (reporter === undefined) settingsReporters.set(context.sourceCode, context.id);
  else if (reporter !== context.id) return;
  context.report({ loc: firstLineOf(context), messageId: "invalidSettings", data: { problems: problems.join(" "), link: SETTINGS_LINK } });
}

/** A message about the configuration of this rule alone, such as an option naming nothing that exists. */
export function reportInvalidOption(context: AnyContext, messageId: string, data: Record<string, string>): void {
  if (isLaterScriptBlock(context)) return;
  context.report({ loc: firstLineOf(context), messageId, data });
}

/**
 * The first line, whatever the language: configuration belongs to no line of the file, and line 1 is
 * where a directive such as `// eslint-disable-line` can reach it.
 */
function firstLineOf(context: AnyContext): TSESLint.AST.SourceLocation {
  const firstLine = context.sourceCode.lines[0] ?? "";
  return { start: { line: 1, column: 0 }, end: { line: 1, column: firstLine.length } };
}

/**
 * Each job of a `.wsf` file, each page of an `.hta`, is a file of its own for ESLint (`x.wsf/0_job1.js`,
 * `x.wsf/1_job2.js`), but one file to the administrator; the configuration is the same for all of
 * them. Only the first one reports it, at line 1 of the real file.
 */
function isLaterScriptBlock(context: AnyContext): boolean {
  const { filename, physicalFilename } = context;
  if (filename === physicalFilename || !/\.(?:wsf|hta)$/iu.test(physicalFilename)) return false;
  const blockIndex = /[\\/](\d+)_[^\\/]*$/u.exec(filename)?.[1];
  return blockIndex !== undefined && blockIndex !== "0";
}
