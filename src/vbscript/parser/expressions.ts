/**
 * Expressions: operators by precedence climbing over one table, operands (literals, names, `Me`,
 * `New`, parentheses, a `With` member `.Name`) and the member and argument chains after them
 * (`a.b(1).c`). Precedence, highest first: unary `-`/`+`, `^`, `*` `/`, `\`, `Mod`, `+` `-`, `&`, then
 * the comparisons (`=` `<>` `<` `>` `<=` `>=` `Is`, left to right), then `Not`, `And`, `Or`, `Xor`,
 * `Eqv`, `Imp`; every binary operator is left-associative (`2 ^ 3 ^ 2` is 64). The reference's table
 * puts `^` above negation, but the engine reads `-3 ^ 2` as `(-3) ^ 2` = 9 (Wine's language tests,
 * which also run on Windows, check exactly that), and a sign may follow `^` (`2 ^ -1`). Inside an
 * expression `=` compares.
 */
import type { BinaryOperator, Expression, Identifier, IndexOrCallExpression, MeExpression, NewExpression, MemberExpression, ParenthesizedExpression } from "./ast.js";
import { MESSAGES } from "./messages.js";
import { NODE } from "./node.js";
import { ParserBase } from "./parser-base.js";
import { isNameKind, KEYWORD_TEXT, TokenKind } from "./token-kinds.js";

const COMPARISON_PRECEDENCE = 7;

/** Binding power of a binary operator token, 0 for any other token. */
function binaryPrecedence(kind: TokenKind): number {
  switch (kind) {
    case TokenKind.Imp:
      return 1;
    case TokenKind.Eqv:
      return 2;
    case TokenKind.Xor:
      return 3;
    case TokenKind.Or:
      return 4;
    case TokenKind.And:
      return 5;
    case TokenKind.Equals:
    case TokenKind.NotEqual:
    case TokenKind.Less:
    case TokenKind.LessEqual:
    case TokenKind.Greater:
    case TokenKind.GreaterEqual:
    case TokenKind.Is:
      return COMPARISON_PRECEDENCE;
    case TokenKind.Ampersand:
      return 8;
    case TokenKind.Plus:
    case TokenKind.Minus:
      return 9;
    case TokenKind.Mod:
      return 10;
    case TokenKind.Backslash:
      return 11;
    case TokenKind.Star:
    case TokenKind.Slash:
      return 12;
    case TokenKind.Caret:
      return 14;
    default:
      return 0;
  }
}

const OPERATOR_TEXT: Partial<Record<TokenKind, BinaryOperator>> = {
  [TokenKind.Equals]: "=",
  [TokenKind.NotEqual]: "<>",
  [TokenKind.Less]: "<",
  [TokenKind.LessEqual]: "<=",
  [TokenKind.Greater]: ">",
  [TokenKind.GreaterEqual]: ">=",
  [TokenKind.Ampersand]: "&",
  [TokenKind.Plus]: "+",
  [TokenKind.Minus]: "-",
  [TokenKind.Backslash]: "\\",
  [TokenKind.Star]: "*",
  [TokenKind.Slash]: "/",
  [TokenKind.Caret]: "^",
};

function operatorText(kind: TokenKind): BinaryOperator {
  return OPERATOR_TEXT[kind] ?? (KEYWORD_TEXT[kind] as BinaryOperator);
}

/** A token that can start an expression: what tells `f -1` (an argument) from `f` alone. */
export function startsExpression(kind: TokenKind): boolean {
  switch (kind) {
    case TokenKind.Number:
    case TokenKind.String:
    case TokenKind.Date:
    case TokenKind.LParen:
    case TokenKind.Minus:
    case TokenKind.Plus:
    case TokenKind.Not:
    case TokenKind.New:
    case TokenKind.Me:
    case TokenKind.SpacedDot:
    case TokenKind.True:
    case TokenKind.False:
    case TokenKind.Empty:
    case TokenKind.Null:
    case TokenKind.Nothing:
      return true;
    default:
      return isNameKind(kind);
  }
}

export abstract class ExpressionParser extends ParserBase {
  protected parseExpression(): Expression {
    return this.parseBinary(1);
  }

  private parseBinary(minPrecedence: number): Expression {
    return this.continueBinary(this.parseOperand(), minPrecedence);
  }

  /** Reads the operators after `left` that bind at least as tightly as `minPrecedence`. */
  protected continueBinary(left: Expression, minPrecedence: number): Expression {
    for (;;) {
      const kind = this.t.kind;
      const precedence = binaryPrecedence(kind);
      if (precedence === 0 || precedence < minPrecedence) return left;
      this.next();
      // Left to right at every level: the right operand binds one level tighter.
      const right = this.parseBinary(precedence + 1);
      left = this.finish({
        __proto__: NODE,
        type: "BinaryExpression",
        operator: operatorText(kind),
        left,
        right,
        range: [left.range[0], right.range[1]],
        parent: null,
      });
    }
  }

  private parseOperand(): Expression {
    const kind = this.t.kind;
    if (kind !== TokenKind.Not && kind !== TokenKind.Minus && kind !== TokenKind.Plus && kind !== TokenKind.LParen) {
      return this.parsePrimary(false);
    }
    if (!this.enter()) return this.errorExpression();
    try {
      if (kind === TokenKind.LParen) return this.parsePrimary(false);
      const start = this.t.start;
      this.next();
      // `Not` takes a comparison (`Not a = b` is `Not (a = b)`). A sign takes only its operand: it
      // binds tighter than `^`, as the engine computes (`-3 ^ 2` is 9, Wine's tests check it on
      // Windows), whatever the reference's precedence table lists.
      const argument = kind === TokenKind.Not ? this.parseBinary(COMPARISON_PRECEDENCE) : this.parseOperand();
      return this.finish({
        __proto__: NODE,
        type: "UnaryExpression",
        operator: kind === TokenKind.Not ? "Not" : kind === TokenKind.Minus ? "-" : "+",
        argument,
        range: [start, argument.range[1]],
        parent: null,
      });
    } finally {
      this.leave();
    }
  }

  /**
   * An operand and the members and argument lists after it. `calleeOnly`: the chain that starts a
   * call statement, where a dot after a blank starts an argument (`WScript.Echo .Name`).
   */
  protected parsePrimary(calleeOnly: boolean): Expression {
    const t = this.t;
    const start = t.start;
    switch (t.kind) {
      case TokenKind.Number: {
        const value = t.number;
        const base = t.base;
        this.next();
        return this.finish({ __proto__: NODE, type: "NumberLiteral", value, base, range: [start, this.lastEnd], parent: null });
      }
      case TokenKind.String: {
        const value = t.value;
        this.next();
        return this.finish({ __proto__: NODE, type: "StringLiteral", value, range: [start, this.lastEnd], parent: null });
      }
      case TokenKind.Date: {
        const value = t.value;
        this.next();
        return this.finish({ __proto__: NODE, type: "DateLiteral", value, range: [start, this.lastEnd], parent: null });
      }
      case TokenKind.True:
      case TokenKind.False: {
        const value = t.kind === TokenKind.True;
        this.next();
        return this.finish({ __proto__: NODE, type: "BooleanLiteral", value, range: [start, this.lastEnd], parent: null });
      }
      case TokenKind.Empty:
        this.next();
        return this.finish({ __proto__: NODE, type: "EmptyLiteral", range: [start, this.lastEnd], parent: null });
      case TokenKind.Null:
        this.next();
        return this.finish({ __proto__: NODE, type: "NullLiteral", range: [start, this.lastEnd], parent: null });
      case TokenKind.Nothing:
        this.next();
        return this.finish({ __proto__: NODE, type: "NothingLiteral", range: [start, this.lastEnd], parent: null });
      case TokenKind.Me:
        this.next();
        return this.parseChain(this.finish<MeExpression>({ __proto__: NODE, type: "MeExpression", range: [start, this.lastEnd], parent: null }), calleeOnly);
      case TokenKind.New: {
        this.next();
        if (!isNameKind(t.kind)) {
          this.reportHere(MESSAGES.expectedIdentifier);
          return this.errorExpression(start);
        }
        const callee = this.parseName();
        // `New Builder.Init(x)` calls a member of the new object.
        return this.parseChain(this.finish<NewExpression>({ __proto__: NODE, type: "NewExpression", callee, range: [start, callee.range[1]], parent: null }), calleeOnly);
      }
      case TokenKind.SpacedDot: {
        // `.Name` inside `With`: a member of the `With` object.
        const member = this.parseMember(null, start);
        return member === null ? this.errorExpression(start) : this.parseChain(member, calleeOnly);
      }
      case TokenKind.LParen: {
        this.next();
        const expression = this.parseExpression();
        if (this.at(TokenKind.RParen)) this.next();
        else this.reportHere(MESSAGES.expectedCloseParen);
        const parenthesized = this.finish<ParenthesizedExpression>({ __proto__: NODE, type: "ParenthesizedExpression", expression, range: [start, this.lastEnd], parent: null });
        return this.parseChain(parenthesized, calleeOnly);
      }
      default:
        if (isNameKind(t.kind)) return this.parseChain(this.parseName(), calleeOnly);
        return this.missingExpression();
    }
  }

  /** The current token, a name or a word VBScript also accepts as one, as an `Identifier`. */
  protected parseName(): Identifier {
    const t = this.t;
    const start = t.start;
    const name = t.value;
    const bracketed = t.bracketed && t.kind === TokenKind.Identifier;
    this.next();
    return this.finish({ __proto__: NODE, type: "Identifier", name, bracketed, range: [start, this.lastEnd], parent: null });
  }

  /** `.name` after `object` (null inside `With`); null when no name follows the dot. */
  private parseMember(object: Expression | null, start: number): MemberExpression | null {
    this.next();
    if (this.t.kind !== TokenKind.Identifier) {
      this.reportHere(MESSAGES.expectedIdentifier);
      return null;
    }
    const property = this.parseName();
    return this.finish({ __proto__: NODE, type: "MemberExpression", object, property, range: [start, property.range[1]], parent: null });
  }

  /** `.name` and `(arguments)` after an operand, as many as follow. */
  protected parseChain(expression: Expression, calleeOnly: boolean): Expression {
    const t = this.t;
    for (;;) {
      const kind = t.kind;
      if (kind === TokenKind.Dot || (kind === TokenKind.SpacedDot && !calleeOnly)) {
        const member = this.parseMember(expression, expression.range[0]);
        if (member === null) return expression;
        expression = member;
      } else if (kind === TokenKind.LParen) {
        expression = this.parseArguments(expression);
      } else {
        return expression;
      }
    }
  }

  /** `callee(a, , b)`: the list, from its `(` to its `)`. */
  private parseArguments(callee: Expression): IndexOrCallExpression {
    const t = this.t;
    this.next();
    const args: (Expression | null)[] = [];
    if (!this.at(TokenKind.RParen)) {
      if (!this.enter()) {
        this.skipToStatementEnd();
      } else {
        try {
          for (;;) {
            if (this.at(TokenKind.Comma) || this.at(TokenKind.RParen)) args.push(null);
            else args.push(this.parseExpression());
            if (t.kind !== TokenKind.Comma) break;
            this.next();
          }
        } finally {
          this.leave();
        }
      }
    }
    if (this.at(TokenKind.RParen)) this.next();
    else this.reportHere(MESSAGES.expectedCloseParen);
    return this.finish({ __proto__: NODE, type: "IndexOrCallExpression", callee, arguments: args, range: [callee.range[0], this.lastEnd], parent: null });
  }
}
