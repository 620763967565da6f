// deploy-patches.js: cscript deploy-patches.js SRV-01
// Searches, downloads and installs pending updates on the server named on the command line.
// Fails remotely: CreateUpdateDownloader, CreateUpdateInstaller and AcceptEula are refused to a
// remote caller. Run it on the server itself instead (for example as a scheduled task).
var server = WScript.Arguments(0);
var session = new ActiveXObject("Microsoft.Update.Session", server);
session.ClientApplicationID = "deploy-patches";

var searcher = session.CreateUpdateSearcher();
var result = searcher.Search("IsInstalled=0 and Type='Software' and IsHidden=0");
WScript.Echo(server + ": " + result.Updates.Count + " update(s) pending");
if (result.Updates.Count === 0) WScript.Quit(0);

var toInstall = new ActiveXObject("Microsoft.Update.UpdateColl", server);
for (var e = new Enumerator(result.Updates); !e.atEnd(); e.moveNext()) {
  var update = e.item();
  if (!update.EulaAccepted) {
    update.AcceptEula();
  }
  toInstall.Add(update);
}

var downloader = session.CreateUpdateDownloader();
downloader.Updates = toInstall;
downloader.Download();

var installer = session.CreateUpdateInstaller();
installer.Updates = toInstall;
try {
  var outcome = installer.Install();
  WScript.Echo("Result: " + outcome.ResultCode + ", reboot: " + outcome.RebootRequired);
} catch (err) {
  WScript.Echo("Install failed: 0x" + (err.number >>> 0).toString(16));
}
