/**
 * PowerShell as an ESLint language (`wua/powershell`), parsed by the plugin's own parser: synchronous,
 * so it lives in the main entry. Every file is linted: a file PowerShell cannot run gets one message
 * (see source-code.ts) and the rest of it is still checked.
 */
import { parse } from "./parser/index.js";
import type { ScriptAst } from "./parser/ast.js";
import { VISITOR_KEYS } from "./parser/visitor-keys.js";
import { PowerShellSourceCode } from "./source-code.js";

export interface File {
  readonly body: string | Uint8Array;
  readonly path: string;
}

export class PowerShellLanguage {
  readonly fileType = "text" as const;
  readonly lineStart = 1 as const;
  readonly columnStart = 0 as const;
  readonly nodeTypeKey = "type";
  readonly visitorKeys: Record<string, readonly string[]> = VISITOR_KEYS;
  readonly defaultLanguageOptions = {};

  validateLanguageOptions(options: unknown): void {
    if (options !== undefined && (typeof options !== "object" || options === null)) {
      throw new TypeError("languageOptions must be an object");
    }
  }

  parse(file: File): { ok: true; ast: ScriptAst } {
    return { ok: true, ast: parse(textOf(file)) };
  }

  createSourceCode(file: File, parseResult: { ast: ScriptAst }): PowerShellSourceCode {
    return new PowerShellSourceCode({ text: textOf(file), ast: parseResult.ast });
  }
}

function textOf(file: File): string {
  return typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
}

export const powershellLanguage = new PowerShellLanguage();
