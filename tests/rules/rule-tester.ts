import { RuleTester } from "@typescript-eslint/rule-tester";
import * as espree from "espree";

/** Windows Script Host JScript: classic scripts, parsed by espree as ESLint does by default. */
export const scriptTester = new RuleTester({
  languageOptions: { parser: espree as never, ecmaVersion: "latest", sourceType: "script" },
});

/** TypeScript through @typescript-eslint/parser (the tester's default). */
export const typescriptTester = new RuleTester();
