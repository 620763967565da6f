/**
 * The `allow` option of no-remote-unlisted-member, checked against the WUA object model: an entry
 * that names nothing there (`IUpdat`, `IUpdate.Titel`) or a member through an interface that does not
 * declare it (`IUpdate5.Title`) can never match a report, so it would allow nothing without a word.
 */
import { nearestName } from "../core/nearest-name.js";
import { ancestry } from "../core/object-model.js";
import { interfaces, type InterfaceName } from "../data/object-model.js";

/** Lower-cased interface name → its spelling in the model. */
const interfaceByLowerName = new Map<string, InterfaceName>();
/** Lower-cased member name → the interfaces that declare it, as `Interface.Member`. */
const declarationsByLowerMember = new Map<string, string[]>();
/** Every interface and every `Interface.Member` the model declares: what a mistyped entry is compared with. */
const allEntries: string[] = [];

for (const [interfaceName, shape] of Object.entries(interfaces) as [InterfaceName, { members: object }][]) {
  interfaceByLowerName.set(interfaceName.toLowerCase(), interfaceName);
  allEntries.push(interfaceName);
  for (const memberName of Object.keys(shape.members)) {
    const declared = `${interfaceName}.${memberName}`;
    allEntries.push(declared);
    const lower = memberName.toLowerCase();
    declarationsByLowerMember.set(lower, [...(declarationsByLowerMember.get(lower) ?? []), declared]);
  }
}

/** Bounds the memo, whatever a configuration lists. */
const MAX_REMEMBERED_ENTRIES = 1_000;
const problemByEntry = new Map<string, string | null>();

/**
 * What is wrong with one entry, in a sentence that names it, or undefined when it names an interface
 * or a member that an interface declares (in any case, as the rule compares them).
 */
export function allowEntryProblem(entry: string): string | undefined {
  let problem = problemByEntry.get(entry);
  if (problem === undefined) {
    problem = problemOf(entry) ?? null;
    if (problemByEntry.size < MAX_REMEMBERED_ENTRIES) problemByEntry.set(entry, problem);
  }
  return problem ?? undefined;
}

function problemOf(entry: string): string | undefined {
  const quoted = JSON.stringify(entry);
  const parts = entry.split(".");
  if (parts.length === 1) {
    if (interfaceByLowerName.has(entry.toLowerCase())) return undefined;
    const declarations = declarationsByLowerMember.get(entry.toLowerCase());
    if (declarations) return `${quoted} is a member, not an interface; write it with the interface that declares it: ${listOf(declarations, "or")}.`;
    return `${quoted} is not a WUA interface.${didYouMean(entry, [...interfaceByLowerName.values()])}`;
  }
  const [interfacePart = "", memberPart = ""] = parts;
  const interfaceName = parts.length === 2 ? interfaceByLowerName.get(interfacePart.toLowerCase()) : undefined;
  if (interfaceName === undefined) return `${quoted} is neither a WUA interface nor an interface and one of its members.${didYouMean(entry, allEntries)}`;
  const members = Object.keys(interfaces[interfaceName].members);
  if (members.some((member) => member.toLowerCase() === memberPart.toLowerCase())) return undefined;
  const declarations = declarationsByLowerMember.get(memberPart.toLowerCase());
  if (declarations) return wrongDeclarerProblem(quoted, interfaceName, memberPart, declarations);
  return `${quoted}: ${interfaceName} has no member ${memberPart}.${didYouMean(entry, allEntries)}`;
}

/**
 * A member named through an interface that does not declare it never matches: reports name the
 * declaring interface. Point to it on the interface's own line: its base (`IUpdate5.Title` →
 * `IUpdate.Title`), or else the interfaces derived from it, each of which a report may name
 * (`IUpdate.BrowseOnly` → `IUpdate3.BrowseOnly` and `IWindowsDriverUpdate3.BrowseOnly`).
 */
function wrongDeclarerProblem(quoted: string, interfaceName: InterfaceName, memberName: string, declarations: readonly string[]): string {
  const rule = "an entry names a member by the interface that declares it, as the reports do";
  const declarer = (declared: string): InterfaceName => interfaceByLowerName.get(declared.split(".")[0]!.toLowerCase())!;
  const inBase = declarations.find((declared) => ancestry(interfaceName).includes(declarer(declared)));
  if (inBase !== undefined) {
    return `${quoted}: ${interfaceName} inherits ${inBase.slice(inBase.indexOf(".") + 1)} from ${declarer(inBase)}, and ${rule}: write ${inBase}.`;
  }
  const inDerived = declarations.filter((declared) => ancestry(declarer(declared)).includes(interfaceName));
  const advice = inDerived.length > 0 ? listOf(inDerived, "and") : listOf(declarations, "or");
  return `${quoted}: ${interfaceName} does not have ${memberName}, and ${rule}: write ${advice}.`;
}

function didYouMean(entry: string, candidates: readonly string[]): string {
  const meant = nearestName(entry, candidates);
  return meant === undefined ? "" : ` Did you mean ${meant}?`;
}

const LISTED_AT_MOST = 4;

/** `A`, `A or B`, `A, B and C`; a long list is cut short (`Count` has many declarers). */
function listOf(names: readonly string[], conjunction: "and" | "or"): string {
  if (names.length === 1) return names[0]!;
  if (names.length > LISTED_AT_MOST) return `${names.slice(0, LISTED_AT_MOST - 1).join(", ")} ${conjunction} ${names.length - LISTED_AT_MOST + 1} others`;
  return `${names.slice(0, -1).join(", ")} ${conjunction} ${names.at(-1)!}`;
}
