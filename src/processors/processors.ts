/**
 * ESLint processors for Windows Script Files and HTML Applications. Each job of a `.wsf` (each
 * `.hta` page) becomes one virtual file per language it holds, a `.js` for its JScript and a `.vbs`
 * for its VBScript, in which every character outside that language's script blocks is a space:
 * reports, fixes and suggestions keep the file's own offsets, so nothing is mapped back.
 */
import type { Linter } from "eslint";
import { looksMisreadUnicode, MISREAD_UNICODE_MESSAGE } from "../text/encoding.js";
import { findScriptBlocks, virtualText, type BlockLanguage, type ContainerKind, type ContainerProblem } from "./script-blocks.js";

const PROBLEM_SOURCE = "wua";

/** The extension that makes the plugin's configs read a virtual file in its language. */
const EXTENSIONS: Record<BlockLanguage, string> = { jscript: "js", vbscript: "vbs" };

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const char = text.charCodeAt(i);
    if (char === 10 || char === 0x2028 || char === 0x2029 || (char === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function toMessage(text: string, problem: ContainerProblem): Linter.LintMessage {
  const { line, column } = lineAndColumn(text, problem.offset);
  return { ruleId: null, severity: problem.severity, message: `${PROBLEM_SOURCE}: ${problem.message}`, line, column };
}

export function createProcessor(kind: ContainerKind, version: string): Linter.Processor {
  /** Problems found while splitting a file, handed from preprocess to postprocess. */
  const pending = new Map<string, Linter.LintMessage[]>();
  return {
    meta: { name: `eslint-plugin-wua/${kind}`, version },
    supportsAutofix: true,
    preprocess(text: string, filename: string) {
      // Misread UTF-16 has no tags to find: without this message the file would pass as clean.
      if (looksMisreadUnicode(text)) {
        pending.set(filename, [toMessage(text, { offset: 0, severity: 2, message: MISREAD_UNICODE_MESSAGE })]);
        return [];
      }
      const container = findScriptBlocks(text, kind);
      pending.set(filename, container.problems.map((problem) => toMessage(text, problem)));
      // ESLint names them `${index}_${filename}`: the first one (index 0) is the one that reports
      // mistakes in the configuration (see rules/configuration-problems.ts).
      return container.groups.map((group) => ({ text: virtualText(text, group), filename: `${group.name}.${EXTENSIONS[group.language]}` }));
    },
    postprocess(messages: Linter.LintMessage[][], filename: string) {
      const problems = pending.get(filename) ?? [];
      pending.delete(filename);
      return [...messages.flat(), ...problems].sort((a, b) => a.line - b.line || a.column - b.column);
    },
  };
}
