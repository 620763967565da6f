// reboot-check.js: asks each server whether it waits for a reboot.
// Fails remotely: Microsoft.Update.SystemInfo (ISystemInformation) cannot be used by a remote caller.
var servers = WScript.Arguments;
for (var i = 0; i < servers.length; i++) {
  var info = new ActiveXObject("Microsoft.Update.SystemInfo", servers(i));
  WScript.Echo(servers(i) + " reboot required: " + info.RebootRequired);
}
