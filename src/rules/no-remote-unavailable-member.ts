import { INVALID_SETTINGS_MESSAGE } from "./configuration-problems.js";
import { createRule } from "./create-rule.js";
import { CREATE_LOCALLY_MESSAGE, createLocallySuggestion, onFindings, refusedMemberData } from "./report.js";

export const noRemoteUnavailableMember = createRule({
  name: "no-remote-unavailable-member",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow WUA members that Microsoft documents as unavailable to a remote caller",
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      unavailable:
        '{{member}} fails when the object lives on another computer: Windows Update refuses it to a remote caller with "access denied" (0x80070005). It comes from {{origin}}. {{advice}} See {{link}}',
      createLocally: CREATE_LOCALLY_MESSAGE,
      invalidSettings: INVALID_SETTINGS_MESSAGE,
    },
  },
  defaultOptions: [],
  create(context) {
    return onFindings(context, "unavailable-member", (finding) => {
      context.report({
        node: finding.node,
        messageId: "unavailable",
        data: refusedMemberData(finding),
        suggest: createLocallySuggestion(finding.origins),
      });
    });
  },
});
