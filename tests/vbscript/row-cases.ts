/**
 * One VBScript scenario per row of the remote-use table (the counterpart of tests/rules/row-cases.ts
 * and tests/powershell/row-cases.ts): a script whose marked member (or creation) fails for a remote
 * caller. `▸` marks where the report must point.
 *
 * Every row comes twice: once with the object created by `CreateObject(progId, strComputer)` on the
 * computer named by the script's first argument (the report offers the "create locally" suggestion,
 * which deletes `, strComputer`), and once created here in a file marked `' wua-remote` (a script
 * started over the network; no suggestion: nothing in the creation names a computer). The interface
 * rows also come with a literal computer name, with a name built by concatenation, and through
 * `WScript.CreateObject` in a marked file. The same script with the object created here must pass
 * under the whole strict config, and a form of the use that is fine remotely, where there is one,
 * must pass the scenario's rule.
 */
import { MARK } from "../rules/row-cases.js";

export { MARK };

export type Origin = "location" | "marker";

export interface VBScriptRowScenario {
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

interface Use {
  /** The objects the use needs, created (or derived) before it. */
  needs: Needs;
  /** The statements that use them, with `▸` at the reported member. */
  use: string;
  /** The allowed-remotely statements, when there is such a form. */
  allowed?: string;
}

type Needs = "session" | "searcher" | "update" | "updates" | "manager" | "serviceManager" | "au";

/** Statements that give the needed variable, starting from `objSession` (or creating it). */
function derive(needs: Needs, create: (progId: string) => string): string[] {
  const session = `Set objSession = ${create("Microsoft.Update.Session")}`;
  switch (needs) {
    case "session":
      return [session];
    case "searcher":
      return [session, "Set objSearcher = objSession.CreateUpdateSearcher()"];
    case "updates":
      return [session, 'Set colUpdates = objSession.CreateUpdateSearcher().Search("IsInstalled=0").Updates'];
    case "update":
      return [session, 'Set objUpdate = objSession.CreateUpdateSearcher().Search("IsInstalled=0").Updates.Item(0)'];
    case "manager":
      return [session, "Set objManager = objSession.CreateUpdateServiceManager()"];
    case "serviceManager":
      return [`Set objManager = ${create("Microsoft.Update.ServiceManager")}`];
    case "au":
      return [`Set objAU = ${create("Microsoft.Update.AutoUpdate")}`];
  }
}

const LOCATION_HEAD = "strComputer = WScript.Arguments(0)";
const MARKER_HEAD = "' wua-remote";
const onComputer = (progId: string): string => `CreateObject("${progId}", strComputer)`;
const here = (progId: string): string => `CreateObject("${progId}")`;

/** The object created here: the computer argument deleted, or the file no longer marked. */
const locationLocally = (code: string): string => code.replace(", strComputer)", ")").replace(MARK, "");
const markerLocally = (code: string): string => code.replace(`${MARKER_HEAD}\n`, "").replace(MARK, "");

function progIdOf(needs: Needs): string {
  return needs === "au" ? "Microsoft.Update.AutoUpdate" : needs === "serviceManager" ? "Microsoft.Update.ServiceManager" : "Microsoft.Update.Session";
}

function scenarios(
  rows: string[],
  rule: VBScriptRowScenario["rule"],
  messageId: VBScriptRowScenario["messageId"],
  mentions: string,
  { needs, use, allowed }: Use,
): VBScriptRowScenario[] {
  const locationPrelude = [LOCATION_HEAD, ...derive(needs, onComputer)];
  const locationCode = [...locationPrelude, use].join("\n");
  const markerPrelude = [MARKER_HEAD, ...derive(needs, here)];
  const markerCode = [...markerPrelude, use].join("\n");
  const progId = progIdOf(needs);
  return [
    {
      rows,
      rule,
      messageId,
      origin: "location",
      code: locationCode,
      local: locationLocally(locationCode),
      ...(allowed === undefined ? {} : { allowedRemotely: [...locationPrelude, allowed].join("\n") }),
      mentions,
      becameRemote: `the ${progId} created on strComputer at line 2`,
      suggested: locationLocally(locationCode),
    },
    {
      rows,
      rule,
      messageId,
      origin: "marker",
      code: markerCode,
      local: markerLocally(markerCode),
      ...(allowed === undefined ? {} : { allowedRemotely: [...markerPrelude, allowed].join("\n") }),
      mentions,
      becameRemote: `the ${progId} created at line 2, in a file marked remote by its wua-remote comment (line 1)`,
      suggested: null,
    },
  ];
}

const member = (row: string, use: Use, mentions = row): VBScriptRowScenario[] =>
  scenarios([row], "no-remote-unavailable-member", "unavailable", mentions, use);

const hiddenWrite = (use: Use): VBScriptRowScenario[] =>
  scenarios(["IUpdate.IsHidden"], "no-remote-ishidden-write", "hiddenWrite", "IUpdate.IsHidden", use);

/** Creating an object of an interface that a remote caller cannot use: the creation is reported. */
function creation(row: string, progId: string): VBScriptRowScenario[] {
  const mentions = `a remote caller cannot use ${row}`;
  const base = { rows: [row], rule: "no-remote-unavailable-interface" as const, messageId: "unavailableInterface" as const, mentions };
  const onArgument = `${LOCATION_HEAD}\nSet objThing = ${MARK}CreateObject("${progId}", strComputer)\nWScript.Echo objThing.Foo`;
  const literal = `Set objThing = ${MARK}CreateObject("${progId}", "SRV-01")\nWScript.Echo objThing.Foo`;
  const literalLocally = literal.replace(', "SRV-01"', "").replace(MARK, "");
  // A computer name built from constants is a constant: no suggestion, since the argument is not a plain name.
  const concatenated = `Const DOMAIN = ".contoso.com"\nDim objThing : Set objThing = ${MARK}CreateObject("${progId}", "SRV-01" & DOMAIN)`;
  const marked = `${MARKER_HEAD}\nSet objThing = ${MARK}CreateObject("${progId}")\nWScript.Echo objThing.Foo`;
  const markedWsh = `Rem wua-remote\nSet objThing = ${MARK}WScript.CreateObject("${progId}")\nWScript.Echo objThing.Foo`;
  return [
    { ...base, origin: "location", code: onArgument, local: locationLocally(onArgument), becameRemote: `the ${progId} created on strComputer at line 2`, suggested: locationLocally(onArgument) },
    { ...base, origin: "location", code: literal, local: literalLocally, becameRemote: `the ${progId} created on "SRV-01" at line 1`, suggested: literalLocally },
    {
      ...base,
      origin: "location",
      code: concatenated,
      local: concatenated.replace(', "SRV-01" & DOMAIN', "").replace(MARK, ""),
      becameRemote: `the ${progId} created on "SRV-01.contoso.com" at line 2`,
      suggested: null,
    },
    { ...base, origin: "marker", code: marked, local: markerLocally(marked), becameRemote: `the ${progId} created at line 2, in a file marked remote by its wua-remote comment (line 1)`, suggested: null },
    {
      ...base,
      origin: "marker",
      code: markedWsh,
      local: markedWsh.replace("Rem wua-remote\n", "").replace(MARK, ""),
      becameRemote: `the ${progId} created at line 2, in a file marked remote by its wua-remote comment (line 1)`,
      suggested: null,
    },
  ];
}

export const vbscriptRowScenarios: VBScriptRowScenario[] = [
  ...member("IUpdateSession.CreateUpdateDownloader", { needs: "session", use: "Set objDownloader = objSession.▸CreateUpdateDownloader()" }),
  ...member("IUpdateSession.CreateUpdateInstaller", { needs: "session", use: "Set objInstaller = objSession.▸CreateUpdateInstaller()" }),
  // A method named without parentheses is called, in an expression as in a statement.
  ...member("IUpdateSession.CreateUpdateInstaller", { needs: "session", use: "Set objInstaller = objSession.▸createupdateinstaller" }),
  ...member("IUpdateSession.WebProxy", { needs: "session", use: "Set objProxy = objSession.▸WebProxy" }),
  ...member("IUpdateSession.WebProxy", { needs: "session", use: "Set objSession.▸WebProxy = Nothing" }),
  ...member("IUpdateSearcher.BeginSearch", {
    needs: "searcher",
    use: 'Set objJob = objSearcher.▸BeginSearch("IsInstalled=0", objCallback, Empty)',
    allowed: 'Set objResult = objSearcher.Search("IsInstalled=0")',
  }),
  ...member("IUpdateSearcher.EndSearch", { needs: "searcher", use: "Set objResult = objSearcher.▸EndSearch(objJob)" }),
  ...hiddenWrite({ needs: "update", use: "objUpdate.▸IsHidden = True", allowed: 'If objUpdate.IsHidden Then WScript.Echo "hidden: " & objUpdate.Title' }),
  ...hiddenWrite({ needs: "updates", use: "For Each u In colUpdates\n  u.▸ishidden = False\nNext" }),
  ...hiddenWrite({ needs: "update", use: "With objUpdate\n  .▸IsHidden = True\nEnd With", allowed: "With objUpdate\n  WScript.Echo .IsHidden\nEnd With" }),
  ...member("IUpdate.AcceptEula", { needs: "update", use: "objUpdate.▸AcceptEula" }),
  // The Microsoft sample's loop, by index through the collection's Item.
  ...member("IUpdate.AcceptEula", {
    needs: "updates",
    use: "For I = 0 To colUpdates.Count - 1\n  Set u = colUpdates.Item(I)\n  If Not u.EulaAccepted Then u.▸AcceptEula\nNext",
    allowed: "For I = 0 To colUpdates.Count - 1\n  Set u = colUpdates.Item(I)\n  If Not u.EulaAccepted Then WScript.Echo u.Title\nNext",
  }),
  // The collection's default member, `colUpdates(0)` for `colUpdates.Item(0)`.
  ...member("IUpdate.AcceptEula", { needs: "updates", use: "colUpdates(0).▸AcceptEula()" }),
  ...member("IUpdate.CopyFromCache", { needs: "update", use: 'objUpdate.▸CopyFromCache "C:\\Cache", False' }),
  ...scenarios(
    ["IUpdate2.CopyToCache", "IWindowsDriverUpdate2.CopyToCache"],
    "no-remote-unavailable-member",
    "unavailable",
    "IUpdate2.CopyToCache / IWindowsDriverUpdate2.CopyToCache",
    { needs: "update", use: "objUpdate.▸CopyToCache colFiles" },
  ),
  ...member("IUpdateServiceManager.AddService", { needs: "manager", use: `Set objService = objManager.▸AddService(${SERVICE_ID}, "C:\\auth.cab")` }),
  ...member("IUpdateServiceManager.AddService", { needs: "serviceManager", use: `Set objService = objManager.▸AddService(${SERVICE_ID}, "C:\\auth.cab")` }),
  ...member("IUpdateServiceManager.RegisterServiceWithAU", { needs: "manager", use: `objManager.▸RegisterServiceWithAU ${SERVICE_ID}` }),
  ...member("IUpdateServiceManager.UnregisterServiceWithAU", { needs: "manager", use: `Call objManager.▸UnregisterServiceWithAU(${SERVICE_ID})` }),
  ...member("IUpdateServiceManager.RemoveService", { needs: "serviceManager", use: `objManager.▸RemoveService ${SERVICE_ID}` }),
  ...member("IUpdateServiceManager.AddScanPackageService", {
    needs: "manager",
    use: 'Set objOffline = objManager.▸AddScanPackageService("Offline Sync Service", "C:\\wsusscn2.cab", 1)',
  }),
  ...member(
    "IUpdateServiceManager2.AddService2",
    { needs: "serviceManager", use: `Set objRegistration = objManager.▸AddService2(${SERVICE_ID}, 7, "")`, allowed: `Set objRegistration = objManager.AddService2(${SERVICE_ID}, 7, "C:\\auth.cab")` },
    "IUpdateServiceManager2.AddService2 with an empty authorizationCabPath",
  ),
  ...member("IUpdateServiceManager2.AddService2", { needs: "manager", use: `Set objRegistration = objManager.▸AddService2(${SERVICE_ID}, 7, vbNullString)` }, "with an empty authorizationCabPath"),
  ...member("IUpdateServiceManager2.AddService2", { needs: "manager", use: `Set objRegistration = objManager.▸AddService2(${SERVICE_ID}, 7, Empty)` }, "with an empty authorizationCabPath"),
  ...member("IAutomaticUpdates.Pause", { needs: "au", use: "objAU.▸Pause" }),
  ...member("IAutomaticUpdates.Resume", { needs: "au", use: "objAU.▸Resume()" }),
  ...member("IAutomaticUpdates.ShowSettingsDialog", { needs: "au", use: "Call objAU.▸ShowSettingsDialog()" }),
  ...member("IAutomaticUpdates.Settings", { needs: "au", use: "intLevel = objAU.▸Settings.NotificationLevel" }),
  ...member("IAutomaticUpdates.ServiceEnabled", {
    needs: "au",
    use: 'If objAU.▸ServiceEnabled Then WScript.Echo "Automatic Updates is enabled"',
    allowed: "objAU.DetectNow",
  }),
  ...member("IAutomaticUpdates.EnableService", { needs: "au", use: "objAU.▸EnableService" }),
  ...member("IUpdateCollection.Copy", { needs: "updates", use: "Set colMine = colUpdates.▸Copy()" }),
  ...creation("ISystemInformation", "Microsoft.Update.SystemInfo"),
  ...creation("IUpdateInstaller", "Microsoft.Update.Installer"),
  ...creation("IUpdateDownloader", "Microsoft.Update.Downloader"),
];
