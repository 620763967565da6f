/**
 * Expressions: the ternary, binary operators by PowerShell's precedence (`-and` lowest, `..` highest),
 * comma lists, unary operators and casts, and primary expressions with their member access, calls and
 * indexes. Strings with variables and `$( )` get their nested expressions parsed in place.
 */
import type {
  ArrayLiteralAst,
  AttributeAst,
  AttributedExpressionAst,
  BinaryExpressionAst,
  CommandParameterAst,
  ConstantExpressionAst,
  ConvertExpressionAst,
  ExpandableStringExpressionAst,
  ExpressionAst,
  HashtableAst,
  IndexExpressionAst,
  InvokeMemberExpressionAst,
  KeyValuePair,
  MemberExpressionAst,
  ParenExpressionAst,
  PipelineBaseAst,
  ScriptBlockExpressionAst,
  StatementAst,
  StatementBlockAst,
  StringConstantExpressionAst,
  StringConstantType,
  TernaryExpressionAst,
  TypeConstraintAst,
  TypeExpressionAst,
  TypeName,
  UnaryExpressionAst,
  UsingExpressionAst,
  VariableExpressionAst,
} from "./ast.js";
import { Mode, type Token } from "./token.js";
import { hasTrait, precedenceOf, PUNCTUATION_TEXT, TokenKind, TokenTrait } from "./token-kinds.js";
import { NODE, type NodeFields } from "./node.js";
import { TypeParser } from "./types.js";

export abstract class ExpressionParser extends TypeParser {
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

  protected operatorText(token: Token): string {
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

  protected primaryExpressionRule(withMemberAccess: boolean): ExpressionAst | null {
    const token = this.nextToken();
    let expression: ExpressionAst;
    switch (token.kind) {
      case TokenKind.Variable:
      case TokenKind.SplattedVariable:
        return this.variableExpression(token, withMemberAccess);
      case TokenKind.Number:
        expression = this.finish<ConstantExpressionAst>({
          __proto__: NODE,
          type: "ConstantExpressionAst",
          value: token.number,
          range: [token.start, token.end],
          parent: null,
        });
        break;
      case TokenKind.StringExpandable:
      case TokenKind.HereStringExpandable:
        expression = this.expandableString(token, token.kind === TokenKind.StringExpandable ? "DoubleQuoted" : "DoubleQuotedHereString");
        break;
      case TokenKind.StringLiteral:
      case TokenKind.HereStringLiteral:
        expression = this.finish<StringConstantExpressionAst>({
          __proto__: NODE,
          type: "StringConstantExpressionAst",
          value: token.text,
          stringConstantType: token.kind === TokenKind.StringLiteral ? "SingleQuoted" : "SingleQuotedHereString",
          range: [token.start, token.end],
          parent: null,
        });
        break;
      case TokenKind.LParen:
        expression = this.parenthesizedExpressionRule(token);
        break;
      case TokenKind.AtParen:
      case TokenKind.DollarParen:
        expression = this.subExpressionRule(token);
        break;
      case TokenKind.AtCurly:
        expression = this.hashExpressionRule(token);
        break;
      case TokenKind.LCurly:
        expression = this.scriptBlockExpressionRule(token);
        break;
      default:
        this.ungetToken(token);
        return null;
    }
    if (!withMemberAccess) return expression;
    return this.postPrimaryOperators(this.memberAccessToken(true), expression);
  }

  /** `$x`, `@splat`, and `$using:x` (a `UsingExpressionAst` around the variable and its members). */
  protected variableExpression(token: Token, withMemberAccess: boolean): ExpressionAst {
    const path = token.text;
    const splatted = token.kind === TokenKind.SplattedVariable;
    if (path.length > 6 && path.slice(0, 6).toLowerCase() === "using:") {
      let child: ExpressionAst = this.finish<VariableExpressionAst>({
        __proto__: NODE,
        type: "VariableExpressionAst",
        variablePath: path.slice(6),
        splatted,
        range: [token.start, token.end],
        parent: null,
      });
      if (withMemberAccess) child = this.postPrimaryOperators(this.memberAccessToken(true), child);
      return this.finish<UsingExpressionAst>({
        __proto__: NODE,
        type: "UsingExpressionAst",
        subExpression: child,
        range: [child.range[0], child.range[1]],
        parent: null,
      });
    }
    const variable = this.finish<VariableExpressionAst>({
      __proto__: NODE,
      type: "VariableExpressionAst",
      variablePath: path,
      splatted,
      range: [token.start, token.end],
      parent: null,
    });
    return withMemberAccess ? this.postPrimaryOperators(this.memberAccessToken(true), variable) : variable;
  }

  private memberAccessToken(allowLBracket: boolean): Token | null {
    return this.ungot !== null ? null : this.tokenizer.memberAccessOperator(allowLBracket);
  }

  private postPrimaryOperators(first: Token | null, target: ExpressionAst): ExpressionAst {
    let expression = target;
    for (let token = first; token !== null; token = this.memberAccessToken(true)) {
      this.skipNewlines();
      if (token.kind === TokenKind.Dot || token.kind === TokenKind.ColonColon || token.kind === TokenKind.QuestionDot) {
        expression = this.memberAccessRule(expression, token);
      } else {
        expression = this.elementAccessRule(expression, token);
      }
    }
    return expression;
  }

  // --- members and indexes ----------------------------------------------------------------------------

  private memberNameRule(): ExpressionAst | null {
    const simple = this.simpleNameRule();
    if (simple !== null) return simple;
    const token = this.peekToken();
    if (hasTrait(token.kind, TokenTrait.UnaryOperator) || token.kind === TokenKind.LBracket) return this.unaryExpressionRule();
    return this.primaryExpressionRule(false);
  }

  private memberAccessRule(target: ExpressionAst, operator: Token): ExpressionAst {
    let member = this.memberNameRule();
    const isStatic = operator.kind === TokenKind.ColonColon;
    const nullConditional = operator.kind === TokenKind.QuestionDot;
    if (member === null) {
      this.reportIncompleteInput(ExpressionParser.after(operator), "MissingPropertyName", `A member name is missing after '${this.tokenText(operator)}'.`);
      member = this.singleCommandArgument(0x08) ?? this.errorExpression(target.range[0], operator.end);
    } else if (this.ungot === null) {
      const resyncIndex = this.restorePoint();
      const generic = this.genericMethodArgumentsRule(resyncIndex);
      const lParen = this.ungot === null ? this.tokenizer.invokeMemberOpenParen() : null;
      if (lParen !== null) return this.memberInvokeRule(target, lParen, member, isStatic, nullConditional, generic?.argumentTypes ?? null);
      if (generic !== null) this.resyncTo(resyncIndex);
    }
    return this.finish<MemberExpressionAst>({
      __proto__: NODE,
      type: "MemberExpressionAst",
      expression: target,
      member,
      static: isStatic,
      nullConditional,
      range: [target.range[0], member.range[1]],
      parent: null,
    });
  }

  /** `.Method[string, int](...)`: generic type arguments before a call. Null (and backs up) when absent. */
  private genericMethodArgumentsRule(resyncIndex: number): { argumentTypes: TypeName[] } | null {
    const lBracket = this.nextToken();
    if (lBracket.kind !== TokenKind.LBracket) {
      this.resyncTo(resyncIndex);
      return null;
    }
    let result: { argumentTypes: TypeName[] } | null = null;
    const old = this.mode;
    try {
      this.setMode(Mode.TypeName);
      this.skipNewlines();
      const first = this.nextToken();
      if (first.kind === TokenKind.Identifier) {
        const { argumentTypes, last } = this.genericTypeArgumentsRule(first);
        if (last.kind !== TokenKind.RBracket) {
          this.ungetToken(last);
          this.reportIncompleteInput({ range: [last.start, last.start] }, "EndSquareBracketExpectedAtEndOfType", "A ']' is missing after the generic method's type arguments.");
        }
        result = { argumentTypes };
      }
    } finally {
      this.setMode(old);
      if (result === null) this.resyncTo(resyncIndex);
    }
    return result;
  }

  private memberInvokeRule(
    target: ExpressionAst,
    open: Token,
    member: ExpressionAst,
    isStatic: boolean,
    nullConditional: boolean,
    genericTypeArguments: TypeName[] | null,
  ): InvokeMemberExpressionAst {
    let argumentList: ExpressionAst[];
    let end: number;
    if (open.kind === TokenKind.LParen) {
      ({ argumentList, end } = this.invokeParamParenListRule(open));
    } else {
      // `$list.ForEach{ ... }`: a script block right after the name is the one argument.
      this.skipNewlines();
      const block = this.scriptBlockExpressionRule(open);
      argumentList = [block];
      end = block.range[1];
    }
    return this.finish<InvokeMemberExpressionAst>({
      __proto__: NODE,
      type: "InvokeMemberExpressionAst",
      expression: target,
      member,
      static: isStatic,
      nullConditional,
      arguments: argumentList,
      genericTypeArguments,
      range: [target.range[0], end],
      parent: null,
    });
  }

  protected invokeParamParenListRule(lParen: Token): { argumentList: ExpressionAst[]; end: number } {
    const argumentList: ExpressionAst[] = [];
    let comma: Token | null = null;
    let reported = false;
    const oldDisable = this.disableCommaOperator;
    let end = lParen.end;
    try {
      this.disableCommaOperator = true;
      for (;;) {
        this.skipNewlines();
        const argument = this.expressionRule();
        if (argument === null) {
          if (comma !== null) {
            this.reportIncompleteInput(ExpressionParser.after(comma), "MissingExpressionAfterToken", "A value is missing after ','.");
            reported = true;
          }
          break;
        }
        argumentList.push(argument);
        end = argument.range[1];
        this.skipNewlines();
        comma = this.nextToken();
        if (comma.kind !== TokenKind.Comma) {
          this.ungetToken(comma);
          comma = null;
          break;
        }
        end = comma.end;
      }
      this.skipNewlines();
      const rParen = this.nextToken();
      if (rParen.kind !== TokenKind.RParen) {
        this.ungetToken(rParen);
        if (!reported) this.reportUnclosed({ range: [end, end] }, lParen, "MissingEndParenthesisInMethodCall", "The method call's '(' is missing its closing ')'.", rParen);
      } else {
        end = rParen.end;
      }
    } finally {
      this.disableCommaOperator = oldDisable;
    }
    return { argumentList, end };
  }

  private elementAccessRule(target: ExpressionAst, lBracket: Token): IndexExpressionAst {
    this.skipNewlines();
    const oldDisable = this.disableCommaOperator;
    let index: ExpressionAst | null;
    this.disableCommaOperator = false;
    try {
      index = this.expressionRule();
    } finally {
      this.disableCommaOperator = oldDisable;
    }
    if (index === null) {
      this.reportIncompleteInput(ExpressionParser.after(lBracket), "MissingArrayIndexExpression", "An index is missing after '['.");
      index = this.errorExpression(lBracket.start, lBracket.end);
    }
    this.skipNewlines();
    let end = index.range[1];
    const rBracket = this.nextToken();
    if (rBracket.kind !== TokenKind.RBracket) {
      this.ungetToken(rBracket);
      if (index.type !== "ErrorExpressionAst") this.reportUnclosed(ExpressionParser.after(index), lBracket, "MissingEndSquareBracket", "The index's '[' is missing its closing ']'.", rBracket);
    } else {
      end = rBracket.end;
    }
    return this.finish<IndexExpressionAst>({
      __proto__: NODE,
      type: "IndexExpressionAst",
      target,
      index,
      nullConditional: lBracket.kind === TokenKind.QuestionLBracket,
      range: [target.range[0], end],
      parent: null,
    });
  }

  // --- bracketed expressions ----------------------------------------------------------------------------

  protected hashExpressionRule(atCurly: Token): HashtableAst {
    this.skipNewlines();
    const keyValuePairs: KeyValuePair[] = [];
    for (;;) {
      const pair = this.keyValuePair();
      if (pair === null) break;
      keyValuePairs.push(pair);
      const token = this.peekToken();
      if (token.kind !== TokenKind.NewLine && token.kind !== TokenKind.Semi) break;
      this.skipNewlinesAndSemicolons();
    }
    let end: number;
    const rCurly = this.nextToken();
    if (rCurly.kind !== TokenKind.RCurly) {
      this.ungetToken(rCurly);
      this.reportUnclosed(ExpressionParser.after(atCurly), atCurly, "MissingEndCurlyBrace", "The hashtable is missing its closing '}'.", rCurly);
      end = keyValuePairs.length > 0 ? keyValuePairs[keyValuePairs.length - 1]!.range[1] : atCurly.end;
    } else {
      end = rCurly.end;
    }
    return this.finish<HashtableAst>({ __proto__: NODE, type: "HashtableAst", keyValuePairs, range: [atCurly.start, end], parent: null });
  }

  private keyValuePair(): KeyValuePair | null {
    const read = this.inMode(Mode.Expression, () => {
      const key = this.labelOrKeyRule();
      return key === null ? null : { key, equals: this.nextToken() };
    });
    if (read === null) return null;
    const { key: keyAst, equals: equalsToken } = read;
    if (equalsToken.kind !== TokenKind.Equals) {
      this.ungetToken(equalsToken);
      const place = ExpressionParser.after(keyAst);
      this.reportError(place, "MissingEqualsInHashLiteral", "A '=' is missing after the hashtable key.");
      this.syncOnError(false, TokenKind.RCurly, TokenKind.Semi, TokenKind.NewLine);
      const value = this.errorStatement(place.range[0], place.range[1]);
      return this.finish<KeyValuePair>({ __proto__: NODE, type: "KeyValuePair", key: keyAst, value, range: [keyAst.range[0], keyAst.range[1]], parent: null });
    }
    const value = this.inMode(Mode.Command, (): StatementAst => {
      this.skipNewlines();
      const statement = this.statementRule();
      if (statement !== null) return statement;
      const place = ExpressionParser.after(equalsToken);
      this.reportIncompleteInput(place, "MissingStatementInHashLiteral", "A value is missing after '=' in the hashtable.");
      return this.errorStatement(place.range[0], place.range[1]);
    });
    return this.finish<KeyValuePair>({ __proto__: NODE, type: "KeyValuePair", key: keyAst, value, range: [keyAst.range[0], value.range[1]], parent: null });
  }

  /** A hashtable key or a loop label: a simple name, else a unary expression. */
  protected labelOrKeyRule(): ExpressionAst | null {
    const simple = this.simpleNameRule();
    if (simple !== null) return simple;
    const token = this.peekToken();
    if (token.kind === TokenKind.NewLine || token.kind === TokenKind.Semi) return null;
    const oldDisable = this.disableCommaOperator;
    this.disableCommaOperator = true;
    try {
      return this.unaryExpressionRule();
    } finally {
      this.disableCommaOperator = oldDisable;
    }
  }

  protected scriptBlockExpressionRule(lCurly: Token): ScriptBlockExpressionAst {
    const oldDisable = this.disableCommaOperator;
    this.disableCommaOperator = false;
    const oldMode = this.mode;
    this.setMode(Mode.Command);
    try {
      this.skipNewlines();
      const scriptBlock = this.scriptBlockRule(lCurly, false);
      return this.finish<ScriptBlockExpressionAst>({
        __proto__: NODE,
        type: "ScriptBlockExpressionAst",
        scriptBlock,
        range: [scriptBlock.range[0], scriptBlock.range[1]],
        parent: null,
      });
    } finally {
      this.disableCommaOperator = oldDisable;
      this.setMode(oldMode);
    }
  }

  /** `$( ... )` and `@( ... )`. */
  private subExpressionRule(open: Token): ExpressionAst {
    const oldDisable = this.disableCommaOperator;
    this.disableCommaOperator = false;
    const statements: StatementAst[] = [];
    let end = open.end;
    const oldMode = this.mode;
    this.setMode(Mode.Command);
    try {
      this.skipNewlines();
      this.statementListRule(statements);
      this.skipNewlines();
      const rParen = this.nextToken();
      if (rParen.kind !== TokenKind.RParen) {
        this.ungetToken(rParen);
        this.reportUnclosed(rParen, open, "MissingEndParenthesisInSubexpression", `The '${this.tokenText(open)}' is missing its closing ')'.`, rParen);
        if (statements.length > 0) end = statements[statements.length - 1]!.range[1];
      } else {
        end = rParen.end;
      }
    } finally {
      this.disableCommaOperator = oldDisable;
      this.setMode(oldMode);
    }
    const blockStart = statements.length > 0 ? statements[0]!.range[0] : open.end;
    const blockEnd = statements.length > 0 ? statements[statements.length - 1]!.range[1] : open.end;
    const subExpression = this.finish<StatementBlockAst>({
      __proto__: NODE,
      type: "StatementBlockAst",
      statements,
      range: [blockStart, blockEnd],
      parent: null,
    });
    const type = open.kind === TokenKind.DollarParen ? "SubExpressionAst" : "ArrayExpressionAst";
    return this.finish<ExpressionAst>({ __proto__: NODE, type, subExpression, range: [open.start, end], parent: null } as NodeFields<ExpressionAst>);
  }

  private parenthesizedExpressionRule(lParen: Token): ParenExpressionAst {
    if (!this.enter()) {
      this.syncOnError(true, TokenKind.RParen);
      return this.finish<ParenExpressionAst>({
        __proto__: NODE,
        type: "ParenExpressionAst",
        pipeline: this.errorStatement(lParen.end, lParen.end),
        range: [lParen.start, lParen.end],
        parent: null,
      });
    }
    try {
      return this.parenthesized(lParen);
    } finally {
      this.leave();
    }
  }

  private parenthesized(lParen: Token): ParenExpressionAst {
    const oldDisable = this.disableCommaOperator;
    const oldMode = this.mode;
    let pipeline: PipelineBaseAst | null;
    let end: number;
    this.disableCommaOperator = false;
    this.setMode(Mode.Command);
    try {
      this.skipNewlines();
      pipeline = this.pipelineChainRule();
      if (pipeline === null) {
        const place = ExpressionParser.after(lParen);
        this.reportIncompleteInput(place, "ExpectedExpression", "An expression is missing after '('.");
        pipeline = this.errorStatement(place.range[0], place.range[1]);
      }
      end = pipeline.range[1];
      this.skipNewlines();
      const rParen = this.nextToken();
      if (rParen.kind !== TokenKind.RParen) {
        this.ungetToken(rParen);
        this.reportUnclosed(ExpressionParser.after(pipeline), lParen, "MissingEndParenthesisInExpression", "The '(' is missing its closing ')'.", rParen);
      } else {
        end = rParen.end;
      }
    } finally {
      this.disableCommaOperator = oldDisable;
      this.setMode(oldMode);
    }
    return this.finish<ParenExpressionAst>({ __proto__: NODE, type: "ParenExpressionAst", pipeline, range: [lParen.start, end], parent: null });
  }

  // --- strings ------------------------------------------------------------------------------------------

  protected expandableString(token: Token, stringConstantType: StringConstantType): ExpressionAst {
    if (token.nested === null) {
      return this.finish<StringConstantExpressionAst>({
        __proto__: NODE,
        type: "StringConstantExpressionAst",
        value: token.text,
        stringConstantType,
        range: [token.start, token.end],
        parent: null,
      });
    }
    const nestedExpressions = this.nestedExpressions(token.nested);
    return this.finish<ExpandableStringExpressionAst>({
      __proto__: NODE,
      type: "ExpandableStringExpressionAst",
      value: token.text,
      stringConstantType,
      nestedExpressions,
      range: [token.start, token.end],
      parent: null,
    });
  }

  /** The variables and `$( )` inside a string, each parsed where it stands in the text. */
  protected nestedExpressions(nested: readonly Token[]): ExpressionAst[] {
    const expressions: ExpressionAst[] = [];
    for (const token of nested) {
      if (token.kind !== TokenKind.DollarParen) {
        expressions.push(this.variableExpression(token, false));
        continue;
      }
      const savedUngot = this.ungot;
      this.ungot = null;
      try {
        const expression = this.tokenizer.nestedScan(token.start, token.end, () => this.primaryExpressionRule(true), token.skipped);
        expressions.push(expression ?? this.errorExpression(token.start, token.end));
      } finally {
        this.ungot = savedUngot;
      }
    }
    return expressions;
  }

  /** A single command argument, or null at `,` or the end (used where PowerShell wants one word). */
  protected singleCommandArgument(context: number): ExpressionAst | null {
    const token = this.peekToken();
    if (token.kind === TokenKind.Comma || token.kind === TokenKind.EndOfInput) return null;
    return this.inMode(Mode.Command, () => this.commandArgument(context, this.nextToken()));
  }
}

export type { TypeConstraintAst };
