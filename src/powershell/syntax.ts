/** Reading PowerShell syntax: names, literals, types and command lines. */
import type { PsNode } from "./nodes.js";

export interface VariableName {
  /** `global`, `script`, `local`, `private`, `using`, `env`, `function`, `variable`, or "" for none. */
  readonly scope: string;
  /** Lower-cased: PowerShell names are case-insensitive. */
  readonly name: string;
  /** `@name`: a hashtable or array splatted into a command. */
  readonly splat: boolean;
}

/** `$Name`, `$script:Name`, `${function:Install-All}`, `@params`, `$_`. */
export function variableName(text: string): VariableName {
  const splat = text.startsWith("@");
  let body = text.slice(1);
  if (body.startsWith("{") && body.endsWith("}")) body = body.slice(1, -1);
  const colon = body.indexOf(":");
  // `$C:\path` is not a scope; a scope name is a plain word.
  if (colon > 0 && /^[a-z]+$/iu.test(body.slice(0, colon))) {
    return { scope: body.slice(0, colon).toLowerCase(), name: body.slice(colon + 1).toLowerCase(), splat };
  }
  return { scope: "", name: body.toLowerCase(), splat };
}

/** A string literal's text when it holds no expansion; undefined for anything else. */
export function stringValue(node: PsNode, text: string): string | undefined {
  const raw = text.slice(node.range[0], node.range[1]);
  switch (node.type) {
    case "verbatim_string_characters":
      return raw.length >= 2 ? raw.slice(1, -1).replace(/''/gu, "'") : undefined;
    case "expandable_string_literal":
      // A variable or `$(...)` inside makes the text depend on run time.
      if (node.children.length > 0 || raw.length < 2) return undefined;
      return raw.slice(1, -1).replace(/""/gu, '"').replace(/`(.)/gu, (_, c: string) => ESCAPES[c] ?? c);
    case "generic_token":
    case "simple_name":
    case "command_name":
      return raw;
    default:
      return undefined;
  }
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", "0": "\0", a: "\x07", b: "\b", f: "\f", v: "\v", e: "\x1b" };

/** `[System.Type]` as `type`, `[Activator]` as `activator`: lower-cased, without `System.`. */
export function typeName(node: PsNode, text: string): string | undefined {
  if (node.type !== "type_literal") return undefined;
  const inner = text.slice(node.range[0] + 1, node.range[1] - 1).replace(/\s+/gu, "").toLowerCase();
  return inner.startsWith("system.") ? inner.slice("system.".length) : inner;
}

/** The statements directly in a body: a statement list, or the children of named blocks. */
export function statementsOf(node: PsNode | undefined): PsNode[] {
  if (node === undefined) return [];
  if (node.type === "statement_list") return node.children;
  const statements: PsNode[] = [];
  for (const child of node.children) {
    if (child.type === "statement_list") statements.push(...child.children);
    else if (child.type === "named_block_list") {
      for (const block of child.children) statements.push(...statementsOf(block));
    } else if (child.type === "named_block" || child.type === "script_block" || child.type === "statement_block") {
      statements.push(...statementsOf(child));
    } else if (node.type === "named_block" && child.type !== "block_name") statements.push(child);
  }
  return statements;
}

export function childOfType(node: PsNode, type: string): PsNode | undefined {
  return node.children.find((child) => child.type === type);
}

/** The `param(...)` or `function F(...)` parameters of a script block or function. */
export function parametersOf(node: PsNode): PsNode[] {
  // A one-line `function F { param(...) process { ... } }` puts param() in an ERROR node.
  const holder =
    childOfType(node, "param_block") ??
    childOfType(node, "function_parameter_declaration") ??
    childOfType(childOfType(node, "script_block") ?? node, "param_block") ??
    childOfType(childOfType(node, "ERROR") ?? node, "param_block");
  const list = holder && childOfType(holder, "parameter_list");
  return list ? list.children.filter((child) => child.type === "script_parameter") : [];
}

export interface CommandLine {
  /** Lower-cased command name, without a module prefix; undefined for `& $sb` and other expressions. */
  readonly name: string | undefined;
  /** `&` or `.` before the command, if any. */
  readonly invocation: string | undefined;
  /** The expression after `&` or `.`. */
  readonly target: PsNode | undefined;
  /** Parameters and arguments in order. */
  readonly elements: readonly CommandElement[];
}

export type CommandElement =
  | { readonly kind: "parameter"; readonly name: string; readonly node: PsNode; readonly colon: boolean }
  | { readonly kind: "argument"; readonly node: PsNode };

export function commandLine(command: PsNode, text: string): CommandLine {
  let name: string | undefined;
  let invocation: string | undefined;
  let target: PsNode | undefined;
  const elements: CommandElement[] = [];
  for (const child of command.children) {
    switch (child.type) {
      case "command_name": {
        const raw = text.slice(child.range[0], child.range[1]).toLowerCase();
        // `Microsoft.PowerShell.Core\Invoke-Command`
        name = raw.slice(raw.lastIndexOf("\\") + 1);
        break;
      }
      case "command_invokation_operator":
        invocation = text.slice(child.range[0], child.range[1]);
        break;
      case "command_elements":
        for (const element of child.children) {
          if (element.type === "command_parameter") {
            const raw = text.slice(element.range[0], element.range[1]);
            const colon = raw.endsWith(":") || text[element.range[1]] === ":";
            elements.push({ kind: "parameter", name: raw.replace(/^-+|:$/gu, "").toLowerCase(), node: element, colon });
          } else if (element.type === "argument_list" && elements.at(-1)?.kind === "argument") {
            // `Write-Host $s.Method()`: the grammar sets the call's `(...)` beside the member access.
            const previous = elements.pop() as { kind: "argument"; node: PsNode };
            elements.push({ kind: "argument", node: callOf(previous.node, element) });
          } else if (element.type !== "redirection" && element.type !== "comment") {
            elements.push({ kind: "argument", node: element });
          }
        }
        break;
      default:
        if (invocation !== undefined && target === undefined) target = child.type === "path_command_name" && child.children.length === 1 ? child.children[0] : child;
    }
  }
  return { name, invocation, target, elements };
}

/** The invocation made for each `(...)` of a command argument: one node, however often the command is read. */
const madeCalls = new WeakMap<PsNode, PsNode>();

/**
 * A command argument `$s.Method` followed by `(...)`, read as the invocation it is. The node is made
 * for the analysis only (ESLint never walks it); its children are the tree's own nodes, so findings
 * still point into the tree. It is made once: a finding on the call itself (a creation) is then
 * reported once even when the command runs several times (in a loop, a function called twice).
 */
function callOf(target: PsNode, argumentList: PsNode): PsNode {
  // In argument mode `[Type]::Member(...)` is text, not a call (PowerShell reads a leading `[` there
  // as the start of a word).
  if (target.type !== "member_access" || target.children.length !== 2 || target.children[0]!.type === "type_literal") return target;
  let call = madeCalls.get(argumentList);
  if (call === undefined) {
    call = {
      type: "invokation_expression",
      range: [target.range[0], argumentList.range[1]],
      children: [...target.children, argumentList],
      parent: target.parent,
      token: target.token,
    };
    madeCalls.set(argumentList, call);
  }
  return call;
}
