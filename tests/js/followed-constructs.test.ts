/**
 * Constructs through which the analysis follows a WUA object: array destructuring, spreads and
 * Object.assign, callbacks, `this` bound by call/apply/bind, property writes in statement order,
 * getters, ProgIDs built from constants, and values that settle only after a cycle. Each is checked
 * on the value the analysis computes and on what the rules report, with correct code that must stay
 * silent beside it.
 */
import { describe, expect, it } from "vitest";
import { lint, summary } from "../helpers.js";
import { probeOne } from "./probe.js";

const SESSION = "IUpdateSession3";
const SESSIONS =
  'var remote = new ActiveXObject("Microsoft.Update.Session", "SRV-01");\nvar local = new ActiveXObject("Microsoft.Update.Session");\n';
const withSessions = (code: string): string => `${SESSIONS}${code}`;
/** Where the rules report in `code` (after the two session lines). */
const reports = (code: string, parser?: "module"): string[] => summary(lint(withSessions(code), parser ? { parser } : {}));

describe("array destructuring", () => {
  it("reads each position of an array literal", () => {
    expect(probeOne(withSessions("var [a, b] = [remote, local]; probe(a);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var [a, b] = [remote, local]; probe(b);"))).toBe(`${SESSION} local`);
    expect(probeOne(withSessions("var a, b; [a, b] = [local, remote]; probe(b);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var [, second] = [local, remote]; probe(second);"))).toBe(`${SESSION} remote`);
  });

  it("reads nested patterns, defaults and rest elements", () => {
    expect(probeOne(withSessions("var [[a]] = [[remote]]; probe(a);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var [, [a = local] = []] = [1, [remote]]; probe(a);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var [a = remote] = []; probe(a);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var [first, ...rest] = [local, remote]; probe(rest[0]);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var [first, ...rest] = [remote, local]; probe(rest[0]);"))).toBe(`${SESSION} local`);
  });

  it("reads arrays returned by functions, walked by for...of, and taken as parameters", () => {
    const pair = "function pair() { return [remote, local]; }\n";
    expect(probeOne(withSessions(`${pair}var [a, b] = pair(); probe(a);`))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions(`${pair}var [a, b] = pair(); probe(b);`))).toBe(`${SESSION} local`);
    expect(probeOne(withSessions('for (const [name, s] of [["a", remote]]) probe(s);'))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("function f([a, b]) { probe(b); } f([local, remote]);"))).toBe(`${SESSION} remote`);
  });

  it("gives up positions of an array that is reordered or written into, and joins its elements", () => {
    expect(probeOne(withSessions("var p = [remote, local]; p.reverse(); var [a, b] = p; probe(b);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var p = [local, local]; p[1] = remote; var [a, b] = p; probe(a);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var p = [local]; p.push(remote); var [a, b] = p; probe(a);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var p = [remote, local]; var [a, b] = p; probe(b);"))).toBe(`${SESSION} local`);
  });

  it("reports the use of the remote element once and stays silent on the local one", () => {
    const code = "var [r, l] = [remote, local];\nl.CreateUpdateInstaller();\nr.CreateUpdateInstaller();";
    expect(reports(code)).toEqual(["no-remote-unavailable-member@5:3"]);
    expect(reports("var [r, l] = [remote, local];\nl.CreateUpdateInstaller();")).toEqual([]);
  });
});

describe("object spread and Object.assign", () => {
  it("reads properties copied by a spread of a known object; a later property wins", () => {
    expect(probeOne(withSessions("var o = { ...{ s: remote } }; probe(o.s);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var base = { s: remote }; var o = { name: 1, ...base }; probe(o.s);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var base = { s: remote }; var o = { ...base, s: local }; probe(o.s);"))).toBe(`${SESSION} local`);
    expect(probeOne(withSessions("var o = { s: remote, ...other }; probe(o.s);"))).toBe("none");
  });

  it("reads what Object.assign copies, into a new object or a named one", () => {
    expect(probeOne(withSessions("var o = Object.assign({}, { s: remote }); probe(o.s);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var o = Object.assign({}, { s: remote }, { s: local }); probe(o.s);"))).toBe(`${SESSION} local`);
    expect(probeOne(withSessions("var o = {}; Object.assign(o, { s: remote }); probe(o.s);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var src = { s: remote }; var o = {}; Object.assign(o, src); probe(o.s);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var o = {}; Object.assign(o, { other: remote }); probe(o.s);"))).toBe("none");
  });

  it("leaves a file's own Object alone", () => {
    expect(probeOne(withSessions("var Object = { assign: function () { return {}; } }; var o = Object.assign({}, { s: remote }); probe(o.s);")))
      .toBe("none");
  });

  it("reports through a merged settings object and stays silent on a local one", () => {
    const merged = (session: string): string => `var defaults = { retries: 3 };\nvar cfg = Object.assign({}, defaults, { session: ${session} });\ncfg.session.CreateUpdateInstaller();`;
    expect(reports(merged("remote"))).toEqual(["no-remote-unavailable-member@5:13"]);
    expect(reports(merged("local"))).toEqual([]);
  });
});

describe("callbacks handed to functions of the file", () => {
  const withSession = 'function withSession(host, fn) {\n  var s = new ActiveXObject("Microsoft.Update.Session", host);\n  return fn(s);\n}\n';

  it("binds the callback's parameters where the function calls it", () => {
    expect(probeOne(`${withSession}withSession("SRV-02", function (s) { probe(s); });`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${withSession}withSession(".", function (s) { probe(s); });`)).toBe(`${SESSION} local`);
    expect(probeOne(`${withSession}var check = function (s) { probe(s); }; withSession("SRV-02", check);`)).toBe(`${SESSION} remote`);
  });

  it("follows a callback handed on, called through .call, and called by a recursive function", () => {
    expect(probeOne('function outer(h, cb) { inner(h, cb); } function inner(h, cb) { cb(new ActiveXObject("Microsoft.Update.Session", h)); } outer("SRV", (s) => probe(s));'))
      .toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("function each(list, cb) { for (var i = 0; i < list.length; i++) cb.call(null, list[i]); } each([remote], function (s) { probe(s); });")))
      .toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("function rec(cb) { if (x) rec(cb); cb(remote); } rec(function (s) { probe(s); });"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("function run(cb) { cb(local); } run(function (s) { probe(s); });"))).toBe(`${SESSION} local`);
  });

  it("reports inside the callback, once, and stays silent when the host is this computer", () => {
    const code = (host: string): string => `${withSession}withSession(${host}, function (s) {\n  s.CreateUpdateInstaller();\n});`;
    expect(summary(lint(code('"SRV-02"')))).toEqual(["no-remote-unavailable-member@6:5"]);
    expect(summary(lint(code('"localhost"')))).toEqual([]);
  });
});

describe("this bound by call, apply and bind", () => {
  it("binds this from the first argument", () => {
    expect(probeOne(withSessions("function f() { probe(this); } f.call(remote);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("function f() { probe(this); } f.apply(remote, arguments);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("function f() { probe(this); } var g = f.bind(remote); g();"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("function f() { probe(this); } [1].forEach(f.bind(remote));"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("function f() { probe(this); } f.call(local);"))).toBe(`${SESSION} local`);
  });

  it("passes bound arguments first, and yields what the function returns", () => {
    expect(probeOne(withSessions("function f(a) { probe(a); } var g = f.bind(null, remote); g();"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("function f() { return this.CreateUpdateSearcher(); } probe(f.call(remote));"))).toBe("IUpdateSearcher3 remote");
    expect(probeOne(withSessions("function open() { return remote; } probe(open.apply(null, []));"))).toBe(`${SESSION} remote`);
  });

  it("binds this to the object a method is called on", () => {
    expect(probeOne(withSessions("var o = { s: remote, run: function () { probe(this.s); } }; o.run();"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var o = { s: local, run: function () { probe(this.s); } }; o.run();"))).toBe(`${SESSION} local`);
  });

  it("reports the use through this once and stays silent for a local session", () => {
    const code = (session: string): string => `${SESSIONS}function install() {\n  this.CreateUpdateInstaller();\n}\ninstall.call(${session});`;
    expect(summary(lint(code("remote")))).toEqual(["no-remote-unavailable-member@4:8"]);
    expect(summary(lint(code("local")))).toEqual([]);
  });
});

describe("property writes in statement order", () => {
  it("lets a later write hide an earlier one, as for variables", () => {
    expect(probeOne(withSessions("var o = {}; o.s = remote; o.s = local; probe(o.s);"))).toBe(`${SESSION} local`);
    expect(probeOne(withSessions("var o = {}; o.s = local; o.s = remote; probe(o.s);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var o = { s: remote }; o.s = local; probe(o.s);"))).toBe(`${SESSION} local`);
    expect(probeOne(withSessions("class C { constructor() { this.s = remote; this.s = local; probe(this.s); } }"))).toBe(`${SESSION} local`);
  });

  it("joins writes on other paths, in loops, and in other functions", () => {
    expect(probeOne(withSessions("var o = { s: local }; if (x) o.s = remote; probe(o.s);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var o = {}; o.s = remote; function reset() { o.s = local; } probe(o.s);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var o = {}; for (var i = 0; i < 3; i++) { probe(o.s); o.s = remote; }"))).toBe(`${SESSION} remote`);
  });

  it("stays silent on a script that replaces a remote session before using it", () => {
    const code = "var state = {};\nstate.session = remote;\nstate.session = local;\nstate.session.CreateUpdateInstaller();";
    expect(reports(code)).toEqual([]);
    expect(reports("var state = {};\nstate.session = local;\nstate.session = remote;\nstate.session.CreateUpdateInstaller();"))
      .toEqual(["no-remote-unavailable-member@6:15"]);
  });
});

describe("getters", () => {
  it("follows what getters return: object literals, classes, Object.defineProperty", () => {
    expect(probeOne(withSessions("var o = { get s() { return remote; } }; probe(o.s);"))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("class C { get s() { return remote; } } probe(new C().s);"), { module: true })).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions('var o = {}; Object.defineProperty(o, "s", { get: function () { return remote; } }); probe(o.s);')))
      .toBe(`${SESSION} remote`);
    expect(probeOne(withSessions('var o = {}; Object.defineProperty(o, "s", { value: remote }); probe(o.s);'))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions("var o = { get s() { return local; } }; probe(o.s);"))).toBe(`${SESSION} local`);
  });

  it("reports through a class getter over a constructor's field, and stays silent for a local one", () => {
    const code = (session: string): string =>
      `class Patcher {\n  constructor(s) { this._s = s; }\n  get session() { return this._s; }\n}\nnew Patcher(${session}).session.CreateUpdateInstaller();`;
    expect(reports(code("remote"), "module")).toEqual(["no-remote-unavailable-member@7:29"]);
    expect(reports(code("local"), "module")).toEqual([]);
  });
});

describe("ProgIDs built from constants", () => {
  it.each([
    ['["Microsoft", "Update", "Session"].join(".")'],
    ['PARTS.join(".")'],
    ["IDS.session"],
    ["LIST[0]"],
    ['PREFIX.concat("Session")'],
    ["`${PREFIX}Session`"],
    ['PREFIX + "Session"'],
  ])("%s", (progId) => {
    const constants = 'var PARTS = ["Microsoft", "Update", "Session"];\nvar IDS = { session: "Microsoft.Update.Session" };\nvar LIST = ["Microsoft.Update.Session"];\nvar PREFIX = "Microsoft.Update.";\n';
    expect(probeOne(`${constants}probe(new ActiveXObject(${progId}, "SRV-01"));`)).toBe(`${SESSION} remote`);
    expect(summary(lint(`${constants}new ActiveXObject(${progId}, "SRV-01").CreateUpdateInstaller();`))).toEqual([
      "no-remote-unavailable-member@5:" + (`new ActiveXObject(${progId}, "SRV-01").`.length + 1),
    ]);
  });

  it("does not fold an array or object the script changes", () => {
    expect(probeOne('var PARTS = ["Microsoft", "Update"]; PARTS.push("Session"); probe(new ActiveXObject(PARTS.join("."), "SRV"));')).toBe("none");
    expect(probeOne('var IDS = { session: "Microsoft.Update.Session" }; IDS.session = x; probe(new ActiveXObject(IDS.session, "SRV"));')).toBe("none");
    expect(probeOne('var IDS = { session: "Microsoft.Update.Session" }; change(IDS); probe(new ActiveXObject(IDS.session, "SRV"));')).toBe("none");
  });

  it("folds locations the same way", () => {
    expect(probeOne('var H = ["local", "host"].join(""); probe(new ActiveXObject("Microsoft.Update.Session", H));')).toBe(`${SESSION} local`);
  });
});

describe("values that settle only after a cycle", () => {
  const mutual = "function f(x) { return g(x); }\nfunction g(y) { return f(y) || y; }\n";

  it("follows mutually recursive functions to the value they pass through", () => {
    expect(probeOne(withSessions(`${mutual}probe(f(remote));`))).toBe(`${SESSION} remote`);
    expect(probeOne(withSessions(`${mutual}probe(f(local));`))).toBe(`${SESSION} local`);
    expect(probeOne("function f(x) { return g(x); } function g(y) { return f(y); } probe(f(1));")).toBe("none");
  });

  it("follows a variable rewritten from itself in a loop", () => {
    expect(probeOne(withSessions("var s = local; while (x) { s = s || remote; } probe(s);"))).toBe(`${SESSION} remote`);
  });

  it("reports the call through the cycle once and stays silent for a local session", () => {
    expect(reports(`${mutual}f(remote).CreateUpdateInstaller();`)).toEqual(["no-remote-unavailable-member@5:11"]);
    expect(reports(`${mutual}f(local).CreateUpdateInstaller();`)).toEqual([]);
  });
});
