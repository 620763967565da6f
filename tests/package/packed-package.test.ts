/**
 * The package as a user gets it: `npm pack` of the built package (`npm test` builds `dist/` before
 * Vitest), installed with the real npm into a new CommonJS project beside `eslint@10`, then used
 * through the real `eslint` CLI, the package's `wua-lint` bin, the repository's TypeScript, publint
 * and attw. One install is shared by every test.
 */
import { spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateSarif } from "../sarif-multitool.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const isWindows = process.platform === "win32";

/** At most this much may the plugin add to a project's node_modules beyond ESLint itself. */
const MAX_ADDED_BYTES = 40 * 1024 * 1024;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of every command: this one's, less what `npm test` (or `npx vitest`) says about the
 * repository (its package, its script, `npm_config_local_prefix`), so that npm in a temporary project
 * works on that project only.
 */
const env = Object.fromEntries(
  Object.entries({ ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false", NO_COLOR: "1" }).filter(
    ([key]) => !/^npm_(?:package_|lifecycle_|config_local_prefix$|command$)/iu.test(key),
  ),
);

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    // npm.cmd and npx.cmd can only be started through a shell on Windows.
    const child = spawn(command, args, { cwd, shell: isWindows && !command.endsWith(".exe"), env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const npm = (args: string[], cwd: string): Promise<Run> => run(isWindows ? "npm.cmd" : "npm", args, cwd);
const npx = (args: string[], cwd: string): Promise<Run> => run(isWindows ? "npx.cmd" : "npx", ["--no", "--", ...args], cwd);
const node = (args: string[], cwd: string): Promise<Run> => run(process.execPath, args, cwd);

/** The file a dev dependency's `bin` names, run with this Node as a user would run it from node_modules/.bin. */
function binOf(packageName: string, binName: string): string {
  const packageDir = join(root, "node_modules", packageName);
  const { bin } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { bin: Record<string, string> };
  return join(packageDir, bin[binName]!);
}

/** Apparent size (the bytes of every file and link, as `du --apparent-size -b` counts them) of a tree. */
function apparentSize(path: string): number {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of readdirSync(path)) total += apparentSize(join(path, entry));
  return total;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; severity: number; message: string }[];
}

/** `file: line ruleId severity` for every message, by file name, from ESLint's JSON output. */
function findings(json: string): Record<string, string[]> {
  const results = JSON.parse(json) as LintResult[];
  return Object.fromEntries(
    results.map((result) => [basename(result.filePath), result.messages.map((m) => `${m.line} ${m.ruleId} ${m.severity}`)]),
  );
}

// The scripts users lint: a JScript file and a PowerShell file, each creating the update session on
// another computer and asking it for an installer, which Windows Update refuses to a remote caller.
const JS_SCRIPT = 'var session = new ActiveXObject("Microsoft.Update.Session", "SRV-01");\nvar installer = session.CreateUpdateInstaller();\n';
const PS_SCRIPT = 'param($c)\n$s = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", $c))\n$s.CreateUpdateInstaller()\n';
const VBS_SCRIPT = 'Set session = CreateObject("Microsoft.Update.Session", WScript.Arguments(0))\r\nSet installer = session.CreateUpdateInstaller()\r\n';
const EXPECTED = {
  "patch.js": ["2 wua/no-remote-unavailable-member 2"],
  "patch.ps1": ["3 wua/no-remote-unavailable-member 2"],
  "patch.vbs": ["2 wua/no-remote-unavailable-member 2"],
};

function writeScripts(dir: string): void {
  write(join(dir, "scripts/patch.js"), JS_SCRIPT);
  write(join(dir, "scripts/patch.ps1"), PS_SCRIPT);
  write(join(dir, "scripts/patch.vbs"), VBS_SCRIPT);
}

// Configs as users write them; the type checks compile them with the package's declarations and ESLint's.
const TYPED_CONFIGS: Record<string, string> = {
  // An ES module project's eslint.config.ts (the folder has its own package.json with "type": "module").
  "module/package.json": '{ "type": "module" }\n',
  "module/eslint.config.ts": `import type { Linter } from "eslint";
import { defineConfig } from "eslint/config";
import wua from "eslint-plugin-wua";
import wuaPowerShell from "eslint-plugin-wua/powershell";

const recommended: Linter.Config[] = wua.configs.recommended;
const strict: Linter.Config[] = [...wua.configs.strict];
const legacy: Linter.Config[] = [...wuaPowerShell.configs.recommended, ...wuaPowerShell.configs.strict];

export const forms: Linter.Config[][] = [
  recommended,
  strict,
  legacy,
  defineConfig({ extends: [wua.configs.recommended] }),
  defineConfig({ extends: [wua.configs.strict] }),
  defineConfig({ plugins: { wua }, extends: ["wua/recommended"] }),
  defineConfig({ plugins: { wua }, extends: ["wua/strict"] }),
  defineConfig([{ files: ["**/*.ps1"], plugins: { wua }, language: "wua/powershell" }]),
  defineConfig([{ files: ["**/*.ps1"], plugins: { "wua-powershell": wuaPowerShell, wua }, language: "wua-powershell/powershell" }]),
];

export default defineConfig(
  wua.configs.recommended,
  { files: ["**/*.ps1"], plugins: { wua }, language: "wua/powershell", rules: { "wua/no-remote-unlisted-member": "warn" } },
);
`,
  // A checked JavaScript config (JSDoc types) in the same ES module project.
  "module/eslint.config.mjs": `// @ts-check
import wua from "eslint-plugin-wua";

/** @type {import("eslint").Linter.Config[]} */
export default [
  ...wua.configs.strict,
  { files: ["**/*.ps1"], plugins: { wua }, language: "wua/powershell", rules: { "wua/no-remote-unlisted-member": "off" } },
];
`,
  // A CommonJS project (the user project has no "type"): require() of the ES module package.
  "commonjs/eslint.config.cts": `import type { Linter } from "eslint";
import wua = require("eslint-plugin-wua");

const config: Linter.Config[] = [...wua.configs.recommended, { files: ["**/*.ps1"], plugins: { wua }, language: "wua/powershell" }];
export = config;
`,
  // Its checked JavaScript config. (Apart from the .cts: TypeScript leaves out a .cjs that a .cts beside it would write.)
  "commonjs-js/eslint.config.cjs": `// @ts-check
const wua = require("eslint-plugin-wua");

// TypeScript applies no JSDoc type to an assignment to module.exports itself: type a variable.
/** @type {import("eslint").Linter.Config[]} */
const config = [...wua.configs.recommended, { files: ["**/*.ps1"], plugins: { wua }, language: "wua/powershell" }];
module.exports = config;
`,
};

/** The same four kinds of file, each with one mistake ESLint's types reject. */
const WRONG_CONFIGS: Record<string, string> = {
  "module/package.json": '{ "type": "module" }\n',
  "module/eslint.config.ts": `import { defineConfig } from "eslint/config";
import wua from "eslint-plugin-wua";

export default defineConfig(wua.configs.recommended, { rules: { "wua/no-remote-unavailable-member": "eror" } });
`,
  "module/eslint.config.mjs": `// @ts-check
import wua from "eslint-plugin-wua";

/** @type {import("eslint").Linter.Config[]} */
export default [...wua.configs.recommended, { languageOption: { sourceType: "script" } }];
`,
  "commonjs/eslint.config.cts": `import type { Linter } from "eslint";
import wua = require("eslint-plugin-wua");

const config: Linter.Config[] = [...wua.configs.recommended, { rules: { "wua/no-remote-unavailable-member": "eror" } }];
export = config;
`,
  "commonjs-js/eslint.config.cjs": `// @ts-check
const wua = require("eslint-plugin-wua");

/** @type {import("eslint").Linter.Config[]} */
const config = [...wua.configs.strict, { files: ["**/*.ps1"], plugins: { wua }, language: 3 }];
module.exports = config;
`,
};

/** A tsconfig as strict as a user's can be: the package's .d.ts files and ESLint's are checked too. */
function tsconfig(dir: string, configs: Record<string, string>): string {
  return `${JSON.stringify(
    {
      compilerOptions: { module: "nodenext", moduleResolution: "nodenext", target: "es2022", strict: true, skipLibCheck: false, allowJs: true, noEmit: true, types: [] },
      include: Object.keys(configs).filter((file) => !file.endsWith(".json")).map((file) => posix.join(dir, file)),
    },
    null,
    2,
  )}\n`;
}

let work: string;
let tarball: string;
let user: string;
let baseline: string;
let unpacked: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "wua-package-"));
  // --ignore-scripts: `npm test` has just built dist/, and the prepack script would delete and
  // rebuild it under the other test files that run meanwhile. A publish runs prepack (clean + build).
  const pack = await npm(["pack", "--ignore-scripts", "--json", "--pack-destination", work], root);
  expect(pack.status, pack.stderr).toBe(0);
  tarball = join(work, (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename);

  unpacked = join(work, "unpacked");
  mkdirSync(unpacked);
  const untar = await run("tar", ["-xzf", tarball, "-C", unpacked], work);
  expect(untar.status, untar.stderr).toBe(0);

  // Two npm init-style projects with no "type" (CommonJS): one with the plugin, one with ESLint only.
  user = join(work, "user");
  baseline = join(work, "baseline");
  for (const [dir, name] of [[user, "user-project"], [baseline, "baseline-project"]] as const) {
    write(join(dir, "package.json"), `${JSON.stringify({ name, version: "1.0.0", description: "", main: "index.js", license: "ISC" }, null, 2)}\n`);
  }
  const install = ["install", "--no-audit", "--no-fund", "--prefer-offline", "eslint@10"];
  const [userInstall, baselineInstall] = await Promise.all([npm([...install, tarball], user), npm(install, baseline)]);
  expect(userInstall.status, userInstall.stderr).toBe(0);
  expect(baselineInstall.status, baselineInstall.stderr).toBe(0);

  // An ES module config, a CommonJS config, and a user's own block with the language, each in its folder.
  write(join(user, "esm/eslint.config.mjs"), 'import wua from "eslint-plugin-wua";\nexport default [...wua.configs.recommended];\n');
  write(join(user, "cjs/eslint.config.cjs"), 'const wua = require("eslint-plugin-wua");\nmodule.exports = [...wua.configs.recommended];\n');
  write(
    join(user, "own/eslint.config.cjs"),
    'const wua = require("eslint-plugin-wua");\nmodule.exports = [{ files: ["**/*.ps1"], plugins: { wua }, language: "wua/powershell", rules: { "wua/no-remote-unavailable-member": "warn" } }];\n',
  );
  for (const dir of ["esm", "cjs", "own", "bin", "unicode", "sarif", "settings"]) writeScripts(join(user, dir));
  // What Notepad's "Unicode" writes, and a VBScript file wua-lint does not lint.
  writeFileSync(join(user, "unicode/scripts/notepad.js"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JS_SCRIPT, "utf16le")]));
  write(join(user, "unicode/scripts/logon.vbe"), "#@~^AAAAAA==^#~@\r\n");
  write(join(user, "sarif/eslint.config.mjs"), 'import wua from "eslint-plugin-wua";\nexport default [...wua.configs.recommended];\n');
  write(
    join(user, "settings/eslint.config.mjs"),
    'import wua from "eslint-plugin-wua";\nexport default [...wua.configs.recommended, { settings: { wua: { assumRemote: true } } }];\n',
  );
  for (const [file, text] of Object.entries(TYPED_CONFIGS)) write(join(user, "typed", file), text);
  for (const [file, text] of Object.entries(WRONG_CONFIGS)) write(join(user, "wrong", file), text);
  write(join(user, "tsconfig.typed.json"), tsconfig("typed", TYPED_CONFIGS));
  write(join(user, "tsconfig.wrong.json"), tsconfig("wrong", WRONG_CONFIGS));
}, 90_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed package, installed in a CommonJS project beside eslint@10", () => {
  it("lints .js, .ps1 and .vbs files through the eslint CLI with an ES module config", { timeout: 30_000 }, async () => {
    const lint = await npx(["eslint", "--format", "json", "scripts"], join(user, "esm"));
    expect(lint.stderr).toBe("");
    expect(lint.status).toBe(1);
    expect(findings(lint.stdout)).toEqual(EXPECTED);
  });

  it("lints .js, .ps1 and .vbs files through the eslint CLI with a CommonJS config (require of the package)", { timeout: 30_000 }, async () => {
    const lint = await npx(["eslint", "--format", "json", "scripts"], join(user, "cjs"));
    expect(lint.stderr).toBe("");
    expect(lint.status).toBe(1);
    expect(findings(lint.stdout)).toEqual(EXPECTED);
  });

  it('lints .ps1 files with language: "wua/powershell" in a user\'s own block, with the user\'s severity', { timeout: 30_000 }, async () => {
    const lint = await npx(["eslint", "--format", "json", "scripts/patch.ps1"], join(user, "own"));
    expect(lint.stderr).toBe("");
    expect(lint.status).toBe(0);
    expect(findings(lint.stdout)).toEqual({ "patch.ps1": ["3 wua/no-remote-unavailable-member 1"] });
  });

  it("runs the wua-lint bin from the installed package on a folder", { timeout: 30_000 }, async () => {
    const lint = await npx(["wua-lint", "--format", "json", "scripts"], join(user, "bin"));
    expect(lint.stderr).toBe("");
    expect(lint.status).toBe(1);
    expect(findings(lint.stdout)).toEqual(EXPECTED);
  });

  it("wua-lint reads a UTF-16 script, lints VBScript and names the encoded file it skips", { timeout: 30_000 }, async () => {
    const lint = await npx(["wua-lint", "-f", "json", "scripts"], join(user, "unicode"));
    expect(lint.status).toBe(1);
    expect(findings(lint.stdout)).toEqual({ ...EXPECTED, "notepad.js": ["2 wua/no-remote-unavailable-member 2"] });
    expect(lint.stderr).toBe(`wua-lint: 1 file skipped, not linted: 1 encoded VBScript (.vbe)\n  ${join("scripts", "logon.vbe")}\n`);
  });

  it("writes SARIF that the SARIF multitool accepts, from wua-lint and from eslint with the package's formatter", { timeout: 60_000 }, async () => {
    const fromWuaLint = await npx(["wua-lint", "-f", "sarif", "scripts"], join(user, "sarif"));
    const fromEslint = await npx(["eslint", "--format", "../node_modules/eslint-plugin-wua/dist/formatters/sarif.js", "scripts"], join(user, "sarif"));
    for (const [name, lint] of [["wua-lint", fromWuaLint], ["eslint", fromEslint]] as const) {
      expect(lint.stderr, name).toBe("");
      expect(lint.status, name).toBe(1);
      const log = JSON.parse(lint.stdout) as { runs: { tool: { driver: { name: string; version: string } }; results: { ruleId: string }[] }[] };
      expect(log.runs[0]!.tool.driver.name).toBe("eslint-plugin-wua");
      expect(log.runs[0]!.results.map((result) => result.ruleId)).toEqual(Array(3).fill("wua/no-remote-unavailable-member"));
      expect(validateSarif(lint.stdout, `packed-${name}`, work)).toEqual({ errors: [], warnings: [] });
    }
  });

  it("answers a mistyped settings.wua key with one message per file, naming the key", { timeout: 30_000 }, async () => {
    const lint = await npx(["eslint", "--format", "json", "scripts"], join(user, "settings"));
    expect(lint.stderr).toBe("");
    const results = JSON.parse(lint.stdout) as LintResult[];
    for (const result of results) {
      const settingsMessages = result.messages.filter((m) => m.message.includes("settings.wua"));
      expect(settingsMessages, result.filePath).toHaveLength(1);
      expect(settingsMessages[0]!.message).toContain("assumRemote");
      expect(settingsMessages[0]!.message).toContain("assumeRemote");
    }
    expect(results).toHaveLength(3);
  });

  it("every relative link of the shipped README and docs names a file in the tarball", () => {
    const pkg = join(unpacked, "package");
    const documents = ["README.md", ...readdirSync(join(pkg, "docs"), { recursive: true }).map((file) => posix.join("docs", String(file).replaceAll("\\", "/")))].filter((file) => file.endsWith(".md"));
    const broken: string[] = [];
    for (const document of documents) {
      for (const [, target] of readFileSync(join(pkg, document), "utf8").matchAll(/\]\(([^)\s]+)\)/gu)) {
        if (/^(?:https?:|mailto:|#)/u.test(target!)) continue;
        const file = posix.normalize(posix.join(posix.dirname(document), target!.split("#")[0]!));
        if (file.startsWith("..") || !existsSync(join(pkg, file))) broken.push(`${document} -> ${target}`);
      }
    }
    expect(documents.length).toBeGreaterThan(5);
    expect(broken).toEqual([]);
  });

  it("installs a valid tree with one eslint and none of the development-only packages", { timeout: 30_000 }, async () => {
    const production = await npm(["ls", "--omit=dev", "--all"], user);
    expect(production.stderr).toBe("");
    expect(production.status).toBe(0);

    const tree = await npm(["ls", "--all", "--json"], user);
    expect(tree.status, tree.stderr).toBe(0);
    interface Node {
      version?: string;
      dependencies?: Record<string, Node>;
    }
    const installed = new Map<string, Set<string>>();
    const walk = (deps: Record<string, Node> | undefined): void => {
      for (const [name, dep] of Object.entries(deps ?? {})) {
        if (!installed.has(name)) installed.set(name, new Set());
        if (dep.version) installed.get(name)!.add(dep.version);
        walk(dep.dependencies);
      }
    };
    walk((JSON.parse(tree.stdout) as Node).dependencies);
    expect(installed.has("eslint-plugin-wua")).toBe(true);
    expect([...installed.get("eslint")!]).toHaveLength(1);
    const unwanted = [...installed.keys()].filter((name) => /^(@microsoft\/eslint-formatter-sarif|tree-sitter.*|web-tree-sitter|jschardet)$/u.test(name));
    expect(unwanted).toEqual([]);

    // The same question asked the way the brief of the package asks it: `npm ls eslint`.
    const eslintOnly = await npm(["ls", "eslint", "--all", "--json"], user);
    const versions = new Set<string>();
    const collect = (deps: Record<string, Node> | undefined): void => {
      for (const [name, dep] of Object.entries(deps ?? {})) {
        if (name === "eslint" && dep.version) versions.add(dep.version);
        collect(dep.dependencies);
      }
    };
    collect((JSON.parse(eslintOnly.stdout) as Node).dependencies);
    expect([...versions]).toEqual([...installed.get("eslint")!]);
  });

  it("adds at most 40 MB to node_modules over eslint@10 alone", () => {
    const withPlugin = apparentSize(join(user, "node_modules"));
    const eslintAlone = apparentSize(join(baseline, "node_modules"));
    const added = withPlugin - eslintAlone;
    console.log(`node_modules: eslint@10 alone ${megabytes(eslintAlone)}, with eslint-plugin-wua ${megabytes(withPlugin)}, added ${megabytes(added)} (${added} bytes)`);
    expect(eslintAlone).toBeGreaterThan(0);
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThanOrEqual(MAX_ADDED_BYTES);
  });

  it("ships LICENSE, README.md, package.json, dist and docs, no install scripts, and no source map pointing at a missing file", { timeout: 30_000 }, async () => {
    const list = await run("tar", ["-tzf", tarball], work);
    expect(list.status, list.stderr).toBe(0);
    const files = list.stdout.split(/\r?\n/u).filter(Boolean).map((entry) => entry.replace(/^package\//u, ""));
    for (const file of ["LICENSE", "README.md", "package.json", "dist/index.js", "dist/index.d.ts", "dist/powershell.js", "dist/powershell.d.ts", "dist/cli/wua-lint.js"]) {
      expect(files).toContain(file);
    }
    expect(files.some((file) => file.startsWith("docs/rules/"))).toBe(true);

    const pkg = join(unpacked, "package");
    expect(readFileSync(join(pkg, "LICENSE"), "utf8")).toMatch(/^MIT License\n\nCopyright \(c\) 2026 eslint-plugin-wua contributors\n/u);
    const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")) as { license: string; scripts?: Record<string, string> };
    expect(manifest.license).toBe("MIT");
    expect(Object.keys(manifest.scripts ?? {}).filter((script) => ["preinstall", "install", "postinstall"].includes(script))).toEqual([]);

    // Every map's sources, and every sourceMappingURL comment, must name a file in the tarball.
    const missing: string[] = [];
    for (const file of files) {
      const path = join(pkg, file);
      if (file.endsWith(".map")) {
        const map = JSON.parse(readFileSync(path, "utf8")) as { sourceRoot?: string; sources: string[] };
        for (const source of map.sources) {
          const target = posix.normalize(posix.join(posix.dirname(file), map.sourceRoot ?? "", source));
          if (!existsSync(join(pkg, target)) || target.startsWith("..")) missing.push(`${file} -> ${source}`);
        }
      } else if (/\.(?:c|m)?(?:js|ts)$/u.test(file)) {
        for (const [, url] of readFileSync(path, "utf8").matchAll(/[#@] sourceMappingURL=(\S+)\s*$/gmu)) {
          if (url!.startsWith("data:")) continue;
          const target = posix.normalize(posix.join(posix.dirname(file), url!));
          if (!existsSync(join(pkg, target)) || target.startsWith("..")) missing.push(`${file} -> ${url}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("type-checks users' eslint.config.ts/.mjs/.cts/.cjs with the package's and ESLint's declarations, and rejects wrong ones", { timeout: 60_000 }, async () => {
    const tsc = join(root, "node_modules/typescript/bin/tsc");
    const [typed, wrong] = await Promise.all([node([tsc, "-p", "tsconfig.typed.json"], user), node([tsc, "-p", "tsconfig.wrong.json"], user)]);
    expect(typed.stdout + typed.stderr).toBe("");
    expect(typed.status).toBe(0);

    // Each kind of file is compiled (TypeScript reports a mistake in each), so a clean run above means something.
    expect(wrong.status).not.toBe(0);
    const filesWithErrors = new Set([...wrong.stdout.matchAll(/^wrong\/([^(]+)\(\d+,\d+\): error TS\d+/gmu)].map((match) => match[1]));
    expect([...filesWithErrors].sort()).toEqual(Object.keys(WRONG_CONFIGS).filter((file) => !file.endsWith(".json")).sort());
  });

  it("passes npm publish --dry-run with no warning about the manifest", { timeout: 30_000 }, async () => {
    // --ignore-scripts: prepack would clean and rebuild dist/ under the tests running meanwhile.
    const publish = await npm(["publish", "--dry-run", "--ignore-scripts"], root);
    expect(publish.status, publish.stderr).toBe(0);
    // A dry run without a login always says that it would need one; anything else is about the package.
    const warnings = publish.stderr.split(/\r?\n/u).filter((line) => /^npm warn/u.test(line) && !/requires you to be logged in/u.test(line));
    expect(warnings).toEqual([]);
  });

  it("passes publint (strict: warnings fail) on the tarball", { timeout: 30_000 }, async () => {
    const lint = await node([binOf("publint", "publint"), "--strict", tarball], work);
    expect(lint.stdout).toMatch(/All good!/u);
    expect(lint.status, lint.stdout + lint.stderr).toBe(0);
  });

  it("passes attw on the tarball for the declared entries", { timeout: 30_000 }, async () => {
    // Profile node16: the node10 resolution ignores `exports` (so `./powershell` cannot resolve) and
    // no ESLint 10 user has it: ESLint 10 needs Node ^20.19 || ^22.13 || >=24, whose TypeScript
    // settings are node16/nodenext or bundler. The node16-from-CJS resolution stays checked, since
    // CommonJS configs are real; only its cjs-resolves-to-esm rule is off, because that rule says
    // "require() of ESM is an error in Node", which Node ^20.19 (require(esm), the package's own
    // `engines`) no longer makes true: `export { plugin as "module.exports" }` hands require() the
    // plugin. The tests above run that path: a CommonJS eslint.config.cjs through the eslint CLI and
    // a .cts/.cjs type check under module nodenext.
    const check = await node([binOf("@arethetypeswrong/cli", "attw"), tarball, "--profile", "node16", "--ignore-rules", "cjs-resolves-to-esm", "--format", "json"], work);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const report = JSON.parse(check.stdout) as { analysis: { entrypoints: Record<string, unknown> }; problems: Record<string, { kind: string; entrypoint: string; resolutionKind?: string }[]> };
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual([".", "./package.json", "./powershell"]);
    // The JSON lists the ignored problems too: they must be the two kinds set aside above, nothing else.
    const problems = Object.values(report.problems).flat();
    expect(problems.filter((problem) => problem.resolutionKind !== "node10" && problem.kind !== "CJSResolvesToESM")).toEqual([]);
  });
});
