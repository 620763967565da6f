/**
 * eslint-plugin-wua: the rules, the PowerShell and VBScript languages (`wua/powershell`,
 * `wua/vbscript`), the `.wsf`/`.hta` processors and the `recommended` and `strict` configs, which
 * cover every kind of file the plugin lints.
 */
import { createRequire } from "node:module";
import type { ESLint, Linter, Rule } from "eslint";
import { withPowerShellAnalysis } from "./powershell/analysis/analysis.js";
import { powershellLanguage } from "./powershell/language.js";
import { PowerShellSourceCode } from "./powershell/source-code.js";
import { withVBScriptAnalysis } from "./vbscript/analysis/analysis.js";
import { vbscriptLanguage } from "./vbscript/language.js";
import { VBScriptSourceCode } from "./vbscript/source-code.js";
import { createBatchProcessor } from "./processors/batch.js";
import { createProcessor } from "./processors/processors.js";
import { registerFrontEnd } from "./rules/front-ends.js";
import { RECOMMENDED_RULES, rules, type RuleName } from "./rules/index.js";

const { name, version } = createRequire(import.meta.url)("../package.json") as { name: string; version: string };

/** ESLint's type of a plugin language (`eslint` exports the type only as part of `ESLint.Plugin`). */
export type PluginLanguage = NonNullable<ESLint.Plugin["languages"]>[string];

/**
 * The plugin as users see it, in `eslint`'s own types only (the package's declarations import
 * nothing else), so a user's `Linter.Config[]`, `defineConfig()` and `plugins: { wua }` accept it.
 * `configs` is a type literal, not an interface, so that it fits `ESLint.Plugin["configs"]` (a record).
 */
export interface WuaPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, Rule.RuleModule>;
  languages: { powershell: PluginLanguage; vbscript: PluginLanguage };
  processors: { wsf: Linter.Processor; hta: Linter.Processor; batch: Linter.Processor };
  configs: { recommended: Linter.Config[]; strict: Linter.Config[] };
}

export const POWERSHELL_FILES = ["**/*.ps1", "**/*.psm1"];
/**
 * `.vbs` files, and as their processors hand them over, the VBScript blocks of `.wsf` and `.hta`
 * files and the batch files that run themselves as VBScript.
 */
export const VBSCRIPT_FILES = ["**/*.vbs", "**/*.wsf/*.vbs", "**/*.hta/*.vbs", "**/*.bat/*.vbs", "**/*.cmd/*.vbs"];

registerFrontEnd({ accepts: (sourceCode) => sourceCode instanceof PowerShellSourceCode, listen: withPowerShellAnalysis });
registerFrontEnd({ accepts: (sourceCode) => sourceCode instanceof VBScriptSourceCode, listen: withVBScriptAnalysis });

const plugin: WuaPlugin = {
  meta: { name, version, namespace: "wua" },
  // typescript-eslint's rule type (typed context and fixer) is not assignable to ESLint's
  // `Rule.RuleModule`, although ESLint runs these rules as they are.
  rules: rules as unknown as Record<RuleName, Rule.RuleModule>,
  // ESLint's plugin type gives a language's tree as `unknown`; ours take their own tree back.
  languages: { powershell: powershellLanguage as unknown as PluginLanguage, vbscript: vbscriptLanguage as unknown as PluginLanguage },
  processors: {
    wsf: createProcessor("wsf", version),
    hta: createProcessor("hta", version),
    batch: createBatchProcessor(version),
  },
  configs: { recommended: [], strict: [] },
};

/**
 * A config: the rules, then `.wsf` and `.hta` files split into their JScript (one virtual file per
 * job or page), which is parsed as a classic script like any Windows Script Host code,
 * `.ps1`/`.psm1` files read with the plugin's PowerShell language, and VBScript with its own.
 */
function configOf(configName: string, ruleNames: readonly RuleName[]): Linter.Config[] {
  return [
    {
      name: `wua/${configName}`,
      plugins: { wua: plugin },
      rules: Object.fromEntries(ruleNames.map((rule) => [`wua/${rule}`, "error"])),
    },
    { name: `wua/${configName}/wsf`, files: ["**/*.wsf"], processor: "wua/wsf" },
    { name: `wua/${configName}/hta`, files: ["**/*.hta"], processor: "wua/hta" },
    { name: `wua/${configName}/batch`, files: ["**/*.bat", "**/*.cmd"], processor: "wua/batch" },
    {
      name: `wua/${configName}/script-blocks`,
      files: ["**/*.wsf/*.js", "**/*.hta/*.js"],
      languageOptions: { ecmaVersion: "latest", sourceType: "script" },
    },
    { name: `wua/${configName}/powershell`, files: POWERSHELL_FILES, language: "wua/powershell" },
    { name: `wua/${configName}/vbscript`, files: VBSCRIPT_FILES, language: "wua/vbscript" },
  ];
}

plugin.configs.recommended = configOf("recommended", RECOMMENDED_RULES);
plugin.configs.strict = configOf("strict", Object.keys(rules) as RuleName[]);

export default plugin;
// `require("eslint-plugin-wua")` from a CommonJS config gets the plugin itself, not a namespace object.
export { plugin as "module.exports" };
