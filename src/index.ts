import { createRequire } from "node:module";
import type { TSESLint } from "@typescript-eslint/utils";
// Only a default export: tools that load the plugin with require() (eslint-doc-generator) then see it whole.
import { rules, type RuleName } from "./rules/index.js";

const { name, version } = createRequire(import.meta.url)("../package.json") as { name: string; version: string };

type Severity = "error" | "warn";

const plugin = {
  meta: { name, version, namespace: "wua" },
  rules: rules as unknown as Record<RuleName, TSESLint.LooseRuleDefinition>,
  configs: {} as Record<"recommended" | "strict", TSESLint.FlatConfig.Config>,
};

function configOf(configName: string, ruleNames: readonly RuleName[], severity: Severity): TSESLint.FlatConfig.Config {
  return {
    name: `wua/${configName}`,
    plugins: { wua: plugin },
    rules: Object.fromEntries(ruleNames.map((rule) => [`wua/${rule}`, severity])),
  };
}

plugin.configs.recommended = configOf(
  "recommended",
  ["no-remote-unavailable-member", "no-remote-ishidden-write", "no-remote-unavailable-interface"],
  "error",
);
plugin.configs.strict = configOf("strict", Object.keys(rules) as RuleName[], "error");

export default plugin;
