/** How the analysis follows a WUA object through a PowerShell script. */
import { describe, expect, it } from "vitest";
import { lintPowerShell, reportedTexts } from "./lint.js";

const SESSION = 'param($Computer)\n$session = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", $Computer))\n';
const UPDATES = `${SESSION}$result = $session.CreateUpdateSearcher().Search("IsInstalled=0")\n`;

const reports = (code: string): string[] => reportedTexts(SESSION + code);
const reportsOnUpdates = (code: string): string[] => reportedTexts(UPDATES + code);

describe("variables and scopes", () => {
  it("follows aliases and reassignments in order", () => {
    expect(reports("$s2 = $session\n$s2.CreateUpdateInstaller()")).toEqual(["CreateUpdateInstaller"]);
    expect(reports("$s2 = $session\n$s2 = New-Object -ComObject Microsoft.Update.Session\n$s2.CreateUpdateInstaller()")).toEqual([]);
  });

  it("follows $script: and $global: variables", () => {
    expect(reports("$script:wu = $session\nfunction Install { $script:wu.CreateUpdateInstaller() }\nInstall")).toEqual(["CreateUpdateInstaller"]);
    expect(reports("$global:wu = $session\n$global:wu.CreateUpdateInstaller()")).toEqual(["CreateUpdateInstaller"]);
  });

  it("joins a value set inside a loop with the value before it", () => {
    const code = "$s = New-Object -ComObject Microsoft.Update.Session\nforeach ($i in 1..2) { $s.CreateUpdateInstaller(); $s = $session }";
    expect(reports(code)).toEqual(["CreateUpdateInstaller"]);
  });
});

describe("members", () => {
  it("resolves names without regard to case", () => {
    expect(reports("$session.createupdateinstaller()")).toEqual(["createupdateinstaller"]);
  });

  it("follows member chains", () => {
    expect(reports('$session.CreateUpdateSearcher().Search("IsInstalled=0").Updates.Item(0).AcceptEula()')).toEqual(["AcceptEula"]);
  });

  it("reads quoted and computed member names", () => {
    expect(reports("$session.'CreateUpdateInstaller'()")).toEqual(["'CreateUpdateInstaller'"]);
    expect(reports('$session."CreateUpdateDownloader"()')).toEqual(['"CreateUpdateDownloader"']);
    expect(reports("$name = 'CreateUpdateInstaller'\n$session.$name()")).toEqual(["$name"]);
  });

  it("does not call a method named without parentheses", () => {
    expect(reports("$method = $session.CreateUpdateInstaller")).toEqual([]);
  });

  it("reports writes and reads of refused properties", () => {
    expect(reportsOnUpdates("$result.Updates.Item(0).IsHidden = $true")).toEqual(["IsHidden"]);
    expect(reportsOnUpdates("$hidden = $result.Updates.Item(0).IsHidden")).toEqual([]);
  });

  it("leaves members of the same names on other objects alone", () => {
    const code = [
      "$task = Get-ScheduledTask -TaskName Patch",
      "$task.Settings.Hidden = $true",
      "$item = Get-Item C:\\\\Temp\\\\x.txt",
      "$item.IsHidden = $true",
      "$package = Get-Package -Name Contoso",
      "$package.AcceptEula()",
      "$session.CreateUpdateSearcher().Search('IsInstalled=0')",
    ].join("\n");
    expect(reports(code)).toEqual([]);
  });

  it("reports a failing call once, not again at later uses of its result", () => {
    const code = "$installer = $session.CreateUpdateInstaller()\n$installer.Updates = $coll\n$installer.Install()";
    expect(reports(code)).toEqual(["CreateUpdateInstaller"]);
  });
});

describe("collections", () => {
  it.each([
    ["$result.Updates.Item(0).AcceptEula()"],
    ["$result.Updates[0].AcceptEula()"],
    ["$u = @($result.Updates)[0]\n$u.AcceptEula()"],
    ["foreach ($u in $result.Updates) { $u.AcceptEula() }"],
    ["$result.Updates | ForEach-Object { $_.AcceptEula() }"],
    ["$result.Updates | % { $PSItem.AcceptEula() }"],
    ["$result.Updates | ForEach-Object -Process { $_.AcceptEula() }"],
    ["$result.Updates | ? { -not $_.IsHidden } | % { $_.AcceptEula() }"],
    ["$result.Updates | Where-Object { $_.Title -like '*KB*' } | ForEach-Object { $_.AcceptEula() }"],
    ["$result.Updates.ForEach({ $_.AcceptEula() })"],
    ["$result.Updates.Where({ $_.IsDownloaded }).ForEach({ $_.AcceptEula() })"],
    ["$result.Updates | % AcceptEula"],
    ["$result.Updates | Select-Object -First 1 | ForEach-Object { $_.AcceptEula() }"],
    ["$result.Updates.AcceptEula()"],
    ["$list = @()\nforeach ($u in $result.Updates) { $list += $u }\n$list[0].AcceptEula()"],
    ["switch ($result.Updates) { default { $_.AcceptEula() } }"],
  ])("reaches each update: %s", (code) => {
    expect(reportsOnUpdates(code)).toEqual(["AcceptEula"]);
  });
});

describe("functions", () => {
  it("binds parameters by name, by prefix, by position and from the pipeline", () => {
    const fn = "function Approve-All { param([Parameter(ValueFromPipeline)]$Update, $Other) process { $Update.AcceptEula() } }\n";
    expect(reportsOnUpdates(`${fn}Approve-All -Update $result.Updates.Item(0)`)).toEqual(["AcceptEula"]);
    expect(reportsOnUpdates(`${fn}Approve-All -Up $result.Updates.Item(0)`)).toEqual(["AcceptEula"]);
    expect(reportsOnUpdates(`${fn}Approve-All $result.Updates.Item(0)`)).toEqual(["AcceptEula"]);
    expect(reportsOnUpdates(`${fn}$result.Updates | Approve-All`)).toEqual(["AcceptEula"]);
  });

  it("binds $_ in a process block", () => {
    const code = "function Approve-Each { process { $_.AcceptEula() } }\n$result.Updates | Approve-Each";
    expect(reportsOnUpdates(code)).toEqual(["AcceptEula"]);
  });

  it("follows implicit output and return", () => {
    expect(reports("function Get-Searcher { $session.CreateUpdateSearcher() }\n$s = Get-Searcher\n$s.BeginSearch('x', $null, $null)")).toEqual(["BeginSearch"]);
    expect(reports("function Get-Session { return $session }\n(Get-Session).CreateUpdateInstaller()")).toEqual(["CreateUpdateInstaller"]);
  });

  it("follows functions declared with parameters in parentheses", () => {
    expect(reports("function Install-On($s) { $s.CreateUpdateInstaller() }\nInstall-On $session")).toEqual(["CreateUpdateInstaller"]);
  });

  it("judges a parameter by each call's argument", () => {
    const code = [
      "function Open-Session([string]$Target) { [Activator]::CreateInstance([Type]::GetTypeFromProgID('Microsoft.Update.Session', $Target)) }",
      "$here = Open-Session -Target $env:COMPUTERNAME",
      "$here.CreateUpdateInstaller()",
    ].join("\n");
    expect(reportedTexts(code)).toEqual([]);
    expect(reportedTexts(`${code}\n$there = Open-Session 'SRV-09'\n$there.CreateUpdateDownloader()`)).toEqual(["CreateUpdateDownloader"]);
  });

  it("treats a parameter of a function nothing calls (a module's) as another computer", () => {
    const code = "function Install-Remote { param($ComputerName) $s = [Activator]::CreateInstance([Type]::GetTypeFromProgID('Microsoft.Update.Session', $ComputerName)); $s.CreateUpdateInstaller() }";
    expect(reportedTexts(code, { filename: "Updates.psm1" })).toEqual(["CreateUpdateInstaller"]);
  });

  it("survives recursion", () => {
    const code = "function A($x) { B $x }\nfunction B($y) { A $y; $y }\n(A $session).CreateUpdateInstaller()";
    expect(() => lintPowerShell(SESSION + code)).not.toThrow();
  });
});

describe("classes", () => {
  it("follows properties set in the constructor, methods and ::new()", () => {
    const code = [
      "class Patcher {",
      "  [object]$Session",
      "  Patcher([object]$s) { $this.Session = $s }",
      "  [object] Installer() { return $this.Session.CreateUpdateInstaller() }",
      "}",
      "$p = [Patcher]::new($session)",
      "$p.Installer()",
    ].join("\n");
    expect(reports(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it("follows New-Object of a class of the file", () => {
    const code = "class Holder { [object]$S; Holder($s) { $this.S = $s } }\n$h = New-Object Holder -ArgumentList $session\n$h.S.CreateUpdateInstaller()";
    expect(reports(code)).toEqual(["CreateUpdateInstaller"]);
  });
});

describe("hashtables", () => {
  it("follows a session kept in a hashtable", () => {
    expect(reports("$ctx = @{ Session = $session }\n$ctx.Session.CreateUpdateInstaller()")).toEqual(["CreateUpdateInstaller"]);
    expect(reports("$ctx = [pscustomobject]@{ Session = $session }\n$ctx.Session.CreateUpdateInstaller()")).toEqual(["CreateUpdateInstaller"]);
  });
});

describe("code in arguments, strings and script blocks of a script", () => {
  it("reports a method called as a command argument", () => {
    expect(reports("Write-Host $session.CreateUpdateInstaller() 'ready'")).toEqual(["CreateUpdateInstaller"]);
  });

  it("reports uses inside hashtable values where the literal stands", () => {
    expect(reportsOnUpdates("$row = [pscustomobject]@{ Eula = $result.Updates.Item(0).AcceptEula() }")).toEqual(["AcceptEula"]);
  });

  it("runs $(...) inside double-quoted strings and here-strings, not single-quoted text", () => {
    expect(reportsOnUpdates('$line = "accepted: $($result.Updates.Item(0).AcceptEula())"')).toEqual(["AcceptEula"]);
    expect(reportsOnUpdates('$text = @"\n$($result.Updates.Item(0).AcceptEula())\n"@')).toEqual(["AcceptEula"]);
    expect(reportsOnUpdates("$text = '$($result.Updates.Item(0).AcceptEula())'")).toEqual([]);
    expect(reportsOnUpdates("$text = @'\n$($result.Updates.Item(0).AcceptEula())\n'@")).toEqual([]);
  });

  it("shares the script scope between begin, process and end blocks", () => {
    const code = [
      "param($Computer)",
      "begin { $s = [Activator]::CreateInstance([Type]::GetTypeFromProgID('Microsoft.Update.Session', $Computer)) }",
      "process { $s.CreateUpdateInstaller() }",
    ].join("\n");
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });
});
