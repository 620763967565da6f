/**
 * Findings: what a rule reports. Built from declared members, the table's verdicts and where the
 * object became remote. Generic in the front end's node type, so other languages can feed it.
 */
import type { IgnoredAs } from "../data/local-creators.js";
import { REMOTE_USE_PAGE, type InterfaceRow, type MemberRow } from "../data/remote-table.js";
import { viewsReturnedBy, type DeclaredMember, type InterfaceName } from "./object-model.js";
import { creationRow, memberVerdict, type ArgumentFact } from "./remote-status.js";

export type Access = "call" | "read" | "write";

/** Why a WUA object counts as living on another computer. */
export interface RemoteOrigin<Node> {
  /** The expression that created the object. */
  readonly node: Node;
  readonly progId: string;
  /**
   * `location`: created on a computer the script names; `remote-session`: created by code that runs
   * in a remote session (PowerShell's `Invoke-Command -ComputerName`); `marker`/`setting`: the file
   * is marked as started over the network.
   */
  readonly reason: "location" | "remote-session" | "marker" | "setting";
  /** For an administrator: `the Microsoft.Update.Session created on "SRV-01" at line 3`. */
  readonly description: string;
  /**
   * The location argument, when dropping it would create the object locally instead: its text, and
   * the range of source text a suggestion deletes (the front end has checked that the edit is safe).
   */
  readonly removableLocation?: { readonly node: Node; readonly text: string; readonly removal: readonly [number, number] };
}

interface FindingBase<Node> {
  /** Where to report: the member's name, or the creating expression. */
  readonly node: Node;
  readonly origins: readonly RemoteOrigin<Node>[];
}

export interface MemberFinding<Node> extends FindingBase<Node> {
  readonly kind: "unavailable-member" | "hidden-write" | "unlisted-member";
  readonly access: Access;
  /** The declarations concerned (more than one when an object may be of several interfaces). */
  readonly declared: readonly DeclaredMember[];
  /** The table rows behind the finding; none for an unlisted member. */
  readonly rows: readonly MemberRow[];
  /** A refusal that holds only for these arguments (AddService2 without a cab path). */
  readonly conditional: boolean;
  /** The page behind the finding: the refusing row's source, or the remote-use page for an unlisted member. */
  readonly link: string;
  /** What an administrator can do instead, from the refusing row; empty for an unlisted member. */
  readonly advice: string;
}

export interface InterfaceFinding<Node> extends FindingBase<Node> {
  readonly kind: "unavailable-interface";
  readonly interfaceName: InterfaceName;
  readonly row: InterfaceRow;
}

/** Source text to put in place of a range: an edit a front end has checked to be safe. */
export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/**
 * A WUA object created through an API that takes no computer, with a second argument that reads like
 * one: the object is created on this computer whatever the argument says.
 */
export interface IgnoredLocationFinding<Node> {
  readonly kind: "ignored-location";
  /** The ignored argument: where to report. */
  readonly node: Node;
  readonly progId: string;
  /**
   * What the API takes that argument for: `event-prefix`, a prefix for the names of event-handler
   * functions (Windows Script Host's `WScript.CreateObject`); `winax-options`, an options object
   * (winax, which ignores anything else there).
   */
  readonly ignoredAs: IgnoredAs;
  /** The page that says what the argument is. */
  readonly link: string;
  /**
   * How the file's language creates an object on a named computer, for the advice in the message:
   * `CreateObject(progId, computer)` in VBScript; JScript's `new ActiveXObject(progId, computer)` when
   * left out.
   */
  readonly remoteCreator?: string;
  /** The argument's value when it is a known string. */
  readonly value: string | undefined;
  /** The argument's source text, shortened for a message. */
  readonly text: string;
  /** Dropping the argument: the object then stays on this computer, as it does now. */
  readonly removal?: TextEdit;
  /**
   * Creating the object on the computer named by `value` instead, with the language's own way of
   * creating an object on another computer (`new ActiveXObject` in JScript).
   */
  readonly remoteCreation?: TextEdit;
}

export type Finding<Node> = MemberFinding<Node> | InterfaceFinding<Node> | IgnoredLocationFinding<Node>;
export type FindingKind = Finding<unknown>["kind"];

export interface MemberUse<Node> {
  readonly declared: readonly DeclaredMember[];
  readonly access: Access;
  readonly node: Node;
  readonly origins: readonly RemoteOrigin<Node>[];
  readonly argument: (index: number) => ArgumentFact;
}

/** What a member use leaves behind: the object it yields, or nothing because the use fails. */
export interface MemberOutcome<Node> {
  readonly finding?: MemberFinding<Node>;
  /** Views of the yielded object; "failed" when the use fails, so that nothing downstream is reported again. */
  readonly yields: readonly InterfaceName[] | "failed";
}

export function judgeMemberUse<Node>(use: MemberUse<Node>): MemberOutcome<Node> {
  const yields = viewsReturnedBy(use.declared);
  if (use.origins.length === 0 || use.declared.length === 0) return { yields };
  const judgement = judgementOf(use.declared, use.access, use.argument);
  if (judgement === null) return { yields };
  return {
    finding: {
      kind: judgement.kind,
      node: use.node,
      origins: use.origins,
      access: use.access,
      declared: judgement.declared,
      rows: judgement.rows,
      conditional: judgement.conditional,
      link: judgement.link,
      advice: judgement.advice,
    },
    yields: judgement.kind === "unlisted-member" ? yields : "failed",
  };
}

/** What the table says of a remote use of these members, whoever makes it: a finding without its place. */
type Judgement = Pick<MemberFinding<unknown>, "kind" | "declared" | "rows" | "conditional" | "link" | "advice">;

/**
 * Judgements that do not depend on the call's arguments, per set of declared members (shared arrays,
 * see object-model) and access: a script uses the same few members again and again.
 */
const judgements = new WeakMap<readonly DeclaredMember[], Map<Access, Judgement | null>>();

function judgementOf(declared: readonly DeclaredMember[], access: Access, argument: (index: number) => ArgumentFact): Judgement | null {
  let byAccess = judgements.get(declared);
  const known = byAccess?.get(access);
  if (known !== undefined) return known;
  let readsArguments = false;
  const judgement = judge(declared, access, (index) => {
    readsArguments = true;
    return argument(index);
  });
  if (!readsArguments) {
    if (byAccess === undefined) judgements.set(declared, (byAccess = new Map()));
    byAccess.set(access, judgement);
  }
  return judgement;
}

function judge(declared: readonly DeclaredMember[], access: Access, argument: (index: number) => ArgumentFact): Judgement | null {
  const verdicts = declared.map((member) => ({ declared: member, ...memberVerdict(member, argument) }));
  const refused = verdicts.filter(
    (v) => v.status === "unavailable" || (v.status === "read-only-remotely" && access === "write"),
  );
  if (refused.length > 0) {
    const rows = refused.flatMap((v) => (v.row && v.row.scope === "member" ? [v.row] : []));
    // A member of an interface refused as a whole has no row of its own: the interface's row speaks for it.
    const source = rows[0] ?? refused.find((v) => v.row)?.row;
    const hiddenWrite = refused.every((v) => v.status === "read-only-remotely");
    return {
      kind: hiddenWrite ? "hidden-write" : "unavailable-member",
      declared: refused.map((v) => v.declared),
      rows,
      conditional: rows.some((row) => row.condition !== undefined),
      link: source?.link ?? REMOTE_USE_PAGE,
      advice: source?.advice ?? "",
    };
  }
  if (verdicts.every((v) => v.status === "unlisted")) {
    return { kind: "unlisted-member", declared, rows: [], conditional: false, link: REMOTE_USE_PAGE, advice: "" };
  }
  return null;
}

/** Creating an object remotely: refused outright for some interfaces (ISystemInformation, ...). */
export function judgeCreation<Node>(
  node: Node,
  views: readonly InterfaceName[],
  origins: readonly RemoteOrigin<Node>[],
): InterfaceFinding<Node> | undefined {
  if (origins.length === 0) return undefined;
  const row = creationRow(views);
  if (row === undefined) return undefined;
  return { kind: "unavailable-interface", node, origins, interfaceName: row.interface, row };
}
