/**
 * One analysis per PowerShell file, shared by every wua rule: the file's functions, classes and
 * script blocks are indexed, then the interpreter runs the script once and its findings are handed
 * to each rule at the end of ESLint's walk.
 */
import { isRemoteMarker, localNamesOf, mayUseWua, readWuaSettings, remoteFileOf } from "../../core/file-context.js";
import type { Finding } from "../../core/findings.js";
import type { Ast, ScriptAst } from "../parser/ast.js";
import type { PowerShellSourceCode } from "../source-code.js";
import { Interpreter } from "./functions.js";
import { Scope } from "./scope.js";
import { indexScript } from "./script-index.js";

const analyses = new WeakMap<PowerShellSourceCode, readonly Finding<Ast>[]>();

/** Listeners that hand the file's findings to `onFindings` once ESLint has walked the whole file. */
export function withPowerShellAnalysis(
  sourceCode: PowerShellSourceCode,
  settings: unknown,
  onFindings: (findings: readonly Finding<Ast>[]) => void,
): Record<string, (node: Ast) => void> {
  return {
    "ScriptBlockAst:exit"(node) {
      if (node.parent !== null) return;
      let findings = analyses.get(sourceCode);
      if (findings === undefined) {
        findings = mayUseWua(sourceCode.text) ? analyse(sourceCode.ast, sourceCode.text, settings) : [];
        analyses.set(sourceCode, findings);
      }
      onFindings(findings);
    },
  };
}

function analyse(script: ScriptAst, text: string, rawSettings: unknown): readonly Finding<Ast>[] {
  const settings = readWuaSettings(rawSettings);
  const index = indexScript(script);
  const marker = script.comments.find((comment) => isRemoteMarker(comment.value));
  const interpreter = new Interpreter(
    {
      text,
      localNames: localNamesOf(settings),
      remoteFile: remoteFileOf(marker?.loc.start.line, settings),
      assignedNames: index.assignedNames,
      unassignedIsNull: !index.dotSources,
      functions: index.functions,
      classes: index.classes,
      suggestionsAllowed: script.errors.length === 0,
    },
    new Scope(null),
  );
  interpreter.run(script, index.leftovers);
  return [...interpreter.findings].sort((a, b) => a.node.range[0] - b.node.range[0]);
}
