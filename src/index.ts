import { createRequire } from "node:module";
import type { TSESLint } from "@typescript-eslint/utils";
import { noRemoteIshiddenWrite } from "./rules/no-remote-ishidden-write.js";
import { noRemoteUnavailableInterface } from "./rules/no-remote-unavailable-interface.js";
import { noRemoteUnavailableMember } from "./rules/no-remote-unavailable-member.js";
import { noRemoteUnlistedMember } from "./rules/no-remote-unlisted-member.js";

const { name, version } = createRequire(import.meta.url)("../package.json") as { name: string; version: string };

export const rules = {
  "no-remote-unavailable-member": noRemoteUnavailableMember,
  "no-remote-ishidden-write": noRemoteIshiddenWrite,
  "no-remote-unavailable-interface": noRemoteUnavailableInterface,
  "no-remote-unlisted-member": noRemoteUnlistedMember,
};

type RuleName = keyof typeof rules;
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
