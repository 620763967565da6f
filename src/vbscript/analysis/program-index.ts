/**
 * What the analysis knows of a file before it runs it: its procedures and classes (VBScript lets code
 * call a procedure declared further down), which names are globals, and each procedure's locals.
 */
import { forEachChild } from "../parser/children.js";
import type { ClassDeclaration, Expression, FunctionDeclaration, Node, Program, PropertyDeclaration, Statement, SubDeclaration } from "../parser/ast.js";

export type Procedure = SubDeclaration | FunctionDeclaration | PropertyDeclaration;

export interface ClassInfo {
  readonly node: ClassDeclaration;
  /** Lower-cased class name. */
  readonly name: string;
  /** Fields (`Dim`, `Private`, `Public` in the class body), lower-cased. */
  readonly fields: ReadonlySet<string>;
  /** Subs, functions and property procedures by lower-cased name (a property may have Get, Let and Set). */
  readonly members: ReadonlyMap<string, readonly Procedure[]>;
  /** `Const` declarations of the class body, by lower-cased name: their values are worked out where read. */
  readonly constants: ReadonlyMap<string, Expression>;
}

export interface ProgramIndex {
  /** Procedures declared outside any class, by lower-cased name. */
  readonly procedures: ReadonlyMap<string, Procedure>;
  readonly classes: ReadonlyMap<string, ClassInfo>;
  /** Names the script's own code declares or assigns (outside procedures), lower-cased: its globals. */
  readonly globals: ReadonlySet<string>;
  /** Every name declared or assigned anywhere: other names may come from elsewhere, and are unknown. */
  readonly assigned: ReadonlySet<string>;
  /** Every procedure, in source order (those nothing calls are run at the end). */
  readonly allProcedures: readonly Procedure[];
  /** The class that declares each class member. */
  readonly ownerOf: ReadonlyMap<Procedure, ClassInfo>;
}

export function indexProgram(program: Program): ProgramIndex {
  const procedures = new Map<string, Procedure>();
  const classes = new Map<string, ClassInfo>();
  const globals = new Set<string>();
  const assigned = new Set<string>();
  const allProcedures: Procedure[] = [];
  const ownerOf = new Map<Procedure, ClassInfo>();
  const declarations: (Procedure | ClassDeclaration)[] = [];
  // Names are gathered as written and lower-cased once each at the end: a script writes the same few names many times.
  const globalsAsWritten = new Set<string>();
  for (const statement of program.body) {
    declarations.length = 0;
    if (isProcedure(statement) || statement.type === "ClassDeclaration") declarations.push(statement);
    else collectNames([statement], { set: globalsAsWritten, declared: null, parameters: globalsAsWritten, declarations });
    for (const declaration of declarations) {
      if (isProcedure(declaration)) {
        const name = declaration.name.name.toLowerCase();
        if (!procedures.has(name)) procedures.set(name, declaration);
        allProcedures.push(declaration);
      } else {
        const info = classInfo(declaration);
        if (!classes.has(info.name)) classes.set(info.name, info);
        for (const list of info.members.values()) {
          for (const member of list) {
            allProcedures.push(member);
            ownerOf.set(member, info);
          }
        }
      }
    }
  }
  addLowerCased(globalsAsWritten, globals);
  // Each procedure's body is read once: what it declares and what it assigns, for `assigned` and its locals.
  const bodies = new Map<Procedure, ProcedureNames>();
  const assignedAsWritten = new Set<string>();
  for (const procedure of allProcedures) {
    const names: ProcedureNames = { declared: new Set(), set: new Set(), nested: [] };
    for (const parameter of procedure.params) assignedAsWritten.add(parameter.name.name);
    collectNames(procedure.body, { set: names.set, declared: names.declared, parameters: assignedAsWritten, declarations: names.nested });
    for (const name of names.declared) assignedAsWritten.add(name);
    for (const name of names.set) assignedAsWritten.add(name);
    bodies.set(procedure, names);
  }
  addLowerCased(assignedAsWritten, assigned);
  for (const name of globals) assigned.add(name);
  const index: ProgramIndex = { procedures, classes, globals, assigned, allProcedures, ownerOf };
  for (const [procedure, names] of bodies) localsOf.set(procedure, procedureLocals(procedure, names, index));
  return index;
}

function addLowerCased(names: ReadonlySet<string>, into: Set<string>): void {
  for (const name of names) into.add(name.toLowerCase());
}

/** What a procedure's body declares and assigns (as written), and the declarations the parser found inside it. */
interface ProcedureNames {
  readonly declared: Set<string>;
  readonly set: Set<string>;
  readonly nested: (Procedure | ClassDeclaration)[];
}

/** Where `collectNames` puts what it finds (names as written); `declared` null to put declared names with the assigned ones. */
interface NameSink {
  readonly set: Set<string>;
  readonly declared: Set<string> | null;
  /** Where parameters found outside a declaration go (what the parser kept of code it could not read), if anywhere. */
  readonly parameters: Set<string> | null;
  /** Procedures and classes found inside (not searched: their names are their own), in source order. */
  readonly declarations: (Procedure | ClassDeclaration)[];
}

/**
 * Names that statements (and the statements inside them) declare or assign, as written. Only
 * statements are read: no expression holds a statement or a declaration. What the parser kept of
 * code it could not read may hold anything, and is searched node by node.
 */
function collectNames(statements: readonly Statement[], sink: NameSink): void {
  const pending: Node[] = [];
  pushReversed(pending, statements);
  while (pending.length > 0) {
    const node = pending.pop()!;
    switch (node.type) {
      case "DimStatement":
      case "ReDimStatement":
      case "ConstStatement":
        for (const declaration of node.declarations) (sink.declared ?? sink.set).add(declaration.id.name);
        break;
      case "SetStatement":
      case "AssignmentStatement":
        if (node.target.type === "Identifier") sink.set.add(node.target.name);
        break;
      case "ForStatement":
        sink.set.add(node.counter.name);
        pushReversed(pending, node.body);
        break;
      case "ForEachStatement":
        sink.set.add(node.element.name);
        pushReversed(pending, node.body);
        break;
      case "IfStatement":
        if (node.elseClause !== null) pushReversed(pending, node.elseClause.body);
        for (let i = node.elseIfClauses.length - 1; i >= 0; i--) pushReversed(pending, node.elseIfClauses[i]!.consequent);
        pushReversed(pending, node.consequent);
        break;
      case "SelectStatement":
        for (let i = node.cases.length - 1; i >= 0; i--) pushReversed(pending, node.cases[i]!.body);
        break;
      case "DoStatement":
      case "WhileStatement":
      case "WithStatement":
        pushReversed(pending, node.body);
        break;
      case "SubDeclaration":
      case "FunctionDeclaration":
      case "PropertyDeclaration":
      case "ClassDeclaration":
        sink.declarations.push(node);
        break;
      case "ErrorStatement":
        for (const nested of node.nested) collectNamesAnywhere(nested, sink);
        break;
      default:
        // Calls, Exit, Erase, Option Explicit, On Error, Stop: they hold expressions only.
        break;
    }
  }
}

function pushReversed(pending: Node[], nodes: readonly Node[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) pending.push(nodes[i]!);
}

/** `collectNames` for any node, child by child (what the parser kept of code it could not read). */
function collectNamesAnywhere(root: Node, sink: NameSink): void {
  const pending: Node[] = [root];
  const push = (child: Node): void => {
    pending.push(child);
  };
  while (pending.length > 0) {
    const node = pending.pop()!;
    switch (node.type) {
      case "VariableDeclarator":
      case "ConstDeclarator":
        (sink.declared ?? sink.set).add(node.id.name);
        break;
      case "SetStatement":
      case "AssignmentStatement":
        if (node.target.type === "Identifier") sink.set.add(node.target.name);
        break;
      case "ForStatement":
        sink.set.add(node.counter.name);
        break;
      case "ForEachStatement":
        sink.set.add(node.element.name);
        break;
      case "Parameter":
        sink.parameters?.add(node.name.name);
        break;
      case "ClassDeclaration":
      case "SubDeclaration":
      case "FunctionDeclaration":
      case "PropertyDeclaration":
        sink.declarations.push(node);
        continue;
    }
    // Children in source order: pushed, then the new part of the list turned around.
    const first = pending.length;
    forEachChild(node, push);
    for (let low = first, high = pending.length - 1; low < high; low++, high--) {
      const child = pending[low]!;
      pending[low] = pending[high]!;
      pending[high] = child;
    }
  }
}

export function isProcedure(node: Node): node is Procedure {
  return node.type === "SubDeclaration" || node.type === "FunctionDeclaration" || node.type === "PropertyDeclaration";
}

function classInfo(node: ClassDeclaration): ClassInfo {
  const fields = new Set<string>();
  const members = new Map<string, Procedure[]>();
  const constants = new Map<string, Expression>();
  for (const statement of node.body) {
    if (statement.type === "DimStatement") for (const declaration of statement.declarations) fields.add(declaration.id.name.toLowerCase());
    else if (statement.type === "ConstStatement") for (const declaration of statement.declarations) constants.set(declaration.id.name.toLowerCase(), declaration.init);
    else if (isProcedure(statement)) {
      const name = statement.name.name.toLowerCase();
      members.set(name, [...(members.get(name) ?? []), statement]);
    }
  }
  return { node, name: node.name.name.toLowerCase(), fields, members, constants };
}

const localsOf = new WeakMap<Procedure, ReadonlySet<string>>();

/**
 * A procedure's local names: its parameters, its result (a function's or property's own name), what
 * it declares, and what it assigns without declaring unless that is a global or a field of its class
 * (VBScript then writes the global or the field).
 */
export function localNames(procedure: Procedure, index: ProgramIndex): ReadonlySet<string> {
  const locals = localsOf.get(procedure);
  if (locals !== undefined) return locals;
  // A procedure of another index (never the case while a file is analysed): read it now.
  const names: ProcedureNames = { declared: new Set(), set: new Set(), nested: [] };
  collectNames(procedure.body, { set: names.set, declared: names.declared, parameters: null, declarations: names.nested });
  const computed = procedureLocals(procedure, names, index);
  localsOf.set(procedure, computed);
  return computed;
}

function procedureLocals(procedure: Procedure, names: ProcedureNames, index: ProgramIndex): ReadonlySet<string> {
  const locals = new Set<string>();
  for (const parameter of procedure.params) locals.add(parameter.name.name.toLowerCase());
  if (procedure.type !== "SubDeclaration") locals.add(procedure.name.name.toLowerCase());
  const fields = index.ownerOf.get(procedure)?.fields;
  const local = (name: string): void => {
    if (!index.globals.has(name) && !fields?.has(name)) locals.add(name);
  };
  for (const name of names.declared) locals.add(name.toLowerCase());
  for (const name of names.set) local(name.toLowerCase());
  // Declarations the parser found inside the body: what they declare and assign counts here too.
  for (const nested of names.nested) {
    const inner: ProcedureNames = { declared: new Set(), set: new Set(), nested: [] };
    collectNamesAnywhereInside(nested, inner);
    for (const name of inner.declared) locals.add(name.toLowerCase());
    for (const name of inner.set) local(name.toLowerCase());
  }
  return locals;
}

/** Every declared and assigned name anywhere inside a declaration (nested ones included). */
function collectNamesAnywhereInside(declaration: Procedure | ClassDeclaration, names: ProcedureNames): void {
  const sink: NameSink = { set: names.set, declared: names.declared, parameters: null, declarations: [] };
  forEachChild(declaration, (child) => collectNamesAnywhere(child, sink));
  for (let i = 0; i < sink.declarations.length; i++) forEachChild(sink.declarations[i]!, (child) => collectNamesAnywhere(child, sink));
}
