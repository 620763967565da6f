/**
 * Statements that choose what runs: `if`/`elseif`/`else`, `switch` with its options and clauses, and
 * the error handlers `try`/`catch`/`finally` and `trap`.
 */
import type {
  CatchClauseAst,
  CommandExpressionAst,
  ExpressionAst,
  IfClause,
  IfStatementAst,
  PipelineAst,
  PipelineBaseAst,
  StatementAst,
  StatementBlockAst,
  SwitchClause,
  SwitchStatementAst,
  TrapStatementAst,
  TryStatementAst,
  TypeConstraintAst,
} from "./ast.js";
import { ArgumentContext } from "./parser-base.js";
import { PipelineParser } from "./pipelines.js";
import type { Token } from "./token.js";
import { TokenKind } from "./token-kinds.js";
import { NODE } from "./node.js";

export abstract class BranchStatementParser extends PipelineParser {
  protected ifStatementRule(ifToken: Token): StatementAst {
    const clauses: IfClause[] = [];
    const parts: (PipelineBaseAst | StatementBlockAst)[] = [];
    let elseClause: StatementBlockAst | null = null;
    let keyword = ifToken;
    for (;;) {
      this.skipNewlines();
      const lParen = this.nextToken();
      if (lParen.kind !== TokenKind.LParen) {
        this.ungetToken(lParen);
        this.reportIncompleteInput(BranchStatementParser.after(keyword), "MissingOpenParenthesisInIfStatement", `A '(' is missing after '${keyword.text}'.`);
        return this.errorStatement(ifToken.start, keyword.end, parts);
      }
      this.skipNewlines();
      let condition = this.pipelineChainRule();
      if (condition === null) {
        const place = BranchStatementParser.after(lParen);
        this.reportIncompleteInput(place, "IfStatementMissingCondition", `A condition is missing after '${keyword.text} ('.`);
        condition = this.errorStatement(place.range[0], place.range[1]);
      } else {
        parts.push(condition);
      }
      this.skipNewlines();
      const rParen = this.nextToken();
      if (rParen.kind !== TokenKind.RParen) {
        this.ungetToken(rParen);
        if (condition.type !== "ErrorStatementAst") this.reportIncompleteInput(rParen, "MissingEndParenthesisAfterStatement", `A ')' is missing after the '${keyword.text}' condition.`);
        return this.errorStatement(ifToken.start, rParen.start, parts);
      }
      this.skipNewlines();
      const body = this.statementBlockRule();
      if (body === null) {
        this.reportIncompleteInput(rParen, "MissingStatementBlock", `A statement block is missing after the '${keyword.text}' condition.`);
        return this.errorStatement(ifToken.start, rParen.end, parts);
      }
      parts.push(body);
      clauses.push(this.finish<IfClause>({ __proto__: NODE, type: "IfClause", condition, body, range: [keyword.start, body.range[1]], parent: null }));
      const restorePoint = this.restorePoint();
      this.skipNewlines();
      keyword = this.peekToken();
      if (keyword.kind === TokenKind.ElseIf) {
        this.skipToken();
        continue;
      }
      if (keyword.kind === TokenKind.Else) {
        this.skipToken();
        this.skipNewlines();
        elseClause = this.statementBlockRule();
        if (elseClause === null) {
          this.reportIncompleteInput(BranchStatementParser.after(keyword), "MissingStatementBlockAfterElse", "A statement block is missing after 'else'.");
          return this.errorStatement(ifToken.start, keyword.end, parts);
        }
      } else {
        this.resyncTo(restorePoint);
      }
      break;
    }
    const end = (elseClause ?? clauses[clauses.length - 1]!.body).range[1];
    return this.finish<IfStatementAst>({ __proto__: NODE, type: "IfStatementAst", clauses, elseClause, range: [ifToken.start, end], parent: null });
  }

  protected switchStatementRule(label: Token | null, switchToken: Token): StatementAst {
    const start = (label ?? switchToken).start;
    let errorEnd = switchToken.end;
    let isError = false;
    let incomplete = false;
    const flags: string[] = [];
    let condition: PipelineBaseAst | null = null;
    this.skipNewlines();
    for (let token = this.peekToken(); token.kind === TokenKind.Parameter; token = this.peekToken()) {
      this.skipToken();
      errorEnd = token.end;
      const flag = ["regex", "wildcard", "exact", "casesensitive", "parallel", "file"].find((name) => name.startsWith(token.text.toLowerCase()));
      if (flag === undefined) {
        isError = true;
        this.reportError(token, "InvalidSwitchFlag", `'-${token.text}' is not an option of switch (regex, wildcard, exact, casesensitive, file, parallel).`);
        continue;
      }
      if (flag === "regex" || flag === "wildcard" || flag === "exact") {
        for (const exclusive of ["regex", "wildcard", "exact"]) {
          const at = flags.indexOf(exclusive);
          if (at !== -1) flags.splice(at, 1);
        }
      }
      if (!flags.includes(flag)) flags.push(flag);
      if (flag === "file") {
        this.skipNewlines();
        const fileName = this.singleCommandArgument(ArgumentContext.FileName);
        if (fileName === null) {
          isError = true;
          incomplete = true;
          this.reportIncompleteInput(BranchStatementParser.after(token), "MissingFilenameOption", "A file name is missing after 'switch -file'.");
        } else {
          errorEnd = fileName.range[1];
          const [start, end] = fileName.range;
          const element = this.finish<CommandExpressionAst>({
            __proto__: NODE,
            type: "CommandExpressionAst",
            expression: fileName,
            redirections: [],
            range: [start, end],
            parent: null,
          });
          condition = this.finish<PipelineAst>({
            __proto__: NODE,
            type: "PipelineAst",
            pipelineElements: [element],
            background: false,
            range: [start, end],
            parent: null,
          });
        }
      }
    }
    const lParen = this.peekToken();
    if (lParen.kind === TokenKind.LParen) {
      errorEnd = lParen.end;
      this.skipToken();
      if (flags.includes("file")) {
        isError = true;
        this.reportError(lParen, "PipelineValueRequired", "'switch -file' takes a file name, not a value in parentheses.");
      }
      this.skipNewlines();
      condition = this.pipelineChainRule();
      if (condition === null) {
        isError = incomplete = true;
        this.reportIncompleteInput(BranchStatementParser.after(lParen), "PipelineValueRequired", "A value to switch on is missing after '('.");
      } else {
        errorEnd = condition.range[1];
      }
      this.skipNewlines();
      const rParen = this.nextToken();
      if (rParen.kind !== TokenKind.RParen) {
        this.ungetToken(rParen);
        if (!incomplete) {
          isError = incomplete = true;
          this.reportIncompleteInput({ range: [errorEnd, errorEnd] }, "MissingEndParenthesisInSwitchStatement", "A ')' is missing after the value to switch on.");
        }
      } else {
        errorEnd = rParen.end;
      }
    } else if (condition === null && !flags.includes("file")) {
      isError = incomplete = true;
      this.reportIncompleteInput({ range: [errorEnd, errorEnd] }, "PipelineValueRequired", "A value to switch on, in parentheses, is missing.");
    }
    this.skipNewlines();
    const lCurly = this.nextToken();
    const clauses: SwitchClause[] = [];
    const parts: (ExpressionAst | StatementBlockAst)[] = [];
    let defaultBlock: StatementBlockAst | null = null;
    let end = errorEnd;
    if (lCurly.kind !== TokenKind.LCurly) {
      this.ungetToken(lCurly);
      if (!incomplete) {
        isError = true;
        this.reportIncompleteInput({ range: [errorEnd, errorEnd] }, "MissingCurlyBraceInSwitchStatement", "The switch statement is missing its '{'.");
      }
    } else {
      errorEnd = lCurly.end;
      this.skipNewlines();
      for (;;) {
        const token = this.peekToken();
        const isDefault = token.kind === TokenKind.Default;
        let clauseCondition: ExpressionAst | null;
        if (isDefault) {
          this.skipToken();
          clauseCondition = this.bareword(token, token.text);
        } else {
          clauseCondition = this.singleCommandArgument(ArgumentContext.SwitchCondition);
          if (clauseCondition === null) {
            isError = true;
            this.reportIncompleteInput({ range: [errorEnd, errorEnd] }, "MissingSwitchConditionExpression", "A condition is missing in the switch statement's clause.");
            if (this.peekToken().kind === TokenKind.RCurly) this.skipToken();
            break;
          }
        }
        parts.push(clauseCondition);
        errorEnd = clauseCondition.range[1];
        const body = this.statementBlockRule();
        if (body === null) {
          isError = incomplete = true;
          this.reportIncompleteInput({ range: [errorEnd, errorEnd] }, "MissingSwitchStatementClause", "A statement block is missing after the switch clause's condition.");
        } else {
          parts.push(body);
          errorEnd = body.range[1];
          if (isDefault) {
            if (defaultBlock !== null) {
              isError = true;
              this.reportError(clauseCondition, "MultipleSwitchDefaultClauses", "The switch statement has more than one default clause.");
            }
            defaultBlock = body;
          } else {
            clauses.push(this.finish<SwitchClause>({
              __proto__: NODE,
              type: "SwitchClause",
              condition: clauseCondition,
              body,
              range: [clauseCondition.range[0], body.range[1]],
              parent: null,
            }));
          }
        }
        this.skipNewlinesAndSemicolons();
        const next = this.peekToken();
        if (next.kind === TokenKind.RCurly) {
          this.skipToken();
          end = next.end;
          break;
        }
        if (next.kind === TokenKind.EndOfInput) {
          if (!incomplete) {
            isError = true;
            this.reportUnclosed(lCurly, lCurly, "MissingEndCurlyBrace", "The switch statement is missing its closing '}'.", next);
          }
          break;
        }
      }
    }
    if (isError || condition === null) return this.errorStatement(start, errorEnd, [condition, ...parts]);
    return this.finish<SwitchStatementAst>({
      __proto__: NODE,
      type: "SwitchStatementAst",
      label: label?.text ?? null,
      flags,
      condition,
      clauses,
      default: defaultBlock,
      range: [start, end],
      parent: null,
    });
  }

  protected trapStatementRule(trapToken: Token): StatementAst {
    const restorePoint = this.restorePoint();
    this.skipNewlines();
    const attribute = this.attributeRule();
    let trapType: TypeConstraintAst | null = null;
    if (attribute !== null) {
      if (attribute.type === "TypeConstraintAst") trapType = attribute;
      else this.resyncTo(restorePoint);
    }
    const body = this.statementBlockRule();
    if (body === null) {
      const end = BranchStatementParser.endOf(trapType ?? trapToken);
      this.reportIncompleteInput({ range: [end, end] }, "MissingTrapStatement", "The trap statement's block is missing.");
      return this.errorStatement(trapToken.start, end, [trapType]);
    }
    return this.finish<TrapStatementAst>({ __proto__: NODE, type: "TrapStatementAst", trapType, body, range: [trapToken.start, body.range[1]], parent: null });
  }

  protected tryStatementRule(tryToken: Token): StatementAst {
    this.skipNewlines();
    const body = this.statementBlockRule();
    if (body === null) {
      this.reportIncompleteInput(BranchStatementParser.after(tryToken), "MissingTryStatementBlock", "The try statement's block is missing.");
      return this.errorStatement(tryToken.start, tryToken.end);
    }
    const errorState: { end: number | null; asts: TypeConstraintAst[] } = { end: null, asts: [] };
    const catchClauses: CatchClauseAst[] = [];
    for (let clause = this.catchBlockRule(errorState); clause !== null; clause = this.catchBlockRule(errorState)) catchClauses.push(clause);
    this.skipNewlines();
    const finallyToken = this.peekToken();
    let finallyBlock: StatementBlockAst | null = null;
    if (finallyToken.kind === TokenKind.Finally) {
      this.skipToken();
      finallyBlock = this.statementBlockRule();
      if (finallyBlock === null) {
        errorState.end = finallyToken.end;
        this.reportIncompleteInput(BranchStatementParser.after(finallyToken), "MissingFinallyStatementBlock", "The finally block is missing its '{'.");
      }
    }
    if (catchClauses.length === 0 && finallyBlock === null && errorState.end === null) {
      errorState.end = body.range[1];
      this.reportIncompleteInput(BranchStatementParser.after(body), "MissingCatchOrFinally", "The try block must be followed by a catch or a finally block.");
    }
    if (errorState.end !== null) return this.errorStatement(tryToken.start, errorState.end, [body, ...catchClauses, ...errorState.asts]);
    const end = (finallyBlock ?? catchClauses[catchClauses.length - 1]!).range[1];
    return this.finish<TryStatementAst>({
      __proto__: NODE,
      type: "TryStatementAst",
      body,
      catchClauses,
      finally: finallyBlock,
      range: [tryToken.start, end],
      parent: null,
    });
  }

  private catchBlockRule(errorState: { end: number | null; asts: TypeConstraintAst[] }): CatchClauseAst | null {
    this.skipNewlines();
    const catchToken = this.nextToken();
    if (catchToken.kind !== TokenKind.Catch) {
      this.ungetToken(catchToken);
      return null;
    }
    const catchTypes: TypeConstraintAst[] = [];
    let comma: Token | null = null;
    for (;;) {
      const restorePoint = this.restorePoint();
      this.skipNewlines();
      const type = this.attributeRule();
      if (type === null) {
        if (comma !== null) {
          errorState.end = comma.end;
          this.reportIncompleteInput(BranchStatementParser.after(comma), "MissingTypeLiteralToken", "A type is missing after ',' in the catch clause.");
        }
        break;
      }
      if (type.type !== "TypeConstraintAst") {
        this.resyncTo(restorePoint);
        break;
      }
      catchTypes.push(type);
      this.skipNewlines();
      comma = this.peekToken();
      if (comma.kind !== TokenKind.Comma) break;
      this.skipToken();
    }
    const handler = this.statementBlockRule();
    if (handler === null) {
      if (comma === null || errorState.end !== comma.end) {
        const end = BranchStatementParser.endOf(catchTypes[catchTypes.length - 1] ?? catchToken);
        errorState.end = end;
        this.reportIncompleteInput({ range: [end, end] }, "MissingCatchHandlerBlock", "The catch clause's block is missing.");
      }
      errorState.asts.push(...catchTypes);
      return null;
    }
    return this.finish<CatchClauseAst>({
      __proto__: NODE,
      type: "CatchClauseAst",
      catchTypes,
      body: handler,
      range: [catchToken.start, handler.range[1]],
      parent: null,
    });
  }

}
