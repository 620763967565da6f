/**
 * Classes and enums: `class` with its base types, properties, methods and constructors with
 * `: base(...)`, and `enum` with its underlying type and members.
 */
import type {
  AttributeAst,
  AttributeBaseAst,
  ExpressionAst,
  FunctionMemberAst,
  MemberAst,
  ParameterAst,
  PropertyMemberAst,
  StatementAst,
  StringConstantExpressionAst,
  TypeConstraintAst,
  TypeDefinitionAst,
} from "./ast.js";
import { DefinitionParser } from "./definitions.js";
import { Mode, type Token } from "./token.js";
import { hasTrait, TokenKind, TokenTrait } from "./token-kinds.js";
import { NODE } from "./node.js";

export abstract class TypeDefinitionParser extends DefinitionParser {
  protected classDefinitionRule(customAttributes: AttributeBaseAst[] | null, classToken: Token): StatementAst {
    this.skipNewlines();
    const name = this.simpleNameRule();
    if (name === null) {
      this.reportIncompleteInput(TypeDefinitionParser.after(classToken), "MissingNameAfterKeyword", "A name is missing after 'class'.");
      return this.errorStatement(classToken.start, classToken.end);
    }
    this.skipNewlines();
    return this.inMode(Mode.Signature, () => {
      const baseTypes = this.baseTypeList();
      const lCurly = this.nextToken();
      if (lCurly.kind !== TokenKind.LCurly) {
        this.ungetToken(lCurly);
        const last = baseTypes[baseTypes.length - 1] ?? name;
        this.reportIncompleteInput(TypeDefinitionParser.after(last), "MissingTypeBody", "The class's body, in braces, is missing.");
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
        this.reportUnclosed(TypeDefinitionParser.after(lCurly), lCurly, "MissingEndCurlyBrace", "The class is missing its closing '}'.", rCurly);
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
        this.reportIncompleteInput(TypeDefinitionParser.after(comma ?? colon), "TypeNameExpected", "A type name is missing.");
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
      this.reportIncompleteInput(TypeDefinitionParser.after(lastModifier), "IncompleteMemberDefinition", "The class member is incomplete: a property ($name) or a method is missing.");
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
      this.reportIncompleteInput(TypeDefinitionParser.after(nameToken), "MissingMethodParameterList", "The method's parameter list, in parentheses, is missing.");
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
          this.reportIncompleteInput(TypeDefinitionParser.after(colon), "MissingBaseCtorCall", "'base(...)' is missing after ':'.");
          return;
        }
        this.skipToken();
        this.skipNewlines();
        const lParen = this.peekToken();
        if (lParen.kind !== TokenKind.LParen) {
          errorEnd = base.end;
          this.reportIncompleteInput(TypeDefinitionParser.after(base), "MissingMethodParameterList", "The base constructor's arguments, in parentheses, are missing.");
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
      this.reportIncompleteInput(TypeDefinitionParser.after(enumToken), "MissingNameAfterKeyword", "A name is missing after 'enum'.");
      return this.errorStatement(enumToken.start, enumToken.end);
    }
    return this.inMode(Mode.Signature, () => {
      const baseTypes: TypeConstraintAst[] = [];
      const colon = this.peekToken();
      if (colon.kind === TokenKind.Colon) {
        this.skipToken();
        this.skipNewlines();
        const underlying = this.typeNameRule(false);
        if (underlying === null) this.reportIncompleteInput(TypeDefinitionParser.after(colon), "TypeNameExpected", "The enum's underlying type is missing after ':'.");
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
        this.reportIncompleteInput(TypeDefinitionParser.after(name), "MissingTypeBody", "The enum's body, in braces, is missing.");
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
        this.reportUnclosed(TypeDefinitionParser.after(lCurly), lCurly, "MissingEndCurlyBrace", "The enum is missing its closing '}'.", rCurly);
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
        this.reportError(TypeDefinitionParser.after(equals), "ExpectedValueExpression", "A value is missing after '=' in the enum.");
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
