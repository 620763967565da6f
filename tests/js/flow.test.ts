import { describe, expect, it } from "vitest";
import { lint, summary } from "../helpers.js";
import { probeOne } from "./probe.js";

const SESSION = "IUpdateSession3";
const MAKE = {
  remote: 'new ActiveXObject("Microsoft.Update.Session", "SRV-01")',
  local: 'new ActiveXObject("Microsoft.Update.Session")',
};

describe("flow-sensitive variables", () => {
  it("a later assignment replaces the earlier value", () => {
    expect(probeOne(`var s = ${MAKE.remote}; s = ${MAKE.local}; probe(s);`)).toBe(`${SESSION} local`);
    expect(probeOne(`var s = ${MAKE.local}; s = ${MAKE.remote}; probe(s);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`let s = ${MAKE.remote}; { s = ${MAKE.local}; probe(s); }`, { module: true })).toBe(`${SESSION} local`);
  });

  it("an assignment after the read does not reach it", () => {
    expect(probeOne(`var s = ${MAKE.local}; probe(s); s = ${MAKE.remote};`)).toBe(`${SESSION} local`);
  });

  it("joins branches", () => {
    expect(probeOne(`var s = ${MAKE.local}; if (x) { s = ${MAKE.remote}; } probe(s);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`var s; if (x) s = ${MAKE.remote}; else s = ${MAKE.local}; probe(s);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`var s = ${MAKE.remote}; if (x) { s = ${MAKE.local}; } probe(s);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`var s = ${MAKE.remote}; try { s = ${MAKE.local}; } catch (e) {} probe(s);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`var s = ${MAKE.remote}; switch (x) { case 1: s = ${MAKE.local}; probe(s); }`)).toBe(`${SESSION} local`);
  });

  it("joins loops: a write later in the loop reaches the next round", () => {
    expect(probeOne(`var s = ${MAKE.local}; while (x) { probe(s); s = ${MAKE.remote}; }`)).toBe(`${SESSION} remote`);
    expect(probeOne(`var s = ${MAKE.local}; for (var i = 0; i < 2; i++) { probe(s); s = ${MAKE.remote}; }`)).toBe(`${SESSION} remote`);
    expect(probeOne(`var s; do { s = ${MAKE.local}; probe(s); s = ${MAKE.remote}; } while (x);`)).toBe(`${SESSION} local`);
    expect(probeOne(`for (const h of hosts) { let s = ${MAKE.local}; probe(s); s = ${MAKE.remote}; }`, { module: true }))
      .toBe(`${SESSION} local`);
  });

  it("closures see every value the outer variable ever gets", () => {
    expect(probeOne(`var s = ${MAKE.remote}; function later() { probe(s); } s = ${MAKE.local};`)).toBe(`${SESSION} remote`);
    expect(probeOne(`var s = ${MAKE.local}; function f() { probe(s); s = ${MAKE.remote}; }`)).toBe(`${SESSION} remote`);
    expect(probeOne(`var s = ${MAKE.local}; function set() { s = ${MAKE.remote}; } set(); probe(s);`)).toBe(`${SESSION} remote`);
  });

  it("parameters are replaced by a reassignment in the body", () => {
    expect(probeOne(`function f(s) { s = ${MAKE.local}; probe(s); } f(${MAKE.remote});`)).toBe(`${SESSION} local`);
    expect(probeOne(`function f(s) { if (x) s = ${MAKE.local}; probe(s); } f(${MAKE.remote});`)).toBe(`${SESSION} remote`);
  });
});

describe("rules on reused variables", () => {
  it("reports only the uses made while the variable holds the remote session", () => {
    const code = `var s = ${MAKE.remote};
s.CreateUpdateInstaller();
s = ${MAKE.local};
s.CreateUpdateInstaller();`;
    expect(summary(lint(code))).toEqual(["no-remote-unavailable-member@2:3"]);
  });

  it("stays silent when a local session replaces a remote one before any refused call", () => {
    const code = `var s = ${MAKE.remote};
var found = s.CreateUpdateSearcher().Search("IsInstalled=0").Updates.Count;
s = ${MAKE.local};
var installer = s.CreateUpdateInstaller();
installer.Install();`;
    expect(lint(code)).toEqual([]);
  });
});
