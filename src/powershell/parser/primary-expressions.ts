/**
 * Primary expressions: variables (`$x`, `@splat`, `$using:x`), numbers, strings (the variables and
 * `$( )` inside expandable ones parsed in place), `( )`, `$( )`, `@( )`, hashtables `@{ }` and
 * script blocks `{ }`, each with the member access, calls and indexes written right after it.
 */
import type {
  ConstantExpressionAst,
  ExpandableStringExpressionAst,
  ExpressionAst,
  HashtableAst,
  KeyValuePair,
  ParenExpressionAst,
  PipelineBaseAst,
  ScriptBlockExpressionAst,
  StatementAst,
  StatementBlockAst,
  StringConstantExpressionAst,
  StringConstantType,
  UsingExpressionAst,
  VariableExpressionAst,
} from "./ast.js";
import { MemberAccessParser } from "./member-access.js";
import { Mode, type Token } from "./token.js";
import { TokenKind } from "./token-kinds.js";
import { NODE, type NodeFields } from "./node.js";

export abstract class PrimaryExpressionParser extends MemberAccessParser {
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
      this.reportUnclosed(PrimaryExpressionParser.after(atCurly), atCurly, "MissingEndCurlyBrace", "The hashtable is missing its closing '}'.", rCurly);
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
      const place = PrimaryExpressionParser.after(keyAst);
      this.reportError(place, "MissingEqualsInHashLiteral", "A '=' is missing after the hashtable key.");
      this.syncOnError(false, TokenKind.RCurly, TokenKind.Semi, TokenKind.NewLine);
      const value = this.errorStatement(place.range[0], place.range[1]);
      return this.finish<KeyValuePair>({ __proto__: NODE, type: "KeyValuePair", key: keyAst, value, range: [keyAst.range[0], keyAst.range[1]], parent: null });
    }
    const value = this.inMode(Mode.Command, (): StatementAst => {
      this.skipNewlines();
      const statement = this.statementRule();
      if (statement !== null) return statement;
      const place = PrimaryExpressionParser.after(equalsToken);
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
        const place = PrimaryExpressionParser.after(lParen);
        this.reportIncompleteInput(place, "ExpectedExpression", "An expression is missing after '('.");
        pipeline = this.errorStatement(place.range[0], place.range[1]);
      }
      end = pipeline.range[1];
      this.skipNewlines();
      const rParen = this.nextToken();
      if (rParen.kind !== TokenKind.RParen) {
        this.ungetToken(rParen);
        this.reportUnclosed(PrimaryExpressionParser.after(pipeline), lParen, "MissingEndParenthesisInExpression", "The '(' is missing its closing ')'.", rParen);
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

  private expandableString(token: Token, stringConstantType: StringConstantType): ExpressionAst {
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

}
