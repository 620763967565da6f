/**
 * Loops and `With`: `For ... To ... Step ... Next`, `For Each ... In ... Next`, `Do [While|Until]
 * ... Loop [While|Until]`, `While ... Wend`, `With ... End With`. A broken first line is reported and
 * the block still read, so that its closing word still closes it. VBScript's `Next` takes no name:
 * `Next i` is an error there (the `i` is reported as the end of statement that was expected).
 */
import type { Expression, Identifier, Statement } from "./ast.js";
import { MESSAGES } from "./messages.js";
import { NODE } from "./node.js";
import { Block, ParserBase } from "./parser-base.js";
import { BranchStatementParser } from "./branch-statements.js";
import { isNameKind, TokenKind } from "./token-kinds.js";

export abstract class LoopStatementParser extends BranchStatementParser {
  protected parseForStatement(): Statement {
    const t = this.t;
    const start = t.start;
    this.next();
    if (t.kind === TokenKind.Each) return this.parseForEachStatement(start);
    const counter = this.parseLoopVariable();
    let startValue: Expression;
    let endValue: Expression;
    let step: Expression | null = null;
    if (this.eat(TokenKind.Equals)) {
      startValue = this.parseExpression();
    } else {
      this.reportHere(MESSAGES.expectedEquals);
      startValue = this.errorExpression();
    }
    if (this.eat(TokenKind.To)) {
      endValue = this.parseExpression();
    } else {
      this.reportHere(MESSAGES.expectedTo);
      endValue = this.errorExpression();
    }
    if (this.eat(TokenKind.Step)) step = this.parseExpression();
    this.endHeader();
    const headerEnd = this.lastEnd;
    const body = this.parseLoopBody(Block.For);
    const closed = this.expectClosingWord(TokenKind.Next, MESSAGES.expectedNext);
    return this.finish({
      __proto__: NODE,
      type: "ForStatement",
      counter,
      start: startValue,
      end: endValue,
      step,
      body,
      range: [start, closed ? this.lastEnd : ParserBase.endOfBody(body, headerEnd)],
      parent: null,
    });
  }

  private parseForEachStatement(start: number): Statement {
    this.next();
    const element = this.parseLoopVariable();
    let collection: Expression;
    if (this.eat(TokenKind.In)) {
      collection = this.parseExpression();
    } else {
      this.reportHere(MESSAGES.expectedIn);
      collection = this.errorExpression();
    }
    this.endHeader();
    const headerEnd = this.lastEnd;
    const body = this.parseLoopBody(Block.For);
    const closed = this.expectClosingWord(TokenKind.Next, MESSAGES.expectedNext);
    return this.finish({
      __proto__: NODE,
      type: "ForEachStatement",
      element,
      collection,
      body,
      range: [start, closed ? this.lastEnd : ParserBase.endOfBody(body, headerEnd)],
      parent: null,
    });
  }

  /** The name a `For` loop counts with: a plain variable (not a member or element). */
  private parseLoopVariable(): Identifier {
    const t = this.t;
    if (!isNameKind(t.kind)) {
      this.reportHere(MESSAGES.expectedIdentifier);
      return this.finish({ __proto__: NODE, type: "Identifier", name: "", bracketed: false, range: [this.lastEnd, this.lastEnd], parent: null });
    }
    const name = this.parseName();
    if (t.kind === TokenKind.Dot || t.kind === TokenKind.LParen) {
      this.reportHere(MESSAGES.invalidForVariable);
      this.parseChain(name, false);
    }
    return name;
  }

  private parseLoopBody(block: Block): Statement[] {
    const body: Statement[] = [];
    this.openBlock(block);
    this.parseStatementList(body);
    this.closeBlock(block);
    return body;
  }

  protected parseDoStatement(): Statement {
    const t = this.t;
    const start = t.start;
    this.next();
    let testKind: "While" | "Until" | null = null;
    let testPosition: "Do" | "Loop" | null = null;
    let test: Expression | null = null;
    if (t.kind === TokenKind.While || t.kind === TokenKind.Until) {
      testKind = t.kind === TokenKind.While ? "While" : "Until";
      testPosition = "Do";
      this.next();
      test = this.parseExpression();
    }
    if (!this.atStatementEnd()) {
      this.reportHere(testKind === null ? MESSAGES.expectedWhileUntilOrEnd : MESSAGES.expectedEndOfStatement);
      this.skipToStatementEnd();
    }
    const headerEnd = this.lastEnd;
    const body = this.parseLoopBody(Block.Do);
    const closed = this.expectClosingWord(TokenKind.Loop, MESSAGES.expectedLoop);
    if (closed && !this.atStatementEnd() && t.kind !== TokenKind.While && t.kind !== TokenKind.Until && !this.closesOpenBlock()) {
      this.reportHere(MESSAGES.expectedWhileUntilOrEnd);
      this.skipToStatementEnd();
    }
    if (closed && (t.kind === TokenKind.While || t.kind === TokenKind.Until)) {
      if (testKind !== null) {
        // One test per loop: a second one is not the end of statement cscript expects.
        this.reportHere(MESSAGES.expectedEndOfStatement);
        this.skipToStatementEnd();
      } else {
        testKind = t.kind === TokenKind.While ? "While" : "Until";
        testPosition = "Loop";
        this.next();
        test = this.parseExpression();
      }
    }
    return this.finish({
      __proto__: NODE,
      type: "DoStatement",
      testKind,
      testPosition,
      test,
      body,
      range: [start, closed ? this.lastEnd : ParserBase.endOfBody(body, headerEnd)],
      parent: null,
    });
  }

  protected parseWhileStatement(): Statement {
    const start = this.t.start;
    this.next();
    const test = this.parseExpression();
    this.endHeader();
    const headerEnd = this.lastEnd;
    const body = this.parseLoopBody(Block.While);
    const closed = this.expectClosingWord(TokenKind.Wend, MESSAGES.expectedWend);
    return this.finish({ __proto__: NODE, type: "WhileStatement", test, body, range: [start, closed ? this.lastEnd : ParserBase.endOfBody(body, headerEnd)], parent: null });
  }

  protected parseWithStatement(): Statement {
    const start = this.t.start;
    this.next();
    const object = this.parseExpression();
    this.endHeader();
    const headerEnd = this.lastEnd;
    const body = this.parseLoopBody(Block.With);
    const closed = this.expectEndOf(TokenKind.With, MESSAGES.expectedWith);
    return this.finish({ __proto__: NODE, type: "WithStatement", object, body, range: [start, closed ? this.lastEnd : ParserBase.endOfBody(body, headerEnd)], parent: null });
  }
}
