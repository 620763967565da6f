// deploy-patches.js (local): the same deployment, run on the server itself (for example as a
// scheduled task). Every call is made by a local caller, so nothing is reported.
var session = new ActiveXObject("Microsoft.Update.Session");
session.ClientApplicationID = "deploy-patches";
var result = session.CreateUpdateSearcher().Search("IsInstalled=0 and Type='Software' and IsHidden=0");
if (result.Updates.Count === 0) WScript.Quit(0);

var toInstall = new ActiveXObject("Microsoft.Update.UpdateColl");
for (var e = new Enumerator(result.Updates); !e.atEnd(); e.moveNext()) {
  var update = e.item();
  if (!update.EulaAccepted) update.AcceptEula();
  toInstall.Add(update);
}
var downloader = session.CreateUpdateDownloader();
downloader.Updates = toInstall;
downloader.Download();
var installer = session.CreateUpdateInstaller();
installer.Updates = toInstall;
WScript.Echo("Reboot required: " + installer.Install().RebootRequired);
