/**
 * One analysis per file, shared by every wua rule: a single walk of the tree collects the places a
 * WUA member can be used, then the evaluator answers for each of them once.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { Finding } from "../core/findings.js";
import { ConstantFolder } from "./constants.js";
import { Evaluator } from "./evaluator.js";
import { FlowIndex } from "./flow.js";
import { ObjectKeys, PropertyStore, isPropertyWrite } from "./object-keys.js";
import { ScopeIndex } from "./scope-index.js";
import { readWuaSettings } from "./settings.js";
import { isFunction, staticKeyName } from "./syntax.js";
import type { FunctionNode, Value } from "./values.js";

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

export interface FileAnalysis {
  /** In source order. */
  readonly findings: readonly Finding<Node>[];
  /** What the analysis knows of any expression in the file (memoised). */
  readonly valueOf: (node: Node) => Value;
}

/** Names that mean "this computer" whatever the configuration says. */
const BUILT_IN_LOCAL_NAMES = ["", ".", "localhost", "127.0.0.1", "::1"];
const REMOTE_MARKER = /^\s*wua-remote\s*(?:--.*)?$/su;

const cache = new WeakMap<SourceCode, FileAnalysis>();

export function analyseFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileAnalysis {
  const sourceCode = context.sourceCode;
  let analysis = cache.get(sourceCode);
  if (analysis === undefined) {
    analysis = runAnalysis(sourceCode, context.settings);
    cache.set(sourceCode, analysis);
  }
  return analysis;
}

function runAnalysis(sourceCode: SourceCode, rawSettings: unknown): FileAnalysis {
  const settings = readWuaSettings(rawSettings);
  const walk = walkTree(sourceCode);
  const scopes = new ScopeIndex(sourceCode.scopeManager);
  const constants = new ConstantFolder(scopes);
  const keys = new ObjectKeys(scopes);
  const marker = sourceCode.getAllComments().find((comment) => REMOTE_MARKER.test(comment.value));
  const evaluator = new Evaluator({
    scopes,
    constants,
    keys,
    flow: new FlowIndex(),
    store: new PropertyStore(walk.propertyWrites, keys, constants),
    methodCalls: (name) => walk.methodCalls.get(name) ?? [],
    usesWinax: walk.usesWinax,
    remoteFile: marker
      ? { reason: "marker", line: marker.loc.start.line }
      : settings.assumeRemote
        ? { reason: "setting", line: 0 }
        : null,
    localNames: new Set([...BUILT_IN_LOCAL_NAMES, ...settings.localNames.map((name) => name.toLowerCase())]),
    returnsOf: (fn) => walk.returns.get(fn) ?? [],
    textOf: (node) => abbreviate(sourceCode.getText(node)),
  });
  for (const use of walk.uses) {
    if (use.type === "Property") evaluator.patternPropertyValue(use);
    else evaluator.valueOf(use);
  }
  const findings = [...evaluator.findings].sort((a, b) => a.node.range[0] - b.node.range[0]);
  return { findings, valueOf: (node) => evaluator.valueOf(node) };
}

interface Walk {
  /** Member expressions, calls, `new` expressions, object-pattern properties and initialisers, in source order. */
  readonly uses: (TSESTree.Expression | TSESTree.Property)[];
  readonly returns: Map<FunctionNode, TSESTree.ReturnStatement[]>;
  readonly usesWinax: boolean;
  readonly propertyWrites: Node[];
  /** Calls `x.name(...)` by name: where a method's parameters get their values. */
  readonly methodCalls: Map<string, TSESTree.CallExpression[]>;
}

/** An explicit stack, so that deeply nested code cannot overflow the call stack. */
function walkTree(sourceCode: SourceCode): Walk {
  const uses: Walk["uses"] = [];
  const returns = new Map<FunctionNode, TSESTree.ReturnStatement[]>();
  const propertyWrites: Node[] = [];
  const methodCalls = new Map<string, TSESTree.CallExpression[]>();
  let usesWinax = false;
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: { node: Node; fn: FunctionNode | null }[] = [{ node: sourceCode.ast as Node, fn: null }];
  while (stack.length > 0) {
    const { node, fn } = stack.pop()!;
    if (isPropertyWrite(node)) propertyWrites.push(node);
    switch (node.type) {
      case "MemberExpression":
      case "CallExpression":
      case "NewExpression":
        uses.push(node);
        if (node.type === "CallExpression") {
          if (isRequireOfWinax(node)) usesWinax = true;
          const name = node.callee.type === "MemberExpression" ? staticKeyName(node.callee.property, node.callee.computed) : undefined;
          if (name !== undefined) {
            const calls = methodCalls.get(name);
            if (calls) calls.push(node);
            else methodCalls.set(name, [node]);
          }
        }
        break;
      case "Property":
        if (node.parent?.type === "ObjectPattern") uses.push(node);
        break;
      case "VariableDeclarator":
        // Bindings are evaluated in source order, so an alias chain is resolved one link at a time.
        if (node.init) uses.push(node.init);
        break;
      case "ImportDeclaration":
        if (node.source.value === "winax") usesWinax = true;
        break;
      case "ReturnStatement":
        if (fn) {
          const list = returns.get(fn);
          if (list) list.push(node);
          else returns.set(fn, [node]);
        }
        break;
    }
    const inner = isFunction(node) ? node : fn;
    const children: Node[] = [];
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) children.push(item);
      } else if (isNode(child)) {
        children.push(child);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, fn: inner });
  }
  return { uses, returns, usesWinax, propertyWrites, methodCalls };
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

function isRequireOfWinax(node: TSESTree.CallExpression): boolean {
  const [first] = node.arguments;
  return (
    node.callee.type === "Identifier" &&
    node.callee.name === "require" &&
    first?.type === "Literal" &&
    first.value === "winax"
  );
}

function abbreviate(text: string): string {
  const oneLine = text.replace(/\s+/gu, " ");
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}
