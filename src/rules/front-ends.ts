/**
 * Which front end analyses a file: the JavaScript one unless a language's front end claims the file's
 * SourceCode. The plugin's entry registers the other languages, so that no rule knows them.
 */
import type { TSESLint } from "@typescript-eslint/utils";
import type { Finding } from "../core/findings.js";
import { withFileAnalysis } from "../js/analysis.js";

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type Deliver = (findings: readonly Finding<unknown>[]) => void;

export interface FrontEnd {
  /** Whether this front end reads files with this SourceCode. */
  readonly accepts: (sourceCode: unknown) => boolean;
  /** Listeners that deliver the file's findings once ESLint has walked it; `file` says where it is on disk. */
  readonly listen: (sourceCode: never, settings: unknown, deliver: Deliver, file: { readonly cwd: string; readonly filename: string }) => Record<string, (node: never) => void>;
}

const frontEnds: FrontEnd[] = [];

export function registerFrontEnd(frontEnd: FrontEnd): void {
  if (!frontEnds.includes(frontEnd)) frontEnds.push(frontEnd);
}

export function listenForFindings(context: AnyContext, deliver: Deliver): TSESLint.RuleListener {
  for (const frontEnd of frontEnds) {
    if (frontEnd.accepts(context.sourceCode)) return frontEnd.listen(context.sourceCode as never, context.settings, deliver, { cwd: context.cwd, filename: context.physicalFilename }) as TSESLint.RuleListener;
  }
  return withFileAnalysis(context, (analysis) => deliver(analysis.findings));
}
