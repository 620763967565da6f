/**
 * ESLint's own features with the plugin loaded: worker threads and the lint cache, on the examples
 * (JavaScript, TypeScript, `.wsf`, `.hta`, and PowerShell `.ps1`/`.psm1` through the plugin's
 * language, as the repository's eslint.config.js configures them).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const eslintBin = join(root, "node_modules/eslint/bin/eslint.js");
const scratch = mkdtempSync(join(tmpdir(), "wua-features-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number }[];
}

function lint(extra: string[], targets = ["examples"]): { status: number | null; positions: string[]; stderr: string } {
  const run = spawnSync(process.execPath, [eslintBin, "--format", "json", ...extra, ...targets], { cwd: root, encoding: "utf8" });
  const results = JSON.parse(run.stdout) as JsonResult[];
  const positions = results
    .flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length)}:${m.line}:${m.column} ${m.ruleId}`))
    .sort();
  return { status: run.status, positions, stderr: run.stderr };
}

/**
 * Standard error without ESLint's timing-based advice to run without threads (on few small files
 * the workers' start-up outweighs the work); anything else there is a failure.
 */
function unexpectedStderr(stderr: string): string {
  return stderr
    .split("\n")
    .filter((line) => line !== "" && !line.includes("ESLintPoorConcurrencyWarning") && !line.startsWith("(Use `node --trace-warnings"))
    .join("\n");
}

const powershellTargets = ["examples/**/*.ps1", "examples/**/*.psm1"];
const isPowerShell = (position: string): boolean => /\.psm?1:/u.test(position);

describe("eslint features", () => {
  const plain = lint([]);
  const plainPowerShell = lint([], powershellTargets);

  it("lints the PowerShell examples along with the others", () => {
    expect(plain.status).toBe(1);
    expect(plain.stderr).toBe("");
    expect(plainPowerShell.positions).toEqual(plain.positions.filter(isPowerShell));
    expect(plainPowerShell.positions).toEqual(
      expect.arrayContaining([
        "examples/remote/Get-PatchReport.ps1:43:29 wua/no-remote-ishidden-write",
        "examples/remote/Invoke-PatchRun.ps1:37:19 wua/no-remote-unavailable-interface",
        "examples/remote/Repair-AutomaticUpdates.ps1:17:21 wua/no-remote-unlisted-member",
        "examples/remote/UpdateServices.psm1:41:14 wua/no-remote-unavailable-member",
      ]),
    );
    expect(plain.positions.length).toBeGreaterThan(plainPowerShell.positions.length + 10);
  });

  it("reports the same problems with two worker threads", () => {
    const threaded = lint(["--concurrency=2"]);
    expect(threaded.status).toBe(1);
    expect(unexpectedStderr(threaded.stderr)).toBe("");
    expect(threaded.positions).toEqual(plain.positions);
    // Only PowerShell files: both workers load the grammar.
    const threadedPowerShell = lint(["--concurrency=2"], powershellTargets);
    expect(unexpectedStderr(threadedPowerShell.stderr)).toBe("");
    expect(threadedPowerShell.positions).toEqual(plainPowerShell.positions);
  });

  it("works with --cache (the processors and the PowerShell plugin carry meta) and reports the same from the cache", () => {
    const cache = join(scratch, "cache");
    const first = lint(["--cache", "--cache-location", cache]);
    expect(first.stderr).toBe("");
    expect(existsSync(cache)).toBe(true);
    // The PowerShell files' results are in the cache, not only the JavaScript ones.
    const cached = readFileSync(cache, "utf8");
    for (const file of ["Get-PatchReport.ps1", "Invoke-PatchRun.ps1", "Repair-AutomaticUpdates.ps1", "UpdateServices.psm1"]) {
      expect(cached).toContain(`examples/remote/${file}`);
    }
    const second = lint(["--cache", "--cache-location", cache]);
    expect(second.stderr).toBe("");
    expect(first.positions).toEqual(plain.positions);
    expect(second.positions).toEqual(plain.positions);
  });

  it("keeps the PowerShell reports with --cache and two worker threads together", () => {
    const cache = join(scratch, "cache-threads");
    const first = lint(["--cache", "--cache-location", cache, "--concurrency=2"], powershellTargets);
    const second = lint(["--cache", "--cache-location", cache, "--concurrency=2"], powershellTargets);
    expect(unexpectedStderr(first.stderr)).toBe("");
    expect(unexpectedStderr(second.stderr)).toBe("");
    expect(first.positions).toEqual(plainPowerShell.positions);
    expect(second.positions).toEqual(plainPowerShell.positions);
  });
});
