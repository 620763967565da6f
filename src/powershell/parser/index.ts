/**
 * `parse(text)`: a PowerShell script to its syntax tree, synchronously. Never throws: what cannot be
 * read is reported in `errors` and kept in error nodes, as PowerShell's own `Parser.ParseInput` does.
 */
import type { ScriptAst, ScriptBlockAst, Token } from "./ast.js";
import { NODE, registerTree } from "./node.js";
import { LineIndex } from "../../text/line-index.js";
import { TokenKind } from "./token-kinds.js";
import { TypeDefinitionParser } from "./type-definitions.js";

class Parser extends TypeDefinitionParser {
  parseScript(): ScriptBlockAst {
    return this.scriptBlockRule(null, false);
  }

  get tokenRecord(): { record: readonly number[]; count: number } {
    return { record: this.tokenizer.tokenRecord, count: this.tokenizer.recordedTokens };
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
    root = emptyScript(text);
    parser.errors.push({
      errorId: "ScriptTooComplicated",
      message: "The script is nested too deeply to be read.",
      range: [0, text.length],
      loc: { start: lines.positionAt(0), end: lines.positionAt(text.length) },
      incompleteInput: false,
    });
  }
  const { record, count } = parser.tokenRecord;
  let tokens: Token[] | undefined;
  const script = Object.assign(root, { comments: parser.comments, errors: parser.errors });
  registerTree(script, lines);
  // Token objects are built on first use only: most lints never ask for them.
  Object.defineProperty(script, "tokens", {
    enumerable: false,
    get(): readonly Token[] {
      tokens ??= Array.from({ length: count }, (_, i) => {
        const range: [number, number] = [record[i * 3 + 1]!, record[i * 3 + 2]!];
        return { type: TokenKind[record[i * 3]!]!, range, loc: { start: lines.positionAt(range[0]), end: lines.positionAt(range[1]) } };
      });
      return tokens;
    },
  });
  return script as unknown as ScriptAst;
}

function emptyScript(text: string): ScriptBlockAst {
  const endBlock = { __proto__: NODE, type: "NamedBlockAst", blockKind: "end", unnamed: true, statements: [], range: [0, 0], parent: null };
  const root = {
    __proto__: NODE,
    type: "ScriptBlockAst",
    usingStatements: [],
    paramBlock: null,
    dynamicParamBlock: null,
    beginBlock: null,
    processBlock: null,
    endBlock,
    cleanBlock: null,
    range: [0, text.length],
    parent: null,
  };
  Object.assign(endBlock, { parent: root });
  return root as unknown as ScriptBlockAst;
}

export type * from "./ast.js";
