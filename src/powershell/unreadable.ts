/**
 * The one message a PowerShell file gets when the parser could not read part of it. Valid PowerShell
 * is never refused, and a grammar gap (a line the parser misreads, see recovery.ts) gets no message.
 * A message needs both part of the file left unread (lines recovery left out, or ERROR regions) and
 * a cause that makes the file unreadable for PowerShell too: a string, here-string, block comment
 * or parenthesis still open at the end of the text (found by a scan with PowerShell's quoting
 * rules), text that is UTF-16 read as UTF-8, or nothing of the file readable at all.
 */
import type { PsProgram } from "./nodes.js";

export interface UnreadableReport {
  /** Offsets of the region the message points at. */
  readonly range: readonly [number, number];
  readonly message: string;
}

/** What could not be read in `ast`, and why, in one message; undefined when the file was read. */
export function describeUnreadable(text: string, ast: PsProgram, lineOf: (offset: number) => number): UnreadableReport | undefined {
  // Checked first: text read in the wrong encoding may still parse as something.
  if (looksUtf16(text)) {
    return {
      range: [0, text.length],
      message:
        "This file could not be read: it looks saved as UTF-16 (\"Unicode\"), and ESLint reads files as UTF-8. " +
        "wua rules did not check it. Save the file as UTF-8 (with or without a BOM) and lint again.",
    };
  }

  const unread = unreadRanges(text, ast);
  if (unread.length === 0) return undefined;
  const lines = unreadLines(unread, lineOf);
  const whereUnread = describeLines(lines);

  const unclosed = findUnclosed(text);
  if (unclosed !== undefined) {
    const line = lineOf(unclosed.start);
    // Quotes pair up wrongly after a string that lacks its closing quote: the one left open at the end
    // is then a later one. (An unclosed here-string, comment or parenthesis is its own cause.)
    const runOn = unclosed.what === "string" && unclosed.runOn && lineOf(unclosed.runOn[0]) < line ? unclosed.runOn : undefined;
    const culprit = runOn
      ? ` Its real cause may be earlier: the string started on line ${lineOf(runOn[0])} runs on to line ${lineOf(runOn[1])}; if it was meant to end on its own line, it lacks its closing quote.`
      : "";
    return {
      range: [runOn ? runOn[0] : unclosed.start, endOfCode(text)],
      message:
        `PowerShell cannot run this file: the ${unclosed.what} ${unclosed.what === "parenthesis" ? "opened" : "started"} with ${unclosed.opener} on line ${line} is never closed${unclosed.hint}.${culprit} ` +
        `wua rules could not read ${whereUnread} and did not check ${lines.length === 1 ? "it" : "them"}, ` +
        `and checked the rest of the file as code. Close the ${unclosed.what} and lint again.`,
    };
  }

  if (ast.errors[0] === ast) {
    return {
      // Sorted by start, a later range may end sooner (a line left out inside an ERROR): the furthest end.
      range: [unread[0]![0], unread.reduce((end, range) => Math.max(end, range[1]), 0)],
      message:
        `This file could not be read as PowerShell: wua rules could not read ${whereUnread} and did not check ${lines.length === 1 ? "it" : "them"}. ` +
        "Check that it is a PowerShell script, saved as UTF-8.",
    };
  }
  return undefined;
}

/** The text the final tree does not hold: lines left out by recovery and ERROR regions, non-blank parts only. */
function unreadRanges(text: string, ast: PsProgram): [number, number][] {
  const ranges: [number, number][] = [];
  for (const [start, end] of ast.skipped ?? []) ranges.push([start, end]);
  for (const error of ast.errors) {
    if (error === ast) for (const child of ast.children) ranges.push([child.range[0], child.range[1]]);
    else ranges.push([error.range[0], error.range[1]]);
  }
  const trimmed: [number, number][] = [];
  for (const [start, end] of ranges) {
    const slice = text.slice(start, end);
    const first = slice.search(/\S/u);
    if (first === -1) continue;
    trimmed.push([start + first, start + slice.trimEnd().length]);
  }
  return trimmed.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function unreadLines(ranges: readonly [number, number][], lineOf: (offset: number) => number): number[] {
  const lines = new Set<number>();
  for (const [start, end] of ranges) {
    const last = lineOf(Math.max(start, end - 1));
    for (let line = lineOf(start); line <= last; line++) lines.add(line);
  }
  return [...lines].sort((a, b) => a - b);
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

function endOfCode(text: string): number {
  return text.trimEnd().length;
}

/** UTF-16 text read as UTF-8 has a NUL next to nearly every ASCII character. */
/**
 * UTF-16 read as UTF-8: its byte-order mark becomes two replacement characters followed by text full
 * of NULs (one per character of Latin text, fewer for other scripts); without a mark, Latin text is
 * still every other character NUL.
 */
function looksUtf16(text: string): boolean {
  if (/^\uFFFD\uFFFD/u.test(text) && text.slice(2, 512).includes("\0")) return true;
  let nuls = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0) nuls++;
  return nuls > 0 && nuls * 4 >= text.length;
}

interface Unclosed {
  readonly start: number;
  readonly what: string;
  readonly opener: string;
  readonly hint: string;
  /**
   * The first quoted string before it that ran on over a line end: legal, but more often the string
   * whose closing quote is really missing (every quote after it then pairs with the wrong one).
   */
  readonly runOn?: readonly [number, number];
}

// PowerShell takes the typographic quotes as quotes too.
const SINGLE_QUOTES = "'\u2018\u2019\u201A\u201B";
const DOUBLE_QUOTES = '"\u201C\u201D\u201E';
/** Where `#` can start a comment: a `#` inside a bare word (`a#b`) is part of the word. */
const BEFORE_COMMENT = " \t\r\n;(){}|&,=";

/**
 * Scans `text` with PowerShell's rules for comments, quotes, here-strings, escapes (backtick) and
 * sub-expressions in strings, and returns the string, here-string, block comment or parenthesis
 * still open at the end of the text, if any. PowerShell refuses such a file ("The string is missing
 * the terminator", "Missing closing ')'"). `[` and `{` are not counted: a bare word may hold a lone
 * `[` (`Get-Item log[1`), and the parser reads an unclosed `{` whole.
 */
export function findUnclosed(text: string): Unclosed | undefined {
  // Each frame: a double-quoted string, or the code of a `$(...)` inside one (with its paren depth).
  const frames: ({ kind: "string"; start: number; opener: string } | { kind: "code"; depth: number })[] = [];
  const length = text.length;
  // The `(` still open in the file's own code (a `$(...)` inside a string counts its own).
  const openParens: number[] = [];
  let runOn: [number, number] | undefined;
  const closed = (start: number, end: number): void => {
    if (runOn === undefined && text.slice(start, end).includes("\n")) runOn = [start, end];
  };
  let i = 0;
  while (i < length) {
    const frame = frames.at(-1);
    const c = text[i]!;
    if (frame?.kind === "string") {
      if (c === "`") i += 2;
      else if (DOUBLE_QUOTES.includes(c)) {
        if (i + 1 < length && DOUBLE_QUOTES.includes(text[i + 1]!)) i += 2;
        else {
          closed(frame.start, i + 1);
          frames.pop();
          i++;
        }
      } else if (c === "$" && text[i + 1] === "(") {
        frames.push({ kind: "code", depth: 1 });
        i += 2;
      } else i++;
      continue;
    }
    // Code: the file's own, or a sub-expression inside a string.
    if (c === "`") {
      i += 2;
    } else if (c === "<" && text[i + 1] === "#") {
      const end = text.indexOf("#>", i + 2);
      if (end === -1) return { start: i, what: "block comment", opener: "<#", hint: " (it needs #> to end it)", runOn };
      i = end + 2;
    } else if (c === "#" && (i === 0 || BEFORE_COMMENT.includes(text[i - 1]!))) {
      i = lineEndAt(text, i);
    } else if (c === "@" && i + 1 < length && (SINGLE_QUOTES.includes(text[i + 1]!) || DOUBLE_QUOTES.includes(text[i + 1]!)) && /^[ \t]*\r?\n/u.test(text.slice(i + 2, i + 200))) {
      const quotes = SINGLE_QUOTES.includes(text[i + 1]!) ? SINGLE_QUOTES : DOUBLE_QUOTES;
      const end = hereStringEnd(text, text.indexOf("\n", i + 2), quotes);
      if (end === -1) {
        const closer = quotes === SINGLE_QUOTES ? "'@" : '"@';
        return { start: i, what: "here-string", opener: `@${text[i + 1]}`, hint: ` (it ends at a line that starts with ${closer})`, runOn };
      }
      i = end;
    } else if (SINGLE_QUOTES.includes(c)) {
      const end = singleQuotedEnd(text, i + 1);
      if (end === -1) return { start: i, what: "string", opener: c, hint: "", runOn };
      closed(i, end);
      i = end;
    } else if (DOUBLE_QUOTES.includes(c)) {
      frames.push({ kind: "string", start: i, opener: c });
      i++;
    } else if (c === "$" && text[i + 1] === "{") {
      // A braced variable name (`${C:\file}`, `${a'b}`) may hold quotes; it ends at `}`.
      const end = bracedVariableEnd(text, i + 2);
      i = end === -1 ? i + 1 : end;
    } else if (c === "-" && text.startsWith("--%", i) && (i === 0 || /\s/u.test(text[i - 1]!))) {
      // Stop-parsing: the rest of the line goes to the program as it is.
      i = lineEndAt(text, i);
    } else if (frame?.kind === "code" && (c === "(" || c === ")")) {
      frame.depth += c === "(" ? 1 : -1;
      if (frame.depth === 0) frames.pop();
      i++;
    } else if (frame === undefined && c === "(") {
      openParens.push(i++);
    } else if (frame === undefined && c === ")") {
      openParens.pop();
      i++;
    } else i++;
  }
  const open = frames.findLast((frame) => frame.kind === "string");
  if (open?.kind === "string") return { start: open.start, what: "string", opener: open.opener, hint: "", runOn };
  // Everything after an unclosed `(` belongs inside it: the first one still open is where reading stops.
  if (openParens.length > 0) return { start: openParens[0]!, what: "parenthesis", opener: "(", hint: " (a ) is missing)", runOn };
  return undefined;
}

function lineEndAt(text: string, from: number): number {
  const end = text.indexOf("\n", from);
  return end === -1 ? text.length : end;
}

/** After the opening quote: the offset after the closing one (a doubled quote is an escaped quote). */
function singleQuotedEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (!SINGLE_QUOTES.includes(text[i]!)) continue;
    if (i + 1 < text.length && SINGLE_QUOTES.includes(text[i + 1]!)) i++;
    else return i + 1;
  }
  return -1;
}

/** From the header's line end: the offset after the closing `"@`/`'@`, which must start a line. */
function hereStringEnd(text: string, headerEnd: number, quotes: string): number {
  for (let nl = headerEnd; nl !== -1; nl = text.indexOf("\n", nl + 1)) {
    if (quotes.includes(text[nl + 1] ?? "") && text[nl + 2] === "@") return nl + 3;
  }
  return -1;
}

function bracedVariableEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === "`") i++;
    else if (text[i] === "}") return i + 1;
    else if (text[i] === "\n") return -1;
  }
  return -1;
}
