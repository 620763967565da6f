import { describe, expect, it } from "vitest";
import { lint, summary } from "../helpers.js";
import { probeOne } from "./probe.js";

const SESSION = "IUpdateSession3";
const REMOTE = 'var remote = new ActiveXObject("Microsoft.Update.Session", "SRV-01");\nvar local = new ActiveXObject("Microsoft.Update.Session");\n';

describe("object properties with static names", () => {
  it("follows a property stored on a singleton", () => {
    expect(probeOne(`${REMOTE}var Patcher = {}; Patcher.session = remote; probe(Patcher.session);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}Patcher = {}; Patcher.session = remote; probe(Patcher.session);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}var state = { au: null }; state["au"] = remote; probe(state.au);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}var state = {}; state.other = remote; probe(state.au);`)).toBe("none");
  });

  it("follows this.x from a constructor function into its prototype methods", () => {
    const code = `${REMOTE}function Patcher(s) { this.session = s; }
Patcher.prototype.run = function () { probe(this.session); };
new Patcher(remote).run();`;
    expect(probeOne(code)).toBe(`${SESSION} remote`);
  });

  it("follows this.x in classes, class fields, and instances read from outside", () => {
    expect(probeOne(`${REMOTE}class P { constructor(s) { this.s = s; } run() { probe(this.s); } } new P(remote);`, { module: true }))
      .toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}class P { s = remote; run() { probe(this.s); } }`, { module: true })).toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}function P() { this.s = local; } var p = new P(); probe(p.s);`)).toBe(`${SESSION} local`);
    expect(probeOne(`${REMOTE}var o = { s: null, init: function () { this.s = remote; }, run() { probe(this.s); } };`))
      .toBe(`${SESSION} remote`);
  });
});

describe("arrays", () => {
  it("follows literals, push, index reads and for...of", () => {
    expect(probeOne(`${REMOTE}var all = [local, remote]; probe(all[1]);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}var all = [local]; probe(all[0]);`)).toBe(`${SESSION} local`);
    expect(probeOne(`${REMOTE}var all = []; all.push(remote); for (var i = 0; i < all.length; i++) probe(all[i]);`))
      .toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}var all = []; all.push(remote); for (const s of all) probe(s);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}var all = [...[remote]]; probe(all[0]);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}var all = [remote]; probe(all.length);`)).toBe("none");
  });

  it("binds callback parameters of forEach, map and the like", () => {
    expect(probeOne(`${REMOTE}[remote].forEach(function (s) { probe(s); });`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}var hosts = []; hosts.push(remote); hosts.map((s) => probe(s));`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}[local].forEach(function (s, i) { probe(i); });`)).toBe("none");
  });
});

describe("call sites", () => {
  it("binds parameters through .call and .apply", () => {
    expect(probeOne(`${REMOTE}function check(s) { probe(s); } check.call(null, remote);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}function check(a, s) { probe(s); } check.apply(this, [1, remote]);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}function check(s) { probe(s); } check.apply(this, args);`)).toBe("none");
  });

  it("binds parameters of methods called on their object", () => {
    expect(probeOne(`${REMOTE}var helper = { check: function (s) { probe(s); } }; helper.check(remote);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}class H { check(s) { probe(s); } } new H().check(remote);`, { module: true })).toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}function H() {} H.prototype.check = function (s) { probe(s); }; var h = new H(); h.check(remote);`))
      .toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}var helper = { check: function (s) { probe(s); } }; other.check(remote);`)).toBe("none");
  });
});

describe("reports through these paths, once per use", () => {
  it("reports a use inside a helper called with a remote and a local session once", () => {
    const code = `${REMOTE}function install(s) {
  s.CreateUpdateInstaller();
}
install(remote);
install(local);
[remote, local].forEach(install);`;
    expect(summary(lint(code))).toEqual(["no-remote-unavailable-member@4:5"]);
  });

  it("stays silent on a correct script that keeps a local session in a singleton", () => {
    const code = `var Patcher = { session: null };
Patcher.session = new ActiveXObject("Microsoft.Update.Session");
Patcher.session.CreateUpdateInstaller().Install();`;
    expect(lint(code)).toEqual([]);
  });
});

describe("callbacks passed by name", () => {
  it("binds the first parameter of a named function passed to forEach", () => {
    expect(probeOne(`${REMOTE}function check(s) { probe(s); } [remote].forEach(check);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}function check(s) { probe(s); } [local].forEach(check);`)).toBe(`${SESSION} local`);
  });
});

describe("methods that hand out the session", () => {
  it("follows the return value of a prototype method and of a class method", () => {
    expect(probeOne(`${REMOTE}function P() { this.s = remote; } P.prototype.get = function () { return this.s; }; probe(new P().get());`))
      .toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}class P { get() { return remote; } } const p = new P(); probe(p.get());`, { module: true }))
      .toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}var api = { open: function () { return local; } }; probe(api.open());`)).toBe(`${SESSION} local`);
  });
});

describe("recursion through parameters", () => {
  it("terminates and still binds the value passed from outside", () => {
    expect(probeOne(`${REMOTE}function a(s, n) { if (n) b(s, n - 1); probe(s); } function b(t, n) { a(t, n); } a(remote, 3);`))
      .toBe(`${SESSION} remote`);
    expect(probeOne(`${REMOTE}function walk(s) { walk(s); probe(s); }`)).toBe("none");
  });
});
