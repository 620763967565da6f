// wua-remote -- started on each server by the patch pipeline over WinRM
// winrm-install.js: installs pending security updates on the computer it runs on. The objects are
// local, but Windows Update treats a caller that logged on over the network (WinRM, SSH) as
// remote, so CreateUpdateInstaller fails here; the comment above tells the linter so.
var session = new ActiveXObject("Microsoft.Update.Session");
var found = session.CreateUpdateSearcher().Search("IsInstalled=0 and CategoryIDs contains '0fa1201d-4330-4fa8-8ae9-b877473b6441'");
var installer = session.CreateUpdateInstaller();
installer.Updates = found.Updates;
WScript.Echo("Result: " + installer.Install().ResultCode);
