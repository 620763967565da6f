/**
 * The on-demand evaluator: what WUA object (if any) an expression holds, and whether it lives on
 * another computer. Memoised per node and per variable; a cycle or an over-deep chain yields
 * "none", never a guess and never a throw. Member uses found on the way become findings.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import {
  lookUpProgId,
  resolveDefaultMember,
  resolveMember,
  viewsOf,
  viewsReturnedBy,
  type DeclaredMember,
} from "../core/object-model.js";
import { isLocalName, remoteFileReason, type RemoteFile } from "../core/file-context.js";
import { judgeCreation, judgeMemberUse, type Access, type Finding } from "../core/findings.js";
import type { ArgumentFact } from "../core/remote-status.js";
import type { ConstantFolder } from "./constants.js";
import type { FlowIndex } from "./flow.js";
import { COPIED, ELEMENTS, type ObjectKey, type ObjectKeys, type PropertyStore, type StoredWrite } from "./object-keys.js";
import { isHostGlobal, type NameResolver, type Variable } from "./name-resolver.js";
import { host, hostMember, importedValue, isHost, localHelper } from "./host.js";
import { judgeIgnoredLocation, type LocalCreator } from "./ignored-location.js";
import { accessOf, argumentAt, arrayCallbackReceiver, classNameOf, isSideEffectFree, methodNameOf } from "./shapes.js";
import { SettlingMemo, type Memo } from "./settling.js";
import { isFunction, staticKeyName, syntacticParent, unwrap } from "./syntax.js";
import {
  FAILED,
  NONE,
  itemAt,
  join,
  sameValue,
  wuaObject,
  type FunctionNode,
  type HostObject,
  type Origin,
  type Value,
} from "./values.js";

type Node = TSESTree.Node;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;
type Argument = TSESTree.CallExpressionArgument;

/**
 * How a function is called: with these arguments (`offset` skips the `this` argument of `.call`;
 * "unknown" for `.apply` with a list the code does not spell out), or as the callback of an array
 * method, with the elements of `elementsOf`; and with `this` set to `thisArg`, when the call says.
 */
type CallSite =
  | { readonly args: readonly Argument[] | "unknown"; readonly offset: number; readonly thisArg?: Argument | undefined }
  | { readonly elementsOf: Node; readonly thisArg?: Argument | undefined };

/** A function, or `f.bind(...)`: what a call site can call. */
type Callable = FunctionNode | TSESTree.CallExpression;

/** Member name of an index access (`coll[i]`, `coll(i)`): the collection's default member. */
const DEFAULT_MEMBER = Symbol("default member");
type MemberName = string | typeof DEFAULT_MEMBER;

/** One use of a member: which name, where it is written, and how it is used. */
interface MemberAccess {
  readonly name: MemberName;
  /** The node the use is memoised on: a member expression, a call, or a pattern property. */
  readonly use: Node;
  /** Where a finding points: the member's name. */
  readonly nameNode: Node;
  readonly access: Access;
  /** The call's arguments, for a call. */
  readonly args: readonly Argument[] | undefined;
}

/** What a read finds stored in a property, and whether a write before it hides the object's own value. */
interface StoredRead {
  readonly value: Value;
  readonly hidesInitial: boolean;
}

const NOTHING_STORED: StoredRead = { value: NONE, hidesInitial: false };

/** Deep enough for any real script; shallow enough to stay far from the JS stack limit. */
const MAX_DEPTH = 400;
/** How many expressions a location may be traced through before it counts as unknown (remote). */
const MAX_LOCATION_STEPS = 64;

export interface FileFacts {
  readonly scopes: NameResolver;
  readonly constants: ConstantFolder;
  readonly keys: ObjectKeys;
  readonly flow: FlowIndex;
  readonly store: PropertyStore;
  readonly methodCalls: (name: string) => readonly TSESTree.CallExpression[];
  /** The file loads winax, whose ActiveXObject ignores a location. */
  readonly usesWinax: boolean;
  /** Why every WUA object in the file is remote, if it is. */
  readonly remoteFile: RemoteFile;
  readonly localNames: ReadonlySet<string>;
  readonly returnsOf: (fn: FunctionNode) => readonly TSESTree.ReturnStatement[];
  readonly textOf: (node: Node) => string;
  /** What to delete to drop a creation's location argument, if that edit keeps every comment. */
  readonly locationRemoval: (creation: CallNode, location: Argument) => readonly [number, number] | undefined;
  /** The callee's range, if replacing it keeps every comment and the call's meaning. */
  readonly calleeReplacement: (call: TSESTree.CallExpression) => readonly [number, number] | undefined;
}

/**
 * What a variable is bound to: values declared outright and the targets that write it; and, once a
 * read in its own function asks, those targets split into the ones that function runs itself
 * (`ordered`) and those of other functions (`anytime`).
 */
interface Bindings {
  readonly fixed: readonly Value[];
  readonly targets: readonly Node[];
  ordered: readonly Node[] | undefined;
  anytime: readonly Node[] | undefined;
}

const NO_VALUES: readonly Value[] = [];
const NO_NODES: readonly Node[] = [];
/** Whether `node` is among the first `count` entries of `list`. */
function includes(list: readonly Node[], count: number, node: Node): boolean {
  for (let i = 0; i < count; i++) if (list[i] === node) return true;
  return false;
}

export class Evaluator {
  readonly findings: Finding<Node>[] = [];
  private readonly nodeValues: Memo<Node, Value> = new Map();
  private readonly variableValues: Memo<Variable, Value> = new Map();
  private readonly bindings = new Map<Variable, Bindings>();
  private readonly returnValues: Memo<FunctionNode, Value> = new Map();
  private readonly callSitesMemo = new Map<Callable, CallSite[]>();
  /** Parameters whose calls are being collected as a callback's call sites: a guard against recursion. */
  private readonly handingOn = new Set<Variable>();
  private readonly objectsBeingRead = new Set<Node>();
  /** Member uses whose member is a method or an indexed property: calling them yields their result. */
  private readonly callableUses = new Set<Node>();
  private readonly reportedNodes = new Set<Node>();
  private readonly writeTargets = new WeakMap<readonly StoredWrite[], Map<Node, readonly Node[]>>();
  private readonly settling = new SettlingMemo<Value>(NONE, sameValue, MAX_DEPTH);

  constructor(private readonly facts: FileFacts) {}

  valueOf(node: Node): Value {
    return this.guarded(this.nodeValues, node, this.compute);
  }

  /** `{ Name } = wuaObject`: a member read at the pattern; evaluated for its finding. */
  patternPropertyValue(property: TSESTree.Property): Value {
    return this.guarded(this.nodeValues, property, () => {
      const name = staticKeyName(property.key, property.computed);
      if (name === undefined) return NONE;
      const source = this.assignedValue(property.parent as Node);
      return this.readMember(source, { name, use: property, nameNode: property.key, access: "read", args: undefined });
    });
  }

  /**
   * One report per place: `x.Entries(0)` uses both `Entries` and the collection's `Item` at the same
   * name, and the first finding there is the root cause.
   */
  private report(finding: Finding<Node>): void {
    if (this.reportedNodes.has(finding.node)) return;
    this.reportedNodes.add(finding.node);
    this.findings.push(finding);
  }

  /**
   * Memoised; a key met again while it is computed settles over rounds (see SettlingMemo), and a
   * chain past the depth limit yields "none". `compute` is called as a method, so that the hottest
   * callers need not allocate a closure.
   */
  private guarded<K>(memo: Memo<K, Value>, key: K, compute: (this: Evaluator, key: K) => Value): Value {
    return this.settling.valueOf(memo, key, this, compute);
  }

  private compute(node: Node): Value {
    switch (node.type) {
      case "Identifier":
        return this.identifierValue(node);
      case "MemberExpression":
        return this.memberExpressionValue(node);
      case "CallExpression":
        return this.callValue(node, false);
      case "NewExpression":
        return this.callValue(node, true);
      case "ConditionalExpression":
        return join([this.valueOf(node.consequent), this.valueOf(node.alternate)]);
      case "LogicalExpression":
        return join([this.valueOf(node.left), this.valueOf(node.right)]);
      case "SequenceExpression":
        return this.valueOf(node.expressions[node.expressions.length - 1]!);
      case "AssignmentExpression":
        if (node.operator === "=") return this.valueOf(node.right);
        if (node.operator === "||=" || node.operator === "&&=" || node.operator === "??=") {
          return join([this.valueOf(node.left), this.valueOf(node.right)]);
        }
        return NONE;
      case "AwaitExpression":
        return this.valueOf(node.argument);
      case "ThisExpression":
        return this.thisValue(node);
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        return { kind: "function", node };
      case "ObjectExpression":
        return { kind: "object", node };
      case "ArrayExpression":
        return this.arrayValue(node);
      case "TSAsExpression":
      case "TSNonNullExpression":
      case "TSSatisfiesExpression":
      case "TSTypeAssertion":
      case "TSInstantiationExpression":
      case "ChainExpression":
        return this.valueOf(node.expression);
      default:
        return NONE;
    }
  }

  /** An array literal: each position while no spread of unknown length comes before it. */
  private arrayValue(node: TSESTree.ArrayExpression): Value {
    let items: Value[] | undefined = [];
    const values: Value[] = [];
    for (const element of node.elements) {
      if (element?.type === "SpreadElement") {
        const spread = this.valueOf(element.argument);
        values.push(this.elementOfExpression(element.argument));
        if (spread.kind === "array" && spread.items !== undefined && this.positionsHold(element.argument)) items?.push(...spread.items);
        else items = undefined;
      } else {
        const value = element === null ? NONE : this.valueOf(element);
        values.push(value);
        items?.push(value);
      }
    }
    return items === undefined ? { kind: "array", element: join(values) } : { kind: "array", element: join(values), items };
  }

  /** Whether an array read from this expression still has the positions it was made with. */
  private positionsHold(expression: Node): boolean {
    const inner = unwrap(expression);
    if (inner.type !== "Identifier" && inner.type !== "MemberExpression") return true;
    const key = this.facts.keys.keyOf(inner);
    if (key === undefined) return false;
    if (this.facts.store.written(key, ELEMENTS).length > 0) return false;
    for (const name of REORDERING_METHODS) {
      if (this.facts.methodCalls(name).some((call) => this.facts.keys.keyOf((call.callee as TSESTree.MemberExpression).object) === key)) return false;
    }
    return true;
  }

  /** `[a, b] = source`: the value at `index` (or, for `...rest`, an array of what follows it). */
  private destructuredItem(pattern: TSESTree.ArrayPattern, index: number, rest: boolean): Value {
    const source = this.assignedValue(pattern);
    if (source.kind !== "array" || index < 0) return rest ? source : NONE;
    const expression = sourceExpressionOf(pattern);
    const trusted = source.items !== undefined && (expression === undefined || this.positionsHold(expression));
    const stored = trusted || expression === undefined ? NONE : this.storedValue(expression, source, ELEMENTS);
    const array = trusted ? source : { kind: "array" as const, element: join([source.element, stored]) };
    if (rest) return array.items === undefined ? array : { kind: "array", element: join(array.items.slice(index)), items: array.items.slice(index) };
    return itemAt(array, index);
  }

  // --- names -------------------------------------------------------------------------------

  private identifierValue(identifier: TSESTree.Identifier): Value {
    const scopes = this.facts.scopes;
    const scope = scopes.innermostScope(identifier);
    const variable = scopes.variableOf(identifier, scope);
    if (isHostGlobal(variable)) return this.hostGlobal(identifier.name);
    // A variable of an outer function may change between calls of this one (and a class field is
    // initialised later): every write counts.
    if (scope?.variableScope !== variable!.scope.variableScope) return this.variableValue(variable!);
    const { fixed, ordered, anytime } = this.writesSeenBy(variable!);
    const reaching = ordered.length === 0 ? ordered : this.facts.flow.reaching(ordered, identifier);
    if (fixed.length === 0 && anytime.length === 0 && reaching.length === 1) return this.assignedValue(reaching[0]!);
    return join([...fixed, ...[...anytime, ...reaching].map((target) => this.assignedValue(target))]);
  }

  /**
   * The writes of a variable as a read in its own function sees them: those the function runs
   * itself, in order, and those of other functions (closures), which may run at any time.
   */
  private writesSeenBy(variable: Variable): { fixed: readonly Value[]; ordered: readonly Node[]; anytime: readonly Node[] } {
    const bindings = this.bindingsOf(variable);
    if (bindings.ordered === undefined) {
      const flow = this.facts.flow;
      const owner = variable.scope.variableScope.block;
      const { targets } = bindings;
      let ownCount = 0;
      for (const target of targets) if (flow.functionOf(target) === owner) ownCount++;
      // Usually every write is the variable's own function's (or none is): the lists are then shared.
      if (ownCount === targets.length) {
        bindings.ordered = targets;
        bindings.anytime = NO_NODES;
      } else if (ownCount === 0) {
        bindings.ordered = NO_NODES;
        bindings.anytime = targets;
      } else {
        bindings.ordered = targets.filter((target) => flow.functionOf(target) === owner);
        bindings.anytime = targets.filter((target) => flow.functionOf(target) !== owner);
      }
    }
    return bindings as { fixed: readonly Value[]; ordered: readonly Node[]; anytime: readonly Node[] };
  }

  /** What declares a variable outright (functions, imports, classes) and every target that writes it. */
  private bindingsOf(variable: Variable): Bindings {
    const known = this.bindings.get(variable);
    if (known) return known;
    let fixed: Value[] | undefined;
    const targets: Node[] = [];
    for (const def of variable.defs) {
      if (def.type === "FunctionName" && isFunction(def.node)) (fixed ??= []).push({ kind: "function", node: def.node });
      else if (def.type === "ImportBinding") (fixed ??= []).push(importedValue(def.node as Node));
      else if (def.type === "ClassName") (fixed ??= []).push({ kind: "class", node: def.node as Node });
      else if ((def.type === "Variable" || def.type === "Parameter") && !targets.includes(def.name)) targets.push(def.name);
    }
    // Each write reference is its own identifier; only a declaration's name (`var s = x`) is also a
    // write reference, and is kept once.
    const declared = targets.length;
    for (const reference of variable.references) {
      if (reference.isWrite() && !includes(targets, declared, reference.identifier)) targets.push(reference.identifier);
    }
    const result: Bindings = { fixed: fixed ?? NO_VALUES, targets: targets.length === 0 ? NO_NODES : targets, ordered: undefined, anytime: undefined };
    this.bindings.set(variable, result);
    return result;
  }

  private hostGlobal(name: string): Value {
    switch (name) {
      case "ActiveXObject":
        return host(this.facts.usesWinax ? "winax-activex" : "jscript-activex");
      case "WScript":
        return host("wscript");
      case "Enumerator":
        return host("enumerator");
      case "require":
        return host("require");
      case "Object":
        return host("object-constructor");
      default:
        return NONE;
    }
  }

  /** Every value the variable is ever given, joined: for reads that cannot be ordered against the writes. */
  private variableValue(variable: Variable): Value {
    return this.guarded(this.variableValues, variable, () => {
      const { fixed, targets } = this.bindingsOf(variable);
      return join([...fixed, ...targets.map((target) => this.assignedValue(target))]);
    });
  }

  /** The value written into a binding target (an identifier or a pattern) by its context. */
  private assignedValue(target: Node): Value {
    const parent = target.parent;
    if (!parent) return NONE;
    switch (parent.type) {
      case "VariableDeclarator": {
        if (parent.id !== target) return NONE;
        if (parent.init) return this.valueOf(parent.init);
        const declaration = parent.parent;
        const loop = declaration?.parent;
        return loop?.type === "ForOfStatement" && loop.left === declaration ? this.elementOfExpression(loop.right) : NONE;
      }
      case "AssignmentExpression":
        return parent.left === target && parent.operator !== "+=" ? this.valueOf(parent.right) : NONE;
      case "ForOfStatement":
        return parent.left === target ? this.elementOfExpression(parent.right) : NONE;
      case "AssignmentPattern":
        return parent.left === target ? join([this.assignedValue(parent), this.valueOf(parent.right)]) : NONE;
      case "Property":
        return parent.value === target && parent.parent?.type === "ObjectPattern"
          ? this.patternPropertyValue(parent)
          : NONE;
      case "ArrayPattern":
        return this.destructuredItem(parent, parent.elements.indexOf(target as TSESTree.DestructuringPattern), false);
      case "RestElement": {
        const pattern = parent.parent;
        return pattern?.type === "ArrayPattern" && parent.argument === target
          ? this.destructuredItem(pattern, pattern.elements.indexOf(parent), true)
          : NONE;
      }
      default: {
        if (isFunction(parent)) {
          const index = parent.params.indexOf(target as TSESTree.Parameter);
          return index >= 0 ? this.parameterValue(parent, index) : NONE;
        }
        return NONE;
      }
    }
  }

  // --- functions -----------------------------------------------------------------------------

  private parameterValue(fn: FunctionNode, index: number): Value {
    return join(
      this.callSites(fn).map((site) =>
        "elementsOf" in site
          ? index === 0 ? this.elementOfExpression(site.elementsOf) : NONE
          : this.argumentValue(site.args, index + site.offset),
      ),
    );
  }

  private argumentValue(args: readonly Argument[] | "unknown", index: number): Value {
    const argument = args === "unknown" ? args : argumentAt(args, index);
    return typeof argument === "object" ? this.valueOf(argument) : NONE;
  }

  /** `this` in a function: what its call sites bind it to (`f.call(x)`, `f.bind(x)`, `x.method()`). */
  private thisValue(node: TSESTree.ThisExpression): Value {
    for (let current: Node | undefined = node.parent; current; current = current.parent) {
      if (current.type === "PropertyDefinition" || current.type === "StaticBlock") return NONE;
      if (isFunction(current) && current.type !== "ArrowFunctionExpression") {
        let value: Value = NONE;
        for (const site of this.callSites(current)) {
          if (site.thisArg && site.thisArg.type !== "SpreadElement") value = join([value, this.valueOf(site.thisArg)]);
        }
        return value;
      }
    }
    return NONE;
  }

  /**
   * Calls of a function (or of what `f.bind(...)` made) in this file: invoked in place, by the name it
   * is declared or assigned to (also through `.call`, `.apply` and `.bind`), handed to a function of
   * the file that calls it, or as a method of the object it belongs to.
   */
  private callSites(callable: Callable): CallSite[] {
    const known = this.callSitesMemo.get(callable);
    if (known) return known;
    const sites: CallSite[] = [];
    this.callSitesMemo.set(callable, sites);
    this.addCallSite(sites, callable);
    const { parent, child } = syntacticParent(callable);
    let nameNode: Node | null = null;
    if (parent?.type === "MethodDefinition" && parent.kind === "constructor") nameNode = classNameOf(parent.parent?.parent);
    else if (callable.type === "FunctionDeclaration") nameNode = callable.id;
    else if (parent?.type === "VariableDeclarator" && parent.init === child) nameNode = parent.id;
    else if (parent?.type === "AssignmentExpression" && parent.right === child && parent.operator === "=") {
      nameNode = parent.left;
    }
    const variable = nameNode?.type === "Identifier" ? this.facts.scopes.variableOf(nameNode) : null;
    for (const reference of variable?.references ?? []) {
      if (reference.isRead()) this.addCallSite(sites, reference.identifier as Node);
    }
    const methodName = isFunction(callable) ? methodNameOf(callable, parent, child) : undefined;
    const owner = methodName === undefined ? undefined : this.facts.keys.ownerOfFunction(callable as FunctionNode);
    if (methodName !== undefined && owner !== undefined) {
      for (const call of this.facts.methodCalls(methodName)) {
        const callee = call.callee as TSESTree.MemberExpression;
        const receiver = this.valueOf(callee.object);
        if (this.facts.keys.keyOf(callee.object) === owner || (receiver.kind === "instance" && receiver.key === owner)) {
          sites.push({ args: call.arguments, offset: 0, thisArg: callee.object });
        }
      }
    }
    return sites;
  }

  /**
   * Where an expression that yields a function is called: `f(...)`, `f.call(self, ...)`,
   * `f.apply(self, [...])`, `f.bind(self)` and the calls of what that makes, `list.forEach(f)`, and
   * `run(host, f)` where `run` calls its parameter.
   */
  private addCallSite(sites: CallSite[], reference: Node): void {
    const walked = arrayCallbackReceiver(reference);
    if (walked) {
      sites.push({ elementsOf: walked });
      return;
    }
    const use = syntacticParent(reference);
    const parent = use.parent;
    if (parent?.type === "CallExpression" || parent?.type === "NewExpression") {
      if (parent.callee === use.child) sites.push({ args: parent.arguments, offset: 0 });
      else if (parent.type === "CallExpression") this.addCallbackSites(sites, parent, parent.arguments.indexOf(use.child as Argument));
      return;
    }
    if (parent?.type !== "MemberExpression" || parent.object !== use.child) return;
    const how = staticKeyName(parent.property, parent.computed);
    const call = syntacticParent(parent);
    if (call.parent?.type !== "CallExpression" || call.parent.callee !== call.child) return;
    const args = call.parent.arguments;
    if (how === "call") sites.push({ args, offset: 1, thisArg: args[0] });
    else if (how === "apply") sites.push({ args: spelledOutList(args[1]), offset: 0, thisArg: args[0] });
    else if (how === "bind") for (const site of this.callSites(call.parent)) sites.push(boundSite(site, args));
  }

  /** `run(host, function (s) {...})`: the callback is called wherever `run` calls that parameter. */
  private addCallbackSites(sites: CallSite[], call: TSESTree.CallExpression, index: number): void {
    if (index < 0 || call.arguments.slice(0, index).some((argument) => argument.type === "SpreadElement")) return;
    const callee = this.valueOf(call.callee);
    if (callee.kind !== "function") return;
    const param = callee.node.params[index];
    const name = param?.type === "AssignmentPattern" ? param.left : param;
    const variable = name?.type === "Identifier" ? this.facts.scopes.variableOf(name) : null;
    if (variable === null || this.handingOn.has(variable)) return;
    this.handingOn.add(variable);
    try {
      for (const reference of variable.references) {
        if (reference.isRead()) this.addCallSite(sites, reference.identifier as Node);
      }
    } finally {
      this.handingOn.delete(variable);
    }
  }

  private returnValue(fn: FunctionNode): Value {
    return this.guarded(this.returnValues, fn, () => {
      if (fn.body.type !== "BlockStatement") return this.valueOf(fn.body);
      return join(this.facts.returnsOf(fn).map((statement) => (statement.argument ? this.valueOf(statement.argument) : NONE)));
    });
  }

  // --- calls and creation --------------------------------------------------------------------

  private callValue(node: CallNode, isNew: boolean): Value {
    const callee = unwrap(node.callee);
    if (callee.type === "MemberExpression") {
      const receiver = this.valueOf(callee.object);
      if (receiver.kind === "failed") return FAILED;
      if (receiver.kind === "wua") {
        const result = this.valueOf(callee);
        if (result.kind === "failed" || this.callableUses.has(callee)) return result;
        // `result.Updates(0)`: calling a property's value reaches that collection's default member.
        return result.kind === "wua"
          ? this.readMember(result, { name: DEFAULT_MEMBER, use: node, nameNode: callee.property, access: "call", args: node.arguments })
          : NONE;
      }
      if (receiver.kind === "enumerator" && memberNameOf(callee, this.facts) === "item") return receiver.element;
      if (receiver.kind === "function") {
        const how = memberNameOf(callee, this.facts);
        if (how === "call" || how === "apply") return this.returnValue(receiver.node);
        // What `f.bind(...)` makes returns what `f` returns; its call sites are found from the code.
        if (how === "bind") return receiver;
      }
    }
    const target = this.valueOf(callee);
    switch (target.kind) {
      case "host":
        return this.hostCall(target.host, node, isNew);
      case "function": {
        const returned = this.returnValue(target.node);
        if (!isNew || returned.kind === "wua" || returned.kind === "failed") return returned;
        return { kind: "instance", key: this.facts.keys.ownerOfFunction(target.node) ?? target.node };
      }
      case "class":
        return isNew ? { kind: "instance", key: target.node } : NONE;
      case "wua":
        // `updates(i)`: a call on a collection reaches its default member, Item.
        return this.readMember(target, { name: DEFAULT_MEMBER, use: node, nameNode: node.callee, access: "call", args: node.arguments });
      default:
        return NONE;
    }
  }

  private hostCall(hostObject: HostObject, node: CallNode, isNew: boolean): Value {
    switch (hostObject) {
      case "jscript-activex":
        return isNew ? this.creation(node, "jscript") : NONE;
      case "winax-activex":
        return this.creation(node, "winax");
      case "wscript-create-object":
        return this.creation(node, "wsh");
      case "enumerator": {
        if (!isNew) return NONE;
        const collection = node.arguments[0];
        return collection && collection.type !== "SpreadElement"
          ? { kind: "enumerator", element: this.elementOfExpression(collection) }
          : NONE;
      }
      case "require": {
        const name = node.arguments[0] && this.facts.constants.valueOf(node.arguments[0]);
        return name?.value === "winax" ? host("winax-module") : NONE;
      }
      case "object-assign":
        return isNew || node.type !== "CallExpression" ? NONE : { kind: "object", node };
      case "object-define-property": {
        const target = node.arguments[0];
        return isNew || !target || target.type === "SpreadElement" ? NONE : this.valueOf(target);
      }
      case "expand-environment-strings": {
        const text = node.arguments[0] && this.facts.constants.valueOf(node.arguments[0]);
        return typeof text?.value === "string" && text.value.trim().toLowerCase() === "%computername%"
          ? host("this-computer-name")
          : NONE;
      }
      default:
        return NONE;
    }
  }

  /**
   * A WUA object being created. `jscript`: `new ActiveXObject(progId, location)` honours the location;
   * `wsh` (WScript.CreateObject, whose second argument is an event prefix) and `winax` (no remote
   * creation) always create locally, and a second argument that reads like a computer is a finding.
   */
  private creation(node: CallNode, kind: "jscript" | LocalCreator): Value {
    const [progIdArgument, locationArgument] = node.arguments;
    if (!progIdArgument || progIdArgument.type === "SpreadElement") return NONE;
    const progIdValue = this.facts.constants.valueOf(progIdArgument)?.value;
    const entry = typeof progIdValue === "string" ? lookUpProgId(progIdValue) : undefined;
    if (!entry) return typeof progIdValue === "string" && (kind !== "jscript" || !locationArgument) ? localHelper(progIdValue) : NONE;
    if (kind !== "jscript") {
      const ignored = judgeIgnoredLocation(node, entry.progId, kind, {
        ...this.facts,
        argumentRemoval: this.facts.locationRemoval,
        valueOf: (expression) => this.valueOf(expression),
        namesThisComputer: (expression) => this.namesThisComputer(expression, new Set()),
      });
      if (ignored) this.report(ignored);
    }
    const views = viewsOf(entry.defaultInterface);
    const origin = this.creationOrigin(node, entry.progId, kind === "jscript" ? (locationArgument ?? null) : null);
    const origins = origin ? [origin] : [];
    const finding = judgeCreation<Node>(node, views, origins);
    if (finding) {
      this.report(finding);
      return FAILED;
    }
    return wuaObject(views, origins);
  }

  private creationOrigin(node: CallNode, progId: string, location: Argument | null): Origin | undefined {
    const line = node.loc.start.line;
    if (location) {
      if (location.type === "SpreadElement") {
        return { node, progId, reason: "location", description: `the ${progId} created at line ${line} on a computer given by a spread argument` };
      }
      if (!this.namesThisComputer(location, new Set())) {
        const constant = this.facts.constants.valueOf(location);
        const text = this.facts.textOf(location);
        const where = constant !== undefined && typeof constant.value === "string"
          ? `"${constant.value}"`
          : `the computer named by \`${text}\``;
        return {
          node,
          progId,
          reason: "location",
          description: `the ${progId} created on ${where} at line ${line}`,
          ...this.removableLocation(node, location, text),
        };
      }
    }
    const remoteFile = this.facts.remoteFile;
    if (remoteFile === null) return undefined;
    return { node, progId, reason: remoteFile.reason, description: `the ${progId} created at line ${line}, ${remoteFileReason(remoteFile)}` };
  }

  private removableLocation(node: CallNode, location: Argument, text: string): Pick<Origin, "removableLocation"> {
    if (!isSideEffectFree(location)) return {};
    const removal = this.facts.locationRemoval(node, location);
    return removal ? { removableLocation: { node: location, text, removal } } : {};
  }

  /**
   * Whether every value a location can have names this computer: local constants, the computer's own
   * name, and parameters or variables that only ever receive those.
   */
  private namesThisComputer(node: Node, seen: Set<Node>): boolean {
    const inner = unwrap(node);
    if (seen.has(inner) || seen.size > MAX_LOCATION_STEPS) return false;
    seen.add(inner);
    const constant = this.facts.constants.valueOf(inner);
    if (constant !== undefined) return this.isLocalConstant(constant.value);
    if (isHost(this.valueOf(inner), "this-computer-name")) return true;
    if (inner.type === "ConditionalExpression") {
      return this.namesThisComputer(inner.consequent, seen) && this.namesThisComputer(inner.alternate, seen);
    }
    if (inner.type !== "Identifier") return false;
    const variable = this.facts.scopes.variableOf(inner);
    if (isHostGlobal(variable)) return false;
    const { fixed, targets } = this.bindingsOf(variable!);
    if (fixed.length > 0 || targets.length === 0) return false;
    return targets.every((target) => this.targetNamesThisComputer(target, seen));
  }

  private targetNamesThisComputer(target: Node, seen: Set<Node>): boolean {
    const parent = target.parent;
    if (parent?.type === "VariableDeclarator" && parent.id === target) {
      return parent.init !== null && this.namesThisComputer(parent.init, seen);
    }
    if (parent?.type === "AssignmentExpression" && parent.left === target && parent.operator === "=") {
      return this.namesThisComputer(parent.right, seen);
    }
    if (isFunction(parent) && parent.params.includes(target as TSESTree.Parameter)) {
      const index = parent.params.indexOf(target as TSESTree.Parameter);
      const sites = this.callSites(parent);
      return sites.length > 0 && sites.every((site) => {
        if ("elementsOf" in site || site.args === "unknown") return false;
        const argument = argumentAt(site.args, index + site.offset);
        return argument === "missing" || (argument !== "unknown" && this.namesThisComputer(argument, seen));
      });
    }
    return false;
  }

  private isLocalConstant(value: unknown): boolean {
    if (value === null || value === undefined) return true;
    return typeof value === "string" && isLocalName(value, this.facts.localNames);
  }

  // --- members -------------------------------------------------------------------------------

  private memberExpressionValue(node: TSESTree.MemberExpression): Value {
    const name = memberNameOf(node, this.facts);
    if (name === undefined) return NONE;
    const receiver = this.valueOf(node.object);
    const access = accessOf(node);
    const args = access === "call" ? (syntacticParent(node).parent as CallNode).arguments : undefined;
    const read = this.readMember(receiver, { name, use: node, nameNode: node.property, access, args });
    if (receiver.kind === "wua" || receiver.kind === "host" || receiver.kind === "failed") return read;
    const stored = this.storedRead(node, receiver, name === DEFAULT_MEMBER ? ELEMENTS : name);
    if (stored.hidesInitial) return stored.value;
    return stored.value === NONE ? read : join([read, stored.value]);
  }

  /**
   * What the script stored into the property a member expression reads: by the binding that names
   * the object, or on `this` of its class. Writes are ordered like a variable's: one standing as a
   * statement before the read, in the same function, hides the earlier writes and the value the
   * object started with (`hidesInitial`).
   */
  private storedRead(read: TSESTree.MemberExpression, receiver: Value, name: string): StoredRead {
    const store = this.facts.store;
    if (!store.isWritten(name) && !store.isWritten(COPIED)) return NOTHING_STORED;
    const named = this.facts.keys.keyOf(read.object);
    if (named === undefined) return { value: this.storedValue(read.object, receiver, name), hidesInitial: false };
    const writes = store.written(named, name);
    const flow = this.facts.flow;
    const readFunction = flow.functionOf(read);
    const inOrder = this.writesRunBy(writes, readFunction);
    const dominator = inOrder.length === 0 ? undefined : flow.dominatingWrite(inOrder, read);
    const ordered = dominator === undefined || !this.reboundBetween(named, dominator, read);
    const reaching = ordered && inOrder.length > 0 ? flow.reaching(inOrder, read) : inOrder;
    let value: Value = NONE;
    for (const write of writes) {
      if (ordered && write.target !== undefined && inOrder.includes(write.target) && !reaching.includes(write.target)) continue;
      value = join([value, this.writtenValue(write, name)]);
    }
    for (const copy of store.written(named, COPIED)) value = join([value, this.writtenValue(copy, name)]);
    if (receiver.kind === "instance" && receiver.key !== named) {
      for (const write of [...store.written(receiver.key, name), ...store.written(receiver.key, COPIED)]) {
        value = join([value, this.writtenValue(write, name)]);
      }
    }
    return { value, hidesInitial: ordered && dominator !== undefined };
  }

  /** The targets of `o.name = ...` writes among `writes` that `fn` runs itself (cached per list). */
  private writesRunBy(writes: readonly StoredWrite[], fn: Node): readonly Node[] {
    let byFunction = this.writeTargets.get(writes);
    if (byFunction === undefined) this.writeTargets.set(writes, (byFunction = new Map()));
    let targets = byFunction.get(fn);
    if (targets === undefined) {
      targets = writes.flatMap((write) => (write.target && this.facts.flow.functionOf(write.target) === fn ? [write.target] : []));
      byFunction.set(fn, targets);
    }
    return targets;
  }

  /** Whether the binding that names an object is given another object between a write and a read. */
  private reboundBetween(key: ObjectKey, write: Node, read: Node): boolean {
    if (typeof key !== "object" || !("defs" in key)) return false;
    return this.bindingsOf(key).targets.some((target) => target.range[0] > write.range[0] && target.range[0] < read.range[0]);
  }

  private writtenValue(write: StoredWrite, name: string): Value {
    switch (write.how) {
      case "value":
        return this.valueOf(write.value);
      case "getter":
        return isFunction(write.value) ? this.returnValue(write.value) : NONE;
      case "copy": {
        const source = this.valueOf(write.value);
        return source.kind === "object" ? (this.ownProperty(source.node, name) ?? NONE) : NONE;
      }
    }
  }

  /** Every value stored into `object[name]`, in no order: for elements added to a collection. */
  private storedValue(object: Node, receiver: Value, name: string): Value {
    if (!this.facts.store.isWritten(name)) return NONE;
    const named = this.facts.keys.keyOf(object);
    const ofThis = receiver.kind === "instance" && receiver.key !== named ? receiver.key : undefined;
    let value: Value = NONE;
    for (const key of [named, ofThis]) {
      if (key !== undefined) for (const written of this.facts.store.written(key, name)) value = join([value, this.writtenValue(written, name)]);
    }
    return value;
  }

  private readMember(receiver: Value, member: MemberAccess): Value {
    switch (receiver.kind) {
      case "wua":
        return this.wuaMember(receiver, member);
      case "host":
        return typeof member.name === "string" ? hostMember(receiver.host, member.name) : NONE;
      case "object":
        return typeof member.name === "string" ? (this.ownProperty(receiver.node, member.name) ?? NONE) : NONE;
      case "array":
        return member.name === DEFAULT_MEMBER ? receiver.element : NONE;
      case "failed":
        return FAILED;
      default:
        return NONE;
    }
  }

  private wuaMember(receiver: Extract<Value, { kind: "wua" }>, member: MemberAccess): Value {
    const { name, use, nameNode, access, args } = member;
    const declared = name === DEFAULT_MEMBER ? resolveDefaultMember(receiver.views) : resolveMember(receiver.views, name);
    if (declared.length === 0) return NONE;
    if (allCallable(declared)) this.callableUses.add(use);
    // A local object is never refused anything.
    if (receiver.origins.length === 0) return wuaObject(viewsReturnedBy(declared), receiver.origins);
    const outcome = judgeMemberUse<Node>({
      declared,
      access,
      node: nameNode,
      origins: receiver.origins,
      argument: (index) => this.argumentFact(args, index),
    });
    if (outcome.finding) this.report(outcome.finding);
    return outcome.yields === "failed" ? FAILED : wuaObject(outcome.yields, receiver.origins);
  }

  private argumentFact(args: readonly Argument[] | undefined, index: number): ArgumentFact {
    const argument = args === undefined ? "unknown" : argumentAt(args, index);
    if (typeof argument === "string") return { kind: argument };
    const constant = this.facts.constants.valueOf(argument);
    return constant === undefined ? { kind: "unknown" } : { kind: "constant", value: constant.value };
  }

  /**
   * The property `name` of an object literal or of what `Object.assign` built, as far as the code
   * shows it: later properties and spreads of known objects win; a spread of an unknown object may
   * hold anything, so what came before it is no longer known. Undefined when no property is found.
   */
  private ownProperty(object: TSESTree.ObjectExpression | TSESTree.CallExpression, name: string): Value | undefined {
    // `o = Object.assign({}, o, ...)` copies an object into itself.
    if (this.objectsBeingRead.has(object)) return undefined;
    this.objectsBeingRead.add(object);
    try {
      return this.ownPropertyOf(object, name);
    } finally {
      this.objectsBeingRead.delete(object);
    }
  }

  private ownPropertyOf(object: TSESTree.ObjectExpression | TSESTree.CallExpression, name: string): Value | undefined {
    let found: Value | undefined;
    const parts = object.type === "ObjectExpression" ? object.properties : object.arguments;
    for (const part of parts) {
      if (part.type === "SpreadElement" || part.type !== "Property") {
        const source = this.valueOf(part.type === "SpreadElement" ? part.argument : part);
        found = source.kind === "object" ? (this.ownProperty(source.node, name) ?? found) : undefined;
      } else if (staticKeyName(part.key, part.computed) === name) {
        if (part.kind === "init") found = this.valueOf(part.value);
        else if (part.kind === "get" && isFunction(part.value)) found = this.returnValue(part.value);
      }
    }
    return found;
  }

  /** What walking a collection (Enumerator, for...of) yields: the type of its default member. */
  private elementOf(collection: Value): Value {
    if (collection.kind === "failed") return FAILED;
    if (collection.kind === "array") return collection.element;
    if (collection.kind !== "wua") return NONE;
    return wuaObject(viewsReturnedBy(resolveDefaultMember(collection.views)), collection.origins);
  }

  /** The elements of a collection or array expression, including those pushed into it elsewhere. */
  private elementOfExpression(expression: Node): Value {
    const value = this.valueOf(expression);
    const element = this.elementOf(value);
    const stored = this.storedValue(expression, value, ELEMENTS);
    return stored === NONE ? element : join([element, stored]);
  }
}

/** The expression a pattern takes its value from, when it is written right beside it. */
function sourceExpressionOf(pattern: Node): Node | undefined {
  const parent = pattern.parent;
  if (parent?.type === "VariableDeclarator" && parent.id === pattern) return parent.init ?? undefined;
  if (parent?.type === "AssignmentExpression" && parent.left === pattern) return parent.right;
  return undefined;
}

/** Array methods that move elements to other positions. */
const REORDERING_METHODS = ["reverse", "sort", "splice", "shift", "unshift", "copyWithin", "fill"];

/** The arguments `.apply` passes: "unknown" unless its list is written out as an array literal. */
function spelledOutList(list: Argument | undefined): readonly Argument[] | "unknown" {
  if (list === undefined) return [];
  return list.type === "ArrayExpression" && list.elements.every((element) => element !== null) ? (list.elements as Argument[]) : "unknown";
}

/** A call of what `f.bind(self, ...bound)` made is a call of `f` with `self` and the bound arguments first. */
function boundSite(site: CallSite, bindArgs: readonly Argument[]): CallSite {
  const [thisArg, ...bound] = bindArgs;
  if ("elementsOf" in site) return bound.length === 0 ? { elementsOf: site.elementsOf, thisArg } : { args: "unknown", offset: 0, thisArg };
  if (site.args === "unknown" || bound.some((argument) => argument.type === "SpreadElement")) return { args: "unknown", offset: 0, thisArg };
  return { args: [...bound, ...site.args.slice(site.offset)], offset: 0, thisArg };
}

/** Members that are methods or indexed properties: calling them yields their result. */
function allCallable(declared: readonly DeclaredMember[]): boolean {
  for (const d of declared) if (d.member.kind !== "method" && d.member.indexed !== true) return false;
  return true;
}

function memberNameOf(node: TSESTree.MemberExpression, facts: FileFacts): MemberName | undefined {
  if (!node.computed) return node.property.type === "Identifier" ? node.property.name : undefined;
  const constant = facts.constants.valueOf(node.property);
  if (constant === undefined) return DEFAULT_MEMBER;
  return typeof constant.value === "string" ? constant.value : DEFAULT_MEMBER;
}

