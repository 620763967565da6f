/**
 * What every tree must satisfy whatever its shape: no stale location, no missing parent, no child
 * outside its parent or before its previous sibling, no child ESLint would not walk because its field
 * is missing from VISITOR_KEYS; and `forEachChild` (which the parser uses to set parents) must list
 * the same children as VISITOR_KEYS. Returns the problems found, one line each.
 */
import type { Node, ProgramAst } from "../../../src/vbscript/parser/index.js";
import { childrenOf } from "../../../src/vbscript/parser/children.js";
import { VISITOR_KEYS } from "../../../src/vbscript/parser/visitor-keys.js";

export function shapeProblems(tree: ProgramAst, source: string): string[] {
  const problems: string[] = [];
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === "\r" && source[i + 1] !== "\n") lineStarts.push(i + 1);
    else if (source[i] === "\n") lineStarts.push(i + 1);
  }
  const positionAt = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
    return { line: line + 1, column: offset - lineStarts[line]! };
  };

  const walk = (node: Node, parent: Node | null): void => {
    const where = `${node.type} [${node.range[0]},${node.range[1]}]`;
    if (node.parent !== parent) problems.push(`${where}: parent is ${node.parent?.type ?? "null"}, not ${parent?.type ?? "null"}`);
    if (JSON.stringify(node.loc) !== JSON.stringify({ start: positionAt(node.range[0]), end: positionAt(node.range[1]) })) {
      problems.push(`${where}: loc ${JSON.stringify(node.loc)} does not match the range`);
    }
    const record = node as unknown as Record<string, unknown>;
    const keys = VISITOR_KEYS[node.type];
    for (const [key, value] of Object.entries(record)) {
      if (key === "parent" || keys.includes(key)) continue;
      const values = Array.isArray(value) ? value : [value];
      if (values.some((item) => isNode(item))) problems.push(`${where}: field ${key} holds a node but is not a visitor key`);
    }
    let previousEnd = node.range[0];
    const byKeys: Node[] = [];
    for (const key of keys) {
      const value = record[key];
      for (const child of (Array.isArray(value) ? value : [value]) as (Node | null | undefined)[]) {
        if (child == null) continue;
        byKeys.push(child);
        if (child.range[0] < node.range[0] || child.range[1] > node.range[1]) problems.push(`${where}: ${key} ${child.type} [${child.range}] is outside it`);
        // A `Loop While` test comes after the body in the text, before it in the keys: the one overlap allowed.
        const outOfOrderAllowed = node.type === "DoStatement" && node.testPosition === "Loop";
        if (child.range[0] < previousEnd && !outOfOrderAllowed) problems.push(`${where}: ${key} ${child.type} [${child.range}] starts before the previous child ends`);
        previousEnd = Math.max(previousEnd, child.range[1]);
        walk(child, node);
      }
    }
    const listed = childrenOf(node);
    if (listed.length !== byKeys.length || listed.some((child, i) => child !== byKeys[i])) {
      problems.push(`${where}: forEachChild and VISITOR_KEYS list different children`);
    }
  };
  walk(tree, null);
  return problems;
}

function isNode(value: unknown): boolean {
  return typeof value === "object" && value !== null && "type" in value && typeof (value as { type: unknown }).type === "string" && (value as { type: string }).type in VISITOR_KEYS;
}
