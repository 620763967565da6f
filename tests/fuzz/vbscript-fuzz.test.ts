/**
 * Fuzzing the VBScript side: random WUA-shaped VBScript programs, and truncated and mutated copies of
 * them, linted as `fuzz.vbs` with the strict config through the real Linter. No rule may throw; no
 * file may be refused (valid or broken, no message is fatal but ESLint's own for a malformed
 * `' eslint` configuration comment); no place is reported twice by one rule; no suggestion's output
 * has more parse errors than the input had; every report is inside the file and covers what it names;
 * the message for a file VBScript would not run names the place it is reported at; the reports stay
 * the same when CRLF, LF or CR end the lines instead (one program in five). Before mutation a program
 * is VBScript that cscript compiles, and the parser must read it without an error. The generator
 * must not be trivial: over a run, the programs get findings from at least three wua rules, and
 * suggestions. A short run is part of `npm test`; FUZZ_COUNT=100000 for a long one, FUZZ_SEED=n to
 * replay one program (FUZZ_FIRST=n starts a long run elsewhere).
 */
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import wua from "../../src/index.js";
import { interfaces } from "../../src/data/object-model.js";
import { parse } from "../../src/vbscript/parser/index.js";
import { generateVBScriptCase } from "./vbscript-generator.js";

const COUNT = Number(process.env["FUZZ_COUNT"] ?? 3000);
const FIRST_SEED = Number(process.env["FUZZ_SEED"] ?? process.env["FUZZ_FIRST"] ?? 1);
const LAST_SEED = process.env["FUZZ_SEED"] ? FIRST_SEED : FIRST_SEED + COUNT - 1;
const REPLAY = "npx vitest run tests/fuzz/vbscript-fuzz.test.ts";

const config: Linter.Config[] = [...(wua.configs.strict as Linter.Config[])];
/** Default members (`Item`, `Title`, ...), reached without their name: `coll(i)`, `result.Updates(0)`. */
const DEFAULT_MEMBERS = new Set(
  Object.values(interfaces).flatMap((iface) =>
    Object.entries(iface.members).flatMap(([name, shape]) => ((shape as { isDefault?: boolean }).isDefault === true ? [name.toLowerCase()] : [])),
  ),
);
/** The plugin's rules, as reported (a directive naming an unknown `wua/` rule is reported under that name). */
const WUA_RULES = new Set(Object.keys(wua.rules).map((rule) => `wua/${rule}`));

/** The parse errors in the parser's reading of `code`. */
function parseErrorCount(code: string): number {
  return parse(code).errors.length;
}

/** The lines as the language counts them: CRLF, LF and a lone CR end a line. */
function lines(code: string): string[] {
  return code.split(/\r\n|[\r\n]/u);
}

/** Each line's length with its line end (a report may end in a line end, not past it). */
function lineSpans(code: string): number[] {
  return (code.match(/[^\r\n]*(?:\r\n|[\r\n]|$)/gu) ?? []).slice(0, lines(code).length).map((line) => line.length);
}

/**
 * ESLint itself marks a malformed `eslint` configuration comment fatal (as it does in JavaScript:
 * `/* eslint rule: off } *\/`), and still lints the file: not a refusal by the language. In VBScript
 * the comment starts with `'` or `Rem` (in any case).
 */
function onConfigComment(code: string, message: Linter.LintMessage): boolean {
  const line = lines(code)[message.line - 1] ?? "";
  return /^(?:'|rem(?=[\s'"]|$))\s*eslint(?:\s|$)/iu.test(line.slice(message.column - 1));
}

/** The offset of a 1-based line and column, given each line's length with its line end. */
function offsetOf(spans: readonly number[], line: number, column: number): number {
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += spans[i]!;
  return offset + column - 1;
}

/**
 * What a rule's report must cover: the member a member rule names (`IUpdate.AcceptEula fails ...`,
 * `Setting IUpdate.IsHidden fails ...`), or for a default member reached without its name the call
 * that reaches it (`coll(0)`); a creation for an interface refused outright; for the ignored
 * location, some text.
 */
function misplaced(code: string, spans: readonly number[], message: Linter.LintMessage): string | undefined {
  const { line, column, endLine = line, endColumn = column } = message;
  const text = code.slice(offsetOf(spans, line, column), offsetOf(spans, endLine, endColumn));
  if (text.trim() === "") return `an empty range (${JSON.stringify(text)})`;
  // Source text in a message is shortened to one line: two blanks in a row (outside a quoted string's
  // value), or an empty code span, are a name with nothing in it.
  if (/ {2}|``/u.test(message.message.replace(/"[^"]*"/gu, '""'))) return `${JSON.stringify(text)}, and its message quotes source text that is empty or starts with a blank (two blanks in a row, or \`\`)`;
  if (/\bundefined\b|\[object |\bNaN\b/u.test(message.message)) return `${JSON.stringify(text)}, and its message shows a value that is not text`;
  const member = /^(?:Setting )?\w+\.(\w+) /u.exec(message.message)?.[1];
  if (member !== undefined && text.replace(/^\[|\]$/gu, "").toLowerCase() !== member.toLowerCase()) {
    if (!(DEFAULT_MEMBERS.has(member.toLowerCase()) && /\)$/u.test(text))) return `${JSON.stringify(text)} for the member ${member}`;
  }
  if (message.messageId === "unavailableInterface" && !/createobject/iu.test(text)) return `${JSON.stringify(text)} for a creation`;
  return undefined;
}

interface Outcome {
  problem?: string;
  /** Rule ids that reported something (ESLint's messages about directives aside). */
  rules: Set<string>;
  suggestions: number;
}

/** What is wrong with linting `text`, if anything, and which rules reported. */
function fuzzOne(text: string, linter: Linter): Outcome {
  const rules = new Set<string>();
  let suggestions = 0;
  const fail = (problem: string): Outcome => ({ problem, rules, suggestions });
  let messages: Linter.LintMessage[];
  try {
    messages = linter.verify(text, config, { filename: "fuzz.vbs" });
  } catch (error) {
    return fail(`a rule threw: ${(error as Error).stack ?? String(error)}`);
  }
  // ESLint hands the language the text without its byte-order mark: locations and fix ranges are in that.
  const code = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const fatal = messages.find((m) => m.fatal && !onConfigComment(code, m));
  if (fatal) return fail(`the file was refused: ${fatal.message} (${fatal.line}:${fatal.column})`);
  const fileLines = lines(code);
  const spans = lineSpans(code);
  const seen = new Set<string>();
  let errorsBefore: number | undefined;
  for (const message of messages) {
    const key = `${message.ruleId}@${message.line}:${message.column}`;
    const { line, column, endLine = line, endColumn = column } = message;
    // Columns are 1-based: a report starts at most at its line's end, and ends at most after the line end.
    if (
      line < 1 || column < 1 || endLine > fileLines.length || endLine < line || (endLine === line && endColumn < column) ||
      column - 1 > fileLines[line - 1]!.length || endColumn - 1 > spans[endLine - 1]!
    ) {
      return fail(`reported outside the file, or ending before it starts: ${key}-${endLine}:${endColumn} (${message.message})`);
    }
    if (message.ruleId === null) {
      // The file's own message says where VBScript stops: that is where it is reported.
      const at = /^VBScript cannot run this file: .* at line (\d+), column (\d+)\./u.exec(message.message);
      if (at && (Number(at[1]) !== line || Number(at[2]) !== column)) {
        return fail(`the file's message names line ${at[1]}, column ${at[2]} but is reported at ${line}:${column}: ${message.message}`);
      }
      continue;
    }
    // A rule's own report has its message id; ESLint's word on an invalid `' eslint` comment has none.
    if (message.messageId !== undefined) {
      rules.add(message.ruleId);
      const wrong = misplaced(code, spans, message);
      if (wrong !== undefined) return fail(`${key} covers ${wrong}: ${message.message}`);
    }
    if (seen.has(key)) return fail(`reported twice: ${key} (${message.message})`);
    seen.add(key);
    for (const suggestion of message.suggestions ?? []) {
      suggestions++;
      const [from, to] = suggestion.fix.range;
      if (!(from >= 0 && from <= to && to <= code.length)) return fail(`the suggestion of ${key} replaces ${from}..${to}, outside the file`);
      const output = code.slice(0, from) + suggestion.fix.text + code.slice(to);
      errorsBefore ??= parseErrorCount(code);
      const errorsAfter = parseErrorCount(output);
      if (errorsAfter > errorsBefore) {
        return fail(`the suggestion of ${key} adds parse errors (${errorsBefore} before, ${errorsAfter} after):\n--- output ---\n${output}`);
      }
    }
  }
  return { rules, suggestions };
}

/**
 * The reports as compared across line ends: rule, place, message and suggestions. The file's own
 * message is compared by where it starts only: an error at a line's end is given the next character,
 * which is the line end, so its end is not the same with CRLF as with LF.
 */
function signature(messages: readonly Linter.LintMessage[]): string {
  return messages
    .map((m) => `${m.ruleId}@${m.line}:${m.column}${m.ruleId === null ? "" : `-${m.endLine}:${m.endColumn}`} ${m.message} [${(m.suggestions ?? []).map((s) => s.desc).join(" | ")}]`)
    .join("\n");
}

/** `code` with other line ends: CRLF, LF and a lone CR all end a line, so the reports must not change. */
function withOtherLineEnds(code: string, seed: number): string {
  const lf = code.replace(/\r\n|\r/gu, "\n");
  if (lf !== code) return lf;
  return lf.replace(/\n/gu, seed % 2 === 0 ? "\r\n" : "\r");
}

/** For one program in this many, the reports with other line ends are compared. */
const LINE_END_SAMPLE = 5;

describe("VBScript fuzzing", () => {
  it(`lints VBScript programs ${FIRST_SEED}..${LAST_SEED} without a throw, a refusal, a broken suggestion or a double report`, () => {
    const linter = new Linter({ configType: "flat" });
    const programsByRule = new Map<string, number>();
    let programsWithFindings = 0;
    let programsWithSuggestions = 0;
    const started = Date.now();
    for (let seed = FIRST_SEED; seed <= LAST_SEED; seed++) {
      const { clean, reshaped, code, mutated } = generateVBScriptCase(seed);
      // Before mutation a program is VBScript that cscript compiles (also once reshaped: split by
      // continuations, blank and comment lines, blanks, case): the parser must read it whole.
      for (const [what, program] of [["as generated", clean], ["reshaped", reshaped]] as const) {
        if (what === "reshaped" && program === clean) continue;
        const [first] = parse(program).errors;
        if (first !== undefined) {
          expect.fail(
            `seed ${seed} (replay: FUZZ_SEED=${seed} ${REPLAY}): the program ${what} is valid VBScript, but the parser reports ` +
              `"${first.message}" at ${first.loc.start.line}:${first.loc.start.column + 1}\n--- program ---\n${program}`,
          );
        }
      }
      const { problem, rules, suggestions } = fuzzOne(code, linter);
      if (problem) {
        expect.fail(`seed ${seed} (replay: FUZZ_SEED=${seed} ${REPLAY}): ${problem}\n--- program${mutated ? " (mutated)" : ""} ---\n${code}`);
      }
      if (seed % LINE_END_SAMPLE === 0 || FIRST_SEED === LAST_SEED) {
        const other = withOtherLineEnds(code, seed);
        const [before, after] = [code, other].map((text) => signature(linter.verify(text, config, { filename: "fuzz.vbs" })));
        if (before !== after) {
          expect.fail(
            `seed ${seed} (replay: FUZZ_SEED=${seed} ${REPLAY}): other line ends change the reports\n--- as generated ---\n${before}\n--- with ${JSON.stringify(other.match(/\r\n|[\r\n]/u)?.[0] ?? "")} ---\n${after}\n--- program ---\n${code}`,
          );
        }
      }
      for (const rule of rules) programsByRule.set(rule, (programsByRule.get(rule) ?? 0) + 1);
      if (rules.size > 0) programsWithFindings++;
      if (suggestions > 0) programsWithSuggestions++;
    }
    if (LAST_SEED > FIRST_SEED) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const byRule = [...programsByRule].filter(([rule]) => WUA_RULES.has(rule)).map(([rule, n]) => `${rule} ${n}`).join(", ");
      console.log(
        `VBScript fuzz: seeds ${FIRST_SEED}..${LAST_SEED} (${LAST_SEED - FIRST_SEED + 1} programs) in ${seconds} s; ` +
          `${programsWithFindings} with findings, ${programsWithSuggestions} with suggestions; programs per rule: ${byRule || "none"}`,
      );
    }
    // The generator must exercise the rules, not only produce broken code: findings of at least
    // three wua rules, and suggestions (whose output is checked above).
    if (LAST_SEED - FIRST_SEED > 100) {
      const wuaRules = [...programsByRule.keys()].filter((rule) => WUA_RULES.has(rule));
      expect(wuaRules.length, `wua rules with findings: ${wuaRules.join(", ") || "none"}`).toBeGreaterThanOrEqual(3);
      expect(programsWithFindings).toBeGreaterThan((LAST_SEED - FIRST_SEED) / 10);
      expect(programsWithSuggestions).toBeGreaterThan((LAST_SEED - FIRST_SEED) / 50);
    }
  }, Math.max(60_000, (LAST_SEED - FIRST_SEED + 1) * 50));
});
