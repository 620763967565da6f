/** Every row of the table has a failing and a passing example, through the rule that reports it. */
import { describe } from "vitest";
import { noRemoteIshiddenWrite } from "../../src/rules/no-remote-ishidden-write.js";
import { noRemoteUnavailableInterface } from "../../src/rules/no-remote-unavailable-interface.js";
import { noRemoteUnavailableMember } from "../../src/rules/no-remote-unavailable-member.js";
import { located, rowScenarios, type RowScenario } from "./row-cases.js";
import { scriptTester } from "./rule-tester.js";

const rules = {
  "no-remote-unavailable-member": noRemoteUnavailableMember,
  "no-remote-ishidden-write": noRemoteIshiddenWrite,
  "no-remote-unavailable-interface": noRemoteUnavailableInterface,
};

function casesFor(rule: RowScenario["rule"]) {
  const scenarios = rowScenarios.filter((s) => s.rule === rule);
  return {
    valid: scenarios.map((s) => ({ name: `${s.rows.map((r) => `[${r}]`).join("")} passes: ${s.valid.split("\n").at(-1)}`, code: s.valid })),
    invalid: scenarios.map((s) => {
      const { code, line, column } = located(s.code);
      return {
        name: `${s.rows.map((r) => `[${r}]`).join("")} fails: ${code.split("\n").at(-1)}`,
        code,
        errors: [
          {
            messageId: s.messageId,
            line,
            column,
            suggestions: [{ messageId: "createLocally" as const, output: code.replace(', "SRV-01")', ")") }],
          },
        ],
      };
    }),
  };
}

describe("table rows", () => {
  scriptTester.run("no-remote-unavailable-member", rules["no-remote-unavailable-member"], casesFor("no-remote-unavailable-member") as never);
  scriptTester.run("no-remote-ishidden-write", rules["no-remote-ishidden-write"], casesFor("no-remote-ishidden-write") as never);
  scriptTester.run("no-remote-unavailable-interface", rules["no-remote-unavailable-interface"], casesFor("no-remote-unavailable-interface") as never);
});
