/**
 * One analysis per PowerShell file, shared by every wua rule. It rides on ESLint's own traversal: the
 * first wua rule set up for a file indexes its functions, classes and script blocks as ESLint walks
 * the tree; at the end of the file the interpreter runs the script once and its findings are handed
 * to each rule. Code of the file that other files under ESLint's working directory send to other
 * computers runs there (cross-file.ts).
 */
import { isRemoteMarker, localNamesOf, mayUseWua, readWuaSettings, remoteFileOf } from "../../core/file-context.js";
import type { Finding } from "../../core/findings.js";
import type { Ast, ScriptAst } from "../parser/ast.js";
import type { PowerShellSourceCode } from "../source-code.js";
import { sentFromElsewhere } from "./cross-file.js";
import { Interpreter } from "./functions.js";
import { Scope } from "./scope.js";
import { factsOf, ScriptIndexer, type ScriptIndex } from "./script-index.js";

/** Where ESLint runs and which file on disk it lints: other files there may send this one's code. */
export interface LintedFile {
  readonly cwd: string;
  readonly filename: string;
}

/** A file's index, collected while ESLint walks it, then its findings. */
interface FileState {
  readonly indexer: ScriptIndexer;
  findings: readonly Finding<Ast>[] | undefined;
}

const states = new WeakMap<PowerShellSourceCode, FileState>();

/**
 * Listeners that hand the file's findings to `onFindings` once ESLint has walked the whole file. Only
 * the first wua rule of a file collects the index; the others wait for the same result.
 */
export function withPowerShellAnalysis(
  sourceCode: PowerShellSourceCode,
  settings: unknown,
  onFindings: (findings: readonly Finding<Ast>[]) => void,
  file?: LintedFile,
): Record<string, (node: never) => void> {
  const known = states.get(sourceCode);
  const state: FileState = known ?? { indexer: new ScriptIndexer(), findings: undefined };
  const deliver = {
    // The script's own block only: esquery's `[parent]` is false where `parent` is null. A nested
    // block's exit would otherwise call every wua rule once more.
    "ScriptBlockAst:not([parent]):exit"() {
      state.findings ??= analyse(sourceCode.ast, sourceCode.text, settings, state.indexer.index(), file);
      onFindings(state.findings);
    },
  };
  if (known) return deliver;
  states.set(sourceCode, state);
  if (!mayUseWua(sourceCode.text)) {
    state.findings = [];
    return deliver;
  }
  return { ...state.indexer.listeners(), ...deliver };
}

function analyse(script: ScriptAst, text: string, rawSettings: unknown, index: ScriptIndex, file: LintedFile | undefined): readonly Finding<Ast>[] {
  const settings = readWuaSettings(rawSettings);
  const marker = script.comments.find((comment) => isRemoteMarker(comment.value));
  const facts = factsOf(script, text, index, { localNames: localNamesOf(settings), remoteFile: remoteFileOf(marker?.loc.start.line, settings) });
  const interpreter = new Interpreter(facts, new Scope(null));
  const sent = file === undefined ? undefined : sentFromElsewhere(file.cwd, file.filename, index.functions);
  interpreter.run(script, index.leftovers, sent);
  return [...interpreter.findings].sort((a, b) => a.node.range[0] - b.node.range[0]);
}
