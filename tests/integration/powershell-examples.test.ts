/** The PowerShell examples through the real `ESLint` class, configured as the README tells users: one import. */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ESLint, type Linter } from "eslint";
import { describe, expect, it } from "vitest";
import wua from "../../src/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

const powershellFilesIn = (folder: string): string[] =>
  readdirSync(new URL(`../../examples/${folder}/`, import.meta.url)).filter((f) => /\.psm?1$/u.test(f));

async function lintPowerShellExamples(configName: "recommended" | "strict"): Promise<Map<string, Linter.LintMessage[]>> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: wua.configs[configName] as Linter.Config[],
  });
  const results = await eslint.lintFiles(["examples/**/*.ps1", "examples/**/*.psm1"]);
  return new Map(results.map((r) => [r.filePath.slice(root.length).replaceAll("\\", "/"), r.messages]));
}

const positionsIn = (byFile: Map<string, Linter.LintMessage[]>): string[] =>
  [...byFile]
    .filter(([file]) => file.startsWith("examples/remote/"))
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([file, messages]) => messages.map((m) => `${file.slice("examples/remote/".length)}:${m.line}:${m.column} ${m.ruleId}`));

describe("PowerShell examples", () => {
  it("reports each documented failure at its line and column, and nothing in the local scripts", async () => {
    const byFile = await lintPowerShellExamples("recommended");
    expect(byFile.size).toBe(powershellFilesIn("remote").length + powershellFilesIn("local").length);
    for (const file of powershellFilesIn("local")) expect(byFile.get(`examples/local/${file}`), file).toEqual([]);
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

/** Each documented failure in examples/remote, as listed in examples/README.md. */
const EXPECTED_REMOTE_REPORTS: string[] = [
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
