/**
 * Mistakes in settings.wua and in the allow option, through the real ESLint `Linter` and `ESLint`
 * classes with the plugin's own configs: one message per file at line 1, for JavaScript, PowerShell
 * and the script blocks of a .wsf, and the rest of the configuration still at work.
 */
import { fileURLToPath } from "node:url";
import { ESLint, Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { rules } from "../../src/rules/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

type Kind = "js" | "ps1" | "wsf";

/** The same script in each front end: a refused member (line 2) on a session created on SRV-01. */
const REMOTE_SCRIPT: Record<Kind, string> = {
  js: 'var s = new ActiveXObject("Microsoft.Update.Session", "SRV-01");\ns.CreateUpdateInstaller();\n',
  ps1: '$s = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", "SRV-01"))\n$s.CreateUpdateInstaller()\n',
  wsf: '<job><script language="JScript">\nvar s = new ActiveXObject("Microsoft.Update.Session", "SRV-01"); s.CreateUpdateInstaller();\n</script></job>\n',
};

/** Where REMOTE_SCRIPT's refused member is reported. */
const FINDING_LINE: Record<Kind, number> = { js: 2, ps1: 2, wsf: 2 };

/** A session on this computer, with a member that is refused only to remote callers. */
const LOCAL_SCRIPT: Record<Kind, string> = {
  js: 'var s = new ActiveXObject("Microsoft.Update.Session");\ns.CreateUpdateInstaller();\n',
  ps1: "$s = New-Object -ComObject Microsoft.Update.Session\n$s.CreateUpdateInstaller()\n",
  wsf: '<job><script language="JScript">\nvar s = new ActiveXObject("Microsoft.Update.Session"); s.CreateUpdateInstaller();\n</script></job>\n',
};

const KINDS: Kind[] = ["js", "ps1", "wsf"];

interface LintSetup {
  settings?: Record<string, unknown>;
  /** In place of the strict config's rules (all of them). */
  rules?: Linter.RulesRecord;
  linterOptions?: Linter.Config["linterOptions"];
}

function configFor(setup: LintSetup): Linter.Config[] {
  const config: Linter.Config[] = [...(plugin.configs.strict as Linter.Config[])];
  if (setup.rules) config.push({ rules: Object.fromEntries(Object.keys(rules).map((name) => [`wua/${name}`, "off"])) }, { rules: setup.rules });
  config.push({ settings: setup.settings ?? {}, ...(setup.linterOptions ? { linterOptions: setup.linterOptions } : {}) });
  return config;
}

function lintAs(kind: Kind, code: string, setup: LintSetup = {}): Linter.LintMessage[] {
  return new Linter({ configType: "flat" }).verify(code, configFor(setup), { filename: `script.${kind}` });
}

const byId = (messageId: string) => (messages: readonly Linter.LintMessage[]) => messages.filter((m) => m.messageId === messageId);
const settingsMessages = byId("invalidSettings");
const optionMessages = byId("invalidOption");

/** Each mistake, and what its message must say: the key, what was given, what is allowed. */
const SETTINGS_MISTAKES: [string, Record<string, unknown>, string[]][] = [
  ["a misspelt key", { wua: { assumRemote: true } }, ["settings.wua.assumRemote is not a setting", "Did you mean assumeRemote?", "The settings are assumeRemote and localNames."]],
  ["assumeRemote as text", { wua: { assumeRemote: "yes" } }, ['settings.wua.assumeRemote is "yes"; it takes true or false.']],
  ["assumeRemote as quoted true", { wua: { assumeRemote: "true" } }, ['settings.wua.assumeRemote is "true"; it takes true or false, without quotes.']],
  ["localNames as one name", { wua: { localNames: "SRV-01" } }, ['settings.wua.localNames is "SRV-01"; it takes a list of computer names, such as ["SRV-01"].']],
  ["a number in localNames", { wua: { localNames: ["ADMIN-WS01", 42] } }, ["settings.wua.localNames[1] is 42", 'must be text in quotes, such as "ADMIN-WS01"']],
  ["settings.wua as text", { wua: "remote" }, ['settings.wua is "remote"; it must be an object, such as { assumeRemote: true }.']],
  ["settings.wua as a list", { wua: ["assumeRemote"] }, ['settings.wua is the list ["assumeRemote"]; it must be an object']],
];

describe("mistakes in settings.wua", () => {
  describe.each(KINDS)("in a .%s file", (kind) => {
    it.each(SETTINGS_MISTAKES)("%s gets one message at line 1 that says what is wrong and what is allowed", (_, settings, expectedTexts) => {
      const messages = lintAs(kind, REMOTE_SCRIPT[kind], { settings });
      const [message, ...others] = settingsMessages(messages);
      expect(others).toEqual([]);
      expect(message).toMatchObject({ line: 1, column: 1, severity: 2, ruleId: expect.stringMatching(/^wua\//u) });
      for (const text of expectedTexts) expect(message!.message).toContain(text);
      expect(message!.message).toContain("#settings-and-the-wua-remote-comment");
      expect(message!.fatal).toBeUndefined();
    });

    it("still reports the file's findings", () => {
      const messages = lintAs(kind, REMOTE_SCRIPT[kind], { settings: { wua: { assumRemote: true, localNames: 7 } } });
      expect(messages.map((m) => `${m.messageId}@${m.line}`)).toEqual(["invalidSettings@1", `unavailable@${FINDING_LINE[kind]}`]);
    });

    it("applies the valid settings next to a mistake", () => {
      // assumeRemote still makes a local session remote, despite the mistake in localNames.
      const messages = lintAs(kind, LOCAL_SCRIPT[kind], { settings: { wua: { assumeRemote: true, localNames: "ADMIN-WS01" } } });
      expect(messages.map((m) => m.messageId)).toEqual(["invalidSettings", "unavailable"]);
      // The names that are text still mean this computer when another entry is not.
      const named = lintAs(kind, REMOTE_SCRIPT[kind], { settings: { wua: { localNames: ["srv-01", null] } } });
      expect(named.map((m) => m.messageId)).toEqual(["invalidSettings"]);
    });

    it("puts every mistake of settings.wua in the one message", () => {
      const messages = lintAs(kind, REMOTE_SCRIPT[kind], { settings: { wua: { assumRemote: true, assumeRemote: "yes", localNames: "SRV-01" } } });
      const [message, ...others] = settingsMessages(messages);
      expect(others).toEqual([]);
      expect(message!.message).toContain("settings.wua.assumRemote");
      expect(message!.message).toContain("settings.wua.assumeRemote");
      expect(message!.message).toContain("settings.wua.localNames");
    });

    it.each(Object.keys(rules))("is reported by %s when it is the only wua rule", (rule) => {
      const messages = lintAs(kind, LOCAL_SCRIPT[kind], { settings: { wua: { assumeRemote: "yes" } }, rules: { [`wua/${rule}`]: "warn" } });
      expect(messages.map((m) => `${m.ruleId}:${m.messageId}@${m.line}:${m.column}:${m.severity}`)).toEqual([`wua/${rule}:invalidSettings@1:1:1`]);
    });

    it.each([
      ["no settings", {}],
      ["settings of other plugins", { react: { version: "18" } }],
      ["every setting valid", { wua: { assumeRemote: false, localNames: ["ADMIN-WS01"] } }],
      ["an empty settings.wua", { wua: {} }],
      ["a setting left undefined", { wua: { assumeRemote: undefined } }],
    ])("gives no message with %s", (_, settings) => {
      expect(lintAs(kind, LOCAL_SCRIPT[kind], { settings })).toEqual([]);
    });
  });

  it("gives one message for a .wsf file whose jobs ESLint lints as separate files", () => {
    const job = '<job><script language="JScript">\nvar s = new ActiveXObject("Microsoft.Update.Session"); s.CreateUpdateInstaller();\n</script></job>\n';
    const messages = lintAs("wsf", `<package>\n${job}${job}${job}</package>\n`, { settings: { wua: { assumeRemote: "yes" } } });
    expect(messages.map((m) => `${m.messageId}@${m.line}:${m.column}`)).toEqual(["invalidSettings@1:1"]);
  });

  it("gives the message again when the same source code is linted again", () => {
    const linter = new Linter({ configType: "flat" });
    const config = configFor({ settings: { wua: { assumeRemote: "yes" } } });
    const first = linter.verify(LOCAL_SCRIPT.js, config, { filename: "script.js" });
    const again = linter.verify(linter.getSourceCode()!, config, { filename: "script.js" });
    expect(settingsMessages(again)).toEqual(settingsMessages(first));
    expect(settingsMessages(again)).toHaveLength(1);
  });
});

describe("eslint-disable directives and settings.wua mistakes", () => {
  const settings = { wua: { assumRemote: true } };

  it.each([
    ["js", "/* eslint-disable */\n"],
    ["js", "// eslint-disable-line\n"],
    ["js", "// eslint-disable-line wua/no-remote-unavailable-member -- the reporting rule\n"],
    ["ps1", "<# eslint-disable #>\n"],
    ["ps1", "# eslint-disable-line\n"],
  ] as [Kind, string][])("a .%s file silences the message with %j", (kind, directive) => {
    // ESLint's type declarations leave out getSuppressedMessages, which the Linter has.
    const linter = new Linter({ configType: "flat" }) as Linter & { getSuppressedMessages(): Linter.SuppressedLintMessage[] };
    const config = configFor({ settings, linterOptions: { reportUnusedDisableDirectives: "error" } });
    const messages = linter.verify(directive + LOCAL_SCRIPT[kind], config, { filename: `script.${kind}` });
    expect(settingsMessages(messages)).toEqual([]);
    expect(messages.filter((m) => m.message.includes("Unused eslint-disable"))).toEqual([]);
    expect(settingsMessages(linter.getSuppressedMessages())).toHaveLength(1);
  });

  it("is not silenced by a directive for a wua rule that did not report it", () => {
    const code = `// eslint-disable-line wua/no-ignored-location\n${LOCAL_SCRIPT.js}`;
    const messages = lintAs("js", code, { settings });
    expect(messages.map((m) => `${m.ruleId}:${m.messageId}`)).toEqual(["wua/no-remote-unavailable-member:invalidSettings", "null:undefined"]);
    // ESLint's default ("warn") reports the directive as unused: it silenced nothing.
    expect(messages[1]!.message).toContain("Unused eslint-disable directive");
  });

  it("leaves a directive that only silenced it unused once the settings are corrected", () => {
    const code = `// eslint-disable-line\n${LOCAL_SCRIPT.js}`;
    const options = { linterOptions: { reportUnusedDisableDirectives: "error" as const } };
    expect(lintAs("js", code, { settings, ...options })).toEqual([]);
    const corrected = lintAs("js", code, { settings: { wua: { assumeRemote: true } }, ...options });
    expect(corrected.map((m) => m.message)).toEqual([expect.stringContaining("Unused eslint-disable directive"), expect.stringContaining("CreateUpdateInstaller")]);
  });
});

describe("the allow option of no-remote-unlisted-member", () => {
  /** A member of IUpdateSession3, which neither of Microsoft's lists names. */
  const UNLISTED: Record<Kind, string> = {
    js: 'var s = new ActiveXObject("Microsoft.Update.Session", "SRV-01");\ns.QueryHistory("", 0, 10);\n',
    ps1: '$s = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", "SRV-01"))\n$s.QueryHistory("", 0, 10)\n',
    wsf: '<job><script language="JScript">\nvar s = new ActiveXObject("Microsoft.Update.Session", "SRV-01"); s.QueryHistory("", 0, 10);\n</script></job>\n',
  };
  const withAllow = (allow: string[]): LintSetup => ({ rules: { "wua/no-remote-unlisted-member": ["error", { allow }] } });

  const MISTAKES: [string, string[]][] = [
    ["IUpdat", ['"IUpdat" is not a WUA interface. Did you mean IUpdate?']],
    ["IUpdate.Titel", ['"IUpdate.Titel": IUpdate has no member Titel. Did you mean IUpdate.Title?']],
    ["IUpdate5.Title", ['"IUpdate5.Title": IUpdate5 inherits Title from IUpdate', "write IUpdate.Title."]],
    ["IUpdate.BrowseOnly", ["IUpdate does not have BrowseOnly", "write IUpdate3.BrowseOnly and IWindowsDriverUpdate3.BrowseOnly."]],
    ["QueryHistory", ['"QueryHistory" is a member, not an interface', "IUpdateSearcher.QueryHistory or IUpdateSession3.QueryHistory"]],
    ["Session.Query.History", ['"Session.Query.History" is neither a WUA interface nor an interface and one of its members.']],
    ["", ['"" is not a WUA interface.']],
  ];

  describe.each(KINDS)("in a .%s file", (kind) => {
    it.each(MISTAKES)("%j gets one message at line 1 naming the entry and what is allowed", (entry, expectedTexts) => {
      const messages = lintAs(kind, UNLISTED[kind], withAllow([entry]));
      const [message, ...others] = optionMessages(messages);
      expect(others).toEqual([]);
      expect(message).toMatchObject({ ruleId: "wua/no-remote-unlisted-member", line: 1, column: 1 });
      for (const text of expectedTexts) expect(message!.message).toContain(text);
      expect(message!.message).toContain("an interface and a member it declares (IUpdateSession3.QueryHistory)");
      expect(message!.message).toContain("no-remote-unlisted-member.md#allow");
      // The entry allows nothing, so the unlisted member is still reported.
      expect(messages.map((m) => m.messageId)).toEqual(["invalidOption", "unlisted"]);
    });

    it("names every wrong entry in one message and applies the right ones", () => {
      const messages = lintAs(kind, UNLISTED[kind], withAllow(["IUpdat", "iupdatesession3.queryhistory", "IUpdate.Titel"]));
      expect(messages.map((m) => m.messageId)).toEqual(["invalidOption"]);
      expect(messages[0]!.message).toContain('"IUpdat"');
      expect(messages[0]!.message).toContain('"IUpdate.Titel"');
      expect(messages[0]!.message).not.toContain("iupdatesession3.queryhistory");
    });

    it.each([["IUpdateSession3"], ["iupdatesession3"], ["IUpdateSession3.QueryHistory"], ["IUPDATESESSION3.queryhistory"]])(
      "accepts %j, in any case",
      (entry) => {
        expect(lintAs(kind, UNLISTED[kind], withAllow([entry]))).toEqual([]);
      },
    );
  });

  it("gives one message for a .wsf file of several jobs, next to the one for settings.wua", () => {
    const job = '<job><script language="JScript">\nvar s = new ActiveXObject("Microsoft.Update.Session"); s.QueryHistory("", 0, 1);\n</script></job>\n';
    const messages = lintAs("wsf", `<package>\n${job}${job}</package>\n`, { ...withAllow(["IUpdat"]), settings: { wua: { asumeRemote: true } } });
    expect(messages.map((m) => `${m.ruleId}:${m.messageId}@${m.line}`)).toEqual([
      "wua/no-remote-unlisted-member:invalidOption@1",
      "wua/no-remote-unlisted-member:invalidSettings@1",
    ]);
  });
});

describe("through the ESLint class", () => {
  const eslintWith = (settings: Record<string, unknown>): ESLint =>
    new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: configFor({ settings }) });

  it.each(KINDS)("reports a settings.wua mistake once in a .%s file, with every rule on", async (kind) => {
    const [result] = await eslintWith({ wua: { localNames: "ADMIN-WS01" } }).lintText(REMOTE_SCRIPT[kind], { filePath: `${root}configuration-check.${kind}` });
    expect(result!.messages.map((m) => `${m.messageId}@${m.line}:${m.column}`)).toEqual(["invalidSettings@1:1", `unavailable@${FINDING_LINE[kind]}:${result!.messages[1]!.column}`]);
    expect(result!.messages[0]!.message).toContain('settings.wua.localNames is "ADMIN-WS01"; it takes a list of computer names, such as ["ADMIN-WS01"].');
  });

  it("reports nothing about valid settings", async () => {
    const results = await Promise.all(
      KINDS.map((kind) => eslintWith({ wua: { assumeRemote: false } }).lintText(LOCAL_SCRIPT[kind], { filePath: `${root}configuration-check.${kind}` })),
    );
    expect(results.flat().flatMap((r) => r.messages)).toEqual([]);
  });
});

describe("every wua rule", () => {
  it.each(Object.entries(rules))("%s declares the shared invalidSettings message", (_, rule) => {
    expect(rule.meta.messages.invalidSettings).toBe(rules["no-remote-unavailable-member"].meta.messages.invalidSettings);
  });
});
