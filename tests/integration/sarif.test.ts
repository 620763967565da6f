/**
 * The package's SARIF formatter on real ESLint results, checked by Microsoft's SARIF multitool
 * against both the SARIF rules and GitHub code scanning's upload rules.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ESLint, type Linter } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import formatter, { formatResultsAsSarif } from "../../src/formatters/sarif.js";
import { validateSarif } from "../sarif-multitool.js";
import plugin from "../../src/index.js";
import { rules as wuaRules } from "../../src/rules/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const require = createRequire(import.meta.url);
const packageJson = require("../../package.json") as { version: string };

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId?: string; index?: number };
    region?: { startLine: number; startColumn?: number; endLine?: number; endColumn?: number };
  };
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: { id: string; shortDescription?: { text: string }; helpUri?: string; help?: { text: string } }[];
      };
      extensions: { name: string; version: string }[];
    };
    invocations: {
      executionSuccessful: boolean;
      toolExecutionNotifications?: { level: string; message: { text: string }; locations: SarifLocation[] }[];
    }[];
    originalUriBaseIds: Record<string, { uri: string }>;
    artifacts: { location: { uri: string; uriBaseId?: string } }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: SarifLocation[];
      suppressions?: { kind: string; justification?: string }[];
    }[];
    columnKind: string;
  }[];
}

const base = realpathSync(mkdtempSync(join(tmpdir(), "wua-sarif-")));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const DOCS = "https://github.com/eslint-plugin-wua/eslint-plugin-wua/blob/main/docs/rules/";
const REMOTE_JS = 'var s = new ActiveXObject("Microsoft.Update.Session", "SRV-01");\ns.CreateUpdateInstaller();\n';

/**
 * A repository checkout (`project`) with every kind of file, and a folder beside it. ESLint works
 * from the folder above both, as wua-lint does when it is given a path outside the folder it
 * runs in; the report is relative to the checkout.
 */
const project = join(base, "project");
const outside = join(base, "outside");
function put(path: string, text: string): void {
  writeFileSync(join(base, path), text);
}
mkdirSync(join(project, "scripts"), { recursive: true });
mkdirSync(outside);
put("project/scripts/remote.js", REMOTE_JS);
put("project/scripts/patch tuesday.js", `var other = 1;\n${REMOTE_JS}`);
put("project/scripts/compare.js", "var a = 1, b = 2;\nif (a == b) a = b;\n");
put(
  "project/scripts/Install.ps1",
  'param($Computer)\r\n$s = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", $Computer))\r\n$s.CreateUpdateInstaller()\r\n',
);
put("project/scripts/jobs.wsf", `<job>\n<script language="JScript">\n${REMOTE_JS}</script>\n</job>\n`);
put("project/scripts/broken.js", "var s = ;\n");
put("project/scripts/stale.js", "// eslint-disable-next-line eqeqeq\nvar s = 1;\n");
put(
  "project/scripts/disabled.js",
  'var s = new ActiveXObject("Microsoft.Update.Session", "SRV-01");\n// eslint-disable-next-line wua/no-remote-unavailable-member -- runs as a task on SRV-01\ns.CreateUpdateInstaller();\n',
);
put("outside/elsewhere.js", REMOTE_JS);

const config: Linter.Config[] = [
  { files: ["**/*.js"], languageOptions: { ecmaVersion: "latest", sourceType: "script" }, rules: { eqeqeq: "warn" } },
  ...(plugin.configs.recommended as unknown as Linter.Config[]),
];

let rulesMeta: ESLint.LintResultData["rulesMeta"];
let report: string;
let sarif: SarifLog;
let run: SarifLog["runs"][number];

beforeAll(async () => {
  const eslint = new ESLint({ cwd: base, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(["project", "outside"]);
  rulesMeta = eslint.getRulesMetaForResults(results);
  report = formatResultsAsSarif(results, { cwd: project, rulesMeta });
  sarif = JSON.parse(report) as SarifLog;
  run = sarif.runs[0]!;
});

/** `uri rule level line:column-line:column` of each result, the shape most assertions compare. */
function describeResults(results: SarifLog["runs"][number]["results"]): string[] {
  return results.map((result) => {
    const { artifactLocation, region } = result.locations[0]!.physicalLocation;
    return `${artifactLocation.uri} ${result.ruleId} ${result.level} ${region?.startLine}:${region?.startColumn}-${region?.endLine}:${region?.endColumn}`;
  });
}

describe("SARIF formatter", () => {
  it("passes the multitool's SARIF and GitHub checks with no error and no warning", () => {
    expect(validateSarif(report, "findings", base)).toEqual({ errors: [], warnings: [] });
  });

  it("is SARIF 2.1.0 under the final schema, with UTF-16 columns as ESLint counts them", () => {
    expect(sarif.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs).toHaveLength(1);
    expect(run.columnKind).toBe("utf16CodeUnits");
  });

  it("names the plugin, its version and repository as the tool, and the ESLint that ran it", () => {
    const { driver, extensions } = run.tool;
    expect([driver.name, driver.version, driver.informationUri]).toEqual(["eslint-plugin-wua", packageJson.version, "https://github.com/eslint-plugin-wua/eslint-plugin-wua"]);
    expect(extensions).toEqual([{ name: "ESLint", version: ESLint.version, informationUri: "https://eslint.org" }]);
  });

  it("describes every rule of the plugin, reported or not, then the other rules that reported", () => {
    const names = Object.keys(wuaRules);
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual([...names.map((name) => `wua/${name}`), "eqeqeq"]);
    for (const [index, name] of names.entries()) {
      const rule = run.tool.driver.rules[index]!;
      expect(rule.helpUri).toBe(`${DOCS}${name}.md`);
      const description = wuaRules[name as keyof typeof wuaRules].meta.docs?.description;
      expect(description).toBeTruthy();
      expect(rule.shortDescription?.text).toBe(description);
      expect(rule.help?.text).toContain(`${DOCS}${name}.md`);
    }
    const eqeqeq = rulesMeta.eqeqeq!.docs!;
    expect(eqeqeq.url).toBe("https://eslint.org/docs/latest/rules/eqeqeq");
    expect(run.tool.driver.rules.at(-1)).toMatchObject({ helpUri: eqeqeq.url, shortDescription: { text: eqeqeq.description } });
  });

  it("gives each finding its rule by id and index, its level and its region in the original file", () => {
    expect(describeResults(run.results).sort()).toEqual([
      `${pathToFileURL(join(outside, "elsewhere.js")).href} wua/no-remote-unavailable-member error 2:3-2:24`,
      "scripts/Install.ps1 wua/no-remote-unavailable-member error 3:4-3:25",
      "scripts/compare.js eqeqeq warning 2:7-2:9",
      "scripts/disabled.js wua/no-remote-unavailable-member error 3:3-3:24",
      "scripts/jobs.wsf wua/no-remote-unavailable-member error 4:3-4:24",
      "scripts/patch%20tuesday.js wua/no-remote-unavailable-member error 3:3-3:24",
      "scripts/remote.js wua/no-remote-unavailable-member error 2:3-2:24",
    ]);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
  });

  it("makes paths in the checkout relative to %SRCROOT%, the working folder, and lists each file once", () => {
    expect(run.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: `${pathToFileURL(project).href}/` } });
    expect(run.artifacts.map((artifact) => artifact.location)).toEqual([
      ...["Install.ps1", "broken.js", "compare.js", "disabled.js", "jobs.wsf", "patch%20tuesday.js", "remote.js", "stale.js"].map((file) => ({ uri: `scripts/${file}`, uriBaseId: "%SRCROOT%" })),
      { uri: pathToFileURL(join(outside, "elsewhere.js")).href },
    ]);
    for (const result of run.results) {
      const { index, ...location } = result.locations[0]!.physicalLocation.artifactLocation;
      expect(run.artifacts[index!]!.location).toEqual(location);
    }
  });

  it("reports ESLint's own messages, for a file it cannot parse or a comment that disables nothing, as notifications of a run that went to its end", () => {
    const [invocation] = run.invocations;
    expect(invocation!.executionSuccessful).toBe(true);
    const at = (uri: string, index: number, region: object): SarifLocation[] => [{ physicalLocation: { artifactLocation: { uri, uriBaseId: "%SRCROOT%", index }, region } } as SarifLocation];
    expect(invocation!.toolExecutionNotifications).toEqual([
      { level: "error", message: { text: "Parsing error: Unexpected token ;" }, locations: at("scripts/broken.js", 1, { startLine: 1, startColumn: 9 }) },
      {
        level: "warning",
        message: { text: "Unused eslint-disable directive (no problems were reported from 'eqeqeq')." },
        locations: at("scripts/stale.js", 7, { startLine: 1, startColumn: 1 }),
      },
    ]);
    // Code scanning and the multitool (SARIF1010) want a rule for every result.
    expect(run.results.every((result) => result.ruleId)).toBe(true);
  });

  it("keeps a finding disabled by a comment as a result suppressed in the source, with the comment's reason", () => {
    const disabled = run.results.filter((result) => result.locations[0]!.physicalLocation.artifactLocation.uri === "scripts/disabled.js");
    expect(disabled.map((result) => result.suppressions)).toEqual([[{ kind: "inSource", justification: "runs as a task on SRV-01" }]]);
    expect(run.results.filter((result) => result.suppressions).length).toBe(1);
  });

  it("writes a valid log for a run with no files", () => {
    const empty = formatResultsAsSarif([], { cwd: project, rulesMeta: {} });
    expect(validateSarif(empty, "empty", base)).toEqual({ errors: [], warnings: [] });
    const [emptyRun] = (JSON.parse(empty) as SarifLog).runs;
    expect([emptyRun!.results, emptyRun!.artifacts, emptyRun!.tool.driver.rules.length]).toEqual([[], [], Object.keys(wuaRules).length]);
  });

  it("is ESLint's formatter as its default export, and loads by path from the built package", async () => {
    expect(formatter).toBe(formatResultsAsSarif);
    const eslint = new ESLint({ cwd: base, overrideConfigFile: true, overrideConfig: config });
    const loaded = await eslint.loadFormatter(join(root, "dist/formatters/sarif.js"));
    const results = await eslint.lintFiles(["project/scripts/remote.js"]);
    const [loadedRun] = (JSON.parse(await loaded.format(results)) as SarifLog).runs;
    // ESLint passes its own cwd, here the folder above the checkout.
    expect(describeResults(loadedRun!.results)).toEqual(["project/scripts/remote.js wua/no-remote-unavailable-member error 2:3-2:24"]);
  });
});
