/**
 * Script blocks, a whole script or the inside of `{ }`: a script's `using` statements, the `param( )`
 * block with its attributes and parameters, then named blocks (`begin`, `process`, `end`, `clean`,
 * `dynamicparam`) or a body of statements.
 */
import type {
  BlockKind,
  ExpressionAst,
  NamedBlockAst,
  ParamBlockAst,
  ParameterAst,
  ScriptBlockAst,
  StatementAst,
  StatementBlockAst,
  UsingStatementAst,
  VariableExpressionAst,
} from "./ast.js";
import { StatementParser } from "./statements.js";
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

export abstract class ScriptBlockParser extends StatementParser {
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
  private paramBlockRule(): ParamBlockAst | null {
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
        if (comma !== null) this.reportIncompleteInput(ScriptBlockParser.after(comma), "MissingExpressionAfterToken", "A parameter is missing after ','.");
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
          this.reportIncompleteInput(ScriptBlockParser.after(last), "InvalidFunctionParameter", "A parameter's variable is missing after its attributes.");
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
          if (defaultValue === null) this.reportIncompleteInput(ScriptBlockParser.after(equals), "MissingExpressionAfterToken", "A default value is missing after '='.");
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
        this.reportIncompleteInput(ScriptBlockParser.after(name), "MissingNamedStatementBlock", `The '${name.text}' block is missing its '{'.`);
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

}
