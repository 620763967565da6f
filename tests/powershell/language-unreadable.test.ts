/**
 * The policy for PowerShell files PowerShell cannot run: valid PowerShell never gets a message; a file
 * with a parse error (a string, here-string, block comment or bracket never closed, a stray token), a
 * UTF-16 file, or text that is not PowerShell at all gets exactly one message, with no rule id, and the
 * rules still check what PowerShell reads as code.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ESLint, Linter, type Rule } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import wua from "../../src/index.js";
import { describeLines, describeParseProblem } from "../../src/powershell/parse-problem.js";
import { parse } from "../../src/powershell/parser/index.js";

/** A test-only rule that reports every command by name: shows what the rules still see. */
const commands = {
  meta: { type: "problem", schema: [] },
  create: (context: Rule.RuleContext) => ({
    CommandAst(node: { range: [number, number]; commandElements: { range: [number, number] }[] }) {
      const [name] = node.commandElements;
      context.report({ node: node as never, message: `command ${name ? context.sourceCode.text.slice(...name.range) : "?"}` });
    },
  }),
} as unknown as Rule.RuleModule;

const config: Linter.Config[] = [
  {
    files: ["**/*.ps1"],
    plugins: { wua: wua as never, test: { rules: { commands } } },
    language: "wua/powershell",
    rules: { "test/commands": "error" },
  },
];

function lint(code: string): Linter.LintMessage[] {
  return new Linter({ configType: "flat" }).verify(code, config, { filename: "script.ps1" });
}

/** The messages that are not a rule's. */
function fileMessages(code: string): Linter.LintMessage[] {
  return lint(code).filter((m) => m.ruleId === null);
}

const BEFORE = ["param($Computer)", "Get-Date", "Write-Output 'start'"];
const AFTER = ["Get-Item C:\\Windows", "Write-Output done"];
const file = (...lines: string[]): string => `${lines.join("\n")}\n`;

describe("a file PowerShell cannot run gets one message, and its readable part is still checked", () => {
  it.each([
    ["a double-quoted string", 'Write-Host "Installing updates', 'the string started with " on line 4 is never closed'],
    ["a single-quoted string", "Write-Host 'Installing updates", "the string started with ' on line 4 is never closed"],
    ["an expandable here-string", '$body = @"', 'the here-string started with @" on line 4 is never closed (it ends at a line that starts with "@)'],
    ["a verbatim here-string", "$body = @'", "the here-string started with @' on line 4 is never closed (it ends at a line that starts with '@)"],
    ["a block comment", "<# .SYNOPSIS", "the block comment started with <# on line 4 is never closed (it needs #> to end it)"],
  ])("%s never closed", (_, broken, cause) => {
    const code = file(...BEFORE, broken, ...AFTER);
    const messages = lint(code);
    const own = messages.filter((m) => m.ruleId === null);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ severity: 2, line: 4, endLine: 6 });
    expect(own[0]!.fatal).toBeUndefined();
    expect(own[0]!.message).toContain(`PowerShell cannot run this file: ${cause}.`);
    expect(own[0]!.message).toMatch(/ wua rules could not read lines? [\d–, and]+ and did not check (it|them), and checked the rest of the file as code\. Close the [a-z -]+ and lint again\.$/u);
    // The commands before the broken line are still reported.
    expect(messages.filter((m) => m.ruleId !== null && m.line < 4).map((m) => `${m.line} ${m.message}`)).toEqual(["2 command Get-Date", "3 command Write-Output"]);
  });

  it("names an earlier string that runs on over a line end as the likely cause", () => {
    const code = file('Write-Host "Patching', "Get-Date", 'Write-Host "done"');
    const [own, ...more] = fileMessages(code);
    expect(more).toEqual([]);
    expect(own!.message).toMatch(/^PowerShell cannot run this file: the string started with " on line 3 is never closed\. /u);
    expect(own!.message).toContain("the string started on line 1 runs on to line 3; if it was meant to end on its own line, it lacks its closing quote.");
    expect([own!.line, own!.column]).toEqual([1, 12]);
  });

  it("still reports the WUA findings in the part it could read", () => {
    const code = file(
      "param($Computer)",
      '$session = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", $Computer))',
      "$session.CreateUpdateInstaller()",
      '$log = @"',
      "Installed on $Computer",
    );
    const messages = new Linter({ configType: "flat" }).verify(code, wua.configs.recommended as Linter.Config[], { filename: "a.ps1" });
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(["3:10 wua/no-remote-unavailable-member", "4:8 null"]);
  });

  it("a bracket never closed: what follows is read inside it, as PowerShell reads it", () => {
    const code = file(...BEFORE, "$list = @(Get-Item x", ...AFTER);
    const messages = lint(code);
    const own = messages.filter((m) => m.ruleId === null);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ severity: 2, line: 4, column: 9, endLine: 4, endColumn: 11 });
    expect(own[0]!.message).toBe(
      "PowerShell cannot run this file: the parenthesis opened with @( on line 4 is never closed (a ) is missing). " +
        "wua rules checked the whole file as code, reading what follows it as inside it. Close the parenthesis and lint again.",
    );
    expect(messages.filter((m) => m.ruleId !== null).map((m) => `${m.line} ${m.message}`)).toEqual([
      "2 command Get-Date",
      "3 command Write-Output",
      "4 command Get-Item",
      "5 command Get-Item",
      "6 command Write-Output",
    ]);
  });

  it("any other parse error gets one message naming where PowerShell stops, and the rest is checked", () => {
    const code = file(...BEFORE, "$total = 1 +", "if ($x) { Get-Item y", ...AFTER);
    const own = fileMessages(code);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ line: 4, column: 13 });
    expect(own[0]!.message).toBe(
      "PowerShell cannot run this file: a value is missing after the operator '+' (line 4, column 13). wua rules checked the rest of the file as code. Correct the script and lint again.",
    );
    expect(lint(code).filter((m) => m.ruleId !== null).map((m) => m.message)).toContain("command Write-Output");
  });

  it("text that is not PowerShell at all (binary data) gets the message of its own", () => {
    const text = "MZ\0\0\u00ff\uFFFD @@@ ]]] |||\n}}} ||| @@@\n";
    const lineOf = (offset: number): number => text.slice(0, offset).split("\n").length;
    expect(describeParseProblem(text, parse(text), lineOf)).toEqual({
      range: [0, text.trimEnd().length],
      message: "This file could not be read as PowerShell: wua rules could not read lines 1–2 and did not check them. Check that it is a PowerShell script, saved as UTF-8.",
    });
  });

  it("text PowerShell cannot parse gets one message, even with no quote or bracket left open", () => {
    const [own, ...more] = fileMessages(file("@@@ ]]] |||", "}}} ||| @@@"));
    expect(more).toEqual([]);
    expect(own!.message).toMatch(/^PowerShell cannot run this file: .* \(line 1, column 1\)\. /u);
  });

  it("a UTF-16 file read from disk is named as such", async () => {
    const folder = mkdtempSync(join(tmpdir(), "wua-ps-utf16-"));
    try {
      const text = "param($Computer)\r\n$s = New-Object -ComObject Microsoft.Update.Session\r\n$s.CreateUpdateInstaller()\r\n";
      writeFileSync(join(folder, "unicode.ps1"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
      const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: [...(wua.configs.strict as Linter.Config[])] });
      const [result] = await eslint.lintFiles(["unicode.ps1"]);
      expect(result!.messages).toHaveLength(1);
      expect(result!.messages[0]).toMatchObject({ ruleId: null, severity: 2, line: 1 });
      expect(result!.messages[0]!.message).toBe(
        'This file could not be read: it looks saved as UTF-16 ("Unicode") or UTF-32, and ESLint reads files as UTF-8. wua rules did not check it. Save the file as UTF-8 (with or without a BOM), or lint it with wua-lint, which reads UTF-16 and UTF-32.',
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** Valid PowerShell that the tree-sitter grammar this plugin once used misread (powershell-notes.md). */
const GAPS = [
  "$mode = $IsDebug ? 'debug' : 'release'",
  "$name = $env:TARGET ?? 'SRV-01'",
  "$cache ??= @{}",
  "$len = ${item}?.Length",
  ":outer foreach ($i in 1..3) { foreach ($j in 1..3) { break outer } }",
  ":outer while ($true) { continue outer }",
  "(1..3).ForEach({ $_ * 2 })",
  "[Flags()] enum Days { Monday = 1; Tuesday = 2 }",
  "class Job : System.Object { [string]$Name }",
  "function Get-Thing { [CmdletBinding()] param() begin {} }",
  "Get-Process | Select-Object Name, Id",
  "$x = $bytes/1MB",
];

describe("valid PowerShell 7 gets no message", () => {
  it.each(GAPS)("%s: alone, first, in the middle and last", (gap) => {
    for (const code of [file(gap), file(gap, ...AFTER), file(...BEFORE, gap, ...AFTER), file(...BEFORE, gap)]) {
      expect(fileMessages(code), code).toEqual([]);
    }
  });

  it("all the gaps in one file", () => {
    expect(fileMessages(file(...BEFORE, ...GAPS, ...AFTER))).toEqual([]);
    expect(fileMessages(file(...GAPS))).toEqual([]);
  });

  it("empty, blank and comment-only files", () => {
    for (const code of ["", "\n\n", " \t \r\n", "# a comment", "<#\n.SYNOPSIS\n  Nothing yet.\n#>\n", "#requires -Version 5.1\n"]) {
      expect(lint(code), JSON.stringify(code)).toEqual([]);
    }
  });
});

/** Quoting that is valid PowerShell: none of it may look unclosed. */
const VALID_QUOTING = [
  `Write-Host "It's fine"`,
  `'It''s fine'`,
  `"say ""hi"" twice"`,
  'Write-Host "a `" b"',
  "Write-Host don`'t",
  `"$($u.Title) on $(Get-Date -Format 'yyyy-MM-dd')"`,
  `"outer $("inner $("deep")") end"`,
  `$t = @"\nHe said "hi" and it's done: $($x.Count)\n  "@ not the end\n"@`,
  `$t = @'\nit's "quoted"\n'@`,
  `$t = @"\n"@`,
  `# a comment that doesn't close a quote`,
  `<# help: it's "here" #>`,
  "${env:ProgramFiles(x86)}",
  "${C:\\it's.txt}",
  `icacls C:\\x --% /grant "Users":(F)`,
  `$msg = "first line\nsecond line"`,
  `Write-Host “it's typographic”`,
  `Write-Host ‘it’’s typographic too’`,
  `"#not a comment"`,
  `$h = @{ 'a' = "b"; "c" = 'd' }`,
  `$x -replace '"', "'"`,
  `[regex]::Escape('"')`,
  `"C:\\path\\"`,
  "Get-Item a#b",
  `Write-Output "x" # it's a comment`,
];

describe("valid quoting is never taken for an unclosed string", () => {
  it.each(VALID_QUOTING)("%s", (snippet) => {
    expect(parse(snippet).errors).toEqual([]);
    expect(fileMessages(file(snippet, "$name = $env:TARGET ?? 'SRV-01'", "Get-Date"))).toEqual([]);
  });

  it("finds what is really left open, by PowerShell's rules", () => {
    /** The first error: its id, where it starts and ends, and what opened the construct left open. */
    const at = (code: string): string | undefined => {
      const [first] = parse(code).errors;
      const opener = first?.openedAt ? ` opened at ${first.openedAt[0]}` : "";
      return first && `${first.errorId} ${first.range[0]}-${first.range[1]}${opener}`;
    };
    // A string or comment never closed runs to the end of the text, as PowerShell reports it.
    expect(at('"a `"')).toBe("TerminatorExpectedAtEndOfString 0-5");
    expect(at("'it''s")).toBe("TerminatorExpectedAtEndOfString 0-6");
    // The footer must start its line: a blank before it makes it text, and PowerShell says so.
    expect(at('$t = @"\ntext\n "@')).toBe("WhitespaceBeforeHereStringFooter 14-16");
    // In a string, `$(` runs to the first unmatched `)`: the quote inside it does not end the string.
    expect(at('"$(Get-Date")')).toBe("TerminatorExpectedAtEndOfString 0-13");
    // A missing `)` is reported after what was read, with the `(` that opened it.
    expect(at("foo (a (b) c")).toBe("MissingEndParenthesisInExpression 12-12 opened at 4");
    expect(at('"(" + $(1) + ")" + (2)')).toBeUndefined();
    expect(at("<# a #> <# b")).toBe("MissingTerminatorMultiLineComment 8-12");
    expect(at("“typographic")).toBe("TerminatorExpectedAtEndOfString 0-12");
  });
});

describe("describeLines", () => {
  it.each([
    [[4], "line 4"],
    [[4, 9], "lines 4 and 9"],
    [[2, 3, 4, 5, 9, 12], "lines 2–5, 9 and 12"],
    [[1, 3, 5, 7, 9, 11, 13], "lines 1, 3, 5, 7 and 3 other places"],
  ])("%j", (lines, text) => {
    expect(describeLines(lines)).toBe(text);
  });
});
