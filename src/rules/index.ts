import { noIgnoredLocation } from "./no-ignored-location.js";
import { noRemoteIshiddenWrite } from "./no-remote-ishidden-write.js";
import { noRemoteUnavailableInterface } from "./no-remote-unavailable-interface.js";
import { noRemoteUnavailableMember } from "./no-remote-unavailable-member.js";
import { noRemoteUnlistedMember } from "./no-remote-unlisted-member.js";

export const rules = {
  "no-remote-unavailable-member": noRemoteUnavailableMember,
  "no-remote-ishidden-write": noRemoteIshiddenWrite,
  "no-remote-unavailable-interface": noRemoteUnavailableInterface,
  "no-remote-unlisted-member": noRemoteUnlistedMember,
  "no-ignored-location": noIgnoredLocation,
};

export type RuleName = keyof typeof rules;

export const RECOMMENDED_RULES: readonly RuleName[] = [
  "no-remote-unavailable-member",
  "no-remote-ishidden-write",
  "no-remote-unavailable-interface",
  "no-ignored-location",
];

/**
 * Every rule works on ESLint's JavaScript (also TypeScript and the script blocks of .wsf and .hta
 * files) and on this plugin's PowerShell and VBScript languages, with the same rule ids.
 * `wua-powershell/powershell` is the same language as registered by the older
 * `eslint-plugin-wua/powershell` entry.
 */
export const RULE_LANGUAGES = ["js/js", "wua/powershell", "wua-powershell/powershell", "wua/vbscript"];
for (const rule of Object.values(rules)) Object.assign(rule.meta, { languages: RULE_LANGUAGES });
