// au-maintenance.js: pauses Automatic Updates on a server during a maintenance window.
// Fails remotely: ServiceEnabled, Pause, Settings and Resume are refused to a remote caller;
// DetectNow is allowed.
var target = "SRV-DB01";
var au = new ActiveXObject("Microsoft.Update.AutoUpdate", target);

if (!au.ServiceEnabled) {
  WScript.Echo("Automatic Updates is off on " + target);
  WScript.Quit(1);
}
au.Pause();
WScript.Echo("Notification level: " + au.Settings.NotificationLevel);
WScript.Sleep(60 * 60 * 1000);
au.Resume();
au.DetectNow();
