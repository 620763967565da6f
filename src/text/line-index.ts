/**
 * Offsets to line and column for the plugin's parsers: the starts of lines found once (CRLF, LF and a
 * lone CR end a line, as in PowerShell, cscript and ESLint), then a binary search per position,
 * short-cut for the line asked last and the one after it (ESLint asks in order).
 */

export interface Position {
  /** 1-based. */
  readonly line: number;
  /** 0-based, in UTF-16 code units. */
  readonly column: number;
}

export interface SourceLocation {
  readonly start: Position;
  readonly end: Position;
}

export class LineIndex {
  readonly lineStarts: number[] = [0];
  private lastLine = 0;

  constructor(text: string) {
    const starts = this.lineStarts;
    // Found with indexOf, which is far faster than reading every character.
    if (!text.includes("\r")) {
      for (let lf = text.indexOf("\n"); lf !== -1; lf = text.indexOf("\n", lf + 1)) starts.push(lf + 1);
      return;
    }
    let lf = text.indexOf("\n");
    let cr = text.indexOf("\r");
    while (lf !== -1 || cr !== -1) {
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        // A CR before an LF ends the line with it (CRLF); a lone CR ends a line alone.
        if (cr + 1 !== lf) starts.push(cr + 1);
        cr = text.indexOf("\r", cr + 1);
      } else {
        starts.push(lf + 1);
        lf = text.indexOf("\n", lf + 1);
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
