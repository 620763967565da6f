/** The scripting host's objects that create WUA objects or name this computer. */
import type { TSESTree } from "@typescript-eslint/utils";
import type { HostObject, Value } from "./values.js";
import { NONE } from "./values.js";

type Node = TSESTree.Node;

const hostValues = new Map<HostObject, Value>();

/** One shared value per host object: values are never changed, and sharing spares the allocations. */
export function host(hostObject: HostObject): Value {
  let value = hostValues.get(hostObject);
  if (value === undefined) hostValues.set(hostObject, (value = { kind: "host", host: hostObject }));
  return value;
}

export function isHost(value: Value, hostObject: HostObject): boolean {
  return value.kind === "host" && value.host === hostObject;
}

/** Local WSH helper objects that tell the script which computer it runs on. */
export function localHelper(progId: string): Value {
  switch (progId.trim().toLowerCase()) {
    case "wscript.network":
      return host("wscript-network");
    case "wscript.shell":
      return host("wscript-shell");
    default:
      return NONE;
  }
}

export function hostMember(hostObject: HostObject, name: string): Value {
  // WSH objects are automation objects: their names resolve case-insensitively like WUA's.
  const lowerName = name.toLowerCase();
  if (hostObject === "wscript" && lowerName === "createobject") return host("wscript-create-object");
  if (hostObject === "wscript-network" && lowerName === "computername") return host("this-computer-name");
  if (hostObject === "wscript-shell" && lowerName === "expandenvironmentstrings") return host("expand-environment-strings");
  if (hostObject === "winax-module" && (name === "Object" || name === "ActiveXObject")) return host("winax-activex");
  if (hostObject === "object-constructor" && name === "assign") return host("object-assign");
  if (hostObject === "object-constructor" && name === "defineProperty") return host("object-define-property");
  return NONE;
}

export function importedValue(specifier: Node): Value {
  const declaration = specifier.parent;
  if (declaration?.type !== "ImportDeclaration" || declaration.source.value !== "winax") return NONE;
  if (specifier.type === "ImportDefaultSpecifier" || specifier.type === "ImportNamespaceSpecifier") {
    return host("winax-module");
  }
  if (specifier.type === "ImportSpecifier") {
    const imported = specifier.imported.type === "Identifier" ? specifier.imported.name : String(specifier.imported.value);
    return hostMember("winax-module", imported);
  }
  return NONE;
}

