/**
 * `ast.tokens`: the tokens ESLint gets, built on first use from what the tokenizer recorded. Where the
 * parser backs up and reads text again (a `[` after blanks, a word that starts a command, a method
 * call's generic arguments), each token must still be listed once, in order.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../../src/powershell/parser/index.js";

function tokensOf(code: string): string[] {
  return parse(code).tokens.map((token) => `${token.type} ${code.slice(token.range[0], token.range[1])}`);
}

describe("ast.tokens", () => {
  it("lists a script's tokens with their kinds, comments left out (they are in ast.comments)", () => {
    expect(tokensOf("$a = 1 # c\nGet-Item -Path x")).toEqual([
      "Variable $a",
      "Equals =",
      "Number 1",
      "NewLine \n",
      "Generic Get-Item",
      "Parameter -Path",
      "Identifier x",
    ]);
  });

  it("keeps a string with a subexpression as one token", () => {
    expect(tokensOf('"a $($b) c"')).toEqual(['StringExpandable "a $($b) c"']);
  });

  it.each([
    ["an index after blanks, read again as an argument", "Write-Output $list [0]"],
    ["a member chain split over lines with backticks", "$session.\n  CreateUpdateSearcher().\n  Search('IsInstalled=0')"],
    ["a word with a dash that starts a command", "Do-Something -Name (Get-Date).Year"],
    ["a generic method call", "[System.Linq.Enumerable]::Empty[string]()"],
    ["a hashtable and a script block in a pipeline", "@{ a = 1 } | ForEach-Object { $_.a }"],
    ["a here-string and a redirection", "@'\nx\n'@ > out.txt 2>&1"],
  ])("lists each token once, in order, for %s", (_name, code) => {
    const ranges = parse(code).tokens.map((token) => token.range);
    expect(ranges.length).toBeGreaterThan(0);
    for (let i = 1; i < ranges.length; i++) {
      expect(ranges[i]![0], `token ${i} of ${JSON.stringify(code)}`).toBeGreaterThanOrEqual(ranges[i - 1]![1]);
    }
    // Every non-blank character outside comments belongs to a token.
    const covered = new Set(ranges.flatMap(([start, end]) => Array.from({ length: end - start }, (_, k) => start + k)));
    const uncovered = [...code].flatMap((char, offset) => (/\s|`/u.test(char) || covered.has(offset) ? [] : [`${offset}:${char}`]));
    expect(uncovered).toEqual([]);
  });

  it("gives each token a location that matches its range", () => {
    const code = "$a = 1\r\n  Get-Item x";
    const token = parse(code).tokens.find((t) => t.type === "Generic")!;
    expect(token.loc).toEqual({ start: { line: 2, column: 2 }, end: { line: 2, column: 10 } });
  });
});
