/**
 * Broken input, in the manner of acorn's `testFail(code, "message (line:column)")` tables: each row is
 * a source and the FIRST error, `message [number] (line:column)`, with the message and number cscript
 * prints (the VBScript reference's list of syntax errors) and ESLint's convention for the place (line
 * 1-based, column 0-based, where the error's range starts).
 *
 * VBScript stops at its first error; we must not: a row whose source has a line `Next_Statement`
 * (after the broken part) also checks that this line is still read, as a call statement of the
 * program or of the procedure it is in. Rows without it break something that runs to the end.
 *
 * Then the other side: valid input, some of it odd-looking, that must parse with no error at all.
 */
import { describe, expect, it } from "vitest";
import { type Node, parse } from "../../../src/vbscript/parser/index.js";
import { childrenOf } from "../../../src/vbscript/parser/children.js";

/** `message [number] (line:column)` of the first error, or "no error". */
function firstError(code: string): string {
  const error = parse(code).errors[0];
  return error === undefined ? "no error" : `${error.message} [${error.code}] (${error.loc.start.line}:${error.loc.start.column})`;
}

/** The names called by call statements anywhere in the tree. */
function calledNames(code: string): string[] {
  const names: string[] = [];
  const pending: Node[] = [parse(code)];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === "CallStatement" && node.callee.type === "Identifier") names.push(node.callee.name);
    pending.push(...childrenOf(node));
  }
  return names;
}

function testFail(code: string, expected: string): void {
  it(`${JSON.stringify(code)} → ${expected}`, () => {
    expect(firstError(code)).toBe(expected);
    if (code.includes("Next_Statement")) expect(calledNames(code)).toContain("Next_Statement");
  });
}

function testPass(code: string): void {
  it(JSON.stringify(code), () => {
    expect(parse(code).errors.map((error) => `${error.message} (${error.loc.start.line}:${error.loc.start.column})`)).toEqual([]);
  });
}

describe("characters and literals", () => {
  testFail('x = "abc\nNext_Statement', "Unterminated string constant [800A0409] (1:8)");
  testFail('x = "a""\nNext_Statement', "Unterminated string constant [800A0409] (1:8)");
  testFail("x = 1 @ 2\nNext_Statement", "Invalid character [800A0408] (1:6)");
  testFail("x = a _ b\nNext_Statement", "Invalid character [800A0408] (1:6)");
  testFail("x = [abc\nNext_Statement", "Invalid character [800A0408] (1:4)");
  testFail("x = 1e\nNext_Statement", "Invalid number [800A0407] (1:4)");
  testFail("x = #1/1/2000\nNext_Statement", "Syntax error [800A03EA] (1:4)");
  testFail(`x${"y".repeat(255)} = 1\nNext_Statement`, "Identifier too long [800A0406] (1:0)");
});

describe("statements", () => {
  testFail("x = 1 2\nNext_Statement", "Expected end of statement [800A0401] (1:6)");
  testFail("x = 1 Rem no colon before Rem\nNext_Statement", "Expected end of statement [800A0401] (1:6)");
  testFail("1 = x\nNext_Statement", "Expected statement [800A0400] (1:0)");
  testFail("= x\nNext_Statement", "Expected statement [800A0400] (1:0)");
  testFail("x = \nNext_Statement", "Expected expression [800A03FF] (1:4)");
  testFail("x = (1 + 2\nNext_Statement", "Expected ')' [800A03EE] (1:10)");
  testFail("x = f(1, 2\nNext_Statement", "Expected ')' [800A03EE] (1:10)");
  testFail("Set x\nNext_Statement", "Expected '=' [800A03F3] (1:5)");
  testFail("Set = 1\nNext_Statement", "Expected identifier [800A03F2] (1:4)");
  testFail("Call\nNext_Statement", "Expected identifier [800A03F2] (1:4)");
  testFail("f(1, 2)\nNext_Statement", "Cannot use parentheses when calling a Sub [800A0414] (1:1)");
  testFail("obj.Method(1, 2)\nNext_Statement", "Cannot use parentheses when calling a Sub [800A0414] (1:10)");
  testFail("Dim\nNext_Statement", "Expected identifier [800A03F2] (1:3)");
  testFail("Dim a(n)\nNext_Statement", "Expected integer constant [800A0402] (1:6)");
  testFail("Const a = b\nNext_Statement", "Expected literal constant [800A0415] (1:10)");
  testFail("Const a = 1 + 2\nNext_Statement", "Expected literal constant [800A0415] (1:10)");
  testFail("Const a\nNext_Statement", "Expected '=' [800A03F3] (1:7)");
  testFail("ReDim a\nNext_Statement", "Expected '(' [800A03ED] (1:7)");
  testFail("Exit\nNext_Statement", "Invalid 'exit' statement [800A040F] (1:4)");
  testFail("Exit Sub\nNext_Statement", "Invalid 'exit' statement [800A040F] (1:0)");
  testFail("Sub S\nExit Function\nEnd Sub\nNext_Statement", "Invalid 'exit' statement [800A040F] (2:0)");
  testFail("Exit For\nNext_Statement", "Invalid 'exit' statement [800A040F] (1:0)");
  testFail("On Error GoTo Handler\nNext_Statement", "Syntax error [800A03EA] (1:14)");
  testFail("On Error Resume\nNext_Statement", "Syntax error [800A03EA] (1:15)");
  testFail("Option Strict\nNext_Statement", "Syntax error [800A03EA] (1:7)");
  testFail("x = 1\nOption Explicit\nNext_Statement", "Expected statement [800A0400] (2:0)");
  testFail("Sub S\nOption Explicit\nEnd Sub\nNext_Statement", "Expected statement [800A0400] (2:0)");
  testFail("Private Default x\nNext_Statement", "'Default' specification must also specify 'Public' [800A0421] (1:8)");
  testFail("x = New\nNext_Statement", "Expected identifier [800A03F2] (1:7)");
  testFail("x = a.\nNext_Statement", "Expected identifier [800A03F2] (1:6)");
});

describe("blocks", () => {
  // A block without its end runs to the end of the text, where cscript reports it.
  testFail("If a Then\nx = 1", "Expected 'End' [800A03F6] (2:5)");
  testFail("If a Then\nx = 1\nElse\nx = 2", "Expected 'End' [800A03F6] (4:5)");
  testFail("If a\nx = 1\nEnd If\nNext_Statement", "Expected 'Then' [800A03F9] (1:4)");
  testFail("If a x = 1\nNext_Statement", "Expected 'Then' [800A03F9] (1:5)");
  testFail("If a Then\nElseIf b\nEnd If\nNext_Statement", "Expected 'Then' [800A03F9] (2:8)");
  // `Else If` starts a new block: with one `End If` for both, the outer block loses its end.
  testFail("If a Then\nx = 1\nElse If b Then\nx = 2\nEnd If\nNext_Statement", "Expected 'End' [800A03F6] (6:14)");
  testFail("Sub S\nIf a Then\nElse If b Then\nEnd If\nEnd Sub\nSub Next_Statement\nEnd Sub\nNext_Statement", "Expected 'If' [800A03F4] (5:4)");
  testFail("Sub S\nIf a Then\nEnd Sub\nNext_Statement", "Expected 'If' [800A03F4] (3:4)");
  testFail("For i = 1 To 3\nx = i\nNext i\nNext_Statement", "Expected end of statement [800A0401] (3:5)");
  testFail("For i = 1 To 3\nx = i\n", "Expected 'Next' [800A03FC] (3:0)");
  testFail("For i = 1 3\nNext\nNext_Statement", "Expected 'To' [800A03F5] (1:10)");
  testFail("For i 1 To 3\nNext\nNext_Statement", "Expected '=' [800A03F3] (1:6)");
  testFail("For Each x Of c\nNext\nNext_Statement", "Expected 'In' [800A0416] (1:11)");
  testFail("For a.b = 1 To 2\nNext\nNext_Statement", "Invalid 'for' loop control variable [800A0410] (1:5)");
  testFail("Do\nx = 1\n", "Expected 'Loop' [800A03FB] (3:0)");
  testFail("Do x\nLoop\nNext_Statement", "Expected 'While', 'Until' or end of statement [800A0404] (1:3)");
  testFail("Do\nLoop x\nNext_Statement", "Expected 'While', 'Until' or end of statement [800A0404] (2:5)");
  testFail("Property Get P\nEnd Property\nNext_Statement", "Must be defined inside a Class [800A0418] (1:0)");
  testFail("Class C\nProperty Get P\nEnd Sub\nEnd Class\nNext_Statement", "Expected 'Property' [800A041A] (3:4)");
  testFail("While x\ny = 1\n", "Expected 'Wend' [800A03FA] (3:0)");
  testFail("With x\ny = 1\n", "Expected 'End' [800A03F6] (3:0)");
  testFail("Select x\nEnd Select\nNext_Statement", "Expected 'Case' [800A03FD] (1:7)");
  testFail("Select Case x\ny = 1\nCase 1\nEnd Select\nNext_Statement", "Expected 'Case' [800A03FD] (2:0)");
  testFail("Select Case x\nCase 1\nEnd If\nNext_Statement", "Expected 'Select' [800A03FE] (3:4)");
  testFail("Sub S\nx = 1\n", "Expected 'End' [800A03F6] (3:0)");
  testFail("Sub S\nx = 1\nEnd Function\nNext_Statement", "Expected 'Sub' [800A03F8] (3:4)");
  testFail("Function F\nEnd Sub\nNext_Statement", "Expected 'Function' [800A03F7] (2:4)");
  testFail("Sub A\nx = 1\nSub Next_Statement\nEnd Sub\nNext_Statement", "Expected 'End' [800A03F6] (3:0)");
  testFail("Class C\nPrivate x\n", "Expected 'End' [800A03F6] (3:0)");
  testFail("Class C\nx = 1\nEnd Class\nNext_Statement", "Expected 'End' [800A03F6] (2:0)");
  testFail("Class C\nEnd Sub\nNext_Statement", "Expected 'Class' [800A0417] (2:4)");
  testFail("Class C\nProperty Foo\nEnd Property\nEnd Class\nNext_Statement", "Expected Let or Set or Get in property declaration [800A0419] (2:9)");
  testFail("Class C\nPublic Default Function F()\nEnd Function\nPublic Default Sub G()\nEnd Sub\nEnd Class\nNext_Statement", "Cannot have multiple default property/method in a Class [800A041C] (4:19)");
  testFail("Class C\nPrivate Sub Class_Initialize(x)\nEnd Sub\nEnd Class\nNext_Statement", "Class initialize or terminate do not have arguments [800A041D] (2:29)");
  testFail("Class C\nProperty Let P()\nEnd Property\nEnd Class\nNext_Statement", "Property Set or Let must have at least one argument [800A041E] (2:13)");
  testFail("Class C\nPublic Default Property Let P(v)\nEnd Property\nEnd Class\nNext_Statement", "'Default' specification can only be on Property Get [800A0422] (2:0)");
  testFail("Next\nNext_Statement", "Unexpected 'Next' [800A041F] (1:0)");
  testFail("Loop\nNext_Statement", "'loop' without 'do' [800A040E] (1:0)");
  testFail("End If\nNext_Statement", "Expected statement [800A0400] (1:0)");
  testFail("Wend\nNext_Statement", "Expected statement [800A0400] (1:0)");
  testFail("Else\nNext_Statement", "Expected statement [800A0400] (1:0)");
  testFail("End\nNext_Statement", "Expected statement [800A0400] (1:0)");
  testFail("EndIf\nNext_Statement", "no error");
  testFail("If a Then\nFor i = 1 To 2\nEnd If\nNext_Statement", "Expected 'Next' [800A03FC] (3:0)");
  // Only a procedure's or class's `End` may follow a statement on its line (Wine checks these
  // against Windows): every other block needs a line end or `:` before its closing words.
  testFail("If 0 > 1 Then\n    x = 0 End If\nNext_Statement", "Expected end of statement [800A0401] (2:10)");
  testFail("While False\n    x = 0 Wend\nNext_Statement", "Expected end of statement [800A0401] (2:10)");
  testFail("Do While False\n    x = 0 Loop\nNext_Statement", "Expected end of statement [800A0401] (2:10)");
  testFail("Do\n    x = 0 Loop Until True\nNext_Statement", "Expected end of statement [800A0401] (2:10)");
  testFail("Select Case 42\n    Case 42\n        x = True End Select\nNext_Statement", "Expected end of statement [800A0401] (3:17)");
  testFail("Class C End Class\nNext_Statement", "Expected end of statement [800A0401] (1:8)");
  testFail("For i = 1 To 2\nIf a Then\nNext\nNext_Statement", "Expected 'End' [800A03F6] (3:0)");
  testFail("Do\nWhile a\nLoop\nNext_Statement", "Expected 'Wend' [800A03FA] (3:0)");
});

describe("valid VBScript that looks odd", () => {
  testPass("Case_ = 1");
  testPass("If a Then b Else c");
  testPass("If a Then x = 1 : y = 2 Else z = 3 : w = 4");
  testPass("If a Then If b Then c Else d");
  testPass("If a Then x = 1 End If");
  testPass("Select Case x\n  ' a comment before the first Case\n\n  Case 1 y = 1\n  Case Else y = 2\nEnd Select");
  testPass("x = a = b");
  testPass("f (a), (b)");
  testPass("f (a) + 1, b");
  testPass("f(a)");
  testPass("f()");
  testPass("Call f()");
  testPass("f a, , c");
  testPass("WScript.Echo");
  testPass("With o\n.Add .Item(1), .Count\nEnd With");
  testPass("x = obj.End.Next.Loop");
  testPass("obj.Select");
  testPass("Set x = New C.Init(1)");
  testPass("Set x = (f(1))(2)");
  testPass("x = &HFF& + &O17 + #1/1/2000# + 1.5E-3 + .5");
  testPass("Rem x\nrem y\nREM: z\nx = 1 : Rem w");
  testPass("::' batch hybrid header\nx = 1");
  testPass("' a header comment\n\nOption Explicit\nDim x");
  testPass("x = 1 '");
  testPass("Dim [a b]\n[a b] = 1");
  testPass("Property = 1");
  testPass("Step = 1 : Error = 2 : Explicit = 3 : Default_ = 4");
  testPass("x = a => b Or a =< b Or a >< b");
  testPass("Sub S : x = 1 : End Sub");
  testPass("Class C : Public x : End Class");
  testPass("Const a = -1, b = (2), c = \"s\", d = True, e = Nothing");
  testPass("Dim a(3, 4), b()");
  testPass("ReDim Preserve a(n + 1, 2)");
  testPass("On Error Resume Next\nOn Error GoTo 0");
  testPass("Set x = _\n  CreateObject( _\n  \"a\" _\n  )");
  testPass("\uFEFFx = 1");
  testPass("x = 1\r\ny = 2\r\n");
  testPass("x = 1\ry = 2");
  testPass("Do : Loop");
  testPass("Do While True : Exit Do : Loop");
  testPass("For Each x In c : Exit For : Next");
  testPass("Function F() : Exit Function : End Function");
  testPass("Class C\nProperty Get P() : Exit Property : End Property\nEnd Class");
});

// Shapes the engine accepts though the reference does not show them (Wine's language tests, which
// also run against Windows' own vbscript.dll, exercise each): our own examples of the same syntax.
describe("valid VBScript the reference does not show", () => {
  testPass("If False Then\nSub Hidden\n  x = 1\nEnd Sub\nEnd If\nCall Hidden");
  testPass("If False Then\nFunction OneLine() OneLine = 1 End Function\nEnd If");
  testPass("Sub S() x = 1 End Sub");
  testPass("Sub S\n  x = 1 End Sub");
  testPass("Function F(x)\n  F = x End Function");
  testPass("Class C\n  Public a End Class");
  testPass("Class C\n  Dim a End Class");
  testPass("Class C\n  Function G(ByVal x)\n    G = x End Function End Class");
  testPass("Sub S : :\n:\nEnd Sub : x = 1");
  testPass("Call (New C).Run\nCall (New C).Run()\nCall (((f))) ((x))");
  testPass("Dim default, error, explicit, step, property\ndefault = 1 : error = 2 : explicit = 3 : step = 4 : property = 5");
  testPass("Class Property\n  Sub Property()\n  End Sub\n  Function Error(p)\n  End Function\n  Sub Default()\n  End Sub\nEnd Class");
  testPass("Class C\n  Public Property Get Property()\n  End Property\n  Public Property Set Default(v)\n  End Property\nEnd Class");
  testPass("OPTION EXPLICIT : : DIM W");
  testPass('h = "y" : x = "x" &h');
  testPass("x = (&h01or&h02)");
  testPass("arr (0) = 2 xor -2");
  testPass("f 1 = 1, 2");
  testPass("x =_\n  3\nx _\n  = 3");
  testPass("If False Then x = 1 Else x = 2 End If");
  testPass("If False Then :");
  testPass("Select Case x\n  Case 1  y = 1\n  Case Else y = 2\nEnd Select");
  testPass("Select Case 1 :\n\n  : Case 3, 4 :\n  Case Else:\nEnd Select");
  testPass("x = +--+-+1 : y = -3 ^ 2 : z = 2 ^ -1");
  testPass("x = 1e-94938484 + 34e+5 + .5e1 + 010 + 10.");
  testPass("Sub S\nIf (x) Then Exit Sub\nEnd Sub");
  testPass("With New C\n  ok .p = 1, \"p = \"&.p\nEnd With");
  testPass("x = Me Is y");
});
