/**
 * The one message a PowerShell file gets when PowerShell itself could not run it: where its parser
 * stops reading (the first error), what is left open, and what the wua rules checked anyway. Text
 * that is not PowerShell at all (UTF-16 read as UTF-8, binary data) gets a message of its own.
 */
import { looksMisreadUnicode, MISREAD_UNICODE_MESSAGE } from "../text/encoding.js";
import type { ParseError, ScriptAst } from "./parser/ast.js";

export interface FileProblem {
  /** Offsets of the text the message points at. */
  readonly range: readonly [number, number];
  readonly message: string;
}

/** What to say about `ast`'s file, or undefined when PowerShell reads it without an error. */
export function describeParseProblem(text: string, ast: ScriptAst, lineOf: (offset: number) => number): FileProblem | undefined {
  // Checked first: text read in the wrong encoding may still parse as something.
  if (looksMisreadUnicode(text)) return { range: [0, text.length], message: MISREAD_UNICODE_MESSAGE };
  // PowerShell's first error, in the order its parser meets them, is where it stops reading the script.
  const [first] = ast.errors;
  if (first === undefined) return undefined;
  const end = endOfCode(text);
  if (looksBinary(text)) {
    return {
      range: [0, end],
      message: `This file could not be read as PowerShell: wua rules could not read ${describeLines(range(lineOf(0), lineOf(Math.max(0, end - 1))))} and did not check them. Check that it is a PowerShell script, saved as UTF-8.`,
    };
  }
  const line = lineOf(first.range[0]);
  const unclosed = UNCLOSED[first.errorId];
  if (unclosed !== undefined && first.incompleteInput) {
    const opener = openerAt(text, first);
    const what = unclosed.what(opener);
    if (unclosed.swallows) {
      // Everything after the opener is the string's or comment's text: PowerShell reads no code there.
      const runOn = what === "string" ? runOnString(ast, first.range[0], lineOf) : undefined;
      const culprit = runOn
        ? ` Its real cause may be earlier: the string started on line ${lineOf(runOn[0])} runs on to line ${lineOf(runOn[1])}; if it was meant to end on its own line, it lacks its closing quote.`
        : "";
      const unread = range(line, lineOf(Math.max(first.range[0], end - 1)));
      return {
        range: [runOn ? runOn[0] : first.range[0], Math.max(end, first.range[0] + opener.length)],
        message:
          `PowerShell cannot run this file: the ${what} started with ${opener} on line ${line} is never closed${unclosed.hint(opener)}.${culprit} ` +
          `wua rules could not read ${describeLines(unread)} and did not check ${unread.length === 1 ? "it" : "them"}, ` +
          `and checked the rest of the file as code. Close the ${what} and lint again.`,
      };
    }
    const openedLine = lineOf(first.openedAt?.[0] ?? first.range[0]);
    return {
      range: first.openedAt ?? first.range,
      message:
        `PowerShell cannot run this file: the ${what} opened with ${opener} on line ${openedLine} is never closed${unclosed.hint(opener)}. ` +
        `wua rules checked the whole file as code, reading what follows it as inside it. Close the ${what} and lint again.`,
    };
  }
  const column = first.loc.start.column + 1;
  return {
    range: first.range[1] > first.range[0] ? first.range : [first.range[0], Math.min(first.range[0] + 1, text.length)],
    message:
      `PowerShell cannot run this file: ${lowerFirst(first.message.replace(/\.$/u, ""))} (line ${line}, column ${column}). ` +
      "wua rules checked the rest of the file as code. Correct the script and lint again.",
  };
}

interface UnclosedKind {
  /** The text of the opening token is everything after it (a string, a comment): none of it is code. */
  readonly swallows: boolean;
  readonly what: (opener: string) => string;
  readonly hint: (opener: string) => string;
}

const SWALLOWING_STRING: UnclosedKind = {
  swallows: true,
  what: (opener) => (opener.startsWith("@") ? "here-string" : "string"),
  hint: (opener) => (opener.startsWith("@") ? ` (it ends at a line that starts with ${opener[1]}@)` : ""),
};

const BRACKET = (what: string, closer: string): UnclosedKind => ({ swallows: false, what: () => what, hint: () => ` (a ${closer} is missing)` });

/** The errors of a construct left open at the end of the text, by PowerShell's error id. */
const UNCLOSED: Readonly<Record<string, UnclosedKind>> = {
  TerminatorExpectedAtEndOfString: SWALLOWING_STRING,
  MissingTerminatorMultiLineComment: { swallows: true, what: () => "block comment", hint: () => " (it needs #> to end it)" },
  IncompleteDollarSubexpressionReference: { swallows: true, what: () => "sub-expression", hint: () => " (a ) is missing)" },
  IncompleteDollarVariableReference: { swallows: true, what: () => "variable name", hint: () => " (a } is missing)" },
  MissingEndParenthesisInExpression: BRACKET("parenthesis", ")"),
  MissingEndParenthesisInSubexpression: BRACKET("parenthesis", ")"),
  MissingEndParenthesisInMethodCall: BRACKET("parenthesis", ")"),
  MissingEndParenthesisInFunctionParameterList: BRACKET("parenthesis", ")"),
  MissingEndSquareBracket: BRACKET("bracket", "]"),
  MissingEndCurlyBrace: BRACKET("brace", "}"),
};

/** What opened the construct left open: the error's range, or for a string or comment running to the end its first characters. */
function openerAt(text: string, error: ParseError): string {
  const start = error.range[0];
  if (error.errorId === "TerminatorExpectedAtEndOfString") return text.slice(start, start + (text[start] === "@" ? 2 : 1));
  if (error.errorId === "MissingTerminatorMultiLineComment") return "<#";
  if (error.errorId === "IncompleteDollarSubexpressionReference") return "$(";
  if (error.errorId === "IncompleteDollarVariableReference") return "${";
  const opener = error.openedAt ?? error.range;
  return text.slice(opener[0], opener[1]);
}

/**
 * The last string before `start` that runs on over a line end to the line of `start`: legal, but more
 * often the string whose closing quote is really missing (every quote after it then pairs wrongly).
 */
function runOnString(ast: ScriptAst, start: number, lineOf: (offset: number) => number): readonly [number, number] | undefined {
  const line = lineOf(start);
  let found: readonly [number, number] | undefined;
  for (const token of ast.tokens) {
    if (token.range[0] >= start) break;
    if ((token.type === "StringExpandable" || token.type === "StringLiteral") && lineOf(token.range[1] - 1) === line && lineOf(token.range[0]) < line) {
      found = token.range;
    }
  }
  return found;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** "line 4", "lines 4 and 9", "lines 2–5, 9 and 12", "lines 2, 4, 6, 8 and 5 other places". */
export function describeLines(lines: readonly number[]): string {
  const spans: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    spans.push(i === j ? `${lines[i]}` : `${lines[i]}–${lines[j]}`);
    i = j + 1;
  }
  const shown = spans.length > 5 ? [...spans.slice(0, 4), `${spans.length - 4} other places`] : spans;
  const list = shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
  return lines.length === 1 ? `line ${list}` : `lines ${list}`;
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function endOfCode(text: string): number {
  return text.trimEnd().length;
}

/** NUL characters, or bytes that were not UTF-8: not a script PowerShell would be given. */
function looksBinary(text: string): boolean {
  return text.includes("\0") || text.includes("\uFFFD");
}
