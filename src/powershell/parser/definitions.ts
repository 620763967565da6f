/**
 * Definitions: `function`/`filter`/`workflow`, `class` (properties, methods, constructors with
 * `: base(...)`), `enum`, `using`, and DSC `configuration` with the keyword statements inside it
 * (`Node ... { }`, resource blocks `File Copy { DestinationPath = ... }`).
 */
import type {
  AttributeAst,
  AttributeBaseAst,
  CommandElementAst,
  ConfigurationDefinitionAst,
  DynamicKeywordStatementAst,
  ExpressionAst,
  FunctionDefinitionAst,
  FunctionMemberAst,
  HashtableAst,
  MemberAst,
  ParameterAst,
  PropertyMemberAst,
  ScriptBlockExpressionAst,
  StatementAst,
  StringConstantExpressionAst,
  TypeConstraintAst,
  TypeDefinitionAst,
  UsingStatementAst,
} from "./ast.js";
import { ArgumentContext } from "./parser-base.js";
import { StatementParser } from "./statements.js";
import { Mode, type Token } from "./token.js";
import { hasTrait, TokenKind, TokenTrait } from "./token-kinds.js";
import { NODE } from "./node.js";

/** Tokens that cannot name a function. */
const NOT_A_FUNCTION_NAME = new Set([
  TokenKind.Pipe, TokenKind.LParen, TokenKind.LCurly, TokenKind.AtParen, TokenKind.AtCurly, TokenKind.RCurly, TokenKind.RParen,
  TokenKind.EndOfInput, TokenKind.Semi, TokenKind.Redirection, TokenKind.RedirectInStd, TokenKind.AndAnd, TokenKind.OrOr,
  TokenKind.Ampersand, TokenKind.Variable, TokenKind.SplattedVariable, TokenKind.HereStringExpandable, TokenKind.HereStringLiteral,
  TokenKind.StringLiteral, TokenKind.StringExpandable, TokenKind.NewLine,
]);

export abstract class DefinitionParser extends StatementParser {
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
  private functionParameterDeclarationRule(): { parameters: ParameterAst[] | null; errorEnd: number | null; rParen: Token | null } {
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

  // --- classes and enums ----------------------------------------------------------------------------

  protected classDefinitionRule(customAttributes: AttributeBaseAst[] | null, classToken: Token): StatementAst {
    this.skipNewlines();
    const name = this.simpleNameRule();
    if (name === null) {
      this.reportIncompleteInput(DefinitionParser.after(classToken), "MissingNameAfterKeyword", "A name is missing after 'class'.");
      return this.errorStatement(classToken.start, classToken.end);
    }
    this.skipNewlines();
    return this.inMode(Mode.Signature, () => {
      const baseTypes = this.baseTypeList();
      const lCurly = this.nextToken();
      if (lCurly.kind !== TokenKind.LCurly) {
        this.ungetToken(lCurly);
        const last = baseTypes[baseTypes.length - 1] ?? name;
        this.reportIncompleteInput(DefinitionParser.after(last), "MissingTypeBody", "The class's body, in braces, is missing.");
        return this.errorStatement(classToken.start, last.range[1], baseTypes);
      }
      let end = lCurly.end;
      const members: MemberAst[] = [];
      const nested: AttributeBaseAst[] = [];
      for (;;) {
        const { member, onError } = this.classMemberRule(name.value);
        if (member === null && onError === null) break;
        if (member !== null) {
          members.push(member);
          end = member.range[1];
        }
        if (onError !== null && onError.length > 0) {
          nested.push(...onError);
          end = onError[onError.length - 1]!.range[1];
        }
      }
      const rCurly = this.nextToken();
      if (rCurly.kind !== TokenKind.RCurly) {
        this.ungetToken(rCurly);
        this.reportUnclosed(DefinitionParser.after(lCurly), lCurly, "MissingEndCurlyBrace", "The class is missing its closing '}'.", rCurly);
      } else {
        end = rCurly.end;
      }
      const start = customAttributes !== null ? customAttributes[0]!.range[0] : classToken.start;
      const definition = this.typeDefinition("class", name, customAttributes, baseTypes, members, start, end);
      // As PowerShell: a member that failed leaves only what it read; types before `class` keep the class too.
      const types = (customAttributes ?? []).filter((a) => a.type === "TypeConstraintAst");
      if (types.length > 0) return this.errorStatement(start, end, [...nested, ...types, definition]);
      if (nested.length > 0) return this.errorStatement(start, end, nested);
      return definition;
    });
  }

  /** `: Base, IInterface` after a class name. */
  private baseTypeList(): TypeConstraintAst[] {
    const baseTypes: TypeConstraintAst[] = [];
    const colon = this.peekToken();
    if (colon.kind !== TokenKind.Colon) return baseTypes;
    this.skipToken();
    this.skipNewlines();
    let comma: Token | null = null;
    for (;;) {
      const typeName = this.typeNameRule(false);
      if (typeName === null) {
        this.reportIncompleteInput(DefinitionParser.after(comma ?? colon), "TypeNameExpected", "A type name is missing.");
        return baseTypes;
      }
      baseTypes.push(this.finish<TypeConstraintAst>({
        __proto__: NODE,
        type: "TypeConstraintAst",
        typeName,
        range: [typeName.range[0], typeName.range[1]],
        parent: null,
      }));
      this.skipNewlines();
      comma = this.peekToken();
      if (comma.kind !== TokenKind.Comma) return baseTypes;
      this.skipToken();
      this.skipNewlines();
    }
  }

  private classMemberRule(className: string): { member: MemberAst | null; onError: AttributeBaseAst[] | null } {
    const attributes: AttributeAst[] = [];
    let typeConstraint: TypeConstraintAst | null = null;
    let start: number | null = null;
    let staticToken: Token | null = null;
    let hiddenToken: Token | null = null;
    let lastModifier: { range: readonly [number, number] } | null = null;
    let token: Token;
    for (;;) {
      this.skipNewlines();
      const attribute = this.attributeRule();
      if (attribute !== null) {
        lastModifier = attribute;
        start ??= attribute.range[0];
        if (attribute.type === "AttributeAst") attributes.push(attribute);
        else if (typeConstraint === null) typeConstraint = attribute;
        else this.reportError(attribute, "TooManyTypes", "A class member may have only one type.");
        continue;
      }
      token = this.peekToken();
      start ??= token.start;
      if (token.kind === TokenKind.Public || token.kind === TokenKind.Private || token.kind === TokenKind.Hidden || token.kind === TokenKind.Static) {
        if (token.kind === TokenKind.Static) staticToken = token;
        if (token.kind === TokenKind.Hidden) hiddenToken = token;
        lastModifier = { range: [token.start, token.end] };
        this.skipToken();
        continue;
      }
      break;
    }
    const modifiers: AttributeBaseAst[] = [...attributes, ...(typeConstraint === null ? [] : [typeConstraint])];
    if (token.kind === TokenKind.Variable) {
      this.skipToken();
      let initialValue: ExpressionAst | null = null;
      if (this.peekToken().kind === TokenKind.Equals) {
        this.skipToken();
        this.skipNewlines();
        initialValue = this.expressionRule();
      }
      let end = initialValue === null ? token.end : (initialValue as ExpressionAst).range[1];
      const terminator = this.peekToken();
      if (terminator.kind !== TokenKind.NewLine && terminator.kind !== TokenKind.Semi && terminator.kind !== TokenKind.RCurly) {
        this.reportIncompleteInput({ range: [end, end] }, "MissingPropertyTerminator", "A class property must end its line, or be followed by ';'.");
      }
      this.skipNewlinesAndSemicolons();
      if (terminator.kind === TokenKind.Semi) end = terminator.end;
      if (token.text === "") return { member: null, onError: modifiers };
      const property = this.finish<PropertyMemberAst>({
        __proto__: NODE,
        type: "PropertyMemberAst",
        name: token.text,
        nameRange: [token.start, token.end],
        attributes,
        propertyType: typeConstraint,
        initialValue,
        isStatic: staticToken !== null,
        isHidden: hiddenToken !== null,
        range: [start, end],
        parent: null,
      });
      return { member: property, onError: null };
    }
    if (token.kind === TokenKind.Identifier || hasTrait(token.kind, TokenTrait.Keyword)) {
      this.skipToken();
      const method = this.methodDeclarationRule(token, className, staticToken !== null, start, attributes, typeConstraint, hiddenToken !== null);
      if (method === null) {
        this.syncOnError(false, TokenKind.RCurly);
        return { member: null, onError: modifiers };
      }
      return { member: method, onError: null };
    }
    if (lastModifier !== null) {
      this.reportIncompleteInput(DefinitionParser.after(lastModifier), "IncompleteMemberDefinition", "The class member is incomplete: a property ($name) or a method is missing.");
      return { member: null, onError: modifiers };
    }
    return { member: null, onError: null };
  }

  private methodDeclarationRule(
    nameToken: Token,
    className: string,
    isStatic: boolean,
    start: number,
    attributes: AttributeAst[],
    returnType: TypeConstraintAst | null,
    isHidden: boolean,
  ): FunctionMemberAst | null {
    let parameters: ParameterAst[] = [];
    let errorEnd: number | null = null;
    let rParen: Token | null = null;
    if (this.peekToken().kind === TokenKind.LParen) {
      const declared = this.functionParameterDeclarationRule();
      parameters = declared.parameters ?? [];
      errorEnd = declared.errorEnd;
      rParen = declared.rParen;
    } else {
      this.reportIncompleteInput(DefinitionParser.after(nameToken), "MissingMethodParameterList", "The method's parameter list, in parentheses, is missing.");
    }
    const isConstructor = nameToken.text.toLowerCase() === className.toLowerCase();
    let baseArguments: ExpressionAst[] | null = null;
    if (isConstructor && !isStatic) {
      this.skipNewlines();
      this.inMode(Mode.Signature, () => {
        const colon = this.peekToken();
        if (colon.kind !== TokenKind.Colon) return;
        this.skipToken();
        this.skipNewlines();
        const base = this.peekToken();
        if (base.kind !== TokenKind.Base) {
          errorEnd = colon.end;
          this.reportIncompleteInput(DefinitionParser.after(colon), "MissingBaseCtorCall", "'base(...)' is missing after ':'.");
          return;
        }
        this.skipToken();
        this.skipNewlines();
        const lParen = this.peekToken();
        if (lParen.kind !== TokenKind.LParen) {
          errorEnd = base.end;
          this.reportIncompleteInput(DefinitionParser.after(base), "MissingMethodParameterList", "The base constructor's arguments, in parentheses, are missing.");
          return;
        }
        this.skipToken();
        baseArguments = this.invokeParamParenListRule(lParen).argumentList;
        this.skipNewlines();
      });
    }
    const lCurly = this.nextToken();
    if (lCurly.kind !== TokenKind.LCurly) {
      this.ungetToken(lCurly);
      if (errorEnd === null) {
        errorEnd = (rParen ?? nameToken).end;
        this.reportIncompleteInput({ range: [errorEnd, errorEnd] }, "MissingFunctionBody", "The method's body, in braces, is missing.");
      }
    }
    if (errorEnd !== null) return null;
    const body = this.inMode(Mode.Command, () => this.scriptBlockRule(lCurly, false));
    return this.finish<FunctionMemberAst>({
      __proto__: NODE,
      type: "FunctionMemberAst",
      name: nameToken.text,
      nameRange: [nameToken.start, nameToken.end],
      attributes,
      returnType,
      parameters,
      body,
      isStatic,
      isHidden,
      isConstructor,
      baseArguments,
      range: [start, body.range[1]],
      parent: null,
    });
  }

  protected enumDefinitionRule(customAttributes: AttributeBaseAst[] | null, enumToken: Token): StatementAst {
    this.skipNewlines();
    const name = this.simpleNameRule();
    if (name === null) {
      this.reportIncompleteInput(DefinitionParser.after(enumToken), "MissingNameAfterKeyword", "A name is missing after 'enum'.");
      return this.errorStatement(enumToken.start, enumToken.end);
    }
    return this.inMode(Mode.Signature, () => {
      const baseTypes: TypeConstraintAst[] = [];
      const colon = this.peekToken();
      if (colon.kind === TokenKind.Colon) {
        this.skipToken();
        this.skipNewlines();
        const underlying = this.typeNameRule(false);
        if (underlying === null) this.reportIncompleteInput(DefinitionParser.after(colon), "TypeNameExpected", "The enum's underlying type is missing after ':'.");
        else baseTypes.push(this.finish<TypeConstraintAst>({
          __proto__: NODE,
          type: "TypeConstraintAst",
          typeName: underlying,
          range: [underlying.range[0], underlying.range[1]],
          parent: null,
        }));
      }
      this.skipNewlines();
      const lCurly = this.nextToken();
      if (lCurly.kind !== TokenKind.LCurly) {
        this.ungetToken(lCurly);
        this.reportIncompleteInput(DefinitionParser.after(name), "MissingTypeBody", "The enum's body, in braces, is missing.");
        return this.errorStatement(enumToken.start, name.range[1]);
      }
      let end = lCurly.end;
      const members: MemberAst[] = [];
      for (let member = this.enumMemberRule(); member !== null; member = this.enumMemberRule()) {
        members.push(member);
        end = member.range[1];
      }
      const rCurly = this.nextToken();
      if (rCurly.kind !== TokenKind.RCurly) {
        this.ungetToken(rCurly);
        this.reportUnclosed(DefinitionParser.after(lCurly), lCurly, "MissingEndCurlyBrace", "The enum is missing its closing '}'.", rCurly);
      } else {
        end = rCurly.end;
      }
      const start = customAttributes !== null ? customAttributes[0]!.range[0] : enumToken.start;
      const definition = this.typeDefinition("enum", name, customAttributes, baseTypes, members, start, end);
      const types = (customAttributes ?? []).filter((a) => a.type === "TypeConstraintAst");
      return types.length > 0 ? this.errorStatement(start, end, [...types, definition]) : definition;
    });
  }

  private enumMemberRule(): PropertyMemberAst | null {
    this.skipNewlines();
    const name = this.simpleNameRule();
    if (name === null) return null;
    let end = name.range[1];
    let initialValue: ExpressionAst | null = null;
    let missing = false;
    this.inMode(Mode.Expression, () => {
      const equals = this.peekToken();
      if (equals.kind !== TokenKind.Equals) return;
      this.skipToken();
      initialValue = this.expressionRule();
      if (initialValue === null) {
        this.reportError(DefinitionParser.after(equals), "ExpectedValueExpression", "A value is missing after '=' in the enum.");
        end = equals.end;
        missing = true;
      } else {
        end = (initialValue as ExpressionAst).range[1];
      }
    });
    const terminator = this.peekToken();
    if (terminator.kind !== TokenKind.NewLine && terminator.kind !== TokenKind.Semi && terminator.kind !== TokenKind.RCurly && !missing) {
      this.reportIncompleteInput({ range: [end, end] }, "MissingPropertyTerminator", "An enum member must end its line, or be followed by ';'.");
    }
    this.skipNewlinesAndSemicolons();
    if (terminator.kind === TokenKind.Semi) end = terminator.end;
    return this.finish<PropertyMemberAst>({
      __proto__: NODE,
      type: "PropertyMemberAst",
      name: name.value,
      nameRange: name.range,
      attributes: [],
      propertyType: null,
      initialValue,
      isStatic: true,
      isHidden: false,
      range: [name.range[0], end],
      parent: null,
    });
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

  private typeDefinition(
    typeAttributes: TypeDefinitionAst["typeAttributes"],
    name: StringConstantExpressionAst,
    customAttributes: readonly AttributeBaseAst[] | null,
    baseTypes: TypeDefinitionAst["baseTypes"],
    members: TypeDefinitionAst["members"],
    start: number,
    end: number,
  ): TypeDefinitionAst {
    return this.finish<TypeDefinitionAst>({
      __proto__: NODE,
      type: "TypeDefinitionAst",
      typeAttributes,
      name: name.value,
      nameRange: name.range,
      attributes: (customAttributes ?? []).filter((a): a is AttributeAst => a.type === "AttributeAst"),
      baseTypes,
      members,
      range: [start, end],
      parent: null,
    });
  }
}
