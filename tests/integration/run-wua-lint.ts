/** The built `wua-lint` command as a user runs it (`npm test` builds before Vitest runs). */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "dist/cli/wua-lint.js");

export interface WuaLintRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function wuaLint(args: string[], cwd = root): WuaLintRun {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
