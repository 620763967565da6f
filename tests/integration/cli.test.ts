/**
 * The real `eslint` command on the bundled examples, using the package as a user installs it:
 * `npm test` builds `dist/` first, and the config imports the plugin by its package name.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const eslintBin = join(root, "node_modules/eslint/bin/eslint.js");

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; severity: number; suggestions?: unknown[] }[];
}

function eslint(cwd: string, args: string[]): { status: number | null; results: JsonResult[]; stderr: string } {
  const run = spawnSync(process.execPath, [eslintBin, "--format", "json", ...args], { cwd, encoding: "utf8" });
  let results: JsonResult[] = [];
  try {
    results = JSON.parse(run.stdout) as JsonResult[];
  } catch {
    // The status and stderr tell what went wrong.
  }
  return { status: run.status, results, stderr: run.stderr };
}

describe("eslint CLI", () => {
  it("lints the bundled examples with the repository's config: errors in remote/, none in local/", () => {
    const { status, results, stderr } = eslint(root, ["examples"]);
    expect(stderr).toBe("");
    expect(status).toBe(1);
    const remote = results.filter((r) => r.filePath.includes(`${join("examples", "remote")}`));
    const local = results.filter((r) => r.filePath.includes(`${join("examples", "local")}`));
    expect(remote.length).toBeGreaterThan(0);
    expect(local.length).toBeGreaterThan(0);
    // Start-Patching.ps1 only sends code: its failures are reported in the worker and library it sends.
    const sender = join("examples", "remote", "fleet", "Start-Patching.ps1");
    for (const r of remote) {
      if (r.filePath.endsWith(sender)) expect(r.messages, r.filePath).toEqual([]);
      else expect(r.messages.length, r.filePath).toBeGreaterThan(0);
    }
    expect(remote.some((r) => r.filePath.endsWith(sender))).toBe(true);
    for (const r of local) expect(r.messages, r.filePath).toEqual([]);
    const ruleIds = new Set(remote.flatMap((r) => r.messages.map((m) => m.ruleId)));
    expect([...ruleIds].sort()).toEqual([
      "wua/no-ignored-location",
      "wua/no-remote-ishidden-write",
      "wua/no-remote-unavailable-interface",
      "wua/no-remote-unavailable-member",
      "wua/no-remote-unlisted-member",
    ]);
  });

  it("writes SARIF through the package's formatter, given to eslint by path, with rule ids and help links", () => {
    const run = spawnSync(process.execPath, [eslintBin, "--format", "./dist/formatters/sarif.js", "examples/remote/reboot-check.js"], { cwd: root, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: {
        results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[] }[];
        tool: { driver: { name: string; rules: { id: string; helpUri: string }[] } };
      }[];
    };
    expect(sarif.version).toBe("2.1.0");
    const [run0] = sarif.runs;
    expect(run0!.tool.driver.name).toBe("eslint-plugin-wua");
    expect(run0!.results.map((r) => {
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      return `${r.ruleId}@${artifactLocation.uriBaseId}/${artifactLocation.uri}:${region.startLine}:${region.startColumn}`;
    })).toEqual(["wua/no-remote-unavailable-interface@%SRCROOT%/examples/remote/reboot-check.js:5:14"]);
    const rule = run0!.tool.driver.rules[run0!.results[0]!.ruleIndex]!;
    expect(rule.id).toBe("wua/no-remote-unavailable-interface");
    expect(rule.helpUri).toMatch(/docs\/rules\/no-remote-unavailable-interface\.md$/u);
  });

  it("--max-warnings 0 fails on warnings, which the plugin's processors give for encoded blocks", () => {
    const run = spawnSync(process.execPath, [eslintBin, "--max-warnings", "0", "--no-warn-ignored", "--stdin", "--stdin-filename", "examples/local/encoded.wsf"], {
      cwd: root,
      encoding: "utf8",
      input: '<job><script language="JScript.Encode">#@~^</script></job>\n',
    });
    expect(run.stdout).toContain("JScript.Encode");
    expect(run.status).toBe(1);
  });

  describe("in a user's project that imports the plugin by name", () => {
    const project = mkdtempSync(join(tmpdir(), "wua-cli-"));
    afterAll(() => rmSync(project, { recursive: true, force: true }));
    // Resolve `eslint-plugin-wua` to this package, as a linked dependency would (npm link).
    mkdirSync(join(project, "node_modules"));
    symlinkSync(root, join(project, "node_modules/eslint-plugin-wua"), "dir");
    writeFileSync(
      join(project, "eslint.config.js"),
      'import wua from "eslint-plugin-wua";\nexport default [{ languageOptions: { sourceType: "script" } }, ...wua.configs.recommended];\n',
    );
    writeFileSync(join(project, "package.json"), '{ "type": "module" }\n');

    it("exits 1 and reports a remote installer", () => {
      writeFileSync(
        join(project, "patch.js"),
        'var s = new ActiveXObject("Microsoft.Update.Session", "SRV-01");\nvar i = s.CreateUpdateInstaller();\ni.Install();\n',
      );
      const { status, results } = eslint(project, ["patch.js"]);
      expect(status).toBe(1);
      expect(results[0]?.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual([
        "wua/no-remote-unavailable-member@2:11",
      ]);
      expect(results[0]?.messages[0]?.suggestions).toHaveLength(1);
    });

    it("exits 0 on a correct local script", () => {
      writeFileSync(
        join(project, "local.js"),
        'var s = new ActiveXObject("Microsoft.Update.Session");\ns.CreateUpdateInstaller().Install();\n',
      );
      const { status, results } = eslint(project, ["local.js"]);
      expect(status).toBe(0);
      expect(results[0]?.messages).toEqual([]);
    });

    it("applies --fix without touching the script: suggestions are never autofixes", () => {
      const code = 'var s = new ActiveXObject("Microsoft.Update.Session", "SRV-01");\ns.CreateUpdateInstaller();\n';
      writeFileSync(join(project, "fix.js"), code);
      const { status } = eslint(project, ["--fix", "fix.js"]);
      expect(status).toBe(1);
      expect(readFileSync(join(project, "fix.js"), "utf8")).toBe(code);
    });
  });

  describe("in a user's project whose one import of the plugin also lints PowerShell", () => {
    const project = mkdtempSync(join(tmpdir(), "wua-cli-ps-"));
    afterAll(() => rmSync(project, { recursive: true, force: true }));
    mkdirSync(join(project, "node_modules"));
    symlinkSync(root, join(project, "node_modules/eslint-plugin-wua"), "dir");
    writeFileSync(
      join(project, "eslint.config.js"),
      'import wua from "eslint-plugin-wua";\nexport default [{ languageOptions: { sourceType: "script" } }, ...wua.configs.recommended];\n',
    );
    writeFileSync(join(project, "package.json"), '{ "type": "module" }\n');
    const remote = 'param($Computer)\r\n$s = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", $Computer))\r\n$s.CreateUpdateInstaller()\r\n';
    mkdirSync(join(project, "scripts"));
    writeFileSync(join(project, "scripts/Install.ps1"), remote);
    writeFileSync(join(project, "scripts/Local.psm1"), "function Get-Pending { (New-Object -ComObject Microsoft.Update.Session).CreateUpdateSearcher() }\n");
    writeFileSync(join(project, "scripts/local.js"), 'new ActiveXObject("Microsoft.Update.Session").CreateUpdateInstaller();\n');

    it("lints the .ps1 and .psm1 files of a folder beside its .js files and reports in them", () => {
      const { status, results, stderr } = eslint(project, ["scripts"]);
      expect(stderr).toBe("");
      expect(status).toBe(1);
      expect(results.map((r) => [r.filePath.slice(project.length + 1), r.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)])).toEqual([
        [join("scripts", "Install.ps1"), ["wua/no-remote-unavailable-member@3:4"]],
        [join("scripts", "Local.psm1"), []],
        [join("scripts", "local.js"), []],
      ]);
    });

    it("--fix leaves a .ps1 file as it is, and # eslint-disable-next-line works in it", () => {
      expect(eslint(project, ["--fix", "scripts/Install.ps1"]).status).toBe(1);
      expect(readFileSync(join(project, "scripts/Install.ps1"), "utf8")).toBe(remote);
      writeFileSync(join(project, "Disabled.ps1"), remote.replace("$s.Create", "# eslint-disable-next-line wua/no-remote-unavailable-member -- runs as a task\r\n$s.Create"));
      const { status, results } = eslint(project, ["Disabled.ps1"]);
      expect(status).toBe(0);
      expect(results[0]?.messages).toEqual([]);
    });
  });
  describe("in a user's CommonJS project (eslint.config.cjs with require())", () => {
    const project = mkdtempSync(join(tmpdir(), "wua-cli-cjs-"));
    afterAll(() => rmSync(project, { recursive: true, force: true }));
    mkdirSync(join(project, "node_modules"));
    symlinkSync(root, join(project, "node_modules/eslint-plugin-wua"), "dir");
    writeFileSync(join(project, "eslint.config.cjs"), 'const wua = require("eslint-plugin-wua");\nmodule.exports = [...wua.configs.strict];\n');
    writeFileSync(join(project, "package.json"), "{}\n");
    writeFileSync(
      join(project, "Patch.ps1"),
      '$s = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", "SRV-01"))\n$s.CreateUpdateInstaller().Install()\n',
    );

    it("lints .ps1 files with the main entry's strict config", () => {
      const { status, results, stderr } = eslint(project, ["Patch.ps1"]);
      expect(stderr).toBe("");
      expect(status).toBe(1);
      expect(results[0]?.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(["wua/no-remote-unavailable-member@2:4"]);
    });
  });
});
