/** A token as the tokenizer hands it to the parser: every kind has the same shape, so reads stay fast. */
import { TokenKind } from "./token-kinds.js";

export const enum Mode {
  /** Argument mode: barewords, parameters, paths. Statements start here. */
  Command,
  /** Expression mode: numbers, operators, member access. */
  Expression,
  /** Inside `[...]`: type names such as `System.Collections.Generic.List`. */
  TypeName,
  /** Class and enum bodies: names, modifiers, attributes. */
  Signature,
}

/** Redirection streams by PowerShell's numbers: `*` is 0, output 1, error 2, ... information 6. */
export const STREAMS = ["all", "output", "error", "warning", "verbose", "debug", "information"] as const;

export class Token {
  /**
   * What the token means: an identifier's or bareword's value (escapes read, quotes removed), a
   * string's value, a parameter's name, a variable's path, a label, a dash operator's spelling.
   */
  text = "";
  /** A number's value. */
  number: number | bigint = 0;
  /** `-Name:` */
  colon = false;
  /** Variables and `$( )` inside an expandable string or bareword, in order. */
  nested: Token[] | null = null;
  /** For a `$( )` inside a double-quoted string whose doubled quotes were read as one: the offsets skipped. */
  skipped: number[] | null = null;
  /** Redirections: from which stream, to which (-1 for a file), and `>>`. */
  fromStream = 1;
  toStream = -1;
  append = false;

  constructor(
    public kind: TokenKind,
    public start: number,
    public end: number,
  ) {}
}
