/**
 * One analysis per file, shared by every wua rule: a single walk of the tree collects the places a
 * WUA member can be used, then the evaluator answers for each of them once.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { Finding } from "../core/findings.js";
import { isWuaMemberName } from "../core/object-model.js";
import { ConstantFolder } from "./constants.js";
import { Evaluator } from "./evaluator.js";
import { FlowIndex } from "./flow.js";
import { ObjectKeys, PropertyStore, isPropertyWrite } from "./object-keys.js";
import { ScopeIndex } from "./scope-index.js";
import { readWuaSettings } from "./settings.js";
import { isFunction, staticKeyName } from "./syntax.js";
import { NONE, type FunctionNode, type Value } from "./values.js";

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

/** Host methods that create WUA objects (`WScript.CreateObject`, winax's `ActiveXObject`). */
const CREATING_METHODS = new Set(["createobject", "activexobject"]);

export function analyseFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileAnalysis {
  const sourceCode = context.sourceCode;
  let analysis = cache.get(sourceCode);
  if (analysis === undefined) {
    analysis = runAnalysis(sourceCode, context.settings);
    cache.set(sourceCode, analysis);
  }
  return analysis;
}

/** Every WUA ProgID contains "Update": a file that never says it cannot create a WUA object. */
const MENTIONS_WUA = /update/iu;
const NOTHING_TO_ANALYSE: FileAnalysis = { findings: [], valueOf: () => NONE };

function runAnalysis(sourceCode: SourceCode, rawSettings: unknown): FileAnalysis {
  if (!MENTIONS_WUA.test(sourceCode.text)) return NOTHING_TO_ANALYSE;
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

/**
 * One pass over the tree, with an explicit stack so that deeply nested code cannot overflow the call
 * stack. It keeps the places where a finding can arise; everything else is evaluated only when a
 * kept place needs it.
 */
function walkTree(sourceCode: SourceCode): Walk {
  const uses: Walk["uses"] = [];
  const returns = new Map<FunctionNode, TSESTree.ReturnStatement[]>();
  const propertyWrites: Node[] = [];
  const methodCalls = new Map<string, TSESTree.CallExpression[]>();
  let usesWinax = false;
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const nodes: Node[] = [sourceCode.ast as Node];
  const functions: (FunctionNode | null)[] = [null];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const fn = functions.pop()!;
    if (isPropertyWrite(node)) propertyWrites.push(node);
    switch (node.type) {
      case "MemberExpression":
        if (node.computed || (node.property.type === "Identifier" && isWuaMemberName(node.property.name))) uses.push(node);
        break;
      case "CallExpression": {
        const name = node.callee.type === "MemberExpression" ? staticKeyName(node.callee.property, node.callee.computed) : undefined;
        // `log.WriteLine(x)` cannot be a finding; `coll(i)`, `f(s)`, `s.Updates(0)` and
        // `WScript.CreateObject(...)` can.
        if (name === undefined || isWuaMemberName(name) || CREATING_METHODS.has(name.toLowerCase())) uses.push(node);
        if (isRequireOfWinax(node)) usesWinax = true;
        if (name !== undefined) {
          const calls = methodCalls.get(name);
          if (calls) calls.push(node);
          else methodCalls.set(name, [node]);
        }
        break;
      }
      case "NewExpression":
        uses.push(node);
        break;
      case "Property":
        if (node.parent?.type === "ObjectPattern") uses.push(node);
        break;
      case "VariableDeclarator":
        // Aliases are evaluated in source order, so that a long chain is resolved one link at a time.
        if (node.init?.type === "Identifier") uses.push(node.init);
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
    const childKeys = keys[node.type] ?? [];
    // Children are pushed last-first so that they come off the stack in source order.
    for (let k = childKeys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[childKeys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          if (isNode(child[i])) {
            nodes.push(child[i]);
            functions.push(inner);
          }
        }
      } else if (isNode(child)) {
        nodes.push(child);
        functions.push(inner);
      }
    }
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
