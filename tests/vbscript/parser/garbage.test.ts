/**
 * The parser never throws and always returns a well-formed tree, whatever it is given: a seeded
 * generator writes a few thousand programs of VBScript-ish lines (real statements, statements cut
 * short or spliced, stray closing words, unbalanced parentheses and quotes, odd characters, line
 * continuations, CR/LF/CRLF mixes), and each tree is checked: every child lies within its parent, has
 * that parent, and comes after its previous sibling; `forEachChild` agrees with VISITOR_KEYS; every
 * error lies within the text. A failure prints the seed and the program.
 */
import { describe, expect, it } from "vitest";
import { seeded } from "../../../scripts/seeded-random.mjs";
import { type Node, parse } from "../../../src/vbscript/parser/index.js";
import { childrenOf } from "../../../src/vbscript/parser/children.js";
import { VISITOR_KEYS } from "../../../src/vbscript/parser/visitor-keys.js";

// VBS_GARBAGE_PROGRAMS=100000 VBS_GARBAGE_SEED=7 for a longer run on other programs.
const PROGRAMS = Number(process.env.VBS_GARBAGE_PROGRAMS ?? 3000);

const LINES = [
  "Option Explicit",
  "On Error Resume Next",
  "On Error GoTo 0",
  "Dim a, b(3), c()",
  "ReDim Preserve c(n + 1)",
  "Const K = 1, S = \"s\"",
  "Private p : Public q",
  'Set s = CreateObject("Microsoft.Update.Session", strComputer)',
  "Set r = s.CreateUpdateSearcher().Search(\"IsInstalled=0\")",
  "x = a + b * -c ^ 2 Mod 3 \\ 4 & \"t\"",
  "y = Not a = b And c Or d Xor e Eqv f Imp g",
  "z = o Is Nothing",
  "WScript.Echo x, y",
  "f (a), (b)",
  "f (a) + 1, b",
  "Call g(1, , 3)",
  "obj.Method",
  ".Add .Item(1)",
  "coll(i).Name = &HFF&",
  "If a Then",
  "If a Then x = 1 Else x = 2",
  "If a Then b Else c",
  "ElseIf b Then",
  "Else",
  "Else If c Then",
  "End If",
  "Select Case x",
  "Case 1, 2",
  "Case Else",
  "Case 3 y = 1",
  "End Select",
  "For i = 0 To n - 1 Step 2",
  "For Each u In r.Updates",
  "Next",
  "Next i",
  "Do While x < 10",
  "Do",
  "Loop Until y",
  "Loop",
  "While z",
  "Wend",
  "With obj",
  "End With",
  "Sub S(ByVal a, ByRef b, c())",
  "Function F()",
  "Public Default Function G(x)",
  "End Sub",
  "End Function",
  "Class C",
  "Property Get P()",
  "Property Let P(v)",
  "End Property",
  "End Class",
  "Exit Sub",
  "Exit For",
  "Exit Do",
  "Set m = New C.Init(1)",
  "x = #1/1/2000#",
  "[my var] = 1",
  "Rem remark",
  "' comment",
  "x = 1 ' trailing",
  "x = 1 Rem no colon",
  "Stop",
  "Erase a",
];

const FRAGMENTS = ["<!--", "-->", "(", ")", ",", ".", "=", "\"", "#", "[", "]", "&H", "&", "_", ":", " _\n", "End", "If", "Then", "Else", "Sub", "New", "Me", "Not", "-", "1e", "\u00a0", "\u2002", "😀", "\t", "\r", "\r\n", "@", "?", "''", "Rem", "Call", "Set", "Dim"];

function program(random: () => number): string {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const lines: string[] = [];
  const count = 1 + Math.floor(random() * 25);
  for (let i = 0; i < count; i++) {
    let line = pick(LINES);
    const roll = random();
    if (roll < 0.15) {
      line = line.slice(0, Math.floor(random() * line.length));
    } else if (roll < 0.3) {
      const at = Math.floor(random() * (line.length + 1));
      line = line.slice(0, at) + pick(FRAGMENTS) + line.slice(at);
    } else if (roll < 0.4) {
      line = `${line} : ${pick(LINES)}`;
    } else if (roll < 0.45) {
      line = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(FRAGMENTS)).join(random() < 0.5 ? " " : "");
    }
    lines.push(line);
  }
  const ending = pick(["\n", "\r\n", "\r", "\n", "\r\n"]);
  return (random() < 0.05 ? "\uFEFF" : "") + lines.join(ending);
}

function problemsOf(code: string, html = false): string[] {
  const tree = parse(code, { html });
  const problems: string[] = [];
  if (tree.range[0] !== 0 || tree.range[1] !== code.length) problems.push(`Program [${tree.range}] does not cover the text`);
  const pending: Node[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const record = node as unknown as Record<string, unknown>;
    const byKeys: Node[] = [];
    for (const key of VISITOR_KEYS[node.type]) {
      const value = record[key];
      for (const child of (Array.isArray(value) ? value : [value]) as (Node | null | undefined)[]) if (child != null) byKeys.push(child);
    }
    const listed = childrenOf(node);
    if (listed.length !== byKeys.length || listed.some((child, i) => child !== byKeys[i])) problems.push(`${node.type}: forEachChild and VISITOR_KEYS differ`);
    let previousEnd = node.range[0];
    for (const child of listed) {
      if (child.parent !== node) problems.push(`${child.type} [${child.range}]: wrong parent`);
      if (child.range[0] > child.range[1]) problems.push(`${child.type} [${child.range}]: ends before it starts`);
      if (child.range[0] < node.range[0] || child.range[1] > node.range[1]) problems.push(`${child.type} [${child.range}] outside ${node.type} [${node.range}]`);
      const outOfOrderAllowed = node.type === "DoStatement" && node.testPosition === "Loop";
      if (child.range[0] < previousEnd && !outOfOrderAllowed) problems.push(`${child.type} [${child.range}] overlaps its previous sibling in ${node.type}`);
      previousEnd = Math.max(previousEnd, child.range[1]);
      pending.push(child);
    }
  }
  for (const error of tree.errors) {
    if (error.range[0] < 0 || error.range[1] > code.length || error.range[0] > error.range[1]) problems.push(`error ${error.message} [${error.range}] outside the text`);
  }
  const tokens = tree.tokens;
  for (let i = 1; i < tokens.length; i++) if (tokens[i]!.range[0] < tokens[i - 1]!.range[1]) problems.push(`token ${i} overlaps the one before`);
  return problems;
}

describe("garbage in, a well-formed tree out", () => {
  it(`parses ${PROGRAMS} generated programs without throwing`, () => {
    const random = seeded(Number(process.env.VBS_GARBAGE_SEED ?? 0x0b5c));
    for (let i = 0; i < PROGRAMS; i++) {
      const code = program(random);
      let problems: string[];
      try {
        // Every tenth program is read as a page's script too, where `<!--` and `-->` are comments.
        problems = problemsOf(code, i % 10 === 0);
      } catch (error) {
        problems = [`threw ${String(error)}`];
      }
      if (problems.length > 0) expect({ program: i, code, problems: problems.slice(0, 5) }).toEqual({ program: i, code, problems: [] });
    }
  });

  it("survives nesting deeper than any script", () => {
    const deep = [`x = ${"(".repeat(5000)}1${")".repeat(5000)}`, `${"If a Then\n".repeat(3000)}x = 1`, `x = ${"-".repeat(5000)}1`, `x = ${"Not ".repeat(5000)}a`, `x = f${"(".repeat(3000)}`];
    for (const code of deep) {
      expect(problemsOf(code)).toEqual([]);
      expect(parse(code).errors.length).toBeGreaterThan(0);
    }
  });

  it("reads random characters without throwing", () => {
    const random = seeded(42);
    const alphabet = "aZ_09 .,:;()[]#&\"'=<>+-*/\\^\r\n\t@!?{}$%~`\u00a0\u2028😀";
    for (let i = 0; i < 500; i++) {
      const length = Math.floor(random() * 200);
      let code = "";
      for (let k = 0; k < length; k++) code += alphabet[Math.floor(random() * alphabet.length)];
      expect(problemsOf(code), JSON.stringify(code)).toEqual([]);
    }
  });
});
