/**
 * The children of each node type, written out per type: read this way the fields of one type always
 * have the same shape, which is much faster than reading them by name from a table (parents are set
 * for every node of every file). `VISITOR_KEYS` says the same for ESLint; a test checks that the two
 * agree. Children come in the order of the visitor keys, which is source order except for a
 * `DoStatement` tested after `Loop` (its test comes first here, after the body in the text).
 */
import type { Node } from "./ast.js";

type Visit = (child: Node) => void;

function each(children: readonly (Node | null)[], visit: Visit): void {
  for (const child of children) if (child !== null) visit(child);
}

function one(child: Node | null, visit: Visit): void {
  if (child !== null) visit(child);
}

/** Calls `visit` with each child of `node`, in visitor-key order. */
export function forEachChild(node: Node, visit: Visit): void {
  switch (node.type) {
    case "Program":
      each(node.body, visit);
      return;
    case "DimStatement":
    case "ReDimStatement":
    case "ConstStatement":
      each(node.declarations, visit);
      return;
    case "VariableDeclarator":
      visit(node.id);
      if (node.bounds !== null) each(node.bounds, visit);
      return;
    case "ConstDeclarator":
      visit(node.id);
      visit(node.init);
      return;
    case "EraseStatement":
      each(node.arrays, visit);
      return;
    case "SetStatement":
    case "AssignmentStatement":
      visit(node.target);
      visit(node.value);
      return;
    case "CallStatement":
    case "IndexOrCallExpression":
      visit(node.callee);
      each(node.arguments, visit);
      return;
    case "IfStatement":
      visit(node.test);
      each(node.consequent, visit);
      each(node.elseIfClauses, visit);
      one(node.elseClause, visit);
      return;
    case "ElseIfClause":
      visit(node.test);
      each(node.consequent, visit);
      return;
    case "ElseClause":
      each(node.body, visit);
      return;
    case "SelectStatement":
      visit(node.discriminant);
      each(node.cases, visit);
      return;
    case "CaseClause":
      each(node.tests, visit);
      each(node.body, visit);
      return;
    case "ForStatement":
      visit(node.counter);
      visit(node.start);
      visit(node.end);
      one(node.step, visit);
      each(node.body, visit);
      return;
    case "ForEachStatement":
      visit(node.element);
      visit(node.collection);
      each(node.body, visit);
      return;
    case "DoStatement":
    case "WhileStatement":
      one(node.test, visit);
      each(node.body, visit);
      return;
    case "WithStatement":
      visit(node.object);
      each(node.body, visit);
      return;
    case "SubDeclaration":
    case "FunctionDeclaration":
    case "PropertyDeclaration":
      visit(node.name);
      each(node.params, visit);
      each(node.body, visit);
      return;
    case "Parameter":
      visit(node.name);
      return;
    case "ClassDeclaration":
      visit(node.name);
      each(node.body, visit);
      return;
    case "ErrorStatement":
      each(node.nested, visit);
      return;
    case "MemberExpression":
      one(node.object, visit);
      visit(node.property);
      return;
    case "NewExpression":
      visit(node.callee);
      return;
    case "BinaryExpression":
      visit(node.left);
      visit(node.right);
      return;
    case "UnaryExpression":
      visit(node.argument);
      return;
    case "ParenthesizedExpression":
      visit(node.expression);
      return;
    default:
      return;
  }
}

/** The node's children, as a list. */
export function childrenOf(node: Node): Node[] {
  const children: Node[] = [];
  forEachChild(node, (child) => children.push(child));
  return children;
}
