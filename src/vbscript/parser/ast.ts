/**
 * The VBScript syntax tree. VBScript has no canonical AST, so node types take the names of the
 * statements in the VBScript Language Reference (`Dim Statement` is `DimStatement`, `Select Case
 * Statement` is `SelectStatement`), and expressions take ESTree's names where they mean the same
 * (`Identifier`, `MemberExpression`, `BinaryExpression`, `UnaryExpression`, `NewExpression`).
 *
 * Shapes worth knowing before writing a rule:
 * - `a(1)` is an `IndexOrCallExpression`: VBScript cannot tell at parse time whether it calls a
 *   function, reads an array element or calls a default member (`coll(i)` is `coll.Item(i)`).
 * - Inside `With obj`, `.Member` is a `MemberExpression` whose `object` is null: the `With` object.
 * - A call statement keeps the callee and the arguments apart, however it was written: `f a, b`,
 *   `Call f(a, b)`, `obj.Method` (no arguments) and `f (a)` are all `CallStatement`s. In `f (a)` (no
 *   `Call`) the parentheses belong to the argument, so it is a `ParenthesizedExpression` (passed by
 *   value), as VBScript reads it.
 * - An argument left out (`f a, , b`, `obj.M(1, , 3)`) is `null` in `arguments`.
 * - Operators keep VBScript's spelling in its usual case: `And`, `Mod`, `Is`, `&`, `\`, `<>` (also
 *   for the old spellings `><`, `=<`, `=>`). A sign binds tighter than `^`: `-3 ^ 2` is `(-3) ^ 2`,
 *   as the engine computes it (expressions.ts says why).
 * - Declarations are statements: a `Sub` or `Function` may sit in a top-level `If` block, and a
 *   class's members are in its `body`.
 * - What could not be read is an `ErrorStatement` (a statement) or an `ErrorExpression` (a missing or
 *   broken operand), and each error is in the root's `errors`.
 */

import type { SourceLocation } from "../../text/line-index.js";

export type { Position, SourceLocation } from "../../text/line-index.js";

interface BaseNode {
  /** UTF-16 offsets into the text: start inclusive, end exclusive. */
  readonly range: [number, number];
  /** Worked out from `range` when read. */
  readonly loc: SourceLocation;
  parent: Node | null;
}

// --- the program ----------------------------------------------------------------------------------

export interface Program extends BaseNode {
  readonly type: "Program";
  readonly body: Statement[];
}

export type Statement =
  | OptionExplicitStatement
  | DimStatement
  | ReDimStatement
  | ConstStatement
  | EraseStatement
  | SetStatement
  | AssignmentStatement
  | CallStatement
  | IfStatement
  | SelectStatement
  | ForStatement
  | ForEachStatement
  | DoStatement
  | WhileStatement
  | WithStatement
  | ExitStatement
  | OnErrorStatement
  | StopStatement
  | SubDeclaration
  | FunctionDeclaration
  | PropertyDeclaration
  | ClassDeclaration
  | ErrorStatement;

/** Where a declaration is visible: `Private`/`Public` as written, null when neither is. */
export type Visibility = "Private" | "Public" | null;

// --- declarations of variables and constants --------------------------------------------------------

/** `Option Explicit`. */
export interface OptionExplicitStatement extends BaseNode {
  readonly type: "OptionExplicitStatement";
}

/**
 * `Dim a, b(3)`; also `Private x` and `Public x` (the reference's Private and Public statements),
 * which differ only in `kind`.
 */
export interface DimStatement extends BaseNode {
  readonly type: "DimStatement";
  readonly kind: "Dim" | "Private" | "Public";
  readonly declarations: VariableDeclarator[];
}

/** One name in `Dim`/`ReDim`: `a`, `a()` (a dynamic array), `a(3, 4)`. */
export interface VariableDeclarator extends BaseNode {
  readonly type: "VariableDeclarator";
  readonly id: Identifier;
  /** The upper bounds, null when the name has no parentheses, empty for `a()`. */
  readonly bounds: Expression[] | null;
}

/** `ReDim [Preserve] a(n), b(x, y)`. */
export interface ReDimStatement extends BaseNode {
  readonly type: "ReDimStatement";
  readonly preserve: boolean;
  readonly declarations: VariableDeclarator[];
}

/** `[Private|Public] Const a = 1, b = "x"`. */
export interface ConstStatement extends BaseNode {
  readonly type: "ConstStatement";
  readonly visibility: Visibility;
  readonly declarations: ConstDeclarator[];
}

export interface ConstDeclarator extends BaseNode {
  readonly type: "ConstDeclarator";
  readonly id: Identifier;
  readonly init: Expression;
}

/** `Erase a` (the reference allows one array; a list is read too). */
export interface EraseStatement extends BaseNode {
  readonly type: "EraseStatement";
  readonly arrays: Expression[];
}

// --- assignments and calls --------------------------------------------------------------------------

/** `Set target = value`: binds an object reference. */
export interface SetStatement extends BaseNode {
  readonly type: "SetStatement";
  readonly target: Expression;
  readonly value: Expression;
}

/** `[Let] target = value`: a value, or a default property's write. */
export interface AssignmentStatement extends BaseNode {
  readonly type: "AssignmentStatement";
  /** Written with the optional `Let`. */
  readonly let: boolean;
  readonly target: Expression;
  readonly value: Expression;
}

/**
 * A statement that calls a procedure or method: `f a, b`, `Call f(a, b)`, `obj.Method`,
 * `f (a)`, `.Add x` inside `With`. `callee` is what is called (an `Identifier` or a
 * `MemberExpression`, or an `IndexOrCallExpression` when the call chain goes on, `a(1).b 2`).
 */
export interface CallStatement extends BaseNode {
  readonly type: "CallStatement";
  /** Written with `Call` (the arguments were then in parentheses). */
  readonly call: boolean;
  readonly callee: Expression;
  /** null for an argument left out. */
  readonly arguments: (Expression | null)[];
}

// --- branches ---------------------------------------------------------------------------------------

/**
 * `If test Then ... ElseIf ... Else ... End If`, or on one line `If test Then s1 : s2 Else s3`
 * (`singleLine`, with no `elseIfClauses`).
 */
export interface IfStatement extends BaseNode {
  readonly type: "IfStatement";
  readonly singleLine: boolean;
  readonly test: Expression;
  readonly consequent: Statement[];
  readonly elseIfClauses: ElseIfClause[];
  readonly elseClause: ElseClause | null;
}

/** `ElseIf test Then` and the statements up to the next clause. */
export interface ElseIfClause extends BaseNode {
  readonly type: "ElseIfClause";
  readonly test: Expression;
  readonly consequent: Statement[];
}

/** `Else` and the statements after it. */
export interface ElseClause extends BaseNode {
  readonly type: "ElseClause";
  readonly body: Statement[];
}

/** `Select Case discriminant` ... `End Select`. */
export interface SelectStatement extends BaseNode {
  readonly type: "SelectStatement";
  readonly discriminant: Expression;
  readonly cases: CaseClause[];
}

/** `Case a, b` (or `Case Else`, with no tests) and its statements. */
export interface CaseClause extends BaseNode {
  readonly type: "CaseClause";
  readonly isElse: boolean;
  readonly tests: Expression[];
  readonly body: Statement[];
}

// --- loops and blocks -------------------------------------------------------------------------------

/** `For counter = start To end [Step step]` ... `Next`. */
export interface ForStatement extends BaseNode {
  readonly type: "ForStatement";
  readonly counter: Identifier;
  readonly start: Expression;
  readonly end: Expression;
  readonly step: Expression | null;
  readonly body: Statement[];
}

/** `For Each element In collection` ... `Next`. */
export interface ForEachStatement extends BaseNode {
  readonly type: "ForEachStatement";
  readonly element: Identifier;
  readonly collection: Expression;
  readonly body: Statement[];
}

/**
 * `Do [While|Until test]` ... `Loop [While|Until test]`. Visitors see `test` before `body` even when
 * it is written after `Loop` (`testPosition` says where it is).
 */
export interface DoStatement extends BaseNode {
  readonly type: "DoStatement";
  /** Which word the test follows, null for a loop without one. */
  readonly testKind: "While" | "Until" | null;
  /** Where the test is written: after `Do` (checked first) or after `Loop`. */
  readonly testPosition: "Do" | "Loop" | null;
  readonly test: Expression | null;
  readonly body: Statement[];
}

/** `While test` ... `Wend`. */
export interface WhileStatement extends BaseNode {
  readonly type: "WhileStatement";
  readonly test: Expression;
  readonly body: Statement[];
}

/** `With object` ... `End With`: inside, `.Member` is a `MemberExpression` with a null `object`. */
export interface WithStatement extends BaseNode {
  readonly type: "WithStatement";
  readonly object: Expression;
  readonly body: Statement[];
}

/** `Exit Do`, `Exit For`, `Exit Function`, `Exit Property`, `Exit Sub`. */
export interface ExitStatement extends BaseNode {
  readonly type: "ExitStatement";
  readonly kind: "Do" | "For" | "Function" | "Property" | "Sub";
}

/** `On Error Resume Next` or `On Error GoTo 0`. */
export interface OnErrorStatement extends BaseNode {
  readonly type: "OnErrorStatement";
  readonly kind: "ResumeNext" | "GoTo0";
}

/** `Stop`. */
export interface StopStatement extends BaseNode {
  readonly type: "StopStatement";
}

// --- procedures and classes -------------------------------------------------------------------------

interface ProcedureBase extends BaseNode {
  readonly visibility: Visibility;
  /** `Public Default`: the class's default member. */
  readonly isDefault: boolean;
  readonly name: Identifier;
  readonly params: Parameter[];
  readonly body: Statement[];
}

/** `[Public [Default]|Private] Sub name(params)` ... `End Sub`. */
export interface SubDeclaration extends ProcedureBase {
  readonly type: "SubDeclaration";
}

/** `Function name(params)` ... `End Function`: the result is assigned to `name`. */
export interface FunctionDeclaration extends ProcedureBase {
  readonly type: "FunctionDeclaration";
}

/** `Property Get|Let|Set name(params)` ... `End Property`. */
export interface PropertyDeclaration extends ProcedureBase {
  readonly type: "PropertyDeclaration";
  readonly accessor: "Get" | "Let" | "Set";
}

/** `[ByVal|ByRef] name[()]`. */
export interface Parameter extends BaseNode {
  readonly type: "Parameter";
  /** As written: null means ByRef, VBScript's default. */
  readonly passing: "ByVal" | "ByRef" | null;
  readonly name: Identifier;
  /** Written `name()`. */
  readonly isArray: boolean;
}

/** `Class name` ... `End Class`: members are `DimStatement`s, `ConstStatement`s and procedures. */
export interface ClassDeclaration extends BaseNode {
  readonly type: "ClassDeclaration";
  readonly name: Identifier;
  readonly body: Statement[];
}

/** Text VBScript rejects, with whatever could be read from it. */
export interface ErrorStatement extends BaseNode {
  readonly type: "ErrorStatement";
  readonly nested: Node[];
}

// --- expressions ------------------------------------------------------------------------------------

export type Expression =
  | Identifier
  | MemberExpression
  | IndexOrCallExpression
  | NewExpression
  | MeExpression
  | BinaryExpression
  | UnaryExpression
  | ParenthesizedExpression
  | StringLiteral
  | NumberLiteral
  | DateLiteral
  | BooleanLiteral
  | EmptyLiteral
  | NullLiteral
  | NothingLiteral
  | ErrorExpression;

/** A name; `[any text]` is a bracketed name (`bracketed`, `name` without the brackets). */
export interface Identifier extends BaseNode {
  readonly type: "Identifier";
  /** As written (VBScript compares names case-insensitively). */
  readonly name: string;
  readonly bracketed: boolean;
}

/** `object.property`; `object` is null for `.property` inside `With`. Any word may follow the dot. */
export interface MemberExpression extends BaseNode {
  readonly type: "MemberExpression";
  readonly object: Expression | null;
  readonly property: Identifier;
}

/**
 * `callee(arguments)`: a call, an array element, or a default member (`coll(i)`, which is
 * `coll.Item(i)`); VBScript decides which when the line runs, so the parser cannot.
 */
export interface IndexOrCallExpression extends BaseNode {
  readonly type: "IndexOrCallExpression";
  readonly callee: Expression;
  /** null for an argument left out. */
  readonly arguments: (Expression | null)[];
}

/** `New ClassName`. */
export interface NewExpression extends BaseNode {
  readonly type: "NewExpression";
  readonly callee: Identifier;
}

/** `Me`. */
export interface MeExpression extends BaseNode {
  readonly type: "MeExpression";
}

export type BinaryOperator =
  | "Imp"
  | "Eqv"
  | "Xor"
  | "Or"
  | "And"
  | "="
  | "<>"
  | "<"
  | ">"
  | "<="
  | ">="
  | "Is"
  | "&"
  | "+"
  | "-"
  | "Mod"
  | "\\"
  | "*"
  | "/"
  | "^";

export interface BinaryExpression extends BaseNode {
  readonly type: "BinaryExpression";
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export interface UnaryExpression extends BaseNode {
  readonly type: "UnaryExpression";
  readonly operator: "Not" | "-" | "+";
  readonly argument: Expression;
}

/** `(expression)`: kept, since a parenthesised argument is passed by value. */
export interface ParenthesizedExpression extends BaseNode {
  readonly type: "ParenthesizedExpression";
  readonly expression: Expression;
}

/** `"text"`, with `""` read as one quote. */
export interface StringLiteral extends BaseNode {
  readonly type: "StringLiteral";
  readonly value: string;
}

/** `42`, `1.5E3`, `&HFF`, `&O17&`. */
export interface NumberLiteral extends BaseNode {
  readonly type: "NumberLiteral";
  /**
   * VBScript's value: `&HFFFF` is the Integer -1 and `&HFFFF&` the Long 65535 (hex and octal
   * literals wrap to 16 bits when they fit and have no `&`, else to 32 bits).
   */
  readonly value: number;
  readonly base: 10 | 16 | 8;
}

/** `#1/2/2003#`: `value` is the text between the `#`s (its meaning depends on the locale). */
export interface DateLiteral extends BaseNode {
  readonly type: "DateLiteral";
  readonly value: string;
}

export interface BooleanLiteral extends BaseNode {
  readonly type: "BooleanLiteral";
  readonly value: boolean;
}

export interface EmptyLiteral extends BaseNode {
  readonly type: "EmptyLiteral";
}

export interface NullLiteral extends BaseNode {
  readonly type: "NullLiteral";
}

export interface NothingLiteral extends BaseNode {
  readonly type: "NothingLiteral";
}

/** An operand that is missing or could not be read (an empty range where it was expected). */
export interface ErrorExpression extends BaseNode {
  readonly type: "ErrorExpression";
}

// --- everything -------------------------------------------------------------------------------------

export type Node =
  | Program
  | Statement
  | Expression
  | VariableDeclarator
  | ConstDeclarator
  | ElseIfClause
  | ElseClause
  | CaseClause
  | Parameter;

export type NodeType = Node["type"];

// --- the root's side tables -------------------------------------------------------------------------

export interface Comment {
  readonly type: "LineComment";
  /** `'`, `Rem` (in the case written), or in a page's script `<!--` and `-->`. */
  readonly marker: string;
  /** The text after the marker, up to the line end. */
  readonly value: string;
  readonly range: [number, number];
  readonly loc: SourceLocation;
}

export interface Token {
  /** A `TokenKind` name, such as `Identifier`, `Keyword`, `String`, `NewLine`, `Punctuator`. */
  readonly type: string;
  readonly range: [number, number];
  readonly loc: SourceLocation;
}

export interface ParseError {
  /** VBScript's own message, as cscript prints it ("Expected 'End'"). */
  readonly message: string;
  /** VBScript's error number as cscript shows it (`800A03F6`), or null where it has none of its own. */
  readonly code: string | null;
  /** Where VBScript reports it; empty at the place the input ended early. */
  readonly range: [number, number];
  readonly loc: SourceLocation;
}

/** What `parse` returns: the program with its comments, tokens and errors. */
export interface ProgramAst extends Program {
  readonly comments: Comment[];
  /** Built on first use from the tokenizer's compact record. */
  readonly tokens: readonly Token[];
  readonly errors: readonly ParseError[];
}
