import { noRemoteIshiddenWrite } from "../../src/rules/no-remote-ishidden-write.js";
import { scriptTester } from "./rule-tester.js";

const REMOTE = 'var s = new ActiveXObject("Microsoft.Update.Session", "SRV-01");\nvar updates = s.CreateUpdateSearcher().Search("IsInstalled=0").Updates;\n';
const local = (code: string): string => code.replace(', "SRV-01")', ")");

scriptTester.run("no-remote-ishidden-write: ways of writing", noRemoteIshiddenWrite, {
  valid: [
    { name: "reading remotely", code: `${REMOTE}for (var i = 0; i < updates.Count; i++) WScript.Echo(updates.Item(i).IsHidden);` },
    { name: "writing locally", code: local(`${REMOTE}updates.Item(0).IsHidden = true;`) },
    { name: "another object's IsHidden", code: `${REMOTE}var row = {};\nrow.IsHidden = true;` },
  ],
  invalid: [
    {
      name: "through an index loop and call-style access",
      code: `${REMOTE}for (var i = 0; i < updates.Count; i++) updates(i).IsHidden = true;`,
      errors: [{ messageId: "hiddenWrite", line: 3, column: 52, suggestions: [{ messageId: "createLocally", output: local(`${REMOTE}for (var i = 0; i < updates.Count; i++) updates(i).IsHidden = true;`) }] }],
    },
    {
      name: "a compound assignment is a write",
      code: `${REMOTE}updates[0].IsHidden ||= true;`,
      errors: [{ messageId: "hiddenWrite", line: 3, column: 12, suggestions: [{ messageId: "createLocally", output: local(`${REMOTE}updates[0].IsHidden ||= true;`) }] }],
    },
  ],
});
