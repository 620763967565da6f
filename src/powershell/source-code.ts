/** ESLint's view of a PowerShell file: the shared script source code over PowerShell's tree. */
import { ScriptSourceCode } from "../languages/script-source-code.js";
import { describeParseProblem } from "./parse-problem.js";
import type { Ast, Comment, ScriptAst } from "./parser/ast.js";
import { forEachChild } from "./parser/children.js";

export class PowerShellSourceCode extends ScriptSourceCode<ScriptAst, Ast, Comment> {
  constructor({ text, ast }: { text: string; ast: ScriptAst }) {
    super({ text, ast, comments: ast.comments, forEachChild, describeProblem: (source, lineOf) => describeParseProblem(source, ast, lineOf) });
  }
}
