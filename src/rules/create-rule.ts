import { ESLintUtils } from "@typescript-eslint/utils";

export interface WuaRuleDocs {
  description: string;
}

export const DOCS_BASE = "https://github.com/eslint-plugin-wua/eslint-plugin-wua/blob/main/docs/rules/";

export const createRule = ESLintUtils.RuleCreator<WuaRuleDocs>((name) => `${DOCS_BASE}${name}.md`);
