import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import plugin from "../src/index.js";
import { rules } from "../src/rules/index.js";

const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  name: string;
  version: string;
};

describe("plugin object", () => {
  it("carries name, version and namespace in meta", () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: "wua" });
  });

  it("has exactly the five rules", () => {
    expect(Object.keys(plugin.rules).sort()).toEqual([
      "no-ignored-location",
      "no-remote-ishidden-write",
      "no-remote-unavailable-interface",
      "no-remote-unavailable-member",
      "no-remote-unlisted-member",
    ]);
  });

  it.each(Object.entries(rules))("%s has a doc URL, a schema, messages and default options", (name, rule) => {
    expect(rule.meta.docs?.url).toBe(`https://github.com/eslint-plugin-wua/eslint-plugin-wua/blob/main/docs/rules/${name}.md`);
    expect(rule.meta.docs?.description).toMatch(/^Disallow /u);
    expect(Array.isArray(rule.meta.schema)).toBe(true);
    expect(rule.meta.hasSuggestions).toBe(true);
    // The rules about remote objects offer to create the object locally; no-ignored-location's object is local already.
    if (name.startsWith("no-remote-")) expect(Object.keys(rule.meta.messages)).toContain("createLocally");
    expect(Array.isArray(rule.defaultOptions)).toBe(true);
    const docPage = readFileSync(new URL(`../docs/rules/${name}.md`, import.meta.url), "utf8");
    expect(docPage).toContain(`# wua/${name}`);
  });

  it("recommended turns on all rules but no-remote-unlisted-member as errors; strict all five", () => {
    const [recommended] = plugin.configs.recommended;
    expect(recommended!.name).toBe("wua/recommended");
    expect(recommended!.rules).toEqual({
      "wua/no-remote-unavailable-member": "error",
      "wua/no-remote-ishidden-write": "error",
      "wua/no-remote-unavailable-interface": "error",
      "wua/no-ignored-location": "error",
    });
    expect(recommended!.plugins?.["wua"]).toBe(plugin);
    const [strict] = plugin.configs.strict;
    expect(strict!.name).toBe("wua/strict");
    expect(Object.keys(strict!.rules ?? {})).toHaveLength(5);
  });

  it("splits .wsf, .hta and batch files with the plugin's processors, parses their JScript as scripts, and reads .ps1/.psm1 as PowerShell and .vbs (with the VBScript the processors hand over) as VBScript", () => {
    for (const configs of [plugin.configs.recommended, plugin.configs.strict]) {
      expect(configs.map((c) => [c.files, c.processor, c.languageOptions?.sourceType, c.language])).toEqual([
        [undefined, undefined, undefined, undefined],
        [["**/*.wsf"], "wua/wsf", undefined, undefined],
        [["**/*.hta"], "wua/hta", undefined, undefined],
        [["**/*.bat", "**/*.cmd"], "wua/batch", undefined, undefined],
        [["**/*.wsf/*.js", "**/*.hta/*.js"], undefined, "script", undefined],
        [["**/*.ps1", "**/*.psm1"], undefined, undefined, "wua/powershell"],
        [["**/*.vbs", "**/*.wsf/*.vbs", "**/*.hta/*.vbs", "**/*.bat/*.vbs", "**/*.cmd/*.vbs"], undefined, undefined, "wua/vbscript"],
      ]);
    }
    expect(plugin.languages.powershell).toBeDefined();
    expect(plugin.languages.vbscript).toBeDefined();
    expect(plugin.processors.batch.meta).toEqual({ name: "eslint-plugin-wua/batch", version: packageJson.version });
    expect(plugin.processors.wsf.meta).toEqual({ name: "eslint-plugin-wua/wsf", version: packageJson.version });
    expect(plugin.processors.hta.meta).toEqual({ name: "eslint-plugin-wua/hta", version: packageJson.version });
  });
});
