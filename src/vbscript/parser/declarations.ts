/**
 * Declarations at script or class level: `Private`/`Public` (variables, constants, procedures,
 * `Public Default`), `Sub`, `Function`, `Property Get|Let|Set` with their parameters, and `Class`
 * with its members.
 */
import type { Identifier, Parameter, Statement, Visibility } from "./ast.js";
import { LoopStatementParser } from "./loop-statements.js";
import { MESSAGES } from "./messages.js";
import { NODE } from "./node.js";
import { Block, ParserBase } from "./parser-base.js";
import { isNameKind, TokenKind } from "./token-kinds.js";

export abstract class DeclarationParser extends LoopStatementParser {
  /** `Private ...` or `Public ...`: variables, a constant or a procedure. */
  protected parseVisibilityStatement(): Statement {
    const t = this.t;
    const start = t.start;
    const visibility: Visibility = t.kind === TokenKind.Private ? "Private" : "Public";
    this.next();
    let isDefault = false;
    if (t.kind === TokenKind.Default) {
      if (visibility !== "Public") this.reportHere(MESSAGES.defaultNeedsPublic);
      isDefault = true;
      this.next();
    }
    switch (t.kind) {
      case TokenKind.Sub:
      case TokenKind.Function:
      case TokenKind.Property:
        return this.parseProcedure(start, visibility, isDefault);
      case TokenKind.Const:
        return this.parseConstStatement(start, visibility);
      default:
        if (isNameKind(t.kind) && !isDefault) return this.parseDimList(start, visibility);
        this.reportHere(MESSAGES.expectedIdentifier);
        return this.errorStatement(start, this.lastEnd);
    }
  }

  /** At `Property`: a declaration when `Get`, `Let` or `Set` follows (else `Property` is a name). */
  protected startsPropertyDeclaration(): boolean {
    const following = this.peekToken();
    return following.kind === TokenKind.Let || following.kind === TokenKind.Set || (following.kind === TokenKind.Identifier && following.value.toLowerCase() === "get");
  }

  /** `Sub`, `Function` or `Property Get|Let|Set`, from its keyword to its `End`. */
  protected parseProcedure(start: number, visibility: Visibility, isDefault: boolean): Statement {
    const t = this.t;
    const keyword = t.kind;
    this.next();
    let accessor: "Get" | "Let" | "Set" = "Get";
    if (keyword === TokenKind.Property) {
      // Properties belong to classes.
      if (!this.isOpen(Block.Class)) this.report(MESSAGES.mustBeInsideClass, start, this.lastEnd);
      if (t.kind === TokenKind.Let || t.kind === TokenKind.Set) {
        accessor = t.kind === TokenKind.Let ? "Let" : "Set";
        this.next();
      } else if (t.kind === TokenKind.Identifier && t.value.toLowerCase() === "get") {
        this.next();
      } else {
        this.reportHere(MESSAGES.expectedLetSetGet);
      }
    }
    const name = this.parseDeclaredName();
    const params: Parameter[] = [];
    const parenthesized = t.kind === TokenKind.LParen;
    if (this.eat(TokenKind.LParen)) {
      if (t.kind !== TokenKind.RParen) {
        do {
          const parameter = this.parseParameter();
          if (parameter === null) break;
          params.push(parameter);
        } while (this.eat(TokenKind.Comma));
      }
      if (!this.eat(TokenKind.RParen)) this.reportHere(MESSAGES.expectedCloseParen);
    }
    if (keyword === TokenKind.Property && accessor !== "Get") {
      if (isDefault) this.report(MESSAGES.defaultOnlyOnGet, start, name.range[1]);
      if (params.length === 0) this.report(MESSAGES.letSetNeedsArgument, name.range[0], this.lastEnd);
    }
    // After a parameter list the body may start on the same line (`Sub S() x = 1 End Sub`).
    if (!parenthesized) this.endHeader();
    const headerEnd = this.lastEnd;

    const block = keyword === TokenKind.Sub ? Block.Sub : keyword === TokenKind.Function ? Block.Function : Block.Property;
    const outer = this.procedure;
    // A procedure declared inside a top-level `If` or `For` is not inside them: `Exit For` or a stray
    // `Next` in its body is judged on its own blocks.
    const outerBlocks = this.openBlocks.slice();
    this.openBlocks.fill(0);
    this.procedure = block;
    this.openBlock(block);
    const body: Statement[] = [];
    this.parseStatementList(body);
    this.openBlocks.set(outerBlocks);
    this.procedure = outer;
    const wrongWord = keyword === TokenKind.Sub ? MESSAGES.expectedSub : keyword === TokenKind.Function ? MESSAGES.expectedFunction : MESSAGES.expectedProperty;
    const closed = this.expectEndOf(keyword, wrongWord);
    const range: [number, number] = [start, closed ? this.lastEnd : ParserBase.endOfBody(body, headerEnd)];
    if (keyword === TokenKind.Property) {
      return this.finish({ __proto__: NODE, type: "PropertyDeclaration", accessor, visibility, isDefault, name, params, body, range, parent: null });
    }
    const type = keyword === TokenKind.Sub ? "SubDeclaration" : "FunctionDeclaration";
    return this.finish({ __proto__: NODE, type, visibility, isDefault, name, params, body, range, parent: null });
  }

  /** The name a declaration gives, or an empty one where it is missing. */
  private parseDeclaredName(): Identifier {
    const t = this.t;
    if (isNameKind(t.kind)) return this.parseName();
    this.reportHere(MESSAGES.expectedIdentifier);
    return this.finish({ __proto__: NODE, type: "Identifier", name: "", bracketed: false, range: [this.lastEnd, this.lastEnd], parent: null });
  }

  /** `[ByVal|ByRef] name[()]`. */
  private parseParameter(): Parameter | null {
    const t = this.t;
    const start = t.start;
    let passing: "ByVal" | "ByRef" | null = null;
    if (t.kind === TokenKind.ByVal || t.kind === TokenKind.ByRef) {
      passing = t.kind === TokenKind.ByVal ? "ByVal" : "ByRef";
      this.next();
    }
    if (!isNameKind(t.kind)) {
      this.reportHere(MESSAGES.expectedIdentifier);
      return null;
    }
    const name = this.parseName();
    let isArray = false;
    if (t.kind === TokenKind.LParen) {
      this.next();
      if (!this.eat(TokenKind.RParen)) this.reportHere(MESSAGES.expectedCloseParen);
      isArray = true;
    }
    return this.finish({ __proto__: NODE, type: "Parameter", passing, name, isArray, range: [start, this.lastEnd], parent: null });
  }

  /** `Class name` ... `End Class`: variables, constants and procedures only. */
  protected parseClassDeclaration(): Statement {
    const t = this.t;
    const start = t.start;
    this.next();
    const name = this.parseDeclaredName();
    this.endHeader();
    const headerEnd = this.lastEnd;
    this.openBlock(Block.Class);
    const body: Statement[] = [];
    const defaults: Statement[] = [];
    for (;;) {
      this.statementErrors = 0;
      this.leftOpen = false;
      const kind = t.kind;
      if (kind === TokenKind.NewLine || kind === TokenKind.Colon) {
        this.next();
        continue;
      }
      if (kind === TokenKind.End || kind === TokenKind.EndOfInput || kind === TokenKind.Class) break;
      let member: Statement;
      if (kind === TokenKind.Private || kind === TokenKind.Public) {
        member = this.parseVisibilityStatement();
      } else if (kind === TokenKind.Dim) {
        const start = t.start;
        this.next();
        member = this.parseDimList(start, "Dim");
      } else if (kind === TokenKind.Sub || kind === TokenKind.Function || kind === TokenKind.Property) {
        member = this.parseProcedure(t.start, null, false);
      } else if (kind === TokenKind.Const) {
        member = this.parseConstStatement(t.start, null);
      } else {
        // cscript reads a class to its `End Class`: anything else stops it there.
        const errorStart = t.start;
        this.reportHere(MESSAGES.expectedEnd);
        member = this.errorStatement(errorStart, this.skipToLineEnd());
      }
      body.push(member);
      this.checkMember(member, defaults);
      this.checkStatementEnd(body);
    }
    this.closeBlock(Block.Class);
    const closed = this.expectEndOf(TokenKind.Class, MESSAGES.expectedClass);
    return this.finish({ __proto__: NODE, type: "ClassDeclaration", name, body, range: [start, closed ? this.lastEnd : ParserBase.endOfBody(body, headerEnd)], parent: null });
  }

  /** What VBScript checks of a class member once read: one default member, no arguments to `Class_Initialize`. */
  private checkMember(member: Statement, defaults: Statement[]): void {
    if (member.type !== "SubDeclaration" && member.type !== "FunctionDeclaration" && member.type !== "PropertyDeclaration") return;
    if (member.isDefault) {
      if (defaults.length > 0) this.report(MESSAGES.multipleDefaults, member.name.range[0], member.name.range[1]);
      defaults.push(member);
    }
    const name = member.name.name.toLowerCase();
    if (member.type === "SubDeclaration" && (name === "class_initialize" || name === "class_terminate") && member.params.length > 0) {
      this.report(MESSAGES.initializeTakesNoArguments, member.params[0]!.range[0], member.params[member.params.length - 1]!.range[1]);
    }
  }
}
