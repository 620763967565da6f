/**
 * Loops and the statements that name them: `foreach` (with `-Parallel` and `-ThrottleLimit`), `for`,
 * `while`, `do`/`while` and `do`/`until`, a label before a loop or a `switch` (`:outer foreach`), and
 * `break`/`continue` with the label they leave.
 */
import type {
  BreakStatementAst,
  ContinueStatementAst,
  DoUntilStatementAst,
  DoWhileStatementAst,
  ExpressionAst,
  ForEachStatementAst,
  ForStatementAst,
  PipelineBaseAst,
  StatementAst,
  StatementBlockAst,
  VariableExpressionAst,
  WhileStatementAst,
} from "./ast.js";
import { BranchStatementParser } from "./branch-statements.js";
import { ArgumentContext } from "./parser-base.js";
import type { Token } from "./token.js";
import { TokenKind } from "./token-kinds.js";
import { NODE } from "./node.js";

export abstract class LoopStatementParser extends BranchStatementParser {
  protected labeledStatementRule(label: Token): StatementAst | null {
    const token = this.nextToken();
    switch (token.kind) {
      case TokenKind.Switch:
        return this.switchStatementRule(label, token);
      case TokenKind.Foreach:
        return this.foreachStatementRule(label, token);
      case TokenKind.For:
        return this.forStatementRule(label, token);
      case TokenKind.While:
        return this.whileStatementRule(label, token);
      case TokenKind.Do:
        return this.doStatementRule(label, token);
      default:
        this.resyncTo(label.start);
        return this.pipelineChainRule();
    }
  }

  protected breakOrContinue(token: Token): BreakStatementAst | ContinueStatementAst {
    const label = this.labelOrKeyRule();
    const type = token.kind === TokenKind.Break ? "BreakStatementAst" : "ContinueStatementAst";
    return this.finish({ __proto__: NODE, type, label, range: [token.start, label?.range[1] ?? token.end], parent: null } as never);
  }

  protected foreachStatementRule(label: Token | null, foreachToken: Token): StatementAst {
    const start = (label ?? foreachToken).start;
    const flags: string[] = [];
    let throttleLimit: ExpressionAst | null = null;
    let errorEnd: number | null = null;
    this.skipNewlines();
    for (let token = this.peekToken(); token.kind === TokenKind.Parameter; token = this.peekToken()) {
      this.skipToken();
      const name = token.text.toLowerCase();
      if ("parallel".startsWith(name)) {
        flags.push("parallel");
      } else if ("throttlelimit".startsWith(name)) {
        this.skipNewlines();
        throttleLimit = this.singleCommandArgument(ArgumentContext.CommandArgument);
        if (throttleLimit === null) this.reportIncompleteInput(LoopStatementParser.after(token), "MissingThrottleLimit", "A value is missing after '-ThrottleLimit'.");
      } else {
        errorEnd = token.end;
        this.reportError(token, "InvalidForeachFlag", `'-${token.text}' is not an option of foreach (parallel, throttlelimit).`);
      }
      this.skipNewlines();
    }
    const lParen = this.nextToken();
    if (lParen.kind !== TokenKind.LParen) {
      this.ungetToken(lParen);
      this.reportIncompleteInput(LoopStatementParser.after(foreachToken), "MissingOpenParenthesisAfterKeyword", "A '(' is missing after 'foreach'.");
      return this.errorStatement(start, foreachToken.end);
    }
    this.skipNewlines();
    const variableToken = this.nextToken();
    if (variableToken.kind !== TokenKind.Variable && variableToken.kind !== TokenKind.SplattedVariable) {
      this.ungetToken(variableToken);
      this.reportIncompleteInput(LoopStatementParser.after(lParen), "MissingVariableNameAfterForeach", "A variable is missing after 'foreach ('.");
      return this.errorStatement(start, lParen.end);
    }
    const variable = this.variableExpression(variableToken, false) as VariableExpressionAst;
    this.skipNewlines();
    let pipeline: PipelineBaseAst | null = null;
    let body: StatementBlockAst | null = null;
    const inToken = this.nextToken();
    if (inToken.kind !== TokenKind.In) {
      this.ungetToken(inToken);
      errorEnd = variable.range[1];
      this.reportIncompleteInput(LoopStatementParser.after(variable), "MissingInInForeach", "The keyword 'in' is missing after the foreach variable.");
    } else {
      this.skipNewlines();
      pipeline = this.pipelineChainRule();
      if (pipeline === null) {
        errorEnd = inToken.end;
        this.reportIncompleteInput(LoopStatementParser.after(inToken), "MissingForeachExpression", "What to loop over is missing after 'in'.");
      } else {
        this.skipNewlines();
        const rParen = this.nextToken();
        if (rParen.kind !== TokenKind.RParen) {
          this.ungetToken(rParen);
          errorEnd = pipeline.range[1];
          this.reportIncompleteInput(LoopStatementParser.after(pipeline), "MissingEndParenthesisAfterForeach", "A ')' is missing after what foreach loops over.");
        } else {
          body = this.statementBlockRule();
          if (body === null) {
            errorEnd = rParen.end;
            this.reportIncompleteInput(LoopStatementParser.after(rParen), "MissingForeachStatement", "The foreach loop's statement block is missing.");
          }
        }
      }
    }
    if (errorEnd !== null || pipeline === null || body === null) return this.errorStatement(start, errorEnd ?? lParen.end, [variable, pipeline, body]);
    return this.finish<ForEachStatementAst>({
      __proto__: NODE,
      type: "ForEachStatementAst",
      label: label?.text ?? null,
      flags,
      throttleLimit,
      variable,
      condition: pipeline,
      body,
      range: [start, body.range[1]],
      parent: null,
    });
  }

  protected forStatementRule(label: Token | null, forToken: Token): StatementAst {
    const start = (label ?? forToken).start;
    this.skipNewlines();
    const lParen = this.nextToken();
    if (lParen.kind !== TokenKind.LParen) {
      this.ungetToken(lParen);
      this.reportIncompleteInput(LoopStatementParser.after(forToken), "MissingOpenParenthesisAfterKeyword", "A '(' is missing after 'for'.");
      return this.errorStatement(start, forToken.end);
    }
    let errorEnd: number | null = null;
    const part = (): PipelineBaseAst | null => {
      this.skipNewlines();
      const pipeline = this.pipelineChainRule();
      if (pipeline !== null) errorEnd = pipeline.range[1];
      return pipeline;
    };
    const semicolon = (): void => {
      if (this.peekToken().kind === TokenKind.Semi) errorEnd = this.nextToken().end;
    };
    const initializer = part();
    semicolon();
    const condition = part();
    semicolon();
    const iterator = part();
    this.skipNewlines();
    const rParen = this.nextToken();
    let body: StatementBlockAst | null = null;
    if (rParen.kind !== TokenKind.RParen) {
      this.ungetToken(rParen);
      errorEnd ??= lParen.end;
      this.reportIncompleteInput({ range: [errorEnd, errorEnd] }, "MissingEndParenthesisAfterStatement", "A ')' is missing after the for loop's parts.");
    } else {
      body = this.statementBlockRule();
      if (body === null) {
        errorEnd = rParen.end;
        this.reportIncompleteInput(LoopStatementParser.after(rParen), "MissingLoopStatement", "The for loop's statement block is missing.");
      }
    }
    if (body === null) return this.errorStatement(start, errorEnd ?? lParen.end, [initializer, condition, iterator]);
    return this.finish<ForStatementAst>({
      __proto__: NODE,
      type: "ForStatementAst",
      label: label?.text ?? null,
      initializer,
      condition,
      iterator,
      body,
      range: [start, body.range[1]],
      parent: null,
    });
  }

  protected whileStatementRule(label: Token | null, whileToken: Token): StatementAst {
    const start = (label ?? whileToken).start;
    this.skipNewlines();
    const lParen = this.nextToken();
    if (lParen.kind !== TokenKind.LParen) {
      this.ungetToken(lParen);
      this.reportIncompleteInput(LoopStatementParser.after(whileToken), "MissingOpenParenthesisAfterKeyword", "A '(' is missing after 'while'.");
      return this.errorStatement(start, whileToken.end);
    }
    this.skipNewlines();
    const condition = this.pipelineChainRule();
    if (condition === null) {
      this.reportIncompleteInput(LoopStatementParser.after(lParen), "MissingExpressionAfterKeyword", "A condition is missing after 'while ('.");
    }
    this.skipNewlines();
    const rParen = this.nextToken();
    if (rParen.kind !== TokenKind.RParen) {
      this.ungetToken(rParen);
      if (condition !== null) this.reportIncompleteInput(LoopStatementParser.after(condition), "MissingEndParenthesisAfterStatement", "A ')' is missing after the while condition.");
      return this.errorStatement(start, condition?.range[1] ?? lParen.end, [condition]);
    }
    this.skipNewlines();
    const body = this.statementBlockRule();
    if (body === null || condition === null) {
      if (body === null) this.reportIncompleteInput(LoopStatementParser.after(rParen), "MissingLoopStatement", "The while loop's statement block is missing.");
      return this.errorStatement(start, body?.range[1] ?? rParen.end, [condition, body]);
    }
    return this.finish<WhileStatementAst>({
      __proto__: NODE,
      type: "WhileStatementAst",
      label: label?.text ?? null,
      condition,
      body,
      range: [start, body.range[1]],
      parent: null,
    });
  }

  protected doStatementRule(label: Token | null, doToken: Token): StatementAst {
    const start = (label ?? doToken).start;
    const body = this.statementBlockRule();
    if (body === null) {
      this.reportIncompleteInput(LoopStatementParser.after(doToken), "MissingLoopStatement", "The do loop's statement block is missing.");
      return this.errorStatement(start, doToken.end);
    }
    this.skipNewlines();
    const keyword = this.nextToken();
    if (keyword.kind !== TokenKind.While && keyword.kind !== TokenKind.Until) {
      this.ungetToken(keyword);
      this.reportIncompleteInput(LoopStatementParser.after(body), "MissingWhileOrUntilInDoWhile", "'while' or 'until' is missing after the do loop's block.");
      return this.errorStatement(start, body.range[1], [body]);
    }
    this.skipNewlines();
    const lParen = this.nextToken();
    if (lParen.kind !== TokenKind.LParen) {
      this.ungetToken(lParen);
      this.reportIncompleteInput(LoopStatementParser.after(keyword), "MissingOpenParenthesisAfterKeyword", `A '(' is missing after '${keyword.text}'.`);
      return this.errorStatement(start, keyword.end, [body]);
    }
    this.skipNewlines();
    const condition = this.pipelineChainRule();
    if (condition === null) this.reportIncompleteInput(LoopStatementParser.after(lParen), "MissingExpressionAfterKeyword", `A condition is missing after '${keyword.text} ('.`);
    this.skipNewlines();
    const rParen = this.nextToken();
    if (rParen.kind !== TokenKind.RParen) {
      this.ungetToken(rParen);
      if (condition !== null) this.reportIncompleteInput(LoopStatementParser.after(condition), "MissingEndParenthesisAfterStatement", `A ')' is missing after the '${keyword.text}' condition.`);
      return this.errorStatement(start, condition?.range[1] ?? lParen.end, [body, condition]);
    }
    if (condition === null) return this.errorStatement(start, lParen.end, [body]);
    const type = keyword.kind === TokenKind.Until ? "DoUntilStatementAst" : "DoWhileStatementAst";
    return this.finish<DoWhileStatementAst | DoUntilStatementAst>({
      __proto__: NODE,
      type,
      label: label?.text ?? null,
      body,
      condition,
      range: [start, rParen.end],
      parent: null,
    } as never);
  }

}
