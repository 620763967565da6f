/**
 * Commands: a name (or `&`/`.` and an expression), then parameters, arguments read in argument mode
 * (barewords, strings, variables, comma lists, `--%` and the rest of its line) and redirections
 * (`> file`, `2>> file`, `2>&1`), which may follow an expression too.
 */
import type {
  CommandAst,
  CommandElementAst,
  CommandParameterAst,
  ExpandableStringExpressionAst,
  ExpressionAst,
  FileRedirectionAst,
  MergingRedirectionAst,
  RedirectionAst,
  StringConstantExpressionAst,
} from "./ast.js";
import { ExpressionParser } from "./expressions.js";
import { ArgumentContext } from "./parser-base.js";
import { Mode, STREAMS, type Token } from "./token.js";
import { TokenKind } from "./token-kinds.js";
import { NODE } from "./node.js";

const VERBATIM_ARGUMENT = "--%";

export abstract class CommandParser extends ExpressionParser {
  protected expressionRedirections(): RedirectionAst[] {
    const redirections: RedirectionAst[] = [];
    const taken = new Set<string>();
    for (let token = this.peekToken(); token.kind === TokenKind.Redirection || token.kind === TokenKind.RedirectInStd; token = this.peekToken()) {
      this.skipToken();
      const redirection = this.redirectionRule(token, taken);
      if (redirection !== null) redirections.push(redirection);
    }
    return redirections;
  }

  /**
   * `> file`, `2>> file`, `2>&1`; `<` is reserved. Null for what PowerShell does not support; `end`
   * then says where what was read ends.
   */
  private redirectionRule(token: Token, taken: Set<string>, end?: { at: number }): RedirectionAst | null {
    let result: RedirectionAst;
    if (token.kind === TokenKind.RedirectInStd || token.toStream === -1) {
      let location = this.singleCommandArgument(ArgumentContext.FileName);
      if (location === null) {
        this.reportError(CommandParser.after(token), "MissingFileSpecification", "A file name is missing after the redirection operator.");
        location = this.errorExpression(token.start, token.end);
      }
      if (token.kind === TokenKind.RedirectInStd) {
        this.reportError(token, "RedirectionNotSupported", "The '<' operator is reserved for future use.");
        if (end !== undefined) end.at = location.range[1];
        return null;
      }
      result = this.finish<FileRedirectionAst>({
        __proto__: NODE,
        type: "FileRedirectionAst",
        fromStream: STREAMS[token.fromStream]!,
        append: token.append,
        location,
        range: [token.start, location.range[1]],
        parent: null,
      });
    } else {
      if (token.toStream !== 1 || token.fromStream === token.toStream) {
        this.reportError(token, "RedirectionNotSupported", `The redirection '${this.tokenText(token)}' is not supported: streams can be merged only into the output stream (1).`);
      }
      result = this.finish<MergingRedirectionAst>({
        __proto__: NODE,
        type: "MergingRedirectionAst",
        fromStream: STREAMS[token.fromStream]!,
        toStream: "output",
        range: [token.start, token.end],
        parent: null,
      });
    }
    if (taken.has(result.fromStream)) {
      this.reportError(result, "StreamAlreadyRedirected", `The ${result.fromStream} stream is redirected twice.`);
    }
    taken.add(result.fromStream);
    return result;
  }

  /** A word in argument mode as an expression: a bareword, a quoted or expandable string, a variable, `(...)`, ... */
  protected commandArgument(context: ArgumentContext, first: Token): ExpressionAst | null {
    let token = first;
    let listed: ExpressionAst[] | null = null;
    let comma: Token | null = null;
    for (;;) {
      let argument: ExpressionAst;
      let verbatim = false;
      switch (token.kind) {
        case TokenKind.Pipe:
        case TokenKind.RCurly:
        case TokenKind.RParen:
        case TokenKind.EndOfInput:
        case TokenKind.NewLine:
        case TokenKind.Semi:
        case TokenKind.Redirection:
        case TokenKind.RedirectInStd:
        case TokenKind.AndAnd:
        case TokenKind.OrOr:
        case TokenKind.Ampersand:
        case TokenKind.MinusMinus:
        case TokenKind.Comma:
          this.ungetToken(token);
          if (comma === null) return null;
          this.reportIncompleteInput(CommandParser.after(comma), "MissingExpression", "A value is missing after ','.");
          return this.errorExpression(listed![0]!.range[0], comma.end, listed!);
        case TokenKind.Variable:
        case TokenKind.SplattedVariable:
        case TokenKind.Number:
        case TokenKind.StringExpandable:
        case TokenKind.HereStringExpandable:
        case TokenKind.StringLiteral:
        case TokenKind.HereStringLiteral:
        case TokenKind.LParen:
        case TokenKind.DollarParen:
        case TokenKind.AtParen:
        case TokenKind.AtCurly:
        case TokenKind.LCurly:
          this.ungetToken(token);
          argument = this.primaryExpressionRule(true)!;
          break;
        case TokenKind.Generic:
          if (token.nested !== null && context !== ArgumentContext.CommandName) {
            argument = this.finish<ExpandableStringExpressionAst>({
              __proto__: NODE,
              type: "ExpandableStringExpressionAst",
              value: token.text,
              stringConstantType: "BareWord",
              nestedExpressions: this.nestedExpressions(token.nested),
              range: [token.start, token.end],
              parent: null,
            });
          } else {
            argument = this.bareword(token, token.text);
            verbatim = token.text === VERBATIM_ARGUMENT;
          }
          break;
        default:
          argument = this.bareword(token, this.tokenText(token));
      }
      if (context !== ArgumentContext.CommandArgument || verbatim) return this.listed(listed, argument);
      token = this.peekToken();
      if (token.kind !== TokenKind.Comma) return this.listed(listed, argument);
      comma = token;
      (listed ??= []).push(argument);
      this.skipToken();
      this.skipNewlines();
      token = this.nextToken();
    }
  }

  private listed(listed: ExpressionAst[] | null, last: ExpressionAst): ExpressionAst {
    if (listed === null) return last;
    listed.push(last);
    return this.finish({
      __proto__: NODE,
      type: "ArrayLiteralAst",
      elements: listed,
      range: [listed[0]!.range[0], last.range[1]],
      parent: null,
    } as never) as ExpressionAst;
  }

  protected bareword(token: Token, value: string): StringConstantExpressionAst {
    return this.finish<StringConstantExpressionAst>({
      __proto__: NODE,
      type: "StringConstantExpressionAst",
      value,
      stringConstantType: "BareWord",
      range: [token.start, token.end],
      parent: null,
    });
  }

  /** A single command argument, or null at `,` or the end (used where PowerShell wants one word). */
  protected singleCommandArgument(context: number): ExpressionAst | null {
    const token = this.peekToken();
    if (token.kind === TokenKind.Comma || token.kind === TokenKind.EndOfInput) return null;
    return this.inMode(Mode.Command, () => this.commandArgument(context, this.nextToken()));
  }

  /** A command: its name (or `&`/`.` and an expression), then parameters, arguments and redirections. */
  protected commandRule(): CommandAst | null {
    const oldMode = this.mode;
    this.setMode(Mode.Command);
    try {
      let token = this.nextToken();
      const first = token;
      let end = token.end;
      let invocationOperator: "&" | "." | null = null;
      let context: ArgumentContext = ArgumentContext.CommandName;
      if (token.kind === TokenKind.Dot || token.kind === TokenKind.Ampersand) {
        invocationOperator = token.kind === TokenKind.Dot ? "." : "&";
        token = this.nextToken();
        context = ArgumentContext.CommandNameAfterInvocationOperator;
      }
      const elements: CommandElementAst[] = [];
      const redirections: RedirectionAst[] = [];
      const taken = new Set<string>();
      let sawDashDash = false;
      let verbatim = false;
      scan: for (;;) {
        switch (token.kind) {
          case TokenKind.Pipe:
          case TokenKind.RCurly:
          case TokenKind.RParen:
          case TokenKind.EndOfInput:
          case TokenKind.NewLine:
          case TokenKind.Semi:
          case TokenKind.AndAnd:
          case TokenKind.OrOr:
          case TokenKind.Ampersand:
            this.ungetToken(token);
            break scan;
          case TokenKind.MinusMinus:
            end = token.end;
            elements.push(
              sawDashDash
                ? this.bareword(token, this.tokenText(token))
                : this.finish<CommandParameterAst>({
                  __proto__: NODE,
                  type: "CommandParameterAst",
                  parameterName: "-",
                  argument: null,
                  colon: false,
                  range: [token.start, token.end],
                  parent: null,
                }),
            );
            sawDashDash = true;
            break;
          case TokenKind.Comma:
            end = token.end;
            this.reportError(token, "MissingArgument", "A value is missing before ','.");
            this.skipNewlines();
            break;
          case TokenKind.Parameter:
            if ((context & ArgumentContext.CommandName) !== 0 || sawDashDash) {
              end = token.end;
              elements.push(this.bareword(token, this.tokenText(token)));
              break;
            }
            elements.push(this.parameter(token));
            end = elements[elements.length - 1]!.range[1];
            break;
          case TokenKind.Redirection:
          case TokenKind.RedirectInStd:
            if ((context & ArgumentContext.CommandName) === 0) {
              const readTo = { at: token.end };
              const redirection = this.redirectionRule(token, taken, readTo);
              if (redirection !== null) redirections.push(redirection);
              end = redirection?.range[1] ?? readTo.at;
            } else {
              end = token.end;
              elements.push(this.bareword(token, this.tokenText(token)));
            }
            break;
          default:
            if (token.kind === TokenKind.InlineScript && context === ArgumentContext.CommandName) {
              const body = this.inlineScript(token, elements);
              end = elements[elements.length - 1]!.range[1];
              if (!body) break scan;
              break;
            }
            {
              const argument = this.commandArgument(context, token)!;
              elements.push(argument);
              end = argument.range[1];
              if (isStringToken(token) && token.text === VERBATIM_ARGUMENT) {
                const rest = this.ungot === null ? this.tokenizer.verbatimCommandArgument() : null;
                if (rest !== null) {
                  elements.push(this.bareword(rest, rest.text));
                  end = rest.end;
                  verbatim = true;
                }
              }
            }
        }
        if (verbatim) break;
        context = ArgumentContext.CommandArgument;
        token = this.nextToken();
      }
      if (elements.length === 0) {
        if (invocationOperator !== null) this.reportError(first, "MissingExpression", `A command or expression is missing after '${invocationOperator}'.`);
        return null;
      }
      return this.finish<CommandAst>({
        __proto__: NODE,
        type: "CommandAst",
        commandElements: elements,
        invocationOperator,
        redirections,
        range: [first.start, end],
        parent: null,
      });
    } finally {
      this.setMode(oldMode);
    }
  }

  /** `-Name`, or `-Name:value` with its value. */
  private parameter(token: Token): CommandParameterAst {
    let argument: ExpressionAst | null = null;
    let end = token.end;
    if (token.colon && this.peekToken().kind !== TokenKind.Comma) {
      argument = this.commandArgument(ArgumentContext.CommandArgument, this.nextToken());
      if (argument === null) {
        this.reportError(CommandParser.after(token), "ParameterRequiresArgument", `The parameter '${this.tokenText(token)}' needs a value after the colon.`);
      } else {
        end = argument.range[1];
      }
    }
    return this.finish<CommandParameterAst>({
      __proto__: NODE,
      type: "CommandParameterAst",
      parameterName: token.text,
      argument,
      colon: token.colon,
      range: [token.start, end],
      parent: null,
    });
  }

  /** A workflow's `InlineScript { ... }`: a command named `InlineScript` with the block as its argument. */
  private inlineScript(token: Token, elements: CommandElementAst[]): boolean {
    elements.push(this.bareword(token, token.text));
    this.skipNewlines();
    const lCurly = this.nextToken();
    if (lCurly.kind !== TokenKind.LCurly) {
      this.ungetToken(lCurly);
      this.reportIncompleteInput(CommandParser.after(token), "MissingStatementAfterKeyword", `A script block is missing after '${token.text}'.`);
      return false;
    }
    elements.push(this.scriptBlockExpressionRule(lCurly));
    return true;
  }
}

function isStringToken(token: Token): boolean {
  switch (token.kind) {
    case TokenKind.Generic:
    case TokenKind.StringLiteral:
    case TokenKind.StringExpandable:
    case TokenKind.HereStringLiteral:
    case TokenKind.HereStringExpandable:
      return true;
    default:
      return false;
  }
}
