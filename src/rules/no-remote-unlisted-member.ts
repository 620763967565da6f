import { allowEntryProblem } from "./allow-entries.js";
import { INVALID_SETTINGS_MESSAGE, reportInvalidOption } from "./configuration-problems.js";
import { createRule, DOCS_BASE } from "./create-rule.js";
import { CREATE_LOCALLY_MESSAGE, createLocallySuggestion, onFindings, memberLabel, originText } from "./report.js";

export interface UnlistedMemberOptions {
  /** `Interface` or `Interface.Member` entries checked to work for a remote caller. */
  allow?: string[];
}

export const noRemoteUnlistedMember = createRule<[UnlistedMemberOptions], "unlisted" | "createLocally" | "invalidSettings" | "invalidOption">({
  name: "no-remote-unlisted-member",
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow WUA members that are not documented either way for a remote caller",
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          allow: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description:
              "Interfaces (`IUpdateSearcher3`) or members (`IUpdateSession3.QueryHistory`) you have checked against a remote computer; matched case-insensitively.",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      unlisted:
        '{{member}} is not documented for remote callers: Microsoft lists {{interface}} neither as available nor as unavailable to them, so it may fail with "access denied" (0x80070005) when the object lives on another computer. It comes from {{origin}}. Check it against a remote computer, then allow it in this rule\'s options, or run this part on that computer itself. See {{link}}',
      createLocally: CREATE_LOCALLY_MESSAGE,
      invalidSettings: INVALID_SETTINGS_MESSAGE,
      invalidOption:
        "The ESLint configuration has a mistake in this rule's allow option, and an entry that names no interface or member of the Windows Update Agent allows nothing: {{problems}} Each entry names a WUA interface (IUpdateSearcher3) or an interface and a member it declares (IUpdateSession3.QueryHistory), in any case. See {{link}}",
    },
  },
  defaultOptions: [{ allow: [] }],
  create(context, [options]) {
    const entries = options.allow ?? [];
    const problems = entries.flatMap((entry) => allowEntryProblem(entry) ?? []);
    if (problems.length > 0) {
      reportInvalidOption(context, "invalidOption", { problems: problems.join(" "), link: `${DOCS_BASE}no-remote-unlisted-member.md#allow` });
    }
    const allowed = new Set(entries.map((entry) => entry.toLowerCase()));
    const isAllowed = (interfaceName: string, memberName: string): boolean =>
      allowed.has(interfaceName.toLowerCase()) || allowed.has(`${interfaceName}.${memberName}`.toLowerCase());
    return onFindings(context, "unlisted-member", (finding) => {
      if (finding.declared.every((d) => isAllowed(d.interfaceName, d.memberName))) return;
      context.report({
        node: finding.node,
        messageId: "unlisted",
        data: {
          member: memberLabel(finding.declared),
          interface: [...new Set(finding.declared.map((d) => d.interfaceName))].join(" or "),
          origin: originText(finding.origins),
          link: finding.link,
        },
        suggest: createLocallySuggestion(finding.origins),
      });
    });
  },
});
