/** The `wua-lint` command as a user runs it (built by `npm test` before Vitest runs). */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { root, wuaLint } from "./run-wua-lint.js";

const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; severity: number }[];
}

const folder = mkdtempSync(join(tmpdir(), "wua-lint-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const write = (name: string, text: string): string => {
  writeFileSync(join(folder, name), text);
  return name;
};

describe("wua-lint", () => {
  it("reports the bundled examples at their lines, including .wsf and .hta, and exits 1", () => {
    const { status, stdout } = wuaLint(["--format", "json", "examples"]);
    expect(status).toBe(1);
    const results = JSON.parse(stdout) as JsonResult[];
    const byFile = new Map(results.map((r) => [r.filePath.slice(root.length), r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)]));
    expect(byFile.get("examples/remote/patch-jobs.wsf")).toEqual(["24:31 wua/no-remote-unavailable-member"]);
    expect(byFile.get("examples/remote/update-console.hta")).toEqual(["25:23 wua/no-remote-ishidden-write"]);
    expect(byFile.get("examples/remote/install-on-server.vbs")).toEqual(["35:32 wua/no-remote-unavailable-member", "40:31 wua/no-remote-unavailable-member"]);
    expect(byFile.get("examples/remote/server-jobs.wsf")).toEqual(["15:25 wua/no-remote-ishidden-write", "29:37 wua/no-remote-unavailable-member"]);
    expect(byFile.get("examples/remote/patch-server.cmd")).toEqual(["18:50 wua/no-remote-unavailable-member", "21:31 wua/no-remote-unavailable-member"]);
    for (const local of ["install-updates.vbs", "install-now.cmd"]) expect(byFile.has(`examples/local/${local}`), local).toBe(true);
    for (const [file, messages] of byFile) if (file.startsWith("examples/local/")) expect(messages, file).toEqual([]);
  });

  it("exits 0 on a folder of correct scripts, whatever their kind", () => {
    const dir = mkdtempSync(join(folder, "clean-"));
    writeFileSync(join(dir, "a.js"), 'var s = new ActiveXObject("Microsoft.Update.Session");\nwith (s) {}\nvar m = 0644;\ns.CreateUpdateInstaller();\n');
    writeFileSync(join(dir, "b.mjs"), 'import winax from "winax";\nnew winax.Object("Microsoft.Update.Session", { activate: true }).CreateUpdateInstaller();\n');
    writeFileSync(join(dir, "c.cjs"), 'const winax = require("winax");\nmodule.exports = new winax.Object("Microsoft.Update.Session");\n');
    writeFileSync(join(dir, "d.ts"), 'declare const ActiveXObject: any;\nconst s = new ActiveXObject("Microsoft.Update.Session") as any;\ns.CreateUpdateInstaller();\n');
    const { status, stdout, stderr } = wuaLint([dir]);
    expect(stderr).toBe("");
    expect(stdout).toBe("");
    expect(status).toBe(0);
  });

  it("prints ESLint's stylish report by default", () => {
    const file = write("stylish.js", 'var s = new ActiveXObject("Microsoft.Update.Session", "SRV");\ns.CreateUpdateInstaller();\n');
    const { status, stdout } = wuaLint([file], folder);
    expect(status).toBe(1);
    expect(stdout).toContain("stylish.js");
    expect(stdout).toMatch(/2:3\s+error\s+IUpdateSession\.CreateUpdateInstaller fails/u);
    expect(stdout).toContain("wua/no-remote-unavailable-member");
    expect(stdout).toContain("1 problem (1 error, 0 warnings)");
  });

  it("parses TypeScript and reports in it", () => {
    const file = write("remote.ts", 'declare const ActiveXObject: any;\nconst s = new ActiveXObject("Microsoft.Update.Session", "SRV") as any;\ns.CreateUpdateInstaller();\n');
    const { status, stdout } = wuaLint(["--format", "json", file], folder);
    expect(status).toBe(1);
    expect((JSON.parse(stdout) as JsonResult[])[0]!.messages.map((m) => `${m.line}:${m.column}`)).toEqual(["3:3"]);
  });

  it("--strict adds the unlisted-member rule; --assume-remote makes local objects remote", () => {
    const unlisted = write("unlisted.js", 'var s = new ActiveXObject("Microsoft.Update.Session", "SRV");\ns.QueryHistory("", 0, 1);\n');
    expect(wuaLint([unlisted], folder).status).toBe(0);
    expect(wuaLint(["--strict", unlisted], folder).status).toBe(1);
    const local = write("local.js", 'var s = new ActiveXObject("Microsoft.Update.Session");\ns.CreateUpdateInstaller();\n');
    expect(wuaLint([local], folder).status).toBe(0);
    expect(wuaLint(["--assume-remote", local], folder).status).toBe(1);
  });

  it("ignores the folder's own ESLint config", () => {
    const dir = mkdtempSync(join(folder, "own-config-"));
    writeFileSync(join(dir, "eslint.config.js"), "throw new Error('must not be loaded');\n");
    writeFileSync(join(dir, "a.js"), 'new ActiveXObject("Microsoft.Update.Session", "SRV").CreateUpdateInstaller();\n');
    const { status, stderr } = wuaLint(["a.js"], dir);
    expect(stderr).toBe("");
    expect(status).toBe(1);
  });

  it("--output-file writes the report there; --quiet keeps errors only; --max-warnings counts warnings, hidden or not", () => {
    const encoded = write("enc.wsf", '<job><script language="JScript.Encode">#@~^</script></job>\n');
    const report = join(folder, "report.json");
    expect(wuaLint(["--format", "json", "--output-file", report, encoded], folder)).toMatchObject({ status: 0, stdout: "" });
    expect((JSON.parse(readFileSync(report, "utf8")) as JsonResult[])[0]!.messages[0]!.severity).toBe(1);
    expect(wuaLint(["--max-warnings", "0", encoded], folder).status).toBe(1);
    expect(wuaLint(["--quiet", "--max-warnings", "0", "--format", "json", encoded], folder)).toMatchObject({ status: 1, stdout: "[]\n" });
  });

  it("prints help and version", () => {
    expect(wuaLint(["--help"])).toMatchObject({ status: 0 });
    expect(wuaLint(["--help"]).stdout).toContain("Usage: wua-lint");
    expect(wuaLint(["--version"]).stdout.trim()).toBe(packageJson.version);
  });

  it("exits 2 with one line for a file it cannot read (a dangling link)", () => {
    symlinkSync(join(folder, "nowhere", "x.js"), join(folder, "dangling.js"));
    const { status, stderr } = wuaLint(["dangling.js"], folder);
    expect(status).toBe(2);
    expect(stderr.trim().split("\n")).toEqual(["wua-lint: No files matching 'dangling.js' were found."]);
  });

  it.each([
    [["missing-folder"], "No files matching 'missing-folder' were found."],
    [["--bogus"], "Unknown option --bogus."],
    [["--format", "xml"], 'Unknown format "xml"'],
    [["--max-warnings", "many"], "--max-warnings takes a whole number"],
  ])("exits 2 with a one-line message for %j", (args, message) => {
    const { status, stderr } = wuaLint(args, folder);
    expect(status).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /u);
  });
});

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId?: string; index: number };
    region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  };
}

interface Sarif {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; helpUri: string }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string }; locations: SarifLocation[] }[] }[];
    results: { ruleId: string; ruleIndex: number; level: string; locations: SarifLocation[]; suppressions?: { kind: string; justification?: string }[] }[];
  }[];
}

describe("wua-lint --format sarif", () => {
  it("writes SARIF 2.1.0 with rule ids, help links and regions in the original files, relative to the folder it runs in", () => {
    const { status, stdout } = wuaLint(["--format", "sarif", "examples/remote/patch-jobs.wsf", "examples/remote/driver-cleanup.js"]);
    expect(status).toBe(1);
    const sarif = JSON.parse(stdout) as Sarif;
    expect(sarif.version).toBe("2.1.0");
    const [run] = sarif.runs;
    expect([run!.tool.driver.name, run!.tool.driver.version]).toEqual(["eslint-plugin-wua", packageJson.version]);
    expect(run!.tool.driver.rules.map((r) => [r.id, r.helpUri])).toEqual(
      expect.arrayContaining([
        ["wua/no-remote-unavailable-member", "https://github.com/eslint-plugin-wua/eslint-plugin-wua/blob/main/docs/rules/no-remote-unavailable-member.md"],
        ["wua/no-remote-ishidden-write", "https://github.com/eslint-plugin-wua/eslint-plugin-wua/blob/main/docs/rules/no-remote-ishidden-write.md"],
      ]),
    );
    expect(run!.originalUriBaseIds["%SRCROOT%"]!.uri).toBe(pathToFileURL(root).href);
    const regions = run!.results.map((r) => {
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      expect(run!.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      expect(artifactLocation.uriBaseId).toBe("%SRCROOT%");
      return `${artifactLocation.uri} ${r.ruleId} ${r.level} ${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn}`;
    });
    expect(regions.sort()).toEqual([
      "examples/remote/driver-cleanup.js wua/no-remote-ishidden-write error 12:14-12:22",
      "examples/remote/patch-jobs.wsf wua/no-remote-unavailable-member error 24:31-24:52",
    ]);
  });

  it("keeps a finding disabled by a comment as a suppressed result, and --quiet still shows it beside an error", () => {
    const file = write(
      "suppressed.js",
      'var s = new ActiveXObject("Microsoft.Update.Session", "SRV");\n// eslint-disable-next-line wua/no-remote-unavailable-member -- runs on SRV\ns.CreateUpdateInstaller();\ns.CreateUpdateInstaller();\n',
    );
    for (const args of [["--format", "sarif", file], ["--quiet", "--format", "sarif", file]]) {
      const { status, stdout } = wuaLint(args, folder);
      expect(status).toBe(1);
      const [run] = (JSON.parse(stdout) as Sarif).runs;
      expect(run!.results.map((r) => [r.locations[0]!.physicalLocation.region.startLine, r.suppressions])).toEqual([
        [4, undefined],
        [3, [{ kind: "inSource", justification: "runs on SRV" }]],
      ]);
    }
  });
});

describe("wua-lint on PowerShell", () => {
  const dir = mkdtempSync(join(folder, "powershell-"));
  const put = (name: string, lines: string[]): string => {
    writeFileSync(join(dir, name), `${lines.join("\r\n")}\r\n`);
    return name;
  };
  const local = put("local.ps1", ["$s = New-Object -ComObject Microsoft.Update.Session", "$s.CreateUpdateInstaller()"]);
  const unlisted = put("unlisted.ps1", ['$s = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", "SRV-01"))', '$s.QueryHistory("", 0, 1)']);
  const module = put("remote.psm1", [
    "function Install-On($Computer) {",
    '  $s = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", $Computer))',
    "  $s.CreateUpdateInstaller()",
    "}",
  ]);

  it("lints .ps1 and .psm1 files found in a folder beside .js files, with no config", () => {
    const mixed = mkdtempSync(join(folder, "mixed-"));
    writeFileSync(join(mixed, "a.js"), 'var s = new ActiveXObject("Microsoft.Update.Session");\ns.CreateUpdateInstaller();\n');
    writeFileSync(join(mixed, "b.ps1"), "$s = New-Object -ComObject Microsoft.Update.Session\n$s.CreateUpdateSearcher().Search('IsInstalled=0')\n");
    writeFileSync(join(mixed, "c.psm1"), "function Get-Updates { (New-Object -ComObject Microsoft.Update.Session).CreateUpdateSearcher() }\n");
    writeFileSync(join(mixed, "notes.txt"), "$s.CreateUpdateInstaller()\n");
    const { status, stdout, stderr } = wuaLint(["--format", "json", mixed]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const results = JSON.parse(stdout) as JsonResult[];
    expect(results.map((r) => [r.filePath.slice(mixed.length + 1), r.messages])).toEqual([
      ["a.js", []],
      ["b.ps1", []],
      ["c.psm1", []],
    ]);
  });

  it("reports in .psm1 files and exits 1", () => {
    const { status, stdout } = wuaLint(["--format", "json", module], dir);
    expect(status).toBe(1);
    const [result] = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null; line: number; column: number; fatal?: boolean }[] }[];
    expect(result!.filePath).toBe(join(dir, "remote.psm1"));
    expect(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.fatal ?? false}`)).toEqual(["3:6 wua/no-remote-unavailable-member false"]);
  });

  it("--strict adds the unlisted-member rule; --assume-remote makes local objects remote, in .ps1 files too", () => {
    expect(wuaLint([unlisted], dir).status).toBe(0);
    expect(wuaLint(["--strict", unlisted], dir).status).toBe(1);
    expect(wuaLint([local], dir).status).toBe(0);
    expect(wuaLint(["--assume-remote", local], dir).status).toBe(1);
  });

  it("writes SARIF regions in .ps1 files, and a file it cannot read as a tool notification", () => {
    const broken = put("broken.ps1", ["$body = @\"", "Installed", "Get-Date"]);
    const { status, stdout } = wuaLint(["--format", "sarif", module, broken], dir);
    expect(status).toBe(1);
    const run = (JSON.parse(stdout) as Sarif).runs[0]!;
    expect(run.results.map((r) => {
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      return `${artifactLocation.uri} ${r.ruleId} ${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn}`;
    })).toEqual(["remote.psm1 wua/no-remote-unavailable-member 3:6-3:27"]);
    // ESLint ran to the end; the file it could not read is a notification on the run, not an alert.
    expect(run.invocations[0]!.executionSuccessful).toBe(true);
    const notes = run.invocations[0]!.toolExecutionNotifications ?? [];
    expect(notes.map((n) => [n.level, n.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([["error", "broken.ps1"]]);
    expect(notes[0]!.message.text).toMatch(/^PowerShell cannot run this file: the here-string started with @" on line 1 is never closed/u);
  });

  it("prints the message for a file it cannot read in the stylish report, with no stack trace", () => {
    const broken = put("unclosed.ps1", ["Get-Date", 'Write-Host "Installing updates', "Get-Date"]);
    const { status, stdout, stderr } = wuaLint([broken], dir);
    expect(status).toBe(1);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/2:12\s+error\s+PowerShell cannot run this file: the string started with " on line 2 is never closed/u);
    expect(stdout).toContain("1 problem (1 error, 0 warnings)");
  });
});
