/** Linting PowerShell through the real ESLint `Linter`, the plugin's own parser and its main entry's configs. */
import { Linter } from "eslint";
import wua from "../../src/index.js";

export interface PowerShellLintOptions {
  settings?: Record<string, unknown>;
  filename?: string;
}

export function lintPowerShell(code: string, options: PowerShellLintOptions = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat" });
  return linter.verify(
    code,
    [...(wua.configs.strict as Linter.Config[]), { files: ["**/*.ps1", "**/*.psm1"], settings: options.settings ?? {} }],
    { filename: options.filename ?? "script.ps1" },
  );
}

/** `rule@line:column` for each message. */
export function findings(code: string, options?: PowerShellLintOptions): string[] {
  return lintPowerShell(code, options).map((m) => `${(m.ruleId ?? "parse").replace("wua/", "")}@${m.line}:${m.column}`);
}

/** The member or creation each message points at, as written in the code. */
export function reportedTexts(code: string, options?: PowerShellLintOptions): string[] {
  const lines = code.split(/\r?\n/u);
  return lintPowerShell(code, options).map((m) => {
    const line = lines[m.line - 1] ?? "";
    return m.endLine === m.line ? line.slice(m.column - 1, (m.endColumn ?? m.column) - 1) : line.slice(m.column - 1);
  });
}
