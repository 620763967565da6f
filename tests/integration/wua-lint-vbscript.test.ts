/**
 * wua-lint on VBScript as a user runs it (built by `npm test` before Vitest): `.vbs` files, the
 * VBScript jobs of `.wsf` files and batch files that run themselves as VBScript are linted with no
 * config; other batch files are named at the end; Notepad's UTF-16 ("Unicode") `.vbs` files are
 * decoded, where plain ESLint gives them one clear message.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ESLint, type Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { root, wuaLint } from "./run-wua-lint.js";

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string }[];
}

/** `file line:column rule` for each message, files by name; files without messages as `file -`. */
function summary(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonResult[]).flatMap((result) => {
    const name = result.filePath.split(/[\\/]/u).at(-1)!;
    return result.messages.length === 0 ? [`${name} -`] : result.messages.map((m) => `${name} ${m.line}:${m.column} ${m.ruleId}`);
  });
}

const folder = mkdtempSync(join(tmpdir(), "wua-lint-vbscript-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function newFolder(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(folder, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

const crlf = (lines: string[]): string => `${lines.join("\r\n")}\r\n`;

// The server comes from the command line; the installer is refused to a remote caller. The é and 😀
// before it check that columns count UTF-16 units, as ESLint does.
const REMOTE_VBS = crlf([
  "strComputer = WScript.Arguments(0)",
  'Set objSession = CreateObject("Microsoft.Update.Session", strComputer)',
  'WScript.Echo "é😀" : Set objInstaller = objSession.CreateUpdateInstaller()',
]);
const LOCAL_VBS = crlf(['Set objSession = CreateObject("Microsoft.Update.Session")', "objSession.CreateUpdateInstaller().Install()"]);
const HYBRID = crlf([`' 2>nul & @cscript //nologo //e:vbscript "%~f0" %* & exit /b`, ...REMOTE_VBS.trimEnd().split("\r\n")]);
const ECHOES = crlf(["@echo off", `echo Set s = CreateObject("Microsoft.Update.Session", "%1") > "%temp%\\s.vbs"`, `echo s.CreateUpdateInstaller >> "%temp%\\s.vbs"`, `cscript //nologo "%temp%\\s.vbs" %1`]);
const MIXED_WSF = crlf([
  '<job id="scan"><script language="JScript">',
  'var s = new ActiveXObject("Microsoft.Update.Session", WScript.Arguments(0));',
  "s.CreateUpdateDownloader();",
  '</script><script language="VBScript">',
  'Set v = CreateObject("Microsoft.Update.Session", WScript.Arguments(0))',
  "v.CreateUpdateInstaller",
  "</script></job>",
]);

describe("wua-lint on VBScript", () => {
  it("lints .vbs files, VBScript jobs and batch files that run themselves as VBScript, with no config", () => {
    const dir = newFolder("mixed", {
      "remote.vbs": REMOTE_VBS,
      "local.vbs": LOCAL_VBS,
      "hybrid.cmd": HYBRID,
      "hybrid.bat": HYBRID.replace("' 2>nul & @cscript", "Rem^ &@cscript"),
      "jobs.wsf": MIXED_WSF,
      "echoes.bat": ECHOES,
    });
    const { status, stdout, stderr } = wuaLint(["--format", "json", "."], dir);
    expect(status).toBe(1);
    expect(summary(stdout)).toEqual([
      "hybrid.bat 4:52 wua/no-remote-unavailable-member",
      "hybrid.cmd 4:52 wua/no-remote-unavailable-member",
      "jobs.wsf 3:3 wua/no-remote-unavailable-member",
      "jobs.wsf 6:3 wua/no-remote-unavailable-member",
      "local.vbs -",
      "remote.vbs 3:52 wua/no-remote-unavailable-member",
    ]);
    expect(stderr).toBe("wua-lint: 1 file skipped, not linted: 1 batch file without a VBScript launcher (.bat)\n  echoes.bat\n");
  });

  it("names batch files without a launcher, and files whose extension ESLint's patterns miss by case", () => {
    const dir = newFolder("skipped", {
      "a.vbs": LOCAL_VBS,
      "plain.cmd": "@echo off\r\nwuauclt /detectnow\r\n",
      "echoes.bat": ECHOES,
      "UPDATE.VBS": REMOTE_VBS,
      "PATCH.CMD": HYBRID,
      "old.vbe": "#@~^CAAAAA==\r\n",
    });
    const { status, stdout, stderr } = wuaLint(["--format", "json", "."], dir);
    expect(status).toBe(0);
    expect(summary(stdout)).toEqual(["a.vbs -"]);
    expect(stderr.trimEnd().split("\n")).toEqual([
      "wua-lint: 5 files skipped, not linted: 1 batch file whose extension is not lower case (.CMD), 1 VBScript file whose extension is not lower case (.VBS), 2 batch files without a VBScript launcher (.bat, .cmd), 1 encoded VBScript (.vbe)",
      "  PATCH.CMD",
      "  UPDATE.VBS",
      "  echoes.bat",
      "  old.vbe",
      "  plain.cmd",
    ]);
  });

  it("names a batch file given by name that has no launcher, and lints one that has", () => {
    const dir = newFolder("named", { "run.bat": ECHOES, "patch.cmd": HYBRID });
    const plain = wuaLint(["--format", "json", "run.bat"], dir);
    expect(plain).toMatchObject({ status: 0, stderr: "wua-lint: 1 file skipped, not linted: 1 batch file without a VBScript launcher (.bat)\n  run.bat\n" });
    expect(JSON.parse(plain.stdout)).toEqual([]);
    const hybrid = wuaLint(["--format", "json", "patch.cmd"], dir);
    expect(hybrid).toMatchObject({ status: 1, stderr: "" });
    expect(summary(hybrid.stdout)).toEqual(["patch.cmd 4:52 wua/no-remote-unavailable-member"]);
  });

  it("writes SARIF regions in the batch file itself", () => {
    const dir = newFolder("sarif", { "patch.cmd": HYBRID });
    const { status, stdout } = wuaLint(["--format", "sarif", "patch.cmd"], dir);
    expect(status).toBe(1);
    const run = (JSON.parse(stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] }).runs[0]!;
    expect(run.results.map((r) => {
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      return `${artifactLocation.uri} ${r.ruleId} ${region.startLine}:${region.startColumn}`;
    })).toEqual(["patch.cmd wua/no-remote-unavailable-member 4:52"]);
  });

  it("under --assume-remote reports a local .vbs and names the flag", () => {
    const dir = newFolder("assume", { "local.vbs": LOCAL_VBS });
    expect(wuaLint(["local.vbs"], dir).status).toBe(0);
    const { status, stdout } = wuaLint(["--assume-remote", "-f", "json", "local.vbs"], dir);
    expect(status).toBe(1);
    const messages = (JSON.parse(stdout) as JsonResult[]).flatMap((result) => result.messages);
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(["2:12 wua/no-remote-unavailable-member"]);
    expect(messages[0]!.message).toContain("wua-lint --assume-remote");
  });

  it("says in its help that VBScript and VBScript batch files are linted", () => {
    const { stdout } = wuaLint(["--help"], root);
    expect(stdout).toContain("VBScript .vbs files");
    expect(stdout).toContain(".bat or .cmd file that runs itself as VBScript");
  });
});

describe(".vbs files saved as UTF-16 (Notepad's \"Unicode\")", () => {
  const utf16le = (text: string): Buffer => Buffer.from(text, "utf16le");
  const dir = newFolder("unicode", {
    "notepad.vbs": Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(REMOTE_VBS)]),
    "big-endian.vbs": Buffer.concat([Buffer.from([0xfe, 0xff]), utf16le(REMOTE_VBS).swap16()]),
    "no-mark.vbs": utf16le(REMOTE_VBS),
    "utf8.vbs": REMOTE_VBS,
  });

  it("are decoded by wua-lint and reported at the columns of their text", () => {
    const { status, stdout, stderr } = wuaLint(["--format", "json", "."], dir);
    expect(stderr).toBe("");
    expect(status).toBe(1);
    expect(summary(stdout)).toEqual([
      "big-endian.vbs 3:52 wua/no-remote-unavailable-member",
      "no-mark.vbs 3:52 wua/no-remote-unavailable-member",
      "notepad.vbs 3:52 wua/no-remote-unavailable-member",
      "utf8.vbs 3:52 wua/no-remote-unavailable-member",
    ]);
  });

  it("get one clear message each from the eslint command, which reads files as UTF-8", () => {
    const project = newFolder("unicode-eslint", {
      "eslint.config.mjs": `import wua from ${JSON.stringify(pathToFileURL(join(root, "dist/index.js")).href)};\nexport default [...wua.configs.recommended];\n`,
      "notepad.vbs": Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(REMOTE_VBS)]),
      "utf8.vbs": REMOTE_VBS,
    });
    const run = spawnSync(process.execPath, [join(root, "node_modules/eslint/bin/eslint.js"), "--format", "json", "notepad.vbs", "utf8.vbs"], { cwd: project, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout) as JsonResult[];
    expect(results.map((result) => [result.filePath.split(/[\\/]/u).at(-1), result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)])).toEqual([
      ["notepad.vbs", ["1:1 null"]],
      ["utf8.vbs", ["3:52 wua/no-remote-unavailable-member"]],
    ]);
    expect(results[0]!.messages[0]!.message).toContain("lint it with wua-lint, which reads UTF-16 and UTF-32");
  });

  it("get one clear message each under plain ESLint, which reads files as UTF-8", async () => {
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [...plugin.configs.recommended] as Linter.Config[] });
    const results = await eslint.lintFiles(["."]);
    const byFile = new Map(results.map((result) => [result.filePath.split(/[\\/]/u).at(-1)!, result.messages]));
    for (const file of ["notepad.vbs", "big-endian.vbs", "no-mark.vbs"]) {
      const messages = byFile.get(file)!;
      expect(messages.map((m) => [m.ruleId, m.severity, m.line, m.column]), file).toEqual([[null, 2, 1, 1]]);
      expect(messages[0]!.message).toMatch(/^This file could not be read: it looks saved as UTF-16 \("Unicode"\) or UTF-32, and ESLint reads files as UTF-8\..*lint it with wua-lint/u);
    }
    expect(byFile.get("utf8.vbs")!.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(["3:52 wua/no-remote-unavailable-member"]);
  });
});
