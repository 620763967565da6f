/** VBScript as an ESLint language (`wua/vbscript`), parsed by the plugin's own parser. */
import { ScriptLanguage } from "../languages/script-language.js";
import type { ProgramAst } from "./parser/ast.js";
import { parse, VISITOR_KEYS } from "./parser/index.js";
import { VBScriptSourceCode } from "./source-code.js";

export const vbscriptLanguage = new ScriptLanguage<ProgramAst, VBScriptSourceCode>({
  visitorKeys: VISITOR_KEYS,
  // In an HTML Application, `<!--` and `-->` lines inside a script block are comments.
  parse: (text, path) => parse(text, { html: /\.hta[\\/]/iu.test(path) }),
  createSourceCode: (text, ast) => new VBScriptSourceCode({ text, ast }),
});
