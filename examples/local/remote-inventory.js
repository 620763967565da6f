// remote-inventory.js: a read-only inventory of several servers. Everything it uses is on the
// remote-use page's list of interfaces available to remote callers, so it is correct as it is.
var servers = ["SRV-01", "SRV-02"];
for (var n = 0; n < servers.length; n++) {
  var session = new ActiveXObject("Microsoft.Update.Session", servers[n]);
  var searcher = session.CreateUpdateSearcher();
  var pending = searcher.Search("IsInstalled=0").Updates;
  for (var i = 0; i < pending.Count; i++) {
    var update = pending.Item(i);
    var kbs = update.KBArticleIDs;
    WScript.Echo(servers[n] + "\t" + update.Identity.UpdateID + "\tKB" + (kbs.Count > 0 ? kbs.Item(0) : "?") +
      "\t" + update.Title + (update.IsHidden ? " (hidden)" : ""));
  }
  var history = searcher.QueryHistory(0, 10);
  WScript.Echo(servers[n] + ": " + searcher.GetTotalHistoryCount() + " history entries, latest " +
    (history.Count > 0 ? history.Item(0).Title : "none"));
}
