import type { TSESLint } from "@typescript-eslint/utils";
import { abbreviate } from "../core/file-context.js";
import type { IgnoredLocationFinding } from "../core/findings.js";
import { INVALID_SETTINGS_MESSAGE } from "./configuration-problems.js";
import { createRule } from "./create-rule.js";
import { onFindings } from "./report.js";

type MessageId = "eventPrefix" | "winaxOptions" | "createThere" | "dropArgument" | "invalidSettings";

export const noIgnoredLocation = createRule<[], MessageId>({
  name: "no-ignored-location",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a computer name in a WUA object's creation that ignores it (WScript.CreateObject, winax)",
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      eventPrefix:
        "The {{progId}} is not created on {{where}}: WScript.CreateObject has no computer argument and always creates the object on this computer. Its second argument is a prefix for the names of event-handler functions, and WUA objects raise no events. To work on that computer, create the object with `{{remoteCreator}}` under Windows Script Host, or run the script on that computer itself, for example as a scheduled task. See {{link}}",
      winaxOptions:
        "The {{progId}} is not created on {{where}}: winax creates COM objects on this computer only. Its second argument is an options object (`{ activate: true }`), and winax ignores anything else there. To work on that computer, run the script there, for example as a scheduled task, or create the object from JScript under Windows Script Host with `new ActiveXObject(progId, computer)`. See {{link}}",
      createThere:
        "Create the {{progId}} on {{where}} instead, with `{{replacement}}`; the script is then a remote caller there, and Windows Update refuses part of its API to remote callers.",
      dropArgument:
        "Drop {{argument}}: the {{progId}} stays on this computer, where it is created now; to manage another computer, run the script on that computer.",
      invalidSettings: INVALID_SETTINGS_MESSAGE,
    },
  },
  defaultOptions: [],
  create(context) {
    return onFindings(context, "ignored-location", (finding) => {
      const argument = argumentLabel(finding);
      const data = { progId: finding.progId, argument, where: finding.value === undefined ? `the computer named by ${argument}` : argument };
      context.report({
        node: finding.node,
        messageId: finding.ignoredAs === "event-prefix" ? "eventPrefix" : "winaxOptions",
        data: { ...data, link: finding.link, remoteCreator: finding.remoteCreator ?? "new ActiveXObject(progId, computer)" },
        suggest: suggestions(finding, data),
      });
    });
  },
});

/** `"SRV-01"` for a known string, the source text otherwise. */
function argumentLabel(finding: IgnoredLocationFinding<unknown>): string {
  return finding.value === undefined ? `\`${finding.text}\`` : `"${abbreviate(finding.value)}"`;
}

/**
 * Reach the named computer the way the language can (WSH: `new ActiveXObject`), or drop the argument,
 * which leaves the object where it is created now. The front end checked both edits.
 */
function suggestions(
  finding: IgnoredLocationFinding<unknown>,
  data: Record<string, string>,
): TSESLint.SuggestionReportDescriptor<MessageId>[] {
  const result: TSESLint.SuggestionReportDescriptor<MessageId>[] = [];
  const { remoteCreation, removal } = finding;
  if (remoteCreation) {
    result.push({
      messageId: "createThere",
      data: { ...data, replacement: remoteCreation.text },
      fix: (fixer) => fixer.replaceTextRange([remoteCreation.range[0], remoteCreation.range[1]], remoteCreation.text),
    });
  }
  if (removal) {
    result.push({
      messageId: "dropArgument",
      data,
      fix: (fixer) => fixer.replaceTextRange([removal.range[0], removal.range[1]], removal.text),
    });
  }
  return result;
}
