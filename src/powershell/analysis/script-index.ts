/**
 * What the analysis needs to know of a script before running it: its functions and classes by name,
 * every variable it assigns, whether it dot-sources other scripts, and the bodies to run at the end
 * when nothing invoked them.
 */
import type { Ast, ExpressionAst, FunctionDefinitionAst, FunctionMemberAst, ScriptAst, ScriptBlockExpressionAst, TypeDefinitionAst } from "../parser/ast.js";
import { childrenOf } from "../parser/visitor-keys.js";
import type { Leftovers } from "./functions.js";
import { commandLine, functionKey, stringValue, variableName, type CommandLine } from "./syntax.js";

export interface ScriptIndex {
  readonly functions: Map<string, FunctionDefinitionAst>;
  readonly classes: Map<string, TypeDefinitionAst>;
  readonly assignedNames: Set<string>;
  /** The file runs other scripts in its own scope (`. .\config.ps1`): they may set any variable. */
  readonly dotSources: boolean;
  readonly leftovers: Leftovers;
}

/** One walk over the tree, without recursion (nesting can be hundreds deep). */
export function indexScript(script: ScriptAst): ScriptIndex {
  const functions = new Map<string, FunctionDefinitionAst>();
  const classes = new Map<string, TypeDefinitionAst>();
  const assignedNames = new Set<string>();
  const leftovers = { functions: [] as FunctionDefinitionAst[], blocks: [] as ScriptBlockExpressionAst[], methods: [] as FunctionMemberAst[] };
  let dotSources = false;
  const assigns = (target: ExpressionAst): void => {
    switch (target.type) {
      case "VariableExpressionAst":
        assignedNames.add(variableName(target).name);
        return;
      case "ConvertExpressionAst":
      case "AttributedExpressionAst":
        assigns(target.child);
        return;
      case "ArrayLiteralAst":
        for (const element of target.elements) assigns(element);
        return;
    }
  };
  const pending: Ast[] = [script];
  while (pending.length > 0) {
    const node = pending.pop()!;
    switch (node.type) {
      case "FunctionDefinitionAst":
        functions.set(functionKey(node.name), node);
        leftovers.functions.push(node);
        break;
      case "TypeDefinitionAst":
        if (node.typeAttributes === "class") classes.set(node.name.toLowerCase(), node);
        break;
      case "FunctionMemberAst":
        leftovers.methods.push(node);
        break;
      case "ScriptBlockExpressionAst":
        leftovers.blocks.push(node);
        break;
      case "AssignmentStatementAst":
        assigns(node.left);
        break;
      case "ForEachStatementAst":
        assigns(node.variable);
        break;
      case "ParameterAst":
        assigns(node.name);
        break;
      case "CommandAst": {
        const line = commandLine(node);
        if (line.invocation === "." && line.target?.type !== "ScriptBlockExpressionAst") dotSources = true;
        noteVariableParameters(line, assignedNames);
        break;
      }
    }
    const children = childrenOf(node) as Ast[];
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
  }
  // Source order: a block nested in another is run after it, so that what the outer one binds is seen.
  for (const list of Object.values(leftovers)) list.sort((a, b) => a.range[0] - b.range[0]);
  return { functions, classes, assignedNames, dotSources, leftovers };
}

const VARIABLE_PARAMETERS = /^(?:ov|outvariable|ev|errorvariable|wv|warningvariable|iv|informationvariable|pv|pipelinevariable)$/u;
const SETS_BY_NAME = new Set(["set-variable", "new-variable", "set", "sv", "nv"]);

/** `-OutVariable x`, `Set-Variable -Name x`, ...: variables a command sets by name. */
function noteVariableParameters(line: CommandLine, names: Set<string>): void {
  const setsByName = line.name !== undefined && SETS_BY_NAME.has(line.name);
  line.elements.forEach((element, i) => {
    const next = line.elements[i + 1];
    if (element.kind !== "parameter" || next?.kind !== "argument") return;
    if (VARIABLE_PARAMETERS.test(element.name) || (setsByName && "name".startsWith(element.name))) {
      const value = stringValue(next.node);
      if (value !== undefined) names.add(value.replace(/^\+/u, "").toLowerCase());
    }
  });
  if (setsByName) {
    const first = line.elements[0];
    if (first?.kind === "argument") {
      const value = stringValue(first.node);
      if (value !== undefined) names.add(value.toLowerCase());
    }
  }
}
