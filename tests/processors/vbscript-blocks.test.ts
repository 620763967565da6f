/**
 * The VBScript blocks of `.wsf` jobs and `.hta` pages, handed to the plugin's VBScript language as
 * virtual `.vbs` files (one per job or page, beside its `.js` file), through the real `Linter` and
 * `ESLint` classes with the plugin's configs: positions, suggestions and directives in the original
 * file, and the one message a file gets for its configuration or its encoding.
 */
import { ESLint, Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";

const config = [...plugin.configs.recommended] as Linter.Config[];

/**
 * `Linter` lints only the `.js` blocks of a processor unless told otherwise; the `ESLint` class
 * (the CLI, editors) lints every block some config matches, as this does.
 */
function lint(text: string, filename: string, configs: Linter.Config[] = config): Linter.LintMessage[] {
  return new Linter({ configType: "flat" }).verify(text, configs, { filename, filterCodeBlock: () => true });
}

function summary(messages: readonly Linter.LintMessage[]): string[] {
  return messages.map((m) => `${m.ruleId ?? "processor"}@${m.line}:${m.column}`);
}

/** What the file becomes once a suggestion's edit is applied to the original text. */
function applySuggestion(text: string, message: Linter.LintMessage): string {
  const fix = message.suggestions?.[0]?.fix;
  if (!fix) throw new Error("no suggestion");
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: config });

async function lintWithESLint(text: string, filePath: string): Promise<ESLint.LintResult> {
  const [result] = await eslint.lintText(text, { filePath });
  return result!;
}

// A job that mixes the languages, VBScript first; its objects live in the blocks of one language.
const WSF = `<?xml version="1.0"?>
<package>
  <job id="install">
    <script language="VBScript"><![CDATA[
      Set s = CreateObject("Microsoft.Update.Session", "SRV-01")
    ]]></script>
    <script language="JScript">
      var t = new ActiveXObject("Microsoft.Update.Session", "SRV-02");
    </script>
    <script LANGUAGE="vbScript">
      Set i = s.CreateUpdateInstaller()
    </script>
    <script language="JScript">
      t.CreateUpdateDownloader();
    </script>
  </job>
  <job id="other">
    <script type="text/vbscript">
      s.CreateUpdateInstaller
      Set u = CreateObject("Microsoft.Update.Session")
      u.CreateUpdateInstaller
    </script>
  </job>
</package>
`;

describe("VBScript blocks of .wsf jobs", () => {
  it("reports each language at the original line and column, following objects across the blocks of a job", () => {
    expect(summary(lint(WSF, "patch.wsf"))).toEqual(["wua/no-remote-unavailable-member@11:17", "wua/no-remote-unavailable-member@14:9"]);
  });

  it("hands over one virtual file per language of each job, at the file's own offsets", () => {
    const processor = plugin.processors.wsf;
    const blocks = processor.preprocess!(WSF, "offsets.wsf") as { text: string; filename: string }[];
    processor.postprocess!([], "offsets.wsf");
    expect(blocks.map((block) => block.filename)).toEqual(["job1-install.vbs", "job1-install.js", "job2-other.vbs"]);
    for (const { text, filename } of blocks) {
      expect(text.length, filename).toBe(WSF.length);
      // Line breaks stay where they are; every other character is the file's own or a blank.
      for (let i = 0; i < WSF.length; i++) {
        if (WSF[i] === "\n" || text[i] !== " ") expect(text[i], `${filename} at ${i}`).toBe(WSF[i]);
      }
    }
    const [vbs, js] = blocks;
    expect(vbs!.text).toContain('      Set s = CreateObject("Microsoft.Update.Session", "SRV-01")\n');
    expect(vbs!.text).not.toContain("CDATA");
    expect(vbs!.text).not.toContain("ActiveXObject");
    expect(js!.text).not.toContain("CreateObject");
  });

  it("accepts the engine's names in any case, and the type attribute", () => {
    const job = (open: string): string => `<job>\n${open}\nSet s = CreateObject("Microsoft.Update.Session", "SRV")\ns.CreateUpdateInstaller\n</script></job>\n`;
    for (const open of ['<script language="VBScript">', '<script language="VBS">', '<SCRIPT Language="vbscript">', '<script type="text/vbscript">', '<script type="TEXT/VBSCRIPT">']) {
      expect(summary(lint(job(open), "a.wsf")), open).toEqual(["wua/no-remote-unavailable-member@4:3"]);
    }
    // An engine that is neither: not handed to either language.
    expect(lint(job('<script language="PerlScript">'), "b.wsf")).toEqual([]);
  });

  it("applies the suggestion to the original file, which stays valid, with CRLF line ends too", () => {
    for (const text of [WSF, WSF.replaceAll("\n", "\r\n")]) {
      const [vbscript] = lint(text, "patch.wsf");
      const fixed = applySuggestion(text, vbscript!);
      expect(fixed).toBe(text.replace('"Microsoft.Update.Session", "SRV-01")', '"Microsoft.Update.Session")'));
      expect(summary(lint(fixed, "patch.wsf"))).toEqual(["wua/no-remote-unavailable-member@14:9"]);
    }
  });

  it("reads eslint-disable comments of a VBScript block at their lines in the file", async () => {
    const disabled = WSF.replace("      Set i = s.", "      ' eslint-disable-next-line wua/no-remote-unavailable-member -- runs on SRV-01\n      Set i = s.");
    const result = await lintWithESLint(disabled, "disabled.wsf");
    expect(summary(result.messages)).toEqual(["wua/no-remote-unavailable-member@15:9"]);
    expect(summary(result.suppressedMessages)).toEqual(["wua/no-remote-unavailable-member@12:17"]);
    expect(result.suppressedMessages[0]!.suppressions).toEqual([{ kind: "directive", justification: "runs on SRV-01" }]);
  });

  it("reports a VBScript syntax error of a block at its position in the file, and still lints the rest", () => {
    const text = '<job>\n<script language="VBScript">\nSet s = CreateObject("Microsoft.Update.Session", "SRV")\nSet = 1\ns.CreateUpdateInstaller\n</script>\n</job>\n';
    const messages = lint(text, "broken.wsf");
    expect(summary(messages)).toEqual(["processor@4:5", "wua/no-remote-unavailable-member@5:3"]);
    expect(messages[0]!.message).toMatch(/^VBScript cannot run this file: Expected identifier \(800A03F2\) at line 4, column 5\./u);
  });

  it("says when a VBScript.Encode block cannot be read, as for JScript.Encode", () => {
    const text = '<job><script language="VBScript.Encode">#@~^CAAAAA==...</script>\n<script language="jscript.encode">#@~^</script></job>';
    const messages = lint(text, "encoded.wsf");
    expect(summary(messages)).toEqual(["processor@1:6", "processor@2:1"]);
    expect(messages.map((m) => [m.severity, m.message])).toEqual([
      [1, "wua: This VBScript.Encode block is encoded and cannot be read, so it was not linted."],
      [1, "wua: This JScript.Encode block is encoded and cannot be read, so it was not linted."],
    ]);
  });

  it("leaves <!-- in a .wsf job as code: only an .hta page's host makes VBScript read it as a comment", () => {
    const text = '<job>\n<script language="VBScript">\n<!--\nWScript.Echo 1\n</script>\n</job>\n';
    expect(summary(lint(text, "comments.wsf"))).toEqual(["processor@3:1"]);
  });
});

describe("mistakes in settings.wua are reported once per file, whichever language comes first", () => {
  const wrongSettings: Linter.Config[] = [...config, { settings: { wua: { assumeRemote: "yes" } } }];

  it.each([
    ["a VBScript block first", WSF],
    ["a JScript block first", WSF.replace('<script language="VBScript"><![CDATA[', '<script language="JScript">//</script><script language="VBScript"><![CDATA[')],
    ["an .hta page with both", '<html><script language="VBScript">\nx = 1\n</script><script>var y = 1;</script></html>\n'],
  ])("%s", (_, text) => {
    const filename = text.startsWith("<html>") ? "page.hta" : "jobs.wsf";
    const settingsMessages = lint(text, filename, wrongSettings).filter((m) => m.messageId === "invalidSettings");
    expect(settingsMessages).toHaveLength(1);
    expect(settingsMessages[0]!.line).toBe(1);
    expect(settingsMessages[0]!.message).toContain("settings.wua.assumeRemote");
  });
});

describe("VBScript blocks of .hta pages", () => {
  const HTA = `<html>
<head>
<hta:application id="console" />
<script language="VBScript">
<!--
Dim objSession
Sub Connect
  Set objSession = CreateObject("Microsoft.Update.Session", "SRV-01")
End Sub
Sub Install
  objSession.CreateUpdateInstaller.Install
End Sub
-->
</script>
<script type="text/javascript">
var session = new ActiveXObject("Microsoft.Update.Session", serverName.value);
session.CreateUpdateInstaller();
</script>
</head>
<body><button onclick="Install">Install</button></body>
</html>
`;

  it("reads <!-- and --> lines as comments, as VBScript does in HTML, and reports both languages in place", () => {
    expect(summary(lint(HTA, "console.hta"))).toEqual(["wua/no-remote-unavailable-member@11:14", "wua/no-remote-unavailable-member@17:9"]);
  });

  it("hands over the page as one .vbs and one .js virtual file", () => {
    const processor = plugin.processors.hta;
    const blocks = processor.preprocess!(HTA, "names.hta") as { text: string; filename: string }[];
    processor.postprocess!([], "names.hta");
    expect(blocks.map((block) => block.filename)).toEqual(["page.vbs", "page.js"]);
    expect(blocks[0]!.text).not.toMatch(/<!--|-->/u);
  });

  it("offers the suggestion on the original text", () => {
    const [vbscript] = lint(HTA, "console.hta");
    const fixed = applySuggestion(HTA, vbscript!);
    expect(fixed).toBe(HTA.replace('CreateObject("Microsoft.Update.Session", "SRV-01")', 'CreateObject("Microsoft.Update.Session")'));
    expect(summary(lint(fixed, "console.hta"))).toEqual(["wua/no-remote-unavailable-member@17:9"]);
  });
});

describe("files with a byte-order mark or saved as UTF-16", () => {
  it("keeps positions and suggestion ranges of both languages right after a UTF-8 byte-order mark", async () => {
    const plain = await lintWithESLint(WSF, "plain.wsf");
    const marked = await lintWithESLint(`\uFEFF${WSF}`, "marked.wsf");
    expect(summary(marked.messages)).toEqual(summary(plain.messages));
    // ESLint applies ranges to the text without its mark, as it does for any file.
    for (const message of marked.messages) {
      const fixed = applySuggestion(WSF, message);
      expect(fixed).not.toBe(WSF);
      expect(lint(fixed, "fixed.wsf").filter((m) => m.ruleId === null)).toEqual([]);
    }
    expect(marked.messages.map((m) => m.suggestions?.[0]?.fix.range)).toEqual(plain.messages.map((m) => m.suggestions?.[0]?.fix.range));
  });

  it("gives a UTF-16 .wsf with a VBScript job one message, as ESLint reads it (UTF-8)", () => {
    const job = '<job><script language="VBScript">\r\nSet s = CreateObject("Microsoft.Update.Session", "SRV")\r\ns.CreateUpdateInstaller\r\n</script></job>\r\n';
    const misread = new TextDecoder("utf-8").decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(job, "utf16le")]));
    const messages = lint(misread, "unicode.wsf");
    expect(summary(messages)).toEqual(["processor@1:1"]);
    expect(messages[0]!.message).toContain('it looks saved as UTF-16 ("Unicode") or UTF-32');
    expect(summary(lint(job, "utf8.wsf"))).toEqual(["wua/no-remote-unavailable-member@3:3"]);
  });
});
