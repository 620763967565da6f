/**
 * Grammar gaps: tree-sitter-powershell reads some valid PowerShell as ERROR (PowerShell 7's `?:` and
 * `??`, `$x/1MB`, ...), and its error recovery can swallow the start of the next line, losing a WUA
 * call there. So the line where an error begins is left out, blanked with spaces (every offset stays
 * the same; comments on it are kept), and the text is parsed again, until no new error appears.
 */
import type { Node as SyntaxNode, Tree } from "web-tree-sitter";
import { editInPlace, parseTree, reparseTree } from "./parser.js";

/** Enough for the few gaps of a real script; a file broken everywhere stops here. */
const MAX_ROUNDS = 12;

/**
 * An error on one of the lines just after a line left out in the same round may be only the gap
 * spilling over (the grammar's recovery swallowed the start of the next line): it waits for the
 * next round, which parses without the gap.
 */
const SPILL_LINES = 2;

/** Multi-line tokens a blanked line must not cut into (a line left out may start inside one). */
const TEXT_TOKENS = new Set([
  "comment",
  "expandable_string_literal",
  "verbatim_string_characters",
  "expandable_here_string_literal",
  "verbatim_here_string_characters",
]);

export interface RecoveredTree {
  readonly tree: Tree;
  /** Ranges of the original text left out of the final parse, in source order. */
  readonly skipped: readonly (readonly [number, number])[];
  /** The text the tree was parsed from: the original with the skipped ranges blanked. */
  readonly parsed: string;
  /**
   * Where the first parse, of the text as it is, failed: its outermost ERROR ranges and its MISSING
   * tokens (empty ranges). Code there was read only after recovery left lines out, and may mean
   * something else to PowerShell (the inside of a string whose quote is on a line left out).
   */
  readonly misread: readonly (readonly [number, number])[];
}

export function parseWithRecovery(text: string): RecoveredTree {
  let tree = parseTree(text);
  if (!tree.rootNode.hasError) return { tree, skipped: [], parsed: text, misread: [] };
  const misread = misreadRanges(tree.rootNode);
  const skipped: [number, number][] = [];
  const blankedLines = new Set<number>();
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const lineStarts = errorLineStarts(tree.rootNode, current)
      .filter((start) => !blankedLines.has(start))
      .sort((a, b) => a - b);
    if (lineStarts.length === 0) break;
    const comments = tree.rootNode.descendantsOfType("comment").flatMap((c) => (c ? [[c.startIndex, c.endIndex] as const] : []));
    let lastBlanked = -1;
    const blanked: [number, number][] = [];
    for (const start of lineStarts) {
      if (lastBlanked >= 0 && linesBetween(current, lastBlanked, start) <= SPILL_LINES) continue;
      blankedLines.add(start);
      lastBlanked = start;
      for (const [from, to] of blankRanges(tree.rootNode, current, start, comments)) {
        skipped.push([from, to]);
        blanked.push([from, to]);
        current = current.slice(0, from) + current.slice(from, to).replace(/[^\r\n]/gu, " ") + current.slice(to);
      }
    }
    // Blanking keeps every offset and line: tell the old tree, and parse again from it (much cheaper
    // than a new parse of the whole file).
    for (const [from, to] of blanked) editInPlace(tree, from, to, pointAt(current, from), pointAt(current, to));
    const next = reparseTree(current, tree);
    tree.delete();
    tree = next;
    if (!tree.rootNode.hasError) break;
  }
  skipped.sort((a, b) => a[0] - b[0]);
  return { tree, skipped, parsed: current, misread };
}

/** The outermost ERROR nodes and the MISSING tokens of a tree, as ranges in source order. */
function misreadRanges(root: SyntaxNode): [number, number][] {
  if (root.type === "ERROR") return [[root.startIndex, root.endIndex]];
  const ranges: [number, number][] = [];
  const pending: SyntaxNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === "ERROR" || node.isMissing) {
      ranges.push([node.startIndex, node.endIndex]);
      continue;
    }
    if (!node.hasError) continue;
    for (const child of node.children) if (child) pending.push(child);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/**
 * The parts of the line starting at `start` to leave out: all of it but its comments (kept so that
 * directives still work) and its braces, and not the end of a string or comment that began on an
 * earlier line. A brace on the line may open or close a block that spans other lines (the `}` of an
 * `Invoke-Command` block after a gap: `Get-HotFix | Select-Object HotFixID, InstalledOn }`); left
 * out, the block would lose its end and the lines around it their structure.
 */
function blankRanges(root: SyntaxNode, text: string, start: number, comments: readonly (readonly [number, number])[]): [number, number][] {
  let from = start;
  for (let node: SyntaxNode | null = root.descendantForIndex(start); node !== null; node = node.parent) {
    if (node.startIndex < start && node.endIndex > start && TEXT_TOKENS.has(node.type)) from = Math.max(from, node.endIndex);
  }
  const end = lineEnd(text, from);
  const kept: (readonly [number, number])[] = [...comments, ...braceTokens(root, text, from, end)].sort((a, b) => a[0] - b[0]);
  const ranges: [number, number][] = [];
  for (const [keptStart, keptEnd] of kept) {
    if (keptEnd <= from || keptStart >= end) continue;
    if (keptStart > from) ranges.push([from, keptStart]);
    from = Math.max(from, keptEnd);
  }
  if (end > from) ranges.push([from, end]);
  return ranges.filter(([a, b]) => /\S/u.test(text.slice(a, b)));
}

/**
 * The braces of the code between `from` and `to` that open or close a block beyond it: `{`, `@{`
 * and `}` tokens (not those inside strings or comments), less the pairs that open and close on it.
 */
function braceTokens(root: SyntaxNode, text: string, from: number, to: number): [number, number][] {
  const open: [number, number][] = [];
  const closing: [number, number][] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c !== "{" && c !== "}") continue;
    // A token's range may take in the blanks before it (` {`).
    const token = root.descendantForIndex(i, i + 1);
    const lexeme = token === null ? "" : text.slice(token.startIndex, i + 1).trimStart();
    if (token === null || token.endIndex !== i + 1 || token.type !== lexeme) continue;
    if (c === "{") open.push([i + 1 - lexeme.length, i + 1]);
    else if (open.length > 0) open.pop();
    else closing.push([i, i + 1]);
  }
  return [...closing, ...open];
}

function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) row++;
  return { row, column: offset - lineStart(text, offset) };
}

function linesBetween(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

/** Where the lines that hold the start of an outermost ERROR begin. */
function errorLineStarts(root: SyntaxNode, text: string): number[] {
  const starts = new Set<number>();
  const pending: SyntaxNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === "ERROR" && node !== root) {
      const code = firstCode(node, text);
      if (code !== undefined && !isReadGap(node, text)) starts.add(lineStart(text, code));
      continue;
    }
    if (!node.hasError) continue;
    for (const child of node.children) if (child) pending.push(child);
  }
  if (starts.size === 0 && root.type === "ERROR") {
    // The whole file is one ERROR: leave out its first line that holds anything but comments.
    for (const child of root.children) {
      const code = child && child.type !== "comment" ? firstCode(child, text) : undefined;
      if (code !== undefined) {
        starts.add(lineStart(text, code));
        break;
      }
    }
  }
  return [...starts];
}

/** Where the first non-blank character of a node is; undefined for a node of blanks only. */
function firstCode(node: SyntaxNode, text: string): number | undefined {
  const at = text.slice(node.startIndex, node.endIndex).search(/\S/u);
  return at === -1 ? undefined : node.startIndex + at;
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

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf("\n", offset);
  return end === -1 ? text.length : end;
}
