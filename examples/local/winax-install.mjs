// winax-install.mjs: Node.js with winax. winax always creates COM objects on this computer (its
// second argument is an options object, never a computer name), so the installation is local.
import winax from "winax";

const session = new winax.Object("Microsoft.Update.Session");
const updates = session.CreateUpdateSearcher().Search("IsInstalled=0").Updates;
if (updates.Count > 0) {
  const installer = session.CreateUpdateInstaller();
  installer.Updates = updates;
  console.log("Result:", installer.Install().ResultCode);
}
winax.release(session);
