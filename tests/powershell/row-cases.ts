/**
 * One PowerShell scenario per row of the remote-use table (the counterpart of tests/rules/row-cases.ts):
 * a script whose marked member (or creation) fails for a remote caller. `▸` marks where the report
 * must point.
 *
 * Every row comes twice: once with the object created over DCOM on `$Computer` (the report offers the
 * "create locally" suggestion, which deletes `, $Computer`), and once created with
 * `New-Object -ComObject` inside a script block that `Invoke-Command` runs on `$Servers` (no
 * suggestion: nothing in the creation names the computer). The interface rows also come with the
 * type held in a variable, through the Visual Basic runtime's CreateObject, and with the
 * three-argument overload and a literal name. The same script with the object created here must
 * pass under the whole strict config, and a form of the use that is fine remotely, where there is
 * one, must pass the scenario's rule.
 */
import { MARK } from "../rules/row-cases.js";

export { MARK };

export type Origin = "dcom" | "remoting";

export interface PowerShellRowScenario {
  /** Row ids of src/data/remote-table.ts this scenario covers. */
  rows: string[];
  rule: "no-remote-unavailable-member" | "no-remote-ishidden-write" | "no-remote-unavailable-interface";
  messageId: "unavailable" | "hiddenWrite" | "unavailableInterface";
  origin: Origin;
  /** The failing script, with `▸` where the report starts. */
  code: string;
  /** The same script with its objects created on this computer. */
  local: string;
  /** A form of the use that is fine for a remote caller (checked against the scenario's rule only). */
  allowedRemotely?: string;
  /** Text the message must contain (besides where the object became remote). */
  mentions: string;
  /** Where the message must say the object became remote. */
  becameRemote: string;
  /** The file after the "create locally" suggestion, or `null` when the report offers none. */
  suggested: string | null;
}

const SERVICE_ID = '"7971f918-a847-4430-9279-4a52d1efe18d"';

/** Builds the two forms of each scenario from the statements that use the objects. */
interface Use {
  /** The objects the use needs, created (or derived) before it. */
  needs: Needs;
  /** The statements that use them, with `▸` at the reported member. */
  use: string;
  /** The allowed-remotely statements, when there is such a form. */
  allowed?: string;
}

type Needs = "session" | "searcher" | "update" | "updates" | "manager" | "serviceManager" | "au";

/** Statements that give the needed variable, starting from `$session` (or creating it). */
function derive(needs: Needs, create: (progId: string) => string): string[] {
  const session = `$session = ${create("Microsoft.Update.Session")}`;
  switch (needs) {
    case "session":
      return [session];
    case "searcher":
      return [session, "$searcher = $session.CreateUpdateSearcher()"];
    case "updates":
      return [session, '$updates = $session.CreateUpdateSearcher().Search("IsInstalled=0").Updates'];
    case "update":
      return [session, '$update = $session.CreateUpdateSearcher().Search("IsInstalled=0").Updates.Item(0)'];
    case "manager":
      return [session, "$manager = $session.CreateUpdateServiceManager()"];
    case "serviceManager":
      return [`$manager = ${create("Microsoft.Update.ServiceManager")}`];
    case "au":
      return [`$au = ${create("Microsoft.Update.AutoUpdate")}`];
  }
}

const DCOM_HEAD = ["param([string]$Computer)"];
const dcom = (progId: string): string =>
  `[Activator]::CreateInstance([Type]::GetTypeFromProgID("${progId}", $Computer))`;
/** The Visual Basic runtime's CreateObject, used for the Automatic Updates object. */
const vbCreate = (progId: string): string => `[Microsoft.VisualBasic.Interaction]::CreateObject("${progId}", $Computer)`;
const comObject = (progId: string): string => `New-Object -ComObject ${progId}`;

const REMOTING_HEAD = "param([string[]]$Servers)\nInvoke-Command -ComputerName $Servers -ScriptBlock {";
const indent = (lines: string[]): string[] => lines.flatMap((line) => line.split("\n")).map((line) => `  ${line}`);

/** The object created here: the DCOM computer argument deleted, or the block run in this process. */
const dcomLocally = (code: string): string => code.replace(", $Computer", "").replace(MARK, "");
const remotingLocally = (code: string): string => code.replace(" -ComputerName $Servers", "").replace(MARK, "");

function scenarios(
  rows: string[],
  rule: PowerShellRowScenario["rule"],
  messageId: PowerShellRowScenario["messageId"],
  mentions: string,
  { needs, use, allowed }: Use,
): PowerShellRowScenario[] {
  const creator = needs === "au" ? vbCreate : dcom;
  const dcomPrelude = [...DCOM_HEAD, ...(needs === "au" ? ["Add-Type -AssemblyName Microsoft.VisualBasic"] : []), ...derive(needs, creator)];
  const dcomCode = [...dcomPrelude, use].join("\n");
  // The line of the first creation: after param() (and Add-Type for the Visual Basic runtime).
  const createdAt = DCOM_HEAD.length + (needs === "au" ? 2 : 1);
  const progId = needs === "au" ? "Microsoft.Update.AutoUpdate" : needs === "serviceManager" ? "Microsoft.Update.ServiceManager" : "Microsoft.Update.Session";
  const remotingPrelude = derive(needs, comObject);
  const remotingCode = [REMOTING_HEAD, ...indent([...remotingPrelude, use]), "}"].join("\n");
  return [
    {
      rows,
      rule,
      messageId,
      origin: "dcom",
      code: dcomCode,
      local: dcomLocally(dcomCode),
      ...(allowed === undefined ? {} : { allowedRemotely: [...dcomPrelude, allowed].join("\n") }),
      mentions,
      becameRemote: `the ${progId} created on $Computer at line ${createdAt}`,
      suggested: dcomLocally(dcomCode),
    },
    {
      rows,
      rule,
      messageId,
      origin: "remoting",
      code: remotingCode,
      local: remotingLocally(remotingCode),
      ...(allowed === undefined ? {} : { allowedRemotely: [REMOTING_HEAD, ...indent([...remotingPrelude, allowed]), "}"].join("\n") }),
      mentions,
      becameRemote: `the ${progId} created at line 3 in the script block that Invoke-Command runs on $Servers at line 2`,
      suggested: null,
    },
  ];
}

const member = (row: string, use: Use, mentions = row): PowerShellRowScenario[] =>
  scenarios([row], "no-remote-unavailable-member", "unavailable", mentions, use);

const hiddenWrite = (use: Use): PowerShellRowScenario[] =>
  scenarios(["IUpdate.IsHidden"], "no-remote-ishidden-write", "hiddenWrite", "IUpdate.IsHidden", use);

/** Creating an object of an interface that a remote caller cannot use: the creation is reported. */
function creation(row: string, progId: string): PowerShellRowScenario[] {
  const mentions = `a remote caller cannot use ${row}`;
  const dcomCode = `param([string]$Computer)\n$object = ${MARK}${dcom(progId)}\n$object.Foo`;
  const viaType = `param([string]$Computer)\n$type = [Type]::GetTypeFromProgID("${progId}", $Computer)\n$object = ${MARK}[Activator]::CreateInstance($type)\n$object.Foo`;
  const vb = `param([string]$Computer)\nAdd-Type -AssemblyName Microsoft.VisualBasic\n$object = ${MARK}${vbCreate(progId)}\n$object.Foo`;
  const remoting = `${REMOTING_HEAD}\n  $object = ${MARK}${comObject(progId)}\n  $object.Foo\n}`;
  // The three-argument overload with a literal name: deleting the name leaves the throwOnError overload.
  const literal = `$object = ${MARK}[System.Activator]::CreateInstance([System.Type]::GetTypeFromProgID('${progId}', 'SRV-01', $true))\n$object.Foo`;
  const literalLocally = literal.replace(", 'SRV-01'", "").replace(MARK, "");
  const base = { rows: [row], rule: "no-remote-unavailable-interface" as const, messageId: "unavailableInterface" as const, mentions };
  return [
    { ...base, origin: "dcom", code: dcomCode, local: dcomLocally(dcomCode), becameRemote: `the ${progId} created on $Computer at line 2`, suggested: dcomLocally(dcomCode) },
    { ...base, origin: "dcom", code: viaType, local: dcomLocally(viaType), becameRemote: `the ${progId} created on $Computer at line 2`, suggested: dcomLocally(viaType) },
    { ...base, origin: "dcom", code: vb, local: dcomLocally(vb), becameRemote: `the ${progId} created on $Computer at line 3`, suggested: dcomLocally(vb) },
    { ...base, origin: "dcom", code: literal, local: literalLocally, becameRemote: `the ${progId} created on "SRV-01" at line 1`, suggested: literalLocally },
    { ...base, origin: "remoting", code: remoting, local: remotingLocally(remoting), becameRemote: `the ${progId} created at line 3 in the script block that Invoke-Command runs on $Servers at line 2`, suggested: null },
  ];
}

export const powerShellRowScenarios: PowerShellRowScenario[] = [
  ...member("IUpdateSession.CreateUpdateDownloader", { needs: "session", use: "$downloader = $session.▸CreateUpdateDownloader()" }),
  ...member("IUpdateSession.CreateUpdateInstaller", { needs: "session", use: "$installer = $session.▸CreateUpdateInstaller()" }),
  ...member("IUpdateSession.CreateUpdateInstaller", { needs: "session", use: "$installer = $session.▸createupdateinstaller()" }),
  ...member("IUpdateSession.WebProxy", { needs: "session", use: "$proxy = $session.▸WebProxy" }),
  ...member("IUpdateSession.WebProxy", { needs: "session", use: "$session.▸WebProxy = $null" }),
  ...member("IUpdateSearcher.BeginSearch", {
    needs: "searcher",
    use: '$job = $searcher.▸BeginSearch("IsInstalled=0", $callback, $null)',
    allowed: '$result = $searcher.Search("IsInstalled=0")',
  }),
  ...member("IUpdateSearcher.EndSearch", { needs: "searcher", use: "$result = $searcher.▸EndSearch($job)" }),
  ...hiddenWrite({ needs: "update", use: "$update.▸IsHidden = $true", allowed: 'if ($update.IsHidden) { "hidden: " + $update.Title }' }),
  ...hiddenWrite({ needs: "updates", use: "foreach ($u in $updates) {\n  $u.▸ishidden = $false\n}" }),
  ...hiddenWrite({ needs: "updates", use: "$updates | Where-Object { $_.Title -like '*Preview*' } | ForEach-Object { $_.▸IsHidden = $true }" }),
  ...member("IUpdate.AcceptEula", { needs: "update", use: "$update.▸AcceptEula()" }),
  ...member("IUpdate.AcceptEula", {
    needs: "updates",
    use: "foreach ($u in $updates) {\n  if (-not $u.EulaAccepted) { $u.▸AcceptEula() }\n}",
    allowed: "foreach ($u in $updates) {\n  if (-not $u.EulaAccepted) { $u.Title }\n}",
  }),
  ...member("IUpdate.AcceptEula", { needs: "updates", use: "$updates | ForEach-Object { $_.▸AcceptEula() }" }),
  ...member("IUpdate.CopyFromCache", { needs: "update", use: '$update.▸CopyFromCache("C:\\Cache", $false)' }),
  ...scenarios(
    ["IUpdate2.CopyToCache", "IWindowsDriverUpdate2.CopyToCache"],
    "no-remote-unavailable-member",
    "unavailable",
    "IUpdate2.CopyToCache / IWindowsDriverUpdate2.CopyToCache",
    { needs: "update", use: "$update.▸CopyToCache($files)" },
  ),
  ...member("IUpdateServiceManager.AddService", { needs: "manager", use: `$service = $manager.▸AddService(${SERVICE_ID}, "C:\\auth.cab")` }),
  ...member("IUpdateServiceManager.AddService", { needs: "serviceManager", use: `$service = $manager.▸AddService(${SERVICE_ID}, "C:\\auth.cab")` }),
  ...member("IUpdateServiceManager.RegisterServiceWithAU", { needs: "manager", use: `$manager.▸RegisterServiceWithAU(${SERVICE_ID})` }),
  ...member("IUpdateServiceManager.UnregisterServiceWithAU", { needs: "manager", use: `$manager.▸UnregisterServiceWithAU(${SERVICE_ID})` }),
  ...member("IUpdateServiceManager.RemoveService", { needs: "serviceManager", use: `$manager.▸RemoveService(${SERVICE_ID})` }),
  ...member("IUpdateServiceManager.AddScanPackageService", {
    needs: "manager",
    use: '$offline = $manager.▸AddScanPackageService("Offline Sync Service", "C:\\wsusscn2.cab", 1)',
  }),
  ...member(
    "IUpdateServiceManager2.AddService2",
    { needs: "serviceManager", use: `$registration = $manager.▸AddService2(${SERVICE_ID}, 7, "")`, allowed: `$registration = $manager.AddService2(${SERVICE_ID}, 7, "C:\\auth.cab")` },
    "IUpdateServiceManager2.AddService2 with an empty authorizationCabPath",
  ),
  ...member("IUpdateServiceManager2.AddService2", { needs: "manager", use: `$registration = $manager.▸AddService2(${SERVICE_ID}, 7)` }, "with an empty authorizationCabPath"),
  ...member("IUpdateServiceManager2.AddService2", { needs: "manager", use: `$registration = $manager.▸AddService2(${SERVICE_ID}, 7, $null)` }, "with an empty authorizationCabPath"),
  ...member("IAutomaticUpdates.Pause", { needs: "au", use: "$au.▸Pause()" }),
  ...member("IAutomaticUpdates.Resume", { needs: "au", use: "$au.▸Resume()" }),
  ...member("IAutomaticUpdates.ShowSettingsDialog", { needs: "au", use: "$au.▸ShowSettingsDialog()" }),
  ...member("IAutomaticUpdates.Settings", { needs: "au", use: "$level = $au.▸Settings.NotificationLevel" }),
  // The usual shape of a report: the value read inside a [pscustomobject]@{ } literal.
  ...member("IAutomaticUpdates.Settings", { needs: "au", use: "[pscustomobject]@{ Computer = $env:COMPUTERNAME; Level = $au.▸Settings.NotificationLevel }" }),
  ...member("IAutomaticUpdates.ServiceEnabled", {
    needs: "au",
    use: 'if ($au.▸ServiceEnabled) { "Automatic Updates is enabled" }',
    allowed: "$au.DetectNow()",
  }),
  ...member("IAutomaticUpdates.EnableService", { needs: "au", use: "$au.▸EnableService()" }),
  ...member("IUpdateCollection.Copy", {
    needs: "updates",
    use: "$mine = $updates.▸Copy()",
  }),
  ...creation("ISystemInformation", "Microsoft.Update.SystemInfo"),
  ...creation("IUpdateInstaller", "Microsoft.Update.Installer"),
  ...creation("IUpdateDownloader", "Microsoft.Update.Downloader"),
];
