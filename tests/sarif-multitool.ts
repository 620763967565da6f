/**
 * Microsoft's SARIF multitool (the @microsoft/sarif-multitool dev dependency) as the judge of a SARIF
 * log, with SARIF's rules and GitHub code scanning's upload rules.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect } from "vitest";

const require = createRequire(import.meta.url);
/** The platform's Sarif.Multitool executable. */
const multitool = require("@microsoft/sarif-multitool") as string;

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string } };
}

/** What the multitool says about one log: a line for each of its findings, by level. */
export interface Verdict {
  errors: string[];
  warnings: string[];
}

interface MultitoolLog {
  runs: {
    tool: { driver: { rules?: { id: string; defaultConfiguration?: { level?: string }; messageStrings?: Record<string, { text: string }> }[] } };
    invocations?: { toolExecutionNotifications?: { level?: string; message: { text?: string } }[] }[];
    results: { ruleId: string; ruleIndex: number; level?: string; message: { id?: string; text?: string; arguments?: string[] }; locations?: SarifLocation[] }[];
  }[];
}

let executable = false;

/**
 * The multitool passes a log it cannot load at all (one with an unknown `level`, say) without a
 * word. So each log goes with a copy that lacks the tool's `informationUri`, which the multitool
 * always warns about: no such warning on the copy means the multitool did not really read either.
 * A finding not clearly about the copy counts against the log.
 */
export function validateSarif(sarif: string, name: string, folder: string): Verdict {
  if (!executable && process.platform !== "win32") {
    // npm does not run the platform package's postinstall, which would chmod it.
    chmodSync(multitool, statSync(multitool).mode | 0o100);
    executable = true;
  }
  const logFile = join(folder, `${name}.sarif`);
  const canaryFile = join(folder, `${name}.canary.sarif`);
  const outputFile = join(folder, `${name}.validation.sarif`);
  writeFileSync(logFile, sarif);
  const canary = JSON.parse(sarif) as { runs: { tool: { driver: { informationUri?: string } } }[] };
  delete canary.runs[0]!.tool.driver.informationUri;
  writeFileSync(canaryFile, JSON.stringify(canary, null, 2));
  const args = ["validate", logFile, canaryFile, "--output", outputFile, "--log", "ForceOverwrite", "--rule-kind", "Sarif;Gh", "--quiet"];
  const run = spawnSync(multitool, args, { encoding: "utf8" });
  expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  const [validation] = (JSON.parse(readFileSync(outputFile, "utf8")) as MultitoolLog).runs;
  const rules = validation!.tool.driver.rules ?? [];
  // The multitool names a file by URI in most findings and by plain path in others.
  const canaryNames = new Set([canaryFile, pathToFileURL(canaryFile).href]);
  const findings = validation!.results.map((result) => {
    const rule = rules[result.ruleIndex];
    const template = result.message.text ?? rule?.messageStrings?.[result.message.id ?? ""]?.text ?? "";
    return {
      aboutCanary: canaryNames.has(result.locations?.[0]?.physicalLocation.artifactLocation.uri ?? ""),
      level: result.level ?? rule?.defaultConfiguration?.level ?? "warning",
      line: `${result.ruleId}: ${template.replace(/\{(\d+)\}/gu, (_, n: string) => result.message.arguments?.[Number(n)] ?? "")}`,
    };
  });
  const canaryLines = findings.filter((finding) => finding.aboutCanary).map((finding) => finding.line);
  expect(canaryLines.join("\n"), "the multitool did not read the log").toContain("does not provide 'informationUri'");
  const toolFailures = (validation!.invocations ?? []).flatMap((invocation) => invocation.toolExecutionNotifications ?? []);
  const aboutLog = findings.filter((finding) => !finding.aboutCanary);
  return {
    errors: [
      ...aboutLog.filter((finding) => finding.level === "error").map((finding) => finding.line),
      ...toolFailures.filter((note) => note.level === "error").map((note) => `multitool: ${note.message.text}`),
    ],
    warnings: aboutLog.filter((finding) => finding.level === "warning").map((finding) => finding.line),
  };
}

