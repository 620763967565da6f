/** ESLint's view of a PowerShell file: locations, parents, traversal, comments and directives. */
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import { describeParseProblem } from "./parse-problem.js";
import type { Ast, Comment, ScriptAst, SourceLocation } from "./parser/ast.js";
import { forEachChild } from "./parser/children.js";

const commentParser = new ConfigCommentParser();
const DIRECTIVE = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

/** PowerShell ends a line at CRLF, LF or a lone CR, as ESLint does for JavaScript. */
export const LINE_END = /\r\n|[\r\n]/u;

type Problem = { ruleId: null; message: string; loc: SourceLocation };

export class PowerShellSourceCode extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: ScriptAst;
  SyntaxElementWithLoc: Ast | Comment;
  ConfigNode: Comment;
}> {
  override readonly ast: ScriptAst;
  readonly comments: readonly Comment[];
  #steps: VisitNodeStep[] | undefined;
  #directiveComments: Comment[] | undefined;

  constructor({ text, ast }: { text: string; ast: ScriptAst }) {
    super({ text, ast, lineEndingPattern: LINE_END });
    this.ast = ast;
    this.comments = ast.comments;
  }

  override getLoc(nodeOrComment: Ast | Comment): SourceLocation {
    return nodeOrComment.loc;
  }

  override getRange(nodeOrComment: Ast | Comment): [number, number] {
    return nodeOrComment.range;
  }

  override getParent(node: Ast | Comment): Ast | undefined {
    return "parent" in node ? (node.parent ?? undefined) : undefined;
  }

  getAllComments(): readonly Comment[] {
    return this.comments;
  }

  /** Enter and exit steps, depth first, without recursion (nesting can be hundreds deep). */
  override traverse(): Iterable<VisitNodeStep> {
    if (this.#steps) return this.#steps;
    const steps: VisitNodeStep[] = [];
    // A node is pending twice: to enter (with its children pushed after it) and to exit, with the
    // handler arguments its entering made (one array serves both steps).
    const pending: Ast[] = [this.ast];
    const exitArgs: (unknown[] | null)[] = [null];
    const push = (child: Ast): void => {
      pending.push(child);
      exitArgs.push(null);
    };
    while (pending.length > 0) {
      const node = pending.pop()!;
      const entered = exitArgs.pop()!;
      if (entered !== null) {
        steps.push(new VisitNodeStep({ target: node, phase: 2, args: entered }));
        continue;
      }
      const args = [node, node.parent];
      steps.push(new VisitNodeStep({ target: node, phase: 1, args }));
      pending.push(node);
      exitArgs.push(args);
      const first = pending.length;
      forEachChild(node, push);
      // Children were pushed in source order; the first must be popped first.
      for (let low = first, high = pending.length - 1; low < high; low++, high--) {
        const child = pending[low]!;
        pending[low] = pending[high]!;
        pending[high] = child;
      }
    }
    this.#steps = steps;
    return steps;
  }

  getInlineConfigNodes(): Comment[] {
    this.#directiveComments ??= this.comments.filter((comment) => DIRECTIVE.test(comment.value));
    return this.#directiveComments;
  }

  /**
   * Directives, and the file's problems that are not a rule's. ESLint reports these problems as
   * errors with no rule id, without stopping the rules: this is where a file PowerShell cannot run
   * gets its one message (see parse-problem.ts), while the rest of it is still checked.
   */
  getDisableDirectives(): { problems: Problem[]; directives: Directive[] } {
    const problems: Problem[] = [];
    const directives: Directive[] = [];
    const problem = describeParseProblem(this.text, this.ast, (offset) => this.getLocFromIndex(offset).line);
    if (problem !== undefined) {
      const [start, end] = problem.range;
      problems.push({ ruleId: null, message: problem.message, loc: { start: this.getLocFromIndex(start), end: this.getLocFromIndex(end) } });
    }
    for (const comment of this.getInlineConfigNodes()) {
      const { label, value, justification } = commentParser.parseDirective(comment.value) ?? {};
      if (label === undefined) continue;
      if (label === "eslint-disable-line" && comment.loc.start.line !== comment.loc.end.line) {
        problems.push({ ruleId: null, message: `${label} comment should not span multiple lines.`, loc: comment.loc });
        continue;
      }
      if (label === "eslint-disable" || label === "eslint-enable" || label === "eslint-disable-next-line" || label === "eslint-disable-line") {
        const type = label.slice("eslint-".length) as "disable" | "enable" | "disable-next-line" | "disable-line";
        directives.push(new Directive({ type, node: comment, value: value ?? "", justification: justification ?? "" }));
      }
    }
    return { problems, directives };
  }

  applyInlineConfig(): { configs: { config: { rules: Record<string, unknown> }; loc: SourceLocation }[]; problems: Problem[] } {
    const configs: { config: { rules: Record<string, unknown> }; loc: SourceLocation }[] = [];
    const problems: Problem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (parsed?.label !== "eslint") continue;
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ config: { rules: result.config as Record<string, unknown> }, loc: comment.loc });
      else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
    }
    return { configs, problems };
  }
}
