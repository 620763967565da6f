/**
 * The PowerShell parser's fixture files, `fixtures/<area>/<name>.ps1.txt` (their format: see
 * tests/parser-fixtures.ts).
 *
 * The expected trees follow PowerShell's own parser (System.Management.Automation.Language, read from
 * its C# source), not whatever our parser printed: a fixture that fails shows a place where we differ
 * from PowerShell.
 *
 * To write or refresh the expected part after a change, let Vitest rewrite the files:
 *
 *     npx vitest run tests/powershell/parser/fixtures.test.ts -u                  # every fixture
 *     npx vitest run tests/powershell/parser/fixtures.test.ts -u -t "ternary"     # the matching ones
 *
 * A new fixture can be just its source (no `---` line yet): the first `-u` run adds the tree. Then read
 * the diff (`git diff tests/powershell/parser/fixtures`) against PowerShell's rules before keeping it.
 * `-u` writes whatever our parser prints, so a fixture that fails because the PARSER is wrong would be
 * rewritten to the wrong tree: filter with `-t` to the fixtures you mean to refresh.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "../../../src/powershell/parser/index.js";
import type { Ast } from "../../../src/powershell/parser/ast.js";
import { childrenOf } from "../../../src/powershell/parser/children.js";
import { VISITOR_KEYS } from "../../../src/powershell/parser/visitor-keys.js";
import { describeParserFixtures } from "../../parser-fixtures.js";
import { printTree } from "./print-tree.js";

describeParserFixtures({
  folder: join(dirname(fileURLToPath(import.meta.url)), "fixtures"),
  extension: "ps1",
  parse,
  print: printTree,
  visitorKeys: VISITOR_KEYS,
  childrenOf,
  // PowerShell's unnamed end block runs from the param block (`ScriptBlockBodyRule` starts the
  // statement list's extent at `paramBlockAst?.Extent`): the one overlap allowed.
  overlapAllowed: (_parent: Ast, child: Ast) => child.type === "NamedBlockAst" && child.unnamed,
});
