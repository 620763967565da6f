/**
 * One analysis per VBScript file, shared by every wua rule: at the end of ESLint's walk (the
 * program's exit) the interpreter runs the script once, and its findings are handed to each rule.
 */
import { isRemoteMarker, localNamesOf, mayUseWua, readWuaSettings, remoteFileOf } from "../../core/file-context.js";
import type { Finding } from "../../core/findings.js";
import type { Node, ProgramAst } from "../parser/ast.js";
import type { VBScriptSourceCode } from "../source-code.js";
import { Interpreter } from "./procedures.js";
import { indexProgram } from "./program-index.js";
import { mayReport } from "./relevance.js";

const results = new WeakMap<VBScriptSourceCode, readonly Finding<Node>[]>();

/** Listeners that hand the file's findings to `onFindings` once ESLint has walked the whole file. */
export function withVBScriptAnalysis(
  sourceCode: VBScriptSourceCode,
  settings: unknown,
  onFindings: (findings: readonly Finding<Node>[]) => void,
): Record<string, (node: never) => void> {
  return {
    "Program:exit"() {
      let findings = results.get(sourceCode);
      if (findings === undefined) {
        // Most files never touch WUA, and many touch it only through members any caller may use.
        findings = mayUseWua(sourceCode.text) && mayReport(sourceCode.text) ? analyse(sourceCode.ast, sourceCode.text, settings) : [];
        results.set(sourceCode, findings);
      }
      onFindings(findings);
    },
  };
}

function analyse(program: ProgramAst, text: string, rawSettings: unknown): readonly Finding<Node>[] {
  const settings = readWuaSettings(rawSettings);
  // `' wua-remote` and `Rem wua-remote` alike: the comment's text after its marker.
  const marker = program.comments.find((comment) => isRemoteMarker(comment.value));
  const interpreter = new Interpreter({
    text,
    localNames: localNamesOf(settings),
    remoteFile: remoteFileOf(marker?.loc.start.line, settings),
    index: indexProgram(program),
    suggestionsAllowed: program.errors.length === 0,
    commentRanges: program.comments.map((comment) => comment.range),
  });
  interpreter.run(program);
  return [...interpreter.findings].sort((a, b) => a.node.range[0] - b.node.range[0]);
}
