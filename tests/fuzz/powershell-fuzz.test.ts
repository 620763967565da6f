/**
 * Fuzzing the PowerShell side: random WUA-shaped PowerShell programs, and truncated and mutated
 * copies of them, linted with the strict config through the real Linter. No rule may throw, no file
 * may be refused (valid or broken, no message is fatal but ESLint's own for a malformed `# eslint`
 * configuration comment), no place is reported twice by one rule,
 * no suggestion's output has more parse errors than the input had, every report is inside the file,
 * and the message for a file that could not be read reaches the last line it lists.
 * A short run is part of `npm test`; FUZZ_COUNT=100000 for a long one, FUZZ_SEED=n to replay one
 * program (FUZZ_FIRST=n starts a long run elsewhere).
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import wua from "../../src/index.js";
import { parse } from "../../src/powershell/parser/index.js";
import { generatePowerShellProgram } from "./powershell-generator.js";

const COUNT = Number(process.env["FUZZ_COUNT"] ?? 1500);
const FIRST_SEED = Number(process.env["FUZZ_SEED"] ?? process.env["FUZZ_FIRST"] ?? 1);
const LAST_SEED = process.env["FUZZ_SEED"] ? FIRST_SEED : FIRST_SEED + COUNT - 1;

const config: Linter.Config[] = [...(wua.configs.strict as Linter.Config[])];

/** The parse errors in the parser's reading of `code`. */
function errorNodeCount(code: string): number {
  return parse(code).errors.length;
}

/**
 * ESLint itself marks a malformed `eslint` configuration comment fatal (as it does in JavaScript:
 * `/* eslint rule: off } *\/`), and still lints the file: not a refusal by the language.
 */
function onConfigComment(code: string, message: Linter.LintMessage): boolean {
  const line = lines(code)[message.line - 1] ?? "";
  return /^(?:#|<#)\s*eslint(?:\s|$)/u.test(line.slice(message.column - 1));
}

/** The lines as the language counts them: CRLF, LF and a lone CR end a line. */
function lines(code: string): string[] {
  return code.split(/\r\n|[\r\n]/u);
}

/** What is wrong with linting `code`, if anything, and how many rule reports it got. */
function fuzzOne(code: string, linter: Linter): { problem?: string; reports: number; suggestions: number } {
  let messages: Linter.LintMessage[];
  try {
    messages = linter.verify(code, config, { filename: "fuzz.ps1" });
  } catch (error) {
    return { problem: `a rule threw: ${(error as Error).stack ?? String(error)}`, reports: 0, suggestions: 0 };
  }
  const fatal = messages.find((m) => m.fatal && !onConfigComment(code, m));
  if (fatal) return { problem: `the file was refused: ${fatal.message}`, reports: 0, suggestions: 0 };
  const lineCount = lines(code).length;
  const seen = new Set<string>();
  let errorsBefore: number | undefined;
  let reports = 0;
  let suggestions = 0;
  for (const message of messages) {
    const key = `${message.ruleId}@${message.line}:${message.column}`;
    const { line, column, endLine = line, endColumn = column } = message;
    if (line < 1 || column < 1 || endLine > lineCount || endLine < line || (endLine === line && endColumn < column)) {
      return { problem: `reported outside the file, or ending before it starts: ${key}-${endLine}:${endColumn}`, reports, suggestions };
    }
    if (message.ruleId === null) {
      // The file-level message says which lines could not be read: its range must reach the last.
      const listed = /could not read lines? ([\d–, and]+?) and did not/u.exec(message.message)?.[1];
      const last = listed === undefined ? 0 : Math.max(...(listed.match(/\d+/gu) ?? []).map(Number));
      if (last > endLine) return { problem: `the file's message lists line ${last} but ends on line ${endLine}: ${message.message}`, reports, suggestions };
      continue;
    }
    reports++;
    if (seen.has(key)) return { problem: `reported twice: ${key}`, reports, suggestions };
    seen.add(key);
    for (const suggestion of message.suggestions ?? []) {
      suggestions++;
      const [from, to] = suggestion.fix.range;
      const output = code.slice(0, from) + suggestion.fix.text + code.slice(to);
      errorsBefore ??= errorNodeCount(code);
      const errorsAfter = errorNodeCount(output);
      if (errorsAfter > errorsBefore) {
        return {
          problem: `the suggestion of ${key} adds parse errors (${errorsBefore} before, ${errorsAfter} after):\n--- output ---\n${output}`,
          reports,
          suggestions,
        };
      }
    }
  }
  return { reports, suggestions };
}

describe("PowerShell fuzzing", () => {
  it(`lints PowerShell programs ${FIRST_SEED}..${LAST_SEED} without a throw, a refusal, a broken suggestion or a double report`, () => {
    const linter = new Linter({ configType: "flat" });
    let reported = 0;
    let suggested = 0;
    for (let seed = FIRST_SEED; seed <= LAST_SEED; seed++) {
      const code = generatePowerShellProgram(seed);
      const { problem, reports, suggestions } = fuzzOne(code, linter);
      if (problem) {
        expect.fail(
          `seed ${seed} (replay: FUZZ_SEED=${seed} npx vitest run tests/fuzz/powershell-fuzz.test.ts): ${problem}\n--- program ---\n${code}`,
        );
      }
      reported += reports;
      suggested += suggestions;
    }
    // The generator must exercise the rules, not only produce broken code.
    if (LAST_SEED - FIRST_SEED > 100) {
      expect(reported).toBeGreaterThan((LAST_SEED - FIRST_SEED) / 4);
      // ... and their suggestions, whose output is checked above.
      expect(suggested).toBeGreaterThan((LAST_SEED - FIRST_SEED) / 20);
    }
  }, Math.max(60_000, (LAST_SEED - FIRST_SEED + 1) * 50));
});
