import { ESLintUtils } from "@typescript-eslint/utils";

export interface WuaRuleDocs {
  description: string;
}

export const DOCS_BASE = "https://github.com/eslint-plugin-wua/eslint-plugin-wua/blob/main/docs/rules/";

const createNamedRule = ESLintUtils.RuleCreator<WuaRuleDocs>((name) => `${DOCS_BASE}${name}.md`);

/**
 * RuleCreator's rule, except that a rule configured without options is handed its defaults from one
 * frozen copy: RuleCreator clones the defaults (with structuredClone) each time the rule is set up,
 * which is once per file.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  definition: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, WuaRuleDocs>>,
): ReturnType<typeof createNamedRule<Options, MessageIds>> {
  const rule = createNamedRule(definition);
  let defaults: Readonly<Options> | undefined;
  return {
    ...rule,
    create(context) {
      if (context.options.length > 0) return rule.create(context);
      defaults ??= deepFreeze(ESLintUtils.applyDefault<Options, Options>(definition.meta.defaultOptions ?? definition.defaultOptions ?? ([] as unknown as Options), null));
      return definition.create(context, defaults);
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
