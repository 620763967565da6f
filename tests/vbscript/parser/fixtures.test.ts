/**
 * The VBScript parser's fixture files, in the manner of momoa's: each `fixtures/<area>/<name>.vbs.txt`
 * holds a VBScript source, a line `---`, and the tree expected for it as print-tree.ts prints it (with
 * the parse errors, if any, at the end). The source is everything before the `---` line, without the
 * line break just before it.
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
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "../../../src/vbscript/parser/index.js";
import { printTree } from "./print-tree.js";
import { shapeProblems } from "./tree-shape.js";

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
    .filter((name) => name.endsWith(".vbs.txt"))
    .sort()
    .map((name) => join(FIXTURES, area, name)),
);

for (const area of areas) {
  describe(area, () => {
    for (const file of fixtureFiles.filter((path) => dirname(path) === join(FIXTURES, area))) {
      const name = relative(join(FIXTURES, area), file).replace(/\.vbs\.txt$/, "");
      it(name, async () => {
        const source = sourceOf(readFileSync(file, "utf8"));
        const printed = printTree(parse(source), source);
        await expect(`${source}${SEPARATOR}${printed}\n`).toMatchFileSnapshot(file);
      });
    }
  });
}

/** What every tree must satisfy whatever its shape (tree-shape.ts), checked on every fixture's source. */
describe("every fixture's tree is well formed", () => {
  const sources = fixtureFiles.map((file) => [relative(FIXTURES, file), sourceOf(readFileSync(file, "utf8"))] as const);

  it.each(sources)("%s", (_name, source) => {
    expect(shapeProblems(parse(source), source)).toEqual([]);
  });
});
