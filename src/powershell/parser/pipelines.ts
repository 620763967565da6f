/**
 * Pipelines: assignments, `&&`/`||` chains, `|` pipelines whose first element may be an expression
 * and whose others are commands (commands.ts), and `&` that runs a pipeline in the background.
 */
import type {
  AssignmentOperator,
  AssignmentStatementAst,
  CommandBaseAst,
  CommandExpressionAst,
  ExpressionAst,
  PipelineAst,
  PipelineBaseAst,
  PipelineChainAst,
  StatementAst,
} from "./ast.js";
import { isIdentifierStart } from "./characters.js";
import { CommandParser } from "./commands.js";
import { Mode, type Token } from "./token.js";
import { hasTrait, TokenKind, TokenTrait } from "./token-kinds.js";
import { NODE } from "./node.js";

export abstract class PipelineParser extends CommandParser {
  protected pipelineChainRule(): PipelineBaseAst | null {
    let assign: Token | null = null;
    if (this.startsCommand()) return this.pipelineChain(null);
    const oldMode = this.mode;
    this.setMode(Mode.Expression);
    let expression: ExpressionAst | null;
    try {
      expression = this.expressionRule();
      if (expression !== null) {
        const token = this.peekToken();
        if (hasTrait(token.kind, TokenTrait.AssignmentOperator)) {
          this.skipToken();
          assign = token;
        }
      }
    } finally {
      this.setMode(oldMode);
    }
    if (expression !== null && assign !== null) return this.assignment(expression, assign);
    return this.pipelineChain(expression);
  }

  /**
   * Whether the next token, scanned in argument mode, starts with a letter: scanned again in
   * expression mode it is a bare name, which starts no expression. PowerShell tries the expression
   * anyway and gets nothing; skipping the try spares two scans of most command names.
   */
  private startsCommand(): boolean {
    if (this.mode !== Mode.Command) return false;
    const token = this.peekToken();
    return (token.kind === TokenKind.Generic || token.kind === TokenKind.Identifier || hasTrait(token.kind, TokenTrait.Keyword)) && isIdentifierStart(this.text.charCodeAt(token.start));
  }

  /** Pipelines joined by `&&` and `||`, the first starting with `expression` when one was read. */
  private pipelineChain(expression: ExpressionAst | null): PipelineBaseAst | null {
    let start: ExpressionAst | null = expression;
    let chain: PipelineAst | PipelineChainAst | null = null;
    let chainOperator: Token | null = null;
    let triedExpression = true;
    for (;;) {
      const firstToken = start === null ? this.peekToken() : null;
      const pipeline = this.pipelineRule(start, triedExpression);
      start = null;
      triedExpression = false;
      if (pipeline === null) {
        if (chainOperator === null) return null;
        if (firstToken!.kind === TokenKind.EndOfInput) {
          this.reportIncompleteInput(PipelineParser.after(chainOperator), "EmptyPipelineChainElement", `A pipeline is missing after '${this.tokenText(chainOperator)}'.`);
        } else if (firstToken!.kind !== TokenKind.Dot && firstToken!.kind !== TokenKind.Ampersand) {
          this.reportError({ range: [chainOperator.start, firstToken!.end] }, "EmptyPipelineChainElement", `A pipeline is missing after '${this.tokenText(chainOperator)}'.`);
        }
        return this.errorStatement(chain!.range[0], chainOperator.end, [chain]);
      }
      let next = this.peekToken();
      let background = false;
      switch (next.kind) {
        case TokenKind.AndAnd:
        case TokenKind.OrOr:
          this.skipToken();
          this.skipNewlines();
          break;
        case TokenKind.Ampersand: {
          this.skipToken();
          const after = this.peekToken();
          if (after.kind === TokenKind.AndAnd || after.kind === TokenKind.OrOr) {
            this.skipToken();
            this.reportError(after, "BackgroundOperatorInPipelineChain", "A pipeline run in the background with '&' cannot be followed by '&&' or '||'.");
            return this.errorStatement((chain ?? pipeline).range[0], after.end, [chain ?? pipeline]);
          }
          background = true;
          next = after;
        }
        // falls through
        default: {
          if (chain === null) {
            if (background) (pipeline as { background: boolean }).background = true;
            return pipeline;
          }
          return this.finish<PipelineChainAst>({
            __proto__: NODE,
            type: "PipelineChainAst",
            lhs: chain,
            operator: this.tokenText(chainOperator!) as "&&" | "||",
            rhs: pipeline,
            background,
            range: [chain.range[0], pipeline.range[1]],
            parent: null,
          });
        }
      }
      chain =
        chain === null
          ? pipeline
          : this.finish<PipelineChainAst>({
            __proto__: NODE,
            type: "PipelineChainAst",
            lhs: chain,
            operator: this.tokenText(chainOperator!) as "&&" | "||",
            rhs: pipeline,
            background: false,
            range: [chain.range[0], pipeline.range[1]],
            parent: null,
          });
      chainOperator = next;
      if (this.peekToken().kind === TokenKind.EndOfInput) {
        this.reportIncompleteInput(PipelineParser.after(next), "EmptyPipelineChainElement", `A pipeline is missing after '${this.tokenText(next)}'.`);
        return chain;
      }
    }
  }

  private assignment(left: ExpressionAst, operator: Token): AssignmentStatementAst {
    this.skipNewlines();
    let right: StatementAst | null = this.statementRule();
    if (right === null) {
      const place = PipelineParser.after(operator);
      this.reportIncompleteInput(place, "ExpectedValueExpression", `A value is missing after the '${this.tokenText(operator)}' operator.`);
      right = this.errorStatement(place.range[0], place.range[1]);
    }
    return this.finish<AssignmentStatementAst>({
      __proto__: NODE,
      type: "AssignmentStatementAst",
      left,
      operator: assignmentOperator(this.tokenText(operator)),
      right,
      range: [left.range[0], right.range[1]],
      parent: null,
    });
  }

  /**
   * One pipeline: an expression or a command first, then commands after each `|`. `startExpression`
   * was read already; `expressionTried` says the first element is known not to be an expression.
   */
  private pipelineRule(startExpression: ExpressionAst | null, expressionTried: boolean): PipelineAst | null {
    const elements: CommandBaseAst[] = [];
    let expression = startExpression;
    let skipExpression = startExpression === null && expressionTried;
    let pipe: Token | null = null;
    for (let scanning = true; scanning; ) {
      let element: CommandBaseAst | null;
      if (expression === null && !skipExpression && !this.startsCommand()) expression = this.expressionRule();
      skipExpression = false;
      if (expression !== null) {
        if (elements.length > 0) this.reportError(expression, "ExpressionsMustBeFirstInPipeline", "An expression is allowed only as the first element of a pipeline.");
        const redirections = this.expressionRedirections();
        const end = redirections.length > 0 ? redirections[redirections.length - 1]!.range[1] : expression.range[1];
        element = this.finish<CommandExpressionAst>({
          __proto__: NODE,
          type: "CommandExpressionAst",
          expression,
          redirections,
          range: [expression.range[0], end],
          parent: null,
        });
      } else {
        element = this.commandRule();
      }
      if (element !== null) {
        elements.push(element);
      } else if (elements.length > 0 || this.peekToken().kind === TokenKind.Pipe) {
        const place = pipe !== null ? PipelineParser.after(pipe) : this.peekToken();
        this.reportIncompleteInput(place, "EmptyPipeElement", "An empty pipe element is not allowed.");
      }
      expression = null;
      let next = this.peekToken();
      if (next.kind === TokenKind.NewLine && this.tokenizer.isPipeContinuation(next.end)) {
        this.skipNewlines();
        next = this.peekToken();
      }
      switch (next.kind) {
        case TokenKind.Semi:
        case TokenKind.NewLine:
        case TokenKind.RParen:
        case TokenKind.RCurly:
        case TokenKind.EndOfInput:
        case TokenKind.AndAnd:
        case TokenKind.OrOr:
        case TokenKind.Ampersand:
          scanning = false;
          break;
        case TokenKind.Pipe:
          pipe = next;
          this.skipToken();
          this.skipNewlines();
          if (this.peekToken().kind === TokenKind.EndOfInput) {
            scanning = false;
            this.reportIncompleteInput(PipelineParser.after(next), "EmptyPipeElement", "A command is missing after '|'.");
          }
          break;
        default:
          this.reportError(next, "UnexpectedToken", `Unexpected token '${this.tokenText(next)}' in expression or statement.`);
          scanning = false;
      }
    }
    if (elements.length === 0) return null;
    return this.finish<PipelineAst>({
      __proto__: NODE,
      type: "PipelineAst",
      pipelineElements: elements,
      background: false,
      range: [elements[0]!.range[0], elements[elements.length - 1]!.range[1]],
      parent: null,
    });
  }

}

/** The operator as PowerShell spells it: `-=` written with an en dash is `-=`. */
function assignmentOperator(text: string): AssignmentOperator {
  return (text.length === 2 && text[1] === "=" && text[0] !== "-" && "\u2013\u2014\u2015".includes(text[0]!) ? "-=" : text) as AssignmentOperator;
}
