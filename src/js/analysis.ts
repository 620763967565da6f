/**
 * One analysis per file, shared by every wua rule. It rides on ESLint's own traversal: the first wua
 * rule set up for a file collects the places where a WUA member can be used as ESLint walks the tree,
 * and at the end of the file the evaluator answers for each of them once.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { abbreviate, isRemoteMarker, localNamesOf, mayUseWua, readWuaSettings, remoteFileOf } from "../core/file-context.js";
import type { Finding } from "../core/findings.js";
import { isWuaMemberName } from "../core/object-model.js";
import { ConstantFolder } from "./constants.js";
import { Evaluator } from "./evaluator.js";
import { FlowIndex } from "./flow.js";
import { ObjectKeys, PropertyStore, STORING_METHODS } from "./object-keys.js";
import { NameResolver } from "./name-resolver.js";
import { isFunction, staticKeyName } from "./syntax.js";
import { NONE, type FunctionNode, type Value } from "./values.js";

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;
type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface FileAnalysis {
  /** In source order. */
  readonly findings: readonly Finding<Node>[];
  /** What the analysis knows of any expression in the file (memoised). */
  readonly valueOf: (node: Node) => Value;
}


/** Host methods that create WUA objects (`WScript.CreateObject`, winax's `ActiveXObject`), in any case. */
function isCreatingMethod(name: string): boolean {
  // The length test spares lower-casing every method name of the file.
  if (name.length !== 12 && name.length !== 13) return false;
  const lowerName = name.toLowerCase();
  return lowerName === "createobject" || lowerName === "activexobject";
}

/** A file's analysis: its collected places while ESLint walks it, then its result. */
interface FileState {
  readonly collected: Collected;
  analysis: FileAnalysis | undefined;
}

const states = new WeakMap<SourceCode, FileState>();

const NOTHING_TO_ANALYSE: FileAnalysis = { findings: [], valueOf: () => NONE };

/**
 * The listeners a rule returns to receive the file's analysis when ESLint has walked the whole
 * file. Only the first wua rule of a file collects; the others wait for the same result.
 */
export function withFileAnalysis(context: AnyContext, onAnalysed: (analysis: FileAnalysis) => void): TSESLint.RuleListener {
  const sourceCode = context.sourceCode;
  const known = states.get(sourceCode);
  const state: FileState = known ?? { collected: emptyCollection(), analysis: undefined };
  const deliver: TSESLint.RuleListener = {
    "Program:exit"() {
      state.analysis ??= runAnalysis(sourceCode, context.settings, state.collected);
      onAnalysed(state.analysis);
    },
  };
  if (known) return deliver;
  states.set(sourceCode, state);
  if (!mayUseWua(sourceCode.text)) {
    state.analysis = NOTHING_TO_ANALYSE;
    return deliver;
  }
  return { ...collectingListeners(state.collected), ...deliver };
}

function runAnalysis(sourceCode: SourceCode, rawSettings: unknown, collected: Collected): FileAnalysis {
  const settings = readWuaSettings(rawSettings);
  const flow = new FlowIndex();
  const scopes = new NameResolver(sourceCode.scopeManager);
  const constants = new ConstantFolder(scopes);
  const keys = new ObjectKeys(scopes);
  const marker = sourceCode.getAllComments().find((comment) => isRemoteMarker(comment.value));
  const evaluator = new Evaluator({
    scopes,
    constants,
    keys,
    flow,
    store: new PropertyStore(collected.propertyWrites, keys, constants),
    methodCalls: methodCallsByName(collected),
    usesWinax: collected.usesWinax,
    remoteFile: remoteFileOf(marker?.loc.start.line, settings),
    localNames: localNamesOf(settings),
    returnsOf: returnsByFunction(collected.returns),
    textOf: (node) => abbreviate(sourceCode.getText(node)),
    locationRemoval: (creation, location) => locationRemoval(sourceCode, creation, location),
    calleeReplacement: (call) => calleeReplacement(sourceCode, call),
  });
  for (const use of collected.uses) {
    if (use.type === "Property") evaluator.patternPropertyValue(use);
    else evaluator.valueOf(use);
  }
  const findings = [...evaluator.findings].sort((a, b) => a.node.range[0] - b.node.range[0]);
  return { findings, valueOf: (node) => evaluator.valueOf(node) };
}

interface Collected {
  /** Member expressions, calls, `new` expressions, object-pattern properties and initialisers, in source order. */
  readonly uses: (TSESTree.Expression | TSESTree.Property)[];
  /** In the order ESLint enters them; grouped by function only for the functions asked about. */
  readonly returns: TSESTree.ReturnStatement[];
  usesWinax: boolean;
  readonly propertyWrites: Node[];
  /**
   * Calls `x.name(...)` and their names, side by side: where a method's parameters get their values.
   * Indexed by name only if the evaluator asks.
   */
  readonly methodCalls: TSESTree.CallExpression[];
  readonly methodNames: string[];
}

function emptyCollection(): Collected {
  return { uses: [], returns: [], usesWinax: false, propertyWrites: [], methodCalls: [], methodNames: [] };
}

const NO_CALLS: readonly TSESTree.CallExpression[] = [];

function methodCallsByName(collected: Collected): (name: string) => readonly TSESTree.CallExpression[] {
  let byName: Map<string, TSESTree.CallExpression[]> | undefined;
  return (name) => {
    if (byName === undefined) {
      byName = new Map();
      const { methodCalls, methodNames } = collected;
      for (let i = 0; i < methodCalls.length; i++) {
        const calls = byName.get(methodNames[i]!);
        if (calls) calls.push(methodCalls[i]!);
        else byName.set(methodNames[i]!, [methodCalls[i]!]);
      }
    }
    return byName.get(name) ?? NO_CALLS;
  };
}

/** The return statements of each function, its own (not those of functions inside it), grouped once when first asked. */
function returnsByFunction(returns: readonly TSESTree.ReturnStatement[]): (fn: FunctionNode) => readonly TSESTree.ReturnStatement[] {
  let byFunction: Map<Node, TSESTree.ReturnStatement[]> | undefined;
  return (fn) => {
    if (byFunction === undefined) {
      byFunction = new Map();
      for (const statement of returns) {
        let owner: Node | undefined = statement.parent;
        while (owner && !isFunction(owner)) owner = owner.parent;
        if (owner === undefined) continue;
        const own = byFunction.get(owner);
        if (own) own.push(statement);
        else byFunction.set(owner, [statement]);
      }
    }
    return byFunction.get(fn) ?? NO_RETURNS;
  };
}

const NO_RETURNS: readonly TSESTree.ReturnStatement[] = [];

/**
 * Keeps the places where a finding can arise, in the order ESLint enters them (source order);
 * everything else is evaluated only when a kept place needs it.
 */
function collectingListeners(collected: Collected): TSESLint.RuleListener {
  const { uses, returns, propertyWrites, methodCalls, methodNames } = collected;
  return {
    MemberExpression(node) {
      if (node.computed || (node.property.type === "Identifier" && isWuaMemberName(node.property.name))) uses.push(node);
    },
    CallExpression(node) {
      const name = node.callee.type === "MemberExpression" ? staticKeyName(node.callee.property, node.callee.computed) : undefined;
      // `log.WriteLine(x)` cannot be a finding; `coll(i)`, `f(s)`, `s.Updates(0)` and
      // `WScript.CreateObject(...)` can.
      if (name === undefined || isWuaMemberName(name) || isCreatingMethod(name)) uses.push(node);
      if (name === undefined) {
        if (isRequireOfWinax(node)) collected.usesWinax = true;
        return;
      }
      methodCalls.push(node);
      methodNames.push(name);
      if (STORING_METHODS.has(name)) propertyWrites.push(node);
    },
    NewExpression(node) {
      uses.push(node);
    },
    ObjectPattern(node) {
      for (const property of node.properties) if (property.type === "Property") uses.push(property);
    },
    // Aliases are evaluated in source order, so that a long chain is resolved one link at a time.
    "VariableDeclarator[init.type='Identifier']"(node: TSESTree.VariableDeclarator) {
      uses.push(node.init!);
    },
    ImportDeclaration(node) {
      if (node.source.value === "winax") collected.usesWinax = true;
    },
    ReturnStatement(node) {
      returns.push(node);
    },
    // What the property store indexes: property assignments, class fields, methods and getters (and,
    // above, `push`/`unshift`, `Object.assign` and `Object.defineProperty` calls).
    "AssignmentExpression[left.type='MemberExpression']"(node: TSESTree.AssignmentExpression) {
      propertyWrites.push(node);
    },
    "PropertyDefinition[value]"(node: TSESTree.PropertyDefinition) {
      propertyWrites.push(node);
    },
    "MethodDefinition[kind=/^(method|get)$/]"(node: TSESTree.MethodDefinition) {
      propertyWrites.push(node);
    },
  };
}

function isRequireOfWinax(node: TSESTree.CallExpression): boolean {
  if (node.callee.type !== "Identifier" || node.callee.name !== "require") return false;
  const first = node.arguments[0];
  return first?.type === "Literal" && first.value === "winax";
}

/**
 * `new ActiveXObject(progId, location)` (or another creation) without its second argument: from the
 * end of the ProgID argument to the end of the second. Only for calls with exactly these two
 * arguments, and only where no comment would be lost with them.
 */
function locationRemoval(sourceCode: SourceCode, creation: Node, location: Node): readonly [number, number] | undefined {
  if ((creation.type !== "NewExpression" && creation.type !== "CallExpression") || creation.arguments.length !== 2) return undefined;
  const [progIdArgument, locationArgument] = creation.arguments;
  if (!progIdArgument || locationArgument !== location) return undefined;
  if (hasCommentWithin(sourceCode, progIdArgument.range[1], locationArgument.range[1])) return undefined;
  return [progIdArgument.range[1], locationArgument.range[1]];
}

/**
 * The callee of `WScript.CreateObject(...)`, to be replaced by `new ActiveXObject`: only when the call
 * starts with its callee and the argument list follows it (no parentheses around the callee, which
 * would turn the replacement into a call of the new object), and no comment sits in the callee.
 */
function calleeReplacement(sourceCode: SourceCode, call: TSESTree.CallExpression): readonly [number, number] | undefined {
  const callee = call.callee;
  if (call.range[0] !== callee.range[0] || sourceCode.getCommentsInside(callee).length > 0) return undefined;
  const opening = sourceCode.getTokenAfter(callee);
  return opening?.value === "(" ? callee.range : undefined;
}

/** Whether a comment lies between two offsets of the text (comments are in source order). */
function hasCommentWithin(sourceCode: SourceCode, start: number, end: number): boolean {
  const comments = sourceCode.getAllComments();
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (comments[middle]!.range[0] < start) low = middle + 1;
    else high = middle;
  }
  const first = comments[low];
  return first !== undefined && first.range[1] <= end;
}
