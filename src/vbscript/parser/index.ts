/**
 * `parse(text)`: a VBScript program to its syntax tree, synchronously. Never throws: what VBScript
 * would reject is reported in `errors` (with cscript's message and number) and kept in error nodes,
 * and the rest of the program is read. The text is a string: decoding a file (UTF-16 with a BOM, as
 * Notepad saves "Unicode") is the caller's job; a BOM left at the start is read as a blank.
 */
import type { Program, ProgramAst, SourceLocation, Statement, Token } from "./ast.js";
import { MESSAGES } from "./messages.js";
import { NODE, registerTree } from "./node.js";
import { LineIndex } from "../../text/line-index.js";
import { StatementParser } from "./statements.js";
import { tokenTypeName, type TokenKind } from "./token-kinds.js";

class Parser extends StatementParser {
  parseProgram(): Program {
    this.t.next();
    const body: Statement[] = [];
    this.parseStatementList(body);
    return this.finish<Program>({ __proto__: NODE, type: "Program", body, range: [0, this.text.length], parent: null });
  }

  get tokenizer(): StatementParser["t"] {
    return this.t;
  }

  tooComplicated(): Program {
    this.errors.push({
      message: MESSAGES.tooDeep.message,
      code: null,
      range: [0, this.text.length],
      loc: { start: this.lines.positionAt(0), end: this.lines.positionAt(this.text.length) },
    });
    return this.finish<Program>({ __proto__: NODE, type: "Program", body: [], range: [0, this.text.length], parent: null });
  }
}

export interface ParseOptions {
  /**
   * The text is a `<script>` block of an HTML page (`.hta`, `.htm`): `<!--` and `-->` start comments
   * there, as the engine reads them in a page. Not for `.vbs` files or `.wsf` jobs.
   */
  readonly html?: boolean;
}

/** A token of `ast.tokens`, whose location is worked out when first read (as a node's is). */
class ProgramToken implements Token {
  readonly #lines: LineIndex;
  #loc: SourceLocation | null = null;

  constructor(
    readonly type: string,
    readonly range: [number, number],
    lines: LineIndex,
  ) {
    this.#lines = lines;
  }

  get loc(): SourceLocation {
    return (this.#loc ??= { start: this.#lines.positionAt(this.range[0]), end: this.#lines.positionAt(this.range[1]) });
  }
}

export function parse(text: string, options: ParseOptions = {}): ProgramAst {
  const lines = new LineIndex(text);
  const parser = new Parser(text, lines, options.html === true);
  let program: Program;
  try {
    program = parser.parseProgram();
  } catch (error) {
    // A stack smaller than the nesting limit expects: the program is kept empty rather than thrown.
    if (!(error instanceof RangeError)) throw error;
    program = parser.tooComplicated();
  }
  const tokenizer = parser.tokenizer;
  const record = tokenizer.tokenRecord;
  const count = tokenizer.recordedTokens;
  let tokens: Token[] | undefined;
  const root = Object.assign(program, { comments: tokenizer.comments, errors: parser.errors });
  registerTree(root, lines);
  // Token objects are built on first use only: most lints never ask for them.
  Object.defineProperty(root, "tokens", {
    enumerable: false,
    get(): readonly Token[] {
      tokens ??= Array.from({ length: count }, (_, i) => new ProgramToken(tokenTypeName(record[i * 3]! as TokenKind), [record[i * 3 + 1]!, record[i * 3 + 2]!], lines));
      return tokens;
    },
  });
  return root as unknown as ProgramAst;
}

export { forEachChild, childrenOf } from "./children.js";
export { VISITOR_KEYS } from "./visitor-keys.js";
export type * from "./ast.js";
