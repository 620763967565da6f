/**
 * `ast.tokens` and `ast.comments` with their positions: what ESLint's directive comments and token
 * helpers read. Lines are 1-based, columns 0-based and counted in UTF-16 code units (an astral
 * character counts two), a CRLF is one line end, a BOM is a blank at offset 0, and a `_` line
 * continuation is neither a token nor a line end for the statement (but the next line is a new line
 * for positions).
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../../src/vbscript/parser/index.js";

function tokensOf(code: string): string[] {
  return parse(code).tokens.map((token) => `${token.type} ${JSON.stringify(code.slice(token.range[0], token.range[1]))}`);
}

describe("ast.tokens", () => {
  it("lists the tokens with broad kinds, comments and continuations left out", () => {
    expect(tokensOf("Set x = _\n  obj.Item(1) ' c\nIf a <> &HFF Then x = #1/1/2000# & \"s\"")).toEqual([
      'Keyword "Set"',
      'Identifier "x"',
      'Punctuator "="',
      'Identifier "obj"',
      'Punctuator "."',
      'Identifier "Item"',
      'Punctuator "("',
      'Number "1"',
      'Punctuator ")"',
      'NewLine "\\n"',
      'Keyword "If"',
      'Identifier "a"',
      'Punctuator "<>"',
      'Number "&HFF"',
      'Keyword "Then"',
      'Identifier "x"',
      'Punctuator "="',
      'Date "#1/1/2000#"',
      'Punctuator "&"',
      'String "\\"s\\""',
    ]);
  });

  it("reads a word after a dot as a name, even a keyword", () => {
    expect(tokensOf("x = o.End")).toEqual(['Identifier "x"', 'Punctuator "="', 'Identifier "o"', 'Punctuator "."', 'Identifier "End"']);
  });

  it("lists each token once, in order, though the parser looks ahead", () => {
    const code = "Sub S\n  If a Then\n  Else If b Then\n  End If\nEnd Sub\nProperty = 1\nEnd If";
    const ranges = parse(code).tokens.map((token) => token.range);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBeGreaterThanOrEqual(ranges[i - 1]![1]);
    const covered = new Set(ranges.flatMap(([start, end]) => Array.from({ length: end - start }, (_, k) => start + k)));
    const uncovered = [...code].flatMap((char, offset) => (/\s/u.test(char) || covered.has(offset) ? [] : [`${offset}:${char}`]));
    expect(uncovered).toEqual([]);
  });

  it("counts a CRLF as one line end", () => {
    const code = "x = 1\r\n  y = 2\r\nz";
    const tokens = parse(code).tokens;
    expect(tokens.filter((token) => token.type === "NewLine").map((token) => token.range)).toEqual([
      [5, 7],
      [14, 16],
    ]);
    const y = tokens.find((token) => code.slice(token.range[0], token.range[1]) === "y")!;
    expect(y.loc).toEqual({ start: { line: 2, column: 2 }, end: { line: 2, column: 3 } });
    const z = tokens.at(-1)!;
    expect(z.loc.start).toEqual({ line: 3, column: 0 });
  });

  it("reads a lone CR as a line end", () => {
    const tree = parse("x = 1\ry = 2");
    expect(tree.body).toHaveLength(2);
    expect(tree.body[1]!.loc.start).toEqual({ line: 2, column: 0 });
  });

  it("reads a BOM as a blank at offset 0", () => {
    const code = "\uFEFFx = 1";
    const tree = parse(code);
    expect(tree.errors).toEqual([]);
    expect(tree.body[0]!.range).toEqual([1, 6]);
    expect(tree.body[0]!.loc.start).toEqual({ line: 1, column: 1 });
  });

  it("counts columns in UTF-16 code units (an astral character is two)", () => {
    const code = 'x = "😀😀" : y = 1\n[😀] = 2';
    const tree = parse(code);
    expect(tree.errors).toEqual([]);
    const y = tree.body[1]!;
    expect(code.slice(y.range[0], y.range[1])).toBe("y = 1");
    // x, =, the quotes and four code units for the two faces: 13, not the 11 characters a reader counts.
    expect(y.loc.start).toEqual({ line: 1, column: 13 });
    const bracketed = tree.body[2]!;
    expect(bracketed.loc).toEqual({ start: { line: 2, column: 0 }, end: { line: 2, column: 8 } });
  });

  it("keeps a continued statement one statement, with positions on both lines", () => {
    const code = "WScript.Echo _\r\n    \"a\", _\r\n    \"b\"";
    const tree = parse(code);
    expect(tree.errors).toEqual([]);
    expect(tree.body).toHaveLength(1);
    expect(tree.body[0]!.loc).toEqual({ start: { line: 1, column: 0 }, end: { line: 3, column: 7 } });
    expect(parse(code).tokens.some((token) => token.type === "NewLine")).toBe(false);
  });
});

describe("ast.comments", () => {
  it("keeps ' and Rem comments, in any case, with their values and places", () => {
    const code = "' first\r\nx = 1 ' second\r\nREM third\r\nrem\r\ny = 2 : Rem fifth\r\nz = True'sixth";
    const comments = parse(code).comments.map((comment) => ({
      marker: comment.marker,
      value: comment.value,
      text: code.slice(comment.range[0], comment.range[1]),
      start: comment.loc.start,
      end: comment.loc.end,
    }));
    expect(comments).toEqual([
      { marker: "'", value: " first", text: "' first", start: { line: 1, column: 0 }, end: { line: 1, column: 7 } },
      { marker: "'", value: " second", text: "' second", start: { line: 2, column: 6 }, end: { line: 2, column: 14 } },
      { marker: "REM", value: " third", text: "REM third", start: { line: 3, column: 0 }, end: { line: 3, column: 9 } },
      { marker: "rem", value: "", text: "rem", start: { line: 4, column: 0 }, end: { line: 4, column: 3 } },
      { marker: "Rem", value: " fifth", text: "Rem fifth", start: { line: 5, column: 8 }, end: { line: 5, column: 17 } },
      { marker: "'", value: "sixth", text: "'sixth", start: { line: 6, column: 8 }, end: { line: 6, column: 14 } },
    ]);
  });

  it("reads the directive comments ESLint looks for", () => {
    const tree = parse("' eslint-disable-next-line wua/no-remote-unavailable-member\nx = 1");
    expect(tree.comments[0]!.value).toBe(" eslint-disable-next-line wua/no-remote-unavailable-member");
  });

  it("does not start a comment inside a string, nor at a word that only begins with Rem", () => {
    const tree = parse("x = \"it's ' not a comment\"\nRemark = 1");
    expect(tree.comments).toEqual([]);
    expect(tree.body).toHaveLength(2);
  });

  it("reads a batch hybrid's first line as empty statements and a comment", () => {
    const tree = parse("::'@cscript //nologo //e:vbscript \"%~f0\" %* & @goto :eof\nx = 1");
    expect(tree.errors).toEqual([]);
    expect(tree.comments).toHaveLength(1);
    expect(tree.body).toHaveLength(1);
  });
});

describe("a page's script (parse(text, { html: true }))", () => {
  it("reads <!-- and --> as comments, as the engine does in .hta and .htm pages", () => {
    const code = "<!--\nx = 1\n' hidden from old browsers -->\n-->";
    const tree = parse(code, { html: true });
    expect(tree.errors).toEqual([]);
    expect(tree.body).toHaveLength(1);
    expect(tree.comments.map((comment) => comment.marker)).toEqual(["<!--", "'", "-->"]);
  });

  it("keeps < and - as operators there, and <!-- an error in a .vbs file", () => {
    expect(parse("x = a <b - -1", { html: true }).errors).toEqual([]);
    expect(parse("<!--\nx = 1").errors[0]?.message).toBe("Expected statement");
  });
});
