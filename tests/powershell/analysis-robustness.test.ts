/** No rule throws on any PowerShell input, and grammar gaps do not hide findings. */
import { describe, expect, it } from "vitest";
import { lintPowerShell, reportedTexts } from "./lint.js";

const REMOTE_INSTALL = [
  "param($Computer)",
  '$session = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", $Computer))',
  "$session.CreateUpdateInstaller()",
].join("\n");

/** Valid PowerShell that tree-sitter-powershell reads with ERROR or MISSING nodes. */
const GAPS: Record<string, string> = {
  "ternary operator": "$mode = $IsDebug ? 'debug' : 'release'",
  "null-coalescing": "$name = $env:TARGET ?? 'SRV-01'",
  "null-coalescing assignment": "$cache ??= @{}",
  "null-conditional member": "$len = ${item}?.Length",
  "labelled loop": ":outer foreach ($i in 1..3) { foreach ($j in 1..3) { break outer } }",
  ".ForEach(": "(1..3).ForEach({ $_ * 2 })",
  "[Flags()] enum": "[Flags()] enum Days { Monday = 1; Tuesday = 2 }",
  "class with a base": "class Job : System.Object { [string]$Name }",
  "one-line CmdletBinding": "function Get-Thing { [CmdletBinding()] param() begin {} }",
  "Select-Object list": "Get-Process | Select-Object Name, Id",
  "size suffix": "$x = $bytes/1MB",
};

describe("grammar gaps", () => {
  it.each(Object.entries(GAPS))("a file with a %s still reports the code after it", (_, gap) => {
    const code = `${REMOTE_INSTALL.split("\n").slice(0, 2).join("\n")}\n${gap}\n$session.CreateUpdateInstaller()`;
    expect(lintPowerShell(code).filter((m) => m.fatal)).toEqual([]);
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it.each(Object.entries(GAPS))("a file with a %s before the session still reports", (_, gap) => {
    // param() must come first in a script: name the computer directly here.
    const remote = REMOTE_INSTALL.split("\n").slice(1).join("\n").replace("$Computer", '"SRV-01"');
    expect(reportedTexts(`${gap}\n${remote}`)).toEqual(["CreateUpdateInstaller"]);
  });
});

describe("hostile and broken input", () => {
  it("lints every truncation of a realistic script without throwing", () => {
    const script = [
      "param([string[]]$ComputerName = @('SRV-01'))",
      "foreach ($computer in $ComputerName) {",
      '  $session = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", $computer))',
      "  $result = $session.CreateUpdateSearcher().Search(\"IsInstalled=0 and Type='Software'\")",
      "  $result.Updates | Where-Object { -not $_.IsHidden } | ForEach-Object { $_.AcceptEula() }",
      "  Invoke-Command -ComputerName $computer -ScriptBlock {",
      "    $s = New-Object -ComObject Microsoft.Update.Session",
      "    $d = $s.CreateUpdateDownloader(); $d.Download()",
      "  }",
      "}",
      "class Runner { [object]$S; Runner($s) { $this.S = $s } [void] Go() { $this.S.CreateUpdateInstaller() } }",
      "$h = @\"",
      "text $($session.Title)",
      "\"@",
    ].join("\n");
    for (let end = 0; end <= script.length; end++) {
      const truncated = script.slice(0, end);
      expect(() => lintPowerShell(truncated), `truncated at ${end}`).not.toThrow();
      expect(lintPowerShell(truncated).filter((m) => m.fatal), `truncated at ${end}`).toEqual([]);
    }
  });

  it("lints binary junk with a .ps1 name", () => {
    let junk = "";
    for (let i = 0; i < 4000; i++) junk += String.fromCharCode((i * 7919) % 65_000);
    expect(() => lintPowerShell(junk)).not.toThrow();
  });

  it("lints deep nesting of script blocks and parentheses without a stack overflow", () => {
    const depth = 5_000;
    const blocks = `${"& { ".repeat(depth)}$s.Update()${" }".repeat(depth)}`;
    const parens = `$x = ${"(".repeat(depth)}1${")".repeat(depth)}\n$u = 'Update'`;
    expect(() => lintPowerShell(blocks)).not.toThrow();
    expect(() => lintPowerShell(parens)).not.toThrow();
  });

  it("follows a 10,000-long chain of variable copies", () => {
    const lines = [REMOTE_INSTALL.split("\n").slice(0, 2).join("\n"), "$v0 = $session"];
    for (let i = 1; i < 10_000; i++) lines.push(`$v${i} = $v${i - 1}`);
    lines.push("$v9999.CreateUpdateInstaller()");
    expect(reportedTexts(lines.join("\n"))).toEqual(["CreateUpdateInstaller"]);
  });

  it("lints functions that call each other in a ring", () => {
    const fns = Array.from({ length: 50 }, (_, i) => `function F${i}($x) { F${(i + 1) % 50} $x; $x }`).join("\n");
    const code = `${REMOTE_INSTALL.split("\n").slice(0, 2).join("\n")}\n${fns}\n(F0 $session).CreateUpdateInstaller()`;
    expect(() => lintPowerShell(code)).not.toThrow();
  });
});
