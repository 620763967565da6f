/**
 * ESLint processor for batch files (.bat, .cmd). A batch file that runs itself as VBScript is all
 * VBScript to cscript: it is handed over whole, unchanged, as one virtual `.vbs` file, so reports,
 * fixes and suggestions keep the file's own offsets. Any other batch file is handed over as nothing
 * and lints clean: batch is not a language the plugin reads.
 */
import type { Linter } from "eslint";
import { hasVBScriptLauncher } from "./vbscript-launcher.js";

export function createBatchProcessor(version: string): Linter.Processor {
  return {
    meta: { name: "eslint-plugin-wua/batch", version },
    supportsAutofix: true,
    preprocess(text: string) {
      return hasVBScriptLauncher(text) ? [{ text, filename: "hybrid.vbs" }] : [];
    },
    postprocess(messages: Linter.LintMessage[][]) {
      return messages.flat();
    },
  };
}
