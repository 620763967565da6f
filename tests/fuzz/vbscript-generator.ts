/**
 * Random VBScript programs for the VBScript fuzz test, shaped like real WUA scripts: sessions made by
 * `CreateObject(progId, location)` on a computer named by a constant, `WScript.Arguments(0)`,
 * `strComputer`, `"."` or `""` (and by text boxes, `InputBox`, concatenations, function calls);
 * `WScript.CreateObject(progId, prefix)`; the Microsoft sample's search, download and install chain;
 * every member the remote table names, and writes such as `objUpdate.IsHidden = True`; the whole
 * language around them: every statement and block, procedures (ByVal/ByRef, results assigned to the
 * name, calls before the definition, recursion) and classes (fields, Property Get/Let/Set,
 * Class_Initialize, Me, New, Public Default), every call form (`Call f(a)`, `f a, b`, `f (a), (b)`,
 * `f a, , b`, default members, no parentheses), comments, `Rem`, `' wua-remote` and `' eslint`
 * directives, continuations, `:` separators, CRLF/LF/CR, keywords in any case, bracketed names,
 * every kind of literal, unicode. Before mutation a program is VBScript that cscript compiles; it is
 * sometimes reshaped (split by continuations, blank and comment lines, blanks, a word in another
 * case), which keeps it so. Some programs are then mutated (truncated, a line deleted, duplicated
 * or swapped, tokens swapped, a stray character or keyword inserted, noise, a span deleted,
 * duplicated or in another case, nesting thousands deep) into files VBScript rejects.
 * Deterministic for a seed.
 */
import { seeded } from "../../scripts/seeded-random.mjs";
import { interfaces } from "../../src/data/object-model.js";
import { remoteRows } from "../../src/data/remote-table.js";

type Random = () => number;

interface MemberInfo {
  readonly name: string;
  readonly kind: "method" | "property";
  readonly params: readonly string[];
  readonly writable: boolean;
}

/** Every member of the WUA object model, once per name. */
const MEMBERS: readonly MemberInfo[] = (() => {
  const byName = new Map<string, MemberInfo>();
  for (const iface of Object.values(interfaces)) {
    for (const [name, shape] of Object.entries(iface.members)) {
      if (byName.has(name)) continue;
      const s = shape as { kind: "method" | "property"; params?: readonly string[]; access?: string };
      byName.set(name, { name, kind: s.kind, params: s.params ?? [], writable: s.access === "read-write" || s.access === "write-only" });
    }
  }
  return [...byName.values()];
})();
const MEMBER_BY_NAME = new Map(MEMBERS.map((m) => [m.name.toLowerCase(), m]));

/** Members the remote table lists: the ones the rules report. */
const TABLE_MEMBERS: readonly string[] = [...new Set(remoteRows.flatMap((row) => (row.scope === "member" ? [row.member] : [])))];

function memberInfo(name: string): MemberInfo {
  return MEMBER_BY_NAME.get(name.toLowerCase()) ?? { name, kind: "method", params: [], writable: false };
}

const PROG_IDS = [
  "Microsoft.Update.Session",
  "Microsoft.Update.Session",
  "Microsoft.Update.Session",
  "Microsoft.Update.Session",
  "Microsoft.Update.Searcher",
  "Microsoft.Update.AutoUpdate",
  "Microsoft.Update.ServiceManager",
  "Microsoft.Update.SystemInfo",
  "Microsoft.Update.Installer",
  "Microsoft.Update.Downloader",
  "Microsoft.Update.UpdateColl",
  "Microsoft.Update.StringColl",
  "Microsoft.Update.AgentInfo",
  "Microsoft.Update.WebProxy",
  "Microsoft.Update.InstallationAgent",
  "microsoft.update.session",
  "MICROSOFT.UPDATE.SESSION.1",
  "Microsoft.Update.Session.1",
  "Scripting.FileSystemObject",
  "WScript.Shell",
  "WScript.Network",
  "Schedule.Service",
];

/** The location argument of `CreateObject(progId, location)`: remote, local and unknown computers. */
const LOCATIONS = [
  "strComputer",
  "strComputer",
  "strServer",
  "WScript.Arguments(0)",
  "WScript.Arguments(0)",
  "WScript.Arguments.Item(0)",
  'WScript.Arguments.Named("s")',
  "SERVER",
  "REMOTE_HOST",
  "LOCAL_HOST",
  '"."',
  '""',
  '"SRV-01"',
  '"localhost"',
  '"127.0.0.1"',
  '"" & strComputer & ""',
  '"\\\\" & strComputer',
  'InputBox("Computer name?")',
  "arrServers(i)",
  "Trim(strServer)",
  "objNetwork.ComputerName",
  "Empty",
  "Null",
  "strComputer & vbNullString",
  "[target host]",
  "txtComputer.Value",
  'Document.getElementById("server").value',
];

/** Constants a location may name: `Const SERVER = "SRV-01"`. */
const LOCATION_CONSTANTS = [
  'SERVER = "SRV-01"',
  'REMOTE_HOST = "srv-02.contoso.com"',
  'LOCAL_HOST = "."',
  'EMPTY_HOST = ""',
  'PROG_ID = "Microsoft.Update.Session"',
];

/** Variables shared by every kind of statement, so that values flow between them. */
const VARIABLES = [
  "objSession", "oSession", "updateSession", "objSearcher", "updateSearcher", "objResults", "searchResult",
  "colUpdates", "updatesToInstall", "objUpdate", "update", "objInstaller", "installer", "objDownloader",
  "downloader", "objAU", "objSettings", "objServiceManager", "objSysInfo", "objItem", "x", "obj",
  "strComputer", "strServer", "i", "j", "n", "result", "objNetwork", "objShell", "[my session]", "objService", "objDict",
];

/** Variables that usually hold one kind of WUA object, where it comes from, and its members. */
const FAMILIES: readonly { vars: readonly string[]; progId?: string; from?: readonly string[]; members: readonly string[] }[] = [
  {
    vars: ["objSession", "oSession", "updateSession"],
    progId: "Microsoft.Update.Session",
    members: ["CreateUpdateDownloader", "CreateUpdateInstaller", "CreateUpdateSearcher", "CreateUpdateServiceManager", "WebProxy", "ClientApplicationID", "ReadOnly", "UserLocale"],
  },
  {
    vars: ["objSearcher", "updateSearcher"],
    progId: "Microsoft.Update.Searcher",
    from: ["objSession.CreateUpdateSearcher()", "objSession.CreateUpdateSearcher", "oSession.CreateupdateSearcher()"],
    members: ["BeginSearch", "EndSearch", "Search", "QueryHistory", "GetTotalHistoryCount", "ServerSelection", "Online", "EscapeString"],
  },
  {
    vars: ["objResults", "searchResult"],
    from: ['objSearcher.Search("IsInstalled=0")', "updateSearcher.Search(strCriteria)"],
    members: ["Updates", "ResultCode", "RootCategories", "Warnings"],
  },
  {
    vars: ["objUpdate", "update"],
    from: ["colUpdates.Item(i)", "colUpdates(i)", "searchResult.Updates.Item(I)", "objResults.Updates(0)"],
    members: ["AcceptEula", "IsHidden", "CopyFromCache", "CopyToCache", "Title", "EulaAccepted", "Identity", "BundledUpdates", "IsDownloaded"],
  },
  {
    vars: ["colUpdates", "updatesToInstall"],
    progId: "Microsoft.Update.UpdateColl",
    from: ["objResults.Updates", "searchResult.Updates"],
    members: ["Copy", "Item", "Count", "Add", "Clear", "Insert", "ReadOnly", "RemoveAt"],
  },
  {
    vars: ["objAU"],
    progId: "Microsoft.Update.AutoUpdate",
    members: ["Pause", "Resume", "Settings", "ServiceEnabled", "EnableService", "ShowSettingsDialog", "DetectNow", "Results"],
  },
  {
    vars: ["objSettings"],
    from: ["objAU.Settings"],
    members: ["NotificationLevel", "Save", "Refresh", "ReadOnly", "ScheduledInstallationDay"],
  },
  {
    vars: ["objServiceManager"],
    progId: "Microsoft.Update.ServiceManager",
    from: ["objSession.CreateUpdateServiceManager()"],
    members: ["AddService", "AddService2", "AddScanPackageService", "RemoveService", "RegisterServiceWithAU", "UnregisterServiceWithAU", "Services", "QueryServiceRegistration"],
  },
  {
    vars: ["objInstaller", "installer"],
    progId: "Microsoft.Update.Installer",
    from: ["objSession.CreateUpdateInstaller()", "updateSession.CreateUpdateInstaller"],
    members: ["Install", "Uninstall", "Commit", "BeginInstall", "RunWizard", "Updates", "IsBusy", "ForceQuiet", "AllowSourcePrompts"],
  },
  {
    vars: ["objDownloader", "downloader"],
    progId: "Microsoft.Update.Downloader",
    from: ["objSession.CreateUpdateDownloader()", "updateSession.CreateUpdateDownloader"],
    members: ["Download", "BeginDownload", "Updates", "Priority"],
  },
  {
    vars: ["objSysInfo"],
    progId: "Microsoft.Update.SystemInfo",
    members: ["RebootRequired", "OemHardwareSupportLink"],
  },
];

const SEARCH_CRITERIA = [
  '"IsInstalled=0"',
  "\"IsInstalled=0 and Type='Software'\"",
  '"IsInstalled=0 and IsHidden=0"',
  "strCriteria",
  '"IsInstalled=0 and DeploymentAction=""Installation"""',
  '"IsAssigned=1 " & "and IsInstalled=0"',
];

/** Strings: `""` escapes, unicode, things that look like code. */
const STRINGS = [
  '""',
  '"x"',
  '"Installing """ & strTitle & """"',
  '"Say ""hi"""',
  '""""',
  '"Mise à jour terminée ✓"',
  '"更新を検索しています"',
  '"emoji 😀 update"',
  "\"it's ' not a comment\"",
  '"REM not a comment"',
  '"a : b _"',
  '"Set x = CreateObject(""Microsoft.Update.Session"", ""SRV"")"',
  '"C:\\Windows\\Temp\\wu.log"',
  '"tab\there"',
  '"#1/2/2003#"',
];

/** Numbers and dates: decimal, hex and octal (with and without the trailing `&`), exponents, dates. */
const NUMBERS = [
  "0", "1", "2", "42", "3.5", ".5", "1E3", "1.5e-2", "&HFF", "&hff", "&H8000&", "&HFFFF", "&O17", "&o777&", "&H0", "2147483647", "32768",
];
const DATES = ["#1/2/2003#", "#12/31/1999 11:59:00 PM#", "#10:00#", "#January 1, 2024#", "#2024-06-01#"];

const PROCEDURE_NAMES = ["InstallUpdates", "GetPending", "HideUpdate", "Connect", "Search", "Report", "WriteLog", "ProcessUpdate", "RunRemote", "WriteLine", "CheckReboot", "[Do Work]"];
const CLASS_NAMES = ["Patcher", "UpdateRunner", "RemoteHost", "Logger", "Node"];
const FIELD_NAMES = ["m_session", "m_computer", "m_items", "Computer", "Name", "Items", "m_installer"];

/** Characters and words that leave something open or closed once too often. */
const STRAY = [
  "(", ")", '"', "_", " _", " _\n", "#", "&H", "&O", "&H&", "End", " End ", "Next", "\nNext\n", "Loop", "Wend", "End If", "\nEnd Sub\n", "Else", "Then", "Case", "Class ", "Sub ",
  "[", "]", ".", ":", "'", ",", "=", "Set ", "Call ", "With ", "Me", "New ", "ElseIf", "\nEnd Select\n", "Exit For", "Property ", "\nElse If x Then\n", "Rem", "Dim ", "1.5.5", "1e", "9999999999999999999999",
  "Function ", "\nEnd Class\n", "Public ", "Default ", "Exit ", "ReDim ", "Preserve ", "Const ", "Option Explicit\n", "Is ", "Not ", "Mod ", "Stop", "Select ", "GoTo ", "On Error ",
  `x${"y".repeat(255)}`, "#1/2/", "[unclosed", "\"\"\"",
];
/** Other characters to drop in anywhere. */
const NOISE = ["\0", "\ufffd", "\u2028", "\ufeff", "\u00e9", "\ud83d\ude00", "\ud800", "\t", "\r", "\n", "\r\n", " ", "\u00a0", "\u3000", "\u000b", "~", "$", "@", "!", "?", "`", "{", "}", ";", "%", "|", "\\"];

const REMOTE_COMMENTS = ["' wua-remote", "Rem wua-remote", "'wua-remote -- started on SRV-01 by the scheduler", "REM wua-remote"];

class Builder {
  private depth = 0;
  /** The procedure being written, for `Exit Sub` and the function's result. */
  private procedure: { kind: "Sub" | "Function" | "Property"; name: string } | null = null;
  private inClass = false;
  /** The loops around the statement being written, innermost last, for `Exit For`/`Exit Do`. */
  private loops: ("For" | "Do")[] = [];
  private withDepth = 0;
  /** Names declared with `Dim`/`Const` in each scope, innermost last: a second `Dim x` does not compile. */
  private declared: Set<string>[] = [new Set()];
  /** Procedure and class names defined so far, for calls and `New`; all are unique. */
  readonly subs: { name: string; params: number }[] = [];
  readonly functions: { name: string; params: number }[] = [];
  readonly classes: string[] = [];
  readonly constants: string[] = [];
  private readonly usedNames = new Set<string>();

  /** Procedures named before they are written, so that a body may call one defined further down (or never). */
  private readonly planned: { name: string; kind: "Sub" | "Function"; params: { text: string; names: string[] } }[] = [];

  constructor(private readonly random: Random) {
    for (let i = this.int(4); i > 0; i--) {
      const name = this.uniqueName(PROCEDURE_NAMES)!;
      const kind = this.chance(0.5) ? "Sub" : "Function";
      const params = this.parameters(this.int(4));
      this.planned.push({ name, kind, params });
      (kind === "Sub" ? this.subs : this.functions).push({ name, params: params.names.length });
    }
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  /** A keyword (or several words) as written: mostly as usual, sometimes in another case. */
  k(words: string): string {
    const r = this.random();
    if (r < 0.82) return words;
    if (r < 0.9) return words.toLowerCase();
    if (r < 0.95) return words.toUpperCase();
    return [...words].map((c) => (this.chance(0.5) ? c.toUpperCase() : c.toLowerCase())).join("");
  }

  /** A member name as written: mostly as documented, sometimes in another case. */
  spell(name: string): string {
    // A name that does not start with a letter (`_NewEnum`) is written in brackets, as VBScript needs.
    if (!/^[A-Za-z]/u.test(name)) return `[${name}]`;
    const r = this.random();
    if (r < 0.08) return name.toLowerCase();
    if (r < 0.1) return name.toUpperCase();
    if (r < 0.13) return name.charAt(0).toLowerCase() + name.slice(1, 6) + name.slice(6).toLowerCase();
    return name;
  }

  variable(): string {
    return this.pick(VARIABLES);
  }

  objectVariable(): string {
    return this.pick(this.pick(FAMILIES).vars);
  }

  /** A member: mostly one the remote table lists, else any of the object model. */
  memberName(): MemberInfo {
    return this.chance(0.55) ? memberInfo(this.pick(TABLE_MEMBERS)) : this.pick(MEMBERS);
  }

  declare(name: string): boolean {
    const scope = this.declared[this.declared.length - 1]!;
    const key = name.toLowerCase();
    if (scope.has(key) || this.usedNames.has(key)) return false;
    scope.add(key);
    return true;
  }

  private uniqueName(candidates: readonly string[]): string | undefined {
    const free = candidates.filter((name) => !this.usedNames.has(name.toLowerCase()));
    if (free.length === 0) return undefined;
    const name = this.pick(free);
    this.usedNames.add(name.toLowerCase());
    return name;
  }

  // --- expressions --------------------------------------------------------------------------------

  literal(): string {
    switch (this.int(8)) {
      case 0:
      case 1: return this.pick(STRINGS);
      case 2:
      case 3: return this.pick(NUMBERS);
      case 4: return this.pick(DATES);
      case 5: return this.k(this.pick(["True", "False"]));
      case 6: return this.k(this.pick(["Empty", "Null", "Nothing"]));
      default: return this.pick(SEARCH_CRITERIA);
    }
  }

  location(): string {
    const location = this.pick(LOCATIONS);
    return this.constants.length > 0 && this.chance(0.2) ? this.pick(this.constants) : location;
  }

  /** `CreateObject(...)` in one of its spellings, mostly for a WUA ProgID. */
  creation(): string {
    const progId = this.pick(PROG_IDS);
    const quoted = this.chance(0.1) ? `"${progId.slice(0, 10)}" & "${progId.slice(10)}"` : `"${progId}"`;
    const create = this.k(this.pick(["CreateObject", "CreateObject", "CreateObject", "createobject", "CREATEOBJECT"]));
    switch (this.int(10)) {
      case 0:
      case 1:
      case 2:
      case 3: return `${create}(${quoted}, ${this.location()})`;
      case 4: return `${create}(${quoted},${this.location()})`;
      case 5: return `${create}(${quoted})`;
      case 6: return this.pick([
        `${create}(${quoted}, _\n    ${this.location()})`,
        `${create}(${quoted}, ${this.location()} _\n    )`,
        `${create}( _\n    ${quoted}, _\n    ${this.location()} _\n)`,
        `${create}((${quoted}), (${this.location()}))`,
        `${create}(${this.pick(["strProgId", "PROG_ID"])}, ${this.location()})`,
        `${create}(${quoted}, ${this.pick(["GetServer()", "GetServer", "arrServers(GetIndex())", "Connect(strComputer)"])})`,
        `${create}(${quoted}, ${this.location()}, 1)`,
        `${create}(${quoted} , ${this.location()} )`,
      ]);
      case 7: return `WScript.${this.spell("CreateObject")}(${quoted}, ${this.pick(['"wu_"', "strComputer", "WScript.Arguments(0)", '"SRV-01"', '""', '"."', "SERVER"])})`;
      case 8: return `WScript.CreateObject(${quoted})`;
      default: return `${create}(${quoted}, ${this.pick(['"SRV-01"', "strComputer", "WScript.Arguments(0)"])})`;
    }
  }

  arguments(count: number): string[] {
    return Array.from({ length: count }, () => this.argument());
  }

  argument(): string {
    switch (this.int(9)) {
      case 0: return this.pick(SEARCH_CRITERIA);
      case 1: return this.literal();
      case 2: return this.variable();
      case 3: return String(this.int(5));
      case 4: return this.k(this.pick(["True", "False", "Nothing"]));
      case 5: return this.objectVariable();
      default: return this.expression();
    }
  }

  /** A member's use in an expression: a property read, a call with or without parentheses. */
  memberUse(target: string, chosen?: MemberInfo): string {
    const member = chosen ?? this.memberName();
    const name = this.spell(member.name);
    if (member.kind === "property") {
      switch (this.int(10)) {
        case 0: return `${target}.${name}.Count`;
        case 1: return `${target}.${name}(0)`;
        default: return `${target}.${name}`;
      }
    }
    const count = member.params.length > 0 && this.chance(0.8) ? member.params.length : this.int(3);
    if (count === 0) return this.chance(0.5) ? `${target}.${name}` : `${target}.${name}()`;
    const args = this.arguments(count);
    // An argument left out: `obj.M(1, , 3)`.
    if (count >= 3 && this.chance(0.2)) args[1 + this.int(count - 2)] = "";
    return `${target}.${name}(${args.join(this.chance(0.1) ? ", _\n      " : ", ")})`;
  }

  /** A member chain: `.CreateUpdateSearcher().Search("...").Updates.Item(i)`, `coll(i)`, `.Item(0).Title`. */
  chain(): string {
    switch (this.int(8)) {
      case 0: return `${this.pick(["objSession", "oSession"])}.${this.spell("CreateUpdateSearcher")}().${this.spell("Search")}(${this.pick(SEARCH_CRITERIA)}).Updates.Item(${this.pick(["i", "0", "I"])})`;
      case 1: return `${this.pick(["colUpdates", "objResults.Updates", "updatesToInstall"])}(${this.pick(["i", "0", "j + 1"])})`;
      case 2: return `${this.pick(["colUpdates", "searchResult.Updates"])}.Item(${this.pick(["i", "0"])}).${this.spell(this.memberName().name)}`;
      case 3: return `${this.pick(["objSession", "updateSession"])}.${this.spell(this.pick(["CreateUpdateInstaller", "CreateUpdateDownloader", "CreateUpdateSearcher"]))}${this.pick(["", "()"])}.${this.spell(this.memberName().name)}`;
      case 4: return `${this.objectVariable()}.${this.spell(this.memberName().name)}.${this.spell(this.memberName().name)}`;
      case 5: return `${this.creation()}.${this.spell(this.memberName().name)}`;
      case 6: return `objAU.Settings.${this.spell(this.pick(["NotificationLevel", "Save", "ReadOnly"]))}`;
      default: return `${this.objectVariable()}.Updates(0).Identity.UpdateID`;
    }
  }

  expression(): string {
    if (this.depth > 4) return this.pick([this.variable(), this.literal()]);
    this.depth++;
    try {
      const v = this.variable();
      switch (this.int(24)) {
        case 0:
        case 1: return this.creation();
        case 2:
        case 3: return this.memberUse(this.objectVariable());
        case 4:
        case 5: return this.chain();
        case 6: return this.literal();
        case 7: return `${v} & ${this.literal()}`;
        case 8: return `${this.expression()} ${this.pick(["+", "-", "*", "/", "\\", this.k("Mod"), "^", "&"])} ${this.expression()}`;
        case 9: return `${this.expression()} ${this.pick(["=", "<>", "<", ">", "<=", ">="])} ${this.expression()}`;
        case 10: return `${this.expression()} ${this.k(this.pick(["And", "Or", "Xor", "Eqv", "Imp"]))} ${this.expression()}`;
        case 11: return `${this.k("Not")} ${this.expression()}`;
        case 12: return `-${this.pick([v, this.pick(NUMBERS), `(${this.expression()})`])}`;
        case 13: return `(${this.expression()})`;
        case 14: return `${this.objectVariable()} ${this.k("Is")} ${this.k("Nothing")}`;
        case 15: return this.classes.length > 0 ? `${this.k("New")} ${this.pick(this.classes)}` : v;
        case 16: return this.inClass ? `${this.k("Me")}.${this.pick(FIELD_NAMES)}` : v;
        case 17: return this.functions.length > 0 ? this.functionCall() : v;
        case 18: return this.pick([
          `IsObject(${v})`, `Len(${v})`, `UBound(arrServers)`, `CStr(${v})`, `Eval("${v}")`, `GetRef("${this.pick(PROCEDURE_NAMES.slice(0, 6))}")`,
          `TypeName(${v})`, `IsEmpty(${v})`, `Err.Number`, `Array(${this.argument()}, ${this.argument()})`, `InStr(1, ${v}, "KB", vbTextCompare)`,
          `Mid(${v}, 2)`, `LCase(${v}) = "localhost"`, `WScript.Arguments.Count`, `Now()`, `Chr(34) & ${v} & Chr(34)`,
        ]);
        case 19: return this.withDepth > 0 ? `.${this.spell(this.memberName().name)}` : v;
        case 20: return `${v}(${this.int(3)})`;
        case 21: return `${this.pick(VARIABLES)} & _\n      ${this.pick(STRINGS)}`;
        case 22: return this.pick(LOCATIONS);
        default: return v;
      }
    } finally {
      this.depth--;
    }
  }

  /** An expression for an `If`, `While` or `Do` test. */
  condition(): string {
    return this.pick([
      `${this.objectVariable()}.${this.spell(this.pick(["IsHidden", "EulaAccepted", "IsDownloaded", "IsBusy", "RebootRequired", "ServiceEnabled"]))}`,
      `${this.variable()} = ${this.literal()}`,
      `Not ${this.variable()}`,
      `colUpdates.Count > 0`,
      `i < ${this.pick(["n", "colUpdates.Count", "10", "UBound(arrServers)"])}`,
      `Err.Number <> 0`,
      `IsObject(${this.objectVariable()})`,
      `${this.objectVariable()} Is Nothing`,
      `${this.variable()} <> "" ${this.k("And")} ${this.variable()} <> "."`,
      this.expression(),
    ]);
  }

  functionCall(): string {
    const fn = this.pick(this.functions);
    if (fn.params === 0) return this.chance(0.5) ? fn.name : `${fn.name}()`;
    return `${fn.name}(${this.arguments(fn.params).join(", ")})`;
  }

  // --- statements ---------------------------------------------------------------------------------

  /** `Set v = creation`, sometimes declared on the same line, sometimes continued on the next. */
  creationStatement(): string {
    const family = this.pick(FAMILIES);
    const v = this.chance(0.7) ? this.pick(family.vars) : this.variable();
    const set = this.k("Set");
    switch (this.int(6)) {
      case 0: return this.declare(v) ? `${this.k("Dim")} ${v} : ${set} ${v} = ${this.creation()}` : `${set} ${v} = ${this.creation()}`;
      case 1: return `${set} ${v} = _\n    ${this.creation()}`;
      case 2: return `${set} ${v}= ${this.creation()}`;
      default: return `${set} ${v} = ${this.creation()}`;
    }
  }

  /** A creation as a call statement, its object dropped or used at once: `CreateObject "...", strComputer`. */
  creationCall(): string {
    const progId = `"${this.pick(PROG_IDS)}"`;
    const location = this.location();
    const create = this.pick([this.k("CreateObject"), "WScript.CreateObject", `WScript. _\n    ${this.spell("CreateObject")}`]);
    switch (this.int(6)) {
      case 0: return `${create} ${progId}, ${location}`;
      case 1: return `${this.k("Call")} ${create}(${progId}, ${location})`;
      case 2: return `${create}(${progId}).${this.spell(this.memberName().name)}`;
      case 3: return `${create}(${progId}, ${location}).${this.spell(this.pick(["CreateUpdateInstaller", "CreateUpdateSearcher", "Pause", "Settings"]))}`;
      case 4: return `${this.k("With")} WScript\n  ${this.k("Set")} ${this.objectVariable()} = .${this.spell("CreateObject")}(${progId}, ${location})\n${this.k("End With")}`;
      default: return `${create} (${progId}), ${location}`;
    }
  }

  /** The Microsoft sample's chain from a session to its updates, cut short at random. */
  sessionChain(): string {
    const s = this.pick(["objSession", "updateSession", "oSession"]);
    const set = (): string => this.k("Set");
    const lines = [
      `${set()} ${s} = ${this.creation().replace(/"[^"]*"/u, '"Microsoft.Update.Session"')}`,
      `${set()} objSearcher = ${s}.${this.spell("CreateUpdateSearcher")}${this.pick(["()", ""])}`,
      `${set()} searchResult = objSearcher.Search(${this.pick(SEARCH_CRITERIA)})`,
      `${this.k("For")} I = 0 ${this.k("To")} searchResult.Updates.Count-1\n  ${set()} update = searchResult.Updates.Item(I)\n  WScript.Echo I + 1 & "> " & update.Title\n${this.k("Next")}`,
      `${set()} updatesToDownload = ${this.k("CreateObject")}("Microsoft.Update.UpdateColl")`,
      `${this.k("For Each")} update ${this.k("In")} searchResult.Updates\n  ${this.k("If")} ${this.k("Not")} update.EulaAccepted ${this.k("Then")} update.AcceptEula\n  updatesToDownload.Add(update)\n${this.k("Next")}`,
      `${set()} downloader = ${s}.CreateUpdateDownloader()\ndownloader.Updates = updatesToDownload\ndownloader.Download()`,
      `${set()} installer = ${s}.CreateUpdateInstaller()\ninstaller.Updates = updatesToDownload\n${set()} installationResult = installer.Install()\nWScript.Echo "Result: " & installationResult.ResultCode`,
    ];
    return lines.slice(0, 1 + this.int(lines.length)).join("\n");
  }

  /** A member use on a variable of one family, sometimes after the object is made on another computer. */
  typedUse(): string {
    const family = this.pick(FAMILIES);
    const v = this.pick(family.vars);
    const member = memberInfo(this.pick(family.members));
    const use = member.kind === "property" && this.chance(0.3) ? this.write(v, member.name) : this.callStatement(v, member);
    if (!this.chance(0.4)) return use;
    const source = family.progId && (!family.from || this.chance(0.5))
      ? `${this.k("CreateObject")}("${family.progId}", ${this.location()})`
      : this.pick(family.from!);
    return `${this.k("Set")} ${v} = ${source}${this.separator()}${use}`;
  }

  /** A property write: `objUpdate.IsHidden = True`, sometimes with `Let` or `Set`. */
  write(target: string, name: string): string {
    const value = this.pick([this.k("True"), this.k("False"), "1", "0", "colUpdates", "strComputer", this.literal()]);
    const prefix = this.pick(["", "", "", "", `${this.k("Let")} `, `${this.k("Set")} `]);
    return `${prefix}${target}.${this.spell(name)} = ${prefix.trim().toLowerCase() === "set" ? this.objectVariable() : value}`;
  }

  /** A call statement in one of its forms: `o.M a, b`, `Call o.M(a, b)`, `o.M (a), (b)`, `o.M a, , b`, `o.M`. */
  callStatement(target: string, chosen?: MemberInfo): string {
    const member = chosen ?? this.memberName();
    const name = this.spell(member.name);
    const callee = `${target}.${name}`;
    if (member.kind === "property") {
      // A property read as a statement (`obj.Count`) is a call of it, as VBScript reads it.
      return this.chance(0.5) ? callee : `${this.k("Call")} ${callee}`;
    }
    const count = member.params.length > 0 && this.chance(0.8) ? member.params.length : this.int(3);
    const args = this.arguments(count);
    if (count === 0) return this.pick([callee, `${callee}()`, `${this.k("Call")} ${callee}`, `${this.k("Call")} ${callee}()`]);
    // `o.M (a) = b, c` would be an assignment to `o.M(a)`: a first argument that starts with a
    // parenthesis is parenthesised as a whole.
    if (args[0]!.startsWith("(")) args[0] = `(${args[0]})`;
    switch (this.int(6)) {
      case 0: return `${this.k("Call")} ${callee}(${args.join(", ")})`;
      case 1: return `${callee} ${args.map((a) => `(${a})`).join(", ")}`;
      case 2: {
        // An argument left out: `o.M a, , b`.
        if (count >= 3) args[1 + this.int(count - 2)] = "";
        return `${callee} ${args.join(", ")}`;
      }
      case 3: return `${callee} _\n      ${args.join(", _\n      ")}`;
      default: return `${callee} ${args.join(", ")}`;
    }
  }

  /** Other ways to use a member: a default member, a chain, an assignment from a call. */
  memberStatement(): string {
    const v = this.objectVariable();
    switch (this.int(8)) {
      case 0: return `${this.k("Set")} ${this.objectVariable()} = ${this.chain()}`;
      case 1: return `${this.variable()} = ${this.memberUse(v)}`;
      case 2: return `${this.k("Let")} ${this.variable()} = ${this.memberUse(v)}`;
      case 3: return `${this.k("Set")} ${this.objectVariable()} = ${this.pick(["colUpdates", "searchResult.Updates"])}(${this.pick(["i", "0"])})`;
      case 4: return `WScript.Echo ${this.chain()}`;
      case 5: return `${this.k("Call")} ${this.chain()}`;
      case 6: {
        const member = this.memberName();
        return this.write(v, member.writable || this.chance(0.5) ? member.name : "IsHidden");
      }
      default: return `${v}.IsHidden = ${this.k("True")}`;
    }
  }

  /** Declarations: `Dim` (of names not yet declared in the scope), `ReDim [Preserve]`, `Erase`, `Const`. */
  declaration(): string {
    switch (this.int(6)) {
      case 0:
      case 1: {
        const names = Array.from({ length: 1 + this.int(3) }, () => this.variable()).filter((name, i, all) => all.indexOf(name) === i && this.declare(name));
        if (names.length === 0) return `${this.k("ReDim")} arrServers(${this.int(5)})`;
        return `${this.k("Dim")} ${names.map((name) => (this.chance(0.15) && !name.startsWith("[") ? `${name}(${this.int(4)})` : name)).join(", ")}`;
      }
      case 2: return `${this.k("ReDim")} ${this.chance(0.6) ? `${this.k("Preserve")} ` : ""}arrServers(${this.pick(["UBound(arrServers) + 1", "n", "5", "i, 2"])})`;
      case 3: return `${this.k("Erase")} arrServers`;
      case 4: {
        const [name, value] = this.pick([["MAX_RETRIES", "3"], ["CRITERIA", '"IsInstalled=0"'], ["HIDE", "True"], ["ssDefault", "0"], ["vbKB", '"KB"'], ["MASK", "&HFF&"], ["WHEN", "#1/1/2024#"], ["NEG", "-1"]] as const);
        if (!this.declare(name)) return `${this.k("ReDim")} arrServers(1)`;
        return `${this.k("Const")} ${name} = ${value}`;
      }
      default: {
        const name = this.pick(["arrServers", "arrKBs"]);
        return this.declare(name) ? `${this.k("Dim")} ${name}()` : `${this.k("ReDim")} ${name}(${this.int(4)})`;
      }
    }
  }

  comment(): string {
    switch (this.int(14)) {
      case 0: return "' eslint-disable-next-line wua/no-remote-unavailable-member -- checked by hand";
      case 1: return `${this.callStatement(this.objectVariable())} ' eslint-disable-line`;
      case 2: return "' eslint-disable wua/no-remote-unlisted-member";
      case 3: return "' eslint-enable";
      case 4: return `${this.k("Rem")} eslint-disable-next-line`;
      case 5: return "' Searches for updates on objSession.CreateUpdateInstaller() — «remote» ✓";
      case 6: return this.pick(REMOTE_COMMENTS);
      case 7: return `${this.k("Rem")} TODO: objSession.CreateUpdateDownloader() later`;
      case 8: return `x = ${this.k("True")}' a comment straight after the value`;
      case 9: return this.chance(0.5)
        ? `${this.callStatement(this.objectVariable())} : ${this.k("Rem")} and a Rem after a colon`
        : `${this.callStatement(this.objectVariable())} : ${this.k("Rem")} eslint-disable-line`;
      case 10: return "' eslint wua/no-remote-unlisted-member: off";
      case 11: return this.pick([
        // Malformed configuration comments (ESLint's own fatal message), an unknown rule, a severity.
        "' eslint wua/no-remote-unlisted-member: [",
        `${this.k("Rem")} eslint wua/no-remote-unavailable-member: { off`,
        `x = 1 : ' eslint wua/no-ignored-location: "nope"`,
        "' eslint-disable-next-line wua/no-such-rule",
        "' eslint wua/no-remote-unavailable-member: \"warn\"",
      ]);
      case 12: return "'''''' banner ''''''";
      default: return "' 日本語のコメント 😀";
    }
  }

  admin(): string {
    return this.pick([
      "WScript.Echo \"Working on \" & strComputer",
      "WScript.Echo",
      "WScript.Sleep 5000",
      "WScript.Quit 1",
      "WScript.Quit(0)",
      "MsgBox \"Done\", vbInformation, \"WUA\"",
      "Set objShell = CreateObject(\"WScript.Shell\")",
      "objShell.Run \"wuauclt /detectnow\", 0, True",
      "Set objNetwork = CreateObject(\"WScript.Network\")",
      "strComputer = objNetwork.ComputerName",
      "strComputer = WScript.Arguments(0)",
      "strComputer = WScript.Arguments.Item(0)",
      "strServer = WScript.Arguments.Named(\"s\")",
      "strComputer = InputBox(\"Server?\", \"WUA\", \".\")",
      "If WScript.Arguments.Count = 0 Then WScript.Quit",
      "Err.Clear",
      "Err.Raise vbObjectError + 1, \"wu\", \"failed\"",
      "Execute \"Set s = CreateObject(\"\"Microsoft.Update.Session\"\")\"",
      "ExecuteGlobal \"Dim g\"",
      "arrServers = Split(\"SRV-01,SRV-02\", \",\")",
      "strCriteria = \"IsInstalled=0 and Type='Software'\"",
      "strProgId = \"Microsoft.Update.Session\"",
      "Set sessions(i) = CreateObject(\"Microsoft.Update.Session\", arrServers(i))",
      "sessions(i).CreateUpdateInstaller().Install",
      "Set objInstaller = sessions(0).CreateUpdateInstaller",
      "Set objService = GetObject(\"winmgmts:\\\\.\\root\\cimv2\").Get(\"Win32_Service.Name='wuauserv'\")",
      "objService.StopService : objService.StartService",
      "Set objFolder = fso.GetFolder(\"C:\\Windows\")",
      "objFolder.Attributes = objFolder.Attributes Or 2",
      "Set objTask = CreateObject(\"Schedule.Service\")",
      "objTask.Connect strComputer",
      "Set objDict = CreateObject(\"Scripting.Dictionary\")",
      "objDict.Add strComputer, objSession",
      "Set objSession = objDict.Item(strComputer)",
      "objDict.RemoveAll",
      "Set fnRef = GetRef(\"InstallUpdates\") : fnRef objSession, strComputer",
      // After a dot any word is a member name, keywords included.
      "objItem.Select 1",
      "x = objItem.End + objItem.Next",
      "Call objItem.Loop(1)",
      "objItem.Property = objItem.Class",
      "Set objItem = objItem.Then.Else.Wend",
      "objItem.If objItem.Case, objItem.Sub",
      // Default members and calls on what a call returns.
      "colUpdates(0).AcceptEula",
      "objResults.Updates(i).IsHidden = True",
      "Call colUpdates(0).CopyFromCache(\"C:\\Temp\", True)",
      "searchResult.Updates.Item(I).BundledUpdates(0).AcceptEula",
      "objSession.CreateUpdateSearcher.Search(strCriteria).Updates(0).IsHidden = False",
      "x = objSession.CreateUpdateInstaller.IsBusy",
      "n = colUpdates.Count",
      "Set fso = CreateObject(\"Scripting.FileSystemObject\")",
      "Set f = fso.OpenTextFile(\"hosts.txt\", 1)",
      "Set objItem = Nothing",
      "Set objSession = Nothing",
      "i = i + 1",
      "x = \"\"",
      "[my session] = Empty",
      "Stop",
    ]).replace(/\b(If|Then|Set|Nothing|True)\b/gu, (word) => this.k(word));
  }

  /** A statement that fits on one line: what a single-line `If` and a `:` list hold. */
  simpleStatement(): string {
    switch (this.int(9)) {
      case 0:
      case 1: return this.callStatement(this.objectVariable());
      case 2: return this.memberStatement();
      case 3: return `${this.variable()} = ${this.expression()}`;
      case 4: {
        // Not the admin's own single-line `If`: a single-line `If` holds no other `If`.
        const line = this.admin();
        return /^if\b/iu.test(line) ? "WScript.Echo strComputer" : line;
      }
      case 5: return this.exitStatement() ?? `${this.objectVariable()}.IsHidden = ${this.k("False")}`;
      case 6: return `${this.k("Set")} ${this.objectVariable()} = ${this.creation()}`.replace(/ _\n\s*/gu, " ");
      case 7: return `${this.k("On Error Resume Next")}`;
      default: return this.subs.length > 0 ? this.subCall() : `${this.objectVariable()}.${this.spell("AcceptEula")}`;
    }
  }

  exitStatement(): string | undefined {
    const exits: string[] = [];
    if (this.loops.includes("For")) exits.push("Exit For");
    if (this.loops.includes("Do")) exits.push("Exit Do");
    // `Exit For` in a `Do` inside a `For` is allowed: the innermost matching loop is left.
    if (this.procedure) exits.push(`Exit ${this.procedure.kind}`);
    return exits.length > 0 ? this.k(this.pick(exits)) : undefined;
  }

  subCall(): string {
    const sub = this.pick(this.subs);
    const args = this.arguments(sub.params);
    if (args.length === 0) return this.pick([sub.name, `${this.k("Call")} ${sub.name}`, `${this.k("Call")} ${sub.name}()`]);
    if (args[0]!.startsWith("(")) args[0] = `(${args[0]})`;
    switch (this.int(4)) {
      case 0: return `${this.k("Call")} ${sub.name}(${args.join(", ")})`;
      case 1: return `${sub.name} ${args.map((a) => `(${a})`).join(", ")}`;
      default: return `${sub.name} ${args.join(", ")}`;
    }
  }

  /** A statement, block statements included (not procedures or classes: those live at the top level). */
  statement(): string {
    if (this.depth > 3) return this.simpleStatement();
    this.depth++;
    try {
      switch (this.int(40)) {
        case 0:
        case 1:
        case 2: return this.creationStatement();
        case 3: return this.sessionChain();
        case 4:
        case 5:
        case 6:
        case 7: return this.typedUse();
        case 8:
        case 9: return this.memberStatement();
        case 10: return this.callStatement(this.objectVariable());
        case 11: return this.declaration();
        case 12: return this.comment();
        case 13: return this.admin();
        case 14: return this.ifBlock();
        case 15: return this.singleLineIf();
        case 16: return this.selectCase();
        case 17: return this.forLoop();
        case 18: return this.forEachLoop();
        case 19: return this.doLoop();
        case 20: return this.whileLoop();
        case 21:
        case 22: return this.withBlock();
        case 23: return this.k(this.pick(["On Error Resume Next", "On Error GoTo 0"]));
        case 24: return this.simpleStatement() + this.separator() + this.simpleStatement();
        case 25: return this.subs.length > 0 ? this.subCall() : this.simpleStatement();
        case 26: return this.functions.length > 0 ? `${this.pick([`${this.k("Set")} ${this.objectVariable()} = `, `${this.variable()} = `, `${this.k("Call")} `])}${this.functionCall()}`.replace(/Call (\w+)$/u, "Call $1()") : this.simpleStatement();
        case 27: return this.classes.length > 0 ? this.classUse() : this.simpleStatement();
        case 28: return this.exitStatement() ?? this.simpleStatement();
        case 29: return this.procedureResult() ?? this.simpleStatement();
        case 30: return this.inClass ? this.meStatement() : this.simpleStatement();
        case 31: return this.creationCall();
        default: return this.simpleStatement();
      }
    } finally {
      this.depth--;
    }
  }

  /** `: ` between two statements on one line, or a line end. */
  separator(): string {
    return this.chance(0.2) ? this.pick([" : ", ": ", ":", " :"]) : "\n";
  }

  block(): string {
    const count = 1 + this.int(3);
    return indent(Array.from({ length: count }, () => this.statement()).join("\n"));
  }

  ifBlock(): string {
    const parts = [`${this.k("If")} ${this.condition()} ${this.k("Then")}`, this.block()];
    for (let i = this.int(3); i > 0; i--) parts.push(`${this.k("ElseIf")} ${this.condition()} ${this.k("Then")}`, this.block());
    if (this.chance(0.5)) parts.push(this.k("Else"), this.block());
    parts.push(this.k("End If"));
    return parts.join("\n");
  }

  singleLineIf(): string {
    // `If a Then b Else c` with bare names: calls of procedures without arguments.
    if (this.chance(0.1)) return `${this.k("If")} ${this.pick(["ok", "x", "bRemote"])} ${this.k("Then")} ${this.pick(["InstallUpdates", "DoIt", "b"])} ${this.k("Else")} ${this.pick(["WriteLog", "Skip", "c"])}`;
    const then = this.chance(0.3) ? `${this.simpleStatement()} : ${this.simpleStatement()}` : this.simpleStatement();
    const otherwise = this.chance(0.4) ? ` ${this.k("Else")} ${this.simpleStatement()}` : "";
    return `${this.k("If")} ${this.condition()} ${this.k("Then")} ${then}${otherwise}`.replace(/ _\n\s*/gu, " ").replace(/\n\s*/gu, " ");
  }

  selectCase(): string {
    const parts = [`${this.k("Select Case")} ${this.pick(["strComputer", "LCase(strComputer)", "objResults.ResultCode", "installationResult.ResultCode", "i", "x"])}`];
    for (let i = 1 + this.int(3); i > 0; i--) {
      parts.push(indent(`${this.k("Case")} ${Array.from({ length: 1 + this.int(2) }, () => this.pick(['"."', '""', '"localhost"', "0", "1", "2", "orcSucceeded", "strServer", "&H2"])).join(", ")}`), indent(this.block()));
    }
    if (this.chance(0.6)) parts.push(indent(this.k("Case Else")), indent(this.block()));
    parts.push(this.k("End Select"));
    return parts.join("\n");
  }

  private inLoop(kind: "For" | "Do", body: () => string): string {
    this.loops.push(kind);
    try {
      return body();
    } finally {
      this.loops.pop();
    }
  }

  forLoop(): string {
    const counter = this.pick(["i", "j", "I", "n"]);
    const end = this.pick(["colUpdates.Count - 1", "searchResult.Updates.Count-1", "UBound(arrServers)", "10", "n"]);
    const step = this.chance(0.25) ? ` ${this.k("Step")} ${this.pick(["2", "-1", "1", "n"])}` : "";
    return `${this.k("For")} ${counter} = ${this.pick(["0", "1", "LBound(arrServers)"])} ${this.k("To")} ${end}${step}\n${this.inLoop("For", () => this.block())}\n${this.k("Next")}`;
  }

  forEachLoop(): string {
    const element = this.pick(["objUpdate", "update", "objItem", "strServer", "x"]);
    const collection = this.pick(["colUpdates", "searchResult.Updates", "objResults.Updates", "arrServers", "objSession.CreateUpdateSearcher().Search(\"IsInstalled=0\").Updates", "objUpdate.BundledUpdates"]);
    return `${this.k("For Each")} ${element} ${this.k("In")} ${collection}\n${this.inLoop("For", () => this.block())}\n${this.k("Next")}`;
  }

  doLoop(): string {
    const test = (): string => `${this.k(this.pick(["While", "Until"]))} ${this.condition()}`;
    const body = (): string => this.inLoop("Do", () => this.block());
    switch (this.int(3)) {
      case 0: return `${this.k("Do")} ${test()}\n${body()}\n${this.k("Loop")}`;
      case 1: return `${this.k("Do")}\n${body()}\n${this.k("Loop")} ${test()}`;
      default: return `${this.k("Do")}\n${body()}\n  ${this.k("Exit Do")}\n${this.k("Loop")}`;
    }
  }

  whileLoop(): string {
    // `Exit Do` and `Exit For` do not leave a `While` loop: the loops around it still count.
    return `${this.k("While")} ${this.condition()}\n${this.block()}\n${this.k("Wend")}`;
  }

  withBlock(): string {
    const target = this.pick(["objUpdate", "objSession", "objAU", "objInstaller", "colUpdates.Item(0)", "objSession.CreateUpdateSearcher()", this.creation(), "Me", "objAU.Settings"]);
    if (target === "Me" && !this.inClass) return this.withBlock();
    this.withDepth++;
    try {
      const lines: string[] = [];
      for (let i = 1 + this.int(3); i > 0; i--) {
        switch (this.int(7)) {
          case 0: lines.push(`.${this.spell("IsHidden")} = ${this.k("True")}`); break;
          case 1: lines.push(this.callStatement("", this.memberName())); break;
          case 2: lines.push(`${this.variable()} = .${this.spell(this.memberName().name)}`); break;
          case 3: lines.push(`${this.k("Set")} ${this.objectVariable()} = .${this.spell(this.pick(["CreateUpdateSearcher", "Settings", "Updates", "CreateUpdateInstaller"]))}${this.pick(["", "()"])}`); break;
          case 4: lines.push(`${this.k("With")} .${this.spell(this.pick(["Settings", "Updates", "Identity"]))}\n  .${this.spell(this.memberName().name)}\n${this.k("End With")}`); break;
          default: lines.push(this.statement());
        }
      }
      return `${this.k("With")} ${target}\n${indent(lines.join("\n"))}\n${this.k("End With")}`;
    } finally {
      this.withDepth--;
    }
  }

  /** Inside a function or property: its result assigned to its name. */
  procedureResult(): string | undefined {
    if (!this.procedure || this.procedure.kind === "Sub") return undefined;
    return this.chance(0.6)
      ? `${this.k("Set")} ${this.procedure.name} = ${this.pick([this.creation(), this.chain(), this.objectVariable(), this.k("Nothing")])}`
      : `${this.procedure.name} = ${this.expression()}`;
  }

  meStatement(): string {
    return this.pick([
      `${this.k("Set")} ${this.k("Me")}.${this.pick(["Session", "Installer"])} = ${this.creation()}`,
      `${this.k("Me")}.${this.pick(FIELD_NAMES)} = strComputer`,
      `${this.k("Call")} ${this.k("Me")}.Run()`,
      `${this.k("Me")}.Run`,
      `${this.k("Set")} m_installer = ${this.k("Me")}.Session.CreateUpdateInstaller()`,
    ]);
  }

  classUse(): string {
    const name = this.pick(this.classes);
    const v = this.pick(["obj", "x", "objItem", "objSession"]);
    switch (this.int(4)) {
      case 0: return `${this.k("Set")} ${v} = ${this.k("New")} ${name}\n${v}.Computer = strComputer\n${v}.Run`;
      case 1: return `${this.k("Set")} ${v} = ${this.k("New")} ${name}${this.separator()}${this.k("Set")} ${this.objectVariable()} = ${v}.Session`;
      case 2: return `${this.k("Set")} ${v} = ${this.k("New")} ${name}\n${this.callStatement(`${v}.Session`)}`;
      default: return `${this.k("With")} ${this.k("New")} ${name}\n  .Computer = "SRV-01"\n  .Run\n${this.k("End With")}`;
    }
  }

  // --- procedures and classes (top level) -----------------------------------------------------------

  private inProcedure<T>(procedure: { kind: "Sub" | "Function" | "Property"; name: string }, body: () => T, parameters: readonly string[] = []): T {
    const saved = { procedure: this.procedure, loops: this.loops, withDepth: this.withDepth };
    this.procedure = procedure;
    this.loops = [];
    this.withDepth = 0;
    // A parameter is declared in the procedure: `Dim` of its name does not compile.
    this.declared.push(new Set(parameters.map((name) => name.toLowerCase())));
    try {
      return body();
    } finally {
      this.declared.pop();
      Object.assign(this, saved);
    }
  }

  /** Parameters: some named like the script's objects, so that a session can be passed in and used. */
  parameters(count: number): { text: string; names: string[] } {
    const candidates = ["strComputer", "objUpdate", "c", "ByValue", "items", "progId", "n", "objSession", "session", "objSearcher", "colUpdates", "objInstaller"];
    const chosen: string[] = [];
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const name = this.pick(candidates);
      if (names.includes(name)) continue;
      names.push(name);
      const passing = this.pick(["", "", `${this.k("ByVal")} `, `${this.k("ByRef")} `]);
      chosen.push(`${passing}${name}${this.chance(0.1) ? "()" : ""}`);
    }
    return { text: chosen.join(", "), names };
  }

  procedureDefinition(visibility = ""): string | undefined {
    let plan = this.planned.shift();
    if (plan === undefined) {
      const name = this.uniqueName(PROCEDURE_NAMES);
      if (name === undefined) return undefined;
      plan = { name, kind: this.chance(0.5) ? "Sub" : "Function", params: this.parameters(this.int(4)) };
      (plan.kind === "Sub" ? this.subs : this.functions).push({ name, params: plan.params.names.length });
    }
    const { name, kind, params } = plan;
    const parens = params.names.length === 0 && this.chance(0.3) ? "" : `(${params.text})`;
    return this.inProcedure({ kind, name }, () => {
      const body: string[] = [];
      if (this.chance(0.4)) body.push(indent(this.k("On Error Resume Next")));
      const objectParameter = params.names.find((p) => /^(?:obj|session|col)/u.test(p));
      if (objectParameter && this.chance(0.8)) body.push(indent(this.callStatement(objectParameter)));
      if (params.names.includes("strComputer") && this.chance(0.5)) {
        body.push(indent(`${this.k("Set")} ${this.pick(["objSession", "oSession"])} = ${this.k("CreateObject")}("Microsoft.Update.Session", strComputer)`));
      }
      body.push(this.block());
      if (kind === "Function") body.push(indent(this.procedureResult()!));
      if (this.chance(0.2)) body.push(indent(this.k(`Exit ${kind}`)));
      return `${visibility}${this.k(kind)} ${name}${parens}\n${body.join("\n")}\n${this.k(`End ${kind}`)}`;
    }, params.names);
  }

  classDefinition(): string | undefined {
    const name = this.uniqueName(CLASS_NAMES);
    if (name === undefined) return undefined;
    this.classes.push(name);
    this.inClass = true;
    const memberNames = new Set<string>();
    const members: string[] = [];
    try {
      const fields = ["m_session", "m_computer", "m_installer", "Computer"].filter(() => this.chance(0.7));
      for (const field of fields) {
        memberNames.add(field.toLowerCase());
        members.push(`${this.k(this.pick(["Private", "Public", "Dim"]))} ${field}`);
      }
      const method = (kind: "Sub" | "Function", methodName: string, visibility: string, body: () => string): void => {
        if (memberNames.has(methodName.toLowerCase())) return;
        memberNames.add(methodName.toLowerCase());
        members.push(this.inProcedure({ kind, name: methodName }, () => `${visibility}${this.k(kind)} ${methodName}()\n${body()}\n${this.k(`End ${kind}`)}`));
      };
      if (this.chance(0.7)) {
        method("Sub", "Class_Initialize", `${this.k("Private")} `, () => indent(this.pick([
          `${this.k("Set")} m_session = ${this.creation()}${this.chance(0.5) ? `\nm_computer = ${this.location()}` : ""}`,
          `${this.k("Set")} m_session = ${this.creation()}\n${this.k("Me")}.Run`,
          // A class that makes one of itself when made: endless at run time, not for the analysis.
          `${this.k("If")} IsEmpty(m_computer) ${this.k("Then")} ${this.k("Set")} m_installer = ${this.k("New")} ${name}`,
          `${this.k("Set")} m_session = ${this.k("Me")}.Session`,
        ])));
      }
      if (this.chance(0.3)) method("Sub", "Class_Terminate", `${this.k("Private")} `, () => indent(`${this.k("Set")} m_session = ${this.k("Nothing")}`));
      if (!memberNames.has("session")) {
        memberNames.add("session");
        const accessors: string[] = [];
        accessors.push(this.inProcedure({ kind: "Property", name: "Session" }, () => `${this.k("Public Property Get")} Session()\n${indent(`${this.k("Set")} Session = m_session`)}\n${this.k("End Property")}`));
        if (this.chance(0.5)) accessors.push(this.inProcedure({ kind: "Property", name: "Session" }, () => `${this.k("Public Property Set")} Session(${this.k("ByVal")} value)\n${indent(`${this.k("Set")} m_session = value`)}\n${this.k("End Property")}`));
        if (this.chance(0.4)) accessors.push(this.inProcedure({ kind: "Property", name: "Name" }, () => `${this.k("Property Let")} Name(${this.k("ByVal")} value)\n${indent(`m_computer = value${this.chance(0.5) ? `\n${this.k("Exit Property")}` : ""}`)}\n${this.k("End Property")}`));
        members.push(...accessors);
      }
      method("Sub", "Run", `${this.k("Public")} `, () => this.block());
      if (this.chance(0.5)) method("Function", "Installer", `${this.k("Public")} `, () => indent(`${this.k("Set")} Installer = ${this.pick([`${this.k("Me")}.Session.CreateUpdateInstaller()`, "m_session.CreateUpdateInstaller", this.creation()])}`));
      if (this.chance(0.3)) method("Function", "Item", `${this.k("Public Default")} `, () => indent(`Item = m_computer`));
      if (this.chance(0.4)) method("Sub", "Hide", `${this.k("Private")} `, () => indent(`${this.k("Dim")} u\n${this.k("For Each")} u ${this.k("In")} m_session.CreateUpdateSearcher().Search("IsHidden=0").Updates\n  u.IsHidden = ${this.k("True")}\n${this.k("Next")}`));
    } finally {
      this.inClass = false;
    }
    const order = members.map((m) => ({ m, r: this.random() }));
    if (this.chance(0.3)) order.sort((a, b) => a.r - b.r);
    return `${this.k("Class")} ${name}\n${indent(order.map((o) => o.m).join("\n"))}\n${this.k("End Class")}`;
  }

  /** A statement of the top level: also procedures and classes. */
  topLevelStatement(): string {
    switch (this.int(14)) {
      case 0: return this.procedureDefinition(this.pick(["", "", `${this.k("Public")} `, `${this.k("Private")} `])) ?? this.statement();
      case 1: return this.classDefinition() ?? this.statement();
      case 2: {
        const [name] = this.pick(LOCATION_CONSTANTS).split(" ");
        const constant = LOCATION_CONSTANTS.find((c) => c.startsWith(name!))!;
        if (!this.declare(name!)) return this.statement();
        this.constants.push(name!);
        return `${this.pick(["", "", "", `${this.k("Public")} `, `${this.k("Private")} `])}${this.k("Const")} ${constant}`;
      }
      case 3: {
        // `Public x` and `Private x`: variables of the script, declared as Dim does.
        const names = [this.variable(), this.variable()].filter((name, i, all) => all.indexOf(name) === i && this.declare(name));
        return names.length === 0 ? this.statement() : `${this.k(this.pick(["Public", "Private"]))} ${names.join(", ")}`;
      }
      default: return this.statement();
    }
  }
}

function indent(text: string): string {
  return text.split("\n").map((line) => (line === "" ? line : `  ${line}`)).join("\n");
}

/** A WUA-shaped program, VBScript that cscript compiles, with LF line ends. */
function generateLines(builder: Builder): string {
  const lines: string[] = [];
  if (builder.chance(0.04)) lines.push(builder.pick(["' 2>nul & @cscript //nologo //e:vbscript \"%~f0\" %* & exit /b", "::'@cscript //nologo //e:vbscript \"%~f0\" %* & @goto :eof"]));
  if (builder.chance(0.15)) lines.push(builder.pick(["' Lists the updates a server is missing.", "'==========\n' WUA script — 2024\n'==========", `${builder.k("Rem")} Usage: cscript wu.vbs <server>`]));
  if (builder.chance(0.12)) lines.push(builder.pick(REMOTE_COMMENTS));
  if (builder.chance(0.3)) lines.push(builder.k("Option Explicit"));
  if (builder.chance(0.3)) {
    // The declarations real scripts open with.
    const names = ["strComputer", "objSession", "objSearcher", "objResults", "colUpdates", "objUpdate", "i"].filter(() => builder.chance(0.6));
    const declared = names.filter((name) => builder.declare(name));
    if (declared.length > 0) lines.push(`${builder.k("Dim")} ${declared.join(", ")}`);
  }
  if (builder.chance(0.5)) lines.push(builder.pick(["strComputer = WScript.Arguments(0)", "strComputer = WScript.Arguments.Item(0)", 'strComputer = "SRV-01"', 'strComputer = "."', "strServer = WScript.Arguments.Named(\"s\")"]));
  if (builder.chance(0.4)) lines.push(builder.k("On Error Resume Next"));
  if (builder.chance(0.6)) lines.push(builder.sessionChain());
  const count = 2 + builder.int(12);
  for (let i = 0; i < count; i++) lines.push(builder.topLevelStatement());
  return lines.join("\n");
}

/** The line ends of a program: mostly LF or CRLF, sometimes lone CRs or a mixture. */
function withLineEnds(code: string, random: Random): string {
  const r = random();
  if (r < 0.55) return code;
  if (r < 0.85) return code.replace(/\n/gu, "\r\n");
  if (r < 0.92) return code.replace(/\n/gu, "\r");
  return code.replace(/\n/gu, () => ["\n", "\r\n", "\r"][Math.floor(random() * 3)]!);
}

/** A program before mutation: VBScript that cscript compiles. */
export function generateCleanProgram(random: Random): string {
  const builder = new Builder(random);
  let code = generateLines(builder);
  if (random() < 0.1) code = code.replace(/^ {2}/gmu, "\t");
  if (random() < 0.05) code = `\ufeff${code}`;
  if (random() < 0.3) code += "\n";
  return withLineEnds(code, random);
}

const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/gu;

/** The lines of `code` with their line ends. */
function splitLines(code: string): string[] {
  return (code.match(LINE) ?? []).filter((line, i, all) => line !== "" || i < all.length - 1);
}

/** Tokens for a swap: words, strings, numbers, single punctuation. */
const TOKEN = /"(?:[^"\r\n]|"")*"?|&[HhOo][0-9A-Fa-f]*&?|[\p{L}_][\p{L}\p{N}_]*|\d+(?:\.\d*)?|\[[^\]\r\n]*\]?|[^\s\p{L}\p{N}_]/gu;

/**
 * Mutations: truncation, a line deleted or duplicated, two tokens swapped, a stray character or
 * keyword inserted, noise, a span deleted or duplicated, a span in another case, two lines swapped.
 */
export function mutate(code: string, random: Random): string {
  const at = (): number => Math.floor(random() * (code.length + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  switch (Math.floor(random() * 12)) {
    case 11: {
      // Deep nesting: blocks or parentheses hundreds or thousands deep.
      const depth = 50 + Math.floor(random() * 3000);
      const deep = pick([
        () => `x = ${"(".repeat(depth)}1${")".repeat(random() < 0.8 ? depth : 0)}\n`,
        () => `${"If x Then\n".repeat(depth)}${random() < 0.5 ? "End If\n".repeat(depth) : ""}`,
        () => `${"With .Settings\n".repeat(depth)}.Pause\n${"End With\n".repeat(depth)}`,
        () => `x = ${"Not -".repeat(depth)}1\n`,
        () => `Set s = CreateObject("Microsoft.Update.Session", strComputer)${".Item(0)".repeat(depth)}.AcceptEula\n`,
        () => `x = ${"a & ".repeat(depth)}b\n`,
        () => `${"Do\n".repeat(depth)}${"Loop\n".repeat(depth)}`,
      ])();
      const lines = splitLines(code);
      lines.splice(Math.floor(random() * (lines.length + 1)), 0, deep);
      return lines.join("");
    }
    case 0:
      return code.slice(0, at());
    case 1: {
      const lines = splitLines(code);
      lines.splice(Math.floor(random() * lines.length), 1);
      return lines.join("");
    }
    case 2: {
      const lines = splitLines(code);
      const i = Math.floor(random() * lines.length);
      const line = lines[i] ?? "";
      lines.splice(Math.floor(random() * (lines.length + 1)), 0, /[\r\n]$/u.test(line) ? line : `${line}\n`);
      return lines.join("");
    }
    case 3: {
      // Two tokens swapped: neighbours mostly, sometimes any two.
      const tokens = [...code.matchAll(TOKEN)];
      if (tokens.length < 2) return code + pick(STRAY);
      const a = Math.floor(random() * (tokens.length - 1));
      const b = random() < 0.7 ? a + 1 : Math.floor(random() * tokens.length);
      const [first, second] = a < b ? [tokens[a]!, tokens[b]!] : [tokens[b]!, tokens[a]!];
      if (first === second) return code;
      const firstEnd = first.index + first[0].length;
      return code.slice(0, first.index) + second[0] + code.slice(firstEnd, second.index) + first[0] + code.slice(second.index + second[0].length);
    }
    case 4:
    case 5: {
      const where = at();
      return code.slice(0, where) + pick(STRAY) + code.slice(where);
    }
    case 6: {
      const where = at();
      return code.slice(0, where) + pick(NOISE) + code.slice(Math.min(code.length, where + Math.floor(random() * 3)));
    }
    case 7: {
      const start = at();
      return code.slice(0, start) + code.slice(Math.min(code.length, start + 1 + Math.floor(random() * 60)));
    }
    case 8: {
      const start = at();
      const end = Math.min(code.length, start + 1 + Math.floor(random() * 80));
      const where = at();
      return code.slice(0, where) + code.slice(start, end) + code.slice(where);
    }
    case 9: {
      // A span in another case (VBScript names are case-insensitive; strings are not).
      const start = at();
      const end = Math.min(code.length, start + 1 + Math.floor(random() * 40));
      const span = code.slice(start, end);
      return code.slice(0, start) + (random() < 0.5 ? span.toUpperCase() : span.toLowerCase()) + code.slice(end);
    }
    default: {
      const lines = splitLines(code);
      const a = Math.floor(random() * lines.length);
      const b = Math.floor(random() * lines.length);
      const ending = (line: string): string => /\r\n$|[\r\n]$/u.exec(line)?.[0] ?? "";
      const strip = (line: string): string => line.slice(0, line.length - ending(line).length);
      if (lines[a] === undefined || lines[b] === undefined) return code;
      const [la, lb] = [lines[a], lines[b]];
      lines[a] = strip(lb) + ending(la);
      lines[b] = strip(la) + ending(lb);
      return lines.join("");
    }
  }
}

/**
 * The places in a line where blanks separate two tokens, outside strings, dates, bracketed names and
 * comments, and not in the line's indentation or before a continuation: where a line may be split.
 */
function tokenGaps(line: string): number[] {
  const gaps: number[] = [];
  let close: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (close !== undefined) {
      if (c === close) close = undefined;
      continue;
    }
    if (c === '"') close = '"';
    else if (c === "#") close = "#";
    else if (c === "[") close = "]";
    else if (c === "'" || /^rem\b/iu.test(line.slice(i)) && (i === 0 || /[\s:]/u.test(line[i - 1]!))) break;
    else if (c === " " && i > 0 && /\S/u.test(line.slice(0, i)) && line[i - 1] !== " ") {
      const rest = line.slice(i).trim();
      if (rest !== "" && !rest.startsWith("_") && !rest.startsWith("'") && !/^rem\b/iu.test(rest)) gaps.push(i);
    }
  }
  return close === undefined ? gaps : [];
}

/**
 * Edits that leave a program VBScript and its meaning as it was: a line split by a continuation,
 * blank and comment lines, more blanks between tokens, a word outside strings in another case.
 */
export function reshape(code: string, random: Random): string {
  const lines = splitLines(code);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const i = Math.floor(random() * lines.length);
  const line = lines[i] ?? "";
  const ending = /\r\n$|[\r\n]$/u.exec(line)?.[0] ?? "";
  const body = line.slice(0, line.length - ending.length);
  const newline = ending || "\n";
  const continued = (n: number): boolean => /\s_\s*$/u.test(lines[n] ?? "");
  switch (Math.floor(random() * 4)) {
    case 0: {
      const gaps = tokenGaps(body);
      if (gaps.length === 0) return code;
      const at = pick(gaps);
      lines[i] = `${body.slice(0, at)} _${newline}${pick(["", "  ", "\t", "      "])}${body.slice(at + 1)}${ending}`;
      return lines.join("");
    }
    case 1: {
      // A blank or comment line, not after a line that continues.
      if (i > 0 && continued(i - 1)) return code;
      lines.splice(i, 0, `${pick(["", "   ", "' note", "Rem note", "'", "  ' indented ✓"])}${newline}`);
      return lines.join("");
    }
    case 2: {
      const gaps = tokenGaps(body);
      if (gaps.length === 0) return code;
      const at = pick(gaps);
      lines[i] = `${body.slice(0, at)}${pick(["  ", "\t", " \t ", "        "])}${body.slice(at)}${ending}`;
      return lines.join("");
    }
    default: {
      // A word outside strings, dates, bracketed names and comments, in another case.
      const gaps = [0, ...tokenGaps(body)];
      const at = pick(gaps);
      const word = /^\s*([A-Za-z]\w*)/u.exec(body.slice(at));
      if (!word) return code;
      const start = at + word[0].length - word[1]!.length;
      const changed = pick([word[1]!.toUpperCase(), word[1]!.toLowerCase()]);
      lines[i] = `${body.slice(0, start)}${changed}${body.slice(start + word[1]!.length)}${ending}`;
      return lines.join("");
    }
  }
}

/**
 * A program for `seed`: as generated (`clean`), sometimes reshaped (still VBScript cscript compiles,
 * `reshaped`), and as linted (`code`: mostly that, sometimes mutated a few times).
 */
export function generateVBScriptCase(seed: number): { clean: string; reshaped: string; code: string; mutated: boolean } {
  const random = seeded(seed);
  const clean = generateCleanProgram(random);
  let reshaped = clean;
  if (random() < 0.3) {
    for (let i = 1 + Math.floor(random() * 6); i > 0; i--) reshaped = reshape(reshaped, random);
  }
  let code = reshaped;
  const roll = random();
  if (roll < 0.4) {
    // Mostly one to three mutations; sometimes many, for code broken in several places.
    const mutations = roll < 0.05 ? 4 + Math.floor(random() * 12) : 1 + Math.floor(random() * 3);
    for (let i = 0; i < mutations; i++) code = mutate(code, random);
  }
  return { clean, reshaped, code, mutated: code !== reshaped };
}

/** The program linted for `seed`. */
export function generateVBScriptProgram(seed: number): string {
  return generateVBScriptCase(seed).code;
}
