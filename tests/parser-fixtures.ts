/**
 * The parsers' fixture files, in the manner of momoa's, for every language: each
 * `fixtures/<area>/<name>.<ext>.txt` holds a source, a line `---`, and the tree expected for it as the
 * language's print-tree.ts prints it (with the parse errors, if any, at the end). The source is
 * everything before the `---` line, without the line break just before it; a fixture with no `---`
 * line yet gets its tree on the first `vitest -u` run. Every fixture's tree is also checked for what
 * the printed text cannot show (`treeShapeProblems`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SEPARATOR = "\n---\n";

interface TreeNode {
  readonly type: string;
  readonly range: readonly [number, number];
  readonly loc: unknown;
  readonly parent: TreeNode | null;
}

export interface ParserUnderTest {
  /** The fixtures' folder, holding one folder per area. */
  readonly folder: string;
  /** The source's extension inside the fixture's name: `ps1` for `name.ps1.txt`. */
  readonly extension: string;
  readonly parse: (source: string) => unknown;
  readonly print: (tree: never, source: string) => string;
  readonly visitorKeys: Readonly<Record<string, readonly string[]>>;
  readonly childrenOf: (node: never) => readonly unknown[];
  /** A child that may start before its previous sibling ends (the language's own extents say so). */
  readonly overlapAllowed: (parent: never, child: never) => boolean;
}

/** The fixture's source: everything before the first `---` line (the whole file when there is none yet). */
function sourceOf(content: string): string {
  if (content.startsWith("---\n")) return "";
  const at = content.indexOf(SEPARATOR);
  return at === -1 ? content.replace(/\n$/u, "") : content.slice(0, at);
}

/** A `describe` per area with a snapshot test per fixture, then the shape check on every fixture's tree. */
export function describeParserFixtures(parser: ParserUnderTest): void {
  const suffix = `.${parser.extension}.txt`;
  const areas = readdirSync(parser.folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const filesOf = (area: string): string[] =>
    readdirSync(join(parser.folder, area))
      .filter((name) => name.endsWith(suffix))
      .sort()
      .map((name) => join(parser.folder, area, name));

  for (const area of areas) {
    describe(area, () => {
      for (const file of filesOf(area)) {
        it(relative(join(parser.folder, area), file).slice(0, -suffix.length), async () => {
          const source = sourceOf(readFileSync(file, "utf8"));
          const printed = parser.print(parser.parse(source) as never, source);
          await expect(`${source}${SEPARATOR}${printed}\n`).toMatchFileSnapshot(file);
        });
      }
    });
  }

  describe("every fixture's tree is well formed", () => {
    const sources = areas.flatMap(filesOf).map((file) => [relative(parser.folder, file), sourceOf(readFileSync(file, "utf8"))] as const);
    it.each(sources)("%s", (_name, source) => {
      expect(treeShapeProblems(parser.parse(source) as TreeNode, source, parser)).toEqual([]);
    });
  });
}

/**
 * What every tree must satisfy whatever its shape: no stale location, no missing parent, no child
 * outside its parent or before its previous sibling, no child ESLint would not walk because its field
 * is missing from the visitor keys; and `forEachChild` (with which the parser sets parents and the
 * analysis walks) must list the same children. One line per problem.
 */
export function treeShapeProblems(tree: TreeNode, source: string, parser: Pick<ParserUnderTest, "visitorKeys" | "childrenOf" | "overlapAllowed">): string[] {
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
  const isNode = (value: unknown): boolean =>
    typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string" && (value as { type: string }).type in parser.visitorKeys;

  const walk = (node: TreeNode, parent: TreeNode | null): void => {
    const where = `${node.type} [${node.range[0]},${node.range[1]}]`;
    if (node.parent !== parent) problems.push(`${where}: parent is ${node.parent?.type ?? "null"}, not ${parent?.type ?? "null"}`);
    if (JSON.stringify(node.loc) !== JSON.stringify({ start: positionAt(node.range[0]), end: positionAt(node.range[1]) })) {
      problems.push(`${where}: loc ${JSON.stringify(node.loc)} does not match the range`);
    }
    const record = node as unknown as Record<string, unknown>;
    const keys = parser.visitorKeys[node.type] ?? [];
    for (const [key, value] of Object.entries(record)) {
      if (key === "parent" || keys.includes(key)) continue;
      if ((Array.isArray(value) ? value : [value]).some(isNode)) problems.push(`${where}: field ${key} holds a node but is not a visitor key`);
    }
    let previousEnd = node.range[0];
    const byKeys: TreeNode[] = [];
    for (const key of keys) {
      const value = record[key];
      for (const child of (Array.isArray(value) ? value : [value]) as (TreeNode | null | undefined)[]) {
        if (child == null) continue;
        byKeys.push(child);
        if (child.range[0] < node.range[0] || child.range[1] > node.range[1]) problems.push(`${where}: ${key} ${child.type} [${child.range}] is outside it`);
        if (child.range[0] < previousEnd && !parser.overlapAllowed(node as never, child as never)) {
          problems.push(`${where}: ${key} ${child.type} [${child.range}] starts before the previous child ends`);
        }
        previousEnd = Math.max(previousEnd, child.range[1]);
        walk(child, node);
      }
    }
    const listed = parser.childrenOf(node as never);
    if (listed.length !== byKeys.length || listed.some((child, i) => child !== byKeys[i])) {
      problems.push(`${where}: forEachChild and the visitor keys list different children`);
    }
  };
  walk(tree, null);
  return problems;
}
