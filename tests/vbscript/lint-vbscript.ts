/** Linting VBScript through the real ESLint `Linter`, the plugin's own parser and its main entry's configs. */
import { Linter } from "eslint";
import wua from "../../src/index.js";
import { parse } from "../../src/vbscript/parser/index.js";

export interface VBScriptLintOptions {
  settings?: Record<string, unknown>;
  filename?: string;
  /** Only this rule (all of the strict config's when omitted). */
  rule?: string;
}

const strict = wua.configs.strict as Linter.Config[];

export function lintVBScript(code: string, options: VBScriptLintOptions = {}): Linter.LintMessage[] {
  const configs = options.rule === undefined ? strict : strict.map((config) => ({ ...config, rules: { [`wua/${options.rule}`]: "error" as const } }));
  return new Linter({ configType: "flat" }).verify(code, [...configs, { files: ["**/*.vbs"], settings: options.settings ?? {} }], {
    filename: options.filename ?? "script.vbs",
  });
}

/** The wua messages only (not the file's parse problem). */
export function wuaMessages(code: string, options?: VBScriptLintOptions): Linter.LintMessage[] {
  return lintVBScript(code, options).filter((m) => m.ruleId !== null);
}

/** `rule@line:column` for each wua message. */
export function findings(code: string, options?: VBScriptLintOptions): string[] {
  return wuaMessages(code, options).map((m) => `${m.ruleId!.replace("wua/", "")}@${m.line}:${m.column}`);
}

/** The member or creation each wua message points at, as written in the code. */
export function reportedTexts(code: string, options?: VBScriptLintOptions): string[] {
  const lines = code.split(/\r\n|[\r\n]/u);
  return wuaMessages(code, options).map((m) => {
    const line = lines[m.line - 1] ?? "";
    return m.endLine === m.line ? line.slice(m.column - 1, (m.endColumn ?? m.column) - 1) : line.slice(m.column - 1);
  });
}

/** The text after applying one suggestion's edit. */
export function applied(code: string, suggestion: Linter.LintSuggestion): string {
  const [start, end] = suggestion.fix.range;
  return code.slice(0, start) + suggestion.fix.text + code.slice(end);
}

/** The parse errors VBScript's grammar finds in a text: none for a suggestion's result. */
export function parseErrors(code: string): string[] {
  return parse(code).errors.map((error) => error.message);
}
