/**
 * Which writes of a variable can reach a read, from the structure of the code alone.
 * JavaScript has no jumps into a block, so a write that stands as a whole statement before the
 * read, in a statement list that encloses the read, runs on every path to it: earlier writes are
 * overwritten. Writes after the read reach it only through a loop around the read.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { isFunction } from "./syntax.js";

type Node = TSESTree.Node;
export type FunctionOrProgram = TSESTree.Program | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

const LOOPS = new Set(["ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement", "DoWhileStatement"]);
const STATEMENT_LISTS = new Set(["Program", "BlockStatement", "StaticBlock", "SwitchCase", "TSModuleBlock"]);

export class FlowIndex {
  private readonly functions = new Map<Node, FunctionOrProgram>();
  private readonly definiteByWrites = new WeakMap<readonly Node[], readonly DefiniteWrite[]>();

  /** The function (or the program) whose body runs the node. */
  functionOf(node: Node): FunctionOrProgram {
    const known = this.functions.get(node);
    if (known) return known;
    let current = node.parent;
    while (current && !isFunction(current) && current.type !== "Program") current = current.parent;
    const owner = (current ?? node) as FunctionOrProgram;
    this.functions.set(node, owner);
    return owner;
  }

  /**
   * Of `writes` (binding targets run by the same function as `read`), those whose value may be the
   * one `read` sees.
   */
  reaching(writes: readonly Node[], read: Node): readonly Node[] {
    // The usual case, one write before the read: nothing can overwrite it.
    if (writes.length === 1 && writes[0]!.range[0] < read.range[0]) return writes;
    const dominator = this.dominatingWrite(writes, read);
    const loops = enclosingLoops(read);
    return writes.filter((write) => {
      if (write === dominator) return true;
      if (write.range[0] < read.range[0]) {
        // Before the read: overwritten if the dominating write comes after it.
        return dominator === undefined || write.range[0] > dominator.range[0] || reentersLoop(write, loops, dominator);
      }
      return reentersLoop(write, loops, dominator);
    });
  }

  /**
   * The write that stands as a statement nearest before the read in a statement list enclosing it:
   * it runs on every path to the read, so nothing written before it reaches the read.
   */
  dominatingWrite(writes: readonly Node[], read: Node): Node | undefined {
    const definite = this.definiteWrites(writes);
    if (definite.length === 0) return undefined;
    const owner = this.functionOf(read);
    for (let node: Node = read; node.parent && node !== owner; node = node.parent) {
      const list = node.parent;
      if (!STATEMENT_LISTS.has(list.type)) continue;
      let best: DefiniteWrite | undefined;
      for (const candidate of definite) {
        if (candidate.statement.parent === list && candidate.statement.range[1] <= node.range[0]) {
          if (!best || candidate.statement.range[0] > best.statement.range[0]) best = candidate;
        }
      }
      if (best) return best.write;
    }
    return undefined;
  }

  /** The writes that stand as statements of their own, for a list of writes asked about again and again. */
  private definiteWrites(writes: readonly Node[]): readonly DefiniteWrite[] {
    let definite = this.definiteByWrites.get(writes);
    if (definite === undefined) {
      definite = writes.flatMap((write) => {
        const statement = definiteStatementOf(write);
        return statement ? [{ write, statement }] : [];
      });
      this.definiteByWrites.set(writes, definite);
    }
    return definite;
  }
}

interface DefiniteWrite {
  readonly write: Node;
  readonly statement: Node;
}

/** `s = value;` or `var s = value;` as a statement of its own: it runs whenever the next statement does. */
function definiteStatementOf(target: Node): Node | undefined {
  const parent = target.parent;
  if (parent?.type === "AssignmentExpression" && parent.left === target && parent.operator === "=") {
    return parent.parent?.type === "ExpressionStatement" ? parent.parent : undefined;
  }
  if (parent?.type === "VariableDeclarator" && parent.id === target && parent.init) {
    const declaration = parent.parent;
    return declaration && declaration.parent && STATEMENT_LISTS.has(declaration.parent.type) ? declaration : undefined;
  }
  return undefined;
}

function enclosingLoops(node: Node): Node[] {
  const loops: Node[] = [];
  for (let current = node.parent; current && !isFunction(current); current = current.parent) {
    if (LOOPS.has(current.type)) loops.push(current);
  }
  return loops;
}

const contains = (outer: Node, inner: Node): boolean => outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];

/** A write inside a loop around the read reaches it on the next round, unless the dominating write is inside that loop too. */
function reentersLoop(write: Node, loops: readonly Node[], dominator: Node | undefined): boolean {
  return loops.some((loop) => contains(loop, write) && (dominator === undefined || !contains(loop, dominator)));
}
