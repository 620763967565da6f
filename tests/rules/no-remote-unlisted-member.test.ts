import { noRemoteUnlistedMember } from "../../src/rules/no-remote-unlisted-member.js";
import { scriptTester } from "./rule-tester.js";

const REMOTE = 'var s = new ActiveXObject("Microsoft.Update.Session", "SRV-01");\n';
const LOCAL = 'var s = new ActiveXObject("Microsoft.Update.Session");\n';
const UPDATE = 'var u = s.CreateUpdateSearcher().Search("x").Updates.Item(0);\n';
const local = (code: string): string => code.replace(', "SRV-01")', ")");

scriptTester.run("no-remote-unlisted-member", noRemoteUnlistedMember, {
  valid: [
    { name: "an unlisted member on a local session", code: `${LOCAL}s.QueryHistory("", 0, 10);` },
    { name: "members of interfaces on the available list", code: `${REMOTE}var r = s.CreateUpdateSearcher().Search("x");\nr.Updates.Item(0).Title;` },
    { name: "a refused member is the other rule's business", code: `${REMOTE}s.CreateUpdateInstaller();` },
    { name: "a member found on both an unlisted and an available view", code: `${REMOTE}${UPDATE}u.RebootRequired;` },
    { name: "allow an interface", code: `${REMOTE}s.CreateUpdateSearcher().SearchScope;`, options: [{ allow: ["iupdatesearcher3"] }] },
    { name: "allow a member", code: `${REMOTE}s.QueryHistory("", 0, 10);`, options: [{ allow: ["IUpdateSession3.QueryHistory"] }] },
  ],
  invalid: [
    {
      name: "IUpdateSession3.QueryHistory",
      code: `${REMOTE}s.QueryHistory("", 0, 10);`,
      errors: [{ messageId: "unlisted", line: 2, column: 3, suggestions: [{ messageId: "createLocally", output: local(`${REMOTE}s.QueryHistory("", 0, 10);`) }] }],
    },
    {
      name: "IUpdateSearcher3.SearchScope",
      code: `${REMOTE}var scope = s.CreateUpdateSearcher().SearchScope;`,
      errors: [{ messageId: "unlisted", line: 2, column: 38, suggestions: [{ messageId: "createLocally", output: local(`${REMOTE}var scope = s.CreateUpdateSearcher().SearchScope;`) }] }],
    },
    {
      name: "IUpdate3.BrowseOnly on software and driver updates",
      code: `${REMOTE}${UPDATE}u.BrowseOnly;`,
      errors: [{ messageId: "unlisted", line: 3, column: 3, suggestions: [{ messageId: "createLocally", output: local(`${REMOTE}${UPDATE}u.BrowseOnly;`) }] }],
    },
    {
      name: "an allow entry for another member does not silence this one",
      code: `${REMOTE}s.QueryHistory("", 0, 10);`,
      options: [{ allow: ["IUpdateSession3.CreateUpdateServiceManager"] }],
      errors: [{ messageId: "unlisted", line: 2, column: 3, suggestions: [{ messageId: "createLocally", output: local(`${REMOTE}s.QueryHistory("", 0, 10);`) }] }],
    },
    {
      name: "AddService2 with an authorization cab is undocumented, not refused",
      code: `${REMOTE}var m = s.CreateUpdateServiceManager();\nm.AddService2("id", 7, "C:\\\\auth.cab");`,
      options: [{ allow: ["IUpdateSession3"] }],
      errors: [{ messageId: "unlisted", line: 3, column: 3, suggestions: [{ messageId: "createLocally", output: local(`${REMOTE}var m = s.CreateUpdateServiceManager();\nm.AddService2("id", 7, "C:\\\\auth.cab");`) }] }],
    },
  ],
});
