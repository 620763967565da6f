// Checked by `tsc --noEmit` (part of `npm test`): the table's types reject a member that returns an
// interface the model does not define. If this stops being an error, the typecheck fails.
import type { InterfaceName } from "../../src/data/object-model.js";
import type { InterfaceShape } from "../../src/data/model-types.js";

export const wellFormed = {
  extends: null,
  docSlug: null,
  members: { Updates: { kind: "property", access: "read-only", returns: "IUpdateCollection" } },
} as const satisfies InterfaceShape<InterfaceName>;

export const returnsUnknownInterface = {
  extends: null,
  docSlug: null,
  // @ts-expect-error "IUpdateCollectionX" is not an interface of the model
  members: { Updates: { kind: "property", access: "read-only", returns: "IUpdateCollectionX" } },
} as const satisfies InterfaceShape<InterfaceName>;
