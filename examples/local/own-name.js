// own-name.js: passes this computer's own name as the location, which COM treats as a local
// activation; the script also reuses one variable, first for a remote scan and then for a local
// installation.
var network = new ActiveXObject("WScript.Network");
var here = new ActiveXObject("Microsoft.Update.Session", network.ComputerName);
here.CreateUpdateInstaller();

var session = new ActiveXObject("Microsoft.Update.Session", "SRV-01");
WScript.Echo("Pending on SRV-01: " + session.CreateUpdateSearcher().Search("IsInstalled=0").Updates.Count);
session = new ActiveXObject("Microsoft.Update.Session", "localhost");
var installer = session.CreateUpdateInstaller();
installer.Updates = session.CreateUpdateSearcher().Search("IsInstalled=0").Updates;
installer.Install();
