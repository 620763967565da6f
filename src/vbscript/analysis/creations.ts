/**
 * Where WUA objects come into being, and where they live: VBScript's `CreateObject(progId[, location])`
 * creates the object on the computer `location` names; `WScript.CreateObject(progId[, prefix])` always
 * creates it here (its second argument prefixes the names of event handlers, and a computer name
 * there is reported as ignored). `GetObject` is not followed: WUA objects are not reached that way.
 */
import { isLocalName, remoteFileReason } from "../../core/file-context.js";
import { judgeCreation, type IgnoredLocationFinding, type TextEdit } from "../../core/findings.js";
import { lookUpProgId, viewsOf, type InterfaceName, type ProgIdEntry } from "../../core/object-model.js";
import { localCreators } from "../../data/local-creators.js";
import type { Expression, Node } from "../parser/ast.js";
import { forEachChild } from "../parser/children.js";
import type { Frame } from "./interpreter-base.js";
import { MemberInterpreter } from "./members.js";
import type { Scope } from "./scope.js";
import { FAILED, host, stringOf, UNKNOWN, wuaObject, type Origin, type Value } from "./values.js";

/**
 * Host names (letters, digits, hyphens, dots) and IP addresses: what a computer argument looks like
 * (the same test as the JScript side's): an event prefix such as `wu_` does not.
 */
const COMPUTER_NAME = /^(?:[a-z\d](?:[a-z\d.-]*[a-z\d])?|[\da-f]*:[\da-f:.]*)$/iu;

/** Objects of Windows Script Host whose members name this computer. */
const HOST_PROG_IDS: Readonly<Record<string, Value>> = {
  "wscript.network": host("network"),
  "wscript.shell": host("shell"),
};

/** A local object's origins: none. */
const NO_ORIGINS: readonly Origin[] = [];

export abstract class CreationInterpreter extends MemberInterpreter {
  /** `CreateObject(progId[, location])`, as an expression or a call statement (`node`). */
  protected createObject(node: Node, args: readonly (Expression | null)[], scope: Scope, frame: Frame): Value {
    const creation = this.creationOf(args, scope, frame);
    if (!("entry" in creation)) return creation.other;
    const [progIdNode, locationNode] = args;
    const location = progIdNode && locationNode ? { node: locationNode, value: creation.values[1]!, progIdNode } : undefined;
    const origins = this.creationOrigins(node, creation.entry.progId, location, args.length, frame);
    return this.created(node, viewsOf(creation.entry.defaultInterface), origins);
  }

  /** `WScript.CreateObject(progId[, prefix])`: created here, whatever the second argument says. */
  protected wshCreateObject(node: Node, callee: Node, args: readonly (Expression | null)[], scope: Scope, frame: Frame): Value {
    const creation = this.creationOf(args, scope, frame);
    if (!("entry" in creation)) return creation.other;
    const [progIdNode, argument] = args;
    if (progIdNode && argument) {
      const finding = this.ignoredLocation(callee, progIdNode, argument, creation.values[1]!, creation.entry.progId, args.length, frame);
      if (finding) this.report(finding);
    }
    return this.created(node, viewsOf(creation.entry.defaultInterface), this.creationOrigins(node, creation.entry.progId, undefined, args.length, frame));
  }

  /** The arguments of a creation, evaluated once: a WUA ProgID's entry, or what else the call yields. */
  private creationOf(args: readonly (Expression | null)[], scope: Scope, frame: Frame): { entry: ProgIdEntry; values: readonly Value[] } | { other: Value } {
    const values = args.map((arg) => (arg === null ? UNKNOWN : this.expression(arg, scope, frame)));
    const progId = values[0] === undefined ? undefined : stringOf(values[0]);
    if (progId === undefined) return { other: UNKNOWN };
    const entry = lookUpProgId(progId);
    return entry === undefined ? { other: HOST_PROG_IDS[progId.trim().toLowerCase()] ?? UNKNOWN } : { entry, values };
  }

  /** A WUA object comes into being: refused outright for some interfaces when remote. */
  private created(node: Node, views: readonly InterfaceName[], origins: readonly Origin[]): Value {
    const finding = judgeCreation<Node>(node, views, origins);
    if (finding) {
      this.report(finding);
      return FAILED;
    }
    return wuaObject(views, origins);
  }

  /**
   * Origins already made, per creation and what makes them differ (ProgID, the computer named, the
   * removable location): the same creation run again (a loop's next pass, a procedure called again)
   * yields the very same origins, so that its object is the same shared value and a loop settles.
   */
  private readonly originsBySite = new Map<Node, Map<string, readonly Origin[]>>();

  /** Why an object created here is remote: the computer its creation names, or the file. */
  private creationOrigins(
    node: Node,
    progId: string,
    location: { node: Expression; value: Value; progIdNode: Expression } | undefined,
    argumentCount: number,
    frame: Frame,
  ): readonly Origin[] {
    if (location && !this.isThisComputer(location.value)) {
      const text = stringOf(location.value);
      // A half-written argument (`, = x`, `, &`) names no computer: its text is not quoted as one.
      const named = text !== undefined && location.value.kind === "scalar" ? `"${text}"` : isUnreadable(location.node) ? "" : this.abbreviated(location.node);
      const removal = argumentCount === 2 ? this.argumentRemoval(location.progIdNode, location.node, frame) : undefined;
      return this.originsOf(node, `l\0${progId}\0${named}\0${removal === undefined ? "" : `${removal[0]},${removal[1]}`}`, () => {
        const line = node.loc.start.line;
        // An argument the parser could not read has no text to name: it is still not this computer's name.
        const where = named.trim() === "" ? `at line ${line} on a computer named by text VBScript cannot read` : `on ${named} at line ${line}`;
        return [
          {
            node,
            progId,
            reason: "location",
            description: `the ${progId} created ${where}`,
            ...(removal ? { removableLocation: { node: location.node, text: this.abbreviated(location.node), removal } } : {}),
          },
        ];
      });
    }
    const remoteFile = this.facts.remoteFile;
    if (remoteFile === null) return NO_ORIGINS;
    return this.originsOf(node, `f\0${progId}`, () => [
      { node, progId, reason: remoteFile.reason, description: `the ${progId} created at line ${node.loc.start.line}, ${remoteFileReason(remoteFile)}` },
    ]);
  }

  private originsOf(node: Node, key: string, make: () => readonly Origin[]): readonly Origin[] {
    let byKey = this.originsBySite.get(node);
    if (byKey === undefined) this.originsBySite.set(node, (byKey = new Map()));
    let origins = byKey.get(key);
    if (origins === undefined) byKey.set(key, (origins = make()));
    return origins;
  }

  /**
   * `WScript.CreateObject(progId, x)` where `x` may name a computer: any string that is not this
   * computer, or a value the analysis cannot work out (WUA objects raise no events, so a prefix has
   * no use there). Numbers, objects and this computer's names are left alone.
   */
  private ignoredLocation(
    callee: Node,
    progIdNode: Expression,
    argument: Expression,
    value: Value,
    progId: string,
    argumentCount: number,
    frame: Frame,
  ): IgnoredLocationFinding<Node> | undefined {
    const mayBeComputer = value.kind === "unknown" || (value.kind === "scalar" && typeof value.value === "string") || value.kind === "choice";
    // An argument the parser could not read says nothing, computer or prefix.
    if (!mayBeComputer || this.isThisComputer(value) || isUnreadable(argument)) return undefined;
    const constant = value.kind === "scalar" ? stringOf(value) : undefined;
    const removalRange = argumentCount === 2 ? this.argumentRemoval(progIdNode, argument, frame) : undefined;
    const removal: TextEdit | undefined = removalRange ? { range: removalRange, text: "" } : undefined;
    const remoteCreation = constant !== undefined && argumentCount === 2 ? this.remoteCreation(callee, constant) : undefined;
    return {
      kind: "ignored-location",
      node: argument,
      progId,
      ignoredAs: "event-prefix",
      link: localCreators["event-prefix"].link,
      remoteCreator: "CreateObject(progId, computer)",
      value: constant,
      text: this.abbreviated(argument),
      ...(removal && { removal }),
      ...(remoteCreation && { remoteCreation }),
    };
  }

  /** `WScript.CreateObject` as VBScript's own `CreateObject`, which takes the computer: only for a name that looks like one. */
  private remoteCreation(callee: Node, computer: string): TextEdit | undefined {
    if (!COMPUTER_NAME.test(computer) || !this.facts.suggestionsAllowed) return undefined;
    // The file's own CreateObject procedure would be called instead of VBScript's.
    if (this.facts.index.procedures.has("createobject") || this.commentWithin(callee.range[0], callee.range[1])) return undefined;
    return { range: callee.range, text: "CreateObject" };
  }

  /**
   * Deleting `, x` after the ProgID: only for a plain variable or a string literal (nothing runs when
   * it is evaluated), only when no comment sits in between, and only in a file VBScript can run
   * (elsewhere the edit could not leave code that parses).
   */
  private argumentRemoval(progIdNode: Expression, argument: Expression, frame: Frame): readonly [number, number] | undefined {
    if (!this.facts.suggestionsAllowed) return undefined;
    const plain = argument.type === "StringLiteral" || (argument.type === "Identifier" && !this.callsWhenNamed(argument.name, frame));
    if (!plain) return undefined;
    const range = [progIdNode.range[1], argument.range[1]] as const;
    return this.commentWithin(range[0], range[1]) ? undefined : range;
  }

  /** A bare name that runs code when read: a procedure of the file, or a member of the running class. */
  private callsWhenNamed(name: string, frame: Frame): boolean {
    const lower = name.toLowerCase();
    if (frame.procedure !== null && frame.locals.has(lower)) return false;
    return this.facts.index.procedures.has(lower) || (frame.owner?.members.has(lower) ?? false);
  }

  private commentWithin(start: number, end: number): boolean {
    return this.facts.commentRanges.some(([from, to]) => from < end && to > start);
  }

  protected isThisComputer(value: Value): boolean {
    switch (value.kind) {
      case "empty":
      case "this-computer":
        return true;
      case "scalar":
        return typeof value.value === "string" && isLocalName(value.value, this.facts.localNames);
      case "choice":
        return value.options.every((option) => this.isThisComputer(option));
      default:
        return false;
    }
  }
}

/** Whether the parser could not read part of `node` (an `ErrorExpression` in it, at any depth). */
function isUnreadable(node: Node): boolean {
  if (node.type === "ErrorExpression") return true;
  let found = false;
  forEachChild(node, (child) => {
    found ||= isUnreadable(child);
  });
  return found;
}
