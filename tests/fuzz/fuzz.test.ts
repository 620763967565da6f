/**
 * Fuzzing: random programs linted with every rule; no rule may throw, every suggestion's output
 * must parse, and no node is reported twice by one rule. A short run is part of `npm test`;
 * FUZZ_COUNT=100000 for a long one, FUZZ_SEED=n to replay one program.
 */
import { Linter } from "eslint";
import * as espree from "espree";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { generateProgram } from "./generator.js";

const COUNT = Number(process.env["FUZZ_COUNT"] ?? 2000);
const FIRST_SEED = Number(process.env["FUZZ_SEED"] ?? 1);
const LAST_SEED = process.env["FUZZ_SEED"] ? FIRST_SEED : FIRST_SEED + COUNT - 1;

const config: Linter.Config[] = [
  { languageOptions: { ecmaVersion: "latest", sourceType: "script" } },
  ...(plugin.configs.strict as Linter.Config[]),
];

function parses(code: string): boolean {
  try {
    espree.parse(code, { ecmaVersion: "latest", sourceType: "script" });
    return true;
  } catch {
    return false;
  }
}

/** The plugin's reports on this program, or what is wrong with linting it. */
function fuzzOne(code: string, linter: Linter): { problem?: string; reports: number } {
  let messages: Linter.LintMessage[];
  try {
    messages = linter.verify(code, config, { filename: "fuzz.js" });
  } catch (error) {
    return { problem: `a rule threw: ${(error as Error).stack ?? String(error)}`, reports: 0 };
  }
  // ESLint's own parse error: nothing of ours ran.
  if (messages.some((m) => m.fatal)) return { reports: 0 };
  return { problem: checkMessages(code, messages), reports: messages.length };
}

function checkMessages(code: string, messages: readonly Linter.LintMessage[]): string | undefined {
  const seen = new Set<string>();
  for (const message of messages) {
    const key = `${message.ruleId}@${message.line}:${message.column}`;
    if (seen.has(key)) return `reported twice: ${key}`;
    seen.add(key);
    for (const suggestion of message.suggestions ?? []) {
      const output = code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]);
      if (!parses(output)) return `suggestion of ${key} leaves code that does not parse:\n${output}`;
    }
  }
  return undefined;
}

describe("fuzzing", () => {
  it(`lints programs ${FIRST_SEED}..${LAST_SEED} without a throw, a broken suggestion or a double report`, () => {
    const linter = new Linter({ configType: "flat" });
    let reported = 0;
    for (let seed = FIRST_SEED; seed <= LAST_SEED; seed++) {
      const code = generateProgram(seed);
      const { problem, reports } = fuzzOne(code, linter);
      if (problem) {
        expect.fail(`seed ${seed} (replay: FUZZ_SEED=${seed} npx vitest run tests/fuzz): ${problem}\n--- program ---\n${code}`);
      }
      reported += reports;
    }
    // The generator must exercise the rules, not only produce parse errors.
    if (LAST_SEED - FIRST_SEED > 100) expect(reported).toBeGreaterThan((LAST_SEED - FIRST_SEED) / 4);
  }, Math.max(60_000, (LAST_SEED - FIRST_SEED + 1) * 50));
});
