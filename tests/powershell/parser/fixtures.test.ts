/**
 * The parser's fixture files, in the manner of momoa's: each `fixtures/<area>/<name>.ps1.txt` holds a
 * PowerShell source, a line `---`, and the tree expected for it as print-tree.ts prints it (with the
 * parse errors, if any, at the end). The source is everything before the `---` line, without the line
 * break just before it.
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
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Ast, parse, type ScriptAst } from "../../../src/powershell/parser/index.js";
import { childrenOf } from "../../../src/powershell/parser/children.js";
import { VISITOR_KEYS } from "../../../src/powershell/parser/visitor-keys.js";
import { printTree } from "./print-tree.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
const SEPARATOR = "\n---\n";

/** The fixture's source: everything before the first `---` line (the whole file when there is none yet). */
function sourceOf(content: string): string {
  if (content.startsWith("---\n")) return "";
  const at = content.indexOf(SEPARATOR);
  return at === -1 ? content.replace(/\n$/, "") : content.slice(0, at);
}

const areas = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const fixtureFiles = areas.flatMap((area) =>
  readdirSync(join(FIXTURES, area))
    .filter((name) => name.endsWith(".ps1.txt"))
    .sort()
    .map((name) => join(FIXTURES, area, name)),
);

for (const area of areas) {
  describe(area, () => {
    for (const file of fixtureFiles.filter((path) => dirname(path) === join(FIXTURES, area))) {
      const name = relative(join(FIXTURES, area), file).replace(/\.ps1\.txt$/, "");
      it(name, async () => {
        const source = sourceOf(readFileSync(file, "utf8"));
        const printed = printTree(parse(source), source);
        await expect(`${source}${SEPARATOR}${printed}\n`).toMatchFileSnapshot(file);
      });
    }
  });
}

/**
 * What every tree must satisfy whatever its shape, checked on every fixture's source: these catch a
 * node that the printed text cannot show (a stale location, a missing parent, a child ESLint would not
 * walk because its field is missing from VISITOR_KEYS).
 */
describe("every fixture's tree is well formed", () => {
  const sources = fixtureFiles.map((file) => [relative(FIXTURES, file), sourceOf(readFileSync(file, "utf8"))] as const);

  it.each(sources)("%s", (_name, source) => {
    const tree = parse(source);
    const problems: string[] = [];
    const lineStarts = [0];
    for (let i = 0; i < source.length; i++) {
      if (source[i] === "\r" && source[i + 1] !== "\n") lineStarts.push(i + 1);
      else if (source[i] === "\n") lineStarts.push(i + 1);
    }
    const positionAt = (offset: number) => {
      let line = 0;
      while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
      return { line: line + 1, column: offset - lineStarts[line]! };
    };

    const walk = (node: Ast, parent: Ast | null): void => {
      const where = `${node.type} [${node.range[0]},${node.range[1]}]`;
      if (node.parent !== parent) problems.push(`${where}: parent is ${node.parent?.type ?? "null"}, not ${parent?.type ?? "null"}`);
      if (JSON.stringify(node.loc) !== JSON.stringify({ start: positionAt(node.range[0]), end: positionAt(node.range[1]) })) {
        problems.push(`${where}: loc ${JSON.stringify(node.loc)} does not match the range`);
      }
      const record = node as unknown as Record<string, unknown>;
      const keys = VISITOR_KEYS[node.type];
      for (const [key, value] of Object.entries(record)) {
        if (key === "parent" || keys.includes(key)) continue;
        const values = Array.isArray(value) ? value : [value];
        if (values.some((item) => isNode(item))) problems.push(`${where}: field ${key} holds a node but is not a visitor key`);
      }
      let previousEnd = node.range[0];
      const byKeys: Ast[] = [];
      for (const key of keys) {
        const value = record[key];
        for (const child of (Array.isArray(value) ? value : [value]) as (Ast | null | undefined)[]) {
          if (child == null) continue;
          byKeys.push(child);
          if (child.range[0] < node.range[0] || child.range[1] > node.range[1]) problems.push(`${where}: ${key} ${child.type} [${child.range}] is outside it`);
          // PowerShell's unnamed end block runs from the param block (`ScriptBlockBodyRule` starts the
          // statement list's extent at `paramBlockAst?.Extent`): the one overlap allowed.
          const overlapAllowed = child.type === "NamedBlockAst" && child.unnamed;
          if (child.range[0] < previousEnd && !overlapAllowed) problems.push(`${where}: ${key} ${child.type} [${child.range}] starts before the previous child ends`);
          previousEnd = Math.max(previousEnd, child.range[1]);
          walk(child, node);
        }
      }
      // The parser sets parents, and the analysis walks, with `forEachChild`: it must list the same children.
      if (childrenOf(node).some((child, i) => child !== byKeys[i]) || childrenOf(node).length !== byKeys.length) {
        problems.push(`${where}: forEachChild and VISITOR_KEYS list different children`);
      }
    };
    walk(tree as ScriptAst, null);
    expect(problems).toEqual([]);
  });
});

function isNode(value: unknown): boolean {
  return typeof value === "object" && value !== null && "type" in value && typeof (value as { type: unknown }).type === "string" && (value as { type: string }).type in VISITOR_KEYS;
}
