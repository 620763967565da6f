import { expect, it } from "vitest";
import { lint } from "./helpers.js";

it("smoke", () => {
  const out = lint(`
var s = new ActiveXObject("Microsoft.Update.Session", "SRV-01");
var searcher = s.CreateUpdateSearcher();
var r = searcher.Search("IsInstalled=0");
for (var i = 0; i < r.Updates.Count; i++) { var u = r.Updates.Item(i); u.IsHidden = true; u.AcceptEula(); WScript.Echo(u.Title); }
var e = new Enumerator(r.Updates);
for (; !e.atEnd(); e.moveNext()) { e.item().CopyToCache(); }
var inst = s.CreateUpdateInstaller();
inst.Install();
var si = new ActiveXObject("Microsoft.Update.SystemInfo", "SRV-01");
si.RebootRequired;
s.QueryHistory("", 0, 1);
`);
  console.log(out.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message} ${JSON.stringify(m.suggestions?.map((x) => x.desc))}`).join("\n"));
  expect(out.length).toBeGreaterThan(0);
});
