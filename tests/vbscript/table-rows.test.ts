/**
 * Every row of the remote-use table has a failing and a passing VBScript example, through the rule
 * that reports it, linted by ESLint's `Linter` with the plugin's `strict` config (the `wua/vbscript`
 * language, the plugin's parser and the rules as a user gets them).
 */
import { describe, expect, it } from "vitest";
import { remoteRows } from "../../src/data/remote-table.js";
import { located } from "../rules/row-cases.js";
import { applied, lintVBScript, parseErrors } from "./lint-vbscript.js";
import { vbscriptRowScenarios, type VBScriptRowScenario } from "./row-cases.js";

const title = (scenario: VBScriptRowScenario): string => {
  const marked = scenario.code.split("\n").find((line) => line.includes("▸")) ?? "";
  return `${scenario.rows.map((row) => `[${row}]`).join("")} ${scenario.origin}: ${marked.trim().replace("▸", "")}`;
};

describe("VBScript: every row of the table", () => {
  it("has a failing and a passing VBScript example, created on a named computer and in a file marked remote", () => {
    const rows = remoteRows.map((row) => row.id).sort();
    const byOrigin = (origin: VBScriptRowScenario["origin"]) =>
      [...new Set(vbscriptRowScenarios.filter((s) => s.origin === origin).flatMap((s) => s.rows))].sort();
    expect(byOrigin("location")).toEqual(rows);
    expect(byOrigin("marker")).toEqual(rows);
  });

  it("uses scripts that VBScript itself can run", () => {
    for (const scenario of vbscriptRowScenarios) {
      const { code } = located(scenario.code);
      for (const script of [code, scenario.local, scenario.allowedRemotely ?? "", scenario.suggested ?? ""]) expect(parseErrors(script), script).toEqual([]);
    }
  });
});

describe.each(vbscriptRowScenarios.map((scenario) => [title(scenario), scenario] as const))("%s", (_title, scenario) => {
  const { code, line, column } = located(scenario.code);

  it(`fails remotely: ${scenario.rule} reports ${scenario.messageId} at the mark`, () => {
    const messages = lintVBScript(code, { rule: scenario.rule });
    expect(messages.map((m) => `${m.ruleId}:${m.messageId}@${m.line}:${m.column}`)).toEqual([`wua/${scenario.rule}:${scenario.messageId}@${line}:${column}`]);
    const [message] = messages;
    expect(message!.message).toContain(scenario.mentions);
    expect(message!.message).toContain(scenario.becameRemote);
    expect(message!.message).toContain("0x80070005");
    expect(message!.message).toMatch(/See https:\/\/learn\.microsoft\.com\//u);
  });

  it("is reported once under the whole strict config", () => {
    expect(lintVBScript(code).filter((m) => m.ruleId === `wua/${scenario.rule}`)).toHaveLength(1);
  });

  if (scenario.suggested === null) {
    it("offers no suggestion", () => {
      expect(lintVBScript(code, { rule: scenario.rule })[0]?.suggestions ?? []).toEqual([]);
    });
  } else {
    const suggested = scenario.suggested;
    it("suggests creating the object here, by deleting the computer argument, leaving code that parses", () => {
      const suggestions = lintVBScript(code, { rule: scenario.rule })[0]?.suggestions ?? [];
      expect(suggestions.map((s) => s.messageId)).toEqual(["createLocally"]);
      const result = applied(code, suggestions[0]!);
      expect(result).toBe(suggested);
      expect(parseErrors(result)).toEqual([]);
      expect(lintVBScript(result, { rule: scenario.rule })).toEqual([]);
    });
  }

  it("passes with the object created here, under the whole strict config", () => {
    expect(lintVBScript(scenario.local)).toEqual([]);
  });

  if (scenario.allowedRemotely !== undefined) {
    const allowed = scenario.allowedRemotely;
    it("passes in the form a remote caller may use", () => {
      expect(lintVBScript(allowed, { rule: scenario.rule })).toEqual([]);
    });
  }
});
