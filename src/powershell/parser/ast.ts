/**
 * The PowerShell syntax tree. Node types are the class names of PowerShell's own
 * `System.Management.Automation.Language` namespace, and fields are their properties camelCased
 * (`PipelineAst.PipelineElements` is `pipelineElements`), so that a PSScriptAnalyzer rule's
 * `FindAll(a => a is CommandAst)` reads as the selector `CommandAst`. Where PowerShell keeps a tuple
 * (an `if` clause, a `switch` clause, a hashtable entry) the tree has a small node of its own:
 * `IfClause`, `SwitchClause`, `KeyValuePair`. Type names are plain data, as in PowerShell (`ITypeName`
 * is not an Ast): they are not walked.
 *
 * Deviations, each for ESLint's sake: `trap` statements stay in their block's `statements`, in source
 * order; `$using:x` is a `UsingExpressionAst` around the variable, as in PowerShell, with the same range.
 */

import type { SourceLocation } from "../../text/line-index.js";

export type { Position, SourceLocation } from "../../text/line-index.js";

interface BaseNode {
  /** UTF-16 offsets into the text: start inclusive, end exclusive. */
  readonly range: [number, number];
  readonly loc: SourceLocation;
  parent: Ast | null;
}

// --- type names (data, not nodes) ---------------------------------------------------------------

export type TypeName = SimpleTypeName | ArrayTypeName | GenericTypeName;

interface TypeNameBase {
  readonly range: [number, number];
  /** As written, without spaces: `System.Collections.Generic.List[string]`. */
  readonly fullName: string;
}

export interface SimpleTypeName extends TypeNameBase {
  readonly kind: "TypeName";
  /** The name without an assembly part: `System.Type`. */
  readonly name: string;
}

export interface ArrayTypeName extends TypeNameBase {
  readonly kind: "ArrayTypeName";
  readonly elementType: TypeName;
  readonly rank: number;
}

export interface GenericTypeName extends TypeNameBase {
  readonly kind: "GenericTypeName";
  readonly typeName: SimpleTypeName;
  readonly genericArguments: readonly TypeName[];
}

// --- script blocks and their parts ---------------------------------------------------------------

export interface ScriptBlockAst extends BaseNode {
  readonly type: "ScriptBlockAst";
  readonly usingStatements: UsingStatementAst[];
  /** `[CmdletBinding()]` and other attributes before `param` live on the param block. */
  readonly paramBlock: ParamBlockAst | null;
  readonly dynamicParamBlock: NamedBlockAst | null;
  readonly beginBlock: NamedBlockAst | null;
  readonly processBlock: NamedBlockAst | null;
  readonly endBlock: NamedBlockAst | null;
  readonly cleanBlock: NamedBlockAst | null;
}

export type BlockKind = "begin" | "process" | "end" | "dynamicparam" | "clean";

export interface NamedBlockAst extends BaseNode {
  readonly type: "NamedBlockAst";
  readonly blockKind: BlockKind;
  /** True for the statements of a script block that names no block (they form its `end` block). */
  readonly unnamed: boolean;
  readonly statements: StatementAst[];
}

export interface ParamBlockAst extends BaseNode {
  readonly type: "ParamBlockAst";
  readonly attributes: AttributeAst[];
  readonly parameters: ParameterAst[];
}

export interface ParameterAst extends BaseNode {
  readonly type: "ParameterAst";
  readonly attributes: AttributeBaseAst[];
  readonly name: VariableExpressionAst;
  readonly defaultValue: ExpressionAst | null;
}

export type AttributeBaseAst = AttributeAst | TypeConstraintAst;

export interface AttributeAst extends BaseNode {
  readonly type: "AttributeAst";
  readonly typeName: TypeName;
  readonly positionalArguments: ExpressionAst[];
  readonly namedArguments: NamedAttributeArgumentAst[];
}

export interface TypeConstraintAst extends BaseNode {
  readonly type: "TypeConstraintAst";
  readonly typeName: TypeName;
}

export interface NamedAttributeArgumentAst extends BaseNode {
  readonly type: "NamedAttributeArgumentAst";
  readonly argumentName: string;
  /** `[Parameter(Mandatory)]` leaves the value out: it is then `$true`. */
  readonly argument: ExpressionAst;
  readonly expressionOmitted: boolean;
}

export interface StatementBlockAst extends BaseNode {
  readonly type: "StatementBlockAst";
  readonly statements: StatementAst[];
}

// --- statements ----------------------------------------------------------------------------------

export type StatementAst =
  | PipelineBaseAst
  | IfStatementAst
  | LoopStatementAst
  | SwitchStatementAst
  | TryStatementAst
  | TrapStatementAst
  | BreakStatementAst
  | ContinueStatementAst
  | ReturnStatementAst
  | ExitStatementAst
  | ThrowStatementAst
  | FunctionDefinitionAst
  | TypeDefinitionAst
  | UsingStatementAst
  | DataStatementAst
  | ConfigurationDefinitionAst
  | DynamicKeywordStatementAst
  | BlockStatementAst
  | ErrorStatementAst;

/** What can stand where PowerShell expects a pipeline: in `( )`, an `if` condition, an assignment's right side. */
export type PipelineBaseAst = PipelineAst | PipelineChainAst | AssignmentStatementAst | ErrorStatementAst;

export interface PipelineAst extends BaseNode {
  readonly type: "PipelineAst";
  readonly pipelineElements: CommandBaseAst[];
  /** Ends with `&`: runs as a background job. */
  readonly background: boolean;
}

export interface PipelineChainAst extends BaseNode {
  readonly type: "PipelineChainAst";
  readonly lhs: PipelineAst | PipelineChainAst;
  readonly operator: "&&" | "||";
  readonly rhs: PipelineAst;
  readonly background: boolean;
}

export type AssignmentOperator = "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "??=";

export interface AssignmentStatementAst extends BaseNode {
  readonly type: "AssignmentStatementAst";
  readonly left: ExpressionAst;
  readonly operator: AssignmentOperator;
  readonly right: StatementAst;
}

export type CommandBaseAst = CommandAst | CommandExpressionAst;

export interface CommandAst extends BaseNode {
  readonly type: "CommandAst";
  /** The command name (a bareword, or any expression after `&` or `.`) comes first. */
  readonly commandElements: CommandElementAst[];
  readonly invocationOperator: "&" | "." | null;
  readonly redirections: RedirectionAst[];
}

export interface CommandExpressionAst extends BaseNode {
  readonly type: "CommandExpressionAst";
  readonly expression: ExpressionAst;
  readonly redirections: RedirectionAst[];
}

export type CommandElementAst = ExpressionAst | CommandParameterAst;

export interface CommandParameterAst extends BaseNode {
  readonly type: "CommandParameterAst";
  /** Without the dash (any of PowerShell's dashes) or the colon. */
  readonly parameterName: string;
  /** The value of `-Name:value`; null for `-Name value` (the value is the next element). */
  readonly argument: ExpressionAst | null;
  /** Written with a colon (`-Switch:$false`, `-Name:`). */
  readonly colon: boolean;
}

export type RedirectionStream = "output" | "error" | "warning" | "verbose" | "debug" | "information" | "all";

export type RedirectionAst = FileRedirectionAst | MergingRedirectionAst;

export interface FileRedirectionAst extends BaseNode {
  readonly type: "FileRedirectionAst";
  readonly fromStream: RedirectionStream;
  readonly append: boolean;
  readonly location: ExpressionAst;
}

export interface MergingRedirectionAst extends BaseNode {
  readonly type: "MergingRedirectionAst";
  readonly fromStream: RedirectionStream;
  readonly toStream: RedirectionStream;
}

export interface IfStatementAst extends BaseNode {
  readonly type: "IfStatementAst";
  readonly clauses: IfClause[];
  readonly elseClause: StatementBlockAst | null;
}

export interface IfClause extends BaseNode {
  readonly type: "IfClause";
  readonly condition: PipelineBaseAst;
  readonly body: StatementBlockAst;
}

export type LoopStatementAst = ForEachStatementAst | ForStatementAst | WhileStatementAst | DoWhileStatementAst | DoUntilStatementAst;

interface LabeledStatement extends BaseNode {
  /** `:outer foreach (...)`: the label without its colon, or null. */
  readonly label: string | null;
}

export interface ForEachStatementAst extends LabeledStatement {
  readonly type: "ForEachStatementAst";
  /** `-parallel` in a workflow. */
  readonly flags: string[];
  readonly throttleLimit: ExpressionAst | null;
  readonly variable: VariableExpressionAst;
  readonly condition: PipelineBaseAst;
  readonly body: StatementBlockAst;
}

export interface ForStatementAst extends LabeledStatement {
  readonly type: "ForStatementAst";
  readonly initializer: PipelineBaseAst | null;
  readonly condition: PipelineBaseAst | null;
  readonly iterator: PipelineBaseAst | null;
  readonly body: StatementBlockAst;
}

export interface WhileStatementAst extends LabeledStatement {
  readonly type: "WhileStatementAst";
  readonly condition: PipelineBaseAst;
  readonly body: StatementBlockAst;
}

export interface DoWhileStatementAst extends LabeledStatement {
  readonly type: "DoWhileStatementAst";
  readonly body: StatementBlockAst;
  readonly condition: PipelineBaseAst;
}

export interface DoUntilStatementAst extends LabeledStatement {
  readonly type: "DoUntilStatementAst";
  readonly body: StatementBlockAst;
  readonly condition: PipelineBaseAst;
}

export interface SwitchStatementAst extends LabeledStatement {
  readonly type: "SwitchStatementAst";
  /** Lower-cased options: `regex`, `wildcard`, `exact`, `casesensitive`, `file`, `parallel`. */
  readonly flags: string[];
  /** The value switched on, or with `-file` the file name (as a pipeline, as PowerShell keeps it). */
  readonly condition: PipelineBaseAst;
  readonly clauses: SwitchClause[];
  readonly default: StatementBlockAst | null;
}

export interface SwitchClause extends BaseNode {
  readonly type: "SwitchClause";
  readonly condition: ExpressionAst;
  readonly body: StatementBlockAst;
}

export interface TryStatementAst extends BaseNode {
  readonly type: "TryStatementAst";
  readonly body: StatementBlockAst;
  readonly catchClauses: CatchClauseAst[];
  readonly finally: StatementBlockAst | null;
}

export interface CatchClauseAst extends BaseNode {
  readonly type: "CatchClauseAst";
  readonly catchTypes: TypeConstraintAst[];
  readonly body: StatementBlockAst;
}

export interface TrapStatementAst extends BaseNode {
  readonly type: "TrapStatementAst";
  readonly trapType: TypeConstraintAst | null;
  readonly body: StatementBlockAst;
}

export interface BreakStatementAst extends BaseNode {
  readonly type: "BreakStatementAst";
  readonly label: ExpressionAst | null;
}

export interface ContinueStatementAst extends BaseNode {
  readonly type: "ContinueStatementAst";
  readonly label: ExpressionAst | null;
}

export interface ReturnStatementAst extends BaseNode {
  readonly type: "ReturnStatementAst";
  readonly pipeline: PipelineBaseAst | null;
}

export interface ExitStatementAst extends BaseNode {
  readonly type: "ExitStatementAst";
  readonly pipeline: PipelineBaseAst | null;
}

export interface ThrowStatementAst extends BaseNode {
  readonly type: "ThrowStatementAst";
  readonly pipeline: PipelineBaseAst | null;
}

export interface FunctionDefinitionAst extends BaseNode {
  readonly type: "FunctionDefinitionAst";
  readonly isFilter: boolean;
  readonly isWorkflow: boolean;
  /** As written, with any scope prefix: `Global:Install-All`. */
  readonly name: string;
  readonly nameRange: [number, number];
  /** `function F($a, $b) { }`: parameters written after the name; null when there are none. */
  readonly parameters: ParameterAst[] | null;
  readonly body: ScriptBlockAst;
}

export interface TypeDefinitionAst extends BaseNode {
  readonly type: "TypeDefinitionAst";
  readonly typeAttributes: "class" | "enum" | "interface";
  readonly name: string;
  readonly nameRange: [number, number];
  readonly attributes: AttributeAst[];
  readonly baseTypes: TypeConstraintAst[];
  readonly members: MemberAst[];
}

export type MemberAst = PropertyMemberAst | FunctionMemberAst;

export interface PropertyMemberAst extends BaseNode {
  readonly type: "PropertyMemberAst";
  readonly name: string;
  readonly nameRange: [number, number];
  readonly attributes: AttributeAst[];
  readonly propertyType: TypeConstraintAst | null;
  readonly initialValue: ExpressionAst | null;
  readonly isStatic: boolean;
  readonly isHidden: boolean;
}

export interface FunctionMemberAst extends BaseNode {
  readonly type: "FunctionMemberAst";
  readonly name: string;
  readonly nameRange: [number, number];
  readonly attributes: AttributeAst[];
  readonly returnType: TypeConstraintAst | null;
  readonly parameters: ParameterAst[];
  readonly body: ScriptBlockAst;
  readonly isStatic: boolean;
  readonly isHidden: boolean;
  readonly isConstructor: boolean;
  /** `: base(...)` of a constructor; null when it calls no base constructor. */
  readonly baseArguments: ExpressionAst[] | null;
}

export interface UsingStatementAst extends BaseNode {
  readonly type: "UsingStatementAst";
  readonly usingStatementKind: "namespace" | "module" | "assembly" | "type" | "command";
  /** The name used, or the module's specification as a hashtable. */
  readonly name: StringConstantExpressionAst | HashtableAst | null;
  /** `using namespace N = Alias`-style aliases: the part after `=`. */
  readonly alias: StringConstantExpressionAst | null;
}

export interface DataStatementAst extends BaseNode {
  readonly type: "DataStatementAst";
  readonly variable: string | null;
  readonly commandsAllowed: ExpressionAst[];
  readonly body: StatementBlockAst;
}

export interface ConfigurationDefinitionAst extends BaseNode {
  readonly type: "ConfigurationDefinitionAst";
  readonly instanceName: ExpressionAst;
  readonly body: ScriptBlockExpressionAst;
}

/**
 * A DSC keyword inside a `configuration`: `Node $AllNodes.NodeName { ... }` or a resource block
 * `File Copy { DestinationPath = ... }`. The keyword, the instance name and the body (a script block,
 * or for a resource a hashtable) are its `commandElements`, in that order, as in PowerShell.
 */
export interface DynamicKeywordStatementAst extends BaseNode {
  readonly type: "DynamicKeywordStatementAst";
  readonly commandElements: CommandElementAst[];
}

/** A workflow's `parallel { }` and `sequence { }` blocks. */
export interface BlockStatementAst extends BaseNode {
  readonly type: "BlockStatementAst";
  readonly kind: "parallel" | "sequence";
  readonly body: StatementBlockAst;
}

/** What the parser could not read: what it could read inside is kept in `nestedAst`. */
export interface ErrorStatementAst extends BaseNode {
  readonly type: "ErrorStatementAst";
  readonly nestedAst: Ast[];
}

// --- expressions ---------------------------------------------------------------------------------

export type ExpressionAst =
  | BinaryExpressionAst
  | UnaryExpressionAst
  | TernaryExpressionAst
  | ConvertExpressionAst
  | AttributedExpressionAst
  | TypeExpressionAst
  | MemberExpressionAst
  | InvokeMemberExpressionAst
  | IndexExpressionAst
  | VariableExpressionAst
  | UsingExpressionAst
  | ConstantExpressionAst
  | StringConstantExpressionAst
  | ExpandableStringExpressionAst
  | ScriptBlockExpressionAst
  | ArrayLiteralAst
  | HashtableAst
  | ArrayExpressionAst
  | ParenExpressionAst
  | SubExpressionAst
  | ErrorExpressionAst;

/**
 * Operators as PowerShell spells them, lower-cased and with an ASCII dash: `-eq`, `-ceq`, `-f`,
 * `-and`, `+`, `..`, `??`. A `,` between elements makes an `ArrayLiteralAst`, not a binary expression.
 */
export interface BinaryExpressionAst extends BaseNode {
  readonly type: "BinaryExpressionAst";
  readonly left: ExpressionAst;
  readonly operator: string;
  readonly right: ExpressionAst;
}

export interface UnaryExpressionAst extends BaseNode {
  readonly type: "UnaryExpressionAst";
  /** `-not`, `!`, `-bnot`, `-`, `+`, `++`, `--`, `-split`, `-join` (a unary `,` makes an `ArrayLiteralAst`). */
  readonly operator: string;
  /** False for `$i++` and `$i--`. */
  readonly prefix: boolean;
  readonly child: ExpressionAst;
}

export interface TernaryExpressionAst extends BaseNode {
  readonly type: "TernaryExpressionAst";
  readonly condition: ExpressionAst;
  readonly ifTrue: ExpressionAst;
  readonly ifFalse: ExpressionAst;
}

/** A cast: `[string]$x`, `[Microsoft.Update.Session]$s`. */
export interface ConvertExpressionAst extends BaseNode {
  readonly type: "ConvertExpressionAst";
  readonly typeConstraint: TypeConstraintAst;
  readonly child: ExpressionAst;
}

/** An attribute on an expression, such as `[ValidateNotNull()]$x = ...`. */
export interface AttributedExpressionAst extends BaseNode {
  readonly type: "AttributedExpressionAst";
  readonly attribute: AttributeAst;
  readonly child: ExpressionAst;
}

export interface TypeExpressionAst extends BaseNode {
  readonly type: "TypeExpressionAst";
  readonly typeName: TypeName;
}

export interface MemberExpressionAst extends BaseNode {
  readonly type: "MemberExpressionAst";
  readonly expression: ExpressionAst;
  /** A bare name is a `StringConstantExpressionAst` (BareWord); `$x.$name` and `$x.'a b'` keep their expression. */
  readonly member: ExpressionAst;
  readonly static: boolean;
  /** `?.` */
  readonly nullConditional: boolean;
}

export interface InvokeMemberExpressionAst extends BaseNode {
  readonly type: "InvokeMemberExpressionAst";
  readonly expression: ExpressionAst;
  readonly member: ExpressionAst;
  readonly static: boolean;
  readonly nullConditional: boolean;
  readonly arguments: ExpressionAst[];
  /** `.Method[T](...)`: the type arguments, or null. */
  readonly genericTypeArguments: TypeName[] | null;
}

export interface IndexExpressionAst extends BaseNode {
  readonly type: "IndexExpressionAst";
  readonly target: ExpressionAst;
  readonly index: ExpressionAst;
  /** `?[` */
  readonly nullConditional: boolean;
}

export interface VariableExpressionAst extends BaseNode {
  readonly type: "VariableExpressionAst";
  /** As PowerShell reads the name: without `$`/`@` and braces, with the scope or drive (`env:PATH`). */
  readonly variablePath: string;
  /** `@name`. */
  readonly splatted: boolean;
}

/** `$using:x` (and `$using:x.Member`): the variable inside carries the name without `using:`. */
export interface UsingExpressionAst extends BaseNode {
  readonly type: "UsingExpressionAst";
  readonly subExpression: ExpressionAst;
}

export interface ConstantExpressionAst extends BaseNode {
  readonly type: "ConstantExpressionAst";
  /**
   * A number's value (a `bigint` for `n`-suffixed numbers and integers beyond a double's exact range),
   * or `true` for an attribute argument written without a value (`[Parameter(Mandatory)]`).
   */
  readonly value: number | bigint | boolean;
}

export type StringConstantType = "BareWord" | "SingleQuoted" | "DoubleQuoted" | "SingleQuotedHereString" | "DoubleQuotedHereString";

export interface StringConstantExpressionAst extends BaseNode {
  readonly type: "StringConstantExpressionAst";
  /** The string's value: quotes removed, escapes and doubled quotes read. */
  readonly value: string;
  readonly stringConstantType: StringConstantType;
}

/** A string with variables or `$(...)` inside: `"$Computer: $($u.Title)"`, or such a bareword argument. */
export interface ExpandableStringExpressionAst extends BaseNode {
  readonly type: "ExpandableStringExpressionAst";
  /** The text between the quotes with escapes read; variables and `$( )` stay as written. */
  readonly value: string;
  readonly stringConstantType: StringConstantType;
  readonly nestedExpressions: ExpressionAst[];
}

export interface ScriptBlockExpressionAst extends BaseNode {
  readonly type: "ScriptBlockExpressionAst";
  readonly scriptBlock: ScriptBlockAst;
}

export interface ArrayLiteralAst extends BaseNode {
  readonly type: "ArrayLiteralAst";
  readonly elements: ExpressionAst[];
}

export interface HashtableAst extends BaseNode {
  readonly type: "HashtableAst";
  readonly keyValuePairs: KeyValuePair[];
}

export interface KeyValuePair extends BaseNode {
  readonly type: "KeyValuePair";
  readonly key: ExpressionAst;
  readonly value: StatementAst;
}

/** `@( ... )` */
export interface ArrayExpressionAst extends BaseNode {
  readonly type: "ArrayExpressionAst";
  readonly subExpression: StatementBlockAst;
}

export interface ParenExpressionAst extends BaseNode {
  readonly type: "ParenExpressionAst";
  readonly pipeline: PipelineBaseAst;
}

/** `$( ... )` */
export interface SubExpressionAst extends BaseNode {
  readonly type: "SubExpressionAst";
  readonly subExpression: StatementBlockAst;
}

export interface ErrorExpressionAst extends BaseNode {
  readonly type: "ErrorExpressionAst";
  readonly nestedAst: Ast[];
}

export type Ast =
  | ScriptBlockAst
  | NamedBlockAst
  | ParamBlockAst
  | ParameterAst
  | AttributeAst
  | TypeConstraintAst
  | NamedAttributeArgumentAst
  | StatementBlockAst
  | StatementAst
  | CommandBaseAst
  | CommandParameterAst
  | RedirectionAst
  | IfClause
  | SwitchClause
  | CatchClauseAst
  | MemberAst
  | KeyValuePair
  | ExpressionAst;

export type AstType = Ast["type"];

export type AstOfType<T extends AstType> = Extract<Ast, { type: T }>;

// --- comments, tokens, errors --------------------------------------------------------------------

export interface Comment {
  readonly type: "LineComment" | "BlockComment";
  /** The text between `#` and the line end, or between `<#` and `#>`. */
  readonly value: string;
  readonly range: [number, number];
  readonly loc: SourceLocation;
}

export interface Token {
  /** A `TokenKind` name, such as `Identifier`, `Generic`, `Variable`, `LCurly`. */
  readonly type: string;
  readonly range: [number, number];
  readonly loc: SourceLocation;
}

export interface ParseError {
  /** PowerShell's own error id where one fits (`MissingEndCurlyBrace`, `TerminatorExpectedAtEndOfString`). */
  readonly errorId: string;
  readonly message: string;
  /** The text the error is about; empty at the place input ended early. */
  readonly range: [number, number];
  readonly loc: SourceLocation;
  /** The input stopped before the construct was complete (an unclosed brace, string or comment). */
  readonly incompleteInput: boolean;
  /** For a bracket, brace or parenthesis never closed: the one that opened it. */
  readonly openedAt?: readonly [number, number];
}

/** The root: PowerShell's own root is a script block too. */
export interface ScriptAst extends ScriptBlockAst {
  readonly comments: Comment[];
  /** Built on first use from the parser's compact record. */
  readonly tokens: readonly Token[];
  readonly errors: readonly ParseError[];
}
