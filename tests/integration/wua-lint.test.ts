/** The `wua-lint` command as a user runs it (built by `npm test` before Vitest runs). */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "dist/cli/wua-lint.js");
const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };

function wuaLint(args: string[], cwd = root): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; severity: number }[];
}

const folder = mkdtempSync(join(tmpdir(), "wua-lint-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const write = (name: string, text: string): string => {
  writeFileSync(join(folder, name), text);
  return name;
};

describe("wua-lint", () => {
  it("reports the bundled examples at their lines, including .wsf and .hta, and exits 1", () => {
    const { status, stdout } = wuaLint(["--format", "json", "examples"]);
    expect(status).toBe(1);
    const results = JSON.parse(stdout) as JsonResult[];
    const byFile = new Map(results.map((r) => [r.filePath.slice(root.length), r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)]));
    expect(byFile.get("examples/remote/patch-jobs.wsf")).toEqual(["24:31 wua/no-remote-unavailable-member"]);
    expect(byFile.get("examples/remote/update-console.hta")).toEqual(["25:23 wua/no-remote-ishidden-write"]);
    for (const [file, messages] of byFile) if (file.startsWith("examples/local/")) expect(messages, file).toEqual([]);
  });

  it("exits 0 on a folder of correct scripts, whatever their kind", () => {
    const dir = mkdtempSync(join(folder, "clean-"));
    writeFileSync(join(dir, "a.js"), 'var s = new ActiveXObject("Microsoft.Update.Session");\nwith (s) {}\nvar m = 0644;\ns.CreateUpdateInstaller();\n');
    writeFileSync(join(dir, "b.mjs"), 'import winax from "winax";\nnew winax.Object("Microsoft.Update.Session", "SRV").CreateUpdateInstaller();\n');
    writeFileSync(join(dir, "c.cjs"), 'const winax = require("winax");\nmodule.exports = new winax.Object("Microsoft.Update.Session");\n');
    writeFileSync(join(dir, "d.ts"), 'declare const ActiveXObject: any;\nconst s = new ActiveXObject("Microsoft.Update.Session") as any;\ns.CreateUpdateInstaller();\n');
    const { status, stdout, stderr } = wuaLint([dir]);
    expect(stderr).toBe("");
    expect(stdout).toBe("");
    expect(status).toBe(0);
  });

  it("prints ESLint's stylish report by default", () => {
    const file = write("stylish.js", 'var s = new ActiveXObject("Microsoft.Update.Session", "SRV");\ns.CreateUpdateInstaller();\n');
    const { status, stdout } = wuaLint([file], folder);
    expect(status).toBe(1);
    expect(stdout).toContain("stylish.js");
    expect(stdout).toMatch(/2:3\s+error\s+IUpdateSession\.CreateUpdateInstaller fails/u);
    expect(stdout).toContain("wua/no-remote-unavailable-member");
    expect(stdout).toContain("1 problem (1 error, 0 warnings)");
  });

  it("parses TypeScript and reports in it", () => {
    const file = write("remote.ts", 'declare const ActiveXObject: any;\nconst s = new ActiveXObject("Microsoft.Update.Session", "SRV") as any;\ns.CreateUpdateInstaller();\n');
    const { status, stdout } = wuaLint(["--format", "json", file], folder);
    expect(status).toBe(1);
    expect((JSON.parse(stdout) as JsonResult[])[0]!.messages.map((m) => `${m.line}:${m.column}`)).toEqual(["3:3"]);
  });

  it("--strict adds the unlisted-member rule; --assume-remote makes local objects remote", () => {
    const unlisted = write("unlisted.js", 'var s = new ActiveXObject("Microsoft.Update.Session", "SRV");\ns.QueryHistory("", 0, 1);\n');
    expect(wuaLint([unlisted], folder).status).toBe(0);
    expect(wuaLint(["--strict", unlisted], folder).status).toBe(1);
    const local = write("local.js", 'var s = new ActiveXObject("Microsoft.Update.Session");\ns.CreateUpdateInstaller();\n');
    expect(wuaLint([local], folder).status).toBe(0);
    expect(wuaLint(["--assume-remote", local], folder).status).toBe(1);
  });

  it("ignores the folder's own ESLint config", () => {
    const dir = mkdtempSync(join(folder, "own-config-"));
    writeFileSync(join(dir, "eslint.config.js"), "throw new Error('must not be loaded');\n");
    writeFileSync(join(dir, "a.js"), 'new ActiveXObject("Microsoft.Update.Session", "SRV").CreateUpdateInstaller();\n');
    const { status, stderr } = wuaLint(["a.js"], dir);
    expect(stderr).toBe("");
    expect(status).toBe(1);
  });

  it("--output-file writes the report there; --quiet keeps errors only; --max-warnings counts warnings, hidden or not", () => {
    const encoded = write("enc.wsf", '<job><script language="JScript.Encode">#@~^</script></job>\n');
    const report = join(folder, "report.json");
    expect(wuaLint(["--format", "json", "--output-file", report, encoded], folder)).toMatchObject({ status: 0, stdout: "" });
    expect((JSON.parse(readFileSync(report, "utf8")) as JsonResult[])[0]!.messages[0]!.severity).toBe(1);
    expect(wuaLint(["--max-warnings", "0", encoded], folder).status).toBe(1);
    expect(wuaLint(["--quiet", "--max-warnings", "0", "--format", "json", encoded], folder)).toMatchObject({ status: 1, stdout: "[]\n" });
  });

  it("prints help and version", () => {
    expect(wuaLint(["--help"])).toMatchObject({ status: 0 });
    expect(wuaLint(["--help"]).stdout).toContain("Usage: wua-lint");
    expect(wuaLint(["--version"]).stdout.trim()).toBe(packageJson.version);
  });

  it("exits 2 with one line for a file it cannot read (a dangling link)", () => {
    symlinkSync(join(folder, "nowhere", "x.js"), join(folder, "dangling.js"));
    const { status, stderr } = wuaLint(["dangling.js"], folder);
    expect(status).toBe(2);
    expect(stderr.trim().split("\n")).toEqual(["wua-lint: No files matching 'dangling.js' were found."]);
  });

  it.each([
    [["missing-folder"], "No files matching 'missing-folder' were found."],
    [["--bogus"], "Unknown option '--bogus'"],
    [["--format", "xml"], 'Unknown format "xml"'],
    [["--max-warnings", "many"], "--max-warnings takes a whole number"],
  ])("exits 2 with a one-line message for %j", (args, message) => {
    const { status, stderr } = wuaLint(args, folder);
    expect(status).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /u);
  });
});

interface Sarif {
  version: string;
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string }[] } };
    results: {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
    }[];
  }[];
}

describe("wua-lint --format sarif", () => {
  it("writes SARIF 2.1.0 with rule ids, help links and regions in the original files", () => {
    const { status, stdout } = wuaLint(["--format", "sarif", "examples/remote/patch-jobs.wsf", "examples/remote/driver-cleanup.js"]);
    expect(status).toBe(1);
    const sarif = JSON.parse(stdout) as Sarif;
    expect(sarif.version).toBe("2.1.0");
    const [run] = sarif.runs;
    expect(run!.tool.driver.rules.map((r) => [r.id, r.helpUri])).toEqual(
      expect.arrayContaining([
        ["wua/no-remote-unavailable-member", "https://github.com/eslint-plugin-wua/eslint-plugin-wua/blob/main/docs/rules/no-remote-unavailable-member.md"],
        ["wua/no-remote-ishidden-write", "https://github.com/eslint-plugin-wua/eslint-plugin-wua/blob/main/docs/rules/no-remote-ishidden-write.md"],
      ]),
    );
    const regions = run!.results.map((r) => {
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      return `${artifactLocation.uri.split("/").at(-1)} ${r.ruleId} ${r.level} ${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn}`;
    });
    expect(regions.sort()).toEqual([
      "driver-cleanup.js wua/no-remote-ishidden-write error 12:14-12:22",
      "patch-jobs.wsf wua/no-remote-unavailable-member error 24:31-24:52",
    ]);
  });
});
