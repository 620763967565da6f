import { noRemoteUnavailableMember } from "../../src/rules/no-remote-unavailable-member.js";
import { scriptTester, typescriptTester } from "./rule-tester.js";

const rule = noRemoteUnavailableMember;
const S = '"Microsoft.Update.Session"';

scriptTester.run("no-remote-unavailable-member: where the object becomes remote", rule, {
  valid: [
    { name: "no location", code: `var s = new ActiveXObject(${S});\ns.CreateUpdateInstaller();` },
    ...['""', '"."', '"localhost"', '"LOCALHOST"', '"127.0.0.1"', '"::1"', "null"].map((location) => ({
      name: `location ${location} is this computer`,
      code: `var s = new ActiveXObject(${S}, ${location});\ns.CreateUpdateInstaller();`,
    })),
    { name: "WScript.CreateObject's second argument is an event prefix", code: `var s = WScript.CreateObject(${S}, "SRV_");\ns.CreateUpdateInstaller();` },
    {
      name: "settings.wua.localNames",
      code: `var s = new ActiveXObject(${S}, "build-pc");\ns.CreateUpdateInstaller();`,
      settings: { wua: { localNames: ["BUILD-PC"] } },
    },
    { name: "a member that is available remotely", code: `var s = new ActiveXObject(${S}, "SRV");\ns.CreateUpdateSearcher().Search("x");` },
    { name: "an unlisted member is another rule's business", code: `var s = new ActiveXObject(${S}, "SRV");\ns.QueryHistory("", 0, 1);` },
    { name: "a non-WUA object with the same member name", code: 'var x = new ActiveXObject("Other.Thing", "SRV");\nx.CreateUpdateInstaller();' },
  ],
  invalid: [
    {
      name: "a computer name from the command line",
      code: `var host = WScript.Arguments(0);\nvar s = new ActiveXObject(${S}, host);\ns.CreateUpdateInstaller();`,
      errors: [{ messageId: "unavailable", line: 3, column: 3, suggestions: [{ messageId: "createLocally", output: `var host = WScript.Arguments(0);\nvar s = new ActiveXObject(${S});\ns.CreateUpdateInstaller();` }] }],
    },
    {
      name: "the wua-remote comment makes a local creation remote (no suggestion)",
      code: `// wua-remote\nvar s = new ActiveXObject(${S});\ns.CreateUpdateInstaller();`,
      errors: [{ messageId: "unavailable", line: 3, column: 3, suggestions: [] }],
    },
    {
      name: "settings.wua.assumeRemote (no suggestion)",
      code: `var s = WScript.CreateObject(${S});\ns.CreateUpdateInstaller();`,
      settings: { wua: { assumeRemote: true } },
      errors: [{ messageId: "unavailable", line: 2, column: 3, suggestions: [] }],
    },
    {
      name: "no suggestion when dropping the location would drop a call",
      code: `var s = new ActiveXObject(${S}, getHost());\ns.CreateUpdateInstaller();`,
      errors: [{ messageId: "unavailable", line: 2, column: 3, suggestions: [] }],
    },
    {
      name: "no suggestion when a comment sits in the location",
      code: `var s = new ActiveXObject(${S}, /* target */ "SRV");\ns.CreateUpdateInstaller();`,
      errors: [{ messageId: "unavailable", line: 2, column: 3, suggestions: [] }],
    },
    {
      name: "member names resolve case-insensitively and through constant computed keys",
      code: `var s = new ActiveXObject(${S}, "SRV");\ns.createupdateinstaller();\ns["CreateUpdateDownloader"]();`,
      errors: [
        { messageId: "unavailable", line: 2, column: 3, suggestions: [{ messageId: "createLocally", output: `var s = new ActiveXObject(${S});\ns.createupdateinstaller();\ns["CreateUpdateDownloader"]();` }] },
        { messageId: "unavailable", line: 3, column: 3, suggestions: [{ messageId: "createLocally", output: `var s = new ActiveXObject(${S});\ns.createupdateinstaller();\ns["CreateUpdateDownloader"]();` }] },
      ],
    },
    {
      name: "one root cause, one report: the refused installer is not reported again",
      code: `var s = new ActiveXObject(${S}, "SRV");\nvar inst = s.CreateUpdateInstaller();\ninst.Updates = c;\ninst.Install();\ninst.Install();`,
      errors: [{ messageId: "unavailable", line: 2, column: 14, suggestions: [{ messageId: "createLocally", output: `var s = new ActiveXObject(${S});\nvar inst = s.CreateUpdateInstaller();\ninst.Updates = c;\ninst.Install();\ninst.Install();` }] }],
    },
    {
      name: "updates walked with an Enumerator",
      code: `var s = new ActiveXObject(${S}, "SRV");\nfor (var e = new Enumerator(s.CreateUpdateSearcher().Search("x").Updates); !e.atEnd(); e.moveNext()) {\n  e.item().AcceptEula();\n}`,
      errors: [{ messageId: "unavailable", line: 3, column: 12, suggestions: [{ messageId: "createLocally", output: `var s = new ActiveXObject(${S});\nfor (var e = new Enumerator(s.CreateUpdateSearcher().Search("x").Updates); !e.atEnd(); e.moveNext()) {\n  e.item().AcceptEula();\n}` }] }],
    },
  ],
});

typescriptTester.run("no-remote-unavailable-member: TypeScript", rule, {
  valid: [{ code: `declare const ActiveXObject: any;\nconst s = new ActiveXObject(${S}) as any;\ns!.CreateUpdateInstaller();` }],
  invalid: [
    {
      code: `declare const ActiveXObject: any;\nconst s = new ActiveXObject(${S}, "SRV") as any;\n(s satisfies unknown as any)?.CreateUpdateInstaller?.();`,
      errors: [{ messageId: "unavailable", line: 3, column: 31, suggestions: [{ messageId: "createLocally", output: `declare const ActiveXObject: any;\nconst s = new ActiveXObject(${S}) as any;\n(s satisfies unknown as any)?.CreateUpdateInstaller?.();` }] }],
    },
    {
      code: `declare const ActiveXObject: any;\nconst { CreateUpdateInstaller } = new ActiveXObject(${S}, "SRV");`,
      errors: [{ messageId: "unavailable", line: 2, column: 9, suggestions: [{ messageId: "createLocally", output: `declare const ActiveXObject: any;\nconst { CreateUpdateInstaller } = new ActiveXObject(${S});` }] }],
    },
  ],
});
