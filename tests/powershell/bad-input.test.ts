/**
 * Bad input on disk, through the real ESLint class: files whose bytes matter (UTF-16, lone CR line
 * ends, binary junk), a very large script, deep nesting, long chains and recursion. Each file is
 * written to a temporary folder and linted with the plugin's strict PowerShell config, as
 * `eslint .` would. (Nesting, chains and rings given as strings to the Linter are covered in
 * analysis-robustness.test.ts and language.test.ts; the UTF-16 LE message in
 * language-unreadable.test.ts.)
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ESLint, type Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import wua from "../../src/index.js";
import { pseudoRandomBytes } from "../pseudo-random-bytes.js";

const folder = mkdtempSync(join(tmpdir(), "wua-ps-bad-input-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: [...(wua.configs.strict as Linter.Config[])] });

/** Writes `bytes` as `name` in the temporary folder and lints that file. */
async function lintFile(name: string, bytes: Buffer | string): Promise<ESLint.LintResult> {
  writeFileSync(join(folder, name), bytes);
  const [result] = await eslint.lintFiles([name]);
  return result!;
}

/** `rule@line:column` for each message; `file` for the messages without a rule. */
const positions = (result: ESLint.LintResult): string[] => result.messages.map((m) => `${(m.ruleId ?? "file").replace("wua/", "")}@${m.line}:${m.column}`);

const REMOTE_HEAD = [
  "param($Computer)",
  '$session = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", $Computer))',
];
/** A remote DCOM session used in a refused way: one finding, at 3:23 (`CreateUpdateInstaller`). */
const REMOTE_SCRIPT = [...REMOTE_HEAD, "$installer = $session.CreateUpdateInstaller()", "$installer.Install()", ""];
const REMOTE_FINDING = "no-remote-unavailable-member@3:23";

const BOM_LE = Buffer.from([0xff, 0xfe]);
const BOM_BE = Buffer.from([0xfe, 0xff]);
const utf16le = (text: string): Buffer => Buffer.from(text, "utf16le");
const utf16be = (text: string): Buffer => utf16le(text).swap16();

const UTF16_MESSAGE =
  'This file could not be read: it looks saved as UTF-16 ("Unicode") or UTF-32, and ESLint reads files as UTF-8. wua rules did not check it. Save the file as UTF-8 (with or without a BOM), or lint it with wua-lint, which reads UTF-16 and UTF-32.';

describe("files saved as UTF-16", () => {
  const crlf = REMOTE_SCRIPT.join("\r\n");
  // Localised help text, as in scripts written outside English: few NULs once read as UTF-8.
  const russianHelp = "Устанавливает ожидающие обновления на серверах: поиск, загрузка и установка.";
  const localised = ["<#", ".SYNOPSIS", ...Array.from({ length: 12 }, () => `    ${russianHelp}`), "#>", ...REMOTE_SCRIPT].join("\r\n");

  it.each([
    ["little-endian with a BOM", Buffer.concat([BOM_LE, utf16le(crlf)])],
    ["big-endian with a BOM", Buffer.concat([BOM_BE, utf16be(crlf)])],
    ["little-endian without a BOM", utf16le(crlf)],
    ["big-endian without a BOM", utf16be(crlf)],
  ])("%s: one message that says so and how to save it, and no finding read out of the bytes", async (name, bytes) => {
    const result = await lintFile(`utf16-${name.replaceAll(" ", "-")}.ps1`, bytes);
    expect(result.messages).toHaveLength(1);
    const [message] = result.messages;
    expect(message).toMatchObject({ ruleId: null, severity: 2, line: 1, column: 1, message: UTF16_MESSAGE });
    expect(message!.fatal).toBeUndefined();
    // The range stays inside the text ESLint read.
    const lineCount = bytes.toString("utf8").split(/\r\n|[\r\n\u2028\u2029]/u).length;
    expect(message!.endLine).toBeGreaterThanOrEqual(1);
    expect(message!.endLine).toBeLessThanOrEqual(lineCount);
    expect(result.errorCount).toBe(1);
  });

  it.each([
    ["little-endian", Buffer.concat([BOM_LE, utf16le(localised)])],
    ["big-endian", Buffer.concat([BOM_BE, utf16be(localised)])],
  ])("%s with a BOM and non-Latin help text gets the same message", async (name, bytes) => {
    // The same script saved as UTF-8 has one finding, on its line 18 (after 15 lines of help).
    expect(positions(await lintFile(`localised-utf8-${name}.ps1`, localised))).toEqual(["no-remote-unavailable-member@18:23"]);
    const result = await lintFile(`localised-utf16-${name}.ps1`, bytes);
    expect(result.messages.map((m) => m.message)).toEqual([UTF16_MESSAGE]);
  });

  it("a file that is only a UTF-16 byte order mark is an empty file", async () => {
    expect((await lintFile("bom-only-le.ps1", BOM_LE)).messages).toEqual([]);
    expect((await lintFile("bom-only-be.ps1", BOM_BE)).messages).toEqual([]);
  });
});

describe("line ends", () => {
  it("lone CR line ends (classic Mac OS) are line ends, as for PowerShell and ESLint", async () => {
    const result = await lintFile("cr.ps1", REMOTE_SCRIPT.join("\r"));
    expect(positions(result)).toEqual([REMOTE_FINDING]);
    expect(result.messages[0]).toMatchObject({ endLine: 3, endColumn: 44 });
  });

  it("a mix of LF, CRLF and lone CR line ends", async () => {
    const [first, second, third, fourth] = REMOTE_SCRIPT;
    const result = await lintFile("mixed-eol.ps1", `${first}\r\n${second}\n${third}\r${fourth}\r\n`);
    expect(positions(result)).toEqual([REMOTE_FINDING]);
  });

  it("the same script with LF and with CRLF line ends reports the same", async () => {
    expect(positions(await lintFile("lf.ps1", REMOTE_SCRIPT.join("\n")))).toEqual([REMOTE_FINDING]);
    expect(positions(await lintFile("crlf.ps1", REMOTE_SCRIPT.join("\r\n")))).toEqual([REMOTE_FINDING]);
  });
});

describe("binary files with a .ps1 name", () => {
  const junk = pseudoRandomBytes(20_000, 42);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from("IHDR"), pseudoRandomBytes(3_000, 7)]);
  const executable = Buffer.concat([
    Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]),
    Buffer.alloc(48),
    Buffer.from("This program cannot be run in DOS mode.\r\r\n$"),
    pseudoRandomBytes(4_000, 11),
  ]);
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), pseudoRandomBytes(2_000, 3)]);
  // Bytes that are not UTF-8, around WUA code: decoding may not shift the code into findings.
  const invalidUtf8 = Buffer.concat([Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0x0a]), Buffer.from("# $s.CreateUpdateInstaller()\n")]);

  it.each([
    ["random bytes", junk],
    ["a PNG image", png],
    ["a Windows executable", executable],
    ["a ZIP archive", zip],
    ["only NUL bytes", Buffer.alloc(5_000)],
    ["invalid UTF-8 sequences", invalidUtf8],
  ])("%s: linted without a crash, a fatal message or a finding, with at most one message", async (name, bytes) => {
    const result = await lintFile(`binary-${name.replaceAll(" ", "-")}.ps1`, bytes);
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
    expect(result.messages.filter((m) => m.ruleId !== null)).toEqual([]);
    expect(result.messages.length).toBeLessThanOrEqual(1);
    // The formatters cope with whatever text the message points into.
    const formatter = await eslint.loadFormatter("stylish");
    expect(() => formatter.format([result])).not.toThrow();
  });
});

/** One block of a realistic patching script, numbered `n`, and where its findings are. */
function patchingBlock(n: number): { lines: string[]; findings: { line: number; rule: string; member: string }[] } {
  const lines = [
    `# ----- Ring ${n}: servers of site ${n} -----`,
    `function Get-PendingUpdate${n} {`,
    "    <#",
    "    .SYNOPSIS",
    `        Lists the updates that the servers of ring ${n} are missing. Reading is open to a remote caller.`,
    "    #>",
    "    [CmdletBinding()]",
    "    param([Parameter(Mandatory)][string[]]$ComputerName)",
    "    foreach ($computer in $ComputerName) {",
    "        $type = [Type]::GetTypeFromProgID('Microsoft.Update.Session', $computer)",
    "        $session = [Activator]::CreateInstance($type)",
    `        $session.ClientApplicationID = 'PatchRing${n}'`,
    "        $result = $session.CreateUpdateSearcher().Search(\"IsInstalled=0 and Type='Software'\")",
    "        foreach ($update in $result.Updates) {",
    "            [pscustomobject]@{",
    "                Computer = $computer",
    "                Title    = $update.Title",
    "                KB       = ($update.KBArticleIDs | ForEach-Object { \"KB$_\" }) -join ','",
    "                Hidden   = $update.IsHidden",
    "            }",
    "        }",
    "    }",
    "}",
    "",
    `function Install-RingUpdate${n} {`,
    "    param([string]$ComputerName, [string[]]$HideKB = @())",
    '    $session = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", $ComputerName))',
    "    $result = $session.CreateUpdateSearcher().Search('IsInstalled=0')",
    "    foreach ($update in $result.Updates) {",
    "        if ($HideKB -contains $update.KBArticleIDs[0]) {",
    "            $update.IsHidden = $true",
    "            continue",
    "        }",
    "        if (-not $update.EulaAccepted) { $update.AcceptEula() }",
    "    }",
    "    $installer = $session.CreateUpdateInstaller()",
    "    $installer.Updates = $result.Updates",
    "    try {",
    "        $outcome = $installer.Install()",
    `        Write-Verbose "Ring ${n}: result $($outcome.ResultCode)"`,
    "    } catch {",
    `        Write-Warning "Ring ${n}: $_"`,
    "    }",
    "}",
    "",
    `function Install-LocalUpdate${n} {`,
    "    # Runs on the server itself (scheduled task): nothing here is remote.",
    "    $session = New-Object -ComObject Microsoft.Update.Session",
    "    $result = $session.CreateUpdateSearcher().Search('IsInstalled=0')",
    "    $result.Updates | Where-Object { -not $_.EulaAccepted } | ForEach-Object { $_.AcceptEula() }",
    "    $installer = $session.CreateUpdateInstaller()",
    "    $installer.Updates = $result.Updates",
    "    [void]$installer.Install()",
    "}",
    "",
    `$report${n} = @"`,
    `Ring ${n} report, $(Get-Date -Format 'yyyy-MM-dd')`,
    "The text of a here-string is data: $session.CreateUpdateInstaller() here is not a call.",
    '"@',
    "",
    `Invoke-Command -ComputerName "SRV-${String(n).padStart(4, "0")}" -ScriptBlock {`,
    "    $s = New-Object -ComObject Microsoft.Update.Session",
    "    $downloader = $s.CreateUpdateDownloader()",
    "    $downloader.Updates = $s.CreateUpdateSearcher().Search('IsInstalled=0').Updates",
    "    [void]$downloader.Download()",
    "}",
    "",
  ];
  const at = (text: string, member: string, rule: string): { line: number; rule: string; member: string } => {
    const index = lines.indexOf(text);
    if (index === -1) throw new Error(`no line ${text}`);
    return { line: index, rule, member };
  };
  return {
    lines,
    findings: [
      at("            $update.IsHidden = $true", "IsHidden", "no-remote-ishidden-write"),
      at("        if (-not $update.EulaAccepted) { $update.AcceptEula() }", "AcceptEula", "no-remote-unavailable-member"),
      at("    $installer = $session.CreateUpdateInstaller()", "CreateUpdateInstaller", "no-remote-unavailable-member"),
      at("    $downloader = $s.CreateUpdateDownloader()", "CreateUpdateDownloader", "no-remote-unavailable-member"),
    ],
  };
}

describe("a 50,000-line script", () => {
  it("reports every finding of every block at its own line and column", async () => {
    const lines = ["#requires -Version 5.1", "[CmdletBinding()]", "param([string[]]$ComputerName = @('SRV-0001'))", ""];
    const expected: string[] = [];
    for (let n = 0; lines.length < 50_000; n++) {
      const block = patchingBlock(n);
      for (const finding of block.findings) {
        const text = block.lines[finding.line]!;
        expected.push(`${finding.rule}@${lines.length + finding.line + 1}:${text.indexOf(`.${finding.member}`) + 2}`);
      }
      lines.push(...block.lines);
    }
    expect(lines.length).toBeGreaterThanOrEqual(50_000);
    const result = await lintFile("large.ps1", lines.join("\r\n"));
    expect(result.messages.filter((m) => m.ruleId === null)).toEqual([]);
    expect(expected.length).toBeGreaterThan(2_500);
    expect(positions(result)).toEqual(expected);
  });
});

describe("deep nesting on disk", () => {
  const depth = 5_000;
  /** The finding after the nested part, on line 4: the file is still analysed past it. */
  const AFTER = "no-remote-unavailable-member@4:10";
  const TOO_DEEP = /^PowerShell cannot run this file: the script nests brackets or blocks too deeply here/u;

  it.each([
    ["script blocks", `${"& { ".repeat(depth)}$session.CreateUpdateInstaller()${" }".repeat(depth)}`, 4 * depth + 10],
    ["parentheses", `$x = ${"(".repeat(depth)}$session.CreateUpdateInstaller()${")".repeat(depth)}`, depth + 15],
    ["sub-expressions", `$x = ${"$(".repeat(depth)}$session.CreateUpdateInstaller()${")".repeat(depth)}`, 2 * depth + 15],
    ["if blocks", `${"if ($ok) { ".repeat(depth)}$session.CreateUpdateInstaller()${" }".repeat(depth)}`, 11 * depth + 10],
    ["array expressions", `$x = ${"@(".repeat(depth)}$session.CreateUpdateInstaller()${")".repeat(depth)}`, 2 * depth + 15],
  ])("5,000 nested %s: no stack overflow, one message, and the code after them is still checked", async (name, nested, innerColumn) => {
    const code = [...REMOTE_HEAD, nested, "$session.CreateUpdateInstaller()", ""].join("\n");
    const result = await lintFile(`nested-${name.replaceAll(" ", "-")}.ps1`, code);
    // Nesting this deep is past what PowerShell's own parser reads (ScriptTooComplicated): one message.
    const own = result.messages.filter((m) => m.fatal || m.ruleId === null);
    expect(own).toHaveLength(1);
    expect(own[0]!.message).toMatch(TOO_DEEP);
    expect(own[0]!.line).toBe(3);
    const found = positions(result);
    expect(found).toContain(AFTER);
    // The use inside the nesting is not read that deep; nothing else is reported.
    expect(found.filter((p) => p !== AFTER && p !== `no-remote-unavailable-member@3:${innerColumn}` && !p.startsWith("file@3:"))).toEqual([]);
  });

  it.each([
    ["script blocks", (d: number) => `${"& { ".repeat(d)}$session.CreateUpdateInstaller()${" }".repeat(d)}`, (d: number) => 4 * d + 10],
    ["parentheses", (d: number) => `$x = ${"(".repeat(d)}$session.CreateUpdateInstaller()${")".repeat(d)}`, (d: number) => d + 15],
    ["if blocks", (d: number) => `${"if ($ok) { ".repeat(d)}$session.CreateUpdateInstaller()${" }".repeat(d)}`, (d: number) => 11 * d + 10],
  ])("100 nested %s, deeper than any real script: read whole, with no message", async (name, nested, innerColumn) => {
    const code = [...REMOTE_HEAD, nested(100), "$session.CreateUpdateInstaller()", ""].join("\n");
    const result = await lintFile(`nested-100-${name.replaceAll(" ", "-")}.ps1`, code);
    expect(result.messages.filter((m) => m.fatal || m.ruleId === null)).toEqual([]);
    expect(positions(result)).toEqual([`no-remote-unavailable-member@3:${innerColumn(100)}`, AFTER]);
  });

  it("5,000 nested script blocks inside an Invoke-Command block", async () => {
    const code = [
      "param($Computer)",
      "Invoke-Command -ComputerName $Computer -ScriptBlock {",
      `  ${"& { ".repeat(depth)}Get-Date${" }".repeat(depth)}`,
      "  (New-Object -ComObject Microsoft.Update.Session).CreateUpdateInstaller()",
      "}",
      "",
    ].join("\n");
    const result = await lintFile("nested-in-remote-block.ps1", code);
    expect(result.messages.filter((m) => m.ruleId === null).map((m) => m.message)).toEqual([expect.stringMatching(TOO_DEEP)]);
    expect(positions(result).filter((p) => !p.startsWith("file@"))).toEqual(["no-remote-unavailable-member@4:52"]);
  });
});

describe("long chains on disk", () => {
  const length = 10_000;

  it("a 10,000-long chain of copies through casts, parentheses, sub-expressions and $script: variables", async () => {
    const lines = [...REMOTE_HEAD, "$v0 = $session"];
    const forms = [(i: number) => `$v${i} = $v${i - 1}`, (i: number) => `$v${i} = [object]$v${i - 1}`, (i: number) => `$v${i} = ($v${i - 1})`, (i: number) => `$script:v${i} = $($v${i - 1})`];
    for (let i = 1; i < length; i++) lines.push(forms[i % forms.length]!(i));
    lines.push(`$v${length - 1}.CreateUpdateInstaller()`, "");
    const result = await lintFile("chain-forms.ps1", lines.join("\n"));
    expect(positions(result)).toEqual([`no-remote-unavailable-member@${length + 3}:${String(length - 1).length + 4}`]);
  });

  it("a 10,000-long chain of copies inside a script block run on other computers", async () => {
    const lines = ["param($Computer)", "Invoke-Command -ComputerName $Computer -ScriptBlock {", "  $v0 = New-Object -ComObject Microsoft.Update.Session"];
    for (let i = 1; i < length; i++) lines.push(`  $v${i} = $v${i - 1}`);
    lines.push(`  $v${length - 1}.CreateUpdateDownloader()`, "}", "");
    const result = await lintFile("chain-remote-block.ps1", lines.join("\n"));
    expect(positions(result)).toEqual([`no-remote-unavailable-member@${length + 3}:10`]);
  });
});

describe("recursion between functions on disk", () => {
  const head = REMOTE_HEAD.join("\n");

  it.each([
    ["a function that calls itself", `${head}\nfunction Get-S($s, $n) { if ($n -le 0) { $s } else { Get-S $s ($n - 1) } }\n(Get-S $session 5).CreateUpdateInstaller()\n`, ["no-remote-unavailable-member@4:20"]],
    ["a function that calls itself with no way out", `${head}\nfunction Wait-Forever($s) { Wait-Forever $s }\nWait-Forever $session\n$session.CreateUpdateInstaller()\n`, ["no-remote-unavailable-member@5:10"]],
    [
      "two functions that call each other",
      `${head}\nfunction Ping($s, $n) { if ($n -gt 0) { Pong $s ($n - 1) } else { $s } }\nfunction Pong($s, $n) { Ping $s $n }\n$r = Ping $session 3\n$r.CreateUpdateInstaller()\n`,
      ["no-remote-unavailable-member@6:4"],
    ],
    [
      "two functions that call each other and create the session",
      "param($Computer)\nfunction New-S($c) { if ($c) { [Activator]::CreateInstance([Type]::GetTypeFromProgID('Microsoft.Update.Session', $c)) } else { Get-S $Computer } }\nfunction Get-S($c) { New-S $c }\n(Get-S $Computer).CreateUpdateInstaller()\n",
      ["no-remote-unavailable-member@4:19"],
    ],
    [
      "a script block that invokes itself",
      `${head}\n$sb = { param($s) & $sb $s; $s.CreateUpdateInstaller() }\n& $sb $session\n`,
      ["no-remote-unavailable-member@3:32"],
    ],
    [
      "a function run remotely through ${function:} that calls its caller",
      "param($C)\nfunction Start-Run { Invoke-Command -ComputerName $C -ScriptBlock ${function:Invoke-Work} }\nfunction Invoke-Work { Start-Run; (New-Object -ComObject Microsoft.Update.Session).CreateUpdateInstaller() }\nStart-Run\n",
      ["no-remote-unavailable-member@3:84"],
    ],
  ])("%s", async (name, code, expected) => {
    const result = await lintFile(`recursion-${name.replaceAll(/\W+/gu, "-")}.ps1`, code);
    expect(positions(result)).toEqual(expected);
  });

  it("a ring of 50 functions hands the session back", async () => {
    const functions = Array.from({ length: 50 }, (_, i) => `function F${i}($x) { F${(i + 1) % 50} $x; $x }`);
    const result = await lintFile("recursion-ring.ps1", [head, ...functions, "(F0 $session).CreateUpdateInstaller()", ""].join("\n"));
    expect(positions(result)).toEqual(["no-remote-unavailable-member@53:15"]);
  });

  it("a chain of 2,000 functions, each calling the next: no stack overflow", async () => {
    const count = 2_000;
    const functions = Array.from({ length: count }, (_, i) => (i === count - 1 ? `function F${i}($x) { $x }` : `function F${i}($x) { F${i + 1} $x }`));
    const result = await lintFile("call-chain.ps1", [head, ...functions, "(F0 $session).CreateUpdateInstaller()", "$session.CreateUpdateInstaller()", ""].join("\n"));
    expect(result.messages.filter((m) => m.fatal || m.ruleId === null)).toEqual([]);
    // The last line is reported whether or not the analysis follows the calls that deep.
    expect(positions(result)).toContain(`no-remote-unavailable-member@${count + 4}:10`);
  });
});
