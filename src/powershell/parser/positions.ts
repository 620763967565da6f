/**
 * Offsets to line and column: the starts of lines found once (CRLF, LF and a lone CR end a line, as in
 * PowerShell and ESLint), then a binary search per position, short-cut for the line asked last.
 */
import type { Position } from "./ast.js";

export class LineIndex {
  readonly lineStarts: number[] = [0];
  private lastLine = 0;

  constructor(text: string) {
    const starts = this.lineStarts;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        starts.push(i + 1);
      } else if (code === 0x0a) {
        starts.push(i + 1);
      }
    }
  }

  /** 1-based line, 0-based UTF-16 column. */
  positionAt(offset: number): Position {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.lineStarts[line]! };
  }

  /** 0-based line of `offset`. */
  lineOf(offset: number): number {
    const starts = this.lineStarts;
    const last = this.lastLine;
    if (offset >= starts[last]! && (last + 1 === starts.length || offset < starts[last + 1]!)) return last;
    if (last + 1 < starts.length && offset >= starts[last + 1]! && (last + 2 === starts.length || offset < starts[last + 2]!)) {
      return (this.lastLine = last + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return (this.lastLine = low);
  }
}
