/** The PowerShell examples through the real `ESLint` class, configured as the README tells users: one import. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint, type Linter } from "eslint";
import { beforeEach, describe, expect, it } from "vitest";
import { forgetScriptFiles } from "../../src/powershell/workspace/script-files.js";
import wua from "../../src/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The PowerShell files of examples/<folder>, subfolders included, as `fleet/lib/WuaTools.ps1`. */
const powershellFilesIn = (folder: string): string[] =>
  readdirSync(new URL(`../../examples/${folder}/`, import.meta.url), { recursive: true, encoding: "utf8" })
    .map((f) => f.replaceAll("\\", "/"))
    .filter((f) => /\.psm?1$/u.test(f));

/** Scripts that only send code to other computers: the failures are reported in the files they send. */
const SENDERS = ["fleet/Start-Patching.ps1"];

function eslintWith(configName: "recommended" | "strict"): ESLint {
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: wua.configs[configName] as Linter.Config[],
  });
}

async function lintPowerShell(configName: "recommended" | "strict", patterns: string[]): Promise<Map<string, Linter.LintMessage[]>> {
  const results = await eslintWith(configName).lintFiles(patterns);
  return new Map(results.map((r) => [r.filePath.slice(root.length).replaceAll("\\", "/"), r.messages]));
}

const lintPowerShellExamples = (configName: "recommended" | "strict"): Promise<Map<string, Linter.LintMessage[]>> =>
  lintPowerShell(configName, ["examples/**/*.ps1", "examples/**/*.psm1"]);

const positionsIn = (byFile: Map<string, Linter.LintMessage[]>): string[] =>
  [...byFile]
    .filter(([file]) => file.startsWith("examples/remote/"))
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([file, messages]) => messages.map((m) => `${file.slice("examples/remote/".length)}:${m.line}:${m.column} ${m.ruleId}`));

describe("PowerShell examples", () => {
  it("reports each documented failure at its line and column, and nothing in the local scripts", async () => {
    const byFile = await lintPowerShellExamples("recommended");
    expect(powershellFilesIn("remote")).toEqual(expect.arrayContaining(["fleet/Install-Worker.ps1", "fleet/lib/WuaTools.ps1", ...SENDERS]));
    expect(byFile.size).toBe(powershellFilesIn("remote").length + powershellFilesIn("local").length);
    for (const file of powershellFilesIn("local")) expect(byFile.get(`examples/local/${file}`), file).toEqual([]);
    for (const file of SENDERS) expect(byFile.get(`examples/remote/${file}`), file).toEqual([]);
    for (const messages of byFile.values()) {
      for (const message of messages) expect(message.message).toContain("0x80070005");
    }
    expect(positionsIn(byFile)).toEqual(EXPECTED_REMOTE_REPORTS);
  });

  it("adds the undocumented members under strict, still nothing in the local scripts", async () => {
    const byFile = await lintPowerShellExamples("strict");
    for (const file of powershellFilesIn("local")) expect(byFile.get(`examples/local/${file}`), file).toEqual([]);
    const added = positionsIn(byFile).filter((position) => !EXPECTED_REMOTE_REPORTS.includes(position));
    expect(added).toEqual([
      "Repair-AutomaticUpdates.ps1:17:13 wua/no-remote-unlisted-member",
      "Repair-AutomaticUpdates.ps1:17:21 wua/no-remote-unlisted-member",
    ]);
  });
});

describe("the fleet example, one file at a time (as an editor lints it)", () => {
  // Nothing left over from linting the whole folder: the sender is found on disk for this file alone.
  beforeEach(() => forgetScriptFiles());

  const sender = join("examples", "remote", "fleet", "Start-Patching.ps1");

  it("reports the worker's failures in the worker, naming the script that sends it with -FilePath", async () => {
    const byFile = await lintPowerShell("recommended", ["examples/remote/fleet/Install-Worker.ps1"]);
    expect([...byFile.keys()]).toEqual(["examples/remote/fleet/Install-Worker.ps1"]);
    const messages = byFile.get("examples/remote/fleet/Install-Worker.ps1")!;
    expect(positionsIn(byFile)).toEqual(EXPECTED_REMOTE_REPORTS.filter((p) => p.startsWith("fleet/Install-Worker.ps1:")));
    for (const message of messages) {
      expect(message.message).toContain(
        `It comes from the Microsoft.Update.Session created at line 14 in Install-Worker.ps1, which runs on $ComputerName: ${sender} line 25 sends it with Invoke-Command -FilePath.`,
      );
    }
  });

  it("reports the library function's failures in the library, naming the script that sends it as ${function:...}", async () => {
    const byFile = await lintPowerShell("strict", ["examples/remote/fleet/lib/WuaTools.ps1"]);
    expect([...byFile.keys()]).toEqual(["examples/remote/fleet/lib/WuaTools.ps1"]);
    const messages = byFile.get("examples/remote/fleet/lib/WuaTools.ps1")!;
    // Get-PendingCount (lines 4-8), which the sender only calls on this computer, stays silent.
    expect(positionsIn(byFile)).toEqual(EXPECTED_REMOTE_REPORTS.filter((p) => p.startsWith("fleet/lib/WuaTools.ps1:")));
    for (const message of messages) {
      expect(message.message).toContain(
        `It comes from the Microsoft.Update.Session created at line 14 in function Install-Updates, which runs on $ComputerName: ${sender} line 31 sends it with Invoke-Command as \${function:Install-Updates}.`,
      );
    }
  });

  it("reports nothing in the sender itself", async () => {
    const byFile = await lintPowerShell("strict", ["examples/remote/fleet/Start-Patching.ps1"]);
    expect(byFile.get("examples/remote/fleet/Start-Patching.ps1")).toEqual([]);
  });
});

/** Each documented failure in examples/remote, as listed in examples/README.md. */
const EXPECTED_REMOTE_REPORTS: string[] = [
  "fleet/Install-Worker.ps1:20:24 wua/no-remote-unavailable-member", // CreateUpdateDownloader, sent by Start-Patching.ps1 -FilePath
  "fleet/Install-Worker.ps1:24:23 wua/no-remote-unavailable-member", // CreateUpdateInstaller
  "fleet/lib/WuaTools.ps1:17:50 wua/no-remote-unavailable-member", // AcceptEula in Install-Updates, sent as ${function:Install-Updates}
  "fleet/lib/WuaTools.ps1:20:28 wua/no-remote-unavailable-member", // CreateUpdateDownloader
  "fleet/lib/WuaTools.ps1:24:27 wua/no-remote-unavailable-member", // CreateUpdateInstaller
  "Get-PatchReport.ps1:43:29 wua/no-remote-ishidden-write",
  "Get-PatchReport.ps1:51:21 wua/no-remote-unavailable-member",
  "Get-PatchReport.ps1:56:28 wua/no-remote-unavailable-member",
  "Get-PatchReport.ps1:60:27 wua/no-remote-unavailable-member",
  "Invoke-PatchRun.ps1:29:28 wua/no-remote-unavailable-member",
  "Invoke-PatchRun.ps1:33:27 wua/no-remote-unavailable-member",
  "Invoke-PatchRun.ps1:37:19 wua/no-remote-unavailable-interface",
  "Repair-AutomaticUpdates.ps1:10:14 wua/no-remote-unavailable-member",
  "Repair-AutomaticUpdates.ps1:12:9 wua/no-remote-unavailable-member",
  "Repair-AutomaticUpdates.ps1:14:5 wua/no-remote-unavailable-member",
  "UpdateServices.psm1:35:14 wua/no-remote-unavailable-member",
  "UpdateServices.psm1:41:14 wua/no-remote-unavailable-member",
];
