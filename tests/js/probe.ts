/**
 * Asks the real analysis, inside a real ESLint run, what it knows of each `probe(expr)` argument.
 */
import tsParser from "@typescript-eslint/parser";
import type { TSESTree } from "@typescript-eslint/utils";
import { Linter, type Rule } from "eslint";
import * as espree from "espree";
import { withFileAnalysis } from "../../src/js/analysis.js";
import type { Value } from "../../src/js/values.js";

export interface Probed {
  kind: Value["kind"];
  views?: readonly string[];
  remote?: boolean;
  origins?: readonly string[];
}

function describe(value: Value): Probed {
  if (value.kind !== "wua") return { kind: value.kind };
  return {
    kind: "wua",
    views: value.views,
    remote: value.origins.length > 0,
    origins: value.origins.map((o) => o.description),
  };
}

export function probe(
  code: string,
  options: { typescript?: boolean; module?: boolean; settings?: Record<string, unknown> } = {},
): Probed[] {
  const results: Probed[] = [];
  const probeRule: Rule.RuleModule = {
    meta: { type: "problem", schema: [] },
    create(context) {
      const probes: TSESTree.CallExpressionArgument[] = [];
      const analysed = withFileAnalysis(context as never, (analysis) => {
        for (const argument of probes) results.push(describe(analysis.valueOf(argument)));
      });
      return {
        ...analysed,
        CallExpression(node) {
          (analysed.CallExpression as ((node: unknown) => void) | undefined)?.(node);
          const call = node as unknown as TSESTree.CallExpression;
          if (call.callee.type !== "Identifier" || call.callee.name !== "probe") return;
          const [argument] = call.arguments;
          if (argument) probes.push(argument);
        },
      } as Rule.RuleListener;
    },
  };
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(
    code,
    {
      files: ["**/*.js", "**/*.ts", "**/*.tsx"],
      plugins: { test: { rules: { probe: probeRule } } },
      languageOptions: options.typescript
        ? { parser: tsParser as unknown as Linter.Parser, sourceType: "module" }
        : { parser: espree, ecmaVersion: "latest", sourceType: options.module ? "module" : "script" },
      settings: options.settings ?? {},
      rules: { "test/probe": "error" },
    },
    { filename: options.typescript ? "probe.ts" : "probe.js" },
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  return results;
}

/** The single probe's value, in a short form: `IUpdateSession3 remote`, `none`, ... */
export function probeOne(code: string, options?: Parameters<typeof probe>[1]): string {
  const results = probe(code, options);
  if (results.length !== 1) throw new Error(`expected one probe, got ${results.length}`);
  const [value] = results;
  if (value!.kind !== "wua") return value!.kind;
  return `${value!.views!.join("|")} ${value!.remote ? "remote" : "local"}`;
}
