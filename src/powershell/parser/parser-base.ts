/**
 * The parser's footing: one token of lookahead pulled from the modal tokenizer (a mode change scans
 * the lookahead again), node finishing with ranges and locations, and errors collected, never thrown,
 * as PowerShell's own parser does. The grammar rules live in the classes built on this one, each on
 * the one before: types.ts, member-access.ts, primary-expressions.ts, expressions.ts, commands.ts,
 * pipelines.ts, branch-statements.ts, loop-statements.ts, statements.ts, script-blocks.ts,
 * definitions.ts, type-definitions.ts.
 */
import type {
  Ast,
  ErrorExpressionAst,
  ErrorStatementAst,
  ExpressionAst,
  ParseError,
  PipelineBaseAst,
  ScriptBlockAst,
  StatementAst,
  StatementBlockAst,
} from "./ast.js";
import type { LineIndex } from "../../text/line-index.js";
import { Mode, type Token } from "./token.js";
import { hasTrait, TokenKind, TokenTrait } from "./token-kinds.js";
import { forEachChild } from "./children.js";
import { NODE, type NodeFields } from "./node.js";
import { Tokenizer } from "./tokenizer.js";

/** The node `finish` gives its children: one function, not a closure per node. */
let adopting: Ast;
const adopt = (child: Ast): void => {
  child.parent = adopting;
};

/** Anything with a place in the text. */
export type Spanned = Token | Ast | { readonly range: readonly [number, number] };

/**
 * Deeper than any real script nests, and well within the JS stack: PowerShell's own parser has such a
 * limit too (ScriptTooComplicated). A statement, a unary expression and a parenthesis count one each.
 */
const MAX_NESTING = 400;

export abstract class ParserBase {
  protected readonly tokenizer: Tokenizer;
  protected ungot: Token | null = null;
  readonly errors: ParseError[] = [];
  /** In a parameter list, attribute or method arguments a comma separates, it does not build an array. */
  protected disableCommaOperator = false;
  /** Inside a `configuration` body: DSC resource blocks are dynamic keyword statements. */
  protected configurationDepth = 0;
  private nesting = 0;
  private reportedTooDeep = false;

  constructor(
    protected readonly text: string,
    protected readonly lines: LineIndex,
  ) {
    this.tokenizer = new Tokenizer(text, lines, (start, end, errorId, message, incomplete) => this.saveError(start, end, errorId, message, incomplete));
  }

  // --- rules the other layers provide --------------------------------------------------------------

  protected abstract expressionRule(endNumberOnTernary?: boolean): ExpressionAst | null;
  protected abstract unaryExpressionRule(endNumberOnTernary?: boolean): ExpressionAst | null;
  protected abstract primaryExpressionRule(withMemberAccess: boolean): ExpressionAst | null;
  protected abstract pipelineChainRule(): PipelineBaseAst | null;
  protected abstract statementRule(): StatementAst | null;
  protected abstract statementListRule(statements: StatementAst[]): void;
  protected abstract statementBlockRule(): StatementBlockAst | null;
  protected abstract scriptBlockRule(lCurly: Token | null, isFilter: boolean, predefined?: StatementAst): ScriptBlockAst;
  protected abstract singleCommandArgument(context: number): ExpressionAst | null;

  // --- tokens ---------------------------------------------------------------------------------------

  protected nextToken(): Token {
    const token = this.ungot ?? this.tokenizer.nextToken();
    this.ungot = null;
    return token;
  }

  protected peekToken(): Token {
    return (this.ungot ??= this.tokenizer.nextToken());
  }

  protected skipToken(): void {
    this.ungot = null;
  }

  protected ungetToken(token: Token): void {
    this.ungot = token;
  }

  protected skipNewlines(): void {
    if (this.ungot === null || this.ungot.kind === TokenKind.NewLine) {
      this.ungot = null;
      this.tokenizer.skipNewlines(false);
    }
  }

  protected skipNewlinesAndSemicolons(): void {
    if (this.ungot === null || this.ungot.kind === TokenKind.NewLine || this.ungot.kind === TokenKind.Semi) {
      this.ungot = null;
      this.tokenizer.skipNewlines(true);
    }
  }

  protected get mode(): Mode {
    return this.tokenizer.mode;
  }

  /** A token scanned in another mode is scanned again in the new one. */
  protected setMode(mode: Mode): void {
    if (mode !== this.tokenizer.mode && this.ungot !== null && !hasTrait(this.ungot.kind, TokenTrait.ModeInvariant)) {
      this.resyncTo(this.ungot.start);
    }
    this.tokenizer.mode = mode;
  }

  /** Runs `rule` in `mode`, then returns to the mode before. */
  protected inMode<T>(mode: Mode, rule: () => T): T {
    const old = this.tokenizer.mode;
    this.setMode(mode);
    try {
      return rule();
    } finally {
      this.setMode(old);
    }
  }

  protected resyncTo(offset: number): void {
    this.ungot = null;
    this.tokenizer.resync(offset);
  }

  protected restorePoint(): number {
    return this.ungot === null ? this.tokenizer.restorePoint() : this.ungot.start;
  }

  /** Skips to one of `kinds` outside any parentheses, braces or brackets opened after the error. */
  protected syncOnError(consumeClosing: boolean, ...kinds: TokenKind[]): void {
    let parens = kinds.includes(TokenKind.RParen) ? 1 : 0;
    let curlies = kinds.includes(TokenKind.RCurly) ? 1 : 0;
    let brackets = kinds.includes(TokenKind.RBracket) ? 1 : 0;
    for (;;) {
      const token = this.nextToken();
      switch (token.kind) {
        case TokenKind.LParen:
        case TokenKind.AtParen:
        case TokenKind.DollarParen:
          parens++;
          break;
        case TokenKind.LCurly:
        case TokenKind.AtCurly:
          curlies++;
          break;
        case TokenKind.LBracket:
          brackets++;
          break;
        case TokenKind.RParen:
          if (--parens === 0 && kinds.includes(TokenKind.RParen)) {
            if (!consumeClosing) this.ungetToken(token);
            return;
          }
          break;
        case TokenKind.RCurly:
          if (--curlies === 0 && kinds.includes(TokenKind.RCurly)) {
            if (!consumeClosing) this.ungetToken(token);
            return;
          }
          break;
        case TokenKind.RBracket:
          if (--brackets === 0 && kinds.includes(TokenKind.RBracket)) {
            if (!consumeClosing) this.ungetToken(token);
            return;
          }
          break;
        case TokenKind.EndOfInput:
          this.ungetToken(token);
          return;
      }
      if (kinds.includes(token.kind) && parens === 0 && curlies === 0 && brackets === 0) return;
    }
  }

  protected tokenText(token: Token): string {
    return this.text.slice(token.start, token.end);
  }

  // --- nodes ----------------------------------------------------------------------------------------

  /**
   * Gives `node`'s children their parent. Nodes are finished children first, so the last node to
   * take a child (an error node adopting what a broken statement read) is its parent in the tree.
   */
  protected finish<T extends Ast>(fields: NodeFields<T>): T {
    const node = fields as unknown as T;
    adopting = node;
    forEachChild(node, adopt);
    return node;
  }

  protected errorStatement(start: number, end: number, nested: readonly (Ast | null | undefined)[] = []): ErrorStatementAst {
    return this.finish<ErrorStatementAst>({
      __proto__: NODE,
      type: "ErrorStatementAst",
      nestedAst: nested.filter((ast): ast is Ast => ast != null),
      range: [start, end],
      parent: null,
    });
  }

  protected errorExpression(start: number, end: number, nested: readonly (Ast | null | undefined)[] = []): ErrorExpressionAst {
    return this.finish<ErrorExpressionAst>({
      __proto__: NODE,
      type: "ErrorExpressionAst",
      nestedAst: nested.filter((ast): ast is Ast => ast != null),
      range: [start, end],
      parent: null,
    });
  }

  protected static startOf(item: Spanned): number {
    return "range" in item ? item.range[0] : item.start;
  }

  protected static endOf(item: Spanned): number {
    return "range" in item ? item.range[1] : item.end;
  }

  // --- errors ---------------------------------------------------------------------------------------

  private saveError(start: number, end: number, errorId: string, message: string, incomplete: boolean, openedAt?: Spanned): void {
    for (const known of this.errors) {
      if (known.errorId === errorId && known.range[0] === start && known.range[1] === end) return;
    }
    const error = { errorId, message, range: [start, end] as [number, number], loc: { start: this.lines.positionAt(start), end: this.lines.positionAt(end) }, incompleteInput: incomplete };
    this.errors.push(openedAt === undefined ? error : { ...error, openedAt: [ParserBase.startOf(openedAt), ParserBase.endOf(openedAt)] });
  }

  protected reportError(at: Spanned, errorId: string, message: string): void {
    this.saveError(ParserBase.startOf(at), ParserBase.endOf(at), errorId, message, false);
  }

  /** An error where the input may just have stopped early: incomplete when only blanks and comments follow. */
  protected reportIncompleteInput(at: Spanned, errorId: string, message: string, detectedAt: Spanned = at): void {
    const incomplete = this.tokenizer.onlyTriviaAfter(ParserBase.endOf(detectedAt));
    this.saveError(ParserBase.startOf(at), ParserBase.endOf(at), errorId, message, incomplete);
  }

  /**
   * A closing bracket, brace or parenthesis is missing: reported where PowerShell reports it (`at`),
   * with the token that opened it.
   */
  protected reportUnclosed(at: Spanned, opener: Spanned, errorId: string, message: string, detectedAt: Spanned): void {
    const incomplete = this.tokenizer.onlyTriviaAfter(ParserBase.endOf(detectedAt));
    this.saveError(ParserBase.startOf(at), ParserBase.endOf(at), errorId, message, incomplete, opener);
  }

  /** The empty place just before `token`'s first character, where PowerShell reports a missing closer. */
  protected static before(token: Token): { range: [number, number] } {
    const at = Math.max(0, token.start - 1);
    return { range: [at, at] };
  }

  /** An empty place right after `item`. */
  protected static after(item: Spanned): { range: [number, number] } {
    const end = ParserBase.endOf(item);
    return { range: [end, end] };
  }

  // --- nesting ----------------------------------------------------------------------------------------

  /**
   * Counts one level of nesting for a recursive rule. Past the limit the rest of the construct is
   * skipped (to its closing bracket) with one error, instead of overflowing the stack.
   */
  protected enter(): boolean {
    if (this.nesting >= MAX_NESTING) {
      if (!this.reportedTooDeep) {
        this.reportedTooDeep = true;
        const token = this.peekToken();
        this.reportError(token, "ScriptTooDeeplyNested", "The script nests brackets or blocks too deeply here: the rest of this construct was not read (PowerShell's own parser gives up on such nesting too).");
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

/** What a word is read as: a command name, a file name, a command argument, a `switch` condition. */
export const enum ArgumentContext {
  CommandName = 0x01,
  CommandNameAfterInvocationOperator = 0x03,
  FileName = 0x04,
  CommandArgument = 0x08,
  SwitchCondition = 0x10,
}
