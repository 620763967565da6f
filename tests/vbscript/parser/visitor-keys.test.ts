/**
 * `forEachChild` (which the parser uses to set parents, and the analysis to walk) and `VISITOR_KEYS`
 * (which ESLint walks) must list the same children in the same order, for every node type. One
 * program below holds every node type at least once; the test first checks that it does, so a node
 * type added to the tree without a case here fails until it is covered.
 */
import { describe, expect, it } from "vitest";
import { type Node, type NodeType, parse } from "../../../src/vbscript/parser/index.js";
import { childrenOf } from "../../../src/vbscript/parser/children.js";
import { VISITOR_KEYS } from "../../../src/vbscript/parser/visitor-keys.js";

const EVERY_NODE_TYPE = `Option Explicit
Dim a, b(3), c()
ReDim Preserve c(n)
Private Const K = -1, S = "s", D = #1/1/2000#, E = Empty, N = Null
Erase c
Set o = New Thing
x = Me.Value : Let y = (1 + 2) * -3 : z = True And Not False : w = Nothing
f a, , b
Call g(1)
If a Then
  x = 1
ElseIf b Then
  x = 2
Else
  x = 3
End If
Select Case x
  Case 1, 2 : y = 1
  Case Else : y = 2
End Select
For i = 1 To 10 Step 2 : Next
For Each u In coll(1).Items : Next
Do While x : Exit Do : Loop
While x : Wend
With o : .Name = 1 : End With
On Error Resume Next
Stop
Sub S(ByVal p, q()) : Exit Sub : End Sub
Function F() : F = 1 : End Function
Class C
  Public Property Get P() : P = 1 : End Property
End Class
x = 1 +
Next`;

describe("forEachChild and VISITOR_KEYS", () => {
  const tree = parse(EVERY_NODE_TYPE);
  const nodes: Node[] = [];
  const pending: Node[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    nodes.push(node);
    pending.push(...childrenOf(node));
  }

  it("the program holds every node type", () => {
    const seen = new Set(nodes.map((node) => node.type));
    const missing = (Object.keys(VISITOR_KEYS) as NodeType[]).filter((type) => !seen.has(type));
    expect(missing).toEqual([]);
  });

  it("list the same children in the same order for every node", () => {
    const differences: string[] = [];
    for (const node of nodes) {
      const record = node as unknown as Record<string, unknown>;
      const byKeys: Node[] = [];
      for (const key of VISITOR_KEYS[node.type]) {
        const value = record[key];
        for (const child of (Array.isArray(value) ? value : [value]) as (Node | null | undefined)[]) if (child != null) byKeys.push(child);
      }
      const listed = childrenOf(node);
      if (listed.length !== byKeys.length || listed.some((child, i) => child !== byKeys[i])) differences.push(`${node.type} [${node.range}]`);
    }
    expect(differences).toEqual([]);
  });

  it("name a field that exists on every node of the type", () => {
    const missing: string[] = [];
    for (const node of nodes) {
      for (const key of VISITOR_KEYS[node.type]) if (!(key in node)) missing.push(`${node.type}.${key}`);
    }
    expect(missing).toEqual([]);
  });
});
