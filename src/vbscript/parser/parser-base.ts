/**
 * The parser's footing: the token pulled from the tokenizer, node finishing (parents set through
 * `forEachChild`), errors collected with VBScript's own messages and never thrown, the blocks open
 * around the statement being read (so that a missing `End If` can be reported where cscript reports
 * it, and the enclosing block still finds its own end), and a guard against nesting deeper than the
 * stack allows. The grammar lives in the classes built on this one, each on the one before:
 * expressions.ts, simple-statements.ts, branch-statements.ts, loop-statements.ts,
 * declarations.ts, statements.ts.
 */
import type { ErrorExpression, ErrorStatement, Expression, Node, ParseError, Statement } from "./ast.js";
import { forEachChild } from "./children.js";
import type { ErrorMessage } from "./messages.js";
import { MESSAGES } from "./messages.js";
import { NODE, type NodeFields } from "./node.js";
import type { LineIndex } from "../../text/line-index.js";
import { TokenKind } from "./token-kinds.js";
import { Tokenizer } from "./tokenizer.js";

/** The node `finish` gives its children: one function, not a closure per node. */
let adopting: Node;
const adopt = (child: Node): void => {
  child.parent = adopting;
};

/** The blocks a statement can be inside, each closed by its own words. */
export const enum Block {
  If,
  Select,
  For,
  Do,
  While,
  With,
  Sub,
  Function,
  Property,
  Class,
}
const BLOCK_KINDS = 10;

/**
 * Deeper than any real script nests, and well within the JS stack: a statement, a unary operator and
 * a parenthesis count one each.
 */
const MAX_NESTING = 300;

export abstract class ParserBase {
  protected readonly t: Tokenizer;
  readonly errors: ParseError[] = [];
  /** The end of the last token consumed: where a node finished now ends. */
  protected lastEnd = 0;
  /** How many blocks of each kind are open around the current statement. */
  protected readonly openBlocks = new Int32Array(BLOCK_KINDS);
  /** The procedure being read (`Sub`, `Function`, `Property`), for `Exit`. */
  protected procedure: Block | null = null;
  /** Errors in the current statement: after the first, what follows on its line is not reported again. */
  protected statementErrors = 0;
  /**
   * A block just read did not find its closing words: the token after it closes an enclosing block or
   * starts a declaration, and is not junk after the statement.
   */
  protected leftOpen = false;
  private nesting = 0;
  private reportedTooDeep = false;

  constructor(
    protected readonly text: string,
    protected readonly lines: LineIndex,
    html: boolean,
  ) {
    this.t = new Tokenizer(text, lines, (error, start, end) => this.report(error, start, end), html);
  }

  // --- rules the other layers provide --------------------------------------------------------------

  protected abstract parseExpression(): Expression;
  /** Statements up to a word that ends a block someone opened (or the text's end). */
  protected abstract parseStatementList(body: Statement[]): void;
  /** The statements after `Then`/`Else` of a one-line `If`, up to `Else` or the line's end. */
  protected abstract parseSingleLineStatements(body: Statement[], stopAtElse: boolean): void;
  /** The current token is an `End` that may close a block right after a statement (statements.ts). */
  protected abstract closesOpenBlock(): boolean;

  // --- tokens ---------------------------------------------------------------------------------------

  protected next(): void {
    this.lastEnd = this.t.end;
    this.t.next();
  }

  /** Is the current token `kind`? (A method, so that TypeScript does not narrow `t.kind` across `next()`.) */
  protected at(kind: TokenKind): boolean {
    return this.t.kind === kind;
  }

  protected eat(kind: TokenKind): boolean {
    if (this.t.kind !== kind) return false;
    this.next();
    return true;
  }

  /** The line (or `:`-separated statement) ends here. */
  protected atStatementEnd(): boolean {
    const kind = this.t.kind;
    return kind === TokenKind.NewLine || kind === TokenKind.Colon || kind === TokenKind.EndOfInput;
  }

  /** Passes over tokens to the end of the statement; returns where the last one passed ended. */
  protected skipToStatementEnd(): number {
    let end = this.t.start;
    while (!this.atStatementEnd()) {
      end = this.t.end;
      this.next();
    }
    return end;
  }

  /** Passes over tokens to the end of the line (a statement whose start was lost may hold `:`s). */
  protected skipToLineEnd(): number {
    let end = this.t.start;
    while (this.t.kind !== TokenKind.NewLine && this.t.kind !== TokenKind.EndOfInput) {
      end = this.t.end;
      this.next();
    }
    return end;
  }

  /** The token after the current one, without moving. */
  protected peekToken(): { kind: TokenKind; start: number; end: number; value: string } {
    const state = this.t.save();
    this.t.next();
    const token = { kind: this.t.kind, start: this.t.start, end: this.t.end, value: this.t.value };
    this.t.restore(state);
    return token;
  }

  /**
   * After a statement: anything but a line end or `:` is reported, and passed over as an error
   * statement. The `End` of an open procedure or class may follow directly (`x = 1 End Sub`,
   * `Public x End Class`): VBScript reads it.
   */
  protected checkStatementEnd(body: Statement[]): void {
    if (this.leftOpen) {
      this.leftOpen = false;
      return;
    }
    if (this.atStatementEnd() || this.closesOpenBlock()) return;
    const start = this.t.start;
    this.reportHere(MESSAGES.expectedEndOfStatement);
    body.push(this.errorStatement(start, this.skipToStatementEnd()));
  }

  /**
   * After a block's first line (`For ...`, `Sub f(x)`): the same check, the junk passed over up to an
   * `End`, which may close the block on the same line (`Class C End Class`).
   */
  protected endHeader(): void {
    if (this.atStatementEnd()) return;
    this.reportHere(MESSAGES.expectedEndOfStatement);
    while (!this.atStatementEnd() && this.t.kind !== TokenKind.End) this.next();
  }

  /**
   * `End <word>` closing a block: consumed when it is there. Otherwise reported as cscript does,
   * `wrongWord` ("Expected 'If'") at the word after an `End` that closes something else, "Expected
   * 'End'" anywhere else, and left for the enclosing block.
   */
  protected expectEndOf(word: TokenKind, wrongWord: ErrorMessage): boolean {
    const t = this.t;
    if (t.kind === TokenKind.End) {
      const following = this.peekToken();
      if (following.kind === word) {
        this.next();
        this.next();
        return true;
      }
      this.report(wrongWord, following.start, following.end);
      this.leftOpen = true;
      return false;
    }
    this.report(MESSAGES.expectedEnd, t.start, t.kind === TokenKind.EndOfInput ? t.start : t.end);
    this.leftOpen = true;
    return false;
  }

  /** A missing `Next`, `Loop` or `Wend`, reported at the token found instead. */
  protected expectClosingWord(word: TokenKind, missing: ErrorMessage): boolean {
    if (this.eat(word)) return true;
    const t = this.t;
    this.report(missing, t.start, t.kind === TokenKind.EndOfInput ? t.start : t.end);
    this.leftOpen = true;
    return false;
  }

  /** Where a block that lost its closing words ends: its last statement, or its first line. */
  protected static endOfBody(body: readonly Statement[], headerEnd: number): number {
    return body.length > 0 ? Math.max(headerEnd, body[body.length - 1]!.range[1]) : headerEnd;
  }

  // --- nodes ----------------------------------------------------------------------------------------

  /**
   * Gives `node`'s children their parent. Nodes are finished children first, so the last node to take
   * a child (an error node adopting what a broken statement read) is its parent in the tree.
   */
  protected finish<T extends Node>(fields: NodeFields<T>): T {
    const node = fields as unknown as T;
    adopting = node;
    forEachChild(node, adopt);
    return node;
  }

  protected errorStatement(start: number, end: number, nested: readonly (Node | null | undefined)[] = []): ErrorStatement {
    return this.finish<ErrorStatement>({
      __proto__: NODE,
      type: "ErrorStatement",
      nested: nested.filter((node): node is Node => node != null),
      range: [start, Math.max(start, end)],
      parent: null,
    });
  }

  /**
   * A missing or broken operand: by default empty, right after the last token read (so that it stays
   * inside the nodes around it), or over the tokens read for it from `start`.
   */
  protected errorExpression(start = this.lastEnd): ErrorExpression {
    return this.finish<ErrorExpression>({ __proto__: NODE, type: "ErrorExpression", range: [start, this.lastEnd], parent: null });
  }

  // --- errors ---------------------------------------------------------------------------------------

  protected report(error: ErrorMessage, start: number, end: number): void {
    this.statementErrors++;
    // The same error comes twice only when a look-ahead scanned its token before: it is among the last.
    const errors = this.errors;
    for (let i = errors.length - 1; i >= 0 && i >= errors.length - 4; i--) {
      if (errors[i]!.range[0] === start && errors[i]!.message === error.message) return;
    }
    this.errors.push({
      message: error.message,
      code: error.code,
      range: [start, end],
      loc: { start: this.lines.positionAt(start), end: this.lines.positionAt(end) },
    });
  }

  /** Reports at the current token, unless the statement already has an error. */
  protected reportHere(error: ErrorMessage): void {
    if (this.statementErrors === 0) this.report(error, this.t.start, this.t.end);
  }

  /** `Expected expression` (or the error already made) and an empty operand where one was expected. */
  protected missingExpression(): Expression {
    this.reportHere(MESSAGES.expectedExpression);
    return this.errorExpression();
  }

  // --- blocks and nesting ---------------------------------------------------------------------------

  protected openBlock(block: Block): void {
    this.openBlocks[block]!++;
  }

  protected closeBlock(block: Block): void {
    this.openBlocks[block]!--;
  }

  protected isOpen(block: Block): boolean {
    return this.openBlocks[block]! > 0;
  }

  /**
   * Counts one level of nesting for a recursive rule. Past the limit the rest of the line is passed
   * over with one error, instead of overflowing the stack.
   */
  protected enter(): boolean {
    if (this.nesting >= MAX_NESTING) {
      if (!this.reportedTooDeep) {
        this.reportedTooDeep = true;
        this.report(MESSAGES.tooDeep, this.t.start, this.t.end);
      }
      return false;
    }
    this.nesting++;
    return true;
  }

  protected leave(): void {
    this.nesting--;
  }
}
