/** The shared node prototype (`loc` from `range`), typed for this parser's nodes. */
import type { Ast } from "./ast.js";
import type { NODE } from "../../text/located-node.js";

export { NODE, registerTree } from "../../text/located-node.js";

/** A node as the parser writes it: its own fields, with `NODE` as its prototype for `loc`. */
export type NodeFields<T extends Ast> = T extends Ast ? Omit<T, "loc"> & { readonly __proto__: typeof NODE } : never;
