/**
 * The PowerShell syntax tree ESLint walks: plain objects built once from tree-sitter's tree, so that
 * they keep their identity (ESLint's traversal, selectors and WeakMaps need that). Node types are
 * tree-sitter-powershell's; the chains of single-child wrapper nodes the grammar nests every
 * expression in are collapsed, and punctuation and comments are left out of `children`.
 */
export interface PsNode {
  readonly type: string;
  /** UTF-16 offsets into the text, like ESLint's JS ranges. */
  readonly range: [number, number];
  readonly children: PsNode[];
  parent: PsNode | null;
  /**
   * The first punctuation token directly inside the node, where the grammar keeps one: `::` or `.`
   * in a member access, `&` or `.` before a command, `=` or `+=` in an assignment operator.
   */
  readonly token: string | undefined;
}

export interface PsComment {
  readonly type: "comment";
  readonly range: [number, number];
  /** Set by the source code, which knows the lines. */
  loc?: { start: { line: number; column: number }; end: { line: number; column: number } };
  /** The text between `#` and the line end, or between `<#` and `#>`. */
  readonly value: string;
  readonly block: boolean;
}

export interface PsProgram extends PsNode {
  readonly type: "program";
  readonly comments: readonly PsComment[];
  /** Regions tree-sitter could not read (ERROR nodes), outermost only, in source order. */
  readonly errors: readonly PsNode[];
  /**
   * Text left out of the tree: lines where the grammar failed on what may be valid PowerShell
   * (see recovery.ts). Their comments are kept.
   */
  readonly skipped?: readonly (readonly [number, number])[];
  /**
   * Where the parser failed on the text as it is (before recovery left lines out): ERROR ranges and
   * MISSING tokens. Code there is analysed as recovery read it, but no fix is offered in it.
   */
  readonly misread?: readonly (readonly [number, number])[];
}
