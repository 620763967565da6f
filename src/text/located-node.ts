/**
 * What every node of the plugin's parsers inherits: `loc`, worked out from `range` when asked. ESLint
 * asks only for the nodes it reports; a location and its two positions made for every node would be
 * kept, unread, for as long as the file is linted.
 */
import type { LineIndex, SourceLocation } from "./line-index.js";

interface TreeNode {
  readonly type: string;
  readonly range: readonly [number, number];
  readonly parent: TreeNode | null;
}

const lineIndexes = new WeakMap<object, LineIndex>();

/** Gives the nodes of the tree under `root` their `loc`. */
export function registerTree(root: object, lines: LineIndex): void {
  lineIndexes.set(root, lines);
}

export const NODE = {
  get loc(): SourceLocation {
    const node = this as unknown as TreeNode;
    let root = node;
    while (root.parent !== null) root = root.parent;
    const lines = lineIndexes.get(root);
    if (lines === undefined) throw new Error(`This ${node.type} is not part of a parsed file.`);
    return { start: lines.positionAt(node.range[0]), end: lines.positionAt(node.range[1]) };
  },
};
