/**
 * `eslint-plugin-wua/powershell`: kept for configs written before PowerShell moved into the main
 * entry. Its configs are the main entry's PowerShell blocks; its language is the same object, also
 * reachable as `wua-powershell/powershell`. New configs need only `eslint-plugin-wua`.
 */
import type { ESLint, Linter } from "eslint";
import plugin, { POWERSHELL_FILES, type WuaPlugin } from "./index.js";

/** The deprecated entry as users see it, in `eslint`'s own types like the main entry. */
export interface WuaPowerShellPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  languages: Pick<WuaPlugin["languages"], "powershell">;
  configs: { recommended: Linter.Config[]; strict: Linter.Config[] };
}

function configOf(configName: "recommended" | "strict"): Linter.Config[] {
  const rules = plugin.configs[configName][0]!.rules;
  return [
    {
      name: `wua-powershell/${configName}`,
      files: POWERSHELL_FILES,
      plugins: { wua: plugin },
      language: "wua/powershell",
      rules,
    },
  ];
}

const powershellPlugin: WuaPowerShellPlugin = {
  meta: { name: "eslint-plugin-wua/powershell", version: plugin.meta.version, namespace: "wua-powershell" },
  // Only the language this entry was made for: VBScript came later, under `wua/vbscript` only.
  languages: { powershell: plugin.languages.powershell },
  configs: { recommended: configOf("recommended"), strict: configOf("strict") },
};

export { POWERSHELL_FILES };
export default powershellPlugin;
