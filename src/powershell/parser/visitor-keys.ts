/** The child fields of every node type, in source order: what ESLint walks. Type names are not nodes. */
import type { AstType } from "./ast.js";

export const VISITOR_KEYS: Readonly<Record<AstType, readonly string[]>> = {
  ScriptBlockAst: ["usingStatements", "paramBlock", "dynamicParamBlock", "beginBlock", "processBlock", "endBlock", "cleanBlock"],
  NamedBlockAst: ["statements"],
  ParamBlockAst: ["attributes", "parameters"],
  ParameterAst: ["attributes", "name", "defaultValue"],
  AttributeAst: ["positionalArguments", "namedArguments"],
  TypeConstraintAst: [],
  NamedAttributeArgumentAst: ["argument"],
  StatementBlockAst: ["statements"],
  PipelineAst: ["pipelineElements"],
  PipelineChainAst: ["lhs", "rhs"],
  AssignmentStatementAst: ["left", "right"],
  CommandAst: ["commandElements", "redirections"],
  CommandExpressionAst: ["expression", "redirections"],
  CommandParameterAst: ["argument"],
  FileRedirectionAst: ["location"],
  MergingRedirectionAst: [],
  IfStatementAst: ["clauses", "elseClause"],
  IfClause: ["condition", "body"],
  ForEachStatementAst: ["throttleLimit", "variable", "condition", "body"],
  ForStatementAst: ["initializer", "condition", "iterator", "body"],
  WhileStatementAst: ["condition", "body"],
  DoWhileStatementAst: ["body", "condition"],
  DoUntilStatementAst: ["body", "condition"],
  SwitchStatementAst: ["condition", "clauses", "default"],
  SwitchClause: ["condition", "body"],
  TryStatementAst: ["body", "catchClauses", "finally"],
  CatchClauseAst: ["catchTypes", "body"],
  TrapStatementAst: ["trapType", "body"],
  BreakStatementAst: ["label"],
  ContinueStatementAst: ["label"],
  ReturnStatementAst: ["pipeline"],
  ExitStatementAst: ["pipeline"],
  ThrowStatementAst: ["pipeline"],
  FunctionDefinitionAst: ["parameters", "body"],
  TypeDefinitionAst: ["attributes", "baseTypes", "members"],
  PropertyMemberAst: ["attributes", "propertyType", "initialValue"],
  FunctionMemberAst: ["attributes", "returnType", "parameters", "baseArguments", "body"],
  UsingStatementAst: ["name", "alias"],
  DataStatementAst: ["commandsAllowed", "body"],
  ConfigurationDefinitionAst: ["instanceName", "body"],
  DynamicKeywordStatementAst: ["commandElements"],
  BlockStatementAst: ["body"],
  ErrorStatementAst: ["nestedAst"],
  BinaryExpressionAst: ["left", "right"],
  UnaryExpressionAst: ["child"],
  TernaryExpressionAst: ["condition", "ifTrue", "ifFalse"],
  ConvertExpressionAst: ["typeConstraint", "child"],
  AttributedExpressionAst: ["attribute", "child"],
  TypeExpressionAst: [],
  MemberExpressionAst: ["expression", "member"],
  InvokeMemberExpressionAst: ["expression", "member", "arguments"],
  IndexExpressionAst: ["target", "index"],
  VariableExpressionAst: [],
  UsingExpressionAst: ["subExpression"],
  ConstantExpressionAst: [],
  StringConstantExpressionAst: [],
  ExpandableStringExpressionAst: ["nestedExpressions"],
  ScriptBlockExpressionAst: ["scriptBlock"],
  ArrayLiteralAst: ["elements"],
  HashtableAst: ["keyValuePairs"],
  KeyValuePair: ["key", "value"],
  ArrayExpressionAst: ["subExpression"],
  ParenExpressionAst: ["pipeline"],
  SubExpressionAst: ["subExpression"],
  ErrorExpressionAst: ["nestedAst"],
};

/** The node's children in source order. */
export function childrenOf(node: { readonly type: string }): unknown[] {
  const children: unknown[] = [];
  for (const key of VISITOR_KEYS[node.type as AstType] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && item !== undefined) children.push(item);
    } else if (value !== null && value !== undefined) {
      children.push(value);
    }
  }
  return children;
}
