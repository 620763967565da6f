import { INVALID_SETTINGS_MESSAGE } from "./configuration-problems.js";
import { createRule } from "./create-rule.js";
import { CREATE_LOCALLY_MESSAGE, createLocallySuggestion, onFindings, refusedMemberData } from "./report.js";

export const noRemoteIshiddenWrite = createRule({
  name: "no-remote-ishidden-write",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow setting IUpdate.IsHidden on an update that lives on another computer",
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      hiddenWrite:
        'Setting {{member}} fails when the update lives on another computer: a remote caller may read IsHidden but not change it ("access denied", 0x80070005). It comes from {{origin}}. {{advice}} See {{link}}',
      createLocally: CREATE_LOCALLY_MESSAGE,
      invalidSettings: INVALID_SETTINGS_MESSAGE,
    },
  },
  defaultOptions: [],
  create(context) {
    return onFindings(context, "hidden-write", (finding) => {
      context.report({
        node: finding.node,
        messageId: "hiddenWrite",
        data: refusedMemberData(finding),
        suggest: createLocallySuggestion(finding.origins),
      });
    });
  },
});
