/** What the rules share when they turn a finding into a report: the file's findings and, for the remote rules, wording and the one suggestion. */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { Finding, FindingKind, MemberFinding, RemoteOrigin } from "../core/findings.js";
import type { DeclaredMember } from "../core/object-model.js";
import { reportInvalidSettings } from "./configuration-problems.js";
import { listenForFindings } from "./front-ends.js";

/**
 * Rules hand a finding's node only back to ESLint, which locates it through the file's SourceCode:
 * another language's node is typed as an ESTree node here without being read as one.
 */
type Node = TSESTree.Node;

export const CREATE_LOCALLY_MESSAGE =
  "Create the {{progId}} on this computer instead (drop {{location}}); the script must then run on that computer itself, for example as a scheduled task.";

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The listeners a rule returns to be handed, once ESLint has walked the file, this file's findings of
 * one kind from the analysis all wua rules share. Every wua rule is set up through here, so this is
 * also where mistakes in settings.wua are reported (by the first rule of each file; the rule must
 * declare the `invalidSettings` message).
 */
export function onFindings<Kind extends FindingKind>(
  context: AnyContext,
  kind: Kind,
  report: (finding: Finding<Node> & { readonly kind: Kind }) => void,
): TSESLint.RuleListener {
  reportInvalidSettings(context);
  const deliver = (findings: readonly Finding<unknown>[]): void => {
    for (const finding of findings) {
      if (finding.kind === kind) report(finding as Finding<Node> & { readonly kind: Kind });
    }
  };
  return listenForFindings(context, deliver);
}

/** Message data for a refused member: which member, where the object became remote, what to do. */
export function refusedMemberData(finding: MemberFinding<Node>): Record<string, string> {
  const condition = finding.rows.find((r) => r.condition)?.condition;
  return {
    member: memberLabel(finding.declared) + (condition ? ` with an empty ${condition.parameter}` : ""),
    origin: originText(finding.origins),
    advice: finding.advice,
    link: finding.link,
  };
}

export function memberLabel(declared: readonly DeclaredMember[]): string {
  return declared.map((d) => `${d.interfaceName}.${d.memberName}`).join(" / ");
}

/** Where the object became remote, for the message. */
export function originText(origins: readonly RemoteOrigin<Node>[]): string {
  const [first] = origins;
  if (first === undefined) return "an object on another computer";
  const others = origins.length - 1;
  return others === 0 ? first.description : `${first.description} (or ${others} other place${others > 1 ? "s" : ""})`;
}

/**
 * Offer to create the object locally when exactly one creation with a location makes it remote.
 * Honest only as a suggestion: the script then talks to this computer, so it has to run on the target.
 * The front end decided that the removal is safe (no comment lost, no side effect dropped).
 */
export function createLocallySuggestion<Node>(
  origins: readonly RemoteOrigin<Node>[],
): TSESLint.SuggestionReportDescriptor<"createLocally">[] {
  const [origin] = origins;
  if (origins.length !== 1 || origin?.reason !== "location" || !origin.removableLocation) return [];
  const { text, removal } = origin.removableLocation;
  return [
    {
      messageId: "createLocally",
      data: { progId: origin.progId, location: text },
      fix: (fixer) => fixer.removeRange([removal[0], removal[1]]),
    },
  ];
}
