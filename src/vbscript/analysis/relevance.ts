/**
 * Whether running the interpreter on a file can report anything at all, decided from its text in one
 * cheap pass, before anything is interpreted. A finding needs a WUA object, and a WUA object comes
 * only from `CreateObject` or `WScript.CreateObject` (nothing else is followed). So the file's
 * creations say which interfaces it can start from; its member names (a member is always written
 * after a `.`) and the default members say which interfaces it can reach from there. If no member it
 * can reach that way fails for a remote caller, no creation it makes is refused when remote, and no
 * `WScript.CreateObject` of a WUA ProgID has a second argument, the analysis would report nothing:
 * running it is skipped. Every doubt counts as "may report" (a creation whose ProgID is not a plain
 * string, text the scan does not understand), so this never hides a finding: it only saves running
 * files that use WUA through members every remote caller may use (a search that lists updates).
 */
import { internViews, lookUpProgId, resolveDefaultMember, resolveMember, viewsOf, viewsReturnedBy, type DeclaredMember, type InterfaceName } from "../../core/object-model.js";
import { interfaces } from "../../data/object-model.js";
import { creationRow, memberVerdict, type ArgumentFact } from "../../core/remote-status.js";
import { isBlank, isLetter, isWordPart } from "../parser/characters.js";

const LF = 0x0a;
const CR = 0x0d;
const DOT = 0x2e;
const QUOTE = 0x22;
const UNDERSCORE = 0x5f;
/** No other characters lower-case to these letters, so this finds every `CreateObject` VBScript would read. */
const CREATE_OBJECT = /createobject/gi;

/** Whether analysing `text` may report something; false only when it certainly reports nothing. */
export function mayReport(text: string): boolean {
  const created = createdInterfaces(text);
  if (created === "may report") return true;
  if (created.size === 0) return false;
  const names = memberNamesAfterDots(text);
  // Scripts of one project create the same objects and name the same members: the answer is remembered.
  const key = `${[...created].sort().join(",")}|${[...names].sort().join(",")}`;
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = reachesRefusedMember(created, names);
    if (answers.size < 1000) answers.set(key, answer);
  }
  return answer;
}

const answers = new Map<string, boolean>();

/**
 * The default interfaces of the WUA objects the file's creations make, or "may report" when a
 * creation may be refused or misread: a ProgID that is not one plain string, a creation refused
 * outright for a remote caller, `WScript.CreateObject` of a WUA ProgID with a second argument.
 */
function createdInterfaces(text: string): Set<InterfaceName> | "may report" {
  const created = new Set<InterfaceName>();
  // Searched in the text itself: lower-casing it could change its length (`İ`), and so the offsets.
  CREATE_OBJECT.lastIndex = 0;
  for (let match = CREATE_OBJECT.exec(text); match !== null; match = CREATE_OBJECT.exec(text)) {
    const at = match.index;
    const end = at + match[0].length;
    // A longer name (`MyCreateObject`, `CreateObjectEx`) is another procedure: nothing is created there.
    if ((at > 0 && isWordPart(text.charCodeAt(at - 1))) || (end < text.length && isWordPart(text.charCodeAt(end)))) continue;
    const form = callForm(text, at);
    if (form === "unclear") return "may report";
    const argument = firstArgument(text, end);
    if (argument === undefined) return "may report";
    const entry = lookUpProgId(argument.progId);
    if (entry === undefined) continue;
    if (creationRow(viewsOf(entry.defaultInterface)) !== undefined) return "may report";
    // `WScript.CreateObject(progId, x)`: x may be a computer name the call ignores.
    if (form === "member" && argument.more) return "may report";
    created.add(entry.defaultInterface);
  }
  return created;
}

/**
 * `CreateObject` as VBScript's function, or as a member (`WScript.CreateObject`), judged from what
 * comes before it on its logical line; "unclear" for a bracketed name or a line continued onto it.
 */
function callForm(text: string, at: number): "function" | "member" | "unclear" {
  let before = at - 1;
  while (before >= 0 && isBlank(text.charCodeAt(before))) before--;
  if (before < 0) return "function";
  const code = text.charCodeAt(before);
  if (code === DOT) return "member";
  if (code === 0x5b) return "unclear";
  if (code === LF || code === CR) {
    let previous = before - 1;
    if (code === LF && text.charCodeAt(previous) === CR) previous--;
    while (previous >= 0 && isBlank(text.charCodeAt(previous))) previous--;
    // `_` at the end of the line before: that line goes on here.
    if (previous >= 0 && text.charCodeAt(previous) === UNDERSCORE) return "unclear";
  }
  return "function";
}

/**
 * The first argument after `CreateObject` when it is one string literal (`("X"`, `"X"`, `("X",`):
 * its value, and whether more arguments may follow (a `,` after it, or after its closing
 * parenthesis). Undefined for anything else.
 */
function firstArgument(text: string, from: number): { progId: string; more: boolean } | undefined {
  let at = skipBlanks(text, from);
  if (text.charCodeAt(at) === 0x28) at = skipBlanks(text, at + 1);
  if (text.charCodeAt(at) !== QUOTE) return undefined;
  let value = "";
  let start = at + 1;
  let end = start;
  for (;;) {
    if (end >= text.length) return undefined;
    const code = text.charCodeAt(end);
    if (code === LF || code === CR) return undefined;
    if (code === QUOTE) {
      value += text.slice(start, end);
      if (text.charCodeAt(end + 1) !== QUOTE) break;
      value += '"';
      start = end + 2;
      end = start;
      continue;
    }
    end++;
  }
  at = skipBlanks(text, end + 1);
  if (at >= text.length) return { progId: value, more: false };
  const next = text.charCodeAt(at);
  if (next === 0x2c) return { progId: value, more: true };
  // `("X"), y` in a call statement: a second argument after the parenthesized first.
  if (next === 0x29) return { progId: value, more: text.charCodeAt(skipBlanks(text, at + 1)) === 0x2c };
  // The end of the statement, or a comment: the literal is the whole argument.
  if (next === LF || next === CR || next === 0x3a || next === 0x27) return { progId: value, more: false };
  return undefined;
}

/** Past blanks and `_` line continuations, as the tokenizer skips them. */
function skipBlanks(text: string, from: number): number {
  let at = from;
  for (;;) {
    while (at < text.length && isBlank(text.charCodeAt(at))) at++;
    if (text.charCodeAt(at) !== UNDERSCORE) return at;
    let after = at + 1;
    while (after < text.length && isBlank(text.charCodeAt(after))) after++;
    const code = text.charCodeAt(after);
    if (code === CR) after += text.charCodeAt(after + 1) === LF ? 2 : 1;
    else if (code === LF) after++;
    else if (after < text.length) return at;
    at = after;
  }
}

/**
 * The member names of the WUA object model in a trie over their characters, lower-cased (letters,
 * digits, `_`): a name after a dot is matched as it is read, without making a string of it (a
 * script has a dot every few words).
 */
const CHARACTER_SLOTS = 37;
const trie: number[] = [];
/** For each trie node, the index in MEMBER_NAMES of the name that ends there, or -1. */
const nameEndingAt: number[] = [];
const MEMBER_NAMES: string[] = [];
const MEMBER_NAME_INDEX = new Map<string, number>();

function slotOf(code: number): number {
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x7a) return lower - 0x61;
  if (code >= 0x30 && code <= 0x39) return 26 + code - 0x30;
  return code === UNDERSCORE ? 36 : -1;
}

function newTrieNode(): number {
  const node = nameEndingAt.length;
  nameEndingAt.push(-1);
  for (let i = 0; i < CHARACTER_SLOTS; i++) trie.push(0);
  return node;
}

newTrieNode();
for (const iface of Object.values(interfaces)) {
  for (const name of Object.keys(iface.members)) {
    const lower = name.toLowerCase();
    let node = 0;
    for (let i = 0; i < lower.length; i++) {
      const at = node * CHARACTER_SLOTS + slotOf(lower.charCodeAt(i));
      if (trie[at] === 0) trie[at] = newTrieNode();
      node = trie[at]!;
    }
    if (nameEndingAt[node] === -1) {
      nameEndingAt[node] = MEMBER_NAMES.length;
      MEMBER_NAME_INDEX.set(lower, MEMBER_NAMES.length);
      MEMBER_NAMES.push(lower);
    }
  }
}

/**
 * The WUA member names written after a `.` anywhere in the text (code, strings and comments alike:
 * more names only make the answer more careful), lower-cased.
 */
function memberNamesAfterDots(text: string): Set<string> {
  const found = new Set<number>();
  for (let dot = text.indexOf("."); dot !== -1; dot = text.indexOf(".", dot + 1)) {
    let at = dot + 1;
    // Past blanks and continuations (rare right after a dot).
    if (isBlank(text.charCodeAt(at)) || text.charCodeAt(at) === UNDERSCORE) at = skipBlanks(text, at);
    if (at >= text.length) break;
    const code = text.charCodeAt(at);
    if (code === 0x5b) {
      // `.[Name]`: a bracketed name, any text up to the bracket.
      const close = text.indexOf("]", at + 1);
      const index = close === -1 ? undefined : MEMBER_NAME_INDEX.get(text.slice(at + 1, close).toLowerCase());
      if (index !== undefined) found.add(index);
      continue;
    }
    if (!isLetter(code)) continue;
    // The word as the tokenizer reads it, walked down the trie while it can be a member's name.
    let node = 0;
    let end = at;
    let ascii = true;
    for (; end < text.length; end++) {
      const next = text.charCodeAt(end);
      const slot = slotOf(next);
      if (slot === -1) {
        // Past ASCII, a name goes on while the tokenizer reads letters (and is no member's name as written).
        if (next <= 0x7f || !isWordPart(next)) break;
        ascii = false;
        node = -1;
      } else if (node !== -1) {
        node = trie[node * CHARACTER_SLOTS + slot]! || -1;
      }
    }
    if (node > 0 && nameEndingAt[node]! !== -1) found.add(nameEndingAt[node]!);
    else if (!ascii) {
      // A letter outside ASCII may still lower-case into one (the Kelvin sign into `k`), as the analysis compares names.
      const index = MEMBER_NAME_INDEX.get(text.slice(at, end).toLowerCase());
      if (index !== undefined) found.add(index);
    }
    dot = end - 1;
  }
  const names = new Set<string>();
  for (const index of found) names.add(MEMBER_NAMES[index]!);
  return names;
}

const MISSING: ArgumentFact = { kind: "missing" };
const UNKNOWN_ARGUMENT: ArgumentFact = { kind: "unknown" };

/** Whether a remote use of this member may be reported: refused, read-only remotely, unlisted, with any arguments. */
function mayBeReported(declared: DeclaredMember): boolean {
  return memberVerdict(declared, () => MISSING).status !== "available" || memberVerdict(declared, () => UNKNOWN_ARGUMENT).status !== "available";
}

/**
 * From the created interfaces, through members named in the file and default members (`coll(i)`,
 * `For Each`), one interface at a time: whether some member reached may be reported. A value that
 * joins two objects answers to the members of both, and is reported only where one of them would be.
 */
function reachesRefusedMember(created: ReadonlySet<InterfaceName>, names: ReadonlySet<string>): boolean {
  const seen = new Set<InterfaceName>();
  const pending: InterfaceName[] = [];
  const reach = (views: readonly InterfaceName[]): void => {
    for (const view of views) {
      if (!seen.has(view)) {
        seen.add(view);
        pending.push(view);
      }
    }
  };
  for (const name of created) reach(viewsOf(name));
  while (pending.length > 0) {
    const view = internViews([pending.pop()!]);
    const defaults = resolveDefaultMember(view);
    if (defaults.some(mayBeReported)) return true;
    reach(viewsReturnedBy(defaults));
    for (const name of names) {
      const declared = resolveMember(view, name);
      if (declared.some(mayBeReported)) return true;
      reach(viewsReturnedBy(declared));
    }
  }
  return false;
}
