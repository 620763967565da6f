/**
 * Expressions: the ternary, binary operators by PowerShell's precedence (`-and` lowest, `..` highest),
 * comma lists, unary operators, casts and attributes (`[int]$x`, `[Type]::Member`). What they apply
 * to is read in primary-expressions.ts and member-access.ts.
 */
import type {
  ArrayLiteralAst,
  AttributeAst,
  AttributedExpressionAst,
  BinaryExpressionAst,
  CommandParameterAst,
  ConvertExpressionAst,
  ExpressionAst,
  TernaryExpressionAst,
  TypeExpressionAst,
  TypeName,
  UnaryExpressionAst,
} from "./ast.js";
import { PrimaryExpressionParser } from "./primary-expressions.js";
import { Mode, type Token } from "./token.js";
import { hasTrait, precedenceOf, PUNCTUATION_TEXT, TokenKind, TokenTrait } from "./token-kinds.js";
import { NODE } from "./node.js";

export abstract class ExpressionParser extends PrimaryExpressionParser {
  protected expressionRule(endNumberOnTernary = false): ExpressionAst | null {
    const oldMode = this.mode;
    this.setMode(Mode.Expression);
    try {
      const condition = this.binaryExpressionRule(endNumberOnTernary);
      if (condition === null) return null;
      const question = this.peekToken();
      if (question.kind !== TokenKind.QuestionMark) return condition;
      this.skipToken();
      this.skipNewlines();
      let ifTrue = this.expressionRule(true);
      if (ifTrue === null) {
        const place = ExpressionParser.after(question);
        this.reportIncompleteInput(place, "ExpectedValueExpression", "A value is missing after '?'.");
        ifTrue = this.errorExpression(place.range[0], place.range[1]);
      }
      this.skipNewlines();
      const colon = this.nextToken();
      if (colon.kind !== TokenKind.Colon) {
        this.ungetToken(colon);
        if (ifTrue.type !== "ErrorExpressionAst") {
          this.reportIncompleteInput(colon, "MissingColonInTernaryExpression", "The ternary expression is missing its ':' and the value after it.");
        }
        return this.errorExpression(condition.range[0], ifTrue.range[1], [condition, ifTrue.type === "ErrorExpressionAst" ? null : ifTrue]);
      }
      this.skipNewlines();
      let ifFalse = this.expressionRule(true);
      if (ifFalse === null) {
        const place = ExpressionParser.after(colon);
        this.reportIncompleteInput(place, "ExpectedValueExpression", "A value is missing after ':'.");
        ifFalse = this.errorExpression(place.range[0], place.range[1]);
      }
      return this.finish<TernaryExpressionAst>({
        __proto__: NODE,
        type: "TernaryExpressionAst",
        condition,
        ifTrue,
        ifFalse,
        range: [condition.range[0], ifFalse.range[1]],
        parent: null,
      });
    } finally {
      this.setMode(oldMode);
    }
  }

  /** Operators by precedence climbing over two stacks; `&&` and `||` end an expression (they chain pipelines). */
  private binaryExpressionRule(endNumberOnTernary: boolean): ExpressionAst | null {
    const oldMode = this.mode;
    this.setMode(Mode.Expression);
    try {
      let expression = this.arrayLiteralRule(endNumberOnTernary);
      if (expression === null) return null;
      let token = this.peekToken();
      if (!hasTrait(token.kind, TokenTrait.BinaryOperator)) {
        return token.kind === TokenKind.Parameter ? this.parameterInExpression(token, expression) : expression;
      }
      this.skipToken();
      const operands: ExpressionAst[] = [expression];
      const operators: Token[] = [token];
      let precedence = precedenceOf(token.kind, token.text);
      let parameter: Token | null = null;
      for (;;) {
        this.skipNewlines();
        expression = this.arrayLiteralRule(true);
        if (expression === null) {
          const place = ExpressionParser.after(token);
          this.reportIncompleteInput(place, "ExpectedValueExpression", `A value is missing after the operator '${this.operatorText(token)}'.`);
          expression = this.errorExpression(place.range[0], place.range[1]);
        }
        operands.push(expression);
        token = this.nextToken();
        if (!hasTrait(token.kind, TokenTrait.BinaryOperator)) {
          if (token.kind === TokenKind.Parameter) parameter = token;
          this.ungetToken(token);
          break;
        }
        const newPrecedence = precedenceOf(token.kind, token.text);
        while (newPrecedence <= precedence) {
          const right = operands.pop()!;
          const left = operands.pop()!;
          operands.push(this.binary(left, operators.pop()!, right));
          if (operators.length === 0) break;
          const top = operators[operators.length - 1]!;
          precedence = precedenceOf(top.kind, top.text);
        }
        operators.push(token);
        precedence = newPrecedence;
      }
      let right = operands.pop()!;
      while (operands.length > 0) right = this.binary(operands.pop()!, operators.pop()!, right);
      return parameter === null ? right : this.parameterInExpression(parameter, right);
    } finally {
      this.setMode(oldMode);
    }
  }

  private binary(left: ExpressionAst, operator: Token, right: ExpressionAst): BinaryExpressionAst {
    return this.finish<BinaryExpressionAst>({
      __proto__: NODE,
      type: "BinaryExpressionAst",
      left,
      operator: this.operatorText(operator),
      right,
      range: [left.range[0], right.range[1]],
      parent: null,
    });
  }

  private operatorText(token: Token): string {
    switch (token.kind) {
      case TokenKind.DashOperator:
      case TokenKind.Format:
      case TokenKind.Not:
      case TokenKind.Bnot:
      case TokenKind.Split:
      case TokenKind.Join:
        return token.text;
      default:
        return PUNCTUATION_TEXT[token.kind] ?? this.tokenText(token);
    }
  }

  /** `$a -Foo`: a parameter where an operator belongs. */
  private parameterInExpression(parameter: Token, expression: ExpressionAst): ExpressionAst {
    this.reportError(parameter, "UnexpectedToken", `Unexpected token '${this.tokenText(parameter)}' in expression or statement.`);
    this.skipToken();
    const parameterAst = this.finish<CommandParameterAst>({
      __proto__: NODE,
      type: "CommandParameterAst",
      parameterName: parameter.text,
      argument: null,
      colon: parameter.colon,
      range: [parameter.start, parameter.end],
      parent: null,
    });
    return this.errorExpression(expression.range[0], parameter.end, [expression, parameterAst]);
  }

  private arrayLiteralRule(endNumberOnTernary: boolean): ExpressionAst | null {
    let last = this.unaryExpressionRule(endNumberOnTernary);
    if (last === null) return null;
    const first = last;
    let comma = this.peekToken();
    if (comma.kind !== TokenKind.Comma || this.disableCommaOperator) return last;
    const elements: ExpressionAst[] = [last];
    while (comma.kind === TokenKind.Comma) {
      this.skipToken();
      this.skipNewlines();
      const next = this.unaryExpressionRule(true);
      if (next === null) {
        this.reportIncompleteInput(ExpressionParser.after(comma), "MissingExpressionAfterToken", "A value is missing after ','.");
        last = this.errorExpression(comma.start, comma.end);
        elements.push(last);
        break;
      }
      last = next;
      elements.push(last);
      comma = this.peekToken();
    }
    return this.finish<ArrayLiteralAst>({ __proto__: NODE, type: "ArrayLiteralAst", elements, range: [first.range[0], last.range[1]], parent: null });
  }

  protected unaryExpressionRule(endNumberOnTernary = false): ExpressionAst | null {
    if (!this.enter()) {
      this.skipNestedConstruct();
      return null;
    }
    try {
      return this.unaryExpression(endNumberOnTernary);
    } finally {
      this.leave();
    }
  }

  /** Past the nesting limit: the tokens up to the end of the current construct are passed over. */
  private skipNestedConstruct(): void {
    const token = this.peekToken();
    if (token.kind === TokenKind.LParen || token.kind === TokenKind.AtParen || token.kind === TokenKind.DollarParen) {
      this.skipToken();
      this.syncOnError(true, TokenKind.RParen);
    } else if (token.kind === TokenKind.LCurly || token.kind === TokenKind.AtCurly) {
      this.skipToken();
      this.syncOnError(true, TokenKind.RCurly);
    }
  }

  private unaryExpression(endNumberOnTernary: boolean): ExpressionAst | null {
    let expression: ExpressionAst | null = null;
    const tokenizer = this.tokenizer;
    const oldSigned = tokenizer.allowSignedNumbers;
    const oldTernary = tokenizer.forceEndNumberOnTernary;
    let token: Token;
    try {
      tokenizer.allowSignedNumbers = true;
      tokenizer.forceEndNumberOnTernary = endNumberOnTernary;
      // A `-` or a word scanned before signed numbers were allowed is scanned again (`-5`, `1?2:3`).
      if (this.ungot !== null && (this.ungot.kind === TokenKind.Minus || (endNumberOnTernary && this.ungot.kind === TokenKind.Generic))) {
        this.resyncTo(this.ungot.start);
      }
      token = this.peekToken();
    } finally {
      tokenizer.allowSignedNumbers = oldSigned;
      tokenizer.forceEndNumberOnTernary = oldTernary;
    }
    if (hasTrait(token.kind, TokenTrait.UnaryOperator)) {
      if (this.disableCommaOperator && token.kind === TokenKind.Comma) return null;
      this.skipToken();
      this.skipNewlines();
      const child = this.unaryExpressionRule(true);
      if (child === null) {
        this.reportIncompleteInput(ExpressionParser.after(token), "MissingExpressionAfterOperator", `A value is missing after the operator '${this.operatorText(token)}'.`);
        return this.errorExpression(token.start, token.end);
      }
      if (token.kind === TokenKind.Comma) {
        expression = this.finish<ArrayLiteralAst>({
          __proto__: NODE,
          type: "ArrayLiteralAst",
          elements: [child],
          range: [token.start, child.range[1]],
          parent: null,
        });
      } else {
        expression = this.finish<UnaryExpressionAst>({
          __proto__: NODE,
          type: "UnaryExpressionAst",
          operator: this.operatorText(token),
          prefix: true,
          child,
          range: [token.start, child.range[1]],
          parent: null,
        });
      }
    } else if (token.kind === TokenKind.LBracket) {
      expression = this.attributedExpression(token);
      if (expression === null) return null;
    } else {
      expression = this.primaryExpressionRule(true);
    }
    if (expression !== null) {
      const next = this.peekToken();
      if (next.kind === TokenKind.PlusPlus || next.kind === TokenKind.MinusMinus) {
        this.skipToken();
        expression = this.finish<UnaryExpressionAst>({
          __proto__: NODE,
          type: "UnaryExpressionAst",
          operator: next.kind === TokenKind.PlusPlus ? "++" : "--",
          prefix: false,
          child: expression,
          range: [expression.range[0], next.end],
          parent: null,
        });
      }
    }
    return expression;
  }

  /** `[int]$x`, `[ValidateNotNull()]$x`, `[Type]::Member`, `[Type]` alone, or several in a row. */
  private attributedExpression(lBracket: Token): ExpressionAst | null {
    const attributes = this.attributeListRule(true);
    if (attributes === null) return null;
    const last = attributes[attributes.length - 1]!;
    let expression: ExpressionAst | null = null;
    if (last.type === "AttributeAst") {
      this.skipNewlines();
      const child = this.unaryExpressionRule(true);
      if (child === null) {
        this.reportIncompleteInput(last, "UnexpectedAttribute", `The attribute [${last.typeName.fullName}] must be followed by what it applies to.`);
        return this.errorExpression(lBracket.start, last.range[1], attributes);
      }
      expression = this.finish<AttributedExpressionAst>({
        __proto__: NODE,
        type: "AttributedExpressionAst",
        attribute: last,
        child,
        range: [last.range[0], child.range[1]],
        parent: null,
      });
    } else {
      const memberAccess = this.ungot === null ? this.tokenizer.memberAccessOperator(false) : null;
      if (memberAccess !== null) {
        expression = this.postPrimaryOperators(memberAccess, this.typeExpression(last.typeName, last.range));
      } else {
        const next = this.peekToken();
        if (next.kind !== TokenKind.NewLine && next.kind !== TokenKind.Comma) {
          const child = this.unaryExpressionRule(true);
          if (child !== null) {
            expression = this.finish<ConvertExpressionAst>({
              __proto__: NODE,
              type: "ConvertExpressionAst",
              typeConstraint: last,
              child,
              range: [last.range[0], child.range[1]],
              parent: null,
            });
          }
        }
      }
      expression ??= this.typeExpression(last.typeName, last.range);
    }
    for (let i = attributes.length - 2; i >= 0; i--) {
      const attribute = attributes[i]!;
      expression =
        attribute.type === "TypeConstraintAst"
          ? this.finish<ConvertExpressionAst>({
            __proto__: NODE,
            type: "ConvertExpressionAst",
            typeConstraint: attribute,
            child: expression,
            range: [attribute.range[0], expression.range[1]],
            parent: null,
          })
          : this.finish<AttributedExpressionAst>({
            __proto__: NODE,
            type: "AttributedExpressionAst",
            attribute: attribute as AttributeAst,
            child: expression,
            range: [attribute.range[0], expression.range[1]],
            parent: null,
          });
    }
    return expression;
  }

  private typeExpression(typeName: TypeName, range: readonly [number, number]): TypeExpressionAst {
    return this.finish<TypeExpressionAst>({ __proto__: NODE, type: "TypeExpressionAst", typeName, range: [range[0], range[1]], parent: null });
  }
}
