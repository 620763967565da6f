/**
 * Random PowerShell programs for the PowerShell fuzz test, biased towards WUA-shaped code: DCOM
 * sessions (literal, parameter, $env:COMPUTERNAME and $null computers), New-Object -ComObject,
 * Invoke-Command in its many spellings, jobs and call operators, pipelines, control flow,
 * functions, classes, hashtables, strings with sub-expressions, comments and directives, members
 * of the WUA object model and name-alike members on other objects, and ordinary admin code.
 * Some programs are then mutated (truncated, a span deleted or duplicated, an unbalanced character,
 * other noise or a construct the grammar misreads inserted, lines swapped, a span's case changed).
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

/** Members the remote table lists: the ones the rules report. */
const TABLE_MEMBERS: readonly string[] = [...new Set(remoteRows.flatMap((row) => (row.scope === "member" ? [row.member] : [])))];
const MEMBER_BY_NAME = new Map(MEMBERS.map((m) => [m.name.toLowerCase(), m]));

const PROG_IDS = [
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
  "microsoft.update.session.1",
  "Schedule.Service",
  "WScript.Shell",
  "Scripting.FileSystemObject",
];

const COMPUTERS = [
  '"SRV-01"',
  "'SRV-02'",
  "$Computer",
  "$ComputerName",
  "$computer",
  "$env:COMPUTERNAME",
  "$null",
  '"."',
  '"localhost"',
  "''",
  '"127.0.0.1"',
  "[Environment]::MachineName",
  "[System.Net.Dns]::GetHostName()",
  "$undefinedHost",
  "$args[0]",
  '"$prefix-01"',
  "$servers[0]",
  "$c",
  "$true",
  "(Get-Content hosts.txt)[0]",
  "$using:Computer",
];

/** Variables shared by every kind of statement, so that values flow between them. */
const VARIABLES = [
  "$s", "$session", "$searcher", "$result", "$updates", "$u", "$update", "$installer", "$downloader",
  "$coll", "$au", "$sm", "$x", "$item", "$task", "$obj", "$h", "$p", "$job", "$sess", "$block", "$svc",
];

const INVOKE_NAMES = ["Invoke-Command", "Invoke-Command", "icm", "invoke-command", "INVOKE-COMMAND", "Microsoft.PowerShell.Core\\Invoke-Command"];
const TARGETS = [
  "-ComputerName $servers",
  "-ComputerName SRV-01",
  "-ComputerName localhost",
  "-ComputerName .",
  "-cn $Computer",
  "-Comp $c",
  "-ComputerName:$servers",
  "-Session $sess",
  "-Session (New-PSSession -ComputerName SRV-03)",
  "-HostName web01",
  "-SSHConnection $hosts",
  "-ConnectionUri $uri",
  "-VMName Build01",
  "-ContainerId $id",
  "",
  "",
  "-NoNewScope",
  "-ComputerName localhost -EnableNetworkAccess",
  "-ComputerName $servers -ConfigurationName Microsoft.PowerShell",
  "-ComputerName $servers -ConfigurationName PatchEndpoint",
];
const INVOKE_EXTRAS = ["", "", "", "-AsJob", "-ThrottleLimit 5", "-Credential $cred", "-ErrorAction Stop", "-HideComputerName", "-ea 0"];

/** Variables that usually hold one kind of WUA object, where it comes from, and its members. */
const FAMILIES: readonly { vars: readonly string[]; progId?: string; from?: string; members: readonly string[] }[] = [
  { vars: ["$s", "$session"], progId: "Microsoft.Update.Session", members: ["CreateUpdateDownloader", "CreateUpdateInstaller", "CreateUpdateSearcher", "CreateUpdateServiceManager", "WebProxy", "QueryHistory", "ClientApplicationID", "ReadOnly", "UserLocale"] },
  { vars: ["$searcher"], from: "$session.CreateUpdateSearcher()", members: ["BeginSearch", "EndSearch", "Search", "QueryHistory", "GetTotalHistoryCount", "ServerSelection", "Online", "EscapeString"] },
  { vars: ["$u", "$update"], from: "$updates.Item(0)", members: ["AcceptEula", "IsHidden", "CopyFromCache", "CopyToCache", "Title", "EulaAccepted", "Identity", "BundledUpdates"] },
  { vars: ["$updates", "$coll"], from: "$result.Updates", members: ["Copy", "Item", "Count", "Add", "Clear", "Insert", "ReadOnly"] },
  { vars: ["$au"], progId: "Microsoft.Update.AutoUpdate", members: ["Pause", "Resume", "Settings", "ServiceEnabled", "EnableService", "ShowSettingsDialog", "DetectNow", "Results"] },
  { vars: ["$sm"], progId: "Microsoft.Update.ServiceManager", members: ["AddService", "AddService2", "AddScanPackageService", "RemoveService", "RegisterServiceWithAU", "UnregisterServiceWithAU", "Services", "QueryServiceRegistration"] },
  { vars: ["$installer"], from: "$session.CreateUpdateInstaller()", members: ["Install", "Uninstall", "Commit", "BeginInstall", "RunWizard", "Updates", "IsBusy", "ForceQuiet", "AllowSourcePrompts"] },
  { vars: ["$downloader"], from: "$session.CreateUpdateDownloader()", members: ["Download", "BeginDownload", "Updates", "Priority"] },
];

const PROPERTY_NAMES = ["Session", "Computer", "Name", "Result", "Installer", "Items", "Block"];
const FUNCTION_NAMES = ["Install-Updates", "Get-Pending", "Invoke-Patch", "Hide-Update", "Test-Thing", "Walk-Tree"];
const CLASS_NAMES = ["Patcher", "UpdateRunner", "Node"];

const SEARCH_CRITERIA = [
  '"IsInstalled=0"',
  "\"IsInstalled=0 and Type='Software'\"",
  "'IsHidden=1'",
  "$criteria",
  '"IsInstalled=0 and DeploymentAction=`"Installation`""',
];

/** Valid PowerShell that tree-sitter-powershell misreads (ERROR or MISSING nodes). */
export const GRAMMAR_GAPS = [
  "$mode = $IsDebug ? 'debug' : 'release'",
  "$name = $env:TARGET ?? 'SRV-01'",
  "$cache ??= @{}",
  "$len = ${item}?.Length",
  "$s2 = $session?.CreateUpdateInstaller()",
  ":outer foreach ($i in 1..3) { foreach ($j in 1..3) { break outer } }",
  ":loop while ($true) { continue loop }",
  "[Flags()] enum Days { Monday = 1; Tuesday = 2 }",
  "class B : System.Object { [string]$Name }",
  "function Get-Thing { [CmdletBinding()] param() begin {} }",
  "Get-Process | Select-Object Name, Id",
  "$size = $bytes/1MB",
  "$gb = (Get-Item C:\\pagefile.sys).Length/1GB",
  "(1..3).ForEach({ $_ * 2 })",
  "$updates.ForEach({ $_.AcceptEula() })",
  "& $exe /quiet /norestart --% /log:c:\\x.log",
];

/** Characters and tokens that leave something open or closed once too often. */
const UNBALANCED = ["{", "}", "(", ")", '"', "'", '@"\n', '\n"@', "@'\n", "\n'@", "<#", "#>", "`", "$(", "[", "]", "@{", "\u201C", "\u2018", "\0", "\r"];
/** Other tokens and characters to drop in anywhere. */
const NOISE = ["$", "@(", "::", ".", "|", "-", ";", "\n", "&&", "||", "2>&1", ">", "${", ",", "=", "+=", "!", "-not ", "\u00e9", "\ud83d\ude00", "\u2028", "\ufeff", "\ud800", "\t", " `\n"];

class Builder {
  private depth = 0;
  /** Functions and classes defined so far, to call them later. */
  readonly functions: { name: string; params: string[] }[] = [];
  readonly classes: string[] = [];

  constructor(private readonly random: Random) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  variable(): string {
    return this.pick(VARIABLES);
  }

  /** A member name: mostly the reported ones, as written or in another case, sometimes quoted. */
  memberName(): MemberInfo {
    if (this.chance(0.55)) {
      const name = this.pick(TABLE_MEMBERS);
      return MEMBER_BY_NAME.get(name.toLowerCase()) ?? { name, kind: "method", params: [], writable: false };
    }
    return this.pick(MEMBERS);
  }

  spell(name: string): string {
    const r = this.random();
    if (r < 0.08) return name.toLowerCase();
    if (r < 0.1) return name.toUpperCase();
    if (r < 0.14) return `'${name}'`;
    if (r < 0.16) return `"${name}"`;
    return name;
  }

  argument(): string {
    switch (this.int(9)) {
      case 0: return this.pick(SEARCH_CRITERIA);
      case 1: return "$null";
      case 2: return "$true";
      case 3: return String(this.int(5));
      case 4: return "$coll";
      case 5: return "''";
      case 6: return this.variable();
      case 7: return "[ref]$out";
      default: return this.expression();
    }
  }

  /** A member use on a variable of one family, sometimes after the object is made on another computer. */
  typedUse(): string {
    const family = this.pick(FAMILIES);
    const v = this.pick(family.vars);
    const member = MEMBER_BY_NAME.get(this.pick(family.members).toLowerCase()) ?? this.memberName();
    const use = this.chance(0.2) && member.kind === "property" ? `${v}.${this.spell(member.name)} = ${this.pick(["$true", "$false", "1", "$coll"])}` : this.memberUse(v, member);
    if (!this.chance(0.4)) return use;
    const source = family.progId
      ? `[Activator]::CreateInstance([Type]::GetTypeFromProgID("${family.progId}", ${this.pick(["$Computer", '"SRV-01"', "$c", "$env:COMPUTERNAME", "$null"])}))`
      : family.from!;
    return this.join([`${v} = ${source}`, use]);
  }

  memberUse(target: string, chosen?: MemberInfo): string {
    const member = chosen ?? this.memberName();
    const name = this.spell(member.name);
    if (member.kind === "property") {
      if (this.chance(0.1)) return `${target}.${name}.Count`;
      return `${target}.${name}`;
    }
    const count = member.params.length > 0 && this.chance(0.8) ? member.params.length : this.int(3);
    const args = Array.from({ length: count }, () => this.argument()).join(", ");
    return `${target}.${name}(${args})`;
  }

  /** A creation; inside an expression (a method's argument, an array), a command is parenthesised. */
  creation(inExpression = false): string {
    const created = this.creationText();
    return inExpression && created.startsWith("New-Object") ? `(${created})` : created;
  }

  creationText(): string {
    const progId = this.pick(PROG_IDS);
    const computer = this.pick(COMPUTERS);
    const quoted = this.chance(0.8) ? `"${progId}"` : `'${progId}'`;
    const activator = this.pick(["[Activator]", "[System.Activator]", "[activator]"]);
    const type = this.pick(["[Type]", "[System.Type]", "[type]"]);
    switch (this.int(12)) {
      case 0:
      case 1:
      case 2:
        return `${activator}::CreateInstance(${type}::GetTypeFromProgID(${quoted}, ${computer}))`;
      case 3:
        return `${activator}::CreateInstance(${type}::GetTypeFromProgID(${quoted}, ${computer}, $true))`;
      case 4:
        return `${activator}::CreateInstance(${type}::GetTypeFromProgID(${quoted}))`;
      case 5:
        return `[Microsoft.VisualBasic.Interaction]::CreateObject(${quoted}, ${computer})`;
      case 6:
        return `New-Object -ComObject ${progId}`;
      case 7:
        return `New-Object -ComObject ${quoted}`;
      case 8:
        return `New-Object -Com ${quoted} -Strict`;
      case 9:
        return `(New-Object -ComObject ${progId})`;
      case 10:
        return `${activator}::CreateInstance(${type}::GetTypeFromProgID(${quoted}, ${computer}) # where\n)`;
      default:
        return `New-Object -ComObject $progId`;
    }
  }

  expression(): string {
    if (this.depth > 4) return this.variable();
    this.depth++;
    try {
      const v = this.variable();
      switch (this.int(20)) {
        case 0:
        case 1: return this.creation(true);
        case 2:
        case 3: return this.memberUse(v);
        case 4: return `${v}.Item(${this.int(3)})`;
        case 5: return this.chance(0.7) ? `${v}[${this.chance(0.5) ? "0" : "$i"}]` : `${v}[0].${this.spell(this.memberName().name)}[0]${this.chance(0.5) ? ".Item(0).Item(0)" : "[-1]"}`;
        case 6: return `@(${v}, ${this.expression()})`;
        case 7: return `@{ ${this.pick(PROPERTY_NAMES)} = ${this.expression()}; Name = 'x' }`;
        case 8: return `[pscustomobject]@{ ${this.pick(PROPERTY_NAMES)} = ${this.expression()} }`;
        case 9: return `$(${this.expression()})`;
        case 10: return `(${this.expression()})`;
        case 11: return `${v}.${this.pick(PROPERTY_NAMES)}`;
        case 12: return `[object]${v}`;
        case 13: return `$(if (${v}) { ${this.expression()} } else { ${this.expression()} })`;
        case 14: return `${v} | Where-Object { $_.${this.spell(this.memberName().name)} } | Select-Object -First 1`;
        case 15: return this.classes.length > 0 ? `[${this.pick(this.classes)}]::new(${this.expression()})` : v;
        case 16: return this.functions.length > 0 ? `(${this.pick(this.functions).name} ${v})` : v;
        case 17: return `"text $(${this.memberUse(v)}) and $env:USERNAME"`;
        case 18: return this.pick([`$script:${v.slice(1)}`, `$using:${v.slice(1)}`, `$global:${v.slice(1)}`]);
        default: return v;
      }
    } finally {
      this.depth--;
    }
  }

  /** The usual chain from a session to its updates. */
  sessionChain(): string {
    const s = this.pick(["$s", "$session"]);
    const lines = [
      `${s} = ${this.creation()}`,
      `$searcher = ${s}.${this.spell("CreateUpdateSearcher")}()`,
      `$result = $searcher.Search(${this.pick(SEARCH_CRITERIA)})`,
      `$updates = $result.Updates`,
    ];
    if (this.chance(0.5)) lines.push(`$installer = ${s}.CreateUpdateInstaller()`, "$installer.Updates = $updates", "$installer.Install()");
    if (this.chance(0.3)) lines.push(`$downloader = ${s}.CreateUpdateDownloader()`, "$downloader.Updates = $coll", "$downloader.Download()");
    return lines.slice(0, 1 + this.int(lines.length)).join(this.newline());
  }

  newline(): string {
    return this.chance(0.15) ? "; " : "\n";
  }

  /** A script block's statements: often a session of its own first, as remote blocks have. */
  scriptBlockBody(): string {
    if (!this.chance(0.5)) return this.block();
    const s = this.pick(["$s", "$session"]);
    const progId = this.chance(0.8) ? "Microsoft.Update.Session" : this.pick(PROG_IDS);
    const creation = this.chance(0.8) ? `New-Object -ComObject ${progId}` : this.creation();
    return this.join([`${s} = ${creation}`, this.memberUse(s), this.block()]);
  }

  scriptBlock(withParam = false): string {
    const param = withParam ? `param(${this.pick(["$ProgId", "$Computer, $ProgId", "[string]$Name = 'Microsoft.Update.Session'", "$s"])})${this.newline()}` : "";
    return `{${this.chance(0.5) ? "\n" : " "}${param}${this.scriptBlockBody()}${this.chance(0.5) ? "\n" : " "}}`;
  }

  invokeCommand(): string {
    const name = this.pick(INVOKE_NAMES);
    const target = this.pick(TARGETS);
    const extra = this.pick(INVOKE_EXTRAS);
    const withArgs = this.chance(0.2);
    const args = withArgs ? `-ArgumentList ${this.pick(["'Microsoft.Update.Session'", "$Computer, 'Microsoft.Update.Session'", "$s", "$session", "@('a', 'b')"])}` : "";
    const block = this.scriptBlock(withArgs);
    let blockPart: string;
    switch (this.int(8)) {
      case 0: blockPart = `-ScriptBlock ${block}`; break;
      case 1: blockPart = `-Scr ${block}`; break;
      case 2: blockPart = `-Command ${block}`; break;
      case 3: blockPart = block; break;
      case 4: blockPart = "-ScriptBlock $block"; break;
      case 5: blockPart = this.functions.length > 0 ? `-ScriptBlock \${function:${this.pick(this.functions).name}}` : `-ScriptBlock ${block}`; break;
      case 6: blockPart = `-ScriptBlock:${block}`; break;
      default: blockPart = `-FilePath .\\install.ps1`; break;
    }
    const parts = this.chance(0.3) ? [name, blockPart, target, extra, args] : [name, target, blockPart, extra, args];
    if (this.chance(0.1)) {
      // Positional computer name.
      return `${name} ${this.pick(["$servers", "SRV-01", "$Computer"])} ${block}`;
    }
    if (this.chance(0.1)) {
      return `${name} \`\n  ${target} \`\n  ${blockPart}`;
    }
    return parts.filter((p) => p !== "").join(" ");
  }

  splatted(): string {
    const p = this.pick(["$params", "$p", "$icmArgs"]);
    const entries = [
      this.pick(["ComputerName = $servers", "Session = $sess", "cn = 'SRV-01'", "HostName = 'h'", "VMName = 'v'", ""]),
      `ScriptBlock = ${this.scriptBlock()}`,
      this.pick(["", "ErrorAction = 'Stop'", "ArgumentList = @('Microsoft.Update.Session')", "EnableNetworkAccess = $true"]),
    ].filter((e) => e !== "");
    return `${p} = @{\n  ${entries.join("\n  ")}\n}\n${this.pick(INVOKE_NAMES)} @${p.slice(1)}`;
  }

  newSession(): string {
    return `$sess = New-PSSession ${this.pick(["-ComputerName SRV-01", "", "-EnableNetworkAccess", "-VMName Build01", "-cn $servers", "-ComputerName $servers -Credential $cred", "$servers"])}`;
  }

  pipeline(): string {
    const source = this.pick(["$updates", "$result.Updates", "$r.Updates", "@($u, $update)", "$coll", "$list", "(Get-Service)", "1..3", "$searcher.Search('IsInstalled=0').Updates"]);
    const stages: string[] = [];
    const count = 1 + this.int(3);
    for (let i = 0; i < count; i++) {
      const it = this.pick(["$_", "$PSItem", "$_", "$PSItem"]);
      switch (this.int(10)) {
        case 0: stages.push(`ForEach-Object { ${it}.${this.spell(this.memberName().name)}() }`); break;
        case 1: stages.push(`% { ${this.memberUse(it)} }`); break;
        case 2: stages.push(`Where-Object { -not ${it}.IsHidden }`); break;
        case 3: stages.push(`? { ${it}.Title -like '*KB*' }`); break;
        case 4: stages.push(`Select-Object -First ${1 + this.int(3)}`); break;
        case 5: stages.push(`Sort-Object Title`); break;
        case 6: stages.push(`ForEach-Object ${this.pick(["AcceptEula", "CopyFromCache", "Title"])}`); break;
        case 7: stages.push(`ForEach-Object -Begin { $n = 0 } -Process { ${it}.IsHidden = $true; $n++ } -End { $n }`); break;
        case 8: stages.push(`ForEach-Object -Parallel { ${this.memberUse("$_")} }`); break;
        default: stages.push(`Out-Null`); break;
      }
    }
    const prefix = this.chance(0.3) ? `${this.variable()} = ` : "";
    return `${prefix}${source} | ${stages.join(this.chance(0.2) ? " |\n  " : " | ")}`;
  }

  methodCallForms(): string {
    const v = this.variable();
    switch (this.int(5)) {
      case 0: return `${v}.Where({ $_.IsHidden }).ForEach({ ${this.memberUse("$_")} })`;
      case 1: return `${v}.ForEach({ ${this.memberUse("$_")} })`;
      case 2: return `${v}.Where({ $_.Title -match 'KB' })`;
      case 3: return `$name = '${this.memberName().name}'; ${v}.$name()`;
      default: return `${v}.${this.spell("AcceptEula")}()`;
    }
  }

  functionDefinition(): string {
    const name = this.pick(FUNCTION_NAMES);
    const params = this.pick([["$Session"], ["$Computer", "$ProgId"], ["$s", "$n"], [], ["$InputObject"]]);
    this.functions.push({ name, params });
    const paramAttributes = this.pick([
      "",
      "[Parameter(Mandatory)]",
      "[Parameter(ValueFromPipeline)]",
      "[Parameter(Position = 0, ValueFromPipeline = $true)]",
      "[ValidateNotNull()]",
    ]);
    const paramBlock = params.length === 0 ? "" : `param(${params.map((p, i) => `${i === 0 ? paramAttributes : ""}${this.pick(["", "[object]", "[string]"])}${p}${this.chance(0.2) ? " = $null" : ""}`).join(", ")})`;
    const recursion = this.chance(0.2) ? `if ($n -gt 0) { ${name} ${params[0] ?? "$x"} ($n - 1) }\n` : "";
    let body: string;
    switch (this.int(4)) {
      case 0:
        body = `begin { ${this.block()} }\nprocess { ${this.block()} }\nend { ${this.block()} }`;
        break;
      case 1:
        body = `process { ${recursion}${this.block()} }`;
        break;
      default:
        body = `${recursion}${this.block()}\n${this.chance(0.5) ? `return ${this.expression()}` : ""}`;
    }
    const header = this.chance(0.25) && params.length > 0
      ? `function ${name}(${params.join(", ")}) {\n`
      : `${this.chance(0.1) ? "filter" : "function"} ${name} {\n${this.chance(0.3) ? "[CmdletBinding()]\n" : ""}${paramBlock}\n`;
    return `${header}${body}\n}`;
  }

  functionCall(): string {
    if (this.functions.length === 0) return this.functionDefinition();
    const fn = this.pick(this.functions);
    const args = fn.params.map((p) => (this.chance(0.5) ? `-${p.slice(1)} ${this.chance(0.6) ? `(${this.expression()})` : this.expression()}` : this.variable())).join(" ");
    switch (this.int(4)) {
      case 0: return `${this.variable()} | ${fn.name}`;
      case 1: return `${this.variable()} = ${fn.name} ${args}`;
      case 2: return `& ${fn.name} ${args}`;
      default: return `${fn.name} ${args}`;
    }
  }

  classDefinition(): string {
    const name = this.pick(CLASS_NAMES);
    this.classes.push(name);
    const prop = this.pick(PROPERTY_NAMES);
    const members = [
      `  [string]$Computer = 'SRV-01'`,
      `  ${name}([string]$c) {\n    $this.Computer = $c\n    $this.${prop} = ${this.creation()}\n  }`,
      `  ${name}() { $this.${prop} = $null }`,
      `  [void] Run() {\n    ${this.memberUse(`$this.${prop}`)}\n  }`,
      `  [object] Get() { return $this.${prop}.${this.spell(this.memberName().name)} }`,
      `  static [object] Make([string]$c) { return ${this.creation()} }`,
      `  [void] Hide([object]$u) { $u.IsHidden = $true; $this.Run() }`,
    ].filter(() => this.chance(0.75));
    return [`class ${name} {`, `  [object]$${prop}`, ...members, "}"].join("\n");
  }

  classUse(): string {
    if (this.classes.length === 0) return this.classDefinition();
    const name = this.pick(this.classes);
    const v = this.variable();
    switch (this.int(5)) {
      case 0: return `${v} = [${name}]::new(${this.pick(COMPUTERS)})\n${v}.Run()`;
      case 1: return `${v} = New-Object ${name} -ArgumentList ${this.pick(COMPUTERS)}\n${v}.Get()`;
      case 2: return `${v} = [${name}]::Make($Computer)\n${this.memberUse(v)}`;
      case 3: return `${v} = [${name}]::new()\n${this.memberUse(`${v}.${this.pick(PROPERTY_NAMES)}`)}`;
      default: return `${v} = [${name}]@{ Computer = 'x' }`;
    }
  }

  hereString(): string {
    const expandable = this.chance(0.6);
    const [open, close] = expandable ? ['@"', '"@'] : ["@'", "'@"];
    const inner = expandable ? `$s = New-Object -ComObject Microsoft.Update.Session\n$(${this.memberUse(this.variable())})\n$s.CreateUpdateInstaller().Install()` : "$s = New-Object -ComObject Microsoft.Update.Session\n$s.CreateUpdateInstaller().Install()";
    const use = this.pick([
      "$script = ",
      "Register-ScheduledTask -TaskName Patch -Action (New-ScheduledTaskAction -Execute powershell -Argument ",
      "Set-Content -Path install.ps1 -Value ",
      "",
    ]);
    const after = use.includes("(") ? ")" : "";
    return `${use}${open}\n${inner}\n${close}${after}`;
  }

  comment(): string {
    switch (this.int(10)) {
      case 0: return "# eslint-disable-next-line wua/no-remote-unavailable-member -- checked";
      case 1: return `${this.memberUse(this.variable())} # eslint-disable-line`;
      case 2: return "# eslint-disable wua/no-remote-unlisted-member";
      case 3: return "# eslint-enable";
      case 4: return "<# eslint-disable-next-line #>";
      case 5: return "<#\n .SYNOPSIS\n Installs updates. $s.CreateUpdateInstaller()\n#>";
      case 6: return "# wua-remote";
      case 7: return "# TODO: $session.CreateUpdateDownloader() later";
      case 8: return "<# eslint-disable-line\n spanning #>";
      default: return "# eslint wua/no-remote-unlisted-member: off";
    }
  }

  nameAlike(): string {
    switch (this.int(8)) {
      case 0: return "$service = New-Object -ComObject Schedule.Service\n$service.Connect()\n$task = $service.NewTask(0)\n$task.Settings.Enabled = $true";
      case 1: return "$item = Get-Item C:\\Windows\n$item.IsHidden = $true";
      case 2: return "$pkg = Get-Package -Name x\n$pkg.AcceptEula()";
      case 3: return "$svc = Get-Service wuauserv\n$svc.Pause()";
      case 4: return "$fso = New-Object -ComObject Scripting.FileSystemObject\n$fso.CreateUpdateInstaller()";
      case 5: return "$obj = [pscustomobject]@{ IsHidden = $false }\n$obj.IsHidden = $true";
      case 6: return "$wsh = New-Object -ComObject WScript.Shell\n$wsh.Run('wuauclt /detectnow')";
      default: return "$copy = $list.Copy()\n$settings = $config.Settings";
    }
  }

  admin(): string {
    return this.pick([
      "$ErrorActionPreference = 'Stop'",
      "Write-Host \"Working on $Computer\" -ForegroundColor Green",
      "Get-Service wuauserv | Restart-Service -Force",
      "$servers = Get-Content -Path .\\servers.txt",
      "if (-not (Test-Connection $Computer -Count 1 -Quiet)) { return }",
      "Start-Sleep -Seconds 5",
      "schtasks /create /tn Patch /tr \"powershell -File c:\\install.ps1\" /sc once /st 00:00 /ru SYSTEM",
      "Get-WmiObject Win32_QuickFixEngineering | Sort-Object InstalledOn",
      "$cred = Get-Credential",
      "$log = Join-Path $env:TEMP 'wu.log'; Add-Content $log (Get-Date)",
      "[void][System.Reflection.Assembly]::LoadWithPartialName('Microsoft.VisualBasic')",
      "Add-Type -AssemblyName Microsoft.VisualBasic",
      "$i = 0; $i++; $i += 2",
      "exit $LASTEXITCODE",
      ". .\\helpers.ps1",
      "Import-Module PSWindowsUpdate",
      "$null = Register-ObjectEvent -InputObject $timer -EventName Elapsed -Action { $s.CreateUpdateInstaller() }",
      "Invoke-Expression '$s.CreateUpdateInstaller()'",
      "$list = New-Object System.Collections.ArrayList; $list.Add($s) | Out-Null",
      "Set-Variable -Name s -Value $null",
      "$sb = [scriptblock]::Create('$s.Pause()')",
      "throw 'stop'",
    ]);
  }

  jobOrCall(): string {
    switch (this.int(12)) {
      case 7: return `Start-Job -ArgumentList ${this.pick(["@($Computer, $block)", "($Computer, $block)", "$jobArgs"])} -ScriptBlock { param($c, $b) Invoke-Command -ComputerName $c -ScriptBlock ([scriptblock]::Create($b)) }`;
      case 8: {
        // Code in a constant string, made a block and sent: quotes doubled as the string needs them.
        const code = this.scriptBlockBody().replaceAll("'", "''");
        return `Invoke-Command -ComputerName ${this.pick(["$Computer", "SRV-01"])} -ScriptBlock ([scriptblock]::Create('${code}'))`;
      }
      case 9: {
        const name = `Update-Ring${this.int(3)}`;
        return `workflow ${name} {\n  InlineScript ${this.scriptBlock()}${this.chance(0.3) ? " -PSComputerName $Computer" : ""}\n}\n${name}${this.chance(0.6) ? " -PSComputerName $Computer" : ""}`;
      }
      case 10: return this.pick([
        '$text = $block.ToString(); schtasks /create /tn Patch /tr "powershell -Command $text" /ru SYSTEM',
        '$jobArgs = @($Computer, "$block")',
        "[Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($block)) | Set-Content .\\encoded.txt",
        '$block | Out-File "$PSScriptRoot\\worker.ps1"',
      ]);
      case 11: return this.pick([
        'Invoke-Command -ComputerName $Computer -FilePath "$PSScriptRoot\\Install-Worker.ps1"',
        "icm -cn $Computer -fi (Join-Path $PSScriptRoot 'worker.ps1') -ArgumentList $Computer",
        ". \"$PSScriptRoot\\lib.ps1\"; Import-Module .\\WuaTools.psm1; Invoke-Command -ComputerName $Computer -ScriptBlock ${function:Install-Updates}",
      ]);
      case 0: return `Start-Job -ScriptBlock ${this.scriptBlock(this.chance(0.3))}${this.chance(0.3) ? " -ArgumentList $Computer" : ""}`;
      case 1: return `Start-ThreadJob ${this.scriptBlock()}`;
      case 2: return `& ${this.scriptBlock()}`;
      case 3: return `. ${this.scriptBlock()}`;
      case 4: return `$block = ${this.scriptBlock(this.chance(0.3))}`;
      case 5: return this.pick(["& $block", "$block.Invoke()", ". $block", "$block.InvokeReturnAsIs($s)", "Invoke-Command -ScriptBlock $block"]);
      default: return `$job = Start-Job { ${this.block()} }; Receive-Job $job -Wait`;
    }
  }

  control(): string {
    const v = this.variable();
    switch (this.int(9)) {
      case 0: return `foreach (${this.pick(["$u", "$update", "$item", "$computer"])} in ${this.pick(["$updates", "$result.Updates", "$servers", "$coll", "@($s)"])}) {\n${this.block()}\n}`;
      case 1: return `for ($i = 0; $i -lt ${v}.Count; $i++) {\n${this.block()}\n}`;
      case 2: return `while (${v}) { ${this.block()}; break }`;
      case 3: return `do { ${this.block()} } ${this.pick(["while", "until"])} ($i -lt 3)`;
      case 4: return `switch (${v}) {\n  'a' { ${this.block()} }\n  { $_ -gt 1 } { ${this.block()} }\n  default { ${this.block()} }\n}`;
      case 5: return `try {\n${this.block()}\n} catch [System.UnauthorizedAccessException] {\n${this.block()}\n} catch {\n  Write-Warning $_\n} finally {\n${this.block()}\n}`;
      case 6: return `if (${v} -eq $null) {\n${this.block()}\n} elseif (${this.variable()}) {\n${this.block()}\n} else {\n${this.block()}\n}`;
      case 7: return this.chance(0.5)
        ? `${v} = switch ($mode) { 'remote' { ${this.expression()} } default { ${this.expression()} } }`
        : `${v} = if (${this.variable()}) { ${this.expression()} } else { ${this.expression()} }`;
      default: return `trap { continue }\n${this.block()}`;
    }
  }

  statement(): string {
    if (this.depth > 3) return this.memberUse(this.variable());
    this.depth++;
    try {
      const v = this.variable();
      switch (this.int(34)) {
        case 30:
        case 31:
        case 32: return this.typedUse();
        case 0:
        case 1: return `${v} = ${this.creation()}`;
        case 2: return this.sessionChain();
        case 3:
        case 4: return this.typedUse();
        case 5: return `${v} = ${this.memberUse(this.variable())}`;
        case 6: {
          const member = this.memberName();
          return `${v}.${this.spell(member.writable || this.chance(0.5) ? member.name : "IsHidden")} = ${this.pick(["$true", "$false", "1", "$coll", "$null"])}`;
        }
        case 7: return `${this.pick(["[void]", "$null = ", "", "[void] "])}${this.memberUse(v)}${this.chance(0.2) ? " | Out-Null" : ""}`;
        case 8: return `${v}.IsHidden = $true`;
        case 9:
        case 10:
        case 11: return this.invokeCommand();
        case 12: return this.splatted();
        case 13: return this.newSession();
        case 14:
        case 15: return this.pipeline();
        case 16: return this.methodCallForms();
        case 17: return this.control();
        case 18: return this.functionDefinition();
        case 19: return this.functionCall();
        case 20: return this.classDefinition();
        case 21: return this.classUse();
        case 22: return `${v} = ${this.expression()}`;
        case 23: return this.hereString();
        case 24: return this.comment();
        case 25: return this.nameAlike();
        case 26: return this.admin();
        case 27: return this.jobOrCall();
        case 28: return this.chance(0.5) ? this.pick(GRAMMAR_GAPS) : `Write-Output "${this.pick(["Installing", "Got"])} $(${this.memberUse(v)}) on $Computer"`;
        default: return `${v} += ${this.expression()}`;
      }
    } finally {
      this.depth--;
    }
  }

  block(): string {
    const count = 1 + this.int(3);
    return this.join(Array.from({ length: count }, () => this.statement()));
  }

  /** Statements one after another; a line comment at the end of one ends its line. */
  join(statements: readonly string[]): string {
    let code = "";
    statements.forEach((statement, i) => {
      if (i > 0) code += endsInLineComment(code) ? "\n" : this.newline();
      code += statement;
    });
    return endsInLineComment(code) ? `${code}\n` : code;
  }
}

/** Whether the last line of `code` ends in a `#` comment (roughly: a `#` not in `<# #>` or a string). */
function endsInLineComment(code: string): boolean {
  const last = code.slice(code.lastIndexOf("\n") + 1);
  return /(^|[\s;])#(?!>)/u.test(last.replace(/<#.*?#>/gu, "")) && !last.trimEnd().endsWith("#>");
}

/** A WUA-shaped program for `seed`, before any mutation. */
export function generateCleanProgram(random: Random): string {
  const builder = new Builder(random);
  const lines: string[] = [];
  if (builder.chance(0.1)) lines.push("#requires -Version 5.1");
  if (builder.chance(0.08)) lines.push(builder.pick(["# wua-remote", "<# wua-remote #>"]));
  if (builder.chance(0.5)) {
    const attrs = builder.chance(0.3) ? "[CmdletBinding()]\n" : "";
    lines.push(`${attrs}param(${builder.pick(["[string]$Computer = 'SRV-01'", "$Computer", "[string[]]$ComputerName = @('SRV-01', 'SRV-02')", "$Computer, [switch]$Install", "[Parameter(Mandatory)][string]$Computer, $servers"])})`);
  }
  if (builder.chance(0.7)) lines.push(builder.sessionChain());
  else if (builder.chance(0.5)) lines.push(`$session = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", ${builder.pick(["$Computer", '"SRV-01"', "$c"])}))`);
  if (builder.chance(0.05)) lines.push(builder.pick(["using namespace System.Management.Automation", "using module PSWindowsUpdate", "Set-StrictMode -Version Latest"]));
  const count = 2 + builder.int(12);
  const body: string[] = [];
  for (let i = 0; i < count; i++) body.push(builder.statement());
  if (builder.chance(0.08)) {
    // A script with named blocks: they share its scope, in order.
    const third = Math.ceil(body.length / 3);
    lines.push(`begin {\n${builder.join(body.slice(0, third))}\n}`, `process {\n${builder.join(body.slice(third, 2 * third))}\n}`, `end {\n${builder.join(body.slice(2 * third))}\n}`);
  } else {
    lines.push(...body);
  }
  return lines.join(builder.chance(0.1) ? "\r\n" : "\n").replace(/\r?\n/gu, builder.chance(0.1) ? "\r\n" : "\n");
}

/**
 * Mutations: truncation, a span deleted or duplicated, an unbalanced token, a grammar gap, other
 * tokens and characters dropped in, two lines swapped, a span in another case.
 */
export function mutate(code: string, random: Random): string {
  const at = (): number => Math.floor(random() * (code.length + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  switch (Math.floor(random() * 9)) {
    case 6: {
      const where = at();
      return code.slice(0, where) + pick(NOISE) + code.slice(Math.min(code.length, where + Math.floor(random() * 3)));
    }
    case 7: {
      // Two lines swapped.
      const lines = code.split("\n");
      const a = Math.floor(random() * lines.length);
      const b = Math.floor(random() * lines.length);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join("\n");
    }
    case 8: {
      // A span in another case (PowerShell and COM names are case-insensitive; strings are not).
      const start = at();
      const end = Math.min(code.length, start + 1 + Math.floor(random() * 40));
      const span = code.slice(start, end);
      return code.slice(0, start) + (random() < 0.5 ? span.toUpperCase() : span.toLowerCase()) + code.slice(end);
    }
    case 0:
      return code.slice(0, at());
    case 1: {
      const start = at();
      return code.slice(0, start) + code.slice(Math.min(code.length, start + 1 + Math.floor(random() * 60)));
    }
    case 2: {
      const start = at();
      const end = Math.min(code.length, start + 1 + Math.floor(random() * 80));
      const where = at();
      return code.slice(0, where) + code.slice(start, end) + code.slice(where);
    }
    case 3: {
      const where = at();
      return code.slice(0, where) + pick(UNBALANCED) + code.slice(where);
    }
    case 4: {
      // A grammar gap on a line of its own.
      const lines = code.split("\n");
      lines.splice(Math.floor(random() * (lines.length + 1)), 0, pick(GRAMMAR_GAPS));
      return lines.join("\n");
    }
    default: {
      // A grammar gap anywhere.
      const where = at();
      return code.slice(0, where) + pick(["?:", "??", "?.", "/1MB", " : System.Object", "[Flags()] ", ":outer ", ".ForEach("]) + code.slice(where);
    }
  }
}

/** A program for `seed`: mostly as generated, sometimes mutated once or a few times. */
export function generatePowerShellProgram(seed: number): string {
  const random = seeded(seed);
  let code = generateCleanProgram(random);
  const roll = random();
  if (roll < 0.4) {
    // Mostly one to three mutations; sometimes many, for code broken in several places.
    const mutations = roll < 0.05 ? 4 + Math.floor(random() * 12) : 1 + Math.floor(random() * 3);
    for (let i = 0; i < mutations; i++) code = mutate(code, random);
  }
  return code;
}
