/**
 * Where paths meet, the scalars a variable may hold (a computer name assigned in two branches) are
 * kept as a short choice, so that each can still be judged; beyond a few, nothing is known. Every
 * front end's values have a `scalar` and a `choice` kind; the rest of their kinds differ.
 */

export interface ScalarValue {
  readonly kind: "scalar";
  readonly value: string | number | boolean;
}

export interface ChoiceValue<Value> {
  readonly kind: "choice";
  readonly options: readonly Value[];
}

/** More branches than a script writes for one name: past this, the value is not known. */
const MAX_CHOICES = 8;

/** `a` or `b`, their options merged without repeats; `unknown` past the limit. */
export function choiceOf<Value extends { readonly kind: string }>(a: Value, b: Value, unknown: Value): Value {
  const options: Value[] = [];
  for (const option of [...optionsOf(a), ...optionsOf(b)]) {
    if (!options.some((known) => sameOption(known, option))) options.push(option);
  }
  if (options.length > MAX_CHOICES) return unknown;
  return options.length === 1 ? options[0]! : ({ kind: "choice", options } satisfies ChoiceValue<Value> as unknown as Value);
}

function optionsOf<Value extends { readonly kind: string }>(value: Value): readonly Value[] {
  return value.kind === "choice" ? (value as unknown as ChoiceValue<Value>).options : [value];
}

/** Scalars are the same option when equal; any other kind (`null`, this computer) is one option. */
function sameOption(a: { readonly kind: string }, b: { readonly kind: string }): boolean {
  if (a.kind === "scalar" && b.kind === "scalar") return (a as ScalarValue).value === (b as ScalarValue).value;
  return a.kind === b.kind && a.kind !== "scalar";
}
