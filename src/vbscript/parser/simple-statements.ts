/**
 * Statements that fit on their line: assignments (`Set`, `Let`, plain), calls (`Call f(a)`, `f a, b`,
 * `f (a), (b)`, `obj.Method`), `Dim`/`ReDim`/`Const`/`Erase`, `Exit`, `On Error`, `Option Explicit`
 * and `Stop`. Blocks and declarations are read in the files named after them.
 */
import type {
  CallStatement,
  ConstDeclarator,
  Expression,
  IndexOrCallExpression,
  Statement,
  VariableDeclarator,
  Visibility,
} from "./ast.js";
import { ExpressionParser, startsExpression } from "./expressions.js";
import { MESSAGES } from "./messages.js";
import { NODE } from "./node.js";
import { Block } from "./parser-base.js";
import { isNameKind, TokenKind } from "./token-kinds.js";

/** The binding power test the expression parser uses, for `f (a) + 1, b`. */
function isBinaryOperator(kind: TokenKind): boolean {
  switch (kind) {
    case TokenKind.Imp:
    case TokenKind.Eqv:
    case TokenKind.Xor:
    case TokenKind.Or:
    case TokenKind.And:
    case TokenKind.Equals:
    case TokenKind.NotEqual:
    case TokenKind.Less:
    case TokenKind.LessEqual:
    case TokenKind.Greater:
    case TokenKind.GreaterEqual:
    case TokenKind.Is:
    case TokenKind.Ampersand:
    case TokenKind.Plus:
    case TokenKind.Minus:
    case TokenKind.Mod:
    case TokenKind.Backslash:
    case TokenKind.Star:
    case TokenKind.Slash:
    case TokenKind.Caret:
      return true;
    default:
      return false;
  }
}

/** A literal `Const` accepts: a literal, signed for numbers, possibly in parentheses. */
function isLiteralConstant(expression: Expression): boolean {
  switch (expression.type) {
    case "StringLiteral":
    case "NumberLiteral":
    case "DateLiteral":
    case "BooleanLiteral":
    case "EmptyLiteral":
    case "NullLiteral":
    case "NothingLiteral":
      return true;
    case "UnaryExpression":
      return expression.operator !== "Not" && isLiteralConstant(expression.argument);
    case "ParenthesizedExpression":
      return isLiteralConstant(expression.expression);
    default:
      return false;
  }
}

export abstract class SimpleStatementParser extends ExpressionParser {
  // --- assignments and calls ------------------------------------------------------------------------

  /** A statement that starts with a name, `Me` or a `With` member: an assignment or a call. */
  protected parseAssignmentOrCall(): Statement {
    const start = this.t.start;
    const target = this.parsePrimary(true);
    if (this.t.kind === TokenKind.Equals) {
      this.next();
      const value = this.parseExpression();
      return this.finish({ __proto__: NODE, type: "AssignmentStatement", let: false, target, value, range: [start, value.range[1]], parent: null });
    }
    return this.parseCallRest(start, target);
  }

  /** After the callee chain of a call statement written without `Call`. */
  private parseCallRest(start: number, chain: Expression): CallStatement {
    const kind = this.t.kind;
    let callee = chain;
    let args: (Expression | null)[] = [];
    if (chain.type === "IndexOrCallExpression" && chain.arguments.length === 1 && chain.arguments[0] !== null && (kind === TokenKind.Comma || isBinaryOperator(kind))) {
      // `f (a), (b)` and `f (a) + 1`: the parentheses belong to the first argument.
      callee = chain.callee;
      const first = this.continueBinary(this.parenthesizedArgument(chain), 1);
      args.push(first);
      if (this.eat(TokenKind.Comma)) this.parseArgumentList(args);
    } else if (kind === TokenKind.Comma || startsExpression(kind)) {
      this.parseArgumentList(args);
    } else if (chain.type === "IndexOrCallExpression") {
      // `f(a)` alone passes `(a)`; `f(a, b)` needs `Call`, since a Sub's arguments take no parentheses.
      callee = chain.callee;
      if (chain.arguments.length === 1 && chain.arguments[0] !== null) {
        args = [this.parenthesizedArgument(chain)];
      } else {
        args = chain.arguments.slice();
        if (args.length > 1 || args[0] === null) this.report(MESSAGES.parenthesesInSubCall, this.openParenOf(chain), chain.range[1]);
      }
    }
    const end = args.length > 0 ? Math.max(this.lastEnd, callee.range[1]) : chain.range[1];
    return this.finish({ __proto__: NODE, type: "CallStatement", call: false, callee, arguments: args, range: [start, end], parent: null });
  }

  /** Where the `(` of `chain`'s argument list is: only blanks and line continuations come between. */
  private openParenOf(chain: IndexOrCallExpression): number {
    return this.text.indexOf("(", chain.callee.range[1]);
  }

  /** `(a)` of `f (a)`: the argument in its parentheses. */
  private parenthesizedArgument(chain: IndexOrCallExpression): Expression {
    const expression = chain.arguments[0]!;
    return this.finish({ __proto__: NODE, type: "ParenthesizedExpression", expression, range: [this.openParenOf(chain), chain.range[1]], parent: null });
  }

  /** Arguments without parentheses: `a, , b`, up to the statement's end. */
  private parseArgumentList(args: (Expression | null)[]): void {
    const t = this.t;
    for (;;) {
      if (t.kind === TokenKind.Comma) {
        args.push(null);
        this.next();
        continue;
      }
      if (!startsExpression(t.kind)) {
        // A trailing comma left the last argument out.
        if (args.length > 0 && this.text.charCodeAt(this.lastEnd - 1) === 0x2c) args.push(null);
        return;
      }
      args.push(this.parseExpression());
      if (!this.eat(TokenKind.Comma)) return;
    }
  }

  /** `Call f(a, b)`, `Call obj.Method`. */
  protected parseCallStatement(): Statement {
    const start = this.t.start;
    this.next();
    const kind = this.t.kind;
    // `Call (New C).Run` and `Call (f)(x)` call what a parenthesised operand yields.
    if (!isNameKind(kind) && kind !== TokenKind.SpacedDot && kind !== TokenKind.Me && kind !== TokenKind.LParen) {
      this.reportHere(MESSAGES.expectedIdentifier);
      return this.errorStatement(start, this.lastEnd);
    }
    const chain = this.parsePrimary(false);
    const isCall = chain.type === "IndexOrCallExpression";
    return this.finish({
      __proto__: NODE,
      type: "CallStatement",
      call: true,
      callee: isCall ? chain.callee : chain,
      arguments: isCall ? chain.arguments.slice() : [],
      range: [start, chain.range[1]],
      parent: null,
    });
  }

  /** `Set target = value`. */
  protected parseSetStatement(): Statement {
    const start = this.t.start;
    this.next();
    const target = this.parseAssignmentTarget();
    if (target === null) return this.errorStatement(start, this.lastEnd);
    const value = this.parseAssignedValue();
    return this.finish({ __proto__: NODE, type: "SetStatement", target, value, range: [start, value.range[1]], parent: null });
  }

  /** `Let target = value`. */
  protected parseLetStatement(): Statement {
    const start = this.t.start;
    this.next();
    const target = this.parseAssignmentTarget();
    if (target === null) return this.errorStatement(start, this.lastEnd);
    const value = this.parseAssignedValue();
    return this.finish({ __proto__: NODE, type: "AssignmentStatement", let: true, target, value, range: [start, value.range[1]], parent: null });
  }

  private parseAssignmentTarget(): Expression | null {
    const kind = this.t.kind;
    if (!isNameKind(kind) && kind !== TokenKind.SpacedDot && kind !== TokenKind.Me) {
      this.reportHere(MESSAGES.expectedIdentifier);
      return null;
    }
    return this.parsePrimary(false);
  }

  private parseAssignedValue(): Expression {
    if (this.t.kind === TokenKind.Equals) this.next();
    else this.reportHere(MESSAGES.expectedEquals);
    return this.parseExpression();
  }

  // --- declarations of variables ----------------------------------------------------------------------

  /** `Dim a, b(3)`, and after `Private`/`Public` the same list (`kind` says which). */
  protected parseDimList(start: number, kind: "Dim" | "Private" | "Public"): Statement {
    const declarations = this.parseDeclarators(false);
    return this.finish({ __proto__: NODE, type: "DimStatement", kind, declarations, range: [start, this.lastEnd], parent: null });
  }

  /** `ReDim [Preserve] a(n), b(x, y)`. */
  protected parseReDimStatement(): Statement {
    const start = this.t.start;
    this.next();
    const preserve = this.eat(TokenKind.Preserve);
    const declarations = this.parseDeclarators(true);
    return this.finish({ __proto__: NODE, type: "ReDimStatement", preserve, declarations, range: [start, this.lastEnd], parent: null });
  }

  /** Names with optional bounds, separated by commas. `Dim` takes integer constants only; `ReDim` any expression. */
  private parseDeclarators(redim: boolean): VariableDeclarator[] {
    const t = this.t;
    const declarations: VariableDeclarator[] = [];
    for (;;) {
      if (!isNameKind(t.kind)) {
        this.reportHere(MESSAGES.expectedIdentifier);
        return declarations;
      }
      const id = this.parseName();
      let bounds: Expression[] | null = null;
      if (t.kind === TokenKind.LParen) {
        this.next();
        bounds = [];
        if (!this.at(TokenKind.RParen)) {
          for (;;) {
            const bound = this.parseExpression();
            if (!redim && bound.type !== "NumberLiteral" && bound.type !== "ErrorExpression") this.report(MESSAGES.expectedIntegerConstant, bound.range[0], bound.range[1]);
            bounds.push(bound);
            if (!this.eat(TokenKind.Comma)) break;
          }
        }
        if (this.at(TokenKind.RParen)) this.next();
        else this.reportHere(MESSAGES.expectedCloseParen);
      } else if (redim) {
        this.reportHere(MESSAGES.expectedOpenParen);
      }
      declarations.push(this.finish({ __proto__: NODE, type: "VariableDeclarator", id, bounds, range: [id.range[0], this.lastEnd], parent: null }));
      if (!this.eat(TokenKind.Comma)) return declarations;
    }
  }

  /** `Const a = 1, b = "x"`, after `Const`. */
  protected parseConstStatement(start: number, visibility: Visibility): Statement {
    const t = this.t;
    this.next();
    const declarations: ConstDeclarator[] = [];
    for (;;) {
      if (!isNameKind(t.kind)) {
        this.reportHere(MESSAGES.expectedIdentifier);
        break;
      }
      const id = this.parseName();
      if (t.kind === TokenKind.Equals) this.next();
      else this.reportHere(MESSAGES.expectedEquals);
      const init = this.parseExpression();
      if (!isLiteralConstant(init) && init.type !== "ErrorExpression") this.report(MESSAGES.expectedLiteralConstant, init.range[0], init.range[1]);
      declarations.push(this.finish({ __proto__: NODE, type: "ConstDeclarator", id, init, range: [id.range[0], init.range[1]], parent: null }));
      if (!this.eat(TokenKind.Comma)) break;
    }
    return this.finish({ __proto__: NODE, type: "ConstStatement", visibility, declarations, range: [start, this.lastEnd], parent: null });
  }

  /** `Erase a`. */
  protected parseEraseStatement(): Statement {
    const start = this.t.start;
    this.next();
    const arrays: Expression[] = [];
    do {
      if (!isNameKind(this.t.kind)) {
        this.reportHere(MESSAGES.expectedIdentifier);
        break;
      }
      arrays.push(this.parsePrimary(false));
    } while (this.eat(TokenKind.Comma));
    return this.finish({ __proto__: NODE, type: "EraseStatement", arrays, range: [start, this.lastEnd], parent: null });
  }

  // --- the rest -------------------------------------------------------------------------------------

  /** `Exit Do|For|Function|Property|Sub`, valid only inside what it leaves. */
  protected parseExitStatement(): Statement {
    const start = this.t.start;
    this.next();
    let kind: "Do" | "For" | "Function" | "Property" | "Sub";
    let valid: boolean;
    switch (this.t.kind) {
      case TokenKind.Do:
        kind = "Do";
        valid = this.isOpen(Block.Do);
        break;
      case TokenKind.For:
        kind = "For";
        valid = this.isOpen(Block.For);
        break;
      case TokenKind.Function:
        kind = "Function";
        valid = this.procedure === Block.Function;
        break;
      case TokenKind.Property:
        kind = "Property";
        valid = this.procedure === Block.Property;
        break;
      case TokenKind.Sub:
        kind = "Sub";
        valid = this.procedure === Block.Sub;
        break;
      default:
        this.reportHere(MESSAGES.invalidExit);
        return this.errorStatement(start, this.lastEnd);
    }
    if (!valid) this.report(MESSAGES.invalidExit, start, this.t.end);
    this.next();
    return this.finish({ __proto__: NODE, type: "ExitStatement", kind, range: [start, this.lastEnd], parent: null });
  }

  /** `On Error Resume Next` or `On Error GoTo 0`. */
  protected parseOnErrorStatement(): Statement {
    const t = this.t;
    const start = t.start;
    this.next();
    if (!this.eat(TokenKind.Error)) {
      this.reportHere(MESSAGES.syntaxError);
      return this.errorStatement(start, this.lastEnd);
    }
    if (this.eat(TokenKind.Resume)) {
      if (this.eat(TokenKind.Next)) return this.finish({ __proto__: NODE, type: "OnErrorStatement", kind: "ResumeNext", range: [start, this.lastEnd], parent: null });
    } else if (this.eat(TokenKind.GoTo)) {
      if (t.kind === TokenKind.Number && t.number === 0 && t.raw === "0") {
        this.next();
        return this.finish({ __proto__: NODE, type: "OnErrorStatement", kind: "GoTo0", range: [start, this.lastEnd], parent: null });
      }
    }
    this.reportHere(MESSAGES.syntaxError);
    return this.errorStatement(start, this.lastEnd);
  }

  /** `Option Explicit`. */
  /** `Option Explicit`, which must come before any other statement (ASP's familiar "Expected statement"). */
  protected parseOptionStatement(first: boolean): Statement {
    const start = this.t.start;
    if (!first) this.reportHere(MESSAGES.expectedStatement);
    this.next();
    if (!this.eat(TokenKind.Explicit)) {
      this.reportHere(MESSAGES.syntaxError);
      return this.errorStatement(start, this.lastEnd);
    }
    return this.finish({ __proto__: NODE, type: "OptionExplicitStatement", range: [start, this.lastEnd], parent: null });
  }

  protected parseStopStatement(): Statement {
    const start = this.t.start;
    this.next();
    return this.finish({ __proto__: NODE, type: "StopStatement", range: [start, this.lastEnd], parent: null });
  }
}
