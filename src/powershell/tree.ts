/** tree-sitter's concrete tree to the plain `PsNode` tree. */
import type { Tree, TreeCursor } from "web-tree-sitter";
import type { PsComment, PsNode, PsProgram } from "./nodes.js";
import { grammarTables } from "./parser.js";

/** Grammar nodes that only wrap one expression (operator precedence levels, argument forms, ...). */
const WRAPPERS = new Set([
  "pipeline",
  "pipeline_chain",
  "logical_expression",
  "bitwise_expression",
  "comparison_expression",
  "additive_expression",
  "multiplicative_expression",
  "format_expression",
  "range_expression",
  "array_literal_expression",
  "unary_expression",
  "argument_expression",
  "logical_argument_expression",
  "bitwise_argument_expression",
  "comparison_argument_expression",
  "additive_argument_expression",
  "multiplicative_argument_expression",
  "format_argument_expression",
  "range_argument_expression",
  "left_assignment_expression",
  "member_name",
  "string_literal",
  "integer_literal",
  "script_block_body",
  "command_name_expr",
  "key_expression",
]);

/** The grammar's lexical tokens: named nodes that never have children, so the cursor need not look. */
const LEAVES = new Set([
  "braced_variable",
  "command_parameter",
  "decimal_integer_literal",
  "generic_token",
  "hexadecimal_integer_literal",
  "label",
  "path_command_name_token",
  "real_literal",
  "simple_name",
  "stop_parsing",
  "type_identifier",
  "verbatim_here_string_characters",
  "verbatim_string_characters",
]);

/** Named nodes that carry nothing the tree needs (the spaces between command arguments). */
const DROPPED = new Set(["command_argument_sep"]);

/**
 * Walks the tree with one cursor and an explicit stack, so that deeply nested input cannot
 * overflow the JS stack. `parsed` is the text tree-sitter read, when recovery blanked lines of `text`.
 */
export function convertTree(tree: Tree, text: string, parsed: string = text): PsProgram {
  // Every cursor property is a call into wasm: ask for as few as possible per node.
  const { types, named } = grammarTables();
  const cursor = tree.walk();
  const comments: PsComment[] = [];
  const errors: PsNode[] = [];
  const root: PsNode = { type: "program", range: [0, text.length], children: [], parent: null, token: undefined };
  // Each frame: the node being filled, and whether the cursor is inside an ERROR node.
  const stack: { node: PsNode; inError: boolean }[] = [];
  let current = root;
  // An empty, blank or comment-only file comes back as a root ERROR with nothing in it.
  const rootIsError = cursor.nodeType === "ERROR";
  let inError = rootIsError;
  try {
    if (!cursor.gotoFirstChild()) return finish(root, comments, errors, rootIsError);
    for (;;) {
      const descend = visit(cursor);
      if (descend !== undefined) {
        stack.push({ node: current, inError });
        current = descend.node;
        inError = descend.inError;
        if (!LEAVES.has(current.type) && cursor.gotoFirstChild()) continue;
        ({ node: current, inError } = closeNode(current, stack, cursor));
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || stack.length === 0) return finish(root, comments, errors, rootIsError);
        ({ node: current, inError } = closeNode(current, stack, cursor));
      }
    }
  } finally {
    cursor.delete();
  }

  /** Looks at the cursor's node; returns the new node to descend into, if any. */
  function visit(at: TreeCursor): { node: PsNode; inError: boolean } | undefined {
    const typeId = at.nodeTypeId;
    const type = types[typeId] ?? "ERROR";
    if (!(named[typeId] ?? true)) {
      if (current !== root && current.token === undefined && !at.nodeIsMissing) (current as { token: string | undefined }).token = type;
      return undefined;
    }
    if (WRAPPERS.has(type)) {
      // Most wrappers are replaced by their only child: their own range is read when they are not.
      const wrapper: PsNode = { type, range: [0, 0], children: [], parent: current, token: undefined };
      current.children.push(wrapper);
      return { node: wrapper, inError };
    }
    const start = at.startIndex;
    const end = at.endIndex;
    // Only a zero-width node can be one tree-sitter made up (MISSING).
    if (start === end && at.nodeIsMissing) return undefined;
    if (type === "comment") {
      const raw = text.slice(start, end);
      const block = raw.startsWith("<#");
      comments.push({
        type: "comment",
        range: [start, end],
        value: block ? raw.slice(2, raw.endsWith("#>") && raw.length >= 4 ? -2 : undefined) : raw.slice(1),
        block,
      });
      return undefined;
    }
    if (DROPPED.has(type)) return undefined;
    // An ERROR around blanks only (a blank file, the line end after a file's last comment, a line
    // that recovery left out) hides nothing.
    if (type === "ERROR" && !/\S/u.test(parsed.slice(start, end))) return undefined;
    const node: PsNode = { type, range: [start, end], children: [], parent: current, token: undefined };
    current.children.push(node);
    const isError = type === "ERROR";
    if (isError && !inError) errors.push(node);
    return { node, inError: inError || isError };
  }
}

/**
 * Ends a node, with the cursor on it: a wrapper with exactly one child and no token of its own spans
 * just that child and is replaced by it; any other wrapper gets its range now.
 */
function closeNode(node: PsNode, stack: { node: PsNode; inError: boolean }[], cursor: TreeCursor): { node: PsNode; inError: boolean } {
  const frame = stack.pop()!;
  if (WRAPPERS.has(node.type)) {
    const only = node.children.length === 1 ? node.children[0]! : undefined;
    if (only !== undefined && node.token === undefined) {
      const siblings = frame.node.children;
      siblings[siblings.length - 1] = only;
      only.parent = frame.node;
      return frame;
    }
    node.range[0] = cursor.startIndex;
    node.range[1] = cursor.endIndex;
    return frame;
  }
  // The grammar starts the arguments at the blank before the first one (a separator left out of the
  // tree): start them at the first argument, where a report on them should begin.
  if (node.type === "command_elements" && node.children.length > 0) node.range[0] = node.children[0]!.range[0];
  return frame;
}

function finish(root: PsNode, comments: PsComment[], errors: PsNode[], rootIsError: boolean): PsProgram {
  if (rootIsError && root.children.length > 0) errors.unshift(root);
  return Object.assign(root, { comments, errors }) as PsProgram;
}
