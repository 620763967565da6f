import { createRequire } from "node:module";
import type { TSESLint } from "@typescript-eslint/utils";
// Only a default export: tools that load the plugin with require() (eslint-doc-generator) then see it whole.
import { createProcessor } from "./processors/processors.js";
import { RECOMMENDED_RULES, rules, type RuleName } from "./rules/index.js";

const { name, version } = createRequire(import.meta.url)("../package.json") as { name: string; version: string };

type Config = TSESLint.FlatConfig.Config;

const plugin = {
  meta: { name, version, namespace: "wua" },
  rules: rules as unknown as Record<RuleName, TSESLint.LooseRuleDefinition>,
  processors: {
    wsf: createProcessor("wsf", version),
    hta: createProcessor("hta", version),
  },
  configs: {} as Record<"recommended" | "strict", Config[]>,
};

/**
 * A config: the rules, then `.wsf` and `.hta` files split into their JScript (one virtual file per
 * job or page), which is parsed as a classic script like any Windows Script Host code.
 */
function configOf(configName: string, ruleNames: readonly RuleName[]): Config[] {
  return [
    {
      name: `wua/${configName}`,
      plugins: { wua: plugin as unknown as TSESLint.FlatConfig.Plugin },
      rules: Object.fromEntries(ruleNames.map((rule) => [`wua/${rule}`, "error"])),
    },
    { name: `wua/${configName}/wsf`, files: ["**/*.wsf"], processor: "wua/wsf" },
    { name: `wua/${configName}/hta`, files: ["**/*.hta"], processor: "wua/hta" },
    {
      name: `wua/${configName}/script-blocks`,
      files: ["**/*.wsf/*.js", "**/*.hta/*.js"],
      languageOptions: { ecmaVersion: "latest", sourceType: "script" },
    },
  ];
}

plugin.configs.recommended = configOf("recommended", RECOMMENDED_RULES);
plugin.configs.strict = configOf("strict", Object.keys(rules) as RuleName[]);

export default plugin;
