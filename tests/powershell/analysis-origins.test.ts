/** Where PowerShell WUA objects come from, and when they live on another computer. */
import { describe, expect, it } from "vitest";
import { lintPowerShell, reportedTexts } from "./lint.js";

const DCOM = (computer: string, progId = "Microsoft.Update.Session") =>
  `[Activator]::CreateInstance([Type]::GetTypeFromProgID("${progId}", ${computer}))`;

describe("DCOM creation: GetTypeFromProgID with a computer", () => {
  it("reports refused members of a session created on a named computer", () => {
    const code = `$s = ${DCOM('"SRV-01"')}\n$d = $s.CreateUpdateDownloader()`;
    expect(reportedTexts(code)).toEqual(["CreateUpdateDownloader"]);
    expect(lintPowerShell(code)[0]!.message).toContain('created on "SRV-01" at line 1');
  });

  it.each([
    ["[System.Activator]::CreateInstance([System.Type]::GetTypeFromProgID('Microsoft.Update.Session', 'SRV-01'))"],
    ["[activator]::createinstance([type]::gettypefromprogid('MICROSOFT.UPDATE.SESSION.1', 'SRV-01'))"],
    ["[Activator]::CreateInstance([Type]::GetTypeFromProgID('Microsoft.Update.Session', 'SRV-01', $true))"],
    ["[Microsoft.VisualBasic.Interaction]::CreateObject('Microsoft.Update.Session', 'SRV-01')"],
  ])("understands %s", (creation) => {
    expect(reportedTexts(`$s = ${creation}\n$s.CreateUpdateInstaller()`)).toEqual(["CreateUpdateInstaller"]);
  });

  it("follows the type through a variable", () => {
    const code = `param($Computer)\n$type = [Type]::GetTypeFromProgID("Microsoft.Update.Session", $Computer)\n$s = [Activator]::CreateInstance($type)\n$s.CreateUpdateInstaller()`;
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it("takes a variable the file never assigns as $null, this computer", () => {
    expect(reportedTexts(`$s = ${DCOM("$Computer")}\n$s.CreateUpdateInstaller()`)).toEqual([]);
  });

  it("does not take an unassigned variable as $null when the file dot-sources another script", () => {
    const code = `. .\\settings.ps1\n$s = ${DCOM("$Computer")}\n$s.CreateUpdateInstaller()`;
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it("treats a script parameter as another computer", () => {
    const code = `param([string]$ComputerName = "localhost")\n$s = ${DCOM("$ComputerName")}\n$s.CreateUpdateInstaller()`;
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it("reads a double-quoted name built from known parts", () => {
    const local = `$name = 'localhost'\n$s = ${DCOM('"$name"')}\n$s.CreateUpdateInstaller()`;
    expect(reportedTexts(local)).toEqual([]);
    const remote = `$site = 'SRV'\n$s = ${DCOM('"$site-01.corp"')}\n$s.CreateUpdateInstaller()`;
    expect(lintPowerShell(remote)[0]!.message).toContain('created on "SRV-01.corp" at line 2');
  });

  it("treats a value it cannot work out as another computer", () => {
    const code = `$s = ${DCOM("(Get-Content servers.txt)[0]")}\n$s.CreateUpdateInstaller()`;
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it.each([
    ["$null"],
    ["$env:COMPUTERNAME"],
    ["$env:computername"],
    ["[Environment]::MachineName"],
    ["[System.Environment]::MachineName"],
    ["[System.Net.Dns]::GetHostName()"],
    ['"localhost"'],
    ['" LocalHost "'],
    ['"."'],
    ['""'],
    ["'127.0.0.1'"],
    ["$neverAssigned"],
    ['"$env:COMPUTERNAME"'],
    ['"$($env:COMPUTERNAME)"'],
    ['"$neverAssigned"'],
  ])("stays silent for this computer: %s", (computer) => {
    expect(reportedTexts(`$s = ${DCOM(computer)}\n$s.CreateUpdateInstaller()`)).toEqual([]);
  });

  it("is silent without a computer and for the throwOnError overload", () => {
    expect(reportedTexts(`$s = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session"))\n$s.CreateUpdateInstaller()`)).toEqual([]);
    expect(reportedTexts(`$s = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", $true))\n$s.CreateUpdateInstaller()`)).toEqual([]);
  });

  it("reads settings.wua.localNames, without regard to case", () => {
    const code = `$s = ${DCOM('"ADMIN-WS01"')}\n$s.CreateUpdateInstaller()`;
    expect(reportedTexts(code, { settings: { wua: { localNames: ["admin-ws01"] } } })).toEqual([]);
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it("joins the values of a variable assigned in branches: remote if any is", () => {
    const local = `if ($x) { $c = "localhost" } else { $c = $env:COMPUTERNAME }\n$s = ${DCOM("$c")}\n$s.CreateUpdateInstaller()`;
    expect(reportedTexts(local)).toEqual([]);
    const mixed = `if ($x) { $c = "localhost" } else { $c = "SRV-02" }\n$s = ${DCOM("$c")}\n$s.CreateUpdateInstaller()`;
    expect(reportedTexts(mixed)).toEqual(["CreateUpdateInstaller"]);
  });

  it("keeps what a variable held before a branch nested in another that may not run", () => {
    const nested = `$c = "SRV-01"\nif ($x) {\n  if ($y) { $c = $env:COMPUTERNAME }\n  $s = ${DCOM("$c")}\n  $s.CreateUpdateInstaller()\n}`;
    expect(reportedTexts(nested)).toEqual(["CreateUpdateInstaller"]);
    const bothWays = `$c = "SRV-01"\nif ($x) {\n  if ($y) { $c = $env:COMPUTERNAME } else { $c = "localhost" }\n  $s = ${DCOM("$c")}\n  $s.CreateUpdateInstaller()\n}`;
    expect(reportedTexts(bothWays)).toEqual([]);
  });

  it("follows reassignments in order", () => {
    const code = `$c = "SRV-01"\n$c = "localhost"\n$s = ${DCOM("$c")}\n$s.CreateUpdateInstaller()`;
    expect(reportedTexts(code)).toEqual([]);
  });

  it("reports creating SystemInfo on another computer at the creation", () => {
    const code = `$info = ${DCOM('"SRV-01"', "Microsoft.Update.SystemInfo")}\n$info.RebootRequired`;
    const messages = lintPowerShell(code);
    expect(messages.map((m) => m.ruleId)).toEqual(["wua/no-remote-unavailable-interface"]);
    expect(messages[0]!.column).toBe(9);
  });
});

describe("New-Object -ComObject", () => {
  it.each([
    ["New-Object -ComObject Microsoft.Update.Session"],
    ['New-Object -ComObject "Microsoft.Update.Session"'],
    ["New-Object -Com 'microsoft.update.session'"],
    ["New-Object -ComObject:Microsoft.Update.Session"],
    ["new-object -c Microsoft.Update.Session"],
  ])("is always local: %s", (creation) => {
    expect(reportedTexts(`$s = ${creation}\n$s.CreateUpdateInstaller()`)).toEqual([]);
  });

  it("is remote in a file marked with a wua-remote comment", () => {
    const code = "# wua-remote -- started over WinRM by the patch pipeline\n$s = New-Object -ComObject Microsoft.Update.Session\n$s.CreateUpdateInstaller()";
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
    expect(lintPowerShell(code)[0]!.message).toContain("wua-remote comment (line 1)");
  });

  it("is remote with settings.wua.assumeRemote", () => {
    const code = "$s = New-Object -ComObject Microsoft.Update.Session\n$s.CreateUpdateInstaller()";
    expect(reportedTexts(code, { settings: { wua: { assumeRemote: true } } })).toEqual(["CreateUpdateInstaller"]);
  });

  it("does not take other comment text as the marker", () => {
    const code = "# wua-remote: yes\n$s = New-Object -ComObject Microsoft.Update.Session\n$s.CreateUpdateInstaller()";
    expect(reportedTexts(code)).toEqual([]);
  });
});

describe("suggestion: create the session here", () => {
  it("drops the computer argument", () => {
    const code = `param($Computer)\n$s = ${DCOM("$Computer")}\n$s.CreateUpdateInstaller()`;
    const [message] = lintPowerShell(code);
    const suggestion = message!.suggestions![0]!;
    const fixed = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
    expect(fixed).toBe(`param($Computer)\n$s = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session"))\n$s.CreateUpdateInstaller()`);
    expect(suggestion.desc).toContain("drop $Computer");
  });

  it("is not offered when a comment sits between the arguments or the computer is computed", () => {
    const commented = `param($Computer)\n$s = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", <# target #> $Computer))\n$s.CreateUpdateInstaller()`;
    expect(lintPowerShell(commented)[0]!.suggestions ?? []).toEqual([]);
    const computed = `$s = ${DCOM("(Get-Target)")}\n$s.CreateUpdateInstaller()`;
    expect(lintPowerShell(computed)[0]!.suggestions ?? []).toEqual([]);
  });
});
