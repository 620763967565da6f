/**
 * `eslint-plugin-wua/powershell`: the PowerShell language and configs for `.ps1` and `.psm1` files.
 * An entry of its own because the tree-sitter grammar loads asynchronously, before ESLint lints: the
 * top-level await below would stop `require()` of the main entry, which tools such as
 * eslint-doc-generator rely on.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import plugin from "./index.js";
import { powershellLanguage } from "./powershell/language.js";
import { loadPowerShellParser } from "./powershell/parser.js";
import { RECOMMENDED_RULES, type RuleName } from "./rules/index.js";

await loadPowerShellParser();

type Config = TSESLint.FlatConfig.Config;

export const POWERSHELL_FILES = ["**/*.ps1", "**/*.psm1"];

const powershellPlugin = {
  meta: { name: "eslint-plugin-wua/powershell", version: plugin.meta.version, namespace: "wua-powershell" },
  languages: { powershell: powershellLanguage },
  configs: {} as Record<"recommended" | "strict", Config[]>,
};

/**
 * Self-contained: registers the rules' plugin under `wua` (the same object as the main entry's, so
 * the two entries' configs combine without a clash) and lints `.ps1`/`.psm1` with the language.
 */
function configOf(configName: string, ruleNames: readonly RuleName[]): Config[] {
  return [
    {
      name: `wua-powershell/${configName}`,
      files: POWERSHELL_FILES,
      plugins: {
        wua: plugin as unknown as TSESLint.FlatConfig.Plugin,
        "wua-powershell": powershellPlugin as unknown as TSESLint.FlatConfig.Plugin,
      },
      language: "wua-powershell/powershell",
      rules: Object.fromEntries(ruleNames.map((rule) => [`wua/${rule}`, "error"])),
    },
  ];
}

powershellPlugin.configs.recommended = configOf("recommended", RECOMMENDED_RULES);
powershellPlugin.configs.strict = configOf("strict", Object.keys(plugin.rules) as RuleName[]);

export default powershellPlugin;
