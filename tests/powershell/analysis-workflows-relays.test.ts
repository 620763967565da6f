/** Workflows run with -PSComputerName, blocks relayed through jobs and `[scriptblock]::Create`, and code shipped as text. */
import { describe, expect, it } from "vitest";
import { lintPowerShell, reportedTexts } from "./lint.js";

const BODY = "$s = New-Object -ComObject Microsoft.Update.Session; $s.CreateUpdateInstaller()";
const REMOTE = { settings: { wua: { assumeRemote: true } } };

const workflow = (call: string): string =>
  ["workflow Update-All {", "  param([string]$Kb)", "  InlineScript {", `    ${BODY}`, "  }", "}", call].join("\n");

describe("workflows", () => {
  it.each([
    ["Update-All -PSComputerName $servers"],
    ["Update-All -PSComputerName SRV-01, SRV-02 -Kb KB5034441"],
    ["Update-All -PSComp $servers"],
    ["Update-All -PSConnectionUri $uri"],
    ["Invoke-Command -ComputerName $hub -ScriptBlock { Update-All }"],
  ])("analyses the InlineScript where the workflow runs: %s", (call) => {
    expect(reportedTexts(workflow(call))).toEqual(["CreateUpdateInstaller"]);
  });

  it("names the workflow and its computers in the message", () => {
    expect(lintPowerShell(workflow("Update-All -PSComputerName $servers"))[0]!.message).toContain(
      "the Microsoft.Update.Session created at line 4 in workflow Update-All, which runs on $servers at line 7 (-PSComputerName)",
    );
  });

  it.each([["Update-All"], ["Update-All -Kb KB5034441"], [""]])("stays silent when the workflow runs here: %s", (call) => {
    expect(reportedTexts(workflow(call))).toEqual([]);
  });

  it("gives the InlineScript the workflow's values through $Using: only", () => {
    const code = [
      "workflow Update-All {",
      "  param($Computer)",
      "  $progId = 'Microsoft.Update.Session'",
      "  InlineScript {",
      "    $s = [Activator]::CreateInstance([Type]::GetTypeFromProgID($Using:progId, $Using:Computer))",
      "    $s.CreateUpdateDownloader()",
      "    $t = [Activator]::CreateInstance([Type]::GetTypeFromProgID($progId, 'SRV-01'))",
      "    $t.CreateUpdateInstaller()",
      "  }",
      "}",
      "Update-All -Computer SRV-09",
    ].join("\n");
    // $progId without $Using: is $null inside the InlineScript: no WUA object there.
    expect(reportedTexts(code)).toEqual(["CreateUpdateDownloader"]);
  });

  it("sends an InlineScript with its own -PSComputerName there, from a workflow run here", () => {
    const code = ["workflow Update-All {", "  InlineScript {", `    ${BODY}`, "  } -PSComputerName $servers", "}", "Update-All"].join("\n");
    const messages = lintPowerShell(code);
    expect(messages.map((m) => m.line)).toEqual([3]);
    expect(messages[0]!.message).toContain("in the InlineScript that runs on $servers at line 2 (-PSComputerName)");
  });

  it("takes InlineScript outside a workflow for an ordinary command", () => {
    expect(reportedTexts(`function Run-Wrapped { InlineScript { ${BODY} } }\nInvoke-Command -ComputerName $servers -ScriptBlock \${function:Run-Wrapped}`)).toEqual([]);
  });
});

describe("-ArgumentList binds param() in order", () => {
  const block = "{ param($Computer, $ProgId) $s = [Activator]::CreateInstance([Type]::GetTypeFromProgID($ProgId, $Computer)); $s.CreateUpdateInstaller() }";
  it.each([
    [`Start-Job -ArgumentList @('SRV-01', 'Microsoft.Update.Session') -ScriptBlock ${block}`],
    [`Start-Job -ArgumentList ('SRV-01', 'Microsoft.Update.Session') -ScriptBlock ${block}`],
    [`$jobArgs = @('SRV-01', 'Microsoft.Update.Session')\nStart-Job -ScriptBlock ${block} -ArgumentList $jobArgs`],
    [`$jobArgs = 'SRV-01', 'Microsoft.Update.Session'\nStart-ThreadJob -ScriptBlock ${block} -ArgumentList $jobArgs`],
    [`Invoke-Command -ArgumentList @('SRV-01', 'Microsoft.Update.Session') -ScriptBlock ${block}`],
    [`1..2 | ForEach-Object -Parallel ${block} -ArgumentList @('SRV-01', 'Microsoft.Update.Session')`],
  ])("%s", (code) => {
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it.each([["@($install.ToString())"], ['@("$install")'], ["@($install)"], ["$install.ToString()"]])(
    "passes a list of one block's text: -ArgumentList %s",
    (list) => {
      const code = `$install = { ${BODY} }\nInvoke-Command -ComputerName $c -ArgumentList ${list} -ScriptBlock { param($Code) & ([scriptblock]::Create($Code)) }`;
      expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
    },
  );

  it("binds each element to its own parameter, not all to the first", () => {
    const code = `Start-Job -ArgumentList @('localhost', 'Microsoft.Update.Session') -ScriptBlock ${block}`;
    expect(reportedTexts(code)).toEqual([]);
  });
});

describe("blocks relayed as text and made code again", () => {
  it("follows a block through Start-Job's arguments and [scriptblock]::Create to Invoke-Command", () => {
    const code = [
      `$install = { ${BODY} }`,
      "Start-Job -ArgumentList @($server, $install) -ScriptBlock {",
      "  param($Computer, $Code)",
      "  Invoke-Command -ComputerName $Computer -ScriptBlock ([scriptblock]::Create($Code))",
      "}",
    ].join("\n");
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it("does not bind a job's serialized block as a block (PowerShell refuses a string for -ScriptBlock)", () => {
    const code = [
      `$install = { ${BODY} }`,
      "Start-Job -ArgumentList @($server, $install) -ScriptBlock {",
      "  param($Computer, $Code)",
      "  Invoke-Command -ComputerName $Computer -ScriptBlock $Code",
      "}",
    ].join("\n");
    expect(reportedTexts(code)).toEqual([]);
  });

  it.each([
    ["$install.ToString()"],
    ['"$install"'],
    ["[string]$install"],
  ])("makes the block from its text again: [scriptblock]::Create(%s)", (text) => {
    const code = `$install = { ${BODY} }\n$sb = [scriptblock]::Create(${text})\nInvoke-Command -ComputerName $servers -ScriptBlock $sb`;
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it("parses a constant string made into a block and reports inside the string", () => {
    const code = [
      "$sb = [scriptblock]::Create('$s = New-Object -ComObject ''Microsoft.Update.Session''; $s.CreateUpdateInstaller()')",
      "Invoke-Command -ComputerName $servers -ScriptBlock $sb",
    ].join("\n");
    const [message] = lintPowerShell(code);
    expect(message).toMatchObject({ line: 1, column: 90, endColumn: 111 });
    expect(message!.message).toContain("in the script block that Invoke-Command runs on $servers at line 2");
    expect(message!.suggestions ?? []).toEqual([]);
  });

  it("parses a here-string held in a variable, on its own lines", () => {
    const code = [
      "$code = @'",
      "$s = [Activator]::CreateInstance([Type]::GetTypeFromProgID('Microsoft.Update.Session', 'SRV-01'))",
      "$s.CreateUpdateDownloader()",
      "'@",
      "& ([scriptblock]::Create($code))",
    ].join("\n");
    const messages = lintPowerShell(code);
    expect(messages.map((m) => `${m.line}:${m.column}`)).toEqual(["3:4"]);
    // An edit inside the string would have to respect its quoting: no suggestion there.
    expect(messages[0]!.suggestions ?? []).toEqual([]);
  });

  it("runs a string's code only where the block runs", () => {
    expect(reportedTexts(`$sb = [scriptblock]::Create('${BODY}')`)).toEqual([]);
    expect(reportedTexts(`$sb = [scriptblock]::Create('${BODY}')\n& $sb`)).toEqual([]);
    expect(reportedTexts(`$sb = [scriptblock]::Create('${BODY}')\nInvoke-Command -ComputerName $c -ScriptBlock $sb`)).toEqual(["CreateUpdateInstaller"]);
  });

  it("leaves a string that does not parse alone", () => {
    expect(reportedTexts(`$sb = [scriptblock]::Create('${BODY} }')\nInvoke-Command -ComputerName $c -ScriptBlock $sb`)).toEqual([]);
  });
});

describe("code shipped as text runs elsewhere", () => {
  it.each([
    ['$action = New-ScheduledTaskAction -Execute powershell.exe -Argument "-Command & { ${function:Install-Now} }"'],
    ["$text = ${function:Install-Now}.ToString()\nschtasks /Create /TN Patch /RU SYSTEM /TR \"powershell -Command $text\""],
    ["$text = ${function:Install-Now}.Ast.Extent.Text\nSet-Content C:\\Temp\\install.ps1 $text"],
    ["$cmd = 'function Install-Now {{ {0} }}' -f ${function:Install-Now}\npsexec \\\\$server -s powershell -Command $cmd"],
    ["powershell.exe -Command ${function:Install-Now}"],
  ])("does not report a function only used as text under assumeRemote: %s", (use) => {
    const code = `function Install-Now {\n  ${BODY}\n}\n${use}`;
    expect(reportedTexts(code, REMOTE)).toEqual([]);
  });

  it.each([
    ["$install | Set-Content C:\\Temp\\install.ps1"],
    ["$bytes = [Text.Encoding]::Unicode.GetBytes($install)\npowershell.exe -EncodedCommand ([Convert]::ToBase64String($bytes))"],
    ["$encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes([string]$install))"],
  ])("does not report a block piped or handed to .NET as text under assumeRemote: %s", (use) => {
    expect(reportedTexts(`$install = {\n  ${BODY}\n}\n${use}`, REMOTE)).toEqual([]);
  });

  it("still runs a block kept in a collection (it may run here later)", () => {
    const code = `$work = [System.Collections.Generic.List[scriptblock]]::new()\n$work.Add({ ${BODY} })`;
    expect(reportedTexts(code, REMOTE)).toEqual(["CreateUpdateInstaller"]);
  });

  it("still judges a function the file also calls", () => {
    const code = `function Install-Now {\n  ${BODY}\n}\n$text = \${function:Install-Now}.ToString()\nInstall-Now`;
    expect(reportedTexts(code, REMOTE)).toEqual(["CreateUpdateInstaller"]);
  });

  it("does not report a block only written into a command line, nor blocks inside it", () => {
    const code = [
      "$install = {",
      "  Invoke-Command { $s = New-Object -ComObject Microsoft.Update.Session; $s.CreateUpdateInstaller() }",
      "}",
      'Register-ScheduledTask -TaskName Patch -Action (New-ScheduledTaskAction -Execute powershell -Argument "-Command & {$install}")',
    ].join("\n");
    expect(reportedTexts(code, REMOTE)).toEqual([]);
  });

  it("still reports a function nothing uses (a module's function) under assumeRemote", () => {
    expect(reportedTexts(`function Install-Now {\n  ${BODY}\n}`, REMOTE)).toEqual(["CreateUpdateInstaller"]);
  });
});

describe("odd shapes never throw and stay silent", () => {
  it.each([
    ["[scriptblock]::Create()"],
    ["[scriptblock]::Create($null) | Invoke-Command -ComputerName $c"],
    ["Invoke-Command -ComputerName $c -ScriptBlock ([scriptblock]::Create(42))"],
    ["Invoke-Command -ComputerName $c -ScriptBlock ([System.Management.Automation.ScriptBlock]::Create(''))"],
    ["Invoke-Command -ComputerName $c -ScriptBlock ([scriptblock]::Create(\"$x; Microsoft.Update.Session\"))"],
    ["workflow W { }\nW -PSComputerName"],
    ["workflow W { parallel { InlineScript { Microsoft.Update.Session } } }\nW -PSComputerName $c"],
    ["Invoke-Command -ComputerName $c -FilePath"],
    ["Invoke-Command -ComputerName $c -FilePath $null"],
    ["Invoke-Command -ComputerName $c -ScriptBlock ${function:}"],
    ["Import-Module\nImport-Module -Name @()\nImport-Module $null"],
    ["Join-Path\nJoin-Path $PSScriptRoot\nJoin-Path -ChildPath x"],
    ["Start-Job -ArgumentList @(@(1, 2), @()) -ScriptBlock { param($a, $b) Microsoft.Update.Session }"],
    ["$b = { Microsoft.Update.Session }\n$t = \"$b\" + $b + ($b -f $b)\n[scriptblock]::Create($t.Trim().Length)"],
    ["$b = { 'Microsoft.Update.Session' }; & $b.ToString(); . ([string]$b)"],
  ])("%s", (code) => {
    expect(lintPowerShell(code, REMOTE).filter((m) => m.fatal)).toEqual([]);
    expect(reportedTexts(code)).toEqual([]);
  });

  it.each([["workflow W { InlineScript }\nW -PSComputerName $c"], ["workflow W { InlineScript $notABlock }\nW -PSComputerName $c"]])(
    "PowerShell refuses %s: one parse message, no rule fails",
    (code) => {
      expect(lintPowerShell(code, REMOTE).map((m) => m.ruleId)).toEqual([null]);
    },
  );
});
