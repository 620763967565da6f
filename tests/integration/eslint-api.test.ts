/**
 * The plugin through the real `ESLint` class on the bundled examples, with the recommended config:
 * one import lints every kind of file, PowerShell included.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import tsParser from "@typescript-eslint/parser";
import { ESLint, type Linter } from "eslint";
import globals from "globals";
import { beforeAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** A user's config: parser settings per kind of file, then the plugin's config as documented. */
function configWith(pluginConfig: readonly unknown[]): Linter.Config[] {
  return [
    { files: ["**/*.js"], languageOptions: { sourceType: "script", globals: globals.wsh } },
    { files: ["**/*.mjs"], languageOptions: { sourceType: "module", globals: globals.node } },
    { files: ["**/*.ts"], languageOptions: { parser: tsParser as unknown as Linter.Parser } },
    ...(pluginConfig as Linter.Config[]),
  ];
}

/** The examples in examples/<folder>, subfolders included, as `fleet/lib/WuaTools.ps1`. */
const filesIn = (folder: string): string[] =>
  readdirSync(new URL(`../../examples/${folder}/`, import.meta.url), { recursive: true, encoding: "utf8" })
    .map((f) => f.replaceAll("\\", "/"))
    .filter((f) => /\.(?:js|mjs|ts|wsf|hta|ps1|psm1|vbs|cmd)$/u.test(f));

/** Remote examples that only send code to other computers: the failures are reported in the files they send. */
const SENDERS = ["fleet/Start-Patching.ps1"];

async function lintExamples(pluginConfig: readonly unknown[]): Promise<Map<string, Linter.LintMessage[]>> {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: configWith(pluginConfig) });
  const results = await eslint.lintFiles(["examples"]);
  return new Map(results.map((r) => [r.filePath.slice(root.length).replaceAll("\\", "/"), r.messages]));
}

describe("examples with the recommended config", () => {
  let byFile: Map<string, Linter.LintMessage[]>;
  beforeAll(async () => {
    byFile = await lintExamples(plugin.configs.recommended);
  });

  it("lints every example without a parse error", () => {
    for (const [file, messages] of byFile) expect(messages.filter((m) => m.fatal), file).toEqual([]);
    expect(byFile.size).toBe(filesIn("remote").length + filesIn("local").length);
  });

  it.each(filesIn("local"))("reports nothing in local/%s", (file) => {
    expect(byFile.get(`examples/local/${file}`)).toEqual([]);
  });

  it.each(SENDERS)("reports nothing in the sender remote/%s itself", (file) => {
    expect(byFile.get(`examples/remote/${file}`)).toEqual([]);
  });

  it.each(filesIn("remote").filter((file) => !SENDERS.includes(file)))("reports the remote problems in remote/%s", (file) => {
    const messages = byFile.get(`examples/remote/${file}`) ?? [];
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message.severity).toBe(2);
      expect(message.ruleId).toMatch(/^wua\//u);
      // A refused call names its error; a computer name given where it is ignored names the real computer.
      expect(message.message).toContain(message.ruleId === "wua/no-ignored-location" ? "on this computer" : "0x80070005");
    }
  });

  it("reports each documented failure at its line and column", () => {
    const positions = [...byFile]
      .filter(([file]) => file.startsWith("examples/remote/"))
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([file, messages]) => messages.map((m) => `${file.slice("examples/remote/".length)}:${m.line}:${m.column} ${m.ruleId}`));
    expect(positions).toEqual(EXPECTED_REMOTE_REPORTS);
  });
});

describe("examples with the strict config", () => {
  it("still reports nothing in the local examples", async () => {
    const byFile = await lintExamples(plugin.configs.strict);
    for (const file of filesIn("local")) expect(byFile.get(`examples/local/${file}`), file).toEqual([]);
  });
});

/** Each documented failure in examples/remote, as listed in examples/README.md. */
const EXPECTED_REMOTE_REPORTS: string[] = [
  "au-maintenance.js:7:9 wua/no-remote-unavailable-member", // ServiceEnabled
  "au-maintenance.js:11:4 wua/no-remote-unavailable-member", // Pause
  "au-maintenance.js:12:42 wua/no-remote-unavailable-member", // Settings
  "au-maintenance.js:14:4 wua/no-remote-unavailable-member", // Resume
  "deploy-patches.js:18:12 wua/no-remote-unavailable-member", // AcceptEula
  "deploy-patches.js:23:26 wua/no-remote-unavailable-member", // CreateUpdateDownloader
  "deploy-patches.js:27:25 wua/no-remote-unavailable-member", // CreateUpdateInstaller
  "driver-cleanup.js:12:14 wua/no-remote-ishidden-write",
  "fleet-report.ts:24:13 wua/no-remote-unavailable-member", // BeginSearch
  "fleet/Install-Worker.ps1:20:24 wua/no-remote-unavailable-member", // CreateUpdateDownloader, sent by Start-Patching.ps1 -FilePath
  "fleet/Install-Worker.ps1:24:23 wua/no-remote-unavailable-member", // CreateUpdateInstaller
  "fleet/lib/WuaTools.ps1:17:50 wua/no-remote-unavailable-member", // AcceptEula in Install-Updates, sent as ${function:Install-Updates}
  "fleet/lib/WuaTools.ps1:20:28 wua/no-remote-unavailable-member", // CreateUpdateDownloader
  "fleet/lib/WuaTools.ps1:24:27 wua/no-remote-unavailable-member", // CreateUpdateInstaller
  "Get-PatchReport.ps1:43:29 wua/no-remote-ishidden-write",
  "Get-PatchReport.ps1:51:21 wua/no-remote-unavailable-member",
  "Get-PatchReport.ps1:56:28 wua/no-remote-unavailable-member",
  "Get-PatchReport.ps1:60:27 wua/no-remote-unavailable-member",
  "install-on-server.vbs:35:32 wua/no-remote-unavailable-member", // CreateUpdateDownloader
  "install-on-server.vbs:40:31 wua/no-remote-unavailable-member", // CreateUpdateInstaller
  "inventory-prefix.js:5:64 wua/no-ignored-location", // WScript.CreateObject's event prefix taken for a computer
  "Invoke-PatchRun.ps1:29:28 wua/no-remote-unavailable-member",
  "Invoke-PatchRun.ps1:33:27 wua/no-remote-unavailable-member",
  "Invoke-PatchRun.ps1:37:19 wua/no-remote-unavailable-interface",
  "patch-jobs.wsf:24:31 wua/no-remote-unavailable-member", // CreateUpdateInstaller, install job
  "patch-server.cmd:18:50 wua/no-remote-unavailable-member", // AcceptEula, in a batch file run as VBScript
  "patch-server.cmd:21:31 wua/no-remote-unavailable-member", // CreateUpdateInstaller
  "patch-toolkit.js:15:25 wua/no-remote-unavailable-member", // CreateUpdateDownloader through this, bound by .call
  "patch-toolkit.js:25:24 wua/no-remote-unavailable-member", // CreateUpdateInstaller through a callback and a destructured pair
  "reboot-check.js:5:14 wua/no-remote-unavailable-interface", // Microsoft.Update.SystemInfo
  "Repair-AutomaticUpdates.ps1:10:14 wua/no-remote-unavailable-member",
  "Repair-AutomaticUpdates.ps1:12:9 wua/no-remote-unavailable-member",
  "Repair-AutomaticUpdates.ps1:14:5 wua/no-remote-unavailable-member",
  "server-jobs.wsf:15:25 wua/no-remote-ishidden-write", // IsHidden, JScript job
  "server-jobs.wsf:29:37 wua/no-remote-unavailable-member", // CreateUpdateInstaller, VBScript job
  "update-console.hta:25:23 wua/no-remote-ishidden-write",
  "UpdateServices.psm1:35:14 wua/no-remote-unavailable-member",
  "UpdateServices.psm1:41:14 wua/no-remote-unavailable-member",
  "winrm-install.js:7:25 wua/no-remote-unavailable-member", // CreateUpdateInstaller over WinRM
  "wsus-service.js:11:28 wua/no-remote-unavailable-member", // AddService2 with an empty cab path
  "wsus-service.js:13:9 wua/no-remote-unavailable-member", // RegisterServiceWithAU
  "wsus-service.js:14:9 wua/no-remote-unavailable-member", // RemoveService
];
