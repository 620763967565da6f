/**
 * One analysis per PowerShell file, shared by every wua rule: the file's functions, classes and
 * script blocks are indexed, then the interpreter runs the script once and its findings are handed
 * to each rule at the end of ESLint's walk.
 */
import { isRemoteMarker, localNamesOf, mayUseWua, readWuaSettings, remoteFileOf } from "../core/file-context.js";
import type { Finding } from "../core/findings.js";
import { Interpreter, type ScriptFacts } from "./interpreter.js";
import type { PsNode, PsProgram } from "./nodes.js";
import type { PowerShellSourceCode } from "./source-code.js";
import { childOfType, commandLine, stringValue, variableName } from "./syntax.js";


const analyses = new WeakMap<PowerShellSourceCode, readonly Finding<PsNode>[]>();

export function withPowerShellAnalysis(
  sourceCode: PowerShellSourceCode,
  settings: unknown,
  onFindings: (findings: readonly Finding<PsNode>[]) => void,
): Record<string, () => void> {
  return {
    "program:exit"() {
      let findings = analyses.get(sourceCode);
      if (findings === undefined) {
        findings = mayUseWua(sourceCode.text) ? analyse(sourceCode, settings) : [];
        analyses.set(sourceCode, findings);
      }
      onFindings(findings);
    },
  };
}

function analyse(sourceCode: PowerShellSourceCode, rawSettings: unknown): readonly Finding<PsNode>[] {
  const settings = readWuaSettings(rawSettings);
  const program = sourceCode.ast;
  const index = indexScript(program, sourceCode.text);
  const marker = program.comments.find((comment) => isRemoteMarker(comment.value));
  const facts: ScriptFacts = {
    text: sourceCode.text,
    lineOf: (offset) => sourceCode.getLocFromIndex(offset).line,
    localNames: localNamesOf(settings),
    remoteFile: remoteFileOf(marker?.loc?.start.line, settings),
    assignedNames: index.assignedNames,
    unassignedIsNull: !index.dotSources,
    functions: index.functions,
    classes: index.classes,
    misread: [...(program.misread ?? []), ...program.errors.map((error) => error.range)],
  };
  const interpreter = new Interpreter(facts);
  interpreter.run(program, index.leftovers);
  return [...interpreter.findings].sort((a, b) => a.node.range[0] - b.node.range[0]);
}

interface ScriptIndex {
  readonly functions: Map<string, PsNode>;
  readonly classes: Map<string, PsNode>;
  readonly assignedNames: Set<string>;
  /** The file runs other scripts in its own scope (`. .\config.ps1`): they may set any variable. */
  dotSources: boolean;
  /** Bodies to run when nothing invoked them, in source order. */
  readonly leftovers: { readonly functions: PsNode[]; readonly blocks: PsNode[]; readonly methods: PsNode[] };
}

/** One walk over the tree, without recursion (nesting can be thousands deep). */
function indexScript(program: PsProgram, text: string): ScriptIndex {
  const index: ScriptIndex = {
    functions: new Map(),
    classes: new Map(),
    assignedNames: new Set(),
    dotSources: false,
    leftovers: { functions: [], blocks: [], methods: [] },
  };
  const nameOf = (node: PsNode | undefined): string | undefined =>
    node === undefined ? undefined : text.slice(node.range[0], node.range[1]).toLowerCase();
  const assigns = (variable: PsNode | undefined): void => {
    if (variable?.type === "variable") index.assignedNames.add(variableName(text.slice(variable.range[0], variable.range[1])).name);
  };
  const pending: PsNode[] = [program];
  while (pending.length > 0) {
    const node = pending.pop()!;
    switch (node.type) {
      case "function_statement": {
        const name = nameOf(childOfType(node, "function_name"));
        if (name !== undefined) index.functions.set(name, node);
        index.leftovers.functions.push(node);
        break;
      }
      case "class_statement": {
        const name = nameOf(childOfType(node, "simple_name"));
        if (name !== undefined) index.classes.set(name, node);
        break;
      }
      case "class_method_definition":
        index.leftovers.methods.push(node);
        break;
      case "script_block_expression":
        index.leftovers.blocks.push(node);
        break;
      case "assignment_expression":
        assigns(node.children[0]?.type === "cast_expression" ? node.children[0].children.at(-1) : node.children[0]);
        break;
      case "foreach_statement":
        assigns(childOfType(node, "variable"));
        break;
      case "script_parameter":
      case "class_method_parameter":
        assigns(childOfType(node, "variable"));
        break;
      case "command": {
        const line = commandLine(node, text);
        if (line.invocation === "." && line.target?.type !== "script_block_expression") index.dotSources = true;
        noteVariableParameters(line, text, index.assignedNames);
        break;
      }
    }
    for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
  }
  // Source order: a block nested in another is run after it, so that what the outer one binds is seen.
  for (const list of Object.values(index.leftovers)) list.sort((a, b) => a.range[0] - b.range[0]);
  return index;
}

/** `-OutVariable x`, `Set-Variable -Name x`, ...: variables a command sets by name. */
function noteVariableParameters(line: ReturnType<typeof commandLine>, text: string, names: Set<string>): void {
  const setsByName = line.name === "set-variable" || line.name === "new-variable" || line.name === "set" || line.name === "sv" || line.name === "nv";
  line.elements.forEach((element, i) => {
    const next = line.elements[i + 1];
    if (element.kind !== "parameter" || next?.kind !== "argument") return;
    const isVariableParameter = /^(?:ov|outvariable|ev|errorvariable|wv|warningvariable|iv|informationvariable|pv|pipelinevariable)$/u.test(element.name);
    if (isVariableParameter || (setsByName && "name".startsWith(element.name))) {
      const value = stringValue(next.node, text);
      if (value !== undefined) names.add(value.replace(/^\+/u, "").toLowerCase());
    }
  });
  if (setsByName) {
    const first = line.elements[0];
    if (first?.kind === "argument") {
      const value = stringValue(first.node, text);
      if (value !== undefined) names.add(value.toLowerCase());
    }
  }
}
