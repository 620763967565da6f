/**
 * The kinds of PowerShell tokens, named as PowerShell's own `TokenKind`, with the traits the parser
 * asks about (binary precedence, unary, assignment, keyword, ...). Dash operators (`-eq`, `-like`, ...)
 * share one kind and carry their spelling; their precedence comes from that spelling.
 */

export enum TokenKind {
  Unknown,
  Variable,
  SplattedVariable,
  Parameter,
  Number,
  Label,
  Identifier,
  Generic,
  NewLine,
  EndOfInput,
  StringLiteral,
  StringExpandable,
  HereStringLiteral,
  HereStringExpandable,
  LParen,
  RParen,
  LCurly,
  RCurly,
  LBracket,
  RBracket,
  AtParen,
  AtCurly,
  DollarParen,
  Semi,
  AndAnd,
  OrOr,
  Ampersand,
  Pipe,
  Comma,
  MinusMinus,
  PlusPlus,
  DotDot,
  ColonColon,
  Dot,
  Exclaim,
  Multiply,
  Divide,
  Rem,
  Plus,
  Minus,
  Equals,
  PlusEquals,
  MinusEquals,
  MultiplyEquals,
  DivideEquals,
  RemainderEquals,
  QuestionQuestionEquals,
  Redirection,
  RedirectInStd,
  /** `-f` */
  Format,
  Not,
  Bnot,
  /** `-split`, `-isplit`, `-csplit`: binary and unary. */
  Split,
  /** `-join`: binary and unary. */
  Join,
  /** Every other dash operator: comparisons, `-and`, `-band`, `-as`, `-shl`, ... */
  DashOperator,
  Colon,
  QuestionMark,
  QuestionQuestion,
  QuestionDot,
  QuestionLBracket,
  // Keywords.
  Begin,
  Break,
  Catch,
  Class,
  Continue,
  Data,
  Define,
  Do,
  Dynamicparam,
  Else,
  ElseIf,
  End,
  Exit,
  Filter,
  Finally,
  For,
  Foreach,
  From,
  Function,
  If,
  In,
  Param,
  Process,
  Return,
  Switch,
  Throw,
  Trap,
  Try,
  Until,
  Using,
  Var,
  While,
  Workflow,
  Parallel,
  Sequence,
  InlineScript,
  Configuration,
  Public,
  Private,
  Static,
  Interface,
  Enum,
  Namespace,
  Module,
  Type,
  Assembly,
  Command,
  Hidden,
  Base,
  Default,
  Clean,
}

export const enum TokenTrait {
  BinaryOperator = 0x1,
  UnaryOperator = 0x2,
  AssignmentOperator = 0x4,
  /** Scanned the same in every tokenizer mode: the parser need not scan it again after a mode change. */
  ModeInvariant = 0x8,
  Keyword = 0x10,
  ScriptBlockBlockName = 0x20,
  StatementDoesntSupportAttributes = 0x40,
  PrefixOrPostfix = 0x80,
}

const TRAITS = new Uint8Array(TokenKind.Clean + 1);
const PRECEDENCE = new Uint8Array(TokenKind.Clean + 1);

function trait(kinds: readonly TokenKind[], traits: number): void {
  for (const kind of kinds) TRAITS[kind]! |= traits;
}

trait(
  [
    TokenKind.NewLine, TokenKind.EndOfInput, TokenKind.StringLiteral, TokenKind.StringExpandable, TokenKind.HereStringLiteral,
    TokenKind.HereStringExpandable, TokenKind.LParen, TokenKind.RParen, TokenKind.LCurly, TokenKind.RCurly, TokenKind.RBracket,
    TokenKind.AtParen, TokenKind.AtCurly, TokenKind.DollarParen, TokenKind.Semi, TokenKind.AndAnd, TokenKind.OrOr,
    TokenKind.Ampersand, TokenKind.Pipe, TokenKind.Comma, TokenKind.RedirectInStd,
  ],
  TokenTrait.ModeInvariant,
);
trait([TokenKind.Comma, TokenKind.Exclaim, TokenKind.Not, TokenKind.Bnot, TokenKind.Plus, TokenKind.Minus, TokenKind.Split, TokenKind.Join], TokenTrait.UnaryOperator);
trait([TokenKind.MinusMinus, TokenKind.PlusPlus], TokenTrait.UnaryOperator | TokenTrait.PrefixOrPostfix);
trait(
  [
    TokenKind.Equals, TokenKind.PlusEquals, TokenKind.MinusEquals, TokenKind.MultiplyEquals, TokenKind.DivideEquals,
    TokenKind.RemainderEquals, TokenKind.QuestionQuestionEquals,
  ],
  TokenTrait.AssignmentOperator,
);

/** PowerShell's binary precedence levels, lowest first. */
export const enum Precedence {
  Logical = 1,
  Bitwise = 2,
  Comparison = 5,
  Coalesce = 7,
  Add = 9,
  Multiply = 10,
  Format = 12,
  Range = 13,
}

function binary(kinds: readonly TokenKind[], precedence: Precedence): void {
  for (const kind of kinds) {
    TRAITS[kind]! |= TokenTrait.BinaryOperator;
    PRECEDENCE[kind] = precedence;
  }
}

binary([TokenKind.DotDot], Precedence.Range);
binary([TokenKind.Format], Precedence.Format);
binary([TokenKind.Multiply, TokenKind.Divide, TokenKind.Rem], Precedence.Multiply);
binary([TokenKind.Plus, TokenKind.Minus], Precedence.Add);
binary([TokenKind.QuestionQuestion], Precedence.Coalesce);
binary([TokenKind.Split, TokenKind.Join], Precedence.Comparison);
// Dash operators carry their own precedence (see operatorPrecedence); the trait marks them binary.
binary([TokenKind.DashOperator], Precedence.Comparison);

export function hasTrait(kind: TokenKind, wanted: TokenTrait): boolean {
  return (TRAITS[kind]! & wanted) !== 0;
}

export function precedenceOf(kind: TokenKind, operator: string | undefined): number {
  if (kind === TokenKind.DashOperator && operator !== undefined) return DASH_OPERATOR_PRECEDENCE.get(operator) ?? Precedence.Comparison;
  return PRECEDENCE[kind]!;
}

const KEYWORD_LIST: readonly (readonly [string, TokenKind, number?])[] = [
  ["elseif", TokenKind.ElseIf],
  ["if", TokenKind.If, TokenTrait.StatementDoesntSupportAttributes],
  ["else", TokenKind.Else],
  ["switch", TokenKind.Switch, TokenTrait.StatementDoesntSupportAttributes],
  ["foreach", TokenKind.Foreach, TokenTrait.StatementDoesntSupportAttributes],
  ["from", TokenKind.From, TokenTrait.StatementDoesntSupportAttributes],
  ["in", TokenKind.In],
  ["for", TokenKind.For, TokenTrait.StatementDoesntSupportAttributes],
  ["while", TokenKind.While, TokenTrait.StatementDoesntSupportAttributes],
  ["until", TokenKind.Until],
  ["do", TokenKind.Do, TokenTrait.StatementDoesntSupportAttributes],
  ["try", TokenKind.Try, TokenTrait.StatementDoesntSupportAttributes],
  ["catch", TokenKind.Catch],
  ["finally", TokenKind.Finally],
  ["trap", TokenKind.Trap, TokenTrait.StatementDoesntSupportAttributes],
  ["data", TokenKind.Data, TokenTrait.StatementDoesntSupportAttributes],
  ["return", TokenKind.Return, TokenTrait.StatementDoesntSupportAttributes],
  ["continue", TokenKind.Continue, TokenTrait.StatementDoesntSupportAttributes],
  ["break", TokenKind.Break, TokenTrait.StatementDoesntSupportAttributes],
  ["exit", TokenKind.Exit, TokenTrait.StatementDoesntSupportAttributes],
  ["throw", TokenKind.Throw, TokenTrait.StatementDoesntSupportAttributes],
  ["begin", TokenKind.Begin, TokenTrait.ScriptBlockBlockName],
  ["process", TokenKind.Process, TokenTrait.ScriptBlockBlockName],
  ["end", TokenKind.End, TokenTrait.ScriptBlockBlockName],
  ["dynamicparam", TokenKind.Dynamicparam, TokenTrait.ScriptBlockBlockName],
  ["function", TokenKind.Function, TokenTrait.StatementDoesntSupportAttributes],
  ["filter", TokenKind.Filter, TokenTrait.StatementDoesntSupportAttributes],
  ["param", TokenKind.Param],
  ["class", TokenKind.Class],
  ["define", TokenKind.Define, TokenTrait.StatementDoesntSupportAttributes],
  ["var", TokenKind.Var, TokenTrait.StatementDoesntSupportAttributes],
  ["using", TokenKind.Using, TokenTrait.StatementDoesntSupportAttributes],
  ["workflow", TokenKind.Workflow, TokenTrait.StatementDoesntSupportAttributes],
  ["parallel", TokenKind.Parallel, TokenTrait.StatementDoesntSupportAttributes],
  ["sequence", TokenKind.Sequence, TokenTrait.StatementDoesntSupportAttributes],
  ["inlinescript", TokenKind.InlineScript, TokenTrait.StatementDoesntSupportAttributes],
  ["configuration", TokenKind.Configuration],
  ["public", TokenKind.Public],
  ["private", TokenKind.Private],
  ["static", TokenKind.Static],
  ["interface", TokenKind.Interface],
  ["enum", TokenKind.Enum],
  ["namespace", TokenKind.Namespace],
  ["module", TokenKind.Module],
  ["type", TokenKind.Type],
  ["assembly", TokenKind.Assembly],
  ["command", TokenKind.Command],
  ["hidden", TokenKind.Hidden],
  ["base", TokenKind.Base],
  ["default", TokenKind.Default],
  ["clean", TokenKind.Clean, TokenTrait.ScriptBlockBlockName],
];

/** Keywords by lower-cased spelling. */
export const KEYWORDS: ReadonlyMap<string, TokenKind> = new Map(KEYWORD_LIST.map(([text, kind]) => [text, kind]));
for (const [, kind, traits] of KEYWORD_LIST) TRAITS[kind]! |= TokenTrait.Keyword | (traits ?? 0);

/** The text of each keyword kind, for messages. */
export const KEYWORD_TEXT: ReadonlyMap<TokenKind, string> = new Map(KEYWORD_LIST.map(([text, kind]) => [kind, text]));

/** Dash operators by lower-cased name (without the dash): their kind, and the spelling the tree keeps. */
export const DASH_OPERATORS: ReadonlyMap<string, TokenKind> = new Map([
  ["f", TokenKind.Format],
  ["not", TokenKind.Not],
  ["bnot", TokenKind.Bnot],
  ["split", TokenKind.Split],
  ["isplit", TokenKind.Split],
  ["csplit", TokenKind.Split],
  ["join", TokenKind.Join],
  ...[
    "eq", "ieq", "ceq", "ne", "ine", "cne", "ge", "ige", "cge", "gt", "igt", "cgt", "lt", "ilt", "clt", "le", "ile", "cle",
    "like", "ilike", "clike", "notlike", "inotlike", "cnotlike", "match", "imatch", "cmatch", "notmatch", "inotmatch", "cnotmatch",
    "replace", "ireplace", "creplace", "contains", "icontains", "ccontains", "notcontains", "inotcontains", "cnotcontains",
    "in", "iin", "cin", "notin", "inotin", "cnotin", "isnot", "is", "as", "shl", "shr",
    "and", "or", "xor", "band", "bor", "bxor",
  ].map((name) => [name, TokenKind.DashOperator] as const),
]);

const DASH_OPERATOR_PRECEDENCE: ReadonlyMap<string, Precedence> = new Map([
  ["-and", Precedence.Logical],
  ["-or", Precedence.Logical],
  ["-xor", Precedence.Logical],
  ["-band", Precedence.Bitwise],
  ["-bor", Precedence.Bitwise],
  ["-bxor", Precedence.Bitwise],
]);

/** The spelling of simple tokens, for messages such as "Unexpected token ')'". */
export const PUNCTUATION_TEXT: Partial<Record<TokenKind, string>> = {
  [TokenKind.LParen]: "(",
  [TokenKind.RParen]: ")",
  [TokenKind.LCurly]: "{",
  [TokenKind.RCurly]: "}",
  [TokenKind.LBracket]: "[",
  [TokenKind.RBracket]: "]",
  [TokenKind.AtParen]: "@(",
  [TokenKind.AtCurly]: "@{",
  [TokenKind.DollarParen]: "$(",
  [TokenKind.Semi]: ";",
  [TokenKind.AndAnd]: "&&",
  [TokenKind.OrOr]: "||",
  [TokenKind.Ampersand]: "&",
  [TokenKind.Pipe]: "|",
  [TokenKind.Comma]: ",",
  [TokenKind.MinusMinus]: "--",
  [TokenKind.PlusPlus]: "++",
  [TokenKind.DotDot]: "..",
  [TokenKind.ColonColon]: "::",
  [TokenKind.Dot]: ".",
  [TokenKind.Exclaim]: "!",
  [TokenKind.Multiply]: "*",
  [TokenKind.Divide]: "/",
  [TokenKind.Rem]: "%",
  [TokenKind.Plus]: "+",
  [TokenKind.Minus]: "-",
  [TokenKind.Equals]: "=",
  [TokenKind.PlusEquals]: "+=",
  [TokenKind.MinusEquals]: "-=",
  [TokenKind.MultiplyEquals]: "*=",
  [TokenKind.DivideEquals]: "/=",
  [TokenKind.RemainderEquals]: "%=",
  [TokenKind.QuestionQuestionEquals]: "??=",
  [TokenKind.Colon]: ":",
  [TokenKind.QuestionMark]: "?",
  [TokenKind.QuestionQuestion]: "??",
  [TokenKind.QuestionDot]: "?.",
  [TokenKind.QuestionLBracket]: "?[",
};
