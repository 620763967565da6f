/** The remote-use table read as answers: how does a remote caller fare with this member? */
import {
  availableInterfaces,
  remoteRows,
  type InterfaceRow,
  type MemberRow,
  type RemoteStatus,
} from "../data/remote-table.js";
import { ancestry, type DeclaredMember, type InterfaceName } from "./object-model.js";

const memberRows = new Map<string, MemberRow>();
const interfaceRows = new Map<InterfaceName, InterfaceRow>();
for (const row of remoteRows) {
  if (row.scope === "member") memberRows.set(`${row.interface}.${row.member.toLowerCase()}`, row);
  else interfaceRows.set(row.interface, row);
}
const available = new Set<InterfaceName>(availableInterfaces);

/** What the front end knows of one argument of a call. */
export type ArgumentFact = { readonly kind: "missing" } | { readonly kind: "constant"; readonly value: unknown } | { readonly kind: "unknown" };

export interface MemberVerdict {
  readonly status: RemoteStatus;
  readonly row?: MemberRow | InterfaceRow;
}

/** A value that counts as "a null string" for a COM string parameter. */
function isEmptyArgument(fact: ArgumentFact): boolean {
  if (fact.kind === "missing") return true;
  if (fact.kind !== "constant") return false;
  return fact.value === "" || fact.value === null || fact.value === undefined;
}

/**
 * The verdict for one declared member. `argument` answers for call arguments, so that a refusal that
 * depends on them (AddService2 without an authorization cab) is decided only when they are known.
 */
export function memberVerdict(
  declared: DeclaredMember,
  argument: (index: number) => ArgumentFact,
): MemberVerdict {
  const { row, otherwise } = tableEntryOf(declared);
  if (row && (row.condition === undefined || isEmptyArgument(argument(row.condition.index)))) {
    return { status: row.status, row };
  }
  return otherwise;
}

/** A member's own row, and the verdict that holds when that row does not apply. */
interface TableEntry {
  readonly row: MemberRow | undefined;
  readonly otherwise: MemberVerdict;
}

const tableEntries = new WeakMap<DeclaredMember, TableEntry>();

function tableEntryOf(declared: DeclaredMember): TableEntry {
  let entry = tableEntries.get(declared);
  if (entry === undefined) {
    const whole = interfaceRows.get(declared.interfaceName);
    entry = {
      row: memberRows.get(`${declared.interfaceName}.${declared.memberName.toLowerCase()}`),
      otherwise: whole
        ? { status: "unavailable", row: whole }
        : { status: available.has(declared.interfaceName) ? "available" : "unlisted" },
    };
    tableEntries.set(declared, entry);
  }
  return entry;
}

/** The table row that forbids creating an object with these views on another computer, if any. */
export function creationRow(views: readonly InterfaceName[]): InterfaceRow | undefined {
  for (const view of views) {
    for (const name of ancestry(view)) {
      const row = interfaceRows.get(name);
      if (row) return row;
    }
  }
  return undefined;
}
