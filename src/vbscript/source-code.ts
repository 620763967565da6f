/** ESLint's view of a VBScript file: the shared script source code over VBScript's tree. */
import { ScriptSourceCode } from "../languages/script-source-code.js";
import { describeVBScriptProblem } from "./parse-problem.js";
import type { Comment, Node, ProgramAst } from "./parser/ast.js";
import { forEachChild } from "./parser/children.js";

export class VBScriptSourceCode extends ScriptSourceCode<ProgramAst, Node, Comment> {
  constructor({ text, ast }: { text: string; ast: ProgramAst }) {
    super({ text, ast, comments: ast.comments, forEachChild, describeProblem: (source, lineOf) => describeVBScriptProblem(source, ast, lineOf) });
  }
}
