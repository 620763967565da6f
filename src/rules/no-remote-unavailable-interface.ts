import { INVALID_SETTINGS_MESSAGE } from "./configuration-problems.js";
import { createRule } from "./create-rule.js";
import { CREATE_LOCALLY_MESSAGE, createLocallySuggestion, onFindings, originText } from "./report.js";

export const noRemoteUnavailableInterface = createRule({
  name: "no-remote-unavailable-interface",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow creating on another computer a WUA object whose interface a remote caller cannot use",
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      unavailableInterface:
        'Creating {{progId}} on another computer fails: a remote caller cannot use {{interface}} ("access denied", 0x80070005){{basis}}. This is {{origin}}. {{advice}} See {{link}}',
      createLocally: CREATE_LOCALLY_MESSAGE,
      invalidSettings: INVALID_SETTINGS_MESSAGE,
    },
  },
  defaultOptions: [],
  create(context) {
    return onFindings(context, "unavailable-interface", (finding) => {
      context.report({
        node: finding.node,
        messageId: "unavailableInterface",
        data: {
          progId: finding.origins[0]?.progId ?? finding.interfaceName,
          interface: finding.interfaceName,
          basis: finding.row.basis ? `; ${finding.row.basis}` : "",
          origin: originText(finding.origins),
          advice: finding.row.advice,
          link: finding.row.link,
        },
        suggest: createLocallySuggestion(finding.origins),
      });
    });
  },
});
