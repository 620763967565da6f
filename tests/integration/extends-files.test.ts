/**
 * What the README says about `files` on a block that `extends` the plugin's configs, checked with
 * the real ESLint and `defineConfig`: ESLint intersects the patterns, so a block narrowed to `.js`
 * loses `.wsf`, `.hta` and `.ps1`, and the documented pattern keeps every kind.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ESLint } from "eslint";
import { defineConfig } from "eslint/config";
import { afterAll, describe, expect, it } from "vitest";
import wua from "../../src/index.js";

const folder = mkdtempSync(join(tmpdir(), "wua-extends-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const JS = 'new ActiveXObject("Microsoft.Update.Session", "SRV").CreateUpdateInstaller();\n';
const FILES: Record<string, string> = {
  "scripts/a.js": JS,
  "scripts/b.wsf": `<job><script language="JScript">\n${JS}</script></job>\n`,
  "scripts/c.hta": `<html><script>\n${JS}</script></html>\n`,
  "scripts/d.ps1": '$s = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", "SRV"))\n$s.CreateUpdateInstaller()\n',
  "other/e.js": JS,
};
for (const [name, text] of Object.entries(FILES)) {
  mkdirSync(join(folder, name, ".."), { recursive: true });
  writeFileSync(join(folder, name), text);
}

async function filesWithFindings(config: ReturnType<typeof defineConfig>): Promise<string[]> {
  const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(Object.keys(FILES));
  return results
    .filter((result) => result.messages.some((m) => m.ruleId === "wua/no-remote-unavailable-member"))
    .map((result) => result.filePath.slice(folder.length + 1))
    .sort();
}

describe("files on a block that extends the plugin's config", () => {
  it("narrowed to .js, it leaves out .wsf, .hta and .ps1, as the README warns", async () => {
    expect(await filesWithFindings(defineConfig({ files: ["scripts/**/*.js"], extends: [wua.configs.recommended] }))).toEqual(["scripts/a.js"]);
  });

  it("naming every kind of file in the folder keeps them all, and only there", async () => {
    const config = defineConfig({ files: ["scripts/**/*.{js,wsf,hta,ps1,psm1}"], extends: [wua.configs.recommended] });
    expect(await filesWithFindings(config)).toEqual(["scripts/a.js", "scripts/b.wsf", "scripts/c.hta", "scripts/d.ps1"]);
  });
});
