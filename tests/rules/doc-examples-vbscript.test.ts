/**
 * The VBScript examples of the rule pages, linted as a reader would copy them, so that the pages
 * cannot drift from what the rules do.
 *
 * Convention: in the `## VBScript` section of `docs/rules/<rule>.md`, each fenced ```vb block belongs
 * to the line `Examples of **incorrect** VBScript code for this rule:` or
 * `Examples of **correct** VBScript code for this rule:` above it; only blank lines and other ```vb
 * blocks may come between. A ```vb block after prose, without such a line, fails the test: mark it,
 * or fence it as something other than `vb` if it is not an example.
 *
 * Each block is linted alone through ESLint's `Linter` with `wua.configs.strict`, as `example.vbs`.
 * An incorrect example must be reported by the page's rule, and by it alone; a correct example must
 * get no message at all. Neither may get the "VBScript cannot run this file" message.
 */
import { readFileSync } from "node:fs";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import wua from "../../src/index.js";
import { rules } from "../../src/rules/index.js";

type Kind = "incorrect" | "correct";

interface Example {
  kind: Kind;
  /** The 1-based line of the page where the example's code starts. */
  line: number;
  code: string;
}

const MARKER = /^Examples of \*\*(incorrect|correct)\*\* VBScript code for this rule:$/u;
const FENCE = /^```(.*)$/u;

/** The examples of a page's `## VBScript` section, in order. */
function vbscriptExamples(page: string): Example[] {
  const lines = page.split(/\r\n|\n/u);
  const start = lines.indexOf("## VBScript");
  if (start < 0) return [];
  const next = lines.findIndex((line, i) => i > start && line.startsWith("## "));
  const end = next < 0 ? lines.length : next;
  const examples: Example[] = [];
  let kind: Kind | undefined;
  for (let i = start + 1; i < end; i++) {
    const line = lines[i]!;
    const marker = MARKER.exec(line);
    if (marker) {
      kind = marker[1] as Kind;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const close = lines.findIndex((other, j) => j > i && other === "```");
      if (close < 0 || close >= end) throw new Error(`The code block at line ${i + 1} is not closed within the VBScript section.`);
      if (fence[1]!.trim() === "vb") {
        if (kind === undefined) {
          throw new Error(`The \`\`\`vb block at line ${i + 1} has no "Examples of **incorrect**/**correct** VBScript code for this rule:" line above it.`);
        }
        examples.push({ kind, line: i + 2, code: `${lines.slice(i + 1, close).join("\n")}\n` });
      } else {
        kind = undefined;
      }
      i = close;
      continue;
    }
    // Prose ends a run of examples.
    if (line.trim() !== "") kind = undefined;
  }
  return examples;
}

function lint(code: string): Linter.LintMessage[] {
  return new Linter({ configType: "flat" }).verify(code, wua.configs.strict, { filename: "example.vbs" });
}

const pages = Object.keys(rules).map((name) => {
  const page = readFileSync(new URL(`../../docs/rules/${name}.md`, import.meta.url), "utf8");
  return { name, examples: vbscriptExamples(page) };
});

describe("VBScript examples of the rule pages", () => {
  it("reads the examples by their marker lines, and refuses an unmarked ```vb block", () => {
    const page = [
      "## VBScript",
      "",
      "Examples of **incorrect** VBScript code for this rule:",
      "",
      "```vb",
      "a",
      "```",
      "",
      "```vb",
      "b",
      "```",
      "",
      "Examples of **correct** VBScript code for this rule:",
      "",
      "```vb",
      "c",
      "```",
      "",
      "## When not to use it",
      "",
      "```vb",
      "not in the section",
      "```",
    ].join("\n");
    expect(vbscriptExamples(page)).toEqual([
      { kind: "incorrect", line: 6, code: "a\n" },
      { kind: "incorrect", line: 10, code: "b\n" },
      { kind: "correct", line: 16, code: "c\n" },
    ]);
    expect(() => vbscriptExamples(["## VBScript", "", "Examples of **correct** VBScript code for this rule:", "", "Some prose.", "", "```vb", "x", "```"].join("\n"))).toThrow(
      /line 7 has no/u,
    );
  });

  for (const { name, examples } of pages) {
    it(`docs/rules/${name}.md has incorrect and correct VBScript examples`, () => {
      expect(examples.filter((example) => example.kind === "incorrect").length).toBeGreaterThan(0);
      expect(examples.filter((example) => example.kind === "correct").length).toBeGreaterThan(0);
    });

    for (const { kind, line, code } of examples) {
      it(`docs/rules/${name}.md, ${kind} example at line ${line}`, () => {
        const messages = lint(code);
        expect(messages.filter((m) => m.ruleId === null).map((m) => m.message)).toEqual([]);
        if (kind === "incorrect") {
          expect(messages.length).toBeGreaterThan(0);
          expect([...new Set(messages.map((m) => m.ruleId))]).toEqual([`wua/${name}`]);
        } else {
          expect(messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`)).toEqual([]);
        }
      });
    }
  }
});
