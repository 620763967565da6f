import { describe, expect, it } from "vitest";
import { probe, probeOne } from "./probe.js";

const SESSION = "IUpdateSession3";
const SEARCHER = "IUpdateSearcher3";
const UPDATE = "IUpdateEx|IWindowsDriverUpdate5";
const COLLECTION = "IUpdateCollection";

describe("origins", () => {
  it.each([
    ['new ActiveXObject("Microsoft.Update.Session")', `${SESSION} local`],
    ['new ActiveXObject("Microsoft.Update.Session", "SRV-01")', `${SESSION} remote`],
    ['new ActiveXObject("microsoft.update.session", "SRV-01")', `${SESSION} remote`],
    ['new ActiveXObject("Microsoft.Update.Session.1", "SRV-01")', `${SESSION} remote`],
    ['new ActiveXObject("Microsoft.Update.Searcher", "SRV-01")', `${SEARCHER} remote`],
    ['new ActiveXObject("Microsoft.Update.UpdateColl", "SRV-01")', `${COLLECTION} remote`],
    ['new ActiveXObject("Microsoft.Update.AutoUpdate")', "IAutomaticUpdates2 local"],
    ['new ActiveXObject("Microsoft.Update.ServiceManager")', "IUpdateServiceManager2 local"],
    ['new ActiveXObject("Microsoft.Update.Installer")', "IUpdateInstaller4 local"],
    ['new ActiveXObject("Scripting.FileSystemObject", "SRV-01")', "none"],
    ['new ActiveXObject(progIdFromSomewhere, "SRV-01")', "none"],
    ['WScript.CreateObject("Microsoft.Update.Session")', `${SESSION} local`],
    ['WScript.CreateObject("Microsoft.Update.Session", "SRV_")', `${SESSION} local`],
    ['WScript.createobject("Microsoft.Update.Session")', `${SESSION} local`],
    ['ActiveXObject("Microsoft.Update.Session", "SRV-01")', "none"],
  ])("%s is %s", (expression, expected) => {
    expect(probeOne(`probe(${expression});`)).toBe(expected);
  });

  it.each([
    ['""'], ['"."'], ['"localhost"'], ['"LocalHost"'], ['" localhost "'], ['"127.0.0.1"'], ['"::1"'], ["null"], ["undefined"],
  ])("location %s is this computer (as in the PowerShell and VBScript front ends, blanks around a name do not count)", (location) => {
    expect(probeOne(`probe(new ActiveXObject("Microsoft.Update.Session", ${location}));`)).toBe(`${SESSION} local`);
  });

  it.each([
    ["WScript.Arguments(0)"], ["host"], ['"\\\\\\\\SRV-01"'], ['"srv01.contoso.com"'], ['"10.0.0.5"'],
  ])("location %s is another computer", (location) => {
    expect(probeOne(`var host = WScript.Arguments(0); probe(new ActiveXObject("Microsoft.Update.Session", ${location}));`))
      .toBe(`${SESSION} remote`);
  });

  it("folds constant locations through const variables, concatenation and templates", () => {
    expect(probeOne('var H = "local" + "host"; probe(new ActiveXObject("Microsoft.Update.Session", H));')).toBe(`${SESSION} local`);
    expect(probeOne('const H = `.`; probe(new ActiveXObject("Microsoft.Update.Session", H));', { module: true }))
      .toBe(`${SESSION} local`);
    expect(probeOne('var H = "."; H = other; probe(new ActiveXObject("Microsoft.Update.Session", H));')).toBe(`${SESSION} remote`);
  });

  it("honours settings.wua.localNames case-insensitively", () => {
    const code = 'probe(new ActiveXObject("Microsoft.Update.Session", "build-pc"));';
    expect(probeOne(code)).toBe(`${SESSION} remote`);
    expect(probeOne(code, { settings: { wua: { localNames: ["BUILD-PC"] } } })).toBe(`${SESSION} local`);
  });

  it("treats the whole file as remote with the wua-remote comment or settings.wua.assumeRemote", () => {
    const code = 'probe(new ActiveXObject("Microsoft.Update.Session"));';
    expect(probeOne(code)).toBe(`${SESSION} local`);
    expect(probeOne(`// wua-remote\n${code}`)).toBe(`${SESSION} remote`);
    expect(probeOne(`/* wua-remote -- started over WinRM */\n${code}`)).toBe(`${SESSION} remote`);
    expect(probeOne(`// not wua-remote\n${code}`)).toBe(`${SESSION} local`);
    expect(probeOne(code, { settings: { wua: { assumeRemote: true } } })).toBe(`${SESSION} remote`);
    expect(probeOne('probe(WScript.CreateObject("Microsoft.Update.Session"));', { settings: { wua: { assumeRemote: true } } }))
      .toBe(`${SESSION} remote`);
  });

  it("ignores malformed settings", () => {
    const code = 'probe(new ActiveXObject("Microsoft.Update.Session", "x"));';
    expect(probeOne(code, { settings: { wua: { assumeRemote: "yes", localNames: "x" } } })).toBe(`${SESSION} remote`);
    expect(probeOne(code, { settings: { wua: { localNames: [1, "X"] } } })).toBe(`${SESSION} local`);
  });

  it("treats winax objects as local whatever the second argument", () => {
    expect(probeOne('const winax = require("winax"); probe(new winax.Object("Microsoft.Update.Session", "SRV-01"));'))
      .toBe(`${SESSION} local`);
    expect(probeOne('require("winax"); probe(new ActiveXObject("Microsoft.Update.Session", "SRV-01"));'))
      .toBe(`${SESSION} local`);
    expect(probeOne('require("winax"); probe(ActiveXObject("Microsoft.Update.Session", "SRV-01"));')).toBe(`${SESSION} local`);
    expect(probeOne('import winax from "winax"; probe(new winax.Object("Microsoft.Update.Session", "SRV-01"));', { module: true }))
      .toBe(`${SESSION} local`);
    expect(probeOne('import { Object as Com } from "winax"; probe(new Com("Microsoft.Update.Session"));', { module: true }))
      .toBe(`${SESSION} local`);
    expect(probeOne('const { Object: Com } = require("winax"); probe(new Com("Microsoft.Update.Session"));')).toBe(`${SESSION} local`);
  });

  it("respects a local variable that shadows ActiveXObject", () => {
    expect(probeOne('function f(ActiveXObject) { probe(new ActiveXObject("Microsoft.Update.Session", "S")); }')).toBe("none");
  });

  it("treats ambient TypeScript declarations as the host's globals", () => {
    expect(probeOne('declare const ActiveXObject: any; probe(new ActiveXObject("Microsoft.Update.Session", "S"));', { typescript: true }))
      .toBe(`${SESSION} remote`);
  });

  it("describes where the object became remote", () => {
    const [value] = probe('var s = new ActiveXObject("Microsoft.Update.Session",\n  WScript.Arguments(0));\nprobe(s);');
    expect(value!.origins).toEqual(["the Microsoft.Update.Session created on the computer named by `WScript.Arguments(0)` at line 1"]);
  });
});

describe("following values", () => {
  const remote = 'var s = new ActiveXObject("Microsoft.Update.Session", "SRV-01");\n';

  it("follows member chains to what each member returns", () => {
    expect(probeOne(`${remote}probe(s.CreateUpdateSearcher());`)).toBe(`${SEARCHER} remote`);
    expect(probeOne(`${remote}probe(s.CreateUpdateSearcher().Search("x"));`)).toBe("ISearchResult remote");
    expect(probeOne(`${remote}probe(s.CreateUpdateSearcher().Search("x").Updates);`)).toBe(`${COLLECTION} remote`);
    expect(probeOne(`${remote}probe(s.CreateUpdateSearcher().Search("x").Updates.Item(0).Identity);`)).toBe("IUpdateIdentity remote");
    expect(probeOne(`${remote}probe(s.CreateUpdateServiceManager().Services.Item(0));`)).toBe("IUpdateService2 remote");
    expect(probeOne(`${remote}probe(s.CreateUpdateSearcher().Search("x").Updates.Count);`)).toBe("none");
  });

  it("resolves member names case-insensitively and through constant computed keys", () => {
    expect(probeOne(`${remote}probe(s.createupdatesearcher());`)).toBe(`${SEARCHER} remote`);
    expect(probeOne(`${remote}probe(s["CreateUpdateSearcher"]());`)).toBe(`${SEARCHER} remote`);
    expect(probeOne(`${remote}var m = "CreateUpdateSearcher"; probe(s[m]());`)).toBe(`${SEARCHER} remote`);
    expect(probeOne(`${remote}probe(s.NoSuchMember());`)).toBe("none");
  });

  it("follows variables, aliases and reassignments (joined)", () => {
    expect(probeOne(`${remote}var a = s; var b = a; probe(b);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`var s = new ActiveXObject("Microsoft.Update.Session"); s = new ActiveXObject("Microsoft.Update.Session", "X"); probe(s);`))
      .toBe(`${SESSION} remote`);
    expect(probeOne(`var s; s = new ActiveXObject("Microsoft.Update.Session"); probe(s);`)).toBe(`${SESSION} local`);
    expect(probeOne(`var s = null; if (x) s = new ActiveXObject("Microsoft.Update.Session", "X"); probe(s);`)).toBe(`${SESSION} remote`);
  });

  it("follows collections: Item, call style, index, Enumerator, for...of", () => {
    const updates = `${remote}var u = s.CreateUpdateSearcher().Search("x").Updates;\n`;
    expect(probeOne(`${updates}probe(u.Item(0));`)).toBe(`${UPDATE} remote`);
    expect(probeOne(`${updates}probe(u.item(0));`)).toBe(`${UPDATE} remote`);
    expect(probeOne(`${updates}probe(u(0));`)).toBe(`${UPDATE} remote`);
    expect(probeOne(`${remote}probe(s.CreateUpdateSearcher().Search("x").Updates(0));`)).toBe(`${UPDATE} remote`);
    expect(probeOne(`${updates}probe(u[0]);`)).toBe(`${UPDATE} remote`);
    expect(probeOne(`${updates}for (var i = 0; i < u.Count; i++) probe(u[i]);`)).toBe(`${UPDATE} remote`);
    expect(probeOne(`${updates}var e = new Enumerator(u); probe(e.item());`)).toBe(`${UPDATE} remote`);
    expect(probeOne(`${updates}for (var e = new Enumerator(u); !e.atEnd(); e.moveNext()) { var x = e.item(); probe(x); }`))
      .toBe(`${UPDATE} remote`);
    expect(probeOne(`${updates}for (var x of u) probe(x);`)).toBe(`${UPDATE} remote`);
    expect(probeOne(`${updates}for (const x of u) probe(x.Categories.Item(0));`, {})).toBe("ICategory remote");
    expect(probeOne(`${updates}probe(new Enumerator(u).moveNext());`)).toBe("none");
  });

  it("follows optional chaining and TypeScript wrappers", () => {
    const ts = `declare const ActiveXObject: any;\nconst s = new ActiveXObject("Microsoft.Update.Session", "X");\n`;
    expect(probeOne(`${ts}probe(s?.CreateUpdateSearcher());`, { typescript: true })).toBe(`${SEARCHER} remote`);
    expect(probeOne(`${ts}probe(s?.CreateUpdateSearcher?.().Search("x"));`, { typescript: true })).toBe("ISearchResult remote");
    expect(probeOne(`${ts}probe((s as any).CreateUpdateSearcher());`, { typescript: true })).toBe(`${SEARCHER} remote`);
    expect(probeOne(`${ts}probe(s!.CreateUpdateSearcher()!);`, { typescript: true })).toBe(`${SEARCHER} remote`);
    expect(probeOne(`${ts}probe((<any>s).CreateUpdateSearcher() satisfies unknown);`, { typescript: true }))
      .toBe(`${SEARCHER} remote`);
  });

  it("joins conditional and logical expressions: remote if any path is remote", () => {
    const two = 'var l = new ActiveXObject("Microsoft.Update.Session"); var r = new ActiveXObject("Microsoft.Update.Session", "X");\n';
    expect(probeOne(`${two}probe(c ? l : r);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${two}probe(c ? l : l);`)).toBe(`${SESSION} local`);
    expect(probeOne(`${two}probe(x || r);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${two}probe(x && l);`)).toBe(`${SESSION} local`);
    expect(probeOne(`${two}probe((0, r));`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${two}var z; probe(z = r);`)).toBe(`${SESSION} remote`);
  });

  it("follows destructuring, with defaults", () => {
    const searcher = `${remote}var searcher = s.CreateUpdateSearcher();\n`;
    expect(probeOne(`${searcher}const { Updates } = searcher.Search("x"); probe(Updates);`)).toBe(`${COLLECTION} remote`);
    expect(probeOne(`${searcher}const { Updates: list } = searcher.Search("x"); probe(list);`)).toBe(`${COLLECTION} remote`);
    expect(probeOne(`${searcher}const { Updates = null } = searcher.Search("x"); probe(Updates);`)).toBe(`${COLLECTION} remote`);
    expect(probeOne(`${searcher}let Updates; ({ Updates } = searcher.Search("x")); probe(Updates);`)).toBe(`${COLLECTION} remote`);
    expect(probeOne(`${searcher}function f({ Updates }) { probe(Updates); } f(searcher.Search("x"));`)).toBe(`${COLLECTION} remote`);
  });

  it("follows functions that return WUA objects", () => {
    expect(probeOne('function open(h) { return new ActiveXObject("Microsoft.Update.Session", h); } probe(open("S"));'))
      .toBe(`${SESSION} remote`);
    expect(probeOne('var open = function () { if (x) return null; return new ActiveXObject("Microsoft.Update.Session"); }; probe(open());'))
      .toBe(`${SESSION} local`);
    expect(probeOne('const open = () => new ActiveXObject("Microsoft.Update.Session", "S"); probe(open().CreateUpdateSearcher());'))
      .toBe(`${SEARCHER} remote`);
    expect(probeOne('function outer() { function inner() { return 1; } return new ActiveXObject("Microsoft.Update.Session", "S"); } probe(outer());'))
      .toBe(`${SESSION} remote`);
  });

  it("binds parameters at the call sites in the same file", () => {
    expect(probeOne(`${remote}function check(session) { probe(session); } check(s);`)).toBe(`${SESSION} remote`);
    expect(probeOne('function check(session) { probe(session); } check(new ActiveXObject("Microsoft.Update.Session"));'))
      .toBe(`${SESSION} local`);
    expect(probeOne(`${remote}var check = function (a, b) { probe(b); }; check(1, s);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${remote}(function (session) { probe(session); })(s);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${remote}function check(session) { probe(session); } check(...[s]);`)).toBe("none");
    expect(probeOne(`${remote}function check(session = s) { probe(session); } check();`)).toBe(`${SESSION} remote`);
  });

  it("sees outer variables from closures", () => {
    expect(probeOne(`${remote}function later() { return function () { probe(s.CreateUpdateSearcher()); }; }`)).toBe(`${SEARCHER} remote`);
  });

  it("follows object literal properties with static names", () => {
    expect(probeOne(`${remote}var cfg = { session: s, name: "x" }; probe(cfg.session);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${remote}var cfg = { "session": s }; probe(cfg["session"]);`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${remote}var cfg = { session: s, ...other }; probe(cfg.session);`)).toBe("none");
  });

  it("stops after a failing member: the value it would yield is not tracked", () => {
    expect(probeOne(`${remote}probe(s.CreateUpdateInstaller());`)).toBe("failed");
    expect(probeOne(`${remote}var i = s.CreateUpdateInstaller(); probe(i.Install());`)).toBe("failed");
    expect(probeOne('probe(new ActiveXObject("Microsoft.Update.SystemInfo", "S"));')).toBe("failed");
    expect(probeOne('probe(new ActiveXObject("Microsoft.Update.SystemInfo"));')).toBe("ISystemInformation local");
  });

  it("terminates on cycles and recursion", () => {
    expect(probeOne("var a = b; var b = a; probe(a);")).toBe("none");
    expect(probeOne(`${remote}var a = s; a = a; probe(a);`)).toBe(`${SESSION} remote`);
    expect(probeOne("function f(x) { return f(x); } probe(f(1));")).toBe("none");
    expect(probeOne(`${remote}function f(x) { return x ? f(x) : s; } probe(f(1));`)).toBe(`${SESSION} remote`);
    expect(probeOne("function f(x) { return g(x); } function g(y) { return f(y); } probe(f(1));")).toBe("none");
  });
});
