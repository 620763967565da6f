/** Script blocks that Invoke-Command runs on other computers, and those that run here. */
import { describe, expect, it } from "vitest";
import { lintPowerShell, reportedTexts } from "./lint.js";

const BODY = "$s = New-Object -ComObject Microsoft.Update.Session; $s.CreateUpdateInstaller()";

describe("Invoke-Command on other computers", () => {
  it.each([
    [`Invoke-Command -ComputerName $servers -ScriptBlock { ${BODY} }`],
    [`Invoke-Command -ComputerName SRV-01 { ${BODY} }`],
    [`Invoke-Command -cn $servers { ${BODY} }`],
    [`icm -Comp $servers -Scr { ${BODY} }`],
    [`Invoke-Command -Session $session -ScriptBlock { ${BODY} }`],
    [`Invoke-Command -HostName web01 -ScriptBlock { ${BODY} }`],
    [`Invoke-Command -SSHConnection $hosts -ScriptBlock { ${BODY} }`],
    [`Invoke-Command -ConnectionUri $uri -ScriptBlock { ${BODY} }`],
    [`Invoke-Command -URI $uri -ScriptBlock { ${BODY} }`],
    [`Invoke-Command $servers { ${BODY} }`],
    [`Invoke-Command -ScriptBlock { ${BODY} } -ComputerName $servers`],
    [`Microsoft.PowerShell.Core\\Invoke-Command -ComputerName $servers -ScriptBlock { ${BODY} }`],
    [`Invoke-Command -ComputerName localhost -ScriptBlock { ${BODY} }`],
    [`Invoke-Command -ComputerName $servers -ConfigurationName Microsoft.PowerShell -ScriptBlock { ${BODY} }`],
  ])("reports what the block does: %s", (code) => {
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it("says in the message where the block is sent", () => {
    const code = `$servers = Get-Content servers.txt\nInvoke-Command -ComputerName $servers -ScriptBlock {\n  ${BODY}\n}`;
    expect(lintPowerShell(code)[0]!.message).toContain(
      "the Microsoft.Update.Session created at line 3 in the script block that Invoke-Command runs on $servers at line 2",
    );
  });

  it("follows a script block held in a variable", () => {
    const code = `$install = { ${BODY} }\nInvoke-Command -ComputerName $servers -ScriptBlock $install`;
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it("follows a function's body given as ${function:Name}", () => {
    const code = `function Install-All {\n  ${BODY}\n}\nInvoke-Command -ComputerName $servers -ScriptBlock \${function:Install-All}`;
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it("follows splatted parameters", () => {
    const code = `$params = @{ ComputerName = $servers; ScriptBlock = { ${BODY} } }\nInvoke-Command @params`;
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it("binds -ArgumentList to the block's param()", () => {
    const code = [
      "Invoke-Command -ComputerName $servers -ArgumentList 'Microsoft.Update.Session' -ScriptBlock {",
      "  param($ProgId)",
      "  $s = New-Object -ComObject $ProgId",
      "  $s.CreateUpdateDownloader()",
      "}",
    ].join("\n");
    expect(reportedTexts(code)).toEqual(["CreateUpdateDownloader"]);
  });

  it("reads $using: values (serialized: a computer name arrives, a COM object does not)", () => {
    const code = [
      "$progId = 'Microsoft.Update.Session'",
      "$local = New-Object -ComObject Microsoft.Update.Session",
      "Invoke-Command -ComputerName $servers -ScriptBlock {",
      "  $s = New-Object -ComObject $using:progId",
      "  $s.CreateUpdateInstaller()",
      "  $using:local.CreateUpdateInstaller()",
      "}",
    ].join("\n");
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
    expect(lintPowerShell(code)[0]!.line).toBe(5);
  });

  it("does not see the caller's variables inside the remote block", () => {
    const code = `$s = New-Object -ComObject Microsoft.Update.Session\nInvoke-Command -ComputerName $servers -ScriptBlock { $s.CreateUpdateInstaller() }`;
    expect(reportedTexts(code)).toEqual([]);
  });

  it("reports a block run both remotely and locally once", () => {
    const code = `$work = { ${BODY} }\nInvoke-Command -ComputerName $servers -ScriptBlock $work\n& $work\nInvoke-Command -ComputerName $others -ScriptBlock $work`;
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it("follows functions called inside the remote block", () => {
    const code = `Invoke-Command -ComputerName $servers -ScriptBlock {\n  function Get-Installer { $s = New-Object -ComObject Microsoft.Update.Session; $s.CreateUpdateInstaller() }\n  Get-Installer\n}`;
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it("treats a loopback session from New-PSSession as remote (network logon) unless it has network access", () => {
    expect(reportedTexts(`$session = New-PSSession\nInvoke-Command -Session $session -ScriptBlock { ${BODY} }`)).toEqual(["CreateUpdateInstaller"]);
    expect(reportedTexts(`$session = New-PSSession -EnableNetworkAccess\nInvoke-Command -Session $session -ScriptBlock { ${BODY} }`)).toEqual([]);
    expect(reportedTexts(`$session = New-PSSession -VMName Build01\nInvoke-Command -Session $session -ScriptBlock { ${BODY} }`)).toEqual([]);
  });

  it("treats a session from New-PSSession as remote", () => {
    const code = `$session = New-PSSession -ComputerName SRV-01\nInvoke-Command -Session $session -ScriptBlock { ${BODY} }`;
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });
});

describe("code that runs on this computer stays silent", () => {
  it.each([
    [`Invoke-Command -ScriptBlock { ${BODY} }`],
    [`Invoke-Command { ${BODY} }`],
    [`Invoke-Command -NoNewScope -ScriptBlock { ${BODY} }`],
    [`Start-Job -ScriptBlock { ${BODY} }`],
    [`Start-ThreadJob { ${BODY} }`],
    [`1..3 | ForEach-Object -Parallel { ${BODY} }`],
    [`& { ${BODY} }`],
    [`. { ${BODY} }`],
    [`Invoke-Command -ComputerName localhost -EnableNetworkAccess -ScriptBlock { ${BODY} }`],
    [`Invoke-Command -VMName Build01 -ScriptBlock { ${BODY} }`],
    [`Invoke-Command -ContainerId $id -ScriptBlock { ${BODY} }`],
    [`Invoke-Command -ComputerName $servers -ConfigurationName PatchEndpoint -ScriptBlock { ${BODY} }`],
  ])("%s", (code) => {
    expect(reportedTexts(code)).toEqual([]);
  });

  it("does not take a function of the file with -ComputerName and -ScriptBlock parameters for Invoke-Command", () => {
    const code = [
      "function Invoke-Logged { param($ComputerName, [scriptblock]$ScriptBlock) & $ScriptBlock }",
      `Invoke-Logged -ComputerName SRV-01 -ScriptBlock { ${BODY} }`,
    ].join("\n");
    expect(reportedTexts(code)).toEqual([]);
  });

  it("leaves code in strings and here-strings alone (the scheduled-task workaround)", () => {
    const code = [
      "$code = @'",
      "$s = New-Object -ComObject Microsoft.Update.Session",
      "$s.CreateUpdateInstaller().Install()",
      "'@",
      "Invoke-Command -ComputerName $servers -ScriptBlock {",
      "  param($Code)",
      "  Set-Content C:\\\\Temp\\\\install.ps1 $Code",
      "  schtasks /Create /TN InstallUpdates /RU SYSTEM /SC ONCE /ST 23:00 /TR 'powershell -File C:\\\\Temp\\\\install.ps1'",
      "  $text = \"$s.CreateUpdateInstaller()\"",
      "} -ArgumentList $code",
    ].join("\n");
    expect(reportedTexts(code)).toEqual([]);
  });

  it("leaves a block turned into text alone", () => {
    const code = `$work = { ${BODY} }\nInvoke-Command -ComputerName $servers -ScriptBlock { param($Text) Register-ScheduledTask -Action (New-ScheduledTaskAction -Execute powershell -Argument $Text) } -ArgumentList $work.ToString()`;
    expect(reportedTexts(code)).toEqual([]);
  });
});
