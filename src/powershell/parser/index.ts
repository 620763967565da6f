/**
 * `parse(text)`: a PowerShell script to its syntax tree, synchronously. Never throws: what cannot be
 * read is reported in `errors` and kept in error nodes, as PowerShell's own `Parser.ParseInput` does.
 */
import type { ScriptAst, ScriptBlockAst, Token } from "./ast.js";
import { DefinitionParser } from "./definitions.js";
import { LineIndex } from "./positions.js";
import { TokenKind } from "./token-kinds.js";

class Parser extends DefinitionParser {
  parseScript(): ScriptBlockAst {
    return this.scriptBlockRule(null, false);
  }

  get tokenRecord(): { kinds: number[]; starts: number[]; ends: number[] } {
    return { kinds: this.tokenizer.tokenKinds, starts: this.tokenizer.tokenStarts, ends: this.tokenizer.tokenEnds };
  }

  get comments(): ScriptAst["comments"] {
    return this.tokenizer.comments;
  }
}

export function parse(text: string): ScriptAst {
  const lines = new LineIndex(text);
  const parser = new Parser(text, lines);
  let root: ScriptBlockAst;
  try {
    root = parser.parseScript();
  } catch (error) {
    // A script nested deeper than the stack allows (the nesting limit stops real ones well before).
    if (!(error instanceof RangeError)) throw error;
    root = emptyScript(text, lines);
    parser.errors.push({
      errorId: "ScriptTooComplicated",
      message: "The script is nested too deeply to be read.",
      range: [0, text.length],
      loc: { start: lines.positionAt(0), end: lines.positionAt(text.length) },
      incompleteInput: false,
    });
  }
  const record = parser.tokenRecord;
  let tokens: Token[] | undefined;
  const script = Object.assign(root, { comments: parser.comments, errors: parser.errors });
  // Token objects are built on first use only: most lints never ask for them.
  Object.defineProperty(script, "tokens", {
    enumerable: false,
    get(): readonly Token[] {
      tokens ??= record.kinds.map((kind, i) => {
        const range: [number, number] = [record.starts[i]!, record.ends[i]!];
        return { type: TokenKind[kind]!, range, loc: { start: lines.positionAt(range[0]), end: lines.positionAt(range[1]) } };
      });
      return tokens;
    },
  });
  return script as unknown as ScriptAst;
}

function emptyScript(text: string, lines: LineIndex): ScriptBlockAst {
  const loc = { start: lines.positionAt(0), end: lines.positionAt(text.length) };
  const endBlock = { type: "NamedBlockAst", blockKind: "end", unnamed: true, statements: [], range: [0, 0], loc: { start: loc.start, end: loc.start }, parent: null };
  const root = {
    type: "ScriptBlockAst",
    usingStatements: [],
    paramBlock: null,
    dynamicParamBlock: null,
    beginBlock: null,
    processBlock: null,
    endBlock,
    cleanBlock: null,
    range: [0, text.length],
    loc,
    parent: null,
  };
  Object.assign(endBlock, { parent: root });
  return root as unknown as ScriptBlockAst;
}

export type * from "./ast.js";
