/** `.wsf` and `.hta` files through the real `Linter` with the plugin's recommended config. */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";

const config = [...plugin.configs.recommended] as Linter.Config[];

function lint(text: string, filename: string): Linter.LintMessage[] {
  return new Linter({ configType: "flat" }).verify(text, config, { filename });
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

const WSF = `<?xml version="1.0"?>
<package>
  <job id="inventory">
    <script language="JScript"><![CDATA[
      var s = new ActiveXObject("Microsoft.Update.Session", "SRV-01");
    ]]></script>
    <script language="VBScript">
      Set x = CreateObject("Scripting.Dictionary")
    </script>
    <script language="JScript">
      var installer = s.CreateUpdateInstaller();
    </script>
  </job>
  <job id="local">
    <script language="JScript">
      s.CreateUpdateInstaller();
      var t = new ActiveXObject("Microsoft.Update.Session");
      t.CreateUpdateInstaller();
    </script>
  </job>
</package>
`;

describe(".wsf", () => {
  it("reports at the original line and column, following objects across blocks of one job", () => {
    expect(summary(lint(WSF, "patch.wsf"))).toEqual(["wua/no-remote-unavailable-member@11:25"]);
  });

  it("keeps jobs apart: an object of one job does not reach another", () => {
    const messages = lint(WSF, "patch.wsf");
    expect(messages.every((m) => m.line < 14)).toBe(true);
  });

  it("applies the suggestion to the original file, which stays valid", () => {
    const [message] = lint(WSF, "patch.wsf");
    const fixed = applySuggestion(WSF, message!);
    expect(fixed).toContain('new ActiveXObject("Microsoft.Update.Session");\n    ]]></script>');
    expect(fixed.replace('"Microsoft.Update.Session");\n    ]]>', "")).not.toContain('"SRV-01"');
    expect(lint(fixed, "patch.wsf")).toEqual([]);
  });

  it("applies a suggestion with a CRLF file and CDATA at the original offsets", () => {
    const crlf = WSF.replaceAll("\n", "\r\n");
    const [message] = lint(crlf, "patch.wsf");
    expect(summary([message!])).toEqual(["wua/no-remote-unavailable-member@11:25"]);
    expect(applySuggestion(crlf, message!)).toBe(crlf.replace(', "SRV-01")', ")"));
  });

  it("skips external scripts and VBScript, and says when a block is encoded", () => {
    const text = `<job><script language="JScript" src="lib.js"/><script language="VBScript">Dim a</script>
<script language="JScript.Encode">#@~^CAAAAA==...</script></job>`;
    const messages = lint(text, "x.wsf");
    expect(summary(messages)).toEqual(["processor@2:1"]);
    expect(messages[0]!.severity).toBe(1);
    expect(messages[0]!.message).toContain("JScript.Encode");
  });

  it("gives one clear message for malformed files and never crashes", () => {
    const unclosed = lint('<job><script language="JScript">\nvar s = new ActiveXObject("Microsoft.Update.Session", "S");\n', "a.wsf");
    expect(summary(unclosed)).toEqual(["processor@1:6"]);
    expect(unclosed[0]!.message).toContain("never closed");
    const badCdata = lint('<job><script language="JScript"><![CDATA[\nvar a = 1;\n</script></job>', "b.wsf");
    expect(summary(badCdata)).toEqual(["processor@1:33"]);
    expect(badCdata[0]!.message).toContain("CDATA");
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>\n<job><script language="JScript">var x = "&lol2;";</script></job>`;
    expect(lint(laughs, "c.wsf")).toEqual([]);
    expect(lint("<job><<<>>></script><script", "d.wsf").filter((m) => m.fatal)).toEqual([]);
    expect(lint("", "e.wsf")).toEqual([]);
  });

  it("reports a JavaScript parse error in a block at its original position", () => {
    const messages = lint('<job>\n<script language="JScript">\nvar = ;\n</script></job>', "f.wsf");
    expect(messages).toHaveLength(1);
    expect(messages[0]!.fatal).toBe(true);
    expect(messages[0]!.line).toBe(3);
  });
});

describe(".hta", () => {
  const HTA = `<html>
<head>
<hta:application id="patcher" />
<script language="VBScript">
Sub Window_OnLoad : End Sub
</script>
<script type="text/javascript">
var session = new ActiveXObject("Microsoft.Update.Session", serverBox.value);
</script>
</head>
<body>
<script>
function hide(u) { u.IsHidden = true; }
hide(session.CreateUpdateSearcher().Search("IsInstalled=0").Updates.Item(0));
</script>
</body>
</html>
`;

  it("follows objects across the blocks of one page and reports at original positions", () => {
    expect(summary(lint(HTA, "patcher.hta"))).toEqual(["wua/no-remote-ishidden-write@13:22"]);
  });

  it("offers the suggestion on the original text", () => {
    const [message] = lint(HTA, "patcher.hta");
    expect(applySuggestion(HTA, message!)).toBe(HTA.replace(", serverBox.value)", ")"));
  });
});

describe("files saved as UTF-16 or UTF-32, as ESLint reads them (UTF-8)", () => {
  const misread = (bytes: Buffer): string => new TextDecoder("utf-8").decode(bytes);
  const job = '<job><script language="JScript">\r\nnew ActiveXObject("Microsoft.Update.Session", "SRV").CreateUpdateInstaller();\r\n</script></job>\r\n';
  const utf32 = (text: string): Buffer => {
    const bytes = Buffer.alloc((text.length + 1) * 4);
    [0xfeff, ...Array.from(text, (c) => c.codePointAt(0)!)].forEach((codePoint, i) => bytes.writeUInt32LE(codePoint, i * 4));
    return bytes;
  };

  it.each([
    ["UTF-16 LE with a BOM", "a.wsf", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(job, "utf16le")])],
    ["UTF-16 BE with a BOM", "b.hta", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(job, "utf16le").swap16()])],
    ["UTF-16 LE without a BOM", "c.wsf", Buffer.from(job, "utf16le")],
    ["UTF-32 LE", "d.hta", utf32(job)],
  ])("%s gets one message saying so, never a silent pass", (_, filename, bytes) => {
    const messages = lint(misread(bytes), filename);
    expect(summary(messages)).toEqual(["processor@1:1"]);
    expect(messages[0]!.severity).toBe(2);
    expect(messages[0]!.message).toBe(
      'wua: This file could not be read: it looks saved as UTF-16 ("Unicode") or UTF-32, and ESLint reads files as UTF-8. wua rules did not check it. Save the file as UTF-8 (with or without a BOM), or lint it with wua-lint, which reads UTF-16 and UTF-32.',
    );
  });

  it("the same file in UTF-8 is linted", () => {
    expect(summary(lint(job, "a.wsf"))).toEqual(["wua/no-remote-unavailable-member@2:54"]);
  });
});
