/**
 * Which binding a name means: the analysis resolves names through ESLint's scopes, innermost first.
 */
import { describe, expect, it } from "vitest";
import { probeOne } from "./probe.js";

const SESSION = "IUpdateSession3";
const REMOTE = 'new ActiveXObject("Microsoft.Update.Session", "SRV-01")';
const LOCAL = 'new ActiveXObject("Microsoft.Update.Session")';

describe("name resolution", () => {
  it("a block-scoped binding hides the outer one only inside its block", () => {
    const code = (read: string): string => `var s = ${REMOTE}; { let s = ${LOCAL}; ${read} } `;
    expect(probeOne(code("probe(s);"), { module: true })).toBe(`${SESSION} local`);
    expect(probeOne(`${code("")}probe(s);`, { module: true })).toBe(`${SESSION} remote`);
  });

  it("a catch parameter hides a variable of the same name", () => {
    expect(probeOne(`var s = ${REMOTE}; try { run(); } catch (s) { probe(s); }`)).toBe("none");
  });

  it("a var declared in a block belongs to the whole function", () => {
    expect(probeOne(`function f() { if (ok) { var s = ${REMOTE}; } probe(s); }`)).toBe(`${SESSION} remote`);
  });

  it("a script-level variable is read from a function as every value it is ever given", () => {
    expect(probeOne(`var s = ${LOCAL}; function f() { probe(s); } s = ${REMOTE};`)).toBe(`${SESSION} remote`);
  });

  it("a function is called by its own name even when a parameter shares that name", () => {
    expect(probeOne(`function s(s) { probe(s); } s(${REMOTE});`)).toBe(`${SESSION} remote`);
  });

  it("a class is known by its outer name, also where its body names itself", () => {
    const code = `class P { constructor() { this.s = ${REMOTE}; } static make() { return new P(); } }`;
    expect(probeOne(`${code} probe(new P().s);`, { module: true })).toBe(`${SESSION} remote`);
    expect(probeOne(`${code} probe(P.make().s);`, { module: true })).toBe(`${SESSION} remote`);
  });

  it("a name no scope declares is a host global", () => {
    expect(probeOne(`function f() { probe(new ActiveXObject("Microsoft.Update.Session", "SRV-01")); }`)).toBe(`${SESSION} remote`);
    expect(probeOne(`function f(ActiveXObject) { probe(new ActiveXObject("Microsoft.Update.Session", "SRV-01")); }`)).toBe("none");
  });
});
