/** ESLint's view of a PowerShell file: locations, parents, traversal, comments and directives. */
import {
  ConfigCommentParser,
  Directive,
  TextSourceCodeBase,
  VisitNodeStep,
} from "@eslint/plugin-kit";
import type { PsComment, PsNode, PsProgram } from "./nodes.js";
import { describeUnreadable } from "./unreadable.js";

type Location = { start: { line: number; column: number }; end: { line: number; column: number } };

const commentParser = new ConfigCommentParser();
const DIRECTIVE = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

/** PowerShell ends a line at CRLF, LF or a lone CR (old Mac editors), as ESLint does for JavaScript. */
export const LINE_END = /\r\n|[\r\n]/u;

export class PowerShellSourceCode extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: PsProgram;
  SyntaxElementWithLoc: PsNode | PsComment;
  ConfigNode: PsComment;
}> {
  override readonly ast: PsProgram;
  readonly comments: readonly PsComment[];
  readonly #locations = new WeakMap<PsNode, Location>();
  #steps: VisitNodeStep[] | undefined;
  #directiveComments: PsComment[] | undefined;

  constructor({ text, ast }: { text: string; ast: PsProgram }) {
    super({ text, ast, lineEndingPattern: LINE_END });
    this.ast = ast;
    this.comments = ast.comments;
    for (const comment of ast.comments) {
      comment.loc = { start: this.getLocFromIndex(comment.range[0]), end: this.getLocFromIndex(comment.range[1]) };
    }
  }

  override getLoc(nodeOrComment: PsNode | PsComment): Location {
    if (nodeOrComment.type === "comment") return (nodeOrComment as PsComment).loc!;
    const node = nodeOrComment as PsNode;
    let loc = this.#locations.get(node);
    if (loc === undefined && node === this.ast) {
      // getLocFromIndex() itself asks for the root's location: compute that one from the lines.
      const lines = this.lines;
      loc = { start: { line: 1, column: 0 }, end: { line: lines.length, column: lines[lines.length - 1]!.length } };
      this.#locations.set(node, loc);
    }
    if (loc === undefined) {
      loc = { start: this.getLocFromIndex(node.range[0]), end: this.getLocFromIndex(node.range[1]) };
      this.#locations.set(node, loc);
    }
    return loc;
  }

  override getRange(nodeOrComment: PsNode | PsComment): [number, number] {
    return nodeOrComment.range;
  }

  override getParent(node: PsNode | PsComment): PsNode | undefined {
    return "parent" in node ? (node.parent ?? undefined) : undefined;
  }

  getAllComments(): readonly PsComment[] {
    return this.comments;
  }

  /** Enter and exit steps, depth first, without recursion (nesting can be thousands deep). */
  override traverse(): Iterable<VisitNodeStep> {
    if (this.#steps) return this.#steps;
    const steps: VisitNodeStep[] = [];
    const pending: { node: PsNode; exit: boolean }[] = [{ node: this.ast, exit: false }];
    while (pending.length > 0) {
      const { node, exit } = pending.pop()!;
      steps.push(new VisitNodeStep({ target: node, phase: exit ? 2 : 1, args: [node, node.parent] }));
      if (exit) continue;
      pending.push({ node, exit: true });
      for (let i = node.children.length - 1; i >= 0; i--) pending.push({ node: node.children[i]!, exit: false });
    }
    this.#steps = steps;
    return steps;
  }

  getInlineConfigNodes(): PsComment[] {
    this.#directiveComments ??= this.comments.filter((comment) => DIRECTIVE.test(comment.value));
    return this.#directiveComments;
  }

  /**
   * Directives, and the file's problems that are not a rule's. ESLint reports these problems as
   * errors with no rule id, without stopping the rules: this is where a file that could not be read
   * in part gets its one message (see unreadable.ts), while its readable part is still checked.
   */
  getDisableDirectives(): { problems: { ruleId: null; message: string; loc: Location }[]; directives: Directive[] } {
    const problems: { ruleId: null; message: string; loc: Location }[] = [];
    const directives: Directive[] = [];
    const unreadable = describeUnreadable(this.text, this.ast, (offset) => this.getLocFromIndex(offset).line);
    if (unreadable !== undefined) {
      const [start, end] = unreadable.range;
      problems.push({ ruleId: null, message: unreadable.message, loc: { start: this.getLocFromIndex(start), end: this.getLocFromIndex(end) } });
    }
    for (const comment of this.getInlineConfigNodes()) {
      const { label, value, justification } = commentParser.parseDirective(comment.value) ?? {};
      if (label === undefined) continue;
      if (label === "eslint-disable-line" && comment.loc!.start.line !== comment.loc!.end.line) {
        problems.push({ ruleId: null, message: `${label} comment should not span multiple lines.`, loc: comment.loc! });
        continue;
      }
      if (label === "eslint-disable" || label === "eslint-enable" || label === "eslint-disable-next-line" || label === "eslint-disable-line") {
        const type = label.slice("eslint-".length) as "disable" | "enable" | "disable-next-line" | "disable-line";
        directives.push(new Directive({ type, node: comment, value: value ?? "", justification: justification ?? "" }));
      }
    }
    return { problems, directives };
  }

  applyInlineConfig(): {
    configs: { config: { rules: Record<string, unknown> }; loc: Location }[];
    problems: { ruleId: null; message: string; loc: Location }[];
  } {
    const configs: { config: { rules: Record<string, unknown> }; loc: Location }[] = [];
    const problems: { ruleId: null; message: string; loc: Location }[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (parsed?.label !== "eslint") continue;
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ config: { rules: result.config as Record<string, unknown> }, loc: comment.loc! });
      else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc! });
    }
    return { configs, problems };
  }
}
