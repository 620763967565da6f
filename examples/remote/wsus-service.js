// wsus-service.js: registers an update service and removes an old one on a server.
// Fails remotely: AddService2 without an authorization cab, RegisterServiceWithAU and
// RemoveService; CreateUpdateServiceManager and QueryServiceRegistration are not documented for
// remote callers at all (reported by the strict config).
var NEW_SERVICE = "7971f918-a847-4430-9279-4a52d1efe18d";
var OLD_SERVICE = "3da21691-e39d-4da6-8a4b-b43877bcb1b7";

var session = new ActiveXObject("Microsoft.Update.Session", "SRV-APP02");
var manager = session.CreateUpdateServiceManager();
manager.ClientApplicationID = "wsus-service";
var registration = manager.AddService2(NEW_SERVICE, 7, "");
WScript.Echo("Registration state: " + registration.RegistrationState);
manager.RegisterServiceWithAU(NEW_SERVICE);
manager.RemoveService(OLD_SERVICE);
