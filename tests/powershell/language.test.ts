/**
 * The PowerShell language itself (parsing, locations, traversal, comments and directives) through the
 * real ESLint `Linter` and `ESLint` classes. The rules here are test-only: they report syntax nodes,
 * so these tests do not depend on the WUA analysis.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ESLint, Linter, type Rule } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import wua from "../../src/index.js";
import { childrenOf } from "../../src/powershell/parser/children.js";

interface PsTestNode {
  type: string;
  range: [number, number];
  parent: PsTestNode | null;
  commandElements?: PsTestNode[];
}

type Listener = (node: PsTestNode) => void;

/** A test rule: its listeners take the language's plain nodes. */
function testRule(create: (context: Rule.RuleContext) => Record<string, Listener>): Rule.RuleModule {
  return { meta: { type: "problem", schema: [] }, create } as unknown as Rule.RuleModule;
}

const textOf = (context: Rule.RuleContext, node: PsTestNode): string => context.sourceCode.text.slice(node.range[0], node.range[1]);

/** Test-only rules: each reports a kind of syntax node, or a broken invariant of the tree. */
const testPlugin = {
  meta: { name: "language-test", version: "0.0.0" },
  rules: {
    commands: testRule((context) => ({
      CommandAst(node) {
        const [name] = node.commandElements!;
        const label = name?.type === "StringConstantExpressionAst" ? textOf(context, name) : "(no name)";
        context.report({ node: node as never, message: `command ${label}` });
      },
    })),
    calls: testRule((context) => ({
      InvokeMemberExpressionAst(node) {
        context.report({ node: node as never, message: `call ${textOf(context, node)}` });
      },
    })),
    /** Enter and exit see the same objects, in nested order, and every parent link agrees. */
    identity: testRule((context) => {
      const entered = new WeakMap<object, number>();
      const open: PsTestNode[] = [];
      let visits = 0;
      const fail = (node: PsTestNode, what: string): void => context.report({ node: node as never, message: `broken: ${what}` });
      return {
        "*"(node: PsTestNode) {
          visits++;
          if (entered.has(node)) fail(node, "entered twice");
          entered.set(node, visits);
          if ((context.sourceCode as unknown as { getParent(n: unknown): unknown }).getParent(node) !== (node.parent ?? undefined)) fail(node, "getParent differs from node.parent");
          if (node.parent !== null && node.parent !== open.at(-1)) fail(node, "parent is not the node entered last");
          if (node.parent !== null && !childrenOf(node.parent as never).includes(node as never)) fail(node, "missing from its parent's children");
          if (node.parent !== null && (node.range[0] < node.parent.range[0] || node.range[1] > node.parent.range[1])) fail(node, "outside its parent's range");
          const ancestors = context.sourceCode.getAncestors(node as never) as unknown[];
          if (ancestors.length !== open.length || ancestors.some((a, i) => a !== open[i])) fail(node, "getAncestors differs from the nodes entered");
          open.push(node);
        },
        "*:exit"(node: PsTestNode) {
          if (open.pop() !== node) fail(node, "exit does not match the last enter");
          if (!entered.has(node)) fail(node, "exit of a node never entered");
        },
        "ScriptBlockAst:exit"(node: PsTestNode) {
          if (node.parent === null) context.report({ node: node as never, message: `visited ${visits}` });
        },
      };
    }),
    selectors: testRule((context) => ({
      "CommandAst > StringConstantExpressionAst:first-child"(node) {
        context.report({ node: node as never, message: `name ${textOf(context, node)}` });
      },
      "CommandAst > CommandParameterAst"(node) {
        context.report({ node: node as never, message: `parameter ${textOf(context, node)}` });
      },
      "ScriptBlockExpressionAst CommandAst"(node) {
        context.report({ node: node as never, message: `nested ${textOf(context, node)}` });
      },
      'CommandAst[invocationOperator="&"]'(node) {
        context.report({ node: node as never, message: `invoked ${textOf(context, node)}` });
      },
      "ScriptBlockAst:exit"(node) {
        if (node.parent === null) context.report({ node: node as never, message: `end of ${node.type}` });
      },
    })),
  },
};

type TestRule = keyof typeof testPlugin.rules;

function config(rules: TestRule[], extra: Linter.Config = {}): Linter.Config[] {
  return [
    {
      files: ["**/*.ps1", "**/*.psm1"],
      plugins: { wua: wua as never, test: testPlugin as never },
      language: "wua/powershell",
      rules: Object.fromEntries(rules.map((rule) => [`test/${rule}`, "error"])),
      ...extra,
    },
  ];
}

function lint(code: string, rules: TestRule[] = ["commands"], extra: Linter.Config = {}): Linter.LintMessage[] {
  return new Linter({ configType: "flat" }).verify(code, config(rules, extra), { filename: "script.ps1" });
}

/** `line:column message` for each message. */
function positions(code: string, rules: TestRule[] = ["commands"], extra: Linter.Config = {}): string[] {
  return lint(code, rules, extra).map((m) => `${m.line}:${m.column} ${m.message}`);
}

/** The messages with the end of the range too. */
function spans(code: string, rules: TestRule[] = ["commands"]): string[] {
  return lint(code, rules).map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`);
}

describe("parsing and locations", () => {
  it("reports commands and calls at their lines and columns (1-based like JS)", () => {
    const code = "Get-Date\n  $s.Call(1)\n\tWrite-Output 'x'\n";
    expect(spans(code, ["commands", "calls"])).toEqual([
      "1:1-1:9 command Get-Date",
      "2:3-2:13 call $s.Call(1)",
      "3:2-3:18 command Write-Output",
    ]);
  });

  it.each([
    ["an empty file", ""],
    ["a whitespace-only file", "  \n\t\r\n   \n"],
    ["a comment-only file", "# only a comment\n<# and a\n   block comment #>\n#requires -Version 5.1\n"],
  ])("lints %s clean, with no parse error", (_, code) => {
    expect(positions(code, ["commands", "calls", "selectors", "identity"])).toEqual(["1:1 end of ScriptBlockAst", "1:1 visited 2"]);
    // With the plugin's own configs too: nothing, and certainly no fatal message.
    expect(new Linter({ configType: "flat" }).verify(code, wua.configs.strict as Linter.Config[], { filename: "a.ps1" })).toEqual([]);
  });

  it("counts lines and columns across CRLF line ends", () => {
    const code = "Get-Date\r\n\r\n   Get-Item x\r\n$s.Call()\r\n";
    expect(spans(code, ["commands", "calls"])).toEqual([
      "1:1-1:9 command Get-Date",
      "3:4-3:14 command Get-Item",
      "4:1-4:10 call $s.Call()",
    ]);
  });

  it("keeps columns right after a byte order mark (ESLint strips it before parsing)", () => {
    const code = "\uFEFFGet-Date\n  Get-Item x\n";
    expect(spans(code)).toEqual(["1:1-1:9 command Get-Date", "2:3-2:13 command Get-Item"]);
  });

  it("counts columns in UTF-16 code units, as ESLint does, after astral characters on the line", () => {
    // "😀" and "𝒳" are two UTF-16 units each, "é" one: Get-Date is the 21st character but at column 23.
    const code = 'Write-Host "😀 é 𝒳"; Get-Date\n$t = "𝒳"; $s.Call()\n';
    expect([...code.split("\n")[0]!].indexOf("G") + 1).toBe(21);
    expect(spans(code, ["commands", "calls"])).toEqual([
      "1:1-1:21 command Write-Host",
      "1:23-1:31 command Get-Date",
      "2:12-2:21 call $s.Call()",
    ]);
  });
});

describe("traversal", () => {
  it("visits stable node objects: enter and exit agree, and getParent() is node.parent", () => {
    const code = [
      "param($Computer)",
      "function Install-All { param($s) foreach ($u in $s.Updates) { $u.AcceptEula() } }",
      "Invoke-Command -ComputerName $Computer -ScriptBlock { Get-Date | Out-Null }",
      "class Runner { [object]$S; [void] Go() { $this.S.CreateUpdateInstaller() } }",
      "$h = @{ a = (1 + 2) * 3; b = @(1, 2) }",
    ].join("\n");
    const messages = positions(code, ["identity"]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^1:1 visited \d+$/u);
    expect(Number(messages[0]!.split(" ").at(-1))).toBeGreaterThan(50);
  });

  it("hands the same node objects to every rule", () => {
    const nodes = new Set<object>();
    const sameNodes: Rule.RuleModule = {
      meta: { schema: [] },
      create: () => ({ CommandAst: (node: object) => void nodes.add(node) }),
    };
    new Linter({ configType: "flat" }).verify(
      "Get-Date; Get-Item x",
      [
        {
          files: ["**/*.ps1"],
          plugins: { wua: wua as never, a: { rules: { r: sameNodes } }, b: { rules: { r: sameNodes } } },
          language: "wua/powershell",
          rules: { "a/r": "error", "b/r": "error" },
        },
      ],
      { filename: "a.ps1" },
    );
    expect(nodes.size).toBe(2);
  });

  it("matches ESLint selectors by PowerShell's own node names: child, :first-child, descendant, attribute and :exit", () => {
    const code = "Get-Item x -Force\nGet-Date\n& { Get-Process -Id 4 }\n";
    expect(positions(code, ["selectors"])).toEqual([
      "1:1 name Get-Item",
      "1:1 end of ScriptBlockAst",
      "1:12 parameter -Force",
      "2:1 name Get-Date",
      "3:1 invoked & { Get-Process -Id 4 }",
      "3:5 nested Get-Process -Id 4",
      "3:5 name Get-Process",
      "3:17 parameter -Id",
    ]);
  });

  it("lints 100 nested script blocks and parentheses, deeper than real scripts go, in full", () => {
    const depth = 100;
    const blocks = `${"& { ".repeat(depth)}Get-Date${" }".repeat(depth)}\nGet-Item after`;
    const blockMessages = positions(blocks, ["commands"]);
    expect(blockMessages).toContain("2:1 command Get-Item");
    expect(blockMessages).toContain(`1:${4 * depth + 1} command Get-Date`);
    const parens = `$x = ${"(".repeat(depth)}$s.Call()${")".repeat(depth)}\nGet-Item after`;
    expect(positions(parens, ["commands", "calls"])).toEqual([`1:${6 + depth} call $s.Call()`, "2:1 command Get-Item"]);
  });

  it("lints 5,000 nested script blocks and parentheses without a stack overflow: one message, and what follows is read", () => {
    const depth = 5_000;
    const blocks = `${"& { ".repeat(depth)}Get-Date${" }".repeat(depth)}\nGet-Item after`;
    const blockMessages = lint(blocks, ["commands"]);
    expect(blockMessages.filter((m) => m.ruleId === null).map((m) => m.message)).toEqual([expect.stringMatching(/nests brackets or blocks too deeply/u)]);
    expect(blockMessages.map((m) => `${m.line}:${m.column} ${m.message}`)).toContain("2:1 command Get-Item");
    const parens = `$x = ${"(".repeat(depth)}$s.Call()${")".repeat(depth)}\nGet-Item after`;
    const parenMessages = lint(parens, ["commands", "calls"]);
    expect(parenMessages.filter((m) => m.ruleId !== null).map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual(["2:1 command Get-Item"]);
  });
});

describe("comments and directives", () => {
  it("# eslint-disable-next-line and # eslint-disable-line", () => {
    const code = ["# eslint-disable-next-line", "Get-Date", "Get-Item x # eslint-disable-line", "Get-Process"].join("\n");
    expect(positions(code)).toEqual(["4:1 command Get-Process"]);
  });

  it("# eslint-disable ... # eslint-enable, and a <# eslint-disable #> block comment", () => {
    const code = ["Get-Date", "# eslint-disable", "Get-Item a", "Get-Item b", "# eslint-enable", "Get-Item c", "<# eslint-disable #>", "Get-Item d"].join("\n");
    expect(positions(code)).toEqual(["1:1 command Get-Date", "6:1 command Get-Item"]);
  });

  it("a block comment can disable the next line, and one spanning lines cannot be a disable-line", () => {
    const code = ["<# eslint-disable-next-line test/commands #>", "Get-Date", "Get-Item x <# eslint-disable-line", "#>"].join("\n");
    expect(positions(code)).toEqual(["3:1 command Get-Item", "3:12 eslint-disable-line comment should not span multiple lines."]);
  });

  it("directives name rules: only those are turned off", () => {
    const code = ["# eslint-disable-next-line test/commands", "Get-Date; $s.Call()", "$t.Other() # eslint-disable-line test/calls"].join("\n");
    expect(positions(code, ["commands", "calls"])).toEqual(["2:11 call $s.Call()"]);
  });

  it("keeps the -- justification with the suppressed message", () => {
    const linter = new Linter({ configType: "flat" });
    const code = "# eslint-disable-next-line test/commands -- runs as a scheduled task on the target\nGet-Date\n";
    expect(linter.verify(code, config(["commands"]), { filename: "a.ps1" })).toEqual([]);
    const [suppressed] = (linter as unknown as { getSuppressedMessages(): Linter.SuppressedLintMessage[] }).getSuppressedMessages();
    expect(suppressed?.message).toBe("command Get-Date");
    expect(suppressed?.suppressions).toEqual([{ kind: "directive", justification: "runs as a scheduled task on the target" }]);
  });

  it("reports an unused disable directive when asked, and its fix leaves valid PowerShell", () => {
    const code = "# eslint-disable-next-line test/commands\n$a = 1\nGet-Date # eslint-disable-line test/commands\n";
    const extra: Linter.Config = { linterOptions: { reportUnusedDisableDirectives: "error" } };
    const messages = lint(code, ["commands"], extra);
    expect(messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}`)).toEqual([
      "1:1 2 null Unused eslint-disable directive (no problems were reported from 'test/commands').",
    ]);
    const fixed = new Linter({ configType: "flat" }).verifyAndFix(code, config(["commands"], extra), { filename: "a.ps1" });
    expect(fixed.output).toBe(" \n$a = 1\nGet-Date # eslint-disable-line test/commands\n");
    expect(fixed.messages).toEqual([]);
  });

  it("# eslint <rule>: <severity> configures a rule inline, and a bad one is reported", () => {
    expect(positions("# eslint test/commands: off\nGet-Date\n")).toEqual([]);
    expect(positions("# eslint test/calls: error\nGet-Date\n$s.Call()\n", [])).toEqual(["3:1 call $s.Call()"]);
    const bad = lint("# eslint test/commands: [\nGet-Date\n");
    expect(bad.find((m) => m.ruleId === null)?.fatal).toBe(true);
  });

  it("does not read directives out of strings or here-strings", () => {
    const code = ['$a = "# eslint-disable-next-line"', "Get-Date", "$b = @'", "# eslint-disable", "'@", "Get-Item x"].join("\n");
    expect(positions(code)).toEqual(["2:1 command Get-Date", "6:1 command Get-Item"]);
  });

  it("ignores directives when inline config is off", () => {
    const code = "# eslint-disable-next-line\nGet-Date\n";
    const messages = lint(code, ["commands"], { linterOptions: { noInlineConfig: true } });
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(["1:1 null", "2:1 test/commands"]);
  });
});

/**
 * Valid PowerShell that the tree-sitter grammar this plugin once used misread (powershell-notes.md):
 * kept as a check that each is read whole, with what follows it.
 */
const GAPS: Record<string, string> = {
  "the ternary operator ?:": "$mode = $IsDebug ? 'debug' : 'release'",
  "null-coalescing ??": "$name = $env:TARGET ?? 'SRV-01'",
  "null-coalescing assignment ??=": "$cache ??= @{}",
  "the null-conditional member ?.": "$len = ${item}?.Length",
  "a labelled break": ":outer foreach ($i in 1..3) { foreach ($j in 1..3) { break outer } }",
  "a labelled continue": ":outer while ($true) { continue outer }",
  ".ForEach(": "(1..3).ForEach({ $_ * 2 })",
  "[Flags()] enum": "[Flags()] enum Days { Monday = 1; Tuesday = 2 }",
  "class B : System.Object": "class Job : System.Object { [string]$Name }",
  "one-line [CmdletBinding()] param() begin {}": "function Get-Thing { [CmdletBinding()] param() begin {} }",
  "Select-Object Name, Id": "Get-Process | Select-Object Name, Id",
  "$x/1MB": "$x = $bytes/1MB",
};

describe("constructs a grammar once misread are read whole", () => {
  it.each(Object.entries(GAPS))("%s: no parse error, and a command and a call after it are still read", (_, gap) => {
    const code = `${gap}\nWrite-Output after\n$marker.Done()\n`;
    const messages = lint(code, ["commands", "calls", "identity"]);
    expect(messages.filter((m) => m.fatal || m.ruleId === null || m.message.startsWith("broken"))).toEqual([]);
    const after = messages.filter((m) => m.line >= 2 && m.ruleId !== "test/identity").map((m) => `${m.line}:${m.column} ${m.message}`);
    expect(after).toEqual(["2:1 command Write-Output", "3:1 call $marker.Done()"]);
  });

  it.each(Object.entries(GAPS))("%s: the line right after it is read", (_, gap) => {
    for (const next of ["$marker.Done()", "Write-Output after"]) {
      const code = `param($Computer)\n${gap}\n${next}\n`;
      const after = lint(code, ["commands", "calls"]).filter((m) => m.line === 3);
      expect(after.map((m) => `${m.column} ${m.message}`), next).toEqual([next.startsWith("$") ? `1 call ${next}` : "1 command Write-Output"]);
    }
  });
});

describe("the ESLint class", () => {
  const folder = mkdtempSync(join(tmpdir(), "wua-ps-language-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("lints .ps1 and .psm1 files from disk, a BOM and CRLF included", async () => {
    writeFileSync(join(folder, "a.ps1"), "\uFEFFGet-Date\r\n  Get-Item x\r\n");
    writeFileSync(join(folder, "b.psm1"), "function F { Get-Process }\n");
    writeFileSync(join(folder, "c.txt"), "Get-Date\n");
    const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: config(["commands"]) });
    const results = await eslint.lintFiles(["."]);
    expect(results.map((r) => [r.filePath.slice(folder.length + 1), r.messages.map((m) => `${m.line}:${m.column} ${m.message}`)])).toEqual([
      ["a.ps1", ["1:1 command Get-Date", "2:3 command Get-Item"]],
      ["b.psm1", ["1:14 command Get-Process"]],
    ]);
  });

  it("lintText() with a .ps1 path", async () => {
    const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: config(["calls"]) });
    const [result] = await eslint.lintText("$s.Call()\n", { filePath: join(folder, "t.ps1") });
    expect(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(["1:1 test/calls"]);
  });
});
