import { noRemoteIshiddenWrite } from "./no-remote-ishidden-write.js";
import { noRemoteUnavailableInterface } from "./no-remote-unavailable-interface.js";
import { noRemoteUnavailableMember } from "./no-remote-unavailable-member.js";
import { noRemoteUnlistedMember } from "./no-remote-unlisted-member.js";

export const rules = {
  "no-remote-unavailable-member": noRemoteUnavailableMember,
  "no-remote-ishidden-write": noRemoteIshiddenWrite,
  "no-remote-unavailable-interface": noRemoteUnavailableInterface,
  "no-remote-unlisted-member": noRemoteUnlistedMember,
};

export type RuleName = keyof typeof rules;
