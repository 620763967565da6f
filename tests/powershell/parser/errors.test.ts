/**
 * Broken input, in the manner of acorn's `testFail(code, "message (line:column)")` tables: each row is
 * a source and the FIRST error PowerShell's own parser reports for it, `ErrorId (line:column)`, with
 * ESLint's convention for the place (line 1-based, column 0-based, where the error's range starts).
 * The ids and places come from PowerShell's C# (Parser.cs, tokenizer.cs): the method that reports each
 * one is named in the comment above its group.
 *
 * PowerShell never stops at the first error, and neither must we: a row whose source has a line
 * `Next-Command` also checks that this statement, after the broken one, is still read as a command.
 * Rows without it break something that runs to the end of the file (a string, a comment, a brace).
 *
 * Then the other side: valid input, some of it odd-looking, that must parse with no error at all.
 */
import { describe, expect, it } from "vitest";
import { type Ast, parse } from "../../../src/powershell/parser/index.js";
import { VISITOR_KEYS } from "../../../src/powershell/parser/visitor-keys.js";

/** `ErrorId (line:column)` of the first error, or "no error". */
function firstError(code: string): string {
  const error = parse(code).errors[0];
  return error === undefined ? "no error" : `${error.errorId} (${error.loc.start.line}:${error.loc.start.column})`;
}

/** The command names (first element, when a bareword) of every CommandAst in the tree. */
function commandNames(code: string): string[] {
  const names: string[] = [];
  const pending: Ast[] = [parse(code)];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === "CommandAst") {
      const first = node.commandElements[0];
      if (first?.type === "StringConstantExpressionAst") names.push(first.value);
    }
    for (const key of VISITOR_KEYS[node.type]) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) if (child != null) pending.push(child as Ast);
    }
  }
  return names;
}

function testFail(code: string, expected: string): void {
  it(`${JSON.stringify(code)} → ${expected}`, () => {
    expect(firstError(code)).toBe(expected);
    if (code.includes("\nNext-Command")) expect(commandNames(code)).toContain("Next-Command");
  });
}

function testPass(code: string): void {
  it(JSON.stringify(code), () => {
    expect(parse(code).errors.map((error) => `${error.errorId} (${error.loc.start.line}:${error.loc.start.column})`)).toEqual([]);
  });
}

describe("tokenizer errors", () => {
  // ScanStringLiteral / ScanStringExpandable: at the opening quote; the string runs to the end.
  testFail("'abc", "TerminatorExpectedAtEndOfString (1:0)");
  testFail('Get-X\n"abc', "TerminatorExpectedAtEndOfString (2:0)");
  // ScanHereStringLiteral: at the header when no footer comes; at the first footer written after
  // white space when that is the only one (the footer must start its line).
  testFail("@'\nabc", "TerminatorExpectedAtEndOfString (1:0)");
  testFail('@"\nabc\n "@', "WhitespaceBeforeHereStringFooter (3:1)");
  // ScanAfterHereStringHeader: ReportError(_currentIndex): the first character after the header's blanks.
  testFail('@" x\n"@', "UnexpectedCharactersAfterHereStringHeader (1:3)");
  // ScanBlockComment: at `<#`.
  testFail("<# comment", "MissingTerminatorMultiLineComment (1:0)");
  // ScanVariable: errorStartPosition is taken after the `$` was read, so the error starts at `{`.
  testFail("${abc", "IncompleteDollarVariableReference (1:1)");
  // ScanVariable: ReportError(_currentIndex - 1), the `}` of `${}`.
  testFail("${}\nNext-Command", "EmptyVariableReference (1:2)");
  // ScanSubExpression: _tokenStart = the `$` of `$(`.
  testFail('"$(1', "IncompleteDollarSubexpressionReference (1:1)");
  // ScanVariable: an empty name after a drive (VariablePath.IsDriveQualified: a colon not first)
  // is InvalidVariableReferenceWithDrive; after a scope (`script:` is not a drive) InvalidVariableReference.
  testFail('"$name: x"\nNext-Command', "InvalidVariableReferenceWithDrive (1:1)");
  testFail("$env:\nNext-Command", "InvalidVariableReferenceWithDrive (1:0)");
  testFail("$script:\nNext-Command", "InvalidVariableReference (1:0)");
  // ScanNumber: a number out of its type's range is an error in expression mode (a bareword in command mode).
  testFail("1usgb\nNext-Command", "BadNumericConstant (1:0)");
  testFail("256uy\nNext-Command", "BadNumericConstant (1:0)");
  // TryGetNumberValue: `d` reads the text with decimal.TryParse, which fails beyond decimal's range.
  testFail("1e400d\nNext-Command", "BadNumericConstant (1:0)");
  // NextToken: `@` followed by nothing it can start.
  testFail("@\nNext-Command", "UnrecognizedToken (1:0)");
  // ScanSubExpression counts parentheses without knowing quotes (PowerShell issue #4543): the
  // sub-expression is `$(')`, whose `'` string never ends.
  testFail('"$(\')\')"', "TerminatorExpectedAtEndOfString (1:3)");
});

describe("statements", () => {
  // StatementBlockRule: at the `{` that is never closed; what follows is inside the block.
  testFail("if ($a) { 1\nNext-Command", "MissingEndCurlyBrace (1:8)");
  // IfStatementRule: After(keyword); the rest is read again as new statements.
  testFail("if $a { 1 }\nNext-Command", "MissingOpenParenthesisInIfStatement (1:2)");
  // IfStatementRule: at the token found instead of `)`.
  testFail("if ($a\nNext-Command", "MissingEndParenthesisAfterStatement (2:0)");
  // IfStatementRule: `else if` is not `elseif`: After(else).
  testFail("if ($a) { } else if ($b) { }\nNext-Command", "MissingStatementBlockAfterElse (1:16)");
  // WhileStatementRule: After(rParen).
  testFail("while ($true)\nNext-Command", "MissingLoopStatement (1:13)");
  // DoWhileStatementRule: After(body).
  testFail("do { }\nNext-Command", "MissingWhileOrUntilInDoWhile (1:6)");
  // ForeachStatementRule: After(variable) without `in`; After(rParen) without a body.
  testFail("foreach ($a $b) { }\nNext-Command", "MissingInInForeach (1:11)");
  testFail("foreach ($a in $b)\nNext-Command", "MissingForeachStatement (1:18)");
  // SwitchStatementRule: After(rParen) without a body; an unknown flag at the flag; a second default at it.
  testFail("switch ($x)\nNext-Command", "MissingCurlyBraceInSwitchStatement (1:11)");
  testFail("switch -foo ($x) { 1 { } }\nNext-Command", "InvalidSwitchFlag (1:7)");
  testFail("switch ($x) { default { } default { } }\nNext-Command", "MultipleSwitchDefaultClauses (1:26)");
  // TryStatementRule: After(body); `catch[Exception]` is one bareword, not a catch.
  testFail("try { }\nNext-Command", "MissingCatchOrFinally (1:7)");
  testFail("try { } catch[Exception] { }\nNext-Command", "MissingCatchOrFinally (1:7)");
  // FunctionDeclarationRule: After(name) when no body follows.
  testFail("function Get-X\nNext-Command", "MissingFunctionBody (1:14)");
  // FunctionParameterDeclarationRule: After(last parameter).
  testFail("function f($a { }\nNext-Command", "MissingEndParenthesisInFunctionParameterList (1:13)");
  // ParamBlockRule: After(last parameter, or `(`).
  testFail("param($a", "MissingEndParenthesisInFunctionParameterList (1:8)");
  testFail("param(", "MissingEndParenthesisInFunctionParameterList (1:6)");
  // NamedBlockListRule: a statement among named blocks; a block named twice (at the second block).
  testFail("begin { } 1", "MissingNamedBlocks (1:10)");
  testFail("function f { begin { } begin { } }\nNext-Command", "DuplicateScriptCommandClause (1:23)");
  // StatementRule: reserved keywords.
  testFail("from x\nNext-Command", "ReservedKeywordNotAllowed (1:0)");
  // StatementRule: `using` after a statement is still parsed, then reported.
  testFail("$x\nusing namespace System\nNext-Command", "UsingMustBeAtStartOfScript (2:0)");
  // ScriptBlockBodyRule / CompleteScriptBlockBody: a stray closer at file level is eaten.
  testFail(")\nNext-Command", "UnexpectedToken (1:0)");
  testFail("}\nNext-Command", "UnexpectedToken (1:0)");
  // ClassMemberRule: modifiers or types with no member after them: After(last one).
  testFail("class A { [int] }\nNext-Command", "IncompleteMemberDefinition (1:15)");
  // ClassDefinitionRule: After(class) without a name.
  testFail("class { }\nNext-Command", "MissingNameAfterKeyword (1:5)");
  // ClassMemberRule: a property must end its line: After(the property).
  testFail("class A { $x $y }\nNext-Command", "MissingPropertyTerminator (1:12)");
  // EnumMemberRule: After(=).
  testFail("enum E { A = }\nNext-Command", "ExpectedValueExpression (1:12)");
});

describe("pipelines and commands", () => {
  // PipelineRule: a token that cannot follow an element is reported and starts the next statement.
  testFail("$x foo\nNext-Command", "UnexpectedToken (1:3)");
  testFail("'C:\\tool.exe' arg\nNext-Command", "UnexpectedToken (1:14)");
  // ... and in expression mode `/q` is a division with no right operand (BinaryExpressionRule: After(/)).
  testFail("'C:\\tool.exe' /q\nNext-Command", "ExpectedValueExpression (1:15)");
  // PipelineRule: an empty element: After(the pipe).
  testFail("a |", "EmptyPipeElement (1:3)");
  testFail("a | | b\nNext-Command", "EmptyPipeElement (1:3)");
  // A blank line ends PowerShell 7's leading-pipe continuation (Tokenizer.IsPipeContinuation).
  testFail("Get-X\n\n| Sort-Object\nNext-Command", "EmptyPipeElement (3:0)");
  // PipelineRule: an expression after the first element is kept, and reported.
  testFail("1 | $x\nNext-Command", "ExpressionsMustBeFirstInPipeline (1:4)");
  // PipelineChainRule.
  testFail("a &&", "EmptyPipelineChainElement (1:4)");
  testFail("a & && b\nNext-Command", "BackgroundOperatorInPipelineChain (1:4)");
  // CommandRule / GetCommandArgument.
  testFail("Write-Output ,1\nNext-Command", "MissingArgument (1:13)");
  testFail("Write-Output a,", "MissingExpression (1:15)");
  testFail("Get-X -Path:\nNext-Command", "ParameterRequiresArgument (1:12)");
  testFail("&\nNext-Command", "MissingExpression (1:0)");
  // RedirectionRule.
  testFail("a >\nNext-Command", "MissingFileSpecification (1:3)");
  testFail("a 1>&2\nNext-Command", "RedirectionNotSupported (1:2)");
  testFail("a < in.txt\nNext-Command", "RedirectionNotSupported (1:2)");
  testFail("a > x > y\nNext-Command", "StreamAlreadyRedirected (1:6)");
});

describe("expressions", () => {
  // BinaryExpressionRule: After(operator); newlines may follow an operator, so the next line is tried.
  testFail("$a = 1 +\nNext-Command", "ExpectedValueExpression (1:8)");
  // PipelineChainRule: After(=) at the end of the input.
  testFail("$a =", "ExpectedValueExpression (1:4)");
  // UnaryExpressionRule: After(operator).
  testFail("-not\nNext-Command", "MissingExpressionAfterOperator (1:4)");
  // ExpressionRule: at the token found instead of `:` (newlines after the branch are skipped).
  testFail("$a ? 1\nNext-Command", "MissingColonInTernaryExpression (2:0)");
  // MemberAccessRule: After(.).
  testFail("$x.", "MissingPropertyName (1:3)");
  // InvokeParamParenListRule: After(last argument), or After(`(`) when there is none.
  testFail("$x.M(1\nNext-Command", "MissingEndParenthesisInMethodCall (1:6)");
  testFail("$x.M(", "MissingEndParenthesisInMethodCall (1:5)");
  // ElementAccessRule: After(`[`) without an index; After(index) without `]`.
  testFail("$a[]\nNext-Command", "MissingArrayIndexExpression (1:3)");
  testFail("$a[0\nNext-Command", "MissingEndSquareBracket (1:4)");
  // ParenthesizedExpressionRule: After(the pipeline) without `)`; After(`(`) when empty.
  testFail("(1\nNext-Command", "MissingEndParenthesisInExpression (1:2)");
  testFail("()\nNext-Command", "ExpectedExpression (1:1)");
  // SubExpressionRule: at the token found instead of `)` (here the end of the input).
  testFail("$(1", "MissingEndParenthesisInSubexpression (1:3)");
  testFail("@(1; 2", "MissingEndParenthesisInSubexpression (1:6)");
  // HashExpressionRule: After(`@{`) without `}`; GetKeyValuePair: After(key) without `=`, After(=) without a value.
  testFail("@{ a = 1", "MissingEndCurlyBrace (1:2)");
  testFail("@{ a-b = 1 }\nNext-Command", "MissingEqualsInHashLiteral (1:4)");
  testFail("@{ a = }\nNext-Command", "MissingStatementInHashLiteral (1:6)");
  // AttributeRule: ReportError(Before(the token found instead of `]`)); Before() is one character back.
  testFail("[int", "EndSquareBracketExpectedAtEndOfAttribute (1:3)");
  // UnaryExpressionRule: an attribute (not a type) needs an operand.
  testFail("[CmdletBinding()]\nNext-Command", "UnexpectedAttribute (1:0)");
});

describe("valid input: no error", () => {
  // Each mode reads the same text its own way, none of it wrong.
  testPass("1..10\nWrite-Output 1..10 -5 [int]::MaxValue");
  testPass("Set-Location -\nWrite-Output -- -x --");
  testPass("Write-Output a#b a<#x#>b hi>out.txt 2+2 $a+2 'a'b");
  testPass("1?2:3");
  testPass("$c ? 1:2");
  // Keywords only where a statement starts, and followed by a terminator.
  testPass("Write-Output if else foreach\nif-x\nDo-Something\nUntil-Ready");
  testPass("(if (1) {2})");
  testPass("$x = if (1) {2}\n$y = switch ($x) { 2 { 'two' } }");
  // With no error before, `else` at a statement's start is a command named else (StatementRule).
  testPass("else { }");
  testPass("break :outer");
  // Statements after a `}` need no terminator; `&` ends a statement.
  testPass("if(1){} 2\na & b");
  // PowerShell 7's leading `|`, with a comment line between.
  testPass("Get-X\n# sort them\n| Sort-Object");
  testPass("$x.\n  Foo().\n  Bar()");
  testPass("$a<#x#>.Length");
  testPass('"$#"\n"$ x"\n"a$"');
  testPass("icacls x --% /grant a:(F) | more");
  testPass("@{ if = 1; 'a b' = 2; 1 = 3 }");
  testPass("function Global:Do-It {}\nfunction if {}");
  testPass("class A : B, IEquatable[Object] { [int]$x = 1; hidden static [string]$y }");
  // Numbers PowerShell accepts: sign bits by width and suffix, overflow of a double to infinity.
  for (const number of ["0xFFFFs", "0xFFy", "0x80y", "0b11111111", "0b11111111y", "-0xFFFFFFFF", "1e400", "1.5y"]) testPass(number);
  // Typographic dashes and quotes.
  testPass("Get-ChildItem \u2013Path x \u2014Force\n$a \u2013eq 1\n\u2018a\u2019 + \u201cb\u201d");
});
