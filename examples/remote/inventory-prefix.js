// inventory-prefix.js: meant to list the pending updates of a server.
// Wrong machine: WScript.CreateObject takes an event-handler prefix, not a computer, so the session
// is created on the computer the script runs on and the report describes that computer.
var server = "SRV-APP-01";
var session = WScript.CreateObject("Microsoft.Update.Session", server);
var result = session.CreateUpdateSearcher().Search("IsInstalled=0");
for (var i = 0; i < result.Updates.Count; i++) {
  WScript.Echo(server + ": " + result.Updates.Item(i).Title);
}
