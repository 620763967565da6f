/**
 * Type names and attributes: `[string]`, `[System.Collections.Generic.Dictionary[string, int]]`,
 * `[byte[]]`, `[Parameter(Mandatory, Position = 0)]`, and the simple names members and attribute
 * arguments use.
 */
import type {
  ArrayTypeName,
  AttributeAst,
  AttributeBaseAst,
  ConstantExpressionAst,
  ExpressionAst,
  GenericTypeName,
  NamedAttributeArgumentAst,
  SimpleTypeName,
  StringConstantExpressionAst,
  TypeConstraintAst,
  TypeName,
} from "./ast.js";
import { ParserBase } from "./parser-base.js";
import { Mode, type Token } from "./token.js";
import { TokenKind } from "./token-kinds.js";
import { NODE } from "./node.js";

export abstract class TypeParser extends ParserBase {
  /** An identifier read as a name (member, attribute argument, class, enum): keywords are names here. */
  protected simpleNameRule(): StringConstantExpressionAst | null {
    let token: Token;
    this.tokenizer.wantSimpleName = true;
    try {
      token = this.peekToken();
    } finally {
      this.tokenizer.wantSimpleName = false;
    }
    if (token.kind !== TokenKind.Identifier) return null;
    this.skipToken();
    return this.finish<StringConstantExpressionAst>({
      __proto__: NODE,
      type: "StringConstantExpressionAst",
      value: token.text,
      stringConstantType: "BareWord",
      range: [token.start, token.end],
      parent: null,
    });
  }

  protected typeNameRule(allowAssemblyQualifiedNames: boolean): TypeName | null {
    return this.inMode(Mode.TypeName, () => {
      const token = this.nextToken();
      if (token.kind !== TokenKind.Identifier) {
        this.ungetToken(token);
        return null;
      }
      return this.finishTypeNameRule(token, false, allowAssemblyQualifiedNames);
    });
  }

  private simpleTypeName(token: Token, end = token.end, assembly?: string): SimpleTypeName {
    const name = token.text;
    return { kind: "TypeName", range: [token.start, end], name, fullName: assembly ? `${name},${assembly}` : name };
  }

  private finishTypeNameRule(typeToken: Token, unbracketedGenericArgument: boolean, allowAssemblyQualifiedNames = true): TypeName {
    const token = this.peekToken();
    if (token.kind === TokenKind.LBracket) {
      const lBracket = token;
      this.skipToken();
      this.skipNewlines();
      const first = this.nextToken();
      switch (first.kind) {
        case TokenKind.RBracket:
        case TokenKind.Comma: {
          const element = this.simpleTypeName(typeToken);
          return this.completeArrayTypeName(element, first, unbracketedGenericArgument);
        }
        case TokenKind.LBracket:
        case TokenKind.Identifier:
          return this.genericTypeNameRule(typeToken, first, unbracketedGenericArgument);
        default:
          if (first.kind !== TokenKind.EndOfInput) {
            this.reportError(first, "UnexpectedToken", `Unexpected token '${this.tokenText(first)}' in a type name.`);
            this.syncOnError(true, TokenKind.RBracket);
          } else {
            this.ungetToken(first);
            this.reportIncompleteInput(TypeParser.after(lBracket), "MissingTypename", "A type name is missing after '['.");
          }
          return this.simpleTypeName(typeToken);
      }
    }
    if (token.kind === TokenKind.Comma && allowAssemblyQualifiedNames && !unbracketedGenericArgument) {
      this.skipToken();
      const assembly = this.tokenizer.assemblyNameSpec();
      if (assembly.trim() === "") {
        this.reportError(TypeParser.after(token), "MissingAssemblyNameSpecification", "An assembly name is missing after the comma.");
        return this.simpleTypeName(typeToken);
      }
      return this.simpleTypeName(typeToken, this.tokenizer.restorePoint(), assembly);
    }
    return this.simpleTypeName(typeToken);
  }

  private genericArgument(first: Token): TypeName {
    if (first.kind === TokenKind.Identifier) return this.finishTypeNameRule(first, true);
    // `[Dictionary[[string], [int]]]`: a bracketed argument may be assembly-qualified.
    const token = this.nextToken();
    if (token.kind !== TokenKind.Identifier) {
      this.ungetToken(token);
      this.reportIncompleteInput(TypeParser.after(token), "MissingTypename", "A type name is missing.");
      return { kind: "TypeName", range: [first.start, first.end], name: ":ErrorTypeName:", fullName: ":ErrorTypeName:" };
    }
    const typeName = this.finishTypeNameRule(token, false);
    const rBracket = this.nextToken();
    if (rBracket.kind !== TokenKind.RBracket) {
      this.ungetToken(rBracket);
      this.reportIncompleteInput(TypeParser.before(rBracket), "EndSquareBracketExpectedAtEndOfType", "A ']' is missing at the end of the type name.");
    }
    return typeName;
  }

  /** `T1, T2]` of a generic type, the last token (normally `]`) returned as well. */
  protected genericTypeArgumentsRule(first: Token): { argumentTypes: TypeName[]; last: Token } {
    const argumentTypes = [this.genericArgument(first)];
    for (;;) {
      this.skipNewlines();
      const last = this.nextToken();
      if (last.kind !== TokenKind.Comma) return { argumentTypes, last };
      this.skipNewlines();
      const token = this.peekToken();
      if (token.kind === TokenKind.Identifier || token.kind === TokenKind.LBracket) {
        this.skipToken();
        argumentTypes.push(this.genericArgument(token));
      } else {
        this.reportIncompleteInput(TypeParser.after(last), "MissingTypename", "A type name is missing after the comma.");
        argumentTypes.push({ kind: "TypeName", range: [last.start, last.end], name: ":ErrorTypeName:", fullName: ":ErrorTypeName:" });
      }
    }
  }

  private genericTypeNameRule(typeToken: Token, first: Token, unbracketedGenericArgument: boolean): TypeName {
    const { argumentTypes, last } = this.genericTypeArgumentsRule(first);
    let end = argumentTypes[argumentTypes.length - 1]!.range[1];
    if (last.kind !== TokenKind.RBracket) {
      this.ungetToken(last);
      this.reportIncompleteInput(TypeParser.before(last), "EndSquareBracketExpectedAtEndOfAttribute", "A ']' is missing after the generic type's arguments.");
    } else {
      end = last.end;
    }
    const open = this.simpleTypeName(typeToken);
    const generic: GenericTypeName = {
      kind: "GenericTypeName",
      range: [typeToken.start, end],
      typeName: open,
      genericArguments: argumentTypes,
      fullName: `${open.fullName}[${argumentTypes.map((t) => t.fullName).join(",")}]`,
    };
    const token = this.peekToken();
    if (token.kind === TokenKind.LBracket) {
      this.skipToken();
      return this.completeArrayTypeName(generic, this.nextToken(), unbracketedGenericArgument);
    }
    if (token.kind === TokenKind.Comma && !unbracketedGenericArgument) {
      this.skipToken();
      if (this.tokenizer.assemblyNameSpec() === "") this.reportError(TypeParser.after(token), "MissingAssemblyNameSpecification", "An assembly name is missing after the comma.");
    }
    return generic;
  }

  /** After `[` that follows a type: `]` (one dimension), `,]` (more), repeated for arrays of arrays. */
  private completeArrayTypeName(element: TypeName, firstAfterBracket: Token, unbracketedGenericArgument: boolean): TypeName {
    let type = element;
    let first = firstAfterBracket;
    for (;;) {
      if (first.kind === TokenKind.Comma) {
        let rank = 1;
        let token = first;
        let lastComma = first;
        do {
          lastComma = token;
          rank++;
          token = this.nextToken();
        } while (token.kind === TokenKind.Comma);
        if (token.kind !== TokenKind.RBracket) {
          this.ungetToken(token);
          this.reportError(TypeParser.after(lastComma), "EndSquareBracketExpectedAtEndOfAttribute", "A ']' is missing after the array's dimensions.");
        }
        type = this.arrayTypeName(type, rank, token.kind === TokenKind.RBracket ? token.end : lastComma.end);
      } else if (first.kind === TokenKind.RBracket) {
        type = this.arrayTypeName(type, 1, first.end);
      } else if (first.kind === TokenKind.EndOfInput) {
        this.ungetToken(first);
        this.reportError(TypeParser.before(first), "EndSquareBracketExpectedAtEndOfAttribute", "A ']' is missing at the end of the type.");
      } else {
        this.reportError(first, "UnexpectedToken", `Unexpected token '${this.tokenText(first)}' in an array type.`);
        this.syncOnError(true, TokenKind.RBracket);
      }
      const token = this.peekToken();
      if (!unbracketedGenericArgument && token.kind === TokenKind.Comma) {
        this.skipToken();
        if (this.tokenizer.assemblyNameSpec() === "") this.reportError(TypeParser.after(token), "MissingAssemblyNameSpecification", "An assembly name is missing after the comma.");
        return type;
      }
      if (token.kind !== TokenKind.LBracket) return type;
      this.skipToken();
      first = this.nextToken();
    }
  }

  private arrayTypeName(element: TypeName, rank: number, end: number): ArrayTypeName {
    return { kind: "ArrayTypeName", range: [element.range[0], end], elementType: element, rank, fullName: `${element.fullName}[${",".repeat(rank - 1)}]` };
  }

  // --- attributes -----------------------------------------------------------------------------------

  /** Attributes and type constraints in a row; null when there is none. */
  protected attributeListRule(inExpressionMode: boolean): AttributeBaseAst[] | null {
    const attributes: AttributeBaseAst[] = [];
    let attribute = this.attributeRule();
    while (attribute !== null) {
      attributes.push(attribute);
      if (!inExpressionMode || attribute.type === "AttributeAst") this.skipNewlines();
      attribute = this.attributeRule();
    }
    return attributes.length === 0 ? null : attributes;
  }

  protected nextLBracket(): Token | null {
    if (this.ungot !== null) return this.ungot.kind === TokenKind.LBracket ? this.nextToken() : null;
    return this.tokenizer.lBracket();
  }

  /** `[Type]` (a type constraint) or `[Name(arguments)]` (an attribute). */
  protected attributeRule(): AttributeBaseAst | null {
    const lBracket = this.nextLBracket();
    if (lBracket === null) return null;
    this.skipNewlines();
    const typeName = this.typeNameRule(true);
    if (typeName === null) {
      this.resyncTo(lBracket.start);
      this.reportIncompleteInput(TypeParser.after(lBracket), "MissingTypename", "A type name is missing after '['.");
      return null;
    }
    const lParenOrRBracket = this.nextToken();
    if (lParenOrRBracket.kind === TokenKind.LParen) {
      this.skipNewlines();
      const positionalArguments: ExpressionAst[] = [];
      const namedArguments: NamedAttributeArgumentAst[] = [];
      let lastEnd = lParenOrRBracket.end;
      lastEnd = this.inMode(Mode.Expression, () => this.attributeArgumentsRule(positionalArguments, namedArguments, lastEnd));
      this.skipNewlines();
      let end = lastEnd;
      const rParen = this.nextToken();
      let closed = true;
      if (rParen.kind !== TokenKind.RParen) {
        this.ungetToken(rParen);
        closed = false;
        this.reportIncompleteInput({ range: [lastEnd, lastEnd] }, "MissingEndParenthesisInExpression", "A ')' is missing after the attribute's arguments.");
      } else {
        end = rParen.end;
      }
      this.skipNewlines();
      const rBracket = this.nextToken();
      if (rBracket.kind !== TokenKind.RBracket) {
        this.ungetToken(rBracket);
        if (closed) this.reportIncompleteInput(TypeParser.after(rParen), "EndSquareBracketExpectedAtEndOfAttribute", "A ']' is missing at the end of the attribute.");
      } else {
        end = rBracket.end;
      }
      return this.finish<AttributeAst>({
        __proto__: NODE,
        type: "AttributeAst",
        typeName,
        positionalArguments,
        namedArguments,
        range: [lBracket.start, end],
        parent: null,
      });
    }
    let end = typeName.range[1];
    if (lParenOrRBracket.kind !== TokenKind.RBracket) {
      this.ungetToken(lParenOrRBracket);
      this.reportError(TypeParser.before(lParenOrRBracket), "EndSquareBracketExpectedAtEndOfAttribute", "A ']' is missing at the end of the type.");
    } else {
      end = lParenOrRBracket.end;
    }
    return this.finish<TypeConstraintAst>({ __proto__: NODE, type: "TypeConstraintAst", typeName, range: [lBracket.start, end], parent: null });
  }

  /** `Mandatory`, `Position = 0`, `"positional"`: returns where the last one ended. */
  private attributeArgumentsRule(positional: ExpressionAst[], named: NamedAttributeArgumentAst[], lastEnd: number): number {
    const oldDisable = this.disableCommaOperator;
    const seen = new Set<string>();
    let comma: Token | null = null;
    this.disableCommaOperator = true;
    try {
      for (;;) {
        this.skipNewlines();
        const name = this.simpleNameRule();
        let expression: ExpressionAst | null;
        let omitted = false;
        if (name !== null) {
          const token = this.peekToken();
          if (token.kind === TokenKind.Equals) {
            this.skipToken();
            this.skipNewlines();
            expression = this.expressionRule();
            if (expression === null) {
              const place = TypeParser.after(token);
              this.reportIncompleteInput(place, "MissingExpressionInNamedArgument", "A value is missing after '=' in the attribute's named argument.");
              expression = this.errorExpression(place.range[0], place.range[1]);
              this.syncOnError(true, TokenKind.Comma, TokenKind.RParen, TokenKind.RBracket, TokenKind.NewLine);
            }
            lastEnd = expression.range[1];
          } else {
            expression = this.finish<ConstantExpressionAst>({
              __proto__: NODE,
              type: "ConstantExpressionAst",
              value: true,
              range: [name.range[0], name.range[1]],
              parent: null,
            });
            omitted = true;
          }
          if (seen.has(name.value.toLowerCase())) {
            this.reportError(name, "DuplicateNamedArgument", `The named argument '${name.value}' is given twice.`);
          } else {
            seen.add(name.value.toLowerCase());
            named.push(
              this.finish<NamedAttributeArgumentAst>({
                __proto__: NODE,
                type: "NamedAttributeArgumentAst",
                argumentName: name.value,
                argument: expression,
                expressionOmitted: omitted,
                range: [name.range[0], expression.range[1]],
                parent: null,
              }),
            );
          }
        } else {
          expression = this.expressionRule();
          if (expression !== null) {
            positional.push(expression);
            lastEnd = expression.range[1];
          } else if (comma !== null) {
            const place = TypeParser.after(comma);
            this.reportIncompleteInput(place, "MissingExpressionAfterToken", "A value is missing after ','.");
            positional.push(this.errorExpression(place.range[0], place.range[1]));
            lastEnd = place.range[1];
          }
        }
        this.skipNewlines();
        comma = this.peekToken();
        if (comma.kind !== TokenKind.Comma) return lastEnd;
        lastEnd = comma.end;
        this.skipToken();
      }
    } finally {
      this.disableCommaOperator = oldDisable;
    }
  }
}
