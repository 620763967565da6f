/**
 * What every front end's abstract interpreter keeps the same way, whatever its language: the findings,
 * one per node (one root cause, one report), the source text of a node for messages, and a bound on
 * how deep it evaluates (real scripts nest far less; past the bound a value is not known, never a
 * stack overflow).
 */
import { abbreviate } from "./file-context.js";
import type { Finding } from "./findings.js";

interface Located {
  readonly range: readonly [number, number];
}

export abstract class FindingInterpreter<Node extends Located> {
  readonly findings: Finding<Node>[] = [];
  private readonly reported = new Set<Node>();
  private depth = 0;

  constructor(
    private readonly sourceText: string,
    private readonly maxDepth: number,
  ) {}

  protected report(finding: Finding<Node>): void {
    if (this.reported.has(finding.node)) return;
    this.reported.add(finding.node);
    this.findings.push(finding);
  }

  protected text(node: Node): string {
    return this.sourceText.slice(node.range[0], node.range[1]);
  }

  protected abbreviated(node: Node): string {
    return abbreviate(this.text(node));
  }

  /** One level deeper, or false past the bound: the caller then yields unknown. */
  protected enter(): boolean {
    if (this.depth >= this.maxDepth) return false;
    this.depth++;
    return true;
  }

  protected leave(): void {
    this.depth--;
  }
}
