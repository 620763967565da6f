/**
 * One scenario per row of the remote-use table: a script whose marked member (or creation) fails
 * for a remote caller. `▸` marks where the report must point. The same script with the object
 * created locally must pass.
 */
export interface RowScenario {
  /** Row ids of src/data/remote-table.ts this scenario covers. */
  rows: string[];
  rule: "no-remote-unavailable-member" | "no-remote-ishidden-write" | "no-remote-unavailable-interface";
  messageId: "unavailable" | "hiddenWrite" | "unavailableInterface";
  code: string;
  /** The same use on a local object, or a form of the use that is fine remotely. */
  valid: string;
  /** Text the message must contain. */
  mentions: string;
}

export const MARK = "▸";
const SESSION = 'var s = new ActiveXObject("Microsoft.Update.Session", "SRV-01");\n';
const SEARCHER = `${SESSION}var searcher = s.CreateUpdateSearcher();\n`;
const UPDATE = `${SESSION}var u = s.CreateUpdateSearcher().Search("IsInstalled=0").Updates.Item(0);\n`;
const MANAGER = `${SESSION}var m = s.CreateUpdateServiceManager();\n`;
const AU = 'var au = new ActiveXObject("Microsoft.Update.AutoUpdate", "SRV-01");\n';
const SERVICE_ID = '"7971f918-a847-4430-9279-4a52d1efe18d"';

/** The same script with its object created on this computer. */
const locally = (code: string): string => code.replace(', "SRV-01")', ")").replace(MARK, "");

function member(row: string, prelude: string, use: string, mentions = row): RowScenario {
  const code = prelude + use;
  return { rows: [row], rule: "no-remote-unavailable-member", messageId: "unavailable", code, valid: locally(code), mentions };
}

export const rowScenarios: RowScenario[] = [
  member("IUpdateSession.CreateUpdateDownloader", SESSION, "var d = s.▸CreateUpdateDownloader();"),
  member("IUpdateSession.CreateUpdateInstaller", SESSION, "var i = s.▸CreateUpdateInstaller();"),
  member("IUpdateSession.WebProxy", SESSION, "var proxy = s.▸WebProxy;"),
  member("IUpdateSession.WebProxy", SESSION, "s.▸WebProxy = null;"),
  member("IUpdateSearcher.BeginSearch", SEARCHER, 'var job = searcher.▸BeginSearch("IsInstalled=0", callback, null);'),
  member("IUpdateSearcher.EndSearch", SEARCHER, "var result = searcher.▸EndSearch(job);"),
  {
    rows: ["IUpdate.IsHidden"],
    rule: "no-remote-ishidden-write",
    messageId: "hiddenWrite",
    code: `${UPDATE}u.▸IsHidden = true;`,
    // Reading IsHidden remotely is allowed.
    valid: `${UPDATE}var hidden = u.IsHidden;`,
    mentions: "IUpdate.IsHidden",
  },
  {
    rows: ["IUpdate.IsHidden"],
    rule: "no-remote-ishidden-write",
    messageId: "hiddenWrite",
    code: `${UPDATE}u.▸ishidden = false;`,
    valid: locally(`${UPDATE}u.ishidden = false;`),
    mentions: "IUpdate.IsHidden",
  },
  member("IUpdate.AcceptEula", UPDATE, "u.▸AcceptEula();"),
  member("IUpdate.CopyFromCache", UPDATE, 'u.▸CopyFromCache("C:\\\\cache", false);'),
  {
    ...member("IUpdate2.CopyToCache", UPDATE, "u.▸CopyToCache(paths);", "IUpdate2.CopyToCache / IWindowsDriverUpdate2.CopyToCache"),
    rows: ["IUpdate2.CopyToCache", "IWindowsDriverUpdate2.CopyToCache"],
  },
  member("IUpdateServiceManager.AddService", MANAGER, `m.▸AddService(${SERVICE_ID}, "C:\\\\auth.cab");`),
  member(
    "IUpdateServiceManager.AddService",
    'var m = new ActiveXObject("Microsoft.Update.ServiceManager", "SRV-01");\n',
    `m.▸AddService(${SERVICE_ID}, "C:\\\\auth.cab");`,
  ),
  member("IUpdateServiceManager.RegisterServiceWithAU", MANAGER, `m.▸RegisterServiceWithAU(${SERVICE_ID});`),
  member("IUpdateServiceManager.UnregisterServiceWithAU", MANAGER, `m.▸UnregisterServiceWithAU(${SERVICE_ID});`),
  member("IUpdateServiceManager.RemoveService", MANAGER, `m.▸RemoveService(${SERVICE_ID});`),
  member("IUpdateServiceManager.AddScanPackageService", MANAGER, 'var svc = m.▸AddScanPackageService("Offline", "C:\\\\wsusscn2.cab", 0);'),
  member("IUpdateServiceManager2.AddService2", MANAGER, `m.▸AddService2(${SERVICE_ID}, 7, "");`, "IUpdateServiceManager2.AddService2 with an empty authorizationCabPath"),
  {
    ...member("IUpdateServiceManager2.AddService2", MANAGER, `m.▸AddService2(${SERVICE_ID}, 7);`, "with an empty authorizationCabPath"),
    // With an authorization cab the call is allowed (not refused; merely undocumented).
    valid: `${MANAGER}m.AddService2(${SERVICE_ID}, 7, "C:\\\\auth.cab");`,
  },
  member("IAutomaticUpdates.Pause", AU, "au.▸Pause();"),
  member("IAutomaticUpdates.Resume", AU, "au.▸Resume();"),
  member("IAutomaticUpdates.ShowSettingsDialog", AU, "au.▸ShowSettingsDialog();"),
  member("IAutomaticUpdates.Settings", AU, "var level = au.▸Settings.NotificationLevel;"),
  member("IAutomaticUpdates.ServiceEnabled", AU, "if (au.▸ServiceEnabled) WScript.Echo(1);"),
  member("IAutomaticUpdates.EnableService", AU, "au.▸EnableService();"),
  member("IUpdateCollection.Copy", `${SESSION}var found = s.CreateUpdateSearcher().Search("IsInstalled=0").Updates;\n`, "var mine = found.▸Copy();"),
  ...[
    ["ISystemInformation", "Microsoft.Update.SystemInfo"],
    ["IUpdateInstaller", "Microsoft.Update.Installer"],
    ["IUpdateDownloader", "Microsoft.Update.Downloader"],
  ].map(([row, progId]): RowScenario => {
    const code = `var obj = ▸new ActiveXObject("${progId}", "SRV-01");\nobj.Foo;`;
    return { rows: [row!], rule: "no-remote-unavailable-interface", messageId: "unavailableInterface", code, valid: locally(code), mentions: `a remote caller cannot use ${row}` };
  }),
];

/** Line and column (1-based) of the mark, and the code without it. */
export function located(marked: string): { code: string; line: number; column: number } {
  const index = marked.indexOf(MARK);
  if (index === -1) throw new Error(`no ${MARK} in scenario`);
  const before = marked.slice(0, index);
  const lines = before.split("\n");
  return { code: before + marked.slice(index + MARK.length), line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}
