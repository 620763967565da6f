/**
 * Statements: the dispatch on a statement's first token (and the attributes before it), statement
 * lists and blocks, `return`/`throw`/`exit`, workflow `parallel`/`sequence` blocks and `data`
 * sections. Branches, loops, script blocks and definitions are read in the files named after them.
 */
import type {
  AttributeBaseAst,
  BlockStatementAst,
  DataStatementAst,
  ExitStatementAst,
  ExpressionAst,
  ReturnStatementAst,
  StatementAst,
  StatementBlockAst,
  ThrowStatementAst,
} from "./ast.js";
import { LoopStatementParser } from "./loop-statements.js";
import { ArgumentContext } from "./parser-base.js";
import type { Token } from "./token.js";
import { hasTrait, TokenKind, TokenTrait } from "./token-kinds.js";
import { NODE } from "./node.js";

export abstract class StatementParser extends LoopStatementParser {
  protected abstract functionDeclarationRule(functionToken: Token): StatementAst;
  protected abstract classDefinitionRule(attributes: AttributeBaseAst[] | null, classToken: Token): StatementAst;
  protected abstract enumDefinitionRule(attributes: AttributeBaseAst[] | null, enumToken: Token): StatementAst;
  protected abstract usingStatementRule(usingToken: Token): StatementAst;
  protected abstract configurationStatementRule(configurationToken: Token): StatementAst | null;
  /** In a `configuration`: a DSC keyword statement, or null when the statement is not one. */
  protected abstract dynamicKeywordStatementRule(): StatementAst | null;

  // --- blocks and lists -----------------------------------------------------------------------------

  protected statementBlockRule(): StatementBlockAst | null {
    this.skipNewlines();
    const lCurly = this.nextToken();
    if (lCurly.kind !== TokenKind.LCurly) {
      this.ungetToken(lCurly);
      return null;
    }
    const statements: StatementAst[] = [];
    this.statementListRule(statements);
    const rCurly = this.nextToken();
    let end: number;
    if (rCurly.kind !== TokenKind.RCurly) {
      this.ungetToken(rCurly);
      end = statements.length > 0 ? statements[statements.length - 1]!.range[1] : lCurly.end;
      this.reportUnclosed(lCurly, lCurly, "MissingEndCurlyBrace", "The statement block is missing its closing '}'.", rCurly);
    } else {
      end = rCurly.end;
    }
    return this.finish<StatementBlockAst>({ __proto__: NODE, type: "StatementBlockAst", statements, range: [lCurly.start, end], parent: null });
  }

  protected statementListRule(statements: StatementAst[]): void {
    this.skipNewlinesAndSemicolons();
    for (;;) {
      const statement = this.statementRule();
      if (statement === null) return;
      statements.push(statement);
      this.skipNewlinesAndSemicolons();
      const token = this.peekToken();
      if (token.kind === TokenKind.RParen || token.kind === TokenKind.RCurly) return;
    }
  }

  // --- statements -----------------------------------------------------------------------------------

  protected statementRule(): StatementAst | null {
    if (!this.enter()) {
      this.syncOnError(false, TokenKind.RCurly, TokenKind.RParen);
      return null;
    }
    try {
      return this.statement();
    } finally {
      this.leave();
    }
  }

  private statement(): StatementAst | null {
    let token = this.nextToken();
    let attributes: AttributeBaseAst[] | null = null;
    let restorePoint = 0;
    if (token.kind === TokenKind.Generic && this.text.charCodeAt(token.start) === 0x5b) {
      // `[CmdletBinding()]` before a keyword, or `[int]$x = ...`, which is an expression.
      restorePoint = token.start;
      this.resyncTo(token.start);
      attributes = this.attributeListRule(false);
      token = this.nextToken();
      if (attributes !== null) {
        if (hasTrait(token.kind, TokenTrait.StatementDoesntSupportAttributes)) {
          if (attributes.some((attribute) => attribute.type === "TypeConstraintAst")) {
            this.resyncTo(restorePoint);
            token = this.nextToken();
          } else {
            this.reportError(attributes[0]!, "UnexpectedAttribute", `The attribute [${attributes[0]!.typeName.fullName}] cannot stand before this statement.`);
          }
        } else if (hasTrait(token.kind, TokenTrait.Keyword)) {
          const type = attributes.find((attribute) => attribute.type !== "AttributeAst");
          if (type !== undefined) this.reportError(type, "TypeNotAllowedBeforeStatement", `A type [${type.typeName.fullName}] cannot stand before this statement.`);
        } else {
          this.resyncTo(restorePoint);
          token = this.nextToken();
        }
      }
    }
    switch (token.kind) {
      case TokenKind.If:
        return this.ifStatementRule(token);
      case TokenKind.Switch:
        return this.switchStatementRule(null, token);
      case TokenKind.Foreach:
        return this.foreachStatementRule(null, token);
      case TokenKind.For:
        return this.forStatementRule(null, token);
      case TokenKind.While:
        return this.whileStatementRule(null, token);
      case TokenKind.Do:
        return this.doStatementRule(null, token);
      case TokenKind.Function:
      case TokenKind.Filter:
      case TokenKind.Workflow:
        return this.functionDeclarationRule(token);
      case TokenKind.Return:
      case TokenKind.Throw:
      case TokenKind.Exit:
        return this.flowStatement(token);
      case TokenKind.Break:
      case TokenKind.Continue:
        return this.breakOrContinue(token);
      case TokenKind.Trap:
        return this.trapStatementRule(token);
      case TokenKind.Try:
        return this.tryStatementRule(token);
      case TokenKind.Data:
        return this.dataStatementRule(token);
      case TokenKind.Parallel:
      case TokenKind.Sequence:
        return this.blockStatementRule(token);
      case TokenKind.Configuration:
        return this.configurationStatementRule(token);
      case TokenKind.From:
      case TokenKind.Define:
      case TokenKind.Var:
        this.reportError(token, "ReservedKeywordNotAllowed", `'${token.text}' is a keyword PowerShell reserves for future use.`);
        return this.errorStatement(token.start, token.end);
      case TokenKind.Label:
        this.skipNewlines();
        return this.labeledStatementRule(token);
      case TokenKind.EndOfInput:
        if (attributes !== null) {
          this.resyncTo(restorePoint);
          return this.pipelineChainRule();
        }
        this.ungetToken(token);
        return null;
      case TokenKind.Else:
      case TokenKind.ElseIf:
      case TokenKind.Catch:
      case TokenKind.Until:
        // After an earlier error, a stray `else` is passed over, as PowerShell does.
        if (this.errors.length > 0) {
          this.skipNewlines();
          return this.statementRule();
        }
        break;
      case TokenKind.Class:
        return this.classDefinitionRule(attributes, token);
      case TokenKind.Enum:
        return this.enumDefinitionRule(attributes, token);
      case TokenKind.Using: {
        const statement = this.usingStatementRule(token);
        this.reportError(statement, "UsingMustBeAtStartOfScript", "A using statement must come before every other statement of the script.");
        return statement;
      }
    }
    if (attributes !== null) this.resyncTo(restorePoint);
    else this.ungetToken(token);
    if (this.configurationDepth > 0) {
      const keyword = this.dynamicKeywordStatementRule();
      if (keyword !== null) return keyword;
    }
    return this.pipelineChainRule();
  }

  private flowStatement(token: Token): ReturnStatementAst | ThrowStatementAst | ExitStatementAst {
    const pipeline = this.pipelineChainRule();
    const type = token.kind === TokenKind.Return ? "ReturnStatementAst" : token.kind === TokenKind.Throw ? "ThrowStatementAst" : "ExitStatementAst";
    return this.finish({ __proto__: NODE, type, pipeline, range: [token.start, pipeline?.range[1] ?? token.end], parent: null } as never);
  }

  private blockStatementRule(kindToken: Token): StatementAst {
    const body = this.statementBlockRule();
    if (body === null) {
      this.reportIncompleteInput(StatementParser.after(kindToken), "MissingStatementAfterKeyword", `A statement block is missing after '${kindToken.text}'.`);
      return this.errorStatement(kindToken.start, kindToken.end);
    }
    const kind = kindToken.kind === TokenKind.Parallel ? "parallel" : "sequence";
    return this.finish<BlockStatementAst>({ __proto__: NODE, type: "BlockStatementAst", kind, body, range: [kindToken.start, body.range[1]], parent: null });
  }

  private dataStatementRule(dataToken: Token): StatementAst {
    let errorEnd: number | null = null;
    this.skipNewlines();
    const name = this.simpleNameRule();
    this.skipNewlines();
    const supported = this.peekToken();
    let commandsAllowed: ExpressionAst[] = [];
    if (supported.kind === TokenKind.Parameter) {
      this.skipToken();
      if (!"supportedcommand".startsWith(supported.text.toLowerCase())) {
        errorEnd = supported.end;
        this.reportError(supported, "InvalidParameterForDataSectionStatement", `'-${supported.text}' is not a parameter of data sections: only -SupportedCommand is.`);
      }
      let comma: Token | null = null;
      commandsAllowed = [];
      for (;;) {
        this.skipNewlines();
        const command = this.singleCommandArgument(ArgumentContext.CommandName);
        if (command === null) {
          if (errorEnd === null) this.reportIncompleteInput(StatementParser.after(comma ?? supported), "MissingValueForSupportedCommandInDataSectionStatement", "A command name is missing after -SupportedCommand.");
          errorEnd = (comma ?? supported).end;
          break;
        }
        commandsAllowed.push(command);
        comma = this.peekToken();
        if (comma.kind !== TokenKind.Comma) break;
        this.skipToken();
      }
    }
    let body: StatementBlockAst | null = null;
    if (errorEnd === null) {
      body = this.statementBlockRule();
      if (body === null) {
        const end = commandsAllowed.length > 0 ? commandsAllowed[commandsAllowed.length - 1]!.range[1] : StatementParser.endOf(name ?? dataToken);
        errorEnd = end;
        this.reportIncompleteInput({ range: [end, end] }, "MissingStatementBlockForDataSection", "The data section's statement block is missing.");
      }
    }
    if (body === null) return this.errorStatement(dataToken.start, errorEnd ?? dataToken.end, commandsAllowed);
    return this.finish<DataStatementAst>({
      __proto__: NODE,
      type: "DataStatementAst",
      variable: name?.value ?? null,
      commandsAllowed,
      body,
      range: [dataToken.start, body.range[1]],
      parent: null,
    });
  }
}
