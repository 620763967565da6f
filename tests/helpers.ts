/** Linting through the real ESLint `Linter` with the real parsers. */
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import * as espree from "espree";
import plugin from "../src/index.js";

export type ParserName = "script" | "module" | "typescript";

export interface LintOptions {
  parser?: ParserName;
  settings?: Record<string, unknown>;
  rules?: Linter.RulesRecord;
}

const ALL_RULES: Linter.RulesRecord = {
  "wua/no-remote-unavailable-member": "error",
  "wua/no-remote-ishidden-write": "error",
  "wua/no-remote-unavailable-interface": "error",
  "wua/no-remote-unlisted-member": "error",
  "wua/no-ignored-location": "error",
};

export function languageOptionsFor(parser: ParserName): Linter.Config["languageOptions"] {
  switch (parser) {
    case "script":
      return { parser: espree, ecmaVersion: "latest", sourceType: "script" };
    case "module":
      return { parser: espree, ecmaVersion: "latest", sourceType: "module" };
    case "typescript":
      return { parser: tsParser as unknown as Linter.Parser, sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } };
  }
}

export function lint(code: string, options: LintOptions = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: "flat" });
  const parser = options.parser ?? "script";
  return linter.verify(
    code,
    {
      files: ["**/*.js", "**/*.ts", "**/*.tsx"],
      plugins: { wua: plugin as never },
      languageOptions: languageOptionsFor(parser),
      settings: options.settings ?? {},
      rules: options.rules ?? ALL_RULES,
    },
    { filename: parser === "typescript" ? "file.tsx" : "file.js" },
  );
}

/** `rule@line:column` for each message, the shape most assertions compare. */
export function summary(messages: readonly Linter.LintMessage[]): string[] {
  return messages.map((m) => `${(m.ruleId ?? "parse").replace("wua/", "")}@${m.line}:${m.column}`);
}
