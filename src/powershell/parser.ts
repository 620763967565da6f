/**
 * tree-sitter-powershell through web-tree-sitter. Loading is asynchronous (wasm), parsing is not:
 * `loadPowerShellParser()` must have finished before `parseTree()` is called, which is why the
 * PowerShell entry point awaits it at the top level.
 */
import { createRequire } from "node:module";
import v8 from "node:v8";
import type { Edit as EditType, Parser as ParserType, Point, Tree } from "web-tree-sitter";

const require = createRequire(import.meta.url);

let parser: ParserType | undefined;
let grammar: GrammarTables | undefined;
let EditClass: typeof EditType | undefined;

/** The grammar's node types by id, and which are named: read once, so that walking a tree asks wasm less. */
export interface GrammarTables {
  readonly types: readonly string[];
  readonly named: readonly boolean[];
}
let loading: Promise<void> | undefined;

/**
 * Loads the grammar once per process. V8 otherwise keeps optimising the grammar's large wasm
 * functions in background threads after the last parse, and Node waits for them before it exits:
 * about 6 s added to every command-line run. Liftoff-only code parses at nearly the same speed.
 */
export function loadPowerShellParser(): Promise<void> {
  loading ??= (async () => {
    v8.setFlagsFromString("--liftoff-only");
    // The package root of tree-sitter-powershell loads a native addon; only its wasm file is used.
    const grammarPath = require.resolve("tree-sitter-powershell/tree-sitter-powershell.wasm");
    const { Parser, Language, Edit } = await import("web-tree-sitter");
    EditClass = Edit;
    await Parser.init();
    const language = await Language.load(grammarPath);
    const created = new Parser();
    created.setLanguage(language);
    parser = created;
    const types = language.types.map((type) => type ?? "ERROR");
    grammar = { types, named: types.map((_, id) => language.nodeTypeIsNamed(id)) };
  })();
  return loading;
}

export function isPowerShellParserLoaded(): boolean {
  return parser !== undefined;
}

export function grammarTables(): GrammarTables {
  if (grammar === undefined) throw new Error("The PowerShell parser is not loaded.");
  return grammar;
}

/** The concrete syntax tree of `text`; the caller must `delete()` it. */
export function parseTree(text: string): Tree {
  if (parser === undefined) {
    throw new Error("The PowerShell parser is not loaded: import eslint-plugin-wua/powershell (it loads the parser before ESLint lints).");
  }
  const tree = parser.parse(text);
  if (tree === null) throw new Error("tree-sitter returned no tree");
  return tree;
}

/** Tells `tree` that the text from `start` to `end` was replaced by text of the same length and lines. */
export function editInPlace(tree: Tree, start: number, end: number, startPosition: Point, endPosition: Point): void {
  if (EditClass === undefined) throw new Error("The PowerShell parser is not loaded.");
  tree.edit(new EditClass({ startIndex: start, oldEndIndex: end, newEndIndex: end, startPosition, oldEndPosition: endPosition, newEndPosition: endPosition }));
}

/**
 * `text` parsed again after `edited` was told of the changes (`tree.edit`): tree-sitter reuses what
 * the edits did not touch. The caller deletes both trees.
 */
export function reparseTree(text: string, edited: Tree): Tree {
  if (parser === undefined) throw new Error("The PowerShell parser is not loaded.");
  const tree = parser.parse(text, edited);
  if (tree === null) throw new Error("tree-sitter returned no tree");
  return tree;
}
