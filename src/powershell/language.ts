/** PowerShell as an ESLint language (`wua/powershell`), parsed by the plugin's own parser. */
import { ScriptLanguage } from "../languages/script-language.js";
import { parse } from "./parser/index.js";
import type { ScriptAst } from "./parser/ast.js";
import { VISITOR_KEYS } from "./parser/visitor-keys.js";
import { PowerShellSourceCode } from "./source-code.js";

export const powershellLanguage = new ScriptLanguage<ScriptAst, PowerShellSourceCode>({
  visitorKeys: VISITOR_KEYS,
  parse: (text) => parse(text),
  createSourceCode: (text, ast) => new PowerShellSourceCode({ text, ast }),
});
