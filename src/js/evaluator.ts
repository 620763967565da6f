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
} from "../core/object-model.js";
import { remoteFileReason, type RemoteFile } from "../core/file-context.js";
import { judgeCreation, judgeMemberUse, type Access, type Finding } from "../core/findings.js";
import type { ArgumentFact } from "../core/remote-status.js";
import type { ConstantFolder } from "./constants.js";
import type { FlowIndex } from "./flow.js";
import { ELEMENTS, type ObjectKeys, type PropertyStore } from "./object-keys.js";
import { isHostGlobal, type NameResolver, type Variable } from "./name-resolver.js";
import { host, hostMember, importedValue, isHost, localHelper } from "./host.js";
import { accessOf, argumentAt, arrayCallbackReceiver, classNameOf, isSideEffectFree, methodNameOf } from "./shapes.js";
import { isFunction, staticKeyName, syntacticParent, unwrap } from "./syntax.js";
import {
  FAILED,
  NONE,
  join,
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
 * How a function is called: with these arguments (`offset` skips the `this` argument of `.call`), or
 * as the callback of an array method, with the elements of `elementsOf`.
 */
type CallSite =
  | { readonly args: readonly Argument[]; readonly offset: number }
  | { readonly elementsOf: Node };

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

/** Marks a memo entry whose value is being computed. */
const IN_PROGRESS: Value = { kind: "none" };

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
}

export class Evaluator {
  readonly findings: Finding<Node>[] = [];
  private readonly nodeValues = new Map<Node, Value>();
  private readonly variableValues = new Map<Variable, Value>();
  private readonly bindings = new Map<Variable, { fixed: Value[]; targets: Node[] }>();
  private readonly writesByVariable = new Map<Variable, { fixed: Value[]; ordered: Node[]; anytime: Node[] }>();
  private readonly returnValues = new Map<FunctionNode, Value>();
  private readonly callSitesMemo = new Map<FunctionNode, CallSite[]>();
  /** Member uses whose member is a method or an indexed property: calling them yields their result. */
  private readonly callableUses = new Set<Node>();
  private readonly reportedNodes = new Set<Node>();
  private depth = 0;

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
   * Memoised, and "none" for a key already being computed (a cycle) or past the depth limit.
   * `compute` is called as a method, so that the hottest callers need not allocate a closure.
   */
  private guarded<K>(memo: Map<K, Value>, key: K, compute: (this: Evaluator, key: K) => Value): Value {
    const known = memo.get(key);
    if (known !== undefined) return known === IN_PROGRESS ? NONE : known;
    if (this.depth >= MAX_DEPTH) return NONE;
    memo.set(key, IN_PROGRESS);
    this.depth++;
    let value: Value | undefined;
    try {
      value = compute.call(this, key);
      return value;
    } finally {
      this.depth--;
      if (value === undefined) memo.delete(key);
      else memo.set(key, value);
    }
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
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        return { kind: "function", node };
      case "ObjectExpression":
        return { kind: "object", node };
      case "ArrayExpression":
        return {
          kind: "array",
          element: join(
            node.elements.map((element) =>
              element === null ? NONE : element.type === "SpreadElement" ? this.elementOfExpression(element.argument) : this.valueOf(element),
            ),
          ),
        };
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
  private writesSeenBy(variable: Variable): { fixed: Value[]; ordered: Node[]; anytime: Node[] } {
    const known = this.writesByVariable.get(variable);
    if (known) return known;
    const { fixed, targets } = this.bindingsOf(variable);
    const flow = this.facts.flow;
    const owner = variable.scope.variableScope.block;
    const ordered: Node[] = [];
    const anytime: Node[] = [];
    for (const target of targets) (flow.functionOf(target) === owner ? ordered : anytime).push(target);
    const writes = { fixed, ordered, anytime };
    this.writesByVariable.set(variable, writes);
    return writes;
  }

  /** What declares a variable outright (functions, imports, classes) and every target that writes it. */
  private bindingsOf(variable: Variable): { fixed: Value[]; targets: Node[] } {
    const known = this.bindings.get(variable);
    if (known) return known;
    const fixed: Value[] = [];
    const targets = new Set<Node>();
    for (const def of variable.defs) {
      if (def.type === "FunctionName" && isFunction(def.node)) fixed.push({ kind: "function", node: def.node });
      else if (def.type === "ImportBinding") fixed.push(importedValue(def.node as Node));
      else if (def.type === "ClassName") fixed.push({ kind: "class", node: def.node as Node });
      else if (def.type === "Variable" || def.type === "Parameter") targets.add(def.name);
    }
    for (const reference of variable.references) {
      if (reference.isWrite()) targets.add(reference.identifier);
    }
    const result = { fixed, targets: [...targets] };
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
    const sites = this.callSites(fn);
    const callback = arrayCallbackReceiver(fn);
    const all = callback ? [...sites, { elementsOf: callback }] : sites;
    return join(
      all.map((site) =>
        "elementsOf" in site
          ? index === 0 ? this.elementOfExpression(site.elementsOf) : NONE
          : this.argumentValue(site.args, index + site.offset),
      ),
    );
  }

  private argumentValue(args: readonly Argument[], index: number): Value {
    const argument = argumentAt(args, index);
    return typeof argument === "object" ? this.valueOf(argument) : NONE;
  }

  /**
   * Calls of `fn` in this file: invoked in place, by the name it is declared or assigned to (also
   * through `.call` and `.apply`), or as a method of the object it belongs to.
   */
  private callSites(fn: FunctionNode): CallSite[] {
    const known = this.callSitesMemo.get(fn);
    if (known) return known;
    const sites: CallSite[] = [];
    this.callSitesMemo.set(fn, sites);
    const { parent, child } = syntacticParent(fn);
    if ((parent?.type === "CallExpression" || parent?.type === "NewExpression") && parent.callee === child) {
      sites.push({ args: parent.arguments, offset: 0 });
    }
    let nameNode: Node | null = null;
    if (parent?.type === "MethodDefinition" && parent.kind === "constructor") nameNode = classNameOf(parent.parent?.parent);
    else if (fn.type === "FunctionDeclaration") nameNode = fn.id;
    else if (parent?.type === "VariableDeclarator" && parent.init === child) nameNode = parent.id;
    else if (parent?.type === "AssignmentExpression" && parent.right === child && parent.operator === "=") {
      nameNode = parent.left;
    }
    const variable = nameNode?.type === "Identifier" ? this.facts.scopes.variableOf(nameNode) : null;
    for (const reference of variable?.references ?? []) {
      if (reference.isRead()) this.addCallSite(sites, reference.identifier as Node);
    }
    const methodName = methodNameOf(fn, parent, child);
    const owner = methodName === undefined ? undefined : this.facts.keys.ownerOfFunction(fn);
    if (methodName !== undefined && owner !== undefined) {
      for (const call of this.facts.methodCalls(methodName)) {
        const callee = call.callee as TSESTree.MemberExpression;
        const receiver = this.valueOf(callee.object);
        if (this.facts.keys.keyOf(callee.object) === owner || (receiver.kind === "instance" && receiver.key === owner)) {
          sites.push({ args: call.arguments, offset: 0 });
        }
      }
    }
    return sites;
  }

  /** `f(...)`, `f.call(self, ...)`, `f.apply(self, [...])`, `list.forEach(f)` around a reference to `f`. */
  private addCallSite(sites: CallSite[], reference: Node): void {
    const walked = arrayCallbackReceiver(reference);
    if (walked) sites.push({ elementsOf: walked });
    const use = syntacticParent(reference);
    if ((use.parent?.type === "CallExpression" || use.parent?.type === "NewExpression") && use.parent.callee === use.child) {
      sites.push({ args: use.parent.arguments, offset: 0 });
      return;
    }
    if (use.parent?.type !== "MemberExpression" || use.parent.object !== use.child) return;
    const how = staticKeyName(use.parent.property, use.parent.computed);
    const call = syntacticParent(use.parent);
    if (call.parent?.type !== "CallExpression" || call.parent.callee !== call.child) return;
    if (how === "call") sites.push({ args: call.parent.arguments, offset: 1 });
    const list = call.parent.arguments[1];
    if (how === "apply" && list?.type === "ArrayExpression" && list.elements.every((e) => e !== null)) {
      sites.push({ args: list.elements as Argument[], offset: 0 });
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
        return this.creation(node, "local");
      case "wscript-create-object":
        return this.creation(node, "local");
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
   * `local`: WScript.CreateObject (its second argument is an event prefix) and winax (no remote creation).
   */
  private creation(node: CallNode, kind: "jscript" | "local"): Value {
    const [progIdArgument, locationArgument] = node.arguments;
    if (!progIdArgument || progIdArgument.type === "SpreadElement") return NONE;
    const progIdValue = this.facts.constants.valueOf(progIdArgument)?.value;
    const entry = typeof progIdValue === "string" ? lookUpProgId(progIdValue) : undefined;
    if (!entry) return typeof progIdValue === "string" && (kind === "local" || !locationArgument) ? localHelper(progIdValue) : NONE;
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
    if (constant !== undefined) return this.isLocalName(constant.value);
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
        if ("elementsOf" in site) return false;
        const argument = argumentAt(site.args, index + site.offset);
        return argument === "missing" || (argument !== "unknown" && this.namesThisComputer(argument, seen));
      });
    }
    return false;
  }

  private isLocalName(value: unknown): boolean {
    if (value === null || value === undefined) return true;
    return typeof value === "string" && this.facts.localNames.has(value.toLowerCase());
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
    const stored = this.storedValue(node.object, receiver, name === DEFAULT_MEMBER ? ELEMENTS : name);
    return stored === NONE ? read : join([read, stored]);
  }

  /** What the script stored into `object[name]`: by the binding that names it, or on `this` of its class. */
  private storedValue(object: Node, receiver: Value, name: string): Value {
    if (!this.facts.store.isWritten(name)) return NONE;
    const named = this.facts.keys.keyOf(object);
    const ofThis = receiver.kind === "instance" && receiver.key !== named ? receiver.key : undefined;
    let value: Value = NONE;
    for (const key of [named, ofThis]) {
      if (key !== undefined) for (const written of this.facts.store.written(key, name)) value = join([value, this.valueOf(written)]);
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
        return typeof member.name === "string" ? this.objectLiteralMember(receiver.node, member.name) : NONE;
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
    if (declared.every((d) => d.member.kind === "method" || d.member.indexed === true)) this.callableUses.add(use);
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

  private objectLiteralMember(object: TSESTree.ObjectExpression, name: string): Value {
    let found: Value = NONE;
    for (const property of object.properties) {
      if (property.type === "SpreadElement") found = NONE;
      else if (staticKeyName(property.key, property.computed) === name && property.kind === "init") {
        found = this.valueOf(property.value);
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

function memberNameOf(node: TSESTree.MemberExpression, facts: FileFacts): MemberName | undefined {
  if (!node.computed) return node.property.type === "Identifier" ? node.property.name : undefined;
  const constant = facts.constants.valueOf(node.property);
  if (constant === undefined) return DEFAULT_MEMBER;
  return typeof constant.value === "string" ? constant.value : DEFAULT_MEMBER;
}

