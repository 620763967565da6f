/**
 * What wua-lint reads and how it answers mistakes, as a user runs it (built by `npm test` before
 * Vitest): files saved as UTF-16 or UTF-32, script files it does not lint, ESLint's short flags,
 * options it does not have, and messages under --assume-remote.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { wuaLint } from "./run-wua-lint.js";

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string }[];
}

/** `file line:column rule` for each message, files by name. */
function summary(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonResult[]).flatMap((result) =>
    result.messages.map((m) => `${result.filePath.split(/[\\/]/u).at(-1)} ${m.line}:${m.column} ${m.ruleId}`),
  );
}

const folder = mkdtempSync(join(tmpdir(), "wua-lint-input-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function newFolder(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(folder, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

const utf16le = (text: string): Buffer => Buffer.from(text, "utf16le");
const utf16be = (text: string): Buffer => utf16le(text).swap16();
const withMark = (mark: number[], bytes: Buffer): Buffer => Buffer.concat([Buffer.from(mark), bytes]);

function utf32(text: string, littleEndian: boolean): Buffer {
  const codePoints = [0xfeff, ...Array.from(text, (char) => char.codePointAt(0)!)];
  const bytes = Buffer.alloc(codePoints.length * 4);
  codePoints.forEach((codePoint, i) => (littleEndian ? bytes.writeUInt32LE(codePoint, i * 4) : bytes.writeUInt32BE(codePoint, i * 4)));
  return bytes;
}

// Each hides one finding on its last code line; the é and 😀 check that columns count UTF-16 units.
const JS = 'var s = new ActiveXObject("Microsoft.Update.Session", "SRV-01"); // é 😀\r\n/* 😀 */ s.CreateUpdateInstaller();\r\n';
const PS1 = 'param($c) # é 😀\r\n$s = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", $c))\r\n<# 😀 #> $s.CreateUpdateInstaller()\r\n';
const WSF = `<job id="main">\r\n<script language="JScript">\r\n${JS}</script>\r\n</job>\r\n`;
const HTA = `<html><head><script type="text/javascript">\r\n${JS}</script></head></html>\r\n`;

describe("wua-lint reads scripts saved as UTF-16 or UTF-32", () => {
  it("finds what each hides, at the columns of the decoded text, in every language and byte order", () => {
    const dir = newFolder("unicode", {
      "notepad.js": withMark([0xff, 0xfe], utf16le(JS)),
      "be.js": withMark([0xfe, 0xff], utf16be(JS)),
      "utf32.js": utf32(JS, true),
      "utf32be.js": utf32(JS, false),
      "ise.ps1": withMark([0xff, 0xfe], utf16le(PS1)),
      "nomark.ps1": utf16le(PS1),
      "nomark-be.ps1": utf16be(PS1),
      "module.psm1": utf32(PS1, true),
      "job.wsf": withMark([0xff, 0xfe], utf16le(WSF)),
      "page.hta": utf16be(HTA),
    });
    const { status, stdout, stderr } = wuaLint(["--format", "json", "."], dir);
    expect(stderr).toBe("");
    expect(status).toBe(1);
    expect(summary(stdout).sort()).toEqual(
      [
        "be.js 2:12 wua/no-remote-unavailable-member",
        "ise.ps1 3:13 wua/no-remote-unavailable-member",
        "job.wsf 4:12 wua/no-remote-unavailable-member",
        "module.psm1 3:13 wua/no-remote-unavailable-member",
        "nomark-be.ps1 3:13 wua/no-remote-unavailable-member",
        "nomark.ps1 3:13 wua/no-remote-unavailable-member",
        "notepad.js 2:12 wua/no-remote-unavailable-member",
        "page.hta 3:12 wua/no-remote-unavailable-member",
        "utf32.js 2:12 wua/no-remote-unavailable-member",
        "utf32be.js 2:12 wua/no-remote-unavailable-member",
      ].sort(),
    );
  });

  it("leaves UTF-8 files, with or without a mark, and binary files to ESLint's own reading", () => {
    const binary = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256));
    const dir = newFolder("utf8", {
      "plain.js": JS,
      "marked.ps1": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PS1)]),
      "noise.js": binary,
    });
    const { stdout } = wuaLint(["--format", "json", "."], dir);
    const lines = summary(stdout);
    expect(lines).toContain("plain.js 2:12 wua/no-remote-unavailable-member");
    expect(lines).toContain("marked.ps1 3:13 wua/no-remote-unavailable-member");
    expect(lines.filter((line) => line.startsWith("noise.js"))).toEqual([expect.stringMatching(/^noise\.js \d+:\d+ null$/u)]);
  });
});

describe("wua-lint names the script files it does not lint", () => {
  it("lists them once at the end, on standard error, and keeps a JSON report whole", () => {
    const dir = newFolder("skipped", {
      "a.js": 'var s = new ActiveXObject("Microsoft.Update.Session");\n',
      "patch.vbs": 'Set s = CreateObject("Microsoft.Update.Session", strComputer)\n',
      "sub/run.bat": "@echo off\r\ncscript //nologo patch.vbs\r\n",
      "sub/RUN2.CMD": "@echo off\r\n",
      "node_modules/pkg/x.vbs": "' a dependency's file\n",
    });
    const { status, stdout, stderr } = wuaLint(["--format", "json", "."], dir);
    expect(status).toBe(0);
    expect(summary(stdout)).toEqual([]);
    // VBScript is linted; batch files are, when they run themselves as VBScript (these do not).
    expect((JSON.parse(stdout) as JsonResult[]).map((result) => result.filePath.slice(dir.length + 1))).toEqual(["a.js", "patch.vbs"]);
    expect(stderr.trimEnd().split("\n")).toEqual([
      "wua-lint: 2 files skipped, not linted: 2 batch files without a VBScript launcher (.bat, .cmd)",
      "  sub/RUN2.CMD",
      "  sub/run.bat",
    ]);
  });

  it("treats a folder of nothing but unlinted scripts as linted, not as a usage error", () => {
    const dir = newFolder("only-vbe", { "one.vbe": "#@~^CAAAAA==\n", "two.vbe": "#@~^CAAAAA==\n" });
    const { status, stdout, stderr } = wuaLint(["."], dir);
    expect(stdout).toBe("");
    expect(stderr).toBe("wua-lint: 2 files skipped, not linted: 2 encoded VBScript (.vbe)\n  one.vbe\n  two.vbe\n");
    expect(status).toBe(0);
  });

  it("names an unlinted file given by name instead of ESLint's 'no matching configuration' warning", () => {
    const dir = newFolder("named", { "one.vbe": "#@~^CAAAAA==\n" });
    const { status, stdout, stderr } = wuaLint(["--format", "json", "one.vbe"], dir);
    expect(JSON.parse(stdout)).toEqual([]);
    expect(stderr).toContain("1 file skipped, not linted: 1 encoded VBScript (.vbe)");
    expect(status).toBe(0);
  });

  it("still stops on a path that does not exist, beside a folder of unlinted scripts", () => {
    const dir = newFolder("missing", { "only/one.vbe": "#@~^CAAAAA==\n" });
    const { status, stderr } = wuaLint(["only", "nowhere"], dir);
    expect(status).toBe(2);
    expect(stderr).toContain("wua-lint: No files matching 'nowhere' were found.");
  });

  it("counts the rest beyond the first ten", () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`s${String(i).padStart(2, "0")}.bat`, "@echo off\n"]));
    const { stderr } = wuaLint(["."], newFolder("many", files));
    const lines = stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("wua-lint: 12 files skipped, not linted: 12 batch files without a VBScript launcher (.bat)");
    expect(lines.slice(1, 11)).toEqual(Array.from({ length: 10 }, (_, i) => `  s${String(i).padStart(2, "0")}.bat`));
    expect(lines[11]).toBe("  and 2 more");
  });
});

describe("wua-lint's command line", () => {
  const remote = newFolder("flags", { "r.js": 'var s = new ActiveXObject("Microsoft.Update.Session", "SRV");\ns.CreateUpdateInstaller();\n' });

  it("takes ESLint's short flags -f, -o, -h and -v", () => {
    const report = join(remote, "out.json");
    expect(wuaLint(["-f", "json", "-o", report, "r.js"], remote)).toMatchObject({ status: 1, stdout: "" });
    expect(wuaLint(["-f", "json", "r.js"], remote).stdout).toContain('"ruleId":"wua/no-remote-unavailable-member"');
    expect(wuaLint(["-h"], remote).stdout).toContain("-f, --format <name>");
    expect(wuaLint(["-v"], remote).stdout).toMatch(/^\d+\.\d+\.\d+/u);
  });

  it.each([
    [["-x"], 'wua-lint: Unknown option -x. A path that starts with "-" goes after "--": wua-lint -- -x'],
    [["--colour"], 'wua-lint: Unknown option --colour. A path that starts with "-" goes after "--": wua-lint -- --colour'],
    [["-c", "eslint.config.js"], "wua-lint: -c is an eslint option that wua-lint does not take: wua-lint uses its own configuration; to lint with an eslint.config.js, run eslint with the plugin."],
    [["--fix"], "wua-lint: --fix is an eslint option that wua-lint does not take: wua-lint does not change files; its suggested edits are offered in editors through ESLint."],
    [["--format"], "wua-lint: --format needs a value."],
    [["-o"], "wua-lint: --output-file needs a value."],
    [["--strict=yes"], "wua-lint: --strict takes no value."],
  ])("answers %j with one line and the hint to --help, exit code 2", (args, first) => {
    const { status, stdout, stderr } = wuaLint(args, remote);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`${first}\nRun wua-lint --help for the options.\n`);
    // Node's own wording left a quote open: every quote is closed.
    expect((stderr.match(/"/gu) ?? []).length % 2).toBe(0);
  });

  it("a path that starts with a dash is read after --", () => {
    const dir = newFolder("dash", { "-odd.js": 'new ActiveXObject("Microsoft.Update.Session", "SRV").CreateUpdateInstaller();\n' });
    expect(wuaLint(["-f", "json", "--", "-odd.js"], dir)).toMatchObject({ status: 1 });
  });

  it("under --assume-remote the message names the flag the user typed, in every language", () => {
    const dir = newFolder("assume", {
      "local.js": 'var s = new ActiveXObject("Microsoft.Update.Session");\ns.CreateUpdateInstaller();\n',
      "local.ps1": "$s = New-Object -ComObject Microsoft.Update.Session\n$s.CreateUpdateInstaller()\n",
    });
    const { stdout } = wuaLint(["--assume-remote", "-f", "json", "."], dir);
    const messages = (JSON.parse(stdout) as JsonResult[]).flatMap((result) => result.messages.map((m) => m.message));
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message).toContain("in a file linted with wua-lint --assume-remote");
      expect(message).not.toContain("settings.wua");
    }
  });
});
