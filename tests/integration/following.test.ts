/**
 * Each way the analysis follows a WUA object, through the rules: a script that fails remotely is
 * reported at the refused member, and the same script made correct stays silent.
 */
import { describe, expect, it } from "vitest";
import { lint, summary, type ParserName } from "../helpers.js";

interface Construct {
  name: string;
  failing: string;
  /** Where the failing script is reported: `rule@line:column`. */
  reported: string[];
  silent: string;
  parser?: ParserName;
}

const R = 'new ActiveXObject("Microsoft.Update.Session", "SRV-01")';
const L = 'new ActiveXObject("Microsoft.Update.Session")';
const MEMBER = "no-remote-unavailable-member";

const constructs: Construct[] = [
  {
    name: "a reused variable (flow-sensitive)",
    failing: `var s = ${L};\ns = ${R};\ns.CreateUpdateInstaller();`,
    reported: [`${MEMBER}@3:3`],
    silent: `var s = ${R};\ns = ${L};\ns.CreateUpdateInstaller();`,
  },
  {
    name: "a branch that may make the session remote",
    failing: `var s = ${L};\nif (WScript.Arguments.length) s = ${R};\ns.CreateUpdateInstaller();`,
    reported: [`${MEMBER}@3:3`],
    silent: `var s = ${L};\nif (WScript.Arguments.length) s = ${L};\ns.CreateUpdateInstaller();`,
  },
  {
    name: "a helper function's parameter",
    failing: `function install(session) {\n  session.CreateUpdateInstaller();\n}\ninstall(${R});`,
    reported: [`${MEMBER}@2:11`],
    silent: `function install(session) {\n  session.CreateUpdateInstaller();\n}\ninstall(${L});`,
  },
  {
    name: "an immediately invoked function",
    failing: `(function (session) {\n  session.CreateUpdateInstaller();\n})(${R});`,
    reported: [`${MEMBER}@2:11`],
    silent: `(function (session) {\n  session.CreateUpdateInstaller();\n})(${L});`,
  },
  {
    name: "a function's return value",
    failing: `function open(host) { return new ActiveXObject("Microsoft.Update.Session", host); }\nopen("SRV-01").CreateUpdateInstaller();`,
    reported: [`${MEMBER}@2:16`],
    silent: `function open(host) { return new ActiveXObject("Microsoft.Update.Session", host); }\nopen("localhost").CreateUpdateInstaller();`,
  },
  {
    name: "a forEach callback over an array of sessions",
    failing: `var sessions = [];\nsessions.push(${R});\nsessions.forEach(function (s) {\n  s.CreateUpdateInstaller();\n});`,
    reported: [`${MEMBER}@4:5`],
    silent: `var sessions = [];\nsessions.push(${L});\nsessions.forEach(function (s) {\n  s.CreateUpdateInstaller();\n});`,
  },
  {
    name: ".call and .apply",
    failing: `function install(s) {\n  s.CreateUpdateInstaller();\n}\ninstall.call(null, ${R});\ninstall.apply(null, [${L}]);`,
    reported: [`${MEMBER}@2:5`],
    silent: `function install(s) {\n  s.CreateUpdateInstaller();\n}\ninstall.call(null, ${L});\ninstall.apply(null, [${L}]);`,
  },
  {
    name: "a closure over the session",
    failing: `var s = ${R};\nfunction later() {\n  s.CreateUpdateInstaller();\n}`,
    reported: [`${MEMBER}@3:5`],
    silent: `var s = ${L};\nfunction later() {\n  s.CreateUpdateInstaller();\n}`,
  },
  {
    name: "a singleton's static property",
    failing: `var Patcher = {};\nPatcher.session = ${R};\nPatcher.session.CreateUpdateInstaller();`,
    reported: [`${MEMBER}@3:17`],
    silent: `var Patcher = {};\nPatcher.session = ${L};\nPatcher.session.CreateUpdateInstaller();`,
  },
  {
    name: "this.session in a constructor and a prototype method",
    failing: `function Patcher(host) { this.session = new ActiveXObject("Microsoft.Update.Session", host); }\nPatcher.prototype.install = function () {\n  return this.session.CreateUpdateInstaller();\n};\nnew Patcher("SRV-01").install();`,
    reported: [`${MEMBER}@3:23`],
    silent: `function Patcher(host) { this.session = new ActiveXObject("Microsoft.Update.Session", host); }\nPatcher.prototype.install = function () {\n  return this.session.CreateUpdateInstaller();\n};\nnew Patcher(".").install();`,
  },
  {
    name: "a class field and method",
    failing: `class Patcher {\n  session = ${R};\n  install() { return this.session.CreateUpdateInstaller(); }\n}`,
    reported: [`${MEMBER}@3:35`],
    silent: `class Patcher {\n  session = ${L};\n  install() { return this.session.CreateUpdateInstaller(); }\n}`,
    parser: "module",
  },
  {
    name: "the computer name from WScript.Network",
    failing: `var s = new ActiveXObject("Microsoft.Update.Session", new ActiveXObject("WScript.Network").UserName);\ns.CreateUpdateInstaller();`,
    reported: [`${MEMBER}@2:3`],
    silent: `var s = new ActiveXObject("Microsoft.Update.Session", new ActiveXObject("WScript.Network").ComputerName);\ns.CreateUpdateInstaller();`,
  },
  {
    name: "%COMPUTERNAME% expanded by WScript.Shell",
    failing: `var shell = new ActiveXObject("WScript.Shell");\nvar s = new ActiveXObject("Microsoft.Update.Session", shell.ExpandEnvironmentStrings("%TARGET%"));\ns.CreateUpdateInstaller();`,
    reported: [`${MEMBER}@3:3`],
    silent: `var shell = new ActiveXObject("WScript.Shell");\nvar s = new ActiveXObject("Microsoft.Update.Session", shell.ExpandEnvironmentStrings("%COMPUTERNAME%"));\ns.CreateUpdateInstaller();`,
  },
  {
    name: "a module constant naming the computer",
    failing: `const TARGET = "SRV-01";\nconst s = new ActiveXObject("Microsoft.Update.Session", TARGET);\ns.CreateUpdateInstaller();`,
    reported: [`${MEMBER}@3:3`],
    silent: `const TARGET = "localhost";\nconst s = new ActiveXObject("Microsoft.Update.Session", TARGET);\ns.CreateUpdateInstaller();`,
    parser: "module",
  },
  {
    name: "AddService2 with and without an authorization cab",
    failing: `var m = ${R}.CreateUpdateServiceManager();\nm.AddService2("7971f918-a847-4430-9279-4a52d1efe18d", 7, "");`,
    reported: [`${MEMBER}@2:3`],
    silent: `var m = ${R}.CreateUpdateServiceManager();\nm.AddService2("7971f918-a847-4430-9279-4a52d1efe18d", 7, "C:\\\\wsus\\\\auth.cab");`,
  },
];

const recommended = {
  "wua/no-remote-unavailable-member": "error",
  "wua/no-remote-ishidden-write": "error",
  "wua/no-remote-unavailable-interface": "error",
} as const;

describe.each(constructs)("$name", ({ failing, reported, silent, parser }) => {
  it("reports the script that fails remotely", () => {
    expect(summary(lint(failing, { parser, rules: recommended }))).toEqual(reported);
  });
  it("stays silent on the correct script", () => {
    expect(lint(silent, { parser, rules: recommended })).toEqual([]);
  });
});
