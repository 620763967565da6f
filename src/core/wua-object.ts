/**
 * A WUA object as every front end's evaluator holds it: the interfaces it may answer to and, when it
 * lives on another computer, where it became remote. Shared and interned, so that a long chain of
 * member reads allocates nothing and joining a value with itself is free.
 */
import type { RemoteOrigin } from "./findings.js";
import { internViews, type InterfaceName } from "./object-model.js";

export interface WuaObject<Node> {
  readonly kind: "wua";
  readonly views: readonly InterfaceName[];
  /** Empty when the object is local. */
  readonly origins: readonly RemoteOrigin<Node>[];
}

/** Enough places to name in a message; more add nothing for the reader. */
const MAX_ORIGINS = 4;
const LOCAL: readonly RemoteOrigin<unknown>[] = [];
const shared = new WeakMap<readonly RemoteOrigin<unknown>[], Map<readonly InterfaceName[], WuaObject<unknown>>>();

/** The one value for these (interned) views and origins. */
export function sharedWuaObject<Node>(views: readonly InterfaceName[], origins: readonly RemoteOrigin<Node>[]): WuaObject<Node> {
  const key = (origins.length === 0 ? LOCAL : origins) as readonly RemoteOrigin<unknown>[];
  let byViews = shared.get(key);
  if (byViews === undefined) shared.set(key, (byViews = new Map()));
  let value = byViews.get(views);
  if (value === undefined) byViews.set(views, (value = { kind: "wua", views, origins: key }));
  return value as WuaObject<Node>;
}

/** Where two paths meet: every view of either, and remote if either is (at most a few origins kept). */
export function joinWuaObjects<Node>(a: WuaObject<Node>, b: WuaObject<Node>): WuaObject<Node> {
  if (a === b) return a;
  const views = a.views === b.views ? a.views : internViews([...a.views, ...b.views]);
  let origins: RemoteOrigin<Node>[] | undefined;
  for (const origin of b.origins) {
    const current = origins ?? a.origins;
    if (current.length < MAX_ORIGINS && !current.some((o) => o.node === origin.node)) (origins ??= [...a.origins]).push(origin);
  }
  return views === a.views && origins === undefined ? a : sharedWuaObject(views, origins ?? a.origins);
}
