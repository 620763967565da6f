/**
 * What every node inherits: `loc`, worked out from `range` when asked. ESLint asks only for the nodes
 * it reports; a location and its two positions made for every node would be kept, unread, for as long
 * as the file is linted.
 */
import type { Ast, SourceLocation } from "./ast.js";
import type { LineIndex } from "./positions.js";

const lineIndexes = new WeakMap<Ast, LineIndex>();

/** Gives the nodes of the tree under `root` their `loc`. */
export function registerTree(root: Ast, lines: LineIndex): void {
  lineIndexes.set(root, lines);
}

export const NODE = {
  get loc(): SourceLocation {
    const node = this as unknown as Ast;
    let root = node;
    while (root.parent !== null) root = root.parent;
    const lines = lineIndexes.get(root);
    if (lines === undefined) throw new Error(`This ${node.type} is not part of a parsed script.`);
    return { start: lines.positionAt(node.range[0]), end: lines.positionAt(node.range[1]) };
  },
};

/** A node as the parser writes it: its own fields, with `NODE` as its prototype for `loc`. */
export type NodeFields<T extends Ast> = T extends Ast ? Omit<T, "loc"> & { readonly __proto__: typeof NODE } : never;
