/** The code of a constant string, with its nodes placed where their text sits inside the string in the file. */
import { describe, expect, it } from "vitest";
import { isStringCode, parseStringAsCode } from "../../src/powershell/analysis/string-code.js";
import { forEachChild } from "../../src/powershell/parser/children.js";
import { parse } from "../../src/powershell/parser/index.js";
import type { Ast, FunctionDefinitionAst, ScriptBlockAst, StringConstantExpressionAst, TypeExpressionAst } from "../../src/powershell/parser/index.js";
import { LineIndex } from "../../src/text/line-index.js";

function nodesOf(root: Ast): Ast[] {
  const found: Ast[] = [];
  const visit = (node: Ast): void => {
    found.push(node);
    forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** The string given to the first `[scriptblock]::Create(...)` of the file. */
function createArgument(fileText: string): StringConstantExpressionAst {
  const file = parse(fileText);
  expect(file.errors).toEqual([]);
  for (const node of nodesOf(file)) {
    if (node.type !== "InvokeMemberExpressionAst" || node.expression.type !== "TypeExpressionAst") continue;
    const argument = node.arguments[0];
    if (argument?.type === "StringConstantExpressionAst") return argument;
  }
  throw new Error("no [scriptblock]::Create('...') in the file");
}

/** The string constant of the code whose value is `value` (a member name, a command name, a string). */
function constant(root: ScriptBlockAst, value: string): StringConstantExpressionAst {
  const node = nodesOf(root).find((n): n is StringConstantExpressionAst => n.type === "StringConstantExpressionAst" && n.value === value);
  if (node === undefined) throw new Error(`no ${value} in the code`);
  return node;
}

function codeOf(fileText: string, string = createArgument(fileText)): ScriptBlockAst {
  const root = parseStringAsCode(string, fileText);
  if (root === undefined) throw new Error("the string's code did not parse");
  return root;
}

const slice = (fileText: string, node: { range: readonly [number, number] }): string => fileText.slice(node.range[0], node.range[1]);

/** `node` lies on `text`, the `occurrence`-th one in the file (1-based), by range and by loc. */
function expectAt(fileText: string, node: Ast, text: string, occurrence = 1): void {
  let at = -1;
  for (let n = 0; n < occurrence; n++) at = fileText.indexOf(text, at + 1);
  expect(at).not.toBe(-1);
  const lines = new LineIndex(fileText);
  expect(node.range).toEqual([at, at + text.length]);
  expect(node.loc).toEqual({ start: lines.positionAt(at), end: lines.positionAt(at + text.length) });
  expect(slice(fileText, node)).toBe(text);
}

describe("single-quoted strings", () => {
  it("places the nodes of the code where their text is in the file", () => {
    const fileText = "$x = 1\n$b = [scriptblock]::Create('$s = New-Object -ComObject Microsoft.Update.Session; $s.CreateUpdateInstaller()')\n& $b\n";
    const string = createArgument(fileText);
    const root = codeOf(fileText, string);
    expectAt(fileText, constant(root, "CreateUpdateInstaller"), "CreateUpdateInstaller");
    expectAt(fileText, constant(root, "New-Object"), "New-Object");
    expectAt(fileText, constant(root, "Microsoft.Update.Session"), "Microsoft.Update.Session");
    const call = nodesOf(root).find((n) => n.type === "InvokeMemberExpressionAst")!;
    expectAt(fileText, call, "$s.CreateUpdateInstaller()");
    expect(call.loc.start).toEqual({ line: 2, column: 81 });
    // The root covers the string's text between its quotes.
    expect(root.range).toEqual([string.range[0] + 1, string.range[1] - 1]);
    expect(slice(fileText, root)).toBe(string.value);
  });

  it("reads doubled quotes as one, and places a string of the code on its doubled quotes", () => {
    const fileText = "$b = [scriptblock]::Create('$s = New-Object -ComObject ''Microsoft.Update.Session''; $s.CreateUpdateInstaller()')";
    const root = codeOf(fileText);
    expectAt(fileText, constant(root, "Microsoft.Update.Session"), "''Microsoft.Update.Session''");
    expectAt(fileText, constant(root, "CreateUpdateInstaller"), "CreateUpdateInstaller");
    expectAt(fileText, constant(root, "New-Object"), "New-Object");
  });

  it("takes typographic single quotes as quotes, doubled ones too", () => {
    const fileText = "$b = [scriptblock]::Create(\u2018$s.Install(\u2018\u2018a\u2019\u2019); $s.CreateUpdateInstaller()\u2019)";
    const string = createArgument(fileText);
    expect(string.value).toBe("$s.Install(\u2018a\u2019); $s.CreateUpdateInstaller()");
    const root = codeOf(fileText, string);
    expectAt(fileText, constant(root, "a"), "\u2018\u2018a\u2019\u2019");
    expectAt(fileText, constant(root, "Install"), "Install");
    expectAt(fileText, constant(root, "CreateUpdateInstaller"), "CreateUpdateInstaller");
  });

  it("counts lines in the file, CRLF ones included, for code spanning lines", () => {
    const fileText = "$x = 1\r\n$b = [scriptblock]::Create('\r\n  $s = New-Object -ComObject Microsoft.Update.Session\r\n  $s.CreateUpdateInstaller()\r\n')\r\n";
    const root = codeOf(fileText);
    const member = constant(root, "CreateUpdateInstaller");
    expectAt(fileText, member, "CreateUpdateInstaller");
    expect(member.loc).toEqual({ start: { line: 4, column: 5 }, end: { line: 4, column: 26 } });
  });
});

describe("double-quoted strings", () => {
  it("places code read through backtick escapes and doubled quotes on the escapes as written", () => {
    const fileText = '$b = [scriptblock]::Create("`$s = New-Object -ComObject ""Microsoft.Update.Session""`n`tWrite-Host `u{263A} \'a``b\'`r`n`$s.CreateUpdateInstaller()")';
    const string = createArgument(fileText);
    expect(string.stringConstantType).toBe("DoubleQuoted");
    expect(string.value).toBe("$s = New-Object -ComObject \"Microsoft.Update.Session\"\n\tWrite-Host \u263A 'a`b'\r\n$s.CreateUpdateInstaller()");
    const root = codeOf(fileText, string);
    expectAt(fileText, constant(root, "Microsoft.Update.Session"), '""Microsoft.Update.Session""');
    expectAt(fileText, constant(root, "\u263A"), "`u{263A}");
    expectAt(fileText, constant(root, "a`b"), "'a``b'");
    expectAt(fileText, constant(root, "Write-Host"), "Write-Host");
    expectAt(fileText, constant(root, "CreateUpdateInstaller"), "CreateUpdateInstaller");
    // The variables start on the backtick that escapes their `$`.
    const variables = nodesOf(root).filter((n) => n.type === "VariableExpressionAst");
    expect(variables.map((v) => slice(fileText, v))).toEqual(["`$s", "`$s"]);
    // The code is on one line of the file: columns count the escapes as written.
    expect(constant(root, "CreateUpdateInstaller").loc.start).toEqual({ line: 1, column: fileText.indexOf("CreateUpdateInstaller") });
  });
});

describe("here-strings", () => {
  const cases = [
    { kind: "SingleQuotedHereString", eol: "\r\n", open: "@'", close: "'@", dollar: "$", quoted: "'Microsoft.Update.Session'" },
    { kind: "SingleQuotedHereString", eol: "\n", open: "@'", close: "'@", dollar: "$", quoted: "'Microsoft.Update.Session'" },
    // In a double-quoted here-string doubled quotes stay doubled: only backticks escape.
    { kind: "DoubleQuotedHereString", eol: "\r\n", open: '@"', close: '"@', dollar: "`$", quoted: '"Microsoft.Update.Session"' },
    { kind: "DoubleQuotedHereString", eol: "\n", open: '@"', close: '"@', dollar: "`$", quoted: '"Microsoft.Update.Session"' },
  ];

  it.each(cases)("$kind with $eol line ends spans the lines of the file", ({ kind, eol, open, close, dollar, quoted }) => {
    const lines = [
      "$x = 1",
      `$b = [scriptblock]::Create(${open}  `,
      `${dollar}s = New-Object -ComObject ${quoted}`,
      "",
      `  ${dollar}s.CreateUpdateInstaller()`,
      `${close})`,
      "& $b",
    ];
    const fileText = lines.join(eol);
    const string = createArgument(fileText);
    expect(string.stringConstantType).toBe(kind);
    expect(string.value).toBe(["$s = New-Object -ComObject " + quoted, "", "  $s.CreateUpdateInstaller()"].join(eol));
    const root = codeOf(fileText, string);
    const member = constant(root, "CreateUpdateInstaller");
    expectAt(fileText, member, "CreateUpdateInstaller");
    expect(member.loc.start).toEqual({ line: 5, column: 3 + dollar.length + 1 });
    expectAt(fileText, constant(root, "Microsoft.Update.Session"), quoted);
    expectAt(fileText, constant(root, "New-Object"), "New-Object");
    const variables = nodesOf(root).filter((n) => n.type === "VariableExpressionAst");
    expect(variables.map((v) => slice(fileText, v))).toEqual([`${dollar}s`, `${dollar}s`]);
    expect(variables[0]!.loc.start).toEqual({ line: 3, column: 0 });
    // The code runs from after the header's line end to before the footer's.
    const contentStart = fileText.indexOf(eol, fileText.indexOf(open)) + eol.length;
    expect(root.range).toEqual([contentStart, fileText.indexOf(eol + close)]);
  });

  it("places nothing outside an empty here-string", () => {
    const fileText = "$b = [scriptblock]::Create(@'\r\n'@)";
    const root = codeOf(fileText);
    expect(root.range).toEqual([fileText.indexOf("'@"), fileText.indexOf("'@")]);
    expect(root.endBlock?.statements).toEqual([]);
  });
});

describe("bare words", () => {
  it("places the code of a command argument written bare", () => {
    const fileText = "Invoke-Expression Get-Date\n";
    const string = nodesOf(parse(fileText)).find((n): n is StringConstantExpressionAst => n.type === "StringConstantExpressionAst" && n.value === "Get-Date")!;
    expect(string.stringConstantType).toBe("BareWord");
    const root = codeOf(fileText, string);
    expectAt(fileText, constant(root, "Get-Date"), "Get-Date");
    expectAt(fileText, root, "Get-Date");
  });

  it("ends a node at its own text where a quoted part of the word follows", () => {
    const fileText = "Invoke-Expression Get-Item'  'C:\\Temp";
    const string = nodesOf(parse(fileText)).find((n): n is StringConstantExpressionAst => n.type === "StringConstantExpressionAst" && n.stringConstantType === "BareWord" && n.value.startsWith("Get-Item"))!;
    expect(string.value).toBe("Get-Item  C:\\Temp");
    const root = codeOf(fileText, string);
    expectAt(fileText, constant(root, "Get-Item"), "Get-Item");
    expectAt(fileText, constant(root, "C:\\Temp"), "C:\\Temp");
  });
});

describe("the tree made", () => {
  it("is a tree of its own, marked as code made from a string", () => {
    const fileText = "$b = [scriptblock]::Create('$s.CreateUpdateInstaller()')";
    const file = parse(fileText);
    const root = codeOf(fileText);
    expect(root.parent).toBeNull();
    expect(root.type).toBe("ScriptBlockAst");
    for (const node of nodesOf(root)) {
      forEachChild(node, (child) => expect(child.parent).toBe(node));
    }
    expect(isStringCode(root)).toBe(true);
    expect(isStringCode(file)).toBe(false);
  });

  it("moves every position it keeps: names, type names and comments", () => {
    const fileText = "$b = [scriptblock]::Create('function Install { [Activator]::CreateInstance([type]::GetTypeFromProgID(''Microsoft.Update.Session'')) } # note')";
    const root = codeOf(fileText) as ScriptBlockAst & { comments: { range: [number, number]; loc: unknown }[] };
    const definition = nodesOf(root).find((n): n is FunctionDefinitionAst => n.type === "FunctionDefinitionAst")!;
    expect(fileText.slice(...definition.nameRange)).toBe("Install");
    const types = nodesOf(root).filter((n): n is TypeExpressionAst => n.type === "TypeExpressionAst");
    expect(types.map((t) => fileText.slice(...t.typeName.range))).toEqual(["Activator", "type"]);
    expect(root.comments.map((c) => slice(fileText, c))).toEqual(["# note"]);
    const lines = new LineIndex(fileText);
    expect(root.comments[0]!.loc).toEqual({ start: lines.positionAt(fileText.indexOf("# note")), end: lines.positionAt(fileText.indexOf("# note") + 6) });
  });

  it("uses the line index it is given", () => {
    const fileText = "\n\n$b = [scriptblock]::Create('$s.CreateUpdateInstaller()')";
    const lines = new LineIndex(fileText);
    const root = parseStringAsCode(createArgument(fileText), fileText, lines)!;
    expect(constant(root, "CreateUpdateInstaller").loc.start).toEqual(lines.positionAt(fileText.indexOf("CreateUpdateInstaller")));
    expect(constant(root, "CreateUpdateInstaller").loc.start.line).toBe(3);
  });
});

describe("strings that give no code, or no places", () => {
  it("gives undefined for text that does not parse", () => {
    const fileText = "$b = [scriptblock]::Create('$s.CreateUpdateInstaller(')";
    expect(parseStringAsCode(createArgument(fileText), fileText)).toBeUndefined();
    const unclosed = "$b = [scriptblock]::Create('if ($x) {')";
    expect(parseStringAsCode(createArgument(unclosed), unclosed)).toBeUndefined();
  });

  it("gives an empty script for an empty string, placed between its quotes", () => {
    const fileText = "$b = [scriptblock]::Create('')";
    const root = codeOf(fileText);
    const inside = fileText.indexOf("''") + 1;
    expect(root.range).toEqual([inside, inside]);
    expect(root.endBlock?.statements).toEqual([]);
    expect(root.loc.start).toEqual({ line: 1, column: inside });
  });

  it("gives no code for a string whose text does not read back to its value: its nodes have no place", () => {
    // Inside a double-quoted string's `$( )`, PowerShell drops the first quote of each `""`.
    const fileText = '"$([scriptblock]::Create(""Get-Date""))"';
    const string = createArgument(fileText);
    expect(string.value).toBe("Get-Date");
    // The string's range starts after the dropped quote but ends on both of the closing pair.
    expect(slice(fileText, string)).toBe('"Get-Date""');
    expect(parseStringAsCode(string, fileText)).toBeUndefined();
  });
});
