/**
 * The VBScript language itself (`wua/vbscript`: parsing, locations, traversal, comments and
 * directives) through the real ESLint `Linter` and `ESLint` classes. The rules here are test-only:
 * they report syntax nodes, so these tests do not depend on the WUA analysis.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ESLint, Linter, type Rule } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import wua from "../../src/index.js";
import { childrenOf } from "../../src/vbscript/parser/children.js";
import { parse } from "../../src/vbscript/parser/index.js";

interface VbTestNode {
  type: string;
  range: [number, number];
  parent: VbTestNode | null;
}

type Listener = (node: VbTestNode) => void;

function testRule(create: (context: Rule.RuleContext) => Record<string, Listener>): Rule.RuleModule {
  return { meta: { type: "problem", schema: [] }, create } as unknown as Rule.RuleModule;
}

const textOf = (context: Rule.RuleContext, node: VbTestNode): string => context.sourceCode.text.slice(node.range[0], node.range[1]);

const testPlugin = {
  meta: { name: "vbscript-language-test", version: "0.0.0" },
  rules: {
    /** Every call statement, as written. */
    calls: testRule((context) => ({
      CallStatement(node) {
        context.report({ node: node as never, message: `call ${textOf(context, node)}` });
      },
    })),
    /** Enter and exit see the same objects, in nested order, and every parent link agrees. */
    identity: testRule((context) => {
      const open: VbTestNode[] = [];
      let visits = 0;
      const fail = (node: VbTestNode, what: string): void => context.report({ node: node as never, message: `broken: ${what}` });
      return {
        "*"(node: VbTestNode) {
          visits++;
          if ((context.sourceCode as unknown as { getParent(n: unknown): unknown }).getParent(node) !== (node.parent ?? undefined)) fail(node, "getParent differs from node.parent");
          if (node.parent !== null && node.parent !== open.at(-1)) fail(node, "parent is not the node entered last");
          if (node.parent !== null && !childrenOf(node.parent as never).includes(node as never)) fail(node, "missing from its parent's children");
          if (node.parent !== null && (node.range[0] < node.parent.range[0] || node.range[1] > node.parent.range[1])) fail(node, "outside its parent's range");
          open.push(node);
        },
        "*:exit"(node: VbTestNode) {
          if (open.pop() !== node) fail(node, "exit does not match the last enter");
        },
        "Program:exit"(node: VbTestNode) {
          context.report({ node: node as never, message: `visited ${visits}` });
        },
      };
    }),
    selectors: testRule((context) => ({
      "SetStatement > IndexOrCallExpression > Identifier.callee"(node) {
        context.report({ node: node as never, message: `set from ${textOf(context, node)}` });
      },
      "WithStatement MemberExpression[object=null]"(node) {
        context.report({ node: node as never, message: `with member ${textOf(context, node)}` });
      },
      'IfStatement[singleLine=true]'(node) {
        context.report({ node: node as never, message: `one-line if ${textOf(context, node)}` });
      },
    })),
  },
};

type TestRule = keyof typeof testPlugin.rules;

function config(rules: TestRule[], extra: Linter.Config = {}): Linter.Config[] {
  return [
    {
      files: ["**/*.vbs"],
      plugins: { wua, test: testPlugin as never },
      language: "wua/vbscript",
      rules: Object.fromEntries(rules.map((rule) => [`test/${rule}`, "error"])),
      ...extra,
    },
  ];
}

function lint(code: string, rules: TestRule[] = ["calls"], extra: Linter.Config = {}): Linter.LintMessage[] {
  return new Linter({ configType: "flat" }).verify(code, config(rules, extra), { filename: "script.vbs" });
}

const positions = (code: string, rules: TestRule[] = ["calls"], extra: Linter.Config = {}): string[] =>
  lint(code, rules, extra).map((m) => `${m.line}:${m.column} ${m.message}`);

const spans = (code: string, rules: TestRule[] = ["calls"]): string[] =>
  lint(code, rules).map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`);

describe("parsing and locations", () => {
  it("reports statements at their lines and columns (1-based like JS), each call form as one statement", () => {
    const code = 'WScript.Echo "a"\n  Call Run(1, 2)\n\tsearcher.Search "IsInstalled=0" : obj.Method\n';
    expect(spans(code)).toEqual([
      '1:1-1:17 call WScript.Echo "a"',
      "2:3-2:17 call Call Run(1, 2)",
      '3:2-3:33 call searcher.Search "IsInstalled=0"',
      "3:36-3:46 call obj.Method",
    ]);
  });

  it("counts lines and columns across CRLF line ends and `_` continuations", () => {
    expect(positions('x = 1\r\nWScript.Echo _\r\n  "a", _\r\n  "b"\r\nStop\r\nf\r\n')).toEqual(['2:1 call WScript.Echo _\r\n  "a", _\r\n  "b"', "6:1 call f"]);
  });

  it("keeps columns right after a byte order mark (ESLint strips it before parsing)", () => {
    expect(positions("\uFEFFWScript.Echo 1\n")).toEqual(["1:1 call WScript.Echo 1"]);
  });

  it("counts columns in UTF-16 code units, as ESLint does, after astral characters on the line", () => {
    // "😀" and "𝒳" are two UTF-16 units each: f is the 12th character but at column 14.
    expect(positions('x = "😀𝒳" : f\n')).toEqual(["1:14 call f"]);
  });

  it("visits stable node objects: enter and exit agree, and getParent() is node.parent", () => {
    const code = [
      "Class C",
      "  Private m",
      "  Public Property Get P()",
      "    Set P = m",
      "  End Property",
      "End Class",
      "Function F(ByVal a, b)",
      "  Select Case a",
      "    Case 1, 2 : F = b(1).c",
      "    Case Else : If a Then F = 1 Else F = 2",
      "  End Select",
      "End Function",
      "With CreateObject(\"Microsoft.Update.Session\")",
      "  For Each u In .CreateUpdateSearcher().Search(\"x\").Updates : Do While Not u Is Nothing : Loop : Next",
      "End With",
    ].join("\n");
    const messages = lint(code, ["identity"]).map((m) => m.message);
    expect(messages.filter((m) => m.startsWith("broken"))).toEqual([]);
    expect(Number(messages.at(-1)!.split(" ").at(-1))).toBeGreaterThan(40);
  });

  it("matches ESLint selectors by the node names of VBScript's reference: child, field, attribute, descendant", () => {
    const code = 'Set s = CreateObject("Microsoft.Update.Session")\nWith s\n  .CreateUpdateSearcher\nEnd With\nIf a Then b\n';
    expect(positions(code, ["selectors"])).toEqual([
      "1:9 set from CreateObject",
      "3:3 with member .CreateUpdateSearcher",
      "5:1 one-line if If a Then b",
    ]);
  });
});

describe("comments and directives", () => {
  const twoCalls = (comment: string): string => `${comment}\nf\ng\n`;

  it("' eslint-disable-next-line and Rem eslint-disable-line, in any case", () => {
    expect(positions(twoCalls("' eslint-disable-next-line test/calls"))).toEqual(["3:1 call g"]);
    expect(positions("f ' eslint-disable-line test/calls\ng\n")).toEqual(["2:1 call g"]);
    expect(positions("f : REM eslint-disable-line test/calls\ng\n")).toEqual(["2:1 call g"]);
    expect(positions("rem eslint-disable-next-line\nf\ng\n")).toEqual(["3:1 call g"]);
  });

  it("' eslint-disable ... ' eslint-enable", () => {
    expect(positions("' eslint-disable test/calls\nf\n' eslint-enable test/calls\ng\n")).toEqual(["4:1 call g"]);
  });

  it("keeps the -- justification with the suppressed message", () => {
    const linter = new Linter({ configType: "flat" });
    expect(linter.verify("' eslint-disable-next-line test/calls -- runs on the target itself\nf\n", config(["calls"]), { filename: "a.vbs" })).toEqual([]);
    // Linter's type leaves out getSuppressedMessages(), which ESLint documents and the CLI uses.
    const suppressed = (linter as unknown as { getSuppressedMessages(): Linter.SuppressedLintMessage[] }).getSuppressedMessages();
    expect(suppressed.map((m) => [m.message, m.suppressions])).toEqual([
      ["call f", [{ kind: "directive", justification: "runs on the target itself" }]],
    ]);
  });

  it("reports an unused disable directive when asked, and its fix leaves valid VBScript", () => {
    const code = "' eslint-disable-next-line test/calls\nx = 1\nf\n";
    const messages = lint(code, ["calls"], { linterOptions: { reportUnusedDisableDirectives: "error" } });
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([
      "1:1 null Unused eslint-disable directive (no problems were reported from 'test/calls').",
      "3:1 test/calls call f",
    ]);
    const fix = messages[0]!.fix!;
    const fixed = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
    expect(parse(fixed).errors).toEqual([]);
    expect(fixed).not.toContain("eslint-disable");
  });

  it("' eslint <rule>: <severity> configures a rule inline, and a bad one is reported", () => {
    expect(positions("' eslint test/calls: off\nf\n")).toEqual([]);
    expect(positions("' eslint test/calls: nonsense\nf\n")[0]).toMatch(/^1:1 /u);
  });

  it("does not read directives out of strings", () => {
    expect(positions("x = \"' eslint-disable-next-line test/calls\"\nf\n")).toEqual(["2:1 call f"]);
  });

  it("ignores directives when inline config is off, and says so at the directive", () => {
    expect(positions(twoCalls("' eslint-disable-next-line test/calls"), ["calls"], { linterOptions: { noInlineConfig: true } })).toEqual([
      "1:1 '' eslint-disable-next-line test/calls' has no effect because you have 'noInlineConfig' setting in your config.",
      "2:1 call f",
      "3:1 call g",
    ]);
  });
});

describe("a file VBScript would not run", () => {
  it("gets one message, at cscript's first error, with its number, and the rest is still linted", () => {
    const messages = lint("If x Then\n  f\n' no End If\ng\n").map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    expect(messages.filter((m) => m.includes(" null "))).toEqual([
      "5:1 null VBScript cannot run this file: Expected 'End' (800A03F6) at line 5, column 1. cscript stops before running any of it; wua rules checked the rest of the file as code. Correct the script and lint again.",
    ]);
    expect(messages.filter((m) => m.includes("test/calls"))).toEqual(["2:3 test/calls call f", "4:1 test/calls call g"]);
  });

  it("a file saved as UTF-16 and read as UTF-8 gets one message that says so", () => {
    const misread = new TextDecoder().decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('WScript.Echo "x"\r\n', "utf16le")]));
    expect(lint(misread).map((m) => m.message)).toEqual([
      'This file could not be read: it looks saved as UTF-16 ("Unicode") or UTF-32, and ESLint reads files as UTF-8. wua rules did not check it. Save the file as UTF-8 (with or without a BOM), or lint it with wua-lint, which reads UTF-16 and UTF-32.',
    ]);
  });
});

describe("through the ESLint class and the plugin's configs", () => {
  const folder = mkdtempSync(join(tmpdir(), "wua-vbs-language-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("recommended and strict lint .vbs files from disk with the VBScript language, a BOM and CRLF included", async () => {
    writeFileSync(join(folder, "ok.vbs"), "\uFEFFOption Explicit\r\nDim s : Set s = CreateObject(\"Microsoft.Update.Session\")\r\nWScript.Echo s.ClientApplicationID\r\n");
    writeFileSync(join(folder, "broken.vbs"), "Sub Main(\r\n");
    for (const configName of ["recommended", "strict"] as const) {
      const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: wua.configs[configName] });
      const results = await eslint.lintFiles(["*.vbs"]);
      const byName = Object.fromEntries(results.map((r) => [r.filePath.slice(folder.length + 1), r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)]));
      expect(byName).toEqual({ "broken.vbs": ["1:10 null"], "ok.vbs": [] });
      expect((await eslint.calculateConfigForFile(join(folder, "ok.vbs")) as { language?: unknown }).language).toBe(wua.languages.vbscript);
    }
  });

  it("every wua rule declares the VBScript language", () => {
    for (const rule of Object.values(wua.rules)) expect((rule.meta as { languages?: string[] }).languages).toContain("wua/vbscript");
  });
});
