/**
 * What may follow an expression with no blank before it: member access (`.Name`, `::Name`, `?.Name`,
 * `.$name`), method calls (`.Method(a, b)`, `.Method[T](...)`, `.ForEach{ ... }`) and indexes
 * (`[0]`, `?[0]`).
 */
import type { ExpressionAst, IndexExpressionAst, InvokeMemberExpressionAst, MemberExpressionAst, ScriptBlockExpressionAst, TypeName } from "./ast.js";
import { Mode, type Token } from "./token.js";
import { hasTrait, TokenKind, TokenTrait } from "./token-kinds.js";
import { NODE } from "./node.js";
import { ArgumentContext } from "./parser-base.js";
import { TypeParser } from "./types.js";

export abstract class MemberAccessParser extends TypeParser {
  protected abstract scriptBlockExpressionRule(lCurly: Token): ScriptBlockExpressionAst;

  protected memberAccessToken(allowLBracket: boolean): Token | null {
    return this.ungot !== null ? null : this.tokenizer.memberAccessOperator(allowLBracket);
  }

  protected postPrimaryOperators(first: Token | null, target: ExpressionAst): ExpressionAst {
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
      this.reportIncompleteInput(MemberAccessParser.after(operator), "MissingPropertyName", `A member name is missing after '${this.tokenText(operator)}'.`);
      member = this.singleCommandArgument(ArgumentContext.CommandArgument) ?? this.errorExpression(target.range[0], operator.end);
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
            this.reportIncompleteInput(MemberAccessParser.after(comma), "MissingExpressionAfterToken", "A value is missing after ','.");
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
      this.reportIncompleteInput(MemberAccessParser.after(lBracket), "MissingArrayIndexExpression", "An index is missing after '['.");
      index = this.errorExpression(lBracket.start, lBracket.end);
    }
    this.skipNewlines();
    let end = index.range[1];
    const rBracket = this.nextToken();
    if (rBracket.kind !== TokenKind.RBracket) {
      this.ungetToken(rBracket);
      if (index.type !== "ErrorExpressionAst") this.reportUnclosed(MemberAccessParser.after(index), lBracket, "MissingEndSquareBracket", "The index's '[' is missing its closing ']'.", rBracket);
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

}
