/**
 * Grammar gaps: tree-sitter-powershell reads some valid PowerShell as ERROR (PowerShell 7's `?:` and
 * `??`, `$x/1MB`, ...), and its error recovery can swallow the start of the next line, losing a WUA
 * call there. So the line where an error begins is left out, blanked with spaces (every offset stays
 * the same; comments on it are kept), and the text is parsed again, until no new error appears.
 */
import type { Node as SyntaxNode, Tree } from "web-tree-sitter";
import { parseTree } from "./parser.js";

/** Enough for the few gaps of a real script; a file broken everywhere stops here. */
const MAX_ROUNDS = 8;

export interface RecoveredTree {
  readonly tree: Tree;
  /** Ranges of the original text left out of the final parse, in source order. */
  readonly skipped: readonly (readonly [number, number])[];
}

export function parseWithRecovery(text: string): RecoveredTree {
  let tree = parseTree(text);
  if (!tree.rootNode.hasError) return { tree, skipped: [] };
  const skipped: [number, number][] = [];
  const blankedLines = new Set<number>();
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const lineStarts = errorLineStarts(tree.rootNode, current).filter((start) => !blankedLines.has(start));
    if (lineStarts.length === 0) break;
    const commentStarts = commentStartsByLine(tree.rootNode, current);
    for (const start of lineStarts) {
      blankedLines.add(start);
      const end = lineEnd(current, start);
      const stop = Math.min(end, commentStarts.get(start) ?? end);
      if (stop > start) skipped.push([start, stop]);
      current = current.slice(0, start) + current.slice(start, stop).replace(/[^\r\n]/gu, " ") + current.slice(stop);
    }
    tree.delete();
    tree = parseTree(current);
    if (!tree.rootNode.hasError) break;
  }
  skipped.sort((a, b) => a[0] - b[0]);
  return { tree, skipped };
}

/** Where the lines that hold the start of an outermost ERROR begin. */
function errorLineStarts(root: SyntaxNode, text: string): number[] {
  const starts = new Set<number>();
  const pending: SyntaxNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === "ERROR" && node !== root) {
      if (!isReadGap(node, text)) starts.add(lineStart(text, node.startIndex));
      continue;
    }
    if (!node.hasError) continue;
    for (const child of node.children) if (child) pending.push(child);
  }
  if (starts.size === 0 && root.type === "ERROR") {
    // The whole file is one ERROR: leave out its first line that holds anything.
    const first = root.children.find((child) => child !== null && child.type !== "comment");
    if (first) starts.add(lineStart(text, first.startIndex));
  }
  return [...starts];
}

/**
 * Gaps whose tree the analysis reads as it is: `.ForEach(` (the `(` left as an ERROR after
 * `.ForEach`, `$x.ForEach` as an ERROR before the parenthesised block, and the closing `)`) and the
 * `param()` of a one-line function, wrapped in an ERROR.
 */
function isReadGap(error: SyntaxNode, text: string): boolean {
  if (error.parent?.type === "invokation_foreach_expression") return true;
  // The `)` that closes `.ForEach(` comes back as an ERROR of its own; there is no code in it.
  if (/^\s*\)\s*$/u.test(text.slice(error.startIndex, error.endIndex))) return true;
  if (/\.foreach\s*$/iu.test(text.slice(error.startIndex, error.endIndex))) return true;
  return error.parent?.type === "function_statement" && error.namedChildren.some((child) => child?.type === "param_block");
}

function commentStartsByLine(root: SyntaxNode, text: string): Map<number, number> {
  const starts = new Map<number, number>();
  for (const comment of root.descendantsOfType("comment")) {
    if (!comment) continue;
    const line = lineStart(text, comment.startIndex);
    if (!starts.has(line)) starts.set(line, comment.startIndex);
  }
  return starts;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf("\n", offset);
  return end === -1 ? text.length : end;
}
