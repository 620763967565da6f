/** Reading PowerShell syntax for the analysis: variable names, constant strings, type names, command lines, bodies. */
import type {
  Ast,
  CommandAst,
  ExpressionAst,
  FunctionDefinitionAst,
  FunctionMemberAst,
  ParameterAst,
  ScriptBlockAst,
  ScriptBlockExpressionAst,
  StatementAst,
  TypeName,
  VariableExpressionAst,
} from "../parser/ast.js";

export interface VariableName {
  /** `global`, `script`, `local`, `private`, `using`, `env`, `function`, `variable`, or "" for none. */
  readonly scope: string;
  /** Lower-cased: PowerShell names are case-insensitive. */
  readonly name: string;
  /** `@name`: a hashtable or array splatted into a command. */
  readonly splat: boolean;
}

/** Names without a scope, by path and splatting: the same few names are read again and again. */
const plainNames = new Map<string, VariableName>();

/** `$Name`, `$script:Name`, `${function:Install-All}`, `@params`, `$_`; `$using:x` as the using scope. */
export function variableName(node: VariableExpressionAst): VariableName {
  const path = node.variablePath;
  const colon = path.indexOf(":");
  const splat = node.splatted;
  if (isUsingRoot(node)) return { scope: "using", name: path.toLowerCase(), splat };
  if (colon === -1) {
    const key = splat ? `@${path}` : path;
    let name = plainNames.get(key);
    if (name === undefined) {
      // Bounded: a language server lints many files in one process.
      if (plainNames.size >= 4096) plainNames.clear();
      name = Object.freeze({ scope: "", name: path.toLowerCase(), splat });
      plainNames.set(key, name);
    }
    return name;
  }
  // `${C:\path}` names a file, not a scope; a scope name is a plain word.
  if (colon > 0 && /^[a-z]+$/iu.test(path.slice(0, colon))) {
    return { scope: path.slice(0, colon).toLowerCase(), name: path.slice(colon + 1).toLowerCase(), splat };
  }
  return { scope: "", name: path.toLowerCase(), splat };
}

/**
 * Whether the variable is the one a `$using:` expression reads: the parser keeps the name without
 * `using:` and puts the `UsingExpressionAst` around the variable and the members read from it.
 */
function isUsingRoot(node: VariableExpressionAst): boolean {
  let child: Ast = node;
  for (let parent = node.parent; parent !== null; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case "UsingExpressionAst":
        return true;
      case "MemberExpressionAst":
      case "InvokeMemberExpressionAst":
        if (parent.expression !== child) return false;
        break;
      case "IndexExpressionAst":
        if (parent.target !== child) return false;
        break;
      default:
        return false;
    }
  }
  return false;
}

/** A string's value when it is a constant (quoted or bare); undefined for anything else. */
export function stringValue(node: Ast): string | undefined {
  return node.type === "StringConstantExpressionAst" ? node.value : undefined;
}

/** `[System.Type]` as `type`, `[Activator]` as `activator`: lower-cased, without `System.`. */
export function typeNameOf(typeName: TypeName): string {
  const name = typeName.fullName.replace(/\s+/gu, "").toLowerCase();
  return name.startsWith("system.") ? name.slice("system.".length) : name;
}

/** The statements of a script block, named blocks in the order PowerShell runs them. */
export function statementsOf(block: ScriptBlockAst): readonly StatementAst[] {
  // Most blocks have only their unnamed end block.
  if (block.dynamicParamBlock === null && block.beginBlock === null && block.processBlock === null && block.cleanBlock === null) {
    return block.endBlock?.statements ?? [];
  }
  const statements: StatementAst[] = [];
  for (const named of [block.dynamicParamBlock, block.beginBlock, block.processBlock, block.endBlock, block.cleanBlock]) {
    if (named !== null) statements.push(...named.statements);
  }
  return statements;
}

/** What can be called with parameters: a function, a script block, a class method. */
export type Body = FunctionDefinitionAst | ScriptBlockExpressionAst | FunctionMemberAst;

export function scriptBlockOf(body: Body): ScriptBlockAst {
  return body.type === "ScriptBlockExpressionAst" ? body.scriptBlock : body.body;
}

/** The `param(...)` or `function F(...)` parameters of a body. */
export function parametersOf(body: Body | ScriptBlockAst): readonly ParameterAst[] {
  if (body.type === "ScriptBlockAst") return body.paramBlock?.parameters ?? [];
  if (body.type === "FunctionMemberAst") return body.parameters;
  if (body.type === "FunctionDefinitionAst" && body.parameters !== null) return body.parameters;
  return scriptBlockOf(body).paramBlock?.parameters ?? [];
}

export function parameterName(parameter: ParameterAst): string {
  return variableName(parameter.name).name;
}

/** `[switch]$Force` */
export function isSwitchParameter(parameter: ParameterAst): boolean {
  return parameter.attributes.some((attribute) => attribute.type === "TypeConstraintAst" && typeNameOf(attribute.typeName) === "switch");
}

/** `[Parameter(ValueFromPipeline)]` or `ValueFromPipeline = $true`. */
export function takesPipelineInput(parameter: ParameterAst): boolean {
  return parameter.attributes.some(
    (attribute) =>
      attribute.type === "AttributeAst" &&
      attribute.namedArguments.some((named) => {
        if (named.argumentName.toLowerCase() !== "valuefrompipeline") return false;
        const value = named.argument;
        return named.expressionOmitted || (value.type === "VariableExpressionAst" && value.variablePath.toLowerCase() === "true");
      }),
  );
}

/** A function's name as commands call it: lower-cased, without a scope (`global:Install-All`). */
export function functionKey(name: string): string {
  const lower = name.toLowerCase();
  const colon = lower.indexOf(":");
  return colon > 0 && SCOPE_PREFIXES.has(lower.slice(0, colon)) ? lower.slice(colon + 1) : lower;
}

const SCOPE_PREFIXES = new Set(["global", "script", "local", "private"]);

export interface CommandLine {
  /** Lower-cased command name, without a module prefix; undefined for `& $sb` and other expressions. */
  readonly name: string | undefined;
  /** `&` or `.` before the command, if any. */
  readonly invocation: "&" | "." | null;
  /** The expression after `&` or `.`. */
  readonly target: ExpressionAst | undefined;
  /** Parameters and arguments in order; the value of `-Name:value` follows its parameter. */
  readonly elements: readonly CommandElement[];
}

export type CommandElement =
  | { readonly kind: "parameter"; readonly name: string; readonly node: Ast; readonly colon: boolean }
  | { readonly kind: "argument"; readonly node: ExpressionAst };

/** A command's lower-cased name, without a module prefix; undefined after `&`/`.` and for expressions. */
export function commandName(command: CommandAst): string | undefined {
  const first = command.commandElements[0];
  if (command.invocationOperator !== null || first?.type !== "StringConstantExpressionAst") return undefined;
  const raw = first.value.toLowerCase();
  // `Microsoft.PowerShell.Core\Invoke-Command`
  return raw.slice(raw.lastIndexOf("\\") + 1);
}

export function commandLine(command: CommandAst): CommandLine {
  const elementsAst = command.commandElements;
  const first = elementsAst[0];
  const name = commandName(command);
  const target = command.invocationOperator !== null && first?.type !== "CommandParameterAst" ? first : undefined;
  const elements: CommandElement[] = [];
  for (let i = 1; i < elementsAst.length; i++) {
    const element = elementsAst[i]!;
    if (element.type !== "CommandParameterAst") {
      elements.push({ kind: "argument", node: element });
      continue;
    }
    elements.push({ kind: "parameter", name: element.parameterName.toLowerCase(), node: element, colon: element.colon });
    if (element.argument !== null) elements.push({ kind: "argument", node: element.argument });
  }
  return { name, invocation: command.invocationOperator, target, elements };
}
