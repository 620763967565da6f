// fleet-report.ts: a TypeScript WSH-style script (compiled to JScript) that reports update history
// of a server and, when asked, starts an asynchronous search there.
// Fails remotely: BeginSearch; QueryHistory of the session (IUpdateSession3) is undocumented for
// remote callers (strict config), while the searcher's QueryHistory is allowed.
declare const WScript: { Arguments: { length: number; (index: number): string }; Echo(text: string): void };
declare const ActiveXObject: new (progId: string, location?: string) => any;

const SERVER = "SRV-02";

function openSession(host: string) {
  return new ActiveXObject("Microsoft.Update.Session", host);
}

const session = openSession(SERVER);
const searcher = session.CreateUpdateSearcher();
const history = searcher.QueryHistory(0, searcher.GetTotalHistoryCount());
for (let i = 0; i < history.Count; i++) {
  const entry = history.Item(i);
  WScript.Echo(`${entry.Date} ${entry.Title}`);
}
const latest = session.QueryHistory("", 0, 1);
WScript.Echo(`Latest: ${latest.Count}`);
if (WScript.Arguments.length > 0) {
  searcher!.BeginSearch("IsInstalled=0", {}, null);
}
