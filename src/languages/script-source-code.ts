/**
 * ESLint's view of a file in one of the plugin's own languages (PowerShell, VBScript): locations,
 * parents, traversal, comments and `eslint-disable` directives. Each language gives its tree's
 * children and the one message a file its interpreter cannot run gets; the rest is the same.
 */
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export interface SourceLocation {
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

export interface ScriptNode {
  readonly type: string;
  readonly range: readonly [number, number];
  readonly loc: SourceLocation;
  readonly parent: ScriptNode | null;
}

export interface ScriptComment {
  /** The comment's text without its markers: where a directive is read. */
  readonly value: string;
  readonly range: readonly [number, number];
  readonly loc: SourceLocation;
}

/** The one message of a file the language's own interpreter would not run, at `range`. */
export interface FileProblem {
  readonly range: readonly [number, number];
  readonly message: string;
}

const commentParser = new ConfigCommentParser();
const DIRECTIVE = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

/** Both languages end a line at CRLF, LF or a lone CR, as ESLint does for JavaScript. */
export const LINE_END = /\r\n|[\r\n]/u;

type Problem = { ruleId: null; message: string; loc: SourceLocation };

export interface ScriptSourceCodeOptions<Root, Node, Comment> {
  readonly text: string;
  readonly ast: Root;
  readonly comments: readonly Comment[];
  readonly forEachChild: (node: Node, visit: (child: Node) => void) => void;
  /** Worked out when ESLint asks for the file's problems: most files have none. */
  readonly describeProblem: (text: string, lineOf: (offset: number) => number) => FileProblem | undefined;
}

export class ScriptSourceCode<Root extends Node, Node extends ScriptNode, Comment extends ScriptComment> extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: Root;
  SyntaxElementWithLoc: Node | Comment;
  ConfigNode: Comment;
}> {
  override readonly ast: Root;
  readonly comments: readonly Comment[];
  readonly #forEachChild: (node: Node, visit: (child: Node) => void) => void;
  readonly #describeProblem: ScriptSourceCodeOptions<Root, Node, Comment>["describeProblem"];
  #steps: VisitNodeStep[] | undefined;
  #directiveComments: Comment[] | undefined;

  constructor(options: ScriptSourceCodeOptions<Root, Node, Comment>) {
    super({ text: options.text, ast: options.ast, lineEndingPattern: LINE_END });
    this.ast = options.ast;
    this.comments = options.comments;
    this.#forEachChild = options.forEachChild;
    this.#describeProblem = options.describeProblem;
  }

  override getLoc(nodeOrComment: Node | Comment): SourceLocation {
    return nodeOrComment.loc;
  }

  override getRange(nodeOrComment: Node | Comment): [number, number] {
    return nodeOrComment.range as [number, number];
  }

  override getParent(node: Node | Comment): Node | undefined {
    return "parent" in node ? ((node.parent as Node | null) ?? undefined) : undefined;
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
    const pending: Node[] = [this.ast];
    const exitArgs: (unknown[] | null)[] = [null];
    const push = (child: Node): void => {
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
      this.#forEachChild(node, push);
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
   * errors with no rule id, without stopping the rules: this is where a file the language's own
   * interpreter would not run gets its one message, while the rest of it is still checked.
   */
  getDisableDirectives(): { problems: Problem[]; directives: Directive[] } {
    const problems: Problem[] = [];
    const directives: Directive[] = [];
    const problem = this.#describeProblem(this.text, (offset) => this.getLocFromIndex(offset).line);
    if (problem !== undefined) {
      // Kept inside the text: an opener may be described longer than what the file has left of it.
      const [start, end] = problem.range.map((offset) => Math.min(offset, this.text.length));
      problems.push({ ruleId: null, message: problem.message, loc: { start: this.getLocFromIndex(start!), end: this.getLocFromIndex(end!) } });
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
