/**
 * Definitions: `function`/`filter`/`workflow` with their parameters, `using` statements, and DSC
 * `configuration` with the keyword statements inside it (`Node ... { }`, resource blocks
 * `File Copy { DestinationPath = ... }`). Classes and enums are read in type-definitions.ts.
 */
import type {
  CommandElementAst,
  ConfigurationDefinitionAst,
  DynamicKeywordStatementAst,
  FunctionDefinitionAst,
  HashtableAst,
  ParameterAst,
  ScriptBlockExpressionAst,
  StatementAst,
  StringConstantExpressionAst,
  UsingStatementAst,
} from "./ast.js";
import { ArgumentContext } from "./parser-base.js";
import { ScriptBlockParser } from "./script-blocks.js";
import { Mode, type Token } from "./token.js";
import { TokenKind } from "./token-kinds.js";
import { NODE } from "./node.js";

/** Tokens that cannot name a function. */
const NOT_A_FUNCTION_NAME = new Set([
  TokenKind.Pipe, TokenKind.LParen, TokenKind.LCurly, TokenKind.AtParen, TokenKind.AtCurly, TokenKind.RCurly, TokenKind.RParen,
  TokenKind.EndOfInput, TokenKind.Semi, TokenKind.Redirection, TokenKind.RedirectInStd, TokenKind.AndAnd, TokenKind.OrOr,
  TokenKind.Ampersand, TokenKind.Variable, TokenKind.SplattedVariable, TokenKind.HereStringExpandable, TokenKind.HereStringLiteral,
  TokenKind.StringLiteral, TokenKind.StringExpandable, TokenKind.NewLine,
]);

export abstract class DefinitionParser extends ScriptBlockParser {
  protected functionDeclarationRule(functionToken: Token): StatementAst {
    this.skipNewlines();
    const nameToken = this.nextToken();
    if (NOT_A_FUNCTION_NAME.has(nameToken.kind)) {
      this.ungetToken(nameToken);
      this.reportIncompleteInput(DefinitionParser.after(functionToken), "MissingNameAfterKeyword", `A name is missing after '${functionToken.text}'.`);
      return this.errorStatement(functionToken.start, functionToken.end);
    }
    const declared = this.functionParameterDeclarationRule();
    const lCurly = this.nextToken();
    let errorEnd = declared.errorEnd;
    if (lCurly.kind !== TokenKind.LCurly) {
      this.ungetToken(lCurly);
      if (errorEnd === null) {
        errorEnd = declared.rParen?.end ?? nameToken.end;
        this.reportIncompleteInput({ range: [errorEnd, errorEnd] }, "MissingFunctionBody", "The function's body, in braces, is missing.");
      }
    }
    if (errorEnd !== null) return this.errorStatement(functionToken.start, errorEnd, declared.parameters ?? []);
    const isWorkflow = functionToken.kind === TokenKind.Workflow;
    const oldWorkflow = this.tokenizer.inWorkflowContext;
    this.tokenizer.inWorkflowContext = isWorkflow;
    try {
      const body = this.scriptBlockRule(lCurly, functionToken.kind === TokenKind.Filter);
      const name = nameToken.kind === TokenKind.Generic || nameToken.kind === TokenKind.Identifier ? nameToken.text : this.tokenText(nameToken);
      return this.finish<FunctionDefinitionAst>({
        __proto__: NODE,
        type: "FunctionDefinitionAst",
        isFilter: functionToken.kind === TokenKind.Filter,
        isWorkflow,
        name,
        nameRange: [nameToken.start, nameToken.end],
        parameters: declared.parameters !== null && declared.parameters.length > 0 ? declared.parameters : null,
        body,
        range: [functionToken.start, body.range[1]],
        parent: null,
      });
    } finally {
      this.tokenizer.inWorkflowContext = oldWorkflow;
    }
  }

  /** `(...)` after a function's or method's name. */
  protected functionParameterDeclarationRule(): { parameters: ParameterAst[] | null; errorEnd: number | null; rParen: Token | null } {
    this.skipNewlines();
    const lParen = this.peekToken();
    if (lParen.kind !== TokenKind.LParen) return { parameters: null, errorEnd: null, rParen: null };
    this.skipToken();
    const parameters = this.parameterListRule();
    this.skipNewlines();
    const rParen = this.nextToken();
    let errorEnd: number | null = null;
    if (rParen.kind !== TokenKind.RParen) {
      this.ungetToken(rParen);
      errorEnd = parameters.length > 0 ? parameters[parameters.length - 1]!.range[1] : lParen.end;
      this.reportUnclosed({ range: [errorEnd, errorEnd] }, lParen, "MissingEndParenthesisInFunctionParameterList", "The parameter list's '(' is missing its closing ')'.", rParen);
    }
    this.skipNewlines();
    return { parameters, errorEnd, rParen: errorEnd === null ? rParen : null };
  }

  // --- using ----------------------------------------------------------------------------------------

  protected usingStatementRule(usingToken: Token): StatementAst {
    const directive = this.nextToken();
    const kinds: Partial<Record<TokenKind, UsingStatementAst["usingStatementKind"]>> = {
      [TokenKind.Namespace]: "namespace",
      [TokenKind.Type]: "type",
      [TokenKind.Module]: "module",
      [TokenKind.Command]: "command",
      [TokenKind.Assembly]: "assembly",
    };
    const kind = kinds[directive.kind];
    if (kind === undefined) {
      this.ungetToken(directive);
      this.reportIncompleteInput(DefinitionParser.after(usingToken), "MissingUsingStatementDirective", "'using' must be followed by namespace, module, assembly, type or command.");
      return this.errorStatement(usingToken.start, usingToken.end);
    }
    const itemToken = this.nextToken();
    if (itemToken.kind === TokenKind.EndOfInput || itemToken.kind === TokenKind.NewLine || itemToken.kind === TokenKind.Comma || itemToken.kind === TokenKind.Semi) {
      this.ungetToken(itemToken);
      this.reportIncompleteInput(DefinitionParser.after(directive), "MissingUsingItemName", `A name is missing after 'using ${kind}'.`);
      return this.errorStatement(usingToken.start, directive.end);
    }
    const item = this.commandArgument(ArgumentContext.CommandArgument, itemToken);
    if (item === null) {
      this.reportError(itemToken, "InvalidValueForUsingItemName", `'${this.tokenText(itemToken)}' cannot be used as a name here.`);
      this.syncOnError(true, TokenKind.Semi, TokenKind.NewLine);
      return this.errorStatement(usingToken.start, itemToken.end);
    }
    if (item.type !== "StringConstantExpressionAst" && (kind !== "module" || item.type !== "HashtableAst")) {
      this.reportError(item, "InvalidValueForUsingItemName", `'${this.text.slice(item.range[0], item.range[1])}' cannot be used as a name here: it must be a constant.`);
      return this.errorStatement(usingToken.start, item.range[1], [item]);
    }
    let name: StringConstantExpressionAst | HashtableAst = item;
    let alias: StringConstantExpressionAst | null = null;
    let end = item.range[1];
    if ((kind === "namespace" || kind === "module" || kind === "type" || kind === "command") && item.type !== "HashtableAst") {
      const equals = this.peekToken();
      if (equals.kind === TokenKind.Equals) {
        this.skipToken();
        const aliasToken = this.nextToken();
        const aliasAst = aliasToken.kind === TokenKind.EndOfInput || aliasToken.kind === TokenKind.NewLine || aliasToken.kind === TokenKind.Semi ? null : this.commandArgument(ArgumentContext.CommandArgument, aliasToken);
        if (aliasAst === null) {
          this.ungetToken(aliasToken);
          this.reportIncompleteInput(DefinitionParser.after(equals), "MissingNamespaceAlias", "A name is missing after '='.");
          return this.errorStatement(usingToken.start, equals.end, [item]);
        }
        if (kind === "module" && aliasAst.type === "HashtableAst") {
          name = aliasAst;
          alias = item;
        } else if (aliasAst.type === "StringConstantExpressionAst") {
          alias = aliasAst;
        } else {
          this.reportError(aliasAst, "InvalidValueForUsingItemName", "The name after '=' must be a constant.");
          return this.errorStatement(usingToken.start, aliasAst.range[1], [item, aliasAst]);
        }
        end = aliasAst.range[1];
      } else if (kind === "type" || kind === "command") {
        this.reportIncompleteInput(DefinitionParser.after(itemToken), "MissingEqualsInUsingAlias", `'using ${kind}' needs '=' and a name.`);
        return this.errorStatement(usingToken.start, item.range[1], [item]);
      }
    }
    this.requireStatementTerminator();
    return this.finish<UsingStatementAst>({
      __proto__: NODE,
      type: "UsingStatementAst",
      usingStatementKind: kind,
      name,
      alias,
      range: [usingToken.start, end],
      parent: null,
    });
  }

  private requireStatementTerminator(): void {
    const terminator = this.peekToken();
    if (terminator.kind === TokenKind.NewLine || terminator.kind === TokenKind.Semi) this.skipToken();
    else if (terminator.kind !== TokenKind.EndOfInput) this.reportIncompleteInput(terminator, "MissingStatementTerminator", "The statement must end its line, or be followed by ';'.");
  }

  // --- DSC ------------------------------------------------------------------------------------------

  protected configurationStatementRule(configurationToken: Token): StatementAst {
    this.skipNewlines();
    const nameToken = this.nextToken();
    if (nameToken.kind === TokenKind.LCurly) {
      this.reportError(DefinitionParser.after(configurationToken), "MissingConfigurationName", "The configuration's name is missing.");
      const body = this.configurationBody(nameToken);
      return this.errorStatement(configurationToken.start, body.range[1], [body]);
    }
    if (nameToken.kind === TokenKind.EndOfInput || nameToken.kind === TokenKind.Comma) {
      this.ungetToken(nameToken);
      this.reportIncompleteInput(DefinitionParser.after(nameToken), "MissingConfigurationName", "The configuration's name is missing.");
      return this.errorStatement(configurationToken.start, configurationToken.end);
    }
    const instanceName = this.commandArgument(ArgumentContext.CommandArgument, nameToken);
    if (instanceName === null) {
      this.reportError(DefinitionParser.after(configurationToken), "ParameterRequiresArgument", "The configuration's name is missing.");
      return this.errorStatement(configurationToken.start, configurationToken.end);
    }
    this.skipNewlines();
    const lCurly = this.nextToken();
    if (lCurly.kind !== TokenKind.LCurly) {
      this.ungetToken(lCurly);
      this.reportIncompleteInput(DefinitionParser.after(instanceName), "MissingCurlyInConfigurationStatement", "The configuration's body, in braces, is missing.");
      return this.errorStatement(configurationToken.start, instanceName.range[1], [instanceName]);
    }
    const body = this.configurationBody(lCurly);
    return this.finish<ConfigurationDefinitionAst>({
      __proto__: NODE,
      type: "ConfigurationDefinitionAst",
      instanceName,
      body,
      range: [configurationToken.start, body.range[1]],
      parent: null,
    });
  }

  private configurationBody(lCurly: Token): ScriptBlockExpressionAst {
    this.configurationDepth++;
    try {
      return this.scriptBlockExpressionRule(lCurly);
    } finally {
      this.configurationDepth--;
    }
  }

  /**
   * A DSC keyword statement: `Import-DscResource` with its parameters, or a word, an optional instance
   * name, then a body in braces. PowerShell knows the resource keywords from the modules installed
   * where it parses; here the shape decides: `Node` takes a script block, any other word a body of
   * `Name = value` lines (a hashtable). Anything else is an ordinary command (null, nothing consumed).
   */
  protected dynamicKeywordStatementRule(): StatementAst | null {
    const restorePoint = this.restorePoint();
    const keyword = this.nextToken();
    if (keyword.kind === TokenKind.Generic && keyword.nested === null && keyword.text.toLowerCase() === "import-dscresource") {
      // A DSC keyword read as a command: its parameters name the modules to load.
      this.resyncTo(restorePoint);
      const command = this.commandRule()!;
      return this.finish<DynamicKeywordStatementAst>({
        __proto__: NODE,
        type: "DynamicKeywordStatementAst",
        commandElements: command.commandElements,
        range: [command.range[0], command.range[1]],
        parent: null,
      });
    }
    if (keyword.kind !== TokenKind.Identifier) {
      this.resyncTo(restorePoint);
      return null;
    }
    const isNode = keyword.text.toLowerCase() === "node";
    const elements: CommandElementAst[] = [this.bareword(keyword, keyword.text)];
    this.skipNewlines();
    let lCurly = this.nextToken();
    if (lCurly.kind !== TokenKind.LCurly) {
      if (lCurly.kind === TokenKind.Identifier) {
        elements.push(this.bareword(lCurly, lCurly.text));
      } else {
        this.ungetToken(lCurly);
        const instanceName = this.singleCommandArgument(ArgumentContext.CommandName);
        if (instanceName === null) {
          this.resyncTo(restorePoint);
          return null;
        }
        elements.push(instanceName);
      }
      this.skipNewlines();
      lCurly = this.nextToken();
      if (lCurly.kind !== TokenKind.LCurly) {
        this.resyncTo(restorePoint);
        return null;
      }
    }
    let body: ScriptBlockExpressionAst | HashtableAst;
    if (isNode) {
      body = this.scriptBlockExpressionRule(lCurly);
    } else {
      if (!this.looksLikePropertyBlock()) {
        this.resyncTo(restorePoint);
        return null;
      }
      body = this.hashExpressionRule(lCurly);
    }
    elements.push(body);
    return this.finish<DynamicKeywordStatementAst>({
      __proto__: NODE,
      type: "DynamicKeywordStatementAst",
      commandElements: elements,
      range: [keyword.start, body.range[1]],
      parent: null,
    });
  }

  /** After `{`: the block is empty or starts with `Name =`. Consumes nothing. */
  private looksLikePropertyBlock(): boolean {
    const restorePoint = this.restorePoint();
    try {
      return this.inMode(Mode.Expression, () => {
        this.skipNewlinesAndSemicolons();
        const key = this.simpleNameRule();
        if (key === null) return this.peekToken().kind === TokenKind.RCurly;
        return this.peekToken().kind === TokenKind.Equals;
      });
    } finally {
      this.resyncTo(restorePoint);
    }
  }

}
