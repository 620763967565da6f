/**
 * Script blocks and statements: `param` blocks, named blocks, statement lists, and every statement
 * keyword but the definitions (definitions.ts): `if`, `switch`, the loops, `try`, `trap`, `data`,
 * flow control, labels, and workflow `parallel`/`sequence` blocks.
 */
import type {
  AttributeBaseAst,
  BlockKind,
  BlockStatementAst,
  BreakStatementAst,
  CatchClauseAst,
  CommandExpressionAst,
  ContinueStatementAst,
  DataStatementAst,
  DoUntilStatementAst,
  DoWhileStatementAst,
  ExitStatementAst,
  ExpressionAst,
  ForEachStatementAst,
  ForStatementAst,
  IfClause,
  IfStatementAst,
  NamedBlockAst,
  ParamBlockAst,
  ParameterAst,
  PipelineAst,
  PipelineBaseAst,
  ReturnStatementAst,
  ScriptBlockAst,
  StatementAst,
  StatementBlockAst,
  SwitchClause,
  SwitchStatementAst,
  ThrowStatementAst,
  TrapStatementAst,
  TryStatementAst,
  TypeConstraintAst,
  UsingStatementAst,
  VariableExpressionAst,
  WhileStatementAst,
} from "./ast.js";
import { ArgumentContext } from "./parser-base.js";
import { PipelineParser } from "./pipelines.js";
import { Mode, type Token } from "./token.js";
import { hasTrait, TokenKind, TokenTrait } from "./token-kinds.js";
import { NODE } from "./node.js";

const BLOCK_KINDS: Partial<Record<TokenKind, BlockKind>> = {
  [TokenKind.Begin]: "begin",
  [TokenKind.Process]: "process",
  [TokenKind.End]: "end",
  [TokenKind.Dynamicparam]: "dynamicparam",
  [TokenKind.Clean]: "clean",
};

export abstract class StatementParser extends PipelineParser {
  protected abstract functionDeclarationRule(functionToken: Token): StatementAst;
  protected abstract classDefinitionRule(attributes: AttributeBaseAst[] | null, classToken: Token): StatementAst;
  protected abstract enumDefinitionRule(attributes: AttributeBaseAst[] | null, enumToken: Token): StatementAst;
  protected abstract usingStatementRule(usingToken: Token): StatementAst;
  protected abstract configurationStatementRule(configurationToken: Token): StatementAst | null;
  /** In a `configuration`: a DSC keyword statement, or null when the statement is not one. */
  protected abstract dynamicKeywordStatementRule(): StatementAst | null;

  // --- script blocks -------------------------------------------------------------------------------

  /** A script block's inside; `lCurly` is null for a whole script. */
  protected scriptBlockRule(lCurly: Token | null, isFilter: boolean, predefined?: StatementAst): ScriptBlockAst {
    this.skipNewlines();
    const usingStatements = lCurly === null ? this.usingStatementsRule() : [];
    const restorePoint = this.restorePoint();
    const paramBlock = this.paramBlockRule();
    if (paramBlock === null) this.resyncTo(restorePoint);
    this.skipNewlinesAndSemicolons();
    return this.scriptBlockBodyRule(lCurly, usingStatements, paramBlock, isFilter, predefined);
  }

  private usingStatementsRule(): UsingStatementAst[] {
    const statements: UsingStatementAst[] = [];
    for (;;) {
      const token = this.peekToken();
      if (token.kind !== TokenKind.Using) {
        this.resyncTo(token.start);
        return statements;
      }
      this.skipToken();
      const statement = this.usingStatementRule(token);
      this.skipNewlinesAndSemicolons();
      if (statement.type === "UsingStatementAst") statements.push(statement);
    }
  }

  /** `[CmdletBinding()] param(...)`; null (nothing consumed for good) when there is none. */
  protected paramBlockRule(): ParamBlockAst | null {
    this.skipNewlines();
    const candidates = this.attributeListRule(false);
    this.skipNewlines();
    const paramToken = this.peekToken();
    if (paramToken.kind !== TokenKind.Param) return null;
    this.skipToken();
    this.skipNewlines();
    const lParen = this.nextToken();
    if (lParen.kind !== TokenKind.LParen) {
      this.ungetToken(lParen);
      return null;
    }
    const parameters = this.parameterListRule();
    this.skipNewlines();
    const rParen = this.nextToken();
    let end = rParen.end;
    if (rParen.kind !== TokenKind.RParen) {
      this.ungetToken(rParen);
      end = parameters.length > 0 ? parameters[parameters.length - 1]!.range[1] : lParen.end;
      this.reportUnclosed({ range: [end, end] }, lParen, "MissingEndParenthesisInFunctionParameterList", "The parameter list's '(' is missing its closing ')'.", rParen);
    }
    const attributes = [];
    for (const attribute of candidates ?? []) {
      if (attribute.type === "AttributeAst") attributes.push(attribute);
      else this.reportError(attribute, "TypeNotAllowedBeforeParam", `A type [${attribute.typeName.fullName}] cannot stand before param(); only attributes can.`);
    }
    const start = candidates !== null ? candidates[0]!.range[0] : paramToken.start;
    return this.finish<ParamBlockAst>({ __proto__: NODE, type: "ParamBlockAst", attributes, parameters, range: [start, end], parent: null });
  }

  protected parameterListRule(): ParameterAst[] {
    const parameters: ParameterAst[] = [];
    let comma: Token | null = null;
    for (;;) {
      const parameter = this.parameterRule();
      if (parameter === null) {
        if (comma !== null) this.reportIncompleteInput(StatementParser.after(comma), "MissingExpressionAfterToken", "A parameter is missing after ','.");
        return parameters;
      }
      parameters.push(parameter);
      this.skipNewlines();
      comma = this.peekToken();
      if (comma.kind !== TokenKind.Comma) return parameters;
      this.skipToken();
    }
  }

  private parameterRule(): ParameterAst | null {
    const oldDisable = this.disableCommaOperator;
    this.disableCommaOperator = true;
    try {
      return this.inMode(Mode.Expression, () => {
        this.skipNewlines();
        const attributes = this.attributeListRule(false);
        this.skipNewlines();
        const token = this.nextToken();
        if (token.kind !== TokenKind.Variable && token.kind !== TokenKind.SplattedVariable) {
          this.ungetToken(token);
          if (attributes === null) return null;
          const last = attributes[attributes.length - 1]!;
          this.reportIncompleteInput(StatementParser.after(last), "InvalidFunctionParameter", "A parameter's variable is missing after its attributes.");
          this.syncOnError(true, TokenKind.RParen);
          const name = this.finish<VariableExpressionAst>({
            __proto__: NODE,
            type: "VariableExpressionAst",
            variablePath: "__error__",
            splatted: false,
            range: [attributes[0]!.range[0], last.range[1]],
            parent: null,
          });
          return this.finish<ParameterAst>({
            __proto__: NODE,
            type: "ParameterAst",
            attributes,
            name,
            defaultValue: null,
            range: [attributes[0]!.range[0], last.range[1]],
            parent: null,
          });
        }
        const name = this.finish<VariableExpressionAst>({
          __proto__: NODE,
          type: "VariableExpressionAst",
          variablePath: token.text,
          splatted: token.kind === TokenKind.SplattedVariable,
          range: [token.start, token.end],
          parent: null,
        });
        let defaultValue: ExpressionAst | null = null;
        this.skipNewlines();
        const equals = this.peekToken();
        if (equals.kind === TokenKind.Equals) {
          this.skipToken();
          this.skipNewlines();
          defaultValue = this.expressionRule();
          if (defaultValue === null) this.reportIncompleteInput(StatementParser.after(equals), "MissingExpressionAfterToken", "A default value is missing after '='.");
        }
        const start = attributes !== null ? attributes[0]!.range[0] : token.start;
        return this.finish<ParameterAst>({
          __proto__: NODE,
          type: "ParameterAst",
          attributes: attributes ?? [],
          name,
          defaultValue,
          range: [start, (defaultValue ?? name).range[1]],
          parent: null,
        });
      });
    } finally {
      this.disableCommaOperator = oldDisable;
    }
  }

  private scriptBlockBodyRule(lCurly: Token | null, usingStatements: UsingStatementAst[], paramBlock: ParamBlockAst | null, isFilter: boolean, predefined?: StatementAst): ScriptBlockAst {
    if (hasTrait(this.peekToken().kind, TokenTrait.ScriptBlockBlockName)) return this.namedBlockListRule(lCurly, usingStatements, paramBlock);
    const statements: StatementAst[] = predefined === undefined ? [] : [predefined];
    let end: number;
    for (;;) {
      this.statementListRule(statements);
      const closed = this.completeScriptBlockBody(lCurly, statements);
      if (closed !== undefined) {
        end = closed;
        break;
      }
    }
    const bodyStart = paramBlock?.range[0] ?? statements[0]?.range[0] ?? (lCurly === null ? 0 : lCurly.end);
    const bodyEnd = statements.length > 0 ? statements[statements.length - 1]!.range[1] : (paramBlock?.range[1] ?? bodyStart);
    const block = this.finish<NamedBlockAst>({
      __proto__: NODE,
      type: "NamedBlockAst",
      blockKind: isFilter ? "process" : "end",
      unnamed: true,
      statements,
      range: [bodyStart, bodyEnd],
      parent: null,
    });
    return this.scriptBlock(lCurly, end, usingStatements, paramBlock, { [isFilter ? "process" : "end"]: block });
  }

  /**
   * Ends a script block's body: its `}`, or for a whole script the end of the text. Returns where the
   * block ends, or undefined when a stray token was skipped and the body goes on.
   */
  private completeScriptBlockBody(lCurly: Token | null, statements: readonly StatementAst[]): number | undefined {
    const token = this.nextToken();
    if (lCurly === null) {
      if (token.kind === TokenKind.EndOfInput) return this.text.length;
      this.reportError(token, "UnexpectedToken", `Unexpected token '${this.tokenText(token)}': it closes nothing that is open.`);
      return undefined;
    }
    if (token.kind === TokenKind.RCurly) return token.end;
    this.ungetToken(token);
    this.reportUnclosed(lCurly, lCurly, "MissingEndCurlyBrace", "The script block is missing its closing '}'.", token);
    return statements.length > 0 ? statements[statements.length - 1]!.range[1] : lCurly.end;
  }

  private scriptBlock(
    lCurly: Token | null,
    end: number,
    usingStatements: UsingStatementAst[],
    paramBlock: ParamBlockAst | null,
    blocks: Partial<Record<BlockKind, NamedBlockAst>>,
  ): ScriptBlockAst {
    return this.finish<ScriptBlockAst>({
      __proto__: NODE,
      type: "ScriptBlockAst",
      usingStatements,
      paramBlock,
      dynamicParamBlock: blocks.dynamicparam ?? null,
      beginBlock: blocks.begin ?? null,
      processBlock: blocks.process ?? null,
      endBlock: blocks.end ?? null,
      cleanBlock: blocks.clean ?? null,
      range: [lCurly === null ? 0 : lCurly.start, end],
      parent: null,
    });
  }

  private namedBlockListRule(lCurly: Token | null, usingStatements: UsingStatementAst[], paramBlock: ParamBlockAst | null): ScriptBlockAst {
    const blocks: Partial<Record<BlockKind, NamedBlockAst>> = {};
    let lastEnd = paramBlock?.range[1] ?? lCurly?.end ?? 0;
    for (;;) {
      const name = this.nextToken();
      const kind = BLOCK_KINDS[name.kind];
      if (kind === undefined) {
        if (name.kind === TokenKind.RCurly || name.kind === TokenKind.EndOfInput) {
          this.ungetToken(name);
          break;
        }
        // PowerShell stops reading the script block here.
        this.reportError(name, "MissingNamedBlocks", `Unexpected token '${this.tokenText(name)}': a script block that uses named blocks (begin, process, end) may hold nothing else.`);
        if (lCurly !== null) this.ungetToken(name);
        return this.scriptBlock(lCurly, lCurly === null ? this.text.length : lastEnd, usingStatements, paramBlock, blocks);
      }
      let body = this.statementBlockRule();
      if (body === null) {
        this.reportIncompleteInput(StatementParser.after(name), "MissingNamedStatementBlock", `The '${name.text}' block is missing its '{'.`);
        body = this.finish<StatementBlockAst>({ __proto__: NODE, type: "StatementBlockAst", statements: [], range: [name.start, name.end], parent: null });
      }
      lastEnd = body.range[1];
      const block = this.finish<NamedBlockAst>({
        __proto__: NODE,
        type: "NamedBlockAst",
        blockKind: kind,
        unnamed: false,
        statements: body.statements,
        range: [name.start, body.range[1]],
        parent: null,
      });
      if (blocks[kind] === undefined) blocks[kind] = block;
      else this.reportError(block, "DuplicateScriptCommandClause", `The '${kind}' block is written twice.`);
      this.skipNewlinesAndSemicolons();
    }
    const closed = this.completeScriptBlockBody(lCurly, []);
    return this.scriptBlock(lCurly, closed ?? lastEnd, usingStatements, paramBlock, blocks);
  }

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

  private breakOrContinue(token: Token): BreakStatementAst | ContinueStatementAst {
    const label = this.labelOrKeyRule();
    const type = token.kind === TokenKind.Break ? "BreakStatementAst" : "ContinueStatementAst";
    return this.finish({ __proto__: NODE, type, label, range: [token.start, label?.range[1] ?? token.end], parent: null } as never);
  }

  private labeledStatementRule(label: Token): StatementAst | null {
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

  private blockStatementRule(kindToken: Token): StatementAst {
    const body = this.statementBlockRule();
    if (body === null) {
      this.reportIncompleteInput(StatementParser.after(kindToken), "MissingStatementAfterKeyword", `A statement block is missing after '${kindToken.text}'.`);
      return this.errorStatement(kindToken.start, kindToken.end);
    }
    const kind = kindToken.kind === TokenKind.Parallel ? "parallel" : "sequence";
    return this.finish<BlockStatementAst>({ __proto__: NODE, type: "BlockStatementAst", kind, body, range: [kindToken.start, body.range[1]], parent: null });
  }

  private ifStatementRule(ifToken: Token): StatementAst {
    const clauses: IfClause[] = [];
    const parts: (PipelineBaseAst | StatementBlockAst)[] = [];
    let elseClause: StatementBlockAst | null = null;
    let keyword = ifToken;
    for (;;) {
      this.skipNewlines();
      const lParen = this.nextToken();
      if (lParen.kind !== TokenKind.LParen) {
        this.ungetToken(lParen);
        this.reportIncompleteInput(StatementParser.after(keyword), "MissingOpenParenthesisInIfStatement", `A '(' is missing after '${keyword.text}'.`);
        return this.errorStatement(ifToken.start, keyword.end, parts);
      }
      this.skipNewlines();
      let condition = this.pipelineChainRule();
      if (condition === null) {
        const place = StatementParser.after(lParen);
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
          this.reportIncompleteInput(StatementParser.after(keyword), "MissingStatementBlockAfterElse", "A statement block is missing after 'else'.");
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

  private switchStatementRule(label: Token | null, switchToken: Token): StatementAst {
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
          this.reportIncompleteInput(StatementParser.after(token), "MissingFilenameOption", "A file name is missing after 'switch -file'.");
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
        this.reportIncompleteInput(StatementParser.after(lParen), "PipelineValueRequired", "A value to switch on is missing after '('.");
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

  private foreachStatementRule(label: Token | null, foreachToken: Token): StatementAst {
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
        if (throttleLimit === null) this.reportIncompleteInput(StatementParser.after(token), "MissingThrottleLimit", "A value is missing after '-ThrottleLimit'.");
      } else {
        errorEnd = token.end;
        this.reportError(token, "InvalidForeachFlag", `'-${token.text}' is not an option of foreach (parallel, throttlelimit).`);
      }
      this.skipNewlines();
    }
    const lParen = this.nextToken();
    if (lParen.kind !== TokenKind.LParen) {
      this.ungetToken(lParen);
      this.reportIncompleteInput(StatementParser.after(foreachToken), "MissingOpenParenthesisAfterKeyword", "A '(' is missing after 'foreach'.");
      return this.errorStatement(start, foreachToken.end);
    }
    this.skipNewlines();
    const variableToken = this.nextToken();
    if (variableToken.kind !== TokenKind.Variable && variableToken.kind !== TokenKind.SplattedVariable) {
      this.ungetToken(variableToken);
      this.reportIncompleteInput(StatementParser.after(lParen), "MissingVariableNameAfterForeach", "A variable is missing after 'foreach ('.");
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
      this.reportIncompleteInput(StatementParser.after(variable), "MissingInInForeach", "The keyword 'in' is missing after the foreach variable.");
    } else {
      this.skipNewlines();
      pipeline = this.pipelineChainRule();
      if (pipeline === null) {
        errorEnd = inToken.end;
        this.reportIncompleteInput(StatementParser.after(inToken), "MissingForeachExpression", "What to loop over is missing after 'in'.");
      } else {
        this.skipNewlines();
        const rParen = this.nextToken();
        if (rParen.kind !== TokenKind.RParen) {
          this.ungetToken(rParen);
          errorEnd = pipeline.range[1];
          this.reportIncompleteInput(StatementParser.after(pipeline), "MissingEndParenthesisAfterForeach", "A ')' is missing after what foreach loops over.");
        } else {
          body = this.statementBlockRule();
          if (body === null) {
            errorEnd = rParen.end;
            this.reportIncompleteInput(StatementParser.after(rParen), "MissingForeachStatement", "The foreach loop's statement block is missing.");
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

  private forStatementRule(label: Token | null, forToken: Token): StatementAst {
    const start = (label ?? forToken).start;
    this.skipNewlines();
    const lParen = this.nextToken();
    if (lParen.kind !== TokenKind.LParen) {
      this.ungetToken(lParen);
      this.reportIncompleteInput(StatementParser.after(forToken), "MissingOpenParenthesisAfterKeyword", "A '(' is missing after 'for'.");
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
        this.reportIncompleteInput(StatementParser.after(rParen), "MissingLoopStatement", "The for loop's statement block is missing.");
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

  private whileStatementRule(label: Token | null, whileToken: Token): StatementAst {
    const start = (label ?? whileToken).start;
    this.skipNewlines();
    const lParen = this.nextToken();
    if (lParen.kind !== TokenKind.LParen) {
      this.ungetToken(lParen);
      this.reportIncompleteInput(StatementParser.after(whileToken), "MissingOpenParenthesisAfterKeyword", "A '(' is missing after 'while'.");
      return this.errorStatement(start, whileToken.end);
    }
    this.skipNewlines();
    const condition = this.pipelineChainRule();
    if (condition === null) {
      this.reportIncompleteInput(StatementParser.after(lParen), "MissingExpressionAfterKeyword", "A condition is missing after 'while ('.");
    }
    this.skipNewlines();
    const rParen = this.nextToken();
    if (rParen.kind !== TokenKind.RParen) {
      this.ungetToken(rParen);
      if (condition !== null) this.reportIncompleteInput(StatementParser.after(condition), "MissingEndParenthesisAfterStatement", "A ')' is missing after the while condition.");
      return this.errorStatement(start, condition?.range[1] ?? lParen.end, [condition]);
    }
    this.skipNewlines();
    const body = this.statementBlockRule();
    if (body === null || condition === null) {
      if (body === null) this.reportIncompleteInput(StatementParser.after(rParen), "MissingLoopStatement", "The while loop's statement block is missing.");
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

  private doStatementRule(label: Token | null, doToken: Token): StatementAst {
    const start = (label ?? doToken).start;
    const body = this.statementBlockRule();
    if (body === null) {
      this.reportIncompleteInput(StatementParser.after(doToken), "MissingLoopStatement", "The do loop's statement block is missing.");
      return this.errorStatement(start, doToken.end);
    }
    this.skipNewlines();
    const keyword = this.nextToken();
    if (keyword.kind !== TokenKind.While && keyword.kind !== TokenKind.Until) {
      this.ungetToken(keyword);
      this.reportIncompleteInput(StatementParser.after(body), "MissingWhileOrUntilInDoWhile", "'while' or 'until' is missing after the do loop's block.");
      return this.errorStatement(start, body.range[1], [body]);
    }
    this.skipNewlines();
    const lParen = this.nextToken();
    if (lParen.kind !== TokenKind.LParen) {
      this.ungetToken(lParen);
      this.reportIncompleteInput(StatementParser.after(keyword), "MissingOpenParenthesisAfterKeyword", `A '(' is missing after '${keyword.text}'.`);
      return this.errorStatement(start, keyword.end, [body]);
    }
    this.skipNewlines();
    const condition = this.pipelineChainRule();
    if (condition === null) this.reportIncompleteInput(StatementParser.after(lParen), "MissingExpressionAfterKeyword", `A condition is missing after '${keyword.text} ('.`);
    this.skipNewlines();
    const rParen = this.nextToken();
    if (rParen.kind !== TokenKind.RParen) {
      this.ungetToken(rParen);
      if (condition !== null) this.reportIncompleteInput(StatementParser.after(condition), "MissingEndParenthesisAfterStatement", `A ')' is missing after the '${keyword.text}' condition.`);
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

  private trapStatementRule(trapToken: Token): StatementAst {
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
      const end = StatementParser.endOf(trapType ?? trapToken);
      this.reportIncompleteInput({ range: [end, end] }, "MissingTrapStatement", "The trap statement's block is missing.");
      return this.errorStatement(trapToken.start, end, [trapType]);
    }
    return this.finish<TrapStatementAst>({ __proto__: NODE, type: "TrapStatementAst", trapType, body, range: [trapToken.start, body.range[1]], parent: null });
  }

  private tryStatementRule(tryToken: Token): StatementAst {
    this.skipNewlines();
    const body = this.statementBlockRule();
    if (body === null) {
      this.reportIncompleteInput(StatementParser.after(tryToken), "MissingTryStatementBlock", "The try statement's block is missing.");
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
        this.reportIncompleteInput(StatementParser.after(finallyToken), "MissingFinallyStatementBlock", "The finally block is missing its '{'.");
      }
    }
    if (catchClauses.length === 0 && finallyBlock === null && errorState.end === null) {
      errorState.end = body.range[1];
      this.reportIncompleteInput(StatementParser.after(body), "MissingCatchOrFinally", "The try block must be followed by a catch or a finally block.");
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
          this.reportIncompleteInput(StatementParser.after(comma), "MissingTypeLiteralToken", "A type is missing after ',' in the catch clause.");
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
        const end = StatementParser.endOf(catchTypes[catchTypes.length - 1] ?? catchToken);
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
