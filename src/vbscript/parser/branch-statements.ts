/**
 * Branches: `If` as a block (`ElseIf`, `Else`, `End If`) or on one line (`If c Then s1 : s2 Else s3`),
 * and `Select Case` with its `Case` lists and `Case Else`.
 */
import type { CaseClause, ElseClause, ElseIfClause, Expression, Statement } from "./ast.js";
import { MESSAGES } from "./messages.js";
import { NODE } from "./node.js";
import { Block, ParserBase } from "./parser-base.js";
import { SimpleStatementParser } from "./simple-statements.js";
import { TokenKind } from "./token-kinds.js";

export abstract class BranchStatementParser extends SimpleStatementParser {
  protected parseIfStatement(): Statement {
    const t = this.t;
    const start = t.start;
    this.next();
    const test = this.parseExpression();
    if (!this.eat(TokenKind.Then)) {
      // Read on as a block, so that its `End If` still closes it.
      this.reportHere(MESSAGES.expectedThen);
      this.skipToLineEnd();
    }
    if (t.kind === TokenKind.NewLine || t.kind === TokenKind.EndOfInput) return this.parseBlockIf(start, test);
    return this.parseSingleLineIf(start, test);
  }

  private parseBlockIf(start: number, test: Expression): Statement {
    const t = this.t;
    const headerEnd = this.lastEnd;
    const consequent: Statement[] = [];
    const elseIfClauses: ElseIfClause[] = [];
    let elseClause: ElseClause | null = null;
    this.openBlock(Block.If);
    this.parseStatementList(consequent);
    for (;;) {
      if (t.kind === TokenKind.ElseIf && elseClause === null) {
        const clauseStart = t.start;
        this.next();
        const clauseTest = this.parseExpression();
        if (!this.eat(TokenKind.Then)) {
          this.reportHere(MESSAGES.expectedThen);
          this.skipToLineEnd();
        }
        const clauseHeaderEnd = this.lastEnd;
        const body: Statement[] = [];
        this.parseStatementList(body);
        elseIfClauses.push(
          this.finish({
            __proto__: NODE,
            type: "ElseIfClause",
            test: clauseTest,
            consequent: body,
            range: [clauseStart, ParserBase.endOfBody(body, clauseHeaderEnd)],
            parent: null,
          }),
        );
      } else if (t.kind === TokenKind.Else && elseClause === null) {
        // `Else If c Then` on one line starts an `If` block of its own, inside this `Else`: files
        // that close both with one `End If` lose this block's end, as in cscript.
        const clauseStart = t.start;
        this.next();
        const clauseHeaderEnd = this.lastEnd;
        const body: Statement[] = [];
        this.parseStatementList(body);
        elseClause = this.finish({ __proto__: NODE, type: "ElseClause", body, range: [clauseStart, ParserBase.endOfBody(body, clauseHeaderEnd)], parent: null });
      } else {
        break;
      }
    }
    this.closeBlock(Block.If);
    const closed = this.expectEndOf(TokenKind.If, MESSAGES.expectedIf);
    const last = elseClause ?? elseIfClauses[elseIfClauses.length - 1];
    const end = closed ? this.lastEnd : last !== undefined ? last.range[1] : ParserBase.endOfBody(consequent, headerEnd);
    return this.finish({ __proto__: NODE, type: "IfStatement", singleLine: false, test, consequent, elseIfClauses, elseClause, range: [start, end], parent: null });
  }

  private parseSingleLineIf(start: number, test: Expression): Statement {
    const t = this.t;
    const headerEnd = this.lastEnd;
    const consequent: Statement[] = [];
    this.parseSingleLineStatements(consequent, true);
    let elseClause: ElseClause | null = null;
    if (t.kind === TokenKind.Else) {
      const clauseStart = t.start;
      this.next();
      const body: Statement[] = [];
      this.parseSingleLineStatements(body, false);
      elseClause = this.finish({ __proto__: NODE, type: "ElseClause", body, range: [clauseStart, ParserBase.endOfBody(body, clauseStart + 4)], parent: null });
    }
    let end = elseClause?.range[1] ?? ParserBase.endOfBody(consequent, headerEnd);
    // `If a Then b End If` on one line: cscript's grammar takes the `End If` (so does Wine's).
    if (t.kind === TokenKind.End && this.peekToken().kind === TokenKind.If) {
      this.next();
      this.next();
      end = this.lastEnd;
    }
    return this.finish({ __proto__: NODE, type: "IfStatement", singleLine: true, test, consequent, elseIfClauses: [], elseClause, range: [start, end], parent: null });
  }

  protected parseSelectStatement(): Statement {
    const t = this.t;
    const start = t.start;
    this.next();
    let discriminant: Expression;
    if (this.eat(TokenKind.Case)) {
      discriminant = this.parseExpression();
    } else {
      this.reportHere(MESSAGES.expectedCase);
      discriminant = this.errorExpression();
    }
    this.endHeader();
    const headerEnd = this.lastEnd;
    this.openBlock(Block.Select);
    const cases: CaseClause[] = [];
    while (t.kind === TokenKind.NewLine || t.kind === TokenKind.Colon) this.next();
    if (t.kind !== TokenKind.Case && t.kind !== TokenKind.End && t.kind !== TokenKind.EndOfInput) {
      // Only blank lines and comments may come before the first `Case`: the statements are passed over.
      this.statementErrors = 0;
      this.reportHere(MESSAGES.expectedCase);
      const ignored: Statement[] = [];
      this.parseStatementList(ignored);
    }
    while (t.kind === TokenKind.Case) {
      const caseStart = t.start;
      this.next();
      this.statementErrors = 0;
      const tests: Expression[] = [];
      const isElse = this.eat(TokenKind.Else);
      if (!isElse) {
        do tests.push(this.parseExpression());
        while (this.eat(TokenKind.Comma));
      }
      // A statement may follow on the same line with no `:` (`Case 0 s = "Off"`): cscript reads it.
      const caseHeaderEnd = this.lastEnd;
      const body: Statement[] = [];
      this.parseStatementList(body);
      cases.push(this.finish({ __proto__: NODE, type: "CaseClause", isElse, tests, body, range: [caseStart, ParserBase.endOfBody(body, caseHeaderEnd)], parent: null }));
    }
    this.closeBlock(Block.Select);
    const closed = this.expectEndOf(TokenKind.Select, MESSAGES.expectedSelect);
    const end = closed ? this.lastEnd : cases.length > 0 ? cases[cases.length - 1]!.range[1] : headerEnd;
    return this.finish({ __proto__: NODE, type: "SelectStatement", discriminant, cases, range: [start, end], parent: null });
  }
}
