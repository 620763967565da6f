/**
 * Statements: the dispatch on a statement's first word, statement lists (lines and `:`s), and what a
 * list does with a word that closes a block. A list stops at a closing word some open block wants
 * (`Next` inside a `For`, `End Sub` inside a `Sub`, `Case` inside a `Select`), and the blocks between
 * report their own missing end there; a closing word no open block wants is an error of its own line.
 * Inside a procedure, a declaration (`Sub`, `Class`, `Private` ...) also stops the list, as does a
 * `Class` inside any block: the blocks around it lost their ends, and the declaration is read where it
 * belongs.
 */
import type { Statement } from "./ast.js";
import { DeclarationParser } from "./declarations.js";
import { MESSAGES } from "./messages.js";
import { Block } from "./parser-base.js";
import { isNameKind, TokenKind } from "./token-kinds.js";

export abstract class StatementParser extends DeclarationParser {
  /** A statement was read: `Option Explicit` may no longer come. */
  private sawStatement = false;

  protected parseStatementList(body: Statement[]): void {
    const t = this.t;
    for (;;) {
      this.statementErrors = 0;
      this.leftOpen = false;
      const kind = t.kind;
      if (kind === TokenKind.NewLine || kind === TokenKind.Colon) {
        this.next();
        continue;
      }
      if (kind === TokenKind.EndOfInput) return;
      if (this.isClosingWord(kind)) {
        if (this.isWanted(kind)) return;
        body.push(this.strayClosingWord());
        continue;
      }
      // Procedures may be declared inside a top-level block (`If False Then Sub S ... End Sub End If`),
      // not inside another procedure, and classes only at the top.
      if (this.procedure !== null ? this.startsDeclaration(kind) : kind === TokenKind.Class && this.insideBlock()) return;
      body.push(this.parseStatement());
      this.checkStatementEnd(body);
    }
  }

  protected parseSingleLineStatements(body: Statement[], stopAtElse: boolean): void {
    const t = this.t;
    for (;;) {
      this.statementErrors = 0;
      const kind = t.kind;
      if (kind === TokenKind.Colon) {
        this.next();
        continue;
      }
      if (kind === TokenKind.NewLine || kind === TokenKind.EndOfInput) return;
      if (kind === TokenKind.Else && stopAtElse) return;
      if (kind === TokenKind.End && this.peekToken().kind === TokenKind.If) return;
      body.push(this.parseStatement());
      const after = t.kind;
      if (after === TokenKind.Else && stopAtElse) return;
      if (after === TokenKind.End && this.peekToken().kind === TokenKind.If) return;
      this.checkStatementEnd(body);
    }
  }

  /**
   * The `End` of a procedure or class may follow a statement with no separator (`x = 1 End Sub`,
   * `Public x End Class`); the `End` of any other block may not (`x = 0 End If` is an error): both
   * checked by Wine's tests against Windows' own engine.
   */
  protected closesOpenBlock(): boolean {
    if (this.t.kind !== TokenKind.End) return false;
    const word = this.peekToken().kind;
    if (word === TokenKind.Sub || word === TokenKind.Function || word === TokenKind.Property) return this.procedure !== null;
    return word === TokenKind.Class && this.isOpen(Block.Class);
  }

  private insideBlock(): boolean {
    if (this.procedure !== null) return true;
    const open = this.openBlocks;
    for (let i = 0; i < open.length; i++) if (open[i]! > 0) return true;
    return false;
  }

  private startsDeclaration(kind: TokenKind): boolean {
    switch (kind) {
      case TokenKind.Sub:
      case TokenKind.Function:
      case TokenKind.Class:
      case TokenKind.Private:
      case TokenKind.Public:
        return true;
      case TokenKind.Property:
        return this.startsPropertyDeclaration();
      default:
        return false;
    }
  }

  private isClosingWord(kind: TokenKind): boolean {
    switch (kind) {
      case TokenKind.End:
      case TokenKind.Next:
      case TokenKind.Loop:
      case TokenKind.Wend:
      case TokenKind.Else:
      case TokenKind.ElseIf:
      case TokenKind.Case:
        return true;
      default:
        return false;
    }
  }

  /** A closing word that a block open around this statement is waiting for. */
  private isWanted(kind: TokenKind): boolean {
    switch (kind) {
      case TokenKind.Next:
        return this.isOpen(Block.For);
      case TokenKind.Loop:
        return this.isOpen(Block.Do);
      case TokenKind.Wend:
        return this.isOpen(Block.While);
      case TokenKind.Else:
      case TokenKind.ElseIf:
        return this.isOpen(Block.If);
      case TokenKind.Case:
        return this.isOpen(Block.Select);
      default:
        // Any `End` when a block closed by `End` is open: the innermost one reports a wrong word
        // (`End Function` in a `Sub` is "Expected 'Sub'", as in cscript).
        return this.isOpen(Block.If) || this.isOpen(Block.Select) || this.isOpen(Block.With) || this.procedure !== null || this.isOpen(Block.Class);
    }
  }

  /** `Next` with no `For` open, `End If` with no `If`, ...: an error statement for the word. */
  private strayClosingWord(): Statement {
    const t = this.t;
    const start = t.start;
    const kind = t.kind;
    const message = kind === TokenKind.Next ? MESSAGES.unexpectedNext : kind === TokenKind.Loop ? MESSAGES.loopWithoutDo : MESSAGES.expectedStatement;
    this.report(message, start, t.end);
    this.next();
    // `End If`: the word after `End` goes with it; whatever follows `Loop While`, `Case`, ... too.
    if (kind !== TokenKind.Else) this.skipToStatementEnd();
    return this.errorStatement(start, this.lastEnd);
  }

  protected parseStatement(): Statement {
    if (!this.enter()) {
      const start = this.t.start;
      return this.errorStatement(start, this.skipToLineEnd());
    }
    const first = !this.sawStatement;
    this.sawStatement = true;
    try {
      return this.statement(first);
    } finally {
      this.leave();
    }
  }

  /** `first`: no statement came before this one in the program. */
  private statement(first: boolean): Statement {
    const t = this.t;
    const start = t.start;
    switch (t.kind) {
      case TokenKind.Dim:
        this.next();
        return this.parseDimList(start, "Dim");
      case TokenKind.ReDim:
        return this.parseReDimStatement();
      case TokenKind.Const:
        return this.parseConstStatement(start, null);
      case TokenKind.Erase:
        return this.parseEraseStatement();
      case TokenKind.Set:
        return this.parseSetStatement();
      case TokenKind.Let:
        return this.parseLetStatement();
      case TokenKind.Call:
        return this.parseCallStatement();
      case TokenKind.If:
        return this.parseIfStatement();
      case TokenKind.Select:
        return this.parseSelectStatement();
      case TokenKind.For:
        return this.parseForStatement();
      case TokenKind.Do:
        return this.parseDoStatement();
      case TokenKind.While:
        return this.parseWhileStatement();
      case TokenKind.With:
        return this.parseWithStatement();
      case TokenKind.Exit:
        return this.parseExitStatement();
      case TokenKind.On:
        return this.parseOnErrorStatement();
      case TokenKind.Option:
        return this.parseOptionStatement(first);
      case TokenKind.Stop:
        return this.parseStopStatement();
      case TokenKind.Sub:
      case TokenKind.Function:
        return this.parseProcedure(start, null, false);
      case TokenKind.Class:
        return this.parseClassDeclaration();
      case TokenKind.Private:
      case TokenKind.Public:
        return this.parseVisibilityStatement();
      case TokenKind.Property:
        if (this.startsPropertyDeclaration()) return this.parseProcedure(start, null, false);
        return this.parseAssignmentOrCall();
      case TokenKind.Me:
      case TokenKind.SpacedDot:
        return this.parseAssignmentOrCall();
      default:
        if (isNameKind(t.kind)) return this.parseAssignmentOrCall();
        // A character VBScript has no use for was reported by the tokenizer already.
        if (t.kind !== TokenKind.Unknown) this.reportHere(MESSAGES.expectedStatement);
        return this.errorStatement(start, this.skipToStatementEnd());
    }
  }
}
