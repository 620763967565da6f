/**
 * `eslint-plugin-wua/powershell`: kept for configs written before PowerShell moved into the main
 * entry. Its configs are the main entry's PowerShell blocks; its language is the same object, also
 * reachable as `wua-powershell/powershell`. New configs need only `eslint-plugin-wua`.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import plugin, { POWERSHELL_FILES } from "./index.js";

type Config = TSESLint.FlatConfig.Config;

const powershellPlugin = {
  meta: { name: "eslint-plugin-wua/powershell", version: plugin.meta.version, namespace: "wua-powershell" },
  languages: plugin.languages,
  configs: {} as Record<"recommended" | "strict", Config[]>,
};

function configOf(configName: "recommended" | "strict"): Config[] {
  const rules = plugin.configs[configName][0]!.rules;
  return [
    {
      name: `wua-powershell/${configName}`,
      files: POWERSHELL_FILES,
      plugins: { wua: plugin as unknown as TSESLint.FlatConfig.Plugin },
      language: "wua/powershell",
      rules,
    },
  ];
}

powershellPlugin.configs.recommended = configOf("recommended");
powershellPlugin.configs.strict = configOf("strict");

export { POWERSHELL_FILES };
export default powershellPlugin;
