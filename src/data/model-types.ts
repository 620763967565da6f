/** Shapes of the WUA object model tables. Plain data: no ESLint, no ESTree. */

export type MemberKind = "method" | "property";
export type PropertyAccess = "read-only" | "read-write" | "write-only";

export interface MemberShape<Name extends string> {
  readonly kind: MemberKind;
  /** Properties only. */
  readonly access?: PropertyAccess;
  /** The WUA interface the member yields (method result or property value), if any. */
  readonly returns: Name | null;
  /** The DISPID_VALUE member: what `obj(i)` and `obj[i]` reach in a scripting host. */
  readonly isDefault?: boolean;
  readonly indexed?: boolean;
  readonly params?: readonly string[];
  /** Page under https://learn.microsoft.com/en-us/windows/win32/api/wuapi/ */
  readonly docSlug?: string;
}

export interface InterfaceShape<Name extends string> {
  readonly extends: Name | null;
  readonly docSlug: string | null;
  readonly members: Readonly<Record<string, MemberShape<Name>>>;
}

export interface ProgIdShape<Name extends string> {
  readonly progId: string;
  readonly versioned: string;
  readonly defaultInterface: Name;
}
