import { Linter } from "eslint";
import * as espree from "espree";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { noIgnoredLocation } from "../../src/rules/no-ignored-location.js";
import { scriptTester, typescriptTester } from "./rule-tester.js";

const rule = noIgnoredLocation;
const S = '"Microsoft.Update.Session"';

scriptTester.run("no-ignored-location: WScript.CreateObject", rule, {
  valid: [
    { name: "no second argument", code: `var s = WScript.CreateObject(${S});\ns.CreateUpdateInstaller();` },
    { name: "a prefix on an object that is not WUA's", code: 'var fso = WScript.CreateObject("Scripting.FileSystemObject", "fso_");' },
    { name: "new ActiveXObject honours its location (other rules judge it)", code: `var s = new ActiveXObject(${S}, "SRV-01");` },
    ...['""', '"."', '"localhost"', "null", "undefined"].map((argument) => ({
      name: `${argument} names this computer: the object is where the script says`,
      code: `var s = WScript.CreateObject(${S}, ${argument});`,
    })),
    {
      name: "this computer's own name, read at run time",
      code: `var net = WScript.CreateObject("WScript.Network");\nvar s = WScript.CreateObject(${S}, net.ComputerName);`,
    },
    { name: "settings.wua.localNames", code: `var s = WScript.CreateObject(${S}, "BUILD-PC");`, settings: { wua: { localNames: ["build-pc"] } } },
    { name: "a number or a boolean is no computer name", code: `WScript.CreateObject(${S}, 0);\nWScript.CreateObject(${S}, true);` },
    { name: "an object is no computer name", code: `WScript.CreateObject(${S}, { prefix: "wu_" });` },
    { name: "a spread: whether there is a second argument is unknown", code: `function make(args) { return WScript.CreateObject(${S}, ...args); }` },
    { name: "a ProgID the analysis cannot read", code: 'function make(id) { return WScript.CreateObject(id, "SRV-01"); }' },
    { name: "a WScript of the file's own is not the host's", code: `var WScript = { CreateObject: function () {} };\nWScript.CreateObject(${S}, "SRV-01");` },
  ],
  invalid: [
    {
      name: "a computer name as a string",
      code: `var s = WScript.CreateObject(${S}, "SRV-01");`,
      errors: [
        {
          messageId: "eventPrefix",
          line: 1,
          column: 58,
          suggestions: [
            { messageId: "createThere", output: `var s = new ActiveXObject(${S}, "SRV-01");` },
            { messageId: "dropArgument", output: `var s = WScript.CreateObject(${S});` },
          ],
        },
      ],
    },
    {
      name: "a computer name in a constant variable",
      code: `var server = "srv-01.example.com";\nvar s = WScript.CreateObject(${S}, server);`,
      errors: [
        {
          messageId: "eventPrefix",
          line: 2,
          column: 58,
          suggestions: [
            { messageId: "createThere", output: `var server = "srv-01.example.com";\nvar s = new ActiveXObject(${S}, server);` },
            { messageId: "dropArgument", output: `var server = "srv-01.example.com";\nvar s = WScript.CreateObject(${S});` },
          ],
        },
      ],
    },
    {
      name: "an IP address",
      code: `WScript.CreateObject(${S}, "10.0.0.5");`,
      errors: [
        {
          messageId: "eventPrefix",
          line: 1,
          column: 50,
          suggestions: [
            { messageId: "createThere", output: `new ActiveXObject(${S}, "10.0.0.5");` },
            { messageId: "dropArgument", output: `WScript.CreateObject(${S});` },
          ],
        },
      ],
    },
    {
      name: "a computed name: only dropping it is offered, since its value is unknown",
      code: `function check(n) {\n  return WScript.CreateObject(${S}, "srv-" + n).CreateUpdateSearcher();\n}`,
      errors: [
        {
          messageId: "eventPrefix",
          line: 2,
          column: 59,
          suggestions: [{ messageId: "dropArgument", output: `function check(n) {\n  return WScript.CreateObject(${S}).CreateUpdateSearcher();\n}` }],
        },
      ],
    },
    {
      name: "a name from the command line: no suggestion drops a call",
      code: `var s = WScript.CreateObject(${S}, WScript.Arguments(0));`,
      errors: [{ messageId: "eventPrefix", line: 1, column: 58, suggestions: [] }],
    },
    {
      name: "an event prefix: WUA raises no events, but it is no computer name to create the object on",
      code: `var s = WScript.CreateObject(${S}, "wu_");`,
      errors: [{ messageId: "eventPrefix", line: 1, column: 58, suggestions: [{ messageId: "dropArgument", output: `var s = WScript.CreateObject(${S});` }] }],
    },
    {
      name: "a versioned ProgID, in any case, through a method name in any case",
      code: 'var s = WScript.createobject("microsoft.update.searcher.1", "SRV-01");',
      errors: [
        {
          messageId: "eventPrefix",
          line: 1,
          column: 61,
          suggestions: [
            { messageId: "createThere", output: 'var s = new ActiveXObject("microsoft.update.searcher.1", "SRV-01");' },
            { messageId: "dropArgument", output: 'var s = WScript.createobject("microsoft.update.searcher.1");' },
          ],
        },
      ],
    },
    {
      name: "a comment in the argument list is kept by the rewrite, and stops the removal",
      code: `var s = WScript.CreateObject(${S}, /* target */ "SRV-01");`,
      errors: [{ messageId: "eventPrefix", line: 1, column: 71, suggestions: [{ messageId: "createThere", output: `var s = new ActiveXObject(${S}, /* target */ "SRV-01");` }] }],
    },
    {
      name: "a comment in the callee stops the rewrite",
      code: `var s = WScript./* host */CreateObject(${S}, "SRV-01");`,
      errors: [{ messageId: "eventPrefix", line: 1, column: 68, suggestions: [{ messageId: "dropArgument", output: `var s = WScript./* host */CreateObject(${S});` }] }],
    },
    {
      name: "a callee in parentheses is not rewritten",
      code: `var s = (WScript.CreateObject)(${S}, "SRV-01");`,
      errors: [{ messageId: "eventPrefix", line: 1, column: 60, suggestions: [{ messageId: "dropArgument", output: `var s = (WScript.CreateObject)(${S});` }] }],
    },
    {
      name: "no rewrite when the file declares its own ActiveXObject",
      code: `function ActiveXObject(id) {}\nvar s = WScript.CreateObject(${S}, "SRV-01");`,
      errors: [{ messageId: "eventPrefix", line: 2, column: 58, suggestions: [{ messageId: "dropArgument", output: `function ActiveXObject(id) {}\nvar s = WScript.CreateObject(${S});` }] }],
    },
    {
      name: "no rewrite with a third argument; no removal either",
      code: `var s = WScript.CreateObject(${S}, "SRV-01", 1);`,
      errors: [{ messageId: "eventPrefix", line: 1, column: 58, suggestions: [] }],
    },
    {
      name: "still reported in a file marked remote",
      code: `// wua-remote\nvar s = WScript.CreateObject(${S}, "SRV-01");`,
      errors: [
        {
          messageId: "eventPrefix",
          line: 2,
          column: 58,
          suggestions: [
            { messageId: "createThere", output: `// wua-remote\nvar s = new ActiveXObject(${S}, "SRV-01");` },
            { messageId: "dropArgument", output: `// wua-remote\nvar s = WScript.CreateObject(${S});` },
          ],
        },
      ],
    },
  ],
});

scriptTester.run("no-ignored-location: winax in CommonJS", rule, {
  valid: [
    { name: "an options object", code: `var winax = require("winax");\nvar s = new winax.Object(${S}, { activate: true });` },
    { name: "an options object in a variable", code: `var winax = require("winax");\nvar options = { type: false };\nvar s = new winax.Object(${S}, options);` },
    { name: "a value the analysis cannot work out may be options", code: `var winax = require("winax");\nfunction make(options) { return new winax.Object(${S}, options); }` },
    { name: "no second argument", code: `require("winax");\nvar s = new ActiveXObject(${S});` },
    { name: "a ProgID that is not WUA's", code: 'var winax = require("winax");\nvar c = new winax.Object("ADODB.Connection", "SRV-01");' },
    { name: "localhost is where winax creates anyway", code: `require("winax");\nvar s = new ActiveXObject(${S}, "localhost");` },
  ],
  invalid: [
    {
      name: "new winax.Object with a computer name",
      code: `var winax = require("winax");\nvar s = new winax.Object(${S}, "SRV-01");`,
      errors: [{ messageId: "winaxOptions", line: 2, column: 54, suggestions: [{ messageId: "dropArgument", output: `var winax = require("winax");\nvar s = new winax.Object(${S});` }] }],
    },
    {
      name: "winax's global ActiveXObject, with and without new: never rewritten to itself",
      code: `require("winax");\nvar a = new ActiveXObject(${S}, "SRV-01");\nvar b = ActiveXObject(${S}, "SRV-02");`,
      errors: [
        { messageId: "winaxOptions", line: 2, column: 55, suggestions: [{ messageId: "dropArgument", output: `require("winax");\nvar a = new ActiveXObject(${S});\nvar b = ActiveXObject(${S}, "SRV-02");` }] },
        { messageId: "winaxOptions", line: 3, column: 51, suggestions: [{ messageId: "dropArgument", output: `require("winax");\nvar a = new ActiveXObject(${S}, "SRV-01");\nvar b = ActiveXObject(${S});` }] },
      ],
    },
    {
      name: "a template literal is a string whatever it holds",
      code: `var winax = require("winax");\nfunction open(name) { return new winax.Object(${S}, \`\${name}.corp\`); }`,
      errors: [{ messageId: "winaxOptions", line: 2, column: 75, suggestions: [{ messageId: "dropArgument", output: `var winax = require("winax");\nfunction open(name) { return new winax.Object(${S}); }` }] }],
    },
  ],
});

typescriptTester.run("no-ignored-location: modules and TypeScript", rule, {
  valid: [{ name: "winax with options, imported", code: `import winax from "winax";\nconst s = new winax.Object(${S}, { activate: true });` }],
  invalid: [
    {
      name: "winax imported by default",
      code: `import winax from "winax";\nconst s = new winax.Object(${S}, "SRV-01");`,
      errors: [{ messageId: "winaxOptions", line: 2, column: 56, suggestions: [{ messageId: "dropArgument", output: `import winax from "winax";\nconst s = new winax.Object(${S});` }] }],
    },
    {
      name: "winax's Object imported by name, the computer in a constant",
      code: `import { Object as ComObject } from "winax";\nconst target = "SRV-01";\nconst s = new ComObject(${S}, target as string);`,
      errors: [
        {
          messageId: "winaxOptions",
          line: 3,
          column: 53,
          suggestions: [{ messageId: "dropArgument", output: `import { Object as ComObject } from "winax";\nconst target = "SRV-01";\nconst s = new ComObject(${S});` }],
        },
      ],
    },
    {
      name: "WScript in TypeScript",
      code: `declare const WScript: any;\nconst s = WScript.CreateObject(${S}, "SRV-01");`,
      errors: [
        {
          messageId: "eventPrefix",
          line: 2,
          column: 60,
          suggestions: [
            { messageId: "createThere", output: `declare const WScript: any;\nconst s = new ActiveXObject(${S}, "SRV-01");` },
            { messageId: "dropArgument", output: `declare const WScript: any;\nconst s = WScript.CreateObject(${S});` },
          ],
        },
      ],
    },
  ],
});

describe("no-ignored-location with the recommended config", () => {
  const linter = new Linter({ configType: "flat" });
  const config: Linter.Config[] = [
    { languageOptions: { parser: espree, ecmaVersion: "latest", sourceType: "script" } },
    ...(plugin.configs.recommended as Linter.Config[]),
  ];

  it("is the only report: the object is created on this computer, so its members are not refused", () => {
    const code = `var s = WScript.CreateObject(${S}, "SRV-01");\ns.CreateUpdateInstaller().Install();\nvar i = WScript.CreateObject("Microsoft.Update.Installer", "SRV-01");\ni.Install();`;
    const messages = linter.verify(code, config, { filename: "a.js" });
    expect(messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(["wua/no-ignored-location@1:58", "wua/no-ignored-location@3:60"]);
  });

  it("names the object, the argument, what the argument really is, and what to do instead", () => {
    const [wsh] = linter.verify(`WScript.CreateObject(${S}, "SRV-01");`, config, { filename: "a.js" });
    expect(wsh!.message).toContain('The Microsoft.Update.Session is not created on "SRV-01"');
    expect(wsh!.message).toContain("prefix for the names of event-handler functions");
    expect(wsh!.message).toContain("WUA objects raise no events");
    expect(wsh!.message).toContain("`new ActiveXObject(progId, computer)`");
    expect(wsh!.message).toContain("(v=vs.84)");
    const [unknown] = linter.verify(`WScript.CreateObject(${S}, WScript.Arguments(0));`, config, { filename: "a.js" });
    expect(unknown!.message).toContain("The Microsoft.Update.Session is not created on the computer named by `WScript.Arguments(0)`");
    const [winax] = linter.verify(`var winax = require("winax");\nnew winax.Object(${S}, host);\nvar host = "SRV-" + 1;`, config, { filename: "a.js" });
    expect(winax!.message).toContain("The Microsoft.Update.Session is not created on \"SRV-1\": winax creates COM objects on this computer only");
    expect(winax!.message).toContain("https://github.com/durs/node-activex");
  });
});
