import { describe, expect, it } from "vitest";
import { lint, summary, type ParserName } from "./helpers.js";

const REMOTE = 'var s = new ActiveXObject("Microsoft.Update.Session", "SRV-01");\n';

/** Files of every shape must lint: no rule may throw, whatever the code looks like. */
describe("any file that parses lints without a crash", () => {
  const cases: [string, ParserName, string][] = [
    ["ES3-style JScript with `with`, octal and reserved-word members", "script",
      `${REMOTE}with (s) { CreateUpdateInstaller(); }\nvar mode = 0644; var o = {}; o.class = 1; s["class"]; s.default;`],
    ["an HTML comment line in a WSH script", "script", `<!--\n${REMOTE}s.CreateUpdateSearcher();\n-->`],
    ["eval, getters and arguments", "script",
      `${REMOTE}eval("s.Pause()"); var o = { get x() { return s; } }; o.x.CreateUpdateInstaller(); (function () { arguments[0].AcceptEula(); })(s);`],
    ["new ActiveXObject() with no, spread and odd arguments", "script",
      'new ActiveXObject(); new ActiveXObject(...a); new ActiveXObject("Microsoft.Update.Session", ...b).CreateUpdateInstaller(); new ActiveXObject(42, {}); new ActiveXObject(`Microsoft.Update.${x}`, "S"); new ActiveXObject(/re/, "S");'],
    ["classes, private names and super", "module",
      `class A extends B { #s = new ActiveXObject("Microsoft.Update.Session", "S"); m() { return this.#s.CreateUpdateInstaller() ?? super.x; } static { #s in this; } }`],
    ["generators, async and labels", "module",
      `async function* g() { const s = await new ActiveXObject("Microsoft.Update.Session", "S"); yield* s; lbl: for (const u of s.CreateUpdateSearcher().Search("x").Updates) { u.AcceptEula(); break lbl; } }`],
    ["TypeScript-only syntax", "typescript",
      `declare const ActiveXObject: any; enum E { A } namespace N { export const s = new ActiveXObject("Microsoft.Update.Session", "S"); }
       abstract class C<T> { constructor(private readonly s: any) {} abstract m(): T; }
       const s = new ActiveXObject("Microsoft.Update.Session", "S") as unknown as { CreateUpdateInstaller(): void };
       s.CreateUpdateInstaller(); type X = typeof s; function f(this: any, a?: number) { return a!; } let v = s as any; v!.Pause?.();`],
    ["JSX", "typescript",
      `declare const ActiveXObject: any; const s = new ActiveXObject("Microsoft.Update.Session", "S"); const el = <div onClick={() => s.CreateUpdateInstaller()}>{s.CreateUpdateSearcher().Online}</div>;`],
    ["assignments of every kind to WUA members", "script",
      `${REMOTE}var u = s.CreateUpdateSearcher().Search("x").Updates.Item(0); u.IsHidden += 1; u.IsHidden++; [u.IsHidden] = [true]; ({ a: u.IsHidden } = {}); for (u.IsHidden in {}); for (u.IsHidden of []); delete u.IsHidden;`],
    ["self-referencing and cyclic bindings", "script",
      "var a = a; var b = c, c = b; a.CreateUpdateInstaller(); function f() { return f; } f()()(); var o = { p: o }; o.p.p.p;"],
    ["a BOM and CRLF line ends", "script", `\uFEFF${REMOTE.replace("\n", "\r\n")}s.CreateUpdateInstaller();\r\n`],
    ["an empty file", "script", ""],
  ];
  it.each(cases)("%s", (_name, parser, code) => {
    const messages = lint(code, { parser });
    expect(messages.filter((m) => m.fatal)).toEqual([]);
  });

  it("still reports through odd shapes where the object is known", () => {
    expect(summary(lint(`\uFEFF${REMOTE.replace("\n", "\r\n")}s.CreateUpdateInstaller();\r\n`)))
      .toEqual(["no-remote-unavailable-member@2:3"]);
  });

  it("a file that does not parse gets ESLint's parse error", () => {
    const messages = lint("function a::b() {}");
    expect(messages).toHaveLength(1);
    expect(messages[0]!.fatal).toBe(true);
    expect(messages[0]!.ruleId).toBeNull();
  });

  it("follows a long alias chain written in source order", () => {
    const links = Array.from({ length: 3000 }, (_, i) => `var a${i + 1} = a${i};`).join("\n");
    const code = `var a0 = new ActiveXObject("Microsoft.Update.Session", "S");\n${links}\na3000.CreateUpdateInstaller();`;
    expect(summary(lint(code))).toEqual(["no-remote-unavailable-member@3002:7"]);
  });

  it("gives up without a crash on an alias chain written backwards", () => {
    const links = Array.from({ length: 3000 }, (_, i) => `var a${i} = a${i + 1};`).join("\n");
    const code = `${links}\nvar a3000 = new ActiveXObject("Microsoft.Update.Session", "S");\na0.CreateUpdateInstaller();`;
    expect(lint(code).filter((m) => m.fatal)).toEqual([]);
  });

  it("handles a long member chain and deep nesting", () => {
    const chain = `${REMOTE}s${".CreateUpdateSearcher()".repeat(1)}${".Online".repeat(1500)};`;
    expect(lint(chain).filter((m) => m.fatal)).toEqual([]);
    const nested = `${REMOTE}${"(".repeat(300)}s${")".repeat(300)}.CreateUpdateInstaller();`;
    expect(summary(lint(nested))).toEqual(["no-remote-unavailable-member@2:603"]);
  });
});

describe("regressions found by the fuzzer", () => {
  it("seed 543: calling a property's collection reports the property once, not its Item as well", () => {
    const code = `${REMOTE}var u = s.CreateUpdateSearcher().Search("x").Updates.Item(0);\nu.WindowsDriverUpdateEntries(0);`;
    expect(summary(lint(code))).toEqual(["no-remote-unlisted-member@3:3"]);
  });
});

describe("files without WUA", () => {
  // Files that never mention "update" skip the analysis; a ProgID built from pieces still says it.
  it("still follows a ProgID built by concatenation", () => {
    const built = 'var id = "Microsoft." + "Update.Session";\nnew ActiveXObject(id, "SRV").CreateUpdateInstaller();';
    expect(summary(lint(built))).toEqual(["no-remote-unavailable-member@2:30"]);
  });
});
