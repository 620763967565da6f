/**
 * The package's entry points as users load them, by name (package self-reference, so the `exports`
 * map is what resolves them), from the built package (`npm test` builds before Vitest).
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

const REMOTE_SCRIPT = 'param($c)\\n$s = [Activator]::CreateInstance([Type]::GetTypeFromProgID(\\"Microsoft.Update.Session\\", $c))\\n$s.CreateUpdateInstaller()\\n';

describe("package entry points", () => {
  it("require() of the main entry returns the plugin itself, and one config from it lints .ps1 files", () => {
    const { status, stdout, stderr } = node([
      "-e",
      [
        'const { Linter } = require("eslint");',
        'const wua = require("eslint-plugin-wua");',
        `const messages = new Linter().verify("${REMOTE_SCRIPT}", wua.configs.recommended, { filename: "a.ps1" });`,
        "console.log(JSON.stringify([wua.meta.name, Object.keys(wua.rules).length, wua.configs.recommended[0].name, Object.keys(wua.languages), messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)]));",
      ].join("\n"),
    ]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual(["eslint-plugin-wua", 5, "wua/recommended", ["powershell", "vbscript"], ["3:4 wua/no-remote-unavailable-member"]]);
  });

  it("imports the main entry by name in Node: one import lints .ps1, and language: \"wua/powershell\" works in a user's own block", () => {
    const script = [
      'import { Linter } from "eslint";',
      'import wua from "eslint-plugin-wua";',
      `const code = "${REMOTE_SCRIPT}";`,
      'const one = new Linter().verify(code, wua.configs.recommended, { filename: "a.ps1" });',
      "const own = new Linter().verify(code, [",
      '  { files: ["**/*.ps1"], plugins: { wua }, language: "wua/powershell", rules: { "wua/no-remote-unavailable-member": "warn" } },',
      '], { filename: "a.ps1" });',
      "console.log(JSON.stringify([one, own].map((messages) => messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.severity}`))));",
    ].join("\n");
    const { status, stdout, stderr } = node(["--input-type=module", "-e", script]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual([["3:4 wua/no-remote-unavailable-member 2"], ["3:4 wua/no-remote-unavailable-member 1"]]);
  });

  it("keeps eslint-plugin-wua/powershell working for configs written before it moved: alone, beside the main entry, and by require()", () => {
    const script = [
      'import { Linter } from "eslint";',
      'import { createRequire } from "node:module";',
      'import wua from "eslint-plugin-wua";',
      'import powershell from "eslint-plugin-wua/powershell";',
      `const code = "${REMOTE_SCRIPT}";`,
      'const lint = (config) => new Linter().verify(code, config, { filename: "a.ps1" }).map((m) => `${m.line}:${m.column} ${m.ruleId}`);',
      "console.log(JSON.stringify({",
      "  samePlugin: powershell.configs.recommended[0].plugins.wua === wua,",
      "  meta: powershell.meta,",
      "  alone: lint(powershell.configs.recommended),",
      "  beside: lint([...wua.configs.recommended, ...powershell.configs.recommended]),",
      '  oldLanguageName: lint([{ files: ["**/*.ps1"], plugins: { wua, "wua-powershell": powershell }, language: "wua-powershell/powershell", rules: { "wua/no-remote-unavailable-member": "error" } }]),',
      '  required: Object.keys(createRequire(import.meta.url)("eslint-plugin-wua/powershell").default.configs),',
      "}));",
    ].join("\n");
    const { status, stdout, stderr } = node(["--input-type=module", "-e", script]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      samePlugin: true,
      meta: { name: "eslint-plugin-wua/powershell", version: expect.any(String), namespace: "wua-powershell" },
      alone: ["3:4 wua/no-remote-unavailable-member"],
      beside: ["3:4 wua/no-remote-unavailable-member"],
      oldLanguageName: ["3:4 wua/no-remote-unavailable-member"],
      required: ["recommended", "strict"],
    });
  });

  it("imports eslint-plugin-wua/powershell by name from a test", async () => {
    const { default: powershell } = await import("eslint-plugin-wua/powershell");
    const messages = new Linter({ configType: "flat" }).verify("Get-Date\n", powershell.configs.recommended as Linter.Config[], { filename: "a.ps1" });
    expect(messages).toEqual([]);
    expect(Object.keys(powershell.languages)).toEqual(["powershell"]);
  });
});
