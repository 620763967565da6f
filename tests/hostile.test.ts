/**
 * Hostile input: huge files, deep nesting, long alias chains. The plugin must never be what fails:
 * whatever ESLint itself can lint without the plugin, it lints with it, in bounded time. (Espree
 * refuses very deep nesting with a parse error, and eslint-scope overflows on very long member
 * chains even with no rule enabled: those limits are ESLint's.)
 */
import { Linter } from "eslint";
import * as espree from "espree";
import { describe, expect, it } from "vitest";
import plugin from "../src/index.js";

const script: Linter.Config = { languageOptions: { parser: espree, ecmaVersion: "latest", sourceType: "script" } };
const withPlugin: Linter.Config[] = [script, ...(plugin.configs.strict as Linter.Config[])];
/** ESLint alone, with a core rule that needs scope analysis as ours do. */
const baseline: Linter.Config[] = [script, { rules: { "no-unused-vars": "warn" } }];

type Outcome = "linted" | "parse error" | `threw ${string}`;

function outcome(code: string, config: Linter.Config[]): Outcome {
  try {
    const messages = new Linter({ configType: "flat" }).verify(code, config, { filename: "hostile.js" });
    return messages.some((m) => m.fatal) ? "parse error" : "linted";
  } catch (error) {
    return `threw ${(error as Error).message}`;
  }
}

const S = 'var s = new ActiveXObject("Microsoft.Update.Session", "SRV-01");\n';
const DEEP = 5000;

describe("deep nesting: no worse than ESLint alone", () => {
  it.each([
    ["blocks", `${S}${"{".repeat(DEEP)}s.CreateUpdateInstaller();${"}".repeat(DEEP)}`],
    ["if statements", `${S}${"if (a) ".repeat(DEEP)}s.CreateUpdateInstaller();`],
    ["arrays", `${S}x = ${"[".repeat(DEEP)}s${"]".repeat(DEEP)};`],
    ["calls", `${S}${"f(".repeat(DEEP)}s${")".repeat(DEEP)}.CreateUpdateInstaller();`],
    ["functions", `${S}${"(function () { ".repeat(DEEP)}s.CreateUpdateInstaller();${" })();".repeat(DEEP)}`],
    ["conditionals", `${S}x = ${"a ? s : ".repeat(DEEP)}s; x.CreateUpdateInstaller();`],
    ["concatenations", `${S}x = ${"s + ".repeat(DEEP)}s;`],
    ["member chains", `${S}s.CreateUpdateSearcher()${".Online".repeat(DEEP)};`],
    ["moderate nesting the parser accepts", `${S}${"if (a) { ".repeat(300)}s.CreateUpdateInstaller();${" }".repeat(300)}`],
  ])("%s", (_name, code) => {
    const alone = outcome(code, baseline);
    expect(outcome(code, withPlugin)).toBe(alone);
  });

  it("reports through nesting the parser accepts", () => {
    const code = `${S}${"if (a) { ".repeat(300)}\ns.CreateUpdateInstaller();${" }".repeat(300)}`;
    const messages = new Linter({ configType: "flat" }).verify(code, withPlugin, { filename: "hostile.js" });
    expect(messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(["wua/no-remote-unavailable-member@3:3"]);
  });
});

describe("size", () => {
  it("lints a 50,000-line script and reports each of its 10,000 refused calls once", () => {
    const chunk = (i: number): string =>
      `var s${i} = new ActiveXObject("Microsoft.Update.Session", "SRV-${i}");\n` +
      `var r${i} = s${i}.CreateUpdateSearcher().Search("IsInstalled=0");\n` +
      `WScript.Echo(r${i}.Updates.Count);\n` +
      `s${i}.CreateUpdateInstaller();\n` +
      `s${i} = null;\n`;
    const code = Array.from({ length: 10_000 }, (_, i) => chunk(i)).join("");
    expect(code.split("\n")).toHaveLength(50_001);
    const messages = new Linter({ configType: "flat" }).verify(code, withPlugin, { filename: "big.js" });
    expect(messages).toHaveLength(10_000);
    expect(messages.every((m) => m.ruleId === "wua/no-remote-unavailable-member")).toBe(true);
    expect(messages[9_999]!.line).toBe(49_999);
  });

  it("follows a 10,000-long alias chain written in order, and survives one written backwards", () => {
    const forwards = Array.from({ length: 10_000 }, (_, i) => `var a${i + 1} = a${i};`).join("\n");
    const ok = new Linter({ configType: "flat" }).verify(
      `var a0 = new ActiveXObject("Microsoft.Update.Session", "S");\n${forwards}\na10000.CreateUpdateInstaller();`,
      withPlugin,
      { filename: "chain.js" },
    );
    expect(ok.map((m) => `${m.ruleId}@${m.line}`)).toEqual(["wua/no-remote-unavailable-member@10002"]);
    const backwards = Array.from({ length: 10_000 }, (_, i) => `var a${i} = a${i + 1};`).join("\n");
    const code = `${backwards}\nvar a10000 = new ActiveXObject("Microsoft.Update.Session", "S");\na0.CreateUpdateInstaller();`;
    expect(outcome(code, withPlugin)).toBe("linted");
  });

  it("survives many call sites of one helper and deep mutual recursion", () => {
    const calls = Array.from({ length: 5_000 }, (_, i) => `check(new ActiveXObject("Microsoft.Update.Session", "S${i}"));`).join("\n");
    const code = `function check(s) { s.CreateUpdateInstaller(); }\n${calls}`;
    const messages = new Linter({ configType: "flat" }).verify(code, withPlugin, { filename: "calls.js" });
    expect(messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(["wua/no-remote-unavailable-member@1:23"]);
    const ring = Array.from({ length: 2_000 }, (_, i) => `function f${i}(s) { return f${(i + 1) % 2000}(s); }`).join("\n");
    expect(outcome(`${ring}\nf0(new ActiveXObject("Microsoft.Update.Session", "S")).CreateUpdateInstaller();`, withPlugin)).toBe("linted");
  });
});
