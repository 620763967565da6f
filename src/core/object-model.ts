/**
 * Reading the WUA object model the way a scripting host sees it: through IDispatch, by name,
 * case-insensitively, on the newest interface the object implements.
 */
import { interfaces, progIds, type InterfaceName } from "../data/object-model.js";
import type { MemberShape } from "../data/model-types.js";

export type { InterfaceName };
export type Member = MemberShape<InterfaceName>;

/** A member as declared by one interface: the unit the remote-use table speaks about. */
export interface DeclaredMember {
  readonly interfaceName: InterfaceName;
  readonly memberName: string;
  readonly member: Member;
}

const interfaceNames = Object.keys(interfaces) as InterfaceName[];

const derivedBy = new Map<InterfaceName, InterfaceName[]>();
for (const name of interfaceNames) {
  const base = interfaces[name].extends;
  if (base !== null) derivedBy.set(base, [...(derivedBy.get(base) ?? []), name]);
}

const memberNames = new Set(
  interfaceNames.flatMap((name) => Object.keys(interfaces[name].members).map((member) => member.toLowerCase())),
);

/** Bounds the memos of names, whatever a generated file throws at them. */
const MAX_REMEMBERED_NAMES = 10_000;

/**
 * For each name length, the first letters (lower-cased) that some member name of that length has: a
 * test that turns most of a script's method and property names away without hashing them.
 */
const firstLettersByLength: number[] = [];
for (const name of memberNames) {
  firstLettersByLength[name.length] = (firstLettersByLength[name.length] ?? 0) | letterBit(name.charCodeAt(0));
}

function letterBit(code: number): number {
  return 1 << ((code | 0x20) & 31);
}

/** Names already looked up, as written: a script repeats the same few names many times. */
const memberNameAnswers = new Map<string, boolean>();

/** Whether any WUA interface has a member of this name (in any case): only such uses can be findings. */
export function isWuaMemberName(name: string): boolean {
  if (((firstLettersByLength[name.length] ?? 0) & letterBit(name.charCodeAt(0))) === 0) return false;
  let answer = memberNameAnswers.get(name);
  if (answer === undefined) {
    answer = memberNames.has(name.toLowerCase());
    if (memberNameAnswers.size < MAX_REMEMBERED_NAMES) memberNameAnswers.set(name, answer);
  }
  return answer;
}

const ancestries = new Map<InterfaceName, readonly InterfaceName[]>();

/** `name` and its bases, newest first. */
export function ancestry(name: InterfaceName): readonly InterfaceName[] {
  let chain = ancestries.get(name);
  if (chain === undefined) {
    const names: InterfaceName[] = [];
    for (let current: InterfaceName | null = name; current !== null; current = interfaces[current].extends) {
      names.push(current);
    }
    ancestries.set(name, (chain = names));
  }
  return chain;
}

/**
 * One shared array per set of views, so that equal sets are the same array: results can then be
 * remembered per set of views, and joining equal sets costs nothing.
 */
const internedViews = new Map<string, readonly InterfaceName[]>();

export function internViews(views: Iterable<InterfaceName>): readonly InterfaceName[] {
  const sorted = [...new Set(views)].sort();
  const key = sorted.join(",");
  let interned = internedViews.get(key);
  if (interned === undefined) internedViews.set(key, (interned = sorted));
  return interned;
}

const viewCache = new Map<InterfaceName, readonly InterfaceName[]>();

/**
 * The interfaces an object declared as `name` may really answer to: the newest interfaces derived
 * from it. An object handed out as IUpdate is an IUpdate5 (or IUpdateEx), or a driver update
 * (IWindowsDriverUpdate5); a script may call the members of any of them.
 */
export function viewsOf(name: InterfaceName): readonly InterfaceName[] {
  const cached = viewCache.get(name);
  if (cached) return cached;
  const leaves: InterfaceName[] = [];
  const pending: InterfaceName[] = [name];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const children = derivedBy.get(current);
    if (children === undefined) leaves.push(current);
    else pending.push(...children);
  }
  const views = internViews(leaves);
  viewCache.set(name, views);
  return views;
}

const memberIndex = new Map<InterfaceName, Map<string, DeclaredMember>>();
const defaultMembers = new Map<InterfaceName, DeclaredMember>();
for (const name of interfaceNames) {
  const index = new Map<string, DeclaredMember>();
  for (const [memberName, member] of Object.entries(interfaces[name].members) as [string, Member][]) {
    const declared = { interfaceName: name, memberName, member };
    index.set(memberName.toLowerCase(), declared);
    if (member.isDefault === true) defaultMembers.set(name, declared);
  }
  memberIndex.set(name, index);
}

/** The member `name` as a view resolves it: the nearest interface up the chain that declares it. */
function resolveInView(view: InterfaceName, lowerName: string): DeclaredMember | undefined {
  for (const name of ancestry(view)) {
    const found = memberIndex.get(name)!.get(lowerName);
    if (found) return found;
  }
  return undefined;
}

const resolved = new WeakMap<readonly InterfaceName[], Map<string, readonly DeclaredMember[]>>();

/**
 * Resolve a member name against every view of an object, case-insensitively as GetIDsOfNames does.
 * One entry per distinct declaring interface; empty when no view has such a member.
 */
export function resolveMember(views: readonly InterfaceName[], name: string): readonly DeclaredMember[] {
  let byName = resolved.get(views);
  if (byName === undefined) resolved.set(views, (byName = new Map()));
  let found = byName.get(name);
  if (found === undefined) {
    found = resolveUncached(views, name.toLowerCase());
    if (byName.size < MAX_REMEMBERED_NAMES) byName.set(name, found);
  }
  return found;
}

function resolveUncached(views: readonly InterfaceName[], lowerName: string): readonly DeclaredMember[] {
  const found: DeclaredMember[] = [];
  for (const view of views) {
    const declared = resolveInView(view, lowerName);
    if (declared && !found.some((d) => d.interfaceName === declared.interfaceName)) found.push(declared);
  }
  return found;
}

const resolvedDefaults = new WeakMap<readonly InterfaceName[], readonly DeclaredMember[]>();

/** The DISPID_VALUE member, reached by `obj(i)` and `obj[i]`. */
export function resolveDefaultMember(views: readonly InterfaceName[]): readonly DeclaredMember[] {
  const known = resolvedDefaults.get(views);
  if (known) return known;
  const found: DeclaredMember[] = [];
  for (const view of views) {
    for (const name of ancestry(view)) {
      const declared = defaultMembers.get(name);
      if (declared) {
        if (!found.some((d) => d.interfaceName === declared.interfaceName)) found.push(declared);
        break;
      }
    }
  }
  resolvedDefaults.set(views, found);
  return found;
}

const returnedViews = new WeakMap<readonly DeclaredMember[], readonly InterfaceName[]>();

/** The views of what a set of declared members yields; empty when none yields a WUA object. */
export function viewsReturnedBy(declared: readonly DeclaredMember[]): readonly InterfaceName[] {
  let views = returnedViews.get(declared);
  if (views === undefined) {
    views = internViews(declared.flatMap((d) => (d.member.returns === null ? [] : viewsOf(d.member.returns))));
    returnedViews.set(declared, views);
  }
  return views;
}

export interface ProgIdEntry {
  readonly progId: string;
  readonly defaultInterface: InterfaceName;
}

const progIdIndex = new Map<string, ProgIdEntry>();
for (const entry of progIds) {
  const value = { progId: entry.progId, defaultInterface: entry.defaultInterface };
  progIdIndex.set(entry.progId.toLowerCase(), value);
  progIdIndex.set(entry.versioned.toLowerCase(), value);
}

/** ProgIDs already looked up, as written: scripts create the same few objects again and again. */
const progIdAnswers = new Map<string, ProgIdEntry | null>();

/** A WUA ProgID (plain or `.1`), in any case; undefined for anything else. */
export function lookUpProgId(progId: string): ProgIdEntry | undefined {
  let answer = progIdAnswers.get(progId);
  if (answer === undefined) {
    answer = progIdIndex.get(progId.trim().toLowerCase()) ?? null;
    if (progIdAnswers.size < MAX_REMEMBERED_NAMES) progIdAnswers.set(progId, answer);
  }
  return answer ?? undefined;
}

export function isInterfaceName(name: string): name is InterfaceName {
  return Object.hasOwn(interfaces, name);
}
