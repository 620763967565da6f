/**
 * The VBScript parser's fixture files, `fixtures/<area>/<name>.vbs.txt` (their format: see
 * tests/parser-fixtures.ts).
 *
 * The expected trees follow the VBScript Language Reference (and, for errors, what cscript reports),
 * not whatever our parser printed: a fixture that fails shows a place where we differ.
 *
 * To write or refresh the expected part after an intended change, let Vitest rewrite the files:
 *
 *     npx vitest run tests/vbscript/parser/fixtures.test.ts -u                 # every fixture
 *     npx vitest run tests/vbscript/parser/fixtures.test.ts -u -t "select"     # the matching ones
 *
 * A new fixture can be just its source (no `---` line yet): the first `-u` run adds the tree. Then
 * read the diff (`git diff tests/vbscript/parser/fixtures`) against VBScript's rules before keeping it.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, type Node } from "../../../src/vbscript/parser/index.js";
import { childrenOf } from "../../../src/vbscript/parser/children.js";
import { VISITOR_KEYS } from "../../../src/vbscript/parser/visitor-keys.js";
import { describeParserFixtures } from "../../parser-fixtures.js";
import { printTree } from "./print-tree.js";

describeParserFixtures({
  folder: join(dirname(fileURLToPath(import.meta.url)), "fixtures"),
  extension: "vbs",
  parse: (source) => parse(source),
  print: printTree,
  visitorKeys: VISITOR_KEYS,
  childrenOf,
  // A `Loop While` test comes after the body in the text, before it in the keys: the one overlap allowed.
  overlapAllowed: (parent: Node) => parent.type === "DoStatement" && parent.testPosition === "Loop",
});
