/**
 * The children of each node type, in source order, written out per type: read this way the fields
 * of one type always have the same shape, which is several times faster than reading them by name
 * from a table (parents are set for every node of every file). `VISITOR_KEYS` says the same for
 * ESLint; a test checks that the two agree.
 */
import type { Ast } from "./ast.js";

type Visit = (child: Ast) => void;

function each(children: readonly Ast[], visit: Visit): void {
  for (const child of children) visit(child);
}

function one(child: Ast | null, visit: Visit): void {
  if (child !== null) visit(child);
}

/** Calls `visit` with each child of `node`, in source order. */
export function forEachChild(node: Ast, visit: Visit): void {
  switch (node.type) {
    case "ScriptBlockAst":
      each(node.usingStatements, visit);
      one(node.paramBlock, visit);
      one(node.dynamicParamBlock, visit);
      one(node.beginBlock, visit);
      one(node.processBlock, visit);
      one(node.endBlock, visit);
      one(node.cleanBlock, visit);
      return;
    case "NamedBlockAst":
      each(node.statements, visit);
      return;
    case "ParamBlockAst":
      each(node.attributes, visit);
      each(node.parameters, visit);
      return;
    case "ParameterAst":
      each(node.attributes, visit);
      visit(node.name);
      one(node.defaultValue, visit);
      return;
    case "AttributeAst":
      each(node.positionalArguments, visit);
      each(node.namedArguments, visit);
      return;
    case "NamedAttributeArgumentAst":
      visit(node.argument);
      return;
    case "StatementBlockAst":
      each(node.statements, visit);
      return;
    case "PipelineAst":
      each(node.pipelineElements, visit);
      return;
    case "PipelineChainAst":
      visit(node.lhs);
      visit(node.rhs);
      return;
    case "AssignmentStatementAst":
      visit(node.left);
      visit(node.right);
      return;
    case "CommandAst":
      each(node.commandElements, visit);
      each(node.redirections, visit);
      return;
    case "CommandExpressionAst":
      visit(node.expression);
      each(node.redirections, visit);
      return;
    case "CommandParameterAst":
      one(node.argument, visit);
      return;
    case "FileRedirectionAst":
      visit(node.location);
      return;
    case "IfStatementAst":
      each(node.clauses, visit);
      one(node.elseClause, visit);
      return;
    case "IfClause":
      visit(node.condition);
      visit(node.body);
      return;
    case "ForEachStatementAst":
      one(node.throttleLimit, visit);
      visit(node.variable);
      visit(node.condition);
      visit(node.body);
      return;
    case "ForStatementAst":
      one(node.initializer, visit);
      one(node.condition, visit);
      one(node.iterator, visit);
      visit(node.body);
      return;
    case "WhileStatementAst":
      visit(node.condition);
      visit(node.body);
      return;
    case "DoWhileStatementAst":
      visit(node.body);
      visit(node.condition);
      return;
    case "DoUntilStatementAst":
      visit(node.body);
      visit(node.condition);
      return;
    case "SwitchStatementAst":
      visit(node.condition);
      each(node.clauses, visit);
      one(node.default, visit);
      return;
    case "SwitchClause":
      visit(node.condition);
      visit(node.body);
      return;
    case "TryStatementAst":
      visit(node.body);
      each(node.catchClauses, visit);
      one(node.finally, visit);
      return;
    case "CatchClauseAst":
      each(node.catchTypes, visit);
      visit(node.body);
      return;
    case "TrapStatementAst":
      one(node.trapType, visit);
      visit(node.body);
      return;
    case "BreakStatementAst":
      one(node.label, visit);
      return;
    case "ContinueStatementAst":
      one(node.label, visit);
      return;
    case "ReturnStatementAst":
      one(node.pipeline, visit);
      return;
    case "ExitStatementAst":
      one(node.pipeline, visit);
      return;
    case "ThrowStatementAst":
      one(node.pipeline, visit);
      return;
    case "FunctionDefinitionAst":
      if (node.parameters !== null) each(node.parameters, visit);
      visit(node.body);
      return;
    case "TypeDefinitionAst":
      each(node.attributes, visit);
      each(node.baseTypes, visit);
      each(node.members, visit);
      return;
    case "PropertyMemberAst":
      each(node.attributes, visit);
      one(node.propertyType, visit);
      one(node.initialValue, visit);
      return;
    case "FunctionMemberAst":
      each(node.attributes, visit);
      one(node.returnType, visit);
      each(node.parameters, visit);
      if (node.baseArguments !== null) each(node.baseArguments, visit);
      visit(node.body);
      return;
    case "UsingStatementAst":
      one(node.name, visit);
      one(node.alias, visit);
      return;
    case "DataStatementAst":
      each(node.commandsAllowed, visit);
      visit(node.body);
      return;
    case "ConfigurationDefinitionAst":
      visit(node.instanceName);
      visit(node.body);
      return;
    case "DynamicKeywordStatementAst":
      each(node.commandElements, visit);
      return;
    case "BlockStatementAst":
      visit(node.body);
      return;
    case "ErrorStatementAst":
      each(node.nestedAst, visit);
      return;
    case "BinaryExpressionAst":
      visit(node.left);
      visit(node.right);
      return;
    case "UnaryExpressionAst":
      visit(node.child);
      return;
    case "TernaryExpressionAst":
      visit(node.condition);
      visit(node.ifTrue);
      visit(node.ifFalse);
      return;
    case "ConvertExpressionAst":
      visit(node.typeConstraint);
      visit(node.child);
      return;
    case "AttributedExpressionAst":
      visit(node.attribute);
      visit(node.child);
      return;
    case "MemberExpressionAst":
      visit(node.expression);
      visit(node.member);
      return;
    case "InvokeMemberExpressionAst":
      visit(node.expression);
      visit(node.member);
      each(node.arguments, visit);
      return;
    case "IndexExpressionAst":
      visit(node.target);
      visit(node.index);
      return;
    case "UsingExpressionAst":
      visit(node.subExpression);
      return;
    case "ExpandableStringExpressionAst":
      each(node.nestedExpressions, visit);
      return;
    case "ScriptBlockExpressionAst":
      visit(node.scriptBlock);
      return;
    case "ArrayLiteralAst":
      each(node.elements, visit);
      return;
    case "HashtableAst":
      each(node.keyValuePairs, visit);
      return;
    case "KeyValuePair":
      visit(node.key);
      visit(node.value);
      return;
    case "ArrayExpressionAst":
      visit(node.subExpression);
      return;
    case "ParenExpressionAst":
      visit(node.pipeline);
      return;
    case "SubExpressionAst":
      visit(node.subExpression);
      return;
    case "ErrorExpressionAst":
      each(node.nestedAst, visit);
      return;
    default:
      return;
  }
}

/** The node's children in source order, as a list. */
export function childrenOf(node: Ast): Ast[] {
  const children: Ast[] = [];
  forEachChild(node, (child) => children.push(child));
  return children;
}

