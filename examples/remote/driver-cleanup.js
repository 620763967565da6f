// driver-cleanup.js: hides pending driver updates on a list of servers.
// Fails remotely: writing IUpdate.IsHidden (reading it is fine).
var servers = ["SRV-01", "SRV-02", "SRV-03"];

function hideDrivers(computer) {
  var session = new ActiveXObject("Microsoft.Update.Session", computer);
  var updates = session.CreateUpdateSearcher().Search("IsInstalled=0 and Type='Driver'").Updates;
  for (var i = 0; i < updates.Count; i++) {
    var update = updates.Item(i);
    if (!update.IsHidden) {
      WScript.Echo(computer + ": hiding " + update.Title);
      update.IsHidden = true;
    }
  }
}

for (var n = 0; n < servers.length; n++) {
  hideDrivers(servers[n]);
}
