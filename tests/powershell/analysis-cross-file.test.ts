/**
 * Code sent from another file: workers run with `Invoke-Command -FilePath`, and library functions a
 * sender dot-sources or imports and sends as `${function:Name}`. Real folders, the real ESLint class.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import wua from "../../src/index.js";
import { forgetScriptFiles } from "../../src/powershell/workspace/script-files.js";

const WORKER = ["$session = New-Object -ComObject Microsoft.Update.Session", "$result = $session.CreateUpdateSearcher().Search('IsInstalled=0')", "$session.CreateUpdateInstaller()"].join("\n");
const LIBRARY = [
  "function Install-Updates {",
  "  $s = New-Object -ComObject Microsoft.Update.Session",
  "  $s.CreateUpdateDownloader()",
  "}",
  "function Get-PendingCount {",
  "  $s = New-Object -ComObject Microsoft.Update.Session",
  "  $s.CreateUpdateInstaller()",
  "}",
].join("\n");

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "wua-cross-file-"));
  forgetScriptFiles();
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
}

/** Lints only `file`, as an editor does, with ESLint working in `cwd` (the temporary folder by default). */
async function lintOnly(file: string, settings: Record<string, unknown> = {}, cwd = folder): Promise<Linter.LintMessage[]> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [...(wua.configs.strict as Linter.Config[]), { settings }] });
  const [result] = await eslint.lintFiles([path.join(folder, file)]);
  return result!.messages;
}

const positions = (messages: readonly Linter.LintMessage[]): string[] => messages.map((m) => `${m.line}:${m.column}`);

describe("a worker sent with Invoke-Command -FilePath", () => {
  it.each([
    ['Invoke-Command -ComputerName $servers -FilePath "$PSScriptRoot\\Install-Worker.ps1"'],
    ["Invoke-Command -ComputerName $servers -FilePath $PSScriptRoot\\Install-Worker.ps1"],
    ["Invoke-Command -ComputerName $servers -FilePath (Join-Path $PSScriptRoot 'Install-Worker.ps1')"],
    ["$worker = Join-Path -Path $PSScriptRoot -ChildPath install-worker.PS1\nicm -cn $servers -fi $worker"],
    ["Invoke-Command -ComputerName $servers -FilePath .\\Install-Worker.ps1"],
    ["Invoke-Command $servers -FilePath .\\Install-Worker.ps1"],
    ["$s = New-PSSession -ComputerName $servers\nInvoke-Command -Session $s -FilePath .\\Install-Worker.ps1"],
    ["Invoke-Command -HostName web01 -FilePath ./Install-Worker.ps1"],
    ["Invoke-Command -ComputerName localhost -FilePath .\\Install-Worker.ps1"],
  ])("is judged where it runs, when only the worker is linted: %s", async (send) => {
    write({ "Start-Patching.ps1": `param([string[]]$servers)\n${send}`, "Install-Worker.ps1": WORKER });
    expect(positions(await lintOnly("Install-Worker.ps1"))).toEqual(["3:10"]);
  });

  it("names the worker, its computers, and the sending file and line", async () => {
    write({ "Start-Patching.ps1": "param([string[]]$servers)\n\nInvoke-Command -ComputerName $servers -FilePath .\\Install-Worker.ps1", "Install-Worker.ps1": WORKER });
    const [message] = await lintOnly("Install-Worker.ps1");
    expect(message!.message).toContain(
      "the Microsoft.Update.Session created at line 1 in Install-Worker.ps1, which runs on $servers: Start-Patching.ps1 line 3 sends it with Invoke-Command -FilePath",
    );
  });

  it("resolves paths from the sending file's folder, with Windows separators", async () => {
    write({
      "controller/Start-Patching.ps1": 'Invoke-Command -ComputerName $servers -FilePath "$PSScriptRoot\\..\\workers\\Install-Worker.ps1"',
      "workers/Install-Worker.ps1": WORKER,
    });
    const [message] = await lintOnly("workers/Install-Worker.ps1");
    expect(message!.message).toContain(`${path.join("controller", "Start-Patching.ps1")} line 1 sends it`);
  });

  it("reports a worker run both here and remotely once", async () => {
    write({
      "Start-Patching.ps1": "& .\\Install-Worker.ps1\nInvoke-Command -ComputerName $servers -FilePath .\\Install-Worker.ps1\nInvoke-Command -ComputerName $others -FilePath .\\Install-Worker.ps1",
      "Install-Worker.ps1": WORKER,
    });
    expect(positions(await lintOnly("Install-Worker.ps1"))).toEqual(["3:10"]);
  });

  it.each([
    ["& .\\Install-Worker.ps1"],
    [". $PSScriptRoot\\Install-Worker.ps1"],
    ["Invoke-Command -FilePath .\\Install-Worker.ps1"],
    ["Invoke-Command -ComputerName localhost -EnableNetworkAccess -FilePath .\\Install-Worker.ps1"],
    ["Start-Job -FilePath .\\Install-Worker.ps1"],
    ["Invoke-Command -ComputerName $servers -FilePath .\\Other-Worker.ps1"],
    ["Invoke-Command -ComputerName $servers -FilePath C:\\Scripts\\Install-Worker.ps1"],
    ['# Invoke-Command -ComputerName $servers -FilePath .\\Install-Worker.ps1\n"Invoke-Command -ComputerName $servers -FilePath .\\Install-Worker.ps1"'],
  ])("stays silent when the worker runs here or is not the file sent: %s", async (send) => {
    write({ "Start-Patching.ps1": send, "Install-Worker.ps1": WORKER });
    expect(await lintOnly("Install-Worker.ps1")).toEqual([]);
  });

  it("does not look for senders outside ESLint's working directory", async () => {
    write({ "Start-Patching.ps1": "Invoke-Command -ComputerName $servers -FilePath .\\workers\\Install-Worker.ps1", "workers/Install-Worker.ps1": WORKER });
    expect(await lintOnly("workers/Install-Worker.ps1", {}, path.join(folder, "workers"))).toEqual([]);
    expect(positions(await lintOnly("workers/Install-Worker.ps1"))).toEqual(["3:10"]);
  });

  it("sees a sender change once the index is re-read", async () => {
    write({ "Start-Patching.ps1": "Invoke-Command -ComputerName $servers -FilePath .\\Install-Worker.ps1", "Install-Worker.ps1": WORKER });
    expect(positions(await lintOnly("Install-Worker.ps1"))).toEqual(["3:10"]);
    write({ "Start-Patching.ps1": "& .\\Install-Worker.ps1 # now run here, by a scheduled task" });
    forgetScriptFiles();
    expect(await lintOnly("Install-Worker.ps1")).toEqual([]);
  });

  it("takes an unsaved buffer for the file it names, and text with no file on disk for no file", async () => {
    write({ "Start-Patching.ps1": "Invoke-Command -ComputerName $servers -FilePath .\\Install-Worker.ps1", "Install-Worker.ps1": WORKER });
    const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: wua.configs.strict as Linter.Config[] });
    const [fromStdin] = await eslint.lintText(WORKER, { filePath: path.join(folder, "Install-Worker.ps1") });
    expect(positions(fromStdin!.messages)).toEqual(["3:10"]);
    const linter = new (await import("eslint")).Linter({ configType: "flat" });
    expect(linter.verify(WORKER, wua.configs.strict as Linter.Config[], { filename: "Install-Worker.ps1" })).toEqual([]);
  });
});

describe("library functions sent as ${function:Name}", () => {
  it.each([
    ['. "$PSScriptRoot\\lib\\WuaTools.ps1"', "lib/WuaTools.ps1"],
    [". .\\lib\\WuaTools.ps1", "lib/WuaTools.ps1"],
    ["Import-Module .\\lib\\WuaTools.psm1 -Force", "lib/WuaTools.psm1"],
    ['Import-Module -Name "$PSScriptRoot\\lib\\WuaTools.psm1"', "lib/WuaTools.psm1"],
  ])("reports the sent function in the library, not the one called here: %s", async (load, library) => {
    write({
      "Start-Patching.ps1": `${load}\nInvoke-Command -ComputerName $servers -ScriptBlock \${function:Install-Updates}\nGet-PendingCount`,
      [library]: LIBRARY,
    });
    const messages = await lintOnly(library);
    expect(positions(messages)).toEqual(["3:6"]);
    expect(messages[0]!.message).toContain(
      "created at line 2 in function Install-Updates, which runs on $servers: Start-Patching.ps1 line 2 sends it with Invoke-Command as ${function:Install-Updates}",
    );
  });

  it("stays silent for library functions only called here", async () => {
    write({ "Start-Patching.ps1": ". .\\lib.ps1\nInstall-Updates\nInvoke-Command -ComputerName $servers -ScriptBlock { Get-Date }", "lib.ps1": LIBRARY });
    expect(await lintOnly("lib.ps1")).toEqual([]);
  });

  it("stays silent for a function of the same name in a file the sender does not load", async () => {
    write({ "Start-Patching.ps1": ". .\\lib.ps1\nInvoke-Command -ComputerName $servers -ScriptBlock ${function:Install-Updates}", "lib.ps1": "", "other.ps1": LIBRARY });
    expect(await lintOnly("other.ps1")).toEqual([]);
  });

  it("stays silent when the function is sent to a loopback session with network access, or run in process", async () => {
    write({
      "Start-Patching.ps1": [
        ". .\\lib.ps1",
        "Invoke-Command -ComputerName localhost -EnableNetworkAccess -ScriptBlock ${function:Install-Updates}",
        "Invoke-Command -ScriptBlock ${function:Install-Updates}",
      ].join("\n"),
      "lib.ps1": LIBRARY,
    });
    expect(await lintOnly("lib.ps1")).toEqual([]);
  });
});
