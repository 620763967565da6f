/**
 * Every row of the remote-use table has a failing and a passing PowerShell example, through the rule
 * that reports it, linted by ESLint's `Linter` with the plugin's `strict` config (the
 * language, the real grammar and the rules as a user gets them).
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { remoteRows } from "../../src/data/remote-table.js";
import wua from "../../src/index.js";
import { located } from "../rules/row-cases.js";
import { powerShellRowScenarios, type PowerShellRowScenario } from "./row-cases.js";

const strict = wua.configs.strict as Linter.Config[];

/** The PowerShell config with only `rule` turned on (all of them when `rule` is omitted). */
function lint(code: string, rule?: PowerShellRowScenario["rule"]): Linter.LintMessage[] {
  const configs = rule === undefined ? strict : strict.map((config) => ({ ...config, rules: { [`wua/${rule}`]: "error" as const } }));
  return new Linter({ configType: "flat" }).verify(code, configs, { filename: "script.ps1" });
}

/** The text after applying one suggestion's edit. */
function applied(code: string, suggestion: Linter.LintSuggestion): string {
  const [start, end] = suggestion.fix.range;
  return code.slice(0, start) + suggestion.fix.text + code.slice(end);
}

const title = (scenario: PowerShellRowScenario): string => {
  const { code } = located(scenario.code);
  const marked = scenario.code.split("\n").find((line) => line.includes("▸")) ?? "";
  return `${scenario.rows.map((row) => `[${row}]`).join("")} ${scenario.origin}: ${marked.trim().replace("▸", "")}${code.includes("GetTypeFromProgID") && code.includes("CreateInstance($type)") ? " (type in a variable)" : ""}`;
};

describe("PowerShell: every row of the table", () => {
  it("has a failing and a passing PowerShell example, over DCOM and over Invoke-Command", () => {
    const rows = remoteRows.map((row) => row.id).sort();
    const byOrigin = (origin: PowerShellRowScenario["origin"]) =>
      [...new Set(powerShellRowScenarios.filter((s) => s.origin === origin).flatMap((s) => s.rows))].sort();
    expect(byOrigin("dcom")).toEqual(rows);
    expect(byOrigin("remoting")).toEqual(rows);
  });
});

describe.each(powerShellRowScenarios.map((scenario) => [title(scenario), scenario] as const))("%s", (_title, scenario) => {
  const { code, line, column } = located(scenario.code);

  it(`fails remotely: ${scenario.rule} reports ${scenario.messageId} at the mark`, () => {
    const messages = lint(code, scenario.rule);
    expect(messages.map((m) => `${m.ruleId}:${m.messageId}@${m.line}:${m.column}`)).toEqual([
      `wua/${scenario.rule}:${scenario.messageId}@${line}:${column}`,
    ]);
    const [message] = messages;
    expect(message!.message).toContain(scenario.mentions);
    expect(message!.message).toContain(scenario.becameRemote);
    expect(message!.message).toContain("0x80070005");
    expect(message!.message).toMatch(/See https:\/\/learn\.microsoft\.com\//u);
  });

  if (scenario.suggested === null) {
    it("offers no suggestion (nothing in the creation names the computer)", () => {
      expect(lint(code, scenario.rule)[0]?.suggestions ?? []).toEqual([]);
    });
  } else {
    const suggested = scenario.suggested;
    it("suggests creating the object here, by deleting the computer argument", () => {
      const suggestions = lint(code, scenario.rule)[0]?.suggestions ?? [];
      expect(suggestions.map((s) => s.messageId)).toEqual(["createLocally"]);
      expect(applied(code, suggestions[0]!)).toBe(suggested);
      expect(lint(suggested, scenario.rule)).toEqual([]);
    });
  }

  it("passes with the object created here, under the whole strict config", () => {
    expect(lint(scenario.local)).toEqual([]);
  });

  if (scenario.allowedRemotely !== undefined) {
    const allowed = scenario.allowedRemotely;
    it("passes in the form a remote caller may use", () => {
      expect(lint(allowed, scenario.rule)).toEqual([]);
    });
  }
});
