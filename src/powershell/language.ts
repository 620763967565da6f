/**
 * PowerShell as an ESLint language (`languages` API). Every file that tree-sitter can read at all is
 * linted: the grammar has gaps where valid PowerShell comes back as ERROR nodes, so parse errors
 * never refuse a file; the analysis works on what the parser recovered.
 */
import type { PsProgram } from "./nodes.js";
import { parseWithRecovery } from "./recovery.js";
import { PowerShellSourceCode } from "./source-code.js";
import { convertTree } from "./tree.js";
import { VISITOR_KEYS } from "./visitor-keys.js";

export interface File {
  readonly body: string | Uint8Array;
  readonly path: string;
}

export const powershellLanguage = {
  fileType: "text" as const,
  lineStart: 1 as const,
  columnStart: 0 as const,
  nodeTypeKey: "type",
  visitorKeys: VISITOR_KEYS,
  defaultLanguageOptions: {},

  validateLanguageOptions(options: unknown): void {
    if (options !== undefined && (typeof options !== "object" || options === null)) {
      throw new TypeError("languageOptions must be an object");
    }
  },

  parse(file: File): { ok: true; ast: PsProgram } {
    const text = typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
    // tree-sitter-powershell takes a lone CR for a blank, where PowerShell ends the line: give it LF
    // there (same length, so every offset stays).
    const { tree, skipped, parsed, misread } = parseWithRecovery(text.includes("\r") ? text.replace(/\r(?!\n)/gu, "\n") : text);
    try {
      return { ok: true, ast: Object.assign(convertTree(tree, text, parsed), { skipped, misread }) };
    } finally {
      tree.delete();
    }
  },

  createSourceCode(file: File, parseResult: { ast: PsProgram }): PowerShellSourceCode {
    const text = typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
    return new PowerShellSourceCode({ text, ast: parseResult.ast });
  },
};
