/**
 * What the analysis needs to know of a script before running it: its functions and classes by name,
 * every variable it assigns, whether it dot-sources other scripts, and the bodies to run at the end
 * when nothing invoked them.
 */
import type {
  AssignmentStatementAst,
  CommandAst,
  ExpressionAst,
  ForEachStatementAst,
  FunctionDefinitionAst,
  FunctionMemberAst,
  ParameterAst,
  ScriptAst,
  ScriptBlockExpressionAst,
  TypeDefinitionAst,
} from "../parser/ast.js";
import type { Leftovers } from "./functions.js";
import type { ScriptFacts } from "./interpreter-base.js";
import { functionKey, stringValue, variableName } from "./syntax.js";

export interface ScriptIndex {
  readonly functions: Map<string, FunctionDefinitionAst>;
  readonly classes: Map<string, TypeDefinitionAst>;
  readonly assignedNames: Set<string>;
  /** The file runs other scripts in its own scope (`. .\config.ps1`): they may set any variable. */
  readonly dotSources: boolean;
  readonly leftovers: Leftovers;
}

/** The facts of a script for the interpreter, from its index and where its objects live. */
export function factsOf(script: ScriptAst, text: string, index: ScriptIndex, place: Pick<ScriptFacts, "localNames" | "remoteFile">): ScriptFacts {
  return {
    text,
    ...place,
    assignedNames: index.assignedNames,
    unassignedIsNull: !index.dotSources,
    functions: index.functions,
    classes: index.classes,
    suggestionsAllowed: script.errors.length === 0,
  };
}

/**
 * Collects the index as ESLint walks the tree: listeners for the few node types it needs, so that the
 * analysis adds no walk of its own (a walk over every node costs as much as a tenth of the parse).
 */
export class ScriptIndexer {
  readonly #functions = new Map<string, FunctionDefinitionAst>();
  readonly #classes = new Map<string, TypeDefinitionAst>();
  readonly #assignedNames = new Set<string>();
  readonly #leftovers = { functions: [] as FunctionDefinitionAst[], blocks: [] as ScriptBlockExpressionAst[], methods: [] as FunctionMemberAst[] };
  #dotSources = false;

  /** ESLint listeners; ESLint enters nodes in source order, so the first definition of a name is kept. */
  listeners(): Record<string, (node: never) => void> {
    const leftovers = this.#leftovers;
    return {
      FunctionDefinitionAst: (node: FunctionDefinitionAst) => {
        const key = functionKey(node.name);
        if (!this.#functions.has(key)) this.#functions.set(key, node);
        leftovers.functions.push(node);
      },
      TypeDefinitionAst: (node: TypeDefinitionAst) => {
        const key = node.name.toLowerCase();
        if (node.typeAttributes === "class" && !this.#classes.has(key)) this.#classes.set(key, node);
      },
      FunctionMemberAst: (node: FunctionMemberAst) => leftovers.methods.push(node),
      ScriptBlockExpressionAst: (node: ScriptBlockExpressionAst) => leftovers.blocks.push(node),
      AssignmentStatementAst: (node: AssignmentStatementAst) => this.#assigns(node.left),
      ForEachStatementAst: (node: ForEachStatementAst) => this.#assigns(node.variable),
      ParameterAst: (node: ParameterAst) => this.#assigns(node.name),
      CommandAst: (node: CommandAst) => {
        if (node.invocationOperator === "." && node.commandElements[0]?.type !== "ScriptBlockExpressionAst") this.#dotSources = true;
        noteVariableParameters(node, this.#assignedNames);
      },
    };
  }

  /** The index, once ESLint has walked the whole file. */
  index(): ScriptIndex {
    // Source order: a block nested in another is run after it, so that what the outer one binds is seen.
    for (const list of Object.values(this.#leftovers)) list.sort((a, b) => a.range[0] - b.range[0]);
    return { functions: this.#functions, classes: this.#classes, assignedNames: this.#assignedNames, dotSources: this.#dotSources, leftovers: this.#leftovers };
  }

  #assigns(target: ExpressionAst): void {
    switch (target.type) {
      case "VariableExpressionAst":
        this.#assignedNames.add(variableName(target).name);
        return;
      case "ConvertExpressionAst":
      case "AttributedExpressionAst":
        this.#assigns(target.child);
        return;
      case "ArrayLiteralAst":
        for (const element of target.elements) this.#assigns(element);
        return;
    }
  }
}

const VARIABLE_PARAMETERS = /^(?:ov|outvariable|ev|errorvariable|wv|warningvariable|iv|informationvariable|pv|pipelinevariable)$/iu;
const SETS_BY_NAME = /^(?:set-variable|new-variable|set|sv|nv)$/iu;

/** `-OutVariable x`, `Set-Variable -Name x`, ...: variables a command sets by name. */
function noteVariableParameters(command: CommandAst, names: Set<string>): void {
  const elements = command.commandElements;
  const first = elements[0];
  const setsByName = command.invocationOperator === null && first?.type === "StringConstantExpressionAst" && SETS_BY_NAME.test(first.value);
  for (let i = 1; i < elements.length; i++) {
    const element = elements[i]!;
    if (element.type !== "CommandParameterAst") continue;
    const isVariableParameter = VARIABLE_PARAMETERS.test(element.parameterName);
    if (!isVariableParameter && !(setsByName && "name".startsWith(element.parameterName.toLowerCase()))) continue;
    const value = element.argument ?? elements[i + 1];
    const text = value === undefined ? undefined : stringValue(value);
    if (text !== undefined) names.add(text.replace(/^\+/u, "").toLowerCase());
  }
  if (setsByName) {
    const name = elements[1];
    const text = name === undefined ? undefined : stringValue(name);
    if (text !== undefined) names.add(text.toLowerCase());
  }
}
