/**
 * The package's two entry points as users load them, by name (package self-reference, so the
 * `exports` map is what resolves them), from the built package (`npm test` builds before Vitest).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

function node(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("package entry points", () => {
  it("require() of the main entry works (tools such as eslint-doc-generator load plugins that way)", () => {
    const { status, stdout, stderr } = node([
      "-e",
      'const wua = require("eslint-plugin-wua").default; console.log(JSON.stringify([wua.meta.name, Object.keys(wua.rules).length, wua.configs.recommended[0].name]));',
    ]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual(["eslint-plugin-wua", 5, "wua/recommended"]);
  });

  it("require() of the PowerShell entry fails with Node's error for a module with top-level await", () => {
    const { status, stderr } = node(["-e", 'require("eslint-plugin-wua/powershell")']);
    expect(status).not.toBe(0);
    expect(stderr).toContain("ERR_REQUIRE_ASYNC_MODULE");
  });

  it("imports eslint-plugin-wua/powershell by name in Node, lints a .ps1 with it", () => {
    const script = [
      'import { Linter } from "eslint";',
      'import wua from "eslint-plugin-wua";',
      'import powershell from "eslint-plugin-wua/powershell";',
      "const config = [...wua.configs.recommended, ...powershell.configs.recommended];",
      "const code = 'param($c)\\n$s = [Activator]::CreateInstance([Type]::GetTypeFromProgID(\"Microsoft.Update.Session\", $c))\\n$s.CreateUpdateInstaller()\\n';",
      'const messages = new Linter().verify(code, config, { filename: "a.ps1" });',
      "console.log(JSON.stringify({",
      "  samePlugin: powershell.configs.recommended[0].plugins.wua === wua,",
      "  meta: powershell.meta,",
      "  files: powershell.configs.strict[0].files,",
      "  language: powershell.configs.strict[0].language,",
      "  messages: messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`),",
      "}));",
    ].join("\n");
    const { status, stdout, stderr } = node(["--input-type=module", "-e", script]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      samePlugin: true,
      meta: { name: "eslint-plugin-wua/powershell", version: expect.any(String), namespace: "wua-powershell" },
      files: ["**/*.ps1", "**/*.psm1"],
      language: "wua-powershell/powershell",
      messages: ["3:4 wua/no-remote-unavailable-member"],
    });
  });

  it("imports eslint-plugin-wua/powershell by name from a test", async () => {
    const { default: powershell } = await import("eslint-plugin-wua/powershell");
    const messages = new Linter({ configType: "flat" }).verify("Get-Date\n", powershell.configs.recommended as Linter.Config[], { filename: "a.ps1" });
    expect(messages).toEqual([]);
    expect(Object.keys(powershell.languages)).toEqual(["powershell"]);
  });
});
