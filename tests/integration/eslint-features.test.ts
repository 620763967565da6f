/** ESLint's own features with the plugin loaded: worker threads and the lint cache. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
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

function lintExamples(extra: string[]): { status: number | null; positions: string[]; stderr: string } {
  const run = spawnSync(process.execPath, [eslintBin, "--format", "json", ...extra, "examples"], { cwd: root, encoding: "utf8" });
  const results = JSON.parse(run.stdout) as JsonResult[];
  const positions = results
    .flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length)}:${m.line}:${m.column} ${m.ruleId}`))
    .sort();
  return { status: run.status, positions, stderr: run.stderr };
}

describe("eslint features", () => {
  const plain = lintExamples([]);

  it("reports the same problems with two worker threads", () => {
    const threaded = lintExamples(["--concurrency=2"]);
    expect(threaded.status).toBe(1);
    expect(threaded.positions).toEqual(plain.positions);
    expect(plain.positions.length).toBeGreaterThan(10);
  });

  it("works with --cache (the processors carry meta) and reports the same from the cache", () => {
    const cache = join(scratch, "cache");
    const first = lintExamples(["--cache", "--cache-location", cache]);
    expect(first.stderr).toBe("");
    expect(existsSync(cache)).toBe(true);
    const second = lintExamples(["--cache", "--cache-location", cache]);
    expect(first.positions).toEqual(plain.positions);
    expect(second.positions).toEqual(plain.positions);
  });
});
