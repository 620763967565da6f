/**
 * The kinds of VBScript tokens and its keywords. Keywords are found after a word is scanned, with one
 * lookup of its lower-cased text, since VBScript is case-insensitive. Some words are keywords only
 * where a statement needs them and names elsewhere (`Property`, `Default`, `Error`, `Explicit`,
 * `Step`, as VBScript itself allows): `isNameKind` tells the parser which.
 */

export const enum TokenKind {
  EndOfInput,
  NewLine,
  Colon,
  Identifier,
  Number,
  String,
  Date,
  // punctuation and operators
  LParen,
  RParen,
  Comma,
  /** `.` written right after a name, `)` or `]`: member access. */
  Dot,
  /**
   * `.` not glued to a name or closing bracket (after a blank, an operator, a line start): a `With`
   * member (`.Name`), or, inside an expression, a member written after a line continuation.
   */
  SpacedDot,
  Plus,
  Minus,
  Star,
  Slash,
  Backslash,
  Caret,
  Ampersand,
  Equals,
  NotEqual,
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  /** A character VBScript has no use for (reported). */
  Unknown,
  // keywords
  And,
  ByRef,
  ByVal,
  Call,
  Case,
  Class,
  Const,
  Dim,
  Do,
  Each,
  Else,
  ElseIf,
  Empty,
  End,
  Eqv,
  Erase,
  Exit,
  False,
  For,
  Function,
  GoTo,
  If,
  Imp,
  In,
  Is,
  Let,
  Loop,
  Me,
  Mod,
  New,
  Next,
  Not,
  Nothing,
  Null,
  On,
  Option,
  Or,
  Preserve,
  Private,
  Public,
  ReDim,
  Resume,
  Select,
  Set,
  Stop,
  Sub,
  Then,
  To,
  True,
  Until,
  Wend,
  While,
  With,
  Xor,
  // words that are keywords in one statement and names elsewhere
  Default,
  Error,
  Explicit,
  Property,
  Step,
}

/** The first keyword kind: every kind from here on is a word. */
export const FIRST_KEYWORD = TokenKind.And;
/** The first word that is also a name. */
const FIRST_CONTEXTUAL = TokenKind.Default;

const KEYWORD_LIST: readonly (readonly [string, TokenKind])[] = [
  ["And", TokenKind.And],
  ["ByRef", TokenKind.ByRef],
  ["ByVal", TokenKind.ByVal],
  ["Call", TokenKind.Call],
  ["Case", TokenKind.Case],
  ["Class", TokenKind.Class],
  ["Const", TokenKind.Const],
  ["Dim", TokenKind.Dim],
  ["Do", TokenKind.Do],
  ["Each", TokenKind.Each],
  ["Else", TokenKind.Else],
  ["ElseIf", TokenKind.ElseIf],
  ["Empty", TokenKind.Empty],
  ["End", TokenKind.End],
  ["Eqv", TokenKind.Eqv],
  ["Erase", TokenKind.Erase],
  ["Exit", TokenKind.Exit],
  ["False", TokenKind.False],
  ["For", TokenKind.For],
  ["Function", TokenKind.Function],
  ["GoTo", TokenKind.GoTo],
  ["If", TokenKind.If],
  ["Imp", TokenKind.Imp],
  ["In", TokenKind.In],
  ["Is", TokenKind.Is],
  ["Let", TokenKind.Let],
  ["Loop", TokenKind.Loop],
  ["Me", TokenKind.Me],
  ["Mod", TokenKind.Mod],
  ["New", TokenKind.New],
  ["Next", TokenKind.Next],
  ["Not", TokenKind.Not],
  ["Nothing", TokenKind.Nothing],
  ["Null", TokenKind.Null],
  ["On", TokenKind.On],
  ["Option", TokenKind.Option],
  ["Or", TokenKind.Or],
  ["Preserve", TokenKind.Preserve],
  ["Private", TokenKind.Private],
  ["Public", TokenKind.Public],
  ["ReDim", TokenKind.ReDim],
  ["Resume", TokenKind.Resume],
  ["Select", TokenKind.Select],
  ["Set", TokenKind.Set],
  ["Stop", TokenKind.Stop],
  ["Sub", TokenKind.Sub],
  ["Then", TokenKind.Then],
  ["To", TokenKind.To],
  ["True", TokenKind.True],
  ["Until", TokenKind.Until],
  ["Wend", TokenKind.Wend],
  ["While", TokenKind.While],
  ["With", TokenKind.With],
  ["Xor", TokenKind.Xor],
  ["Default", TokenKind.Default],
  ["Error", TokenKind.Error],
  ["Explicit", TokenKind.Explicit],
  ["Property", TokenKind.Property],
  ["Step", TokenKind.Step],
];

/** Lower-cased keyword to its kind. `Rem` is not here: the tokenizer reads it as a comment. */
export const KEYWORDS: ReadonlyMap<string, TokenKind> = new Map(KEYWORD_LIST.map(([text, kind]) => [text.toLowerCase(), kind]));

/** Each keyword's usual spelling, for messages and operators. */
export const KEYWORD_TEXT: readonly string[] = (() => {
  const texts: string[] = [];
  for (const [text, kind] of KEYWORD_LIST) texts[kind] = text;
  return texts;
})();

/** The longest keyword: longer words are names without a lookup. */
export const LONGEST_KEYWORD = Math.max(...KEYWORD_LIST.map(([text]) => text.length));

/** A word that can be a name here: an identifier or a keyword VBScript also accepts as a name. */
export function isNameKind(kind: TokenKind): boolean {
  return kind === TokenKind.Identifier || kind >= FIRST_CONTEXTUAL;
}

/** The `type` of a token in `ast.tokens`: ESLint-style broad classes. */
export function tokenTypeName(kind: TokenKind): string {
  if (kind >= FIRST_KEYWORD) return "Keyword";
  switch (kind) {
    case TokenKind.EndOfInput:
      return "EndOfInput";
    case TokenKind.NewLine:
      return "NewLine";
    case TokenKind.Identifier:
      return "Identifier";
    case TokenKind.Number:
      return "Number";
    case TokenKind.String:
      return "String";
    case TokenKind.Date:
      return "Date";
    case TokenKind.Unknown:
      return "Unknown";
    default:
      return "Punctuator";
  }
}
