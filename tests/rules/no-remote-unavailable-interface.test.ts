import { noRemoteUnavailableInterface } from "../../src/rules/no-remote-unavailable-interface.js";
import { scriptTester } from "./rule-tester.js";

scriptTester.run("no-remote-unavailable-interface: ways of creating", noRemoteUnavailableInterface, {
  valid: [
    { name: "a remote session is fine", code: 'new ActiveXObject("Microsoft.Update.Session", "SRV-01");' },
    { name: "a local system information object", code: 'new ActiveXObject("Microsoft.Update.SystemInfo").RebootRequired;' },
    { name: "winax creates locally", code: 'var winax = require("winax");\nnew winax.Object("Microsoft.Update.SystemInfo", "SRV-01");' },
  ],
  invalid: [
    {
      name: "versioned ProgID in any case, and members on it are not reported again",
      code: 'var si = new ActiveXObject("microsoft.update.systeminfo.1", "SRV-01");\nsi.RebootRequired;\nsi.OemHardwareSupportLink;',
      errors: [{ messageId: "unavailableInterface", line: 1, column: 10, suggestions: [{ messageId: "createLocally", output: 'var si = new ActiveXObject("microsoft.update.systeminfo.1");\nsi.RebootRequired;\nsi.OemHardwareSupportLink;' }] }],
    },
    {
      name: "a file marked remote",
      code: '/* wua-remote */\nvar i = WScript.CreateObject("Microsoft.Update.Installer");',
      errors: [{ messageId: "unavailableInterface", line: 2, column: 9, suggestions: [] }],
    },
  ],
});
