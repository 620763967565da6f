// npm run bench: lints a generated corpus in one process with ESLint's per-rule timing, and prints
// ratios measured side by side in the same run. No thresholds: see bench/README.md for the budget.
// The machine's own noise is large (shared virtual machines), so every figure is the median of
// several passes, and each pass's ratios are printed to show the spread.
import { Linter } from "eslint";
import plugin from "../dist/index.js";
import { growthFile, script } from "./corpus.mjs";

const WUA_RULES = Object.keys(plugin.rules).map((name) => `wua/${name}`);
const config = [
  { languageOptions: { ecmaVersion: "latest", sourceType: "script" } },
  { plugins: { wua: plugin }, rules: Object.fromEntries([...WUA_RULES.map((r) => [r, "error"]), ["no-unused-vars", "warn"]]) },
];
const linter = new Linter({ configType: "flat" });

function lintAll(texts) {
  const totals = { parse: 0, rules: {}, messages: 0 };
  for (const [index, text] of texts.entries()) {
    // verifyAndFix sets up ESLint's timing passes; fix: false keeps the text as it is.
    totals.messages += linter.verifyAndFix(text, config, { filename: `bench-${index}.js`, stats: true, fix: false }).messages.length;
    for (const pass of linter.getTimes().passes) {
      totals.parse += pass.parse.total;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) totals.rules[rule] = (totals.rules[rule] ?? 0) + time.total;
    }
  }
  totals.wua = WUA_RULES.reduce((sum, rule) => sum + (totals.rules[rule] ?? 0), 0);
  totals.unusedVars = totals.rules["no-unused-vars"] ?? 0;
  return totals;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`;
const ms = (t) => `${t.toFixed(0)} ms`;

const FILES = Number(process.env.BENCH_FILES ?? 300);
const PASSES = Number(process.env.BENCH_PASSES ?? 5);
const corpus = Array.from({ length: FILES }, (_, i) => script(i + 1));
const lineCount = corpus.reduce((sum, text) => sum + text.split("\n").length, 0);

lintAll(corpus.slice(0, 20)); // warm-up: JIT and module loading out of the measurement
const passes = Array.from({ length: PASSES }, () => lintAll(corpus));
// The pass whose wua share of parse time is the median one: its figures are printed together.
const run = passes.toSorted((a, b) => a.wua / a.parse - b.wua / b.parse)[Math.floor(PASSES / 2)];

console.log(`corpus: ${FILES} files, ${lineCount} lines, ${run.messages} messages; ${PASSES} passes, the median pass shown`);
console.log(`parse (with scope analysis): ${ms(run.parse)}`);
console.log(`wua rules together: ${ms(run.wua)} = ${pct(run.wua, run.parse)} of parse time (budget: at most 10%)`);
console.log(`no-unused-vars: ${ms(run.unusedVars)}; wua rules / no-unused-vars = ${(run.wua / run.unusedVars).toFixed(2)} (budget: at most 1)`);
console.log(`  every pass, wua / parse: ${passes.map((p) => pct(p.wua, p.parse)).join(", ")}`);
console.log(`  every pass, wua / no-unused-vars: ${passes.map((p) => (p.wua / p.unusedVars).toFixed(2)).join(", ")}`);
console.log("each wua rule's share of the wua time (the shared analysis is charged to the first rule that runs):");
for (const rule of WUA_RULES) console.log(`  ${rule}: ${pct(run.rules[rule] ?? 0, run.wua)}`);

// Each growth file is linted several times (after one warm-up) and the median taken: a single lint
// of the small file lasts a few milliseconds, where one garbage collection can double it.
const growth = [
  { factor: 1, repeats: 15 },
  { factor: 4, repeats: 9 },
  { factor: 16, repeats: 5 },
].map(({ factor, repeats }) => {
  const text = growthFile(45 * factor);
  lintAll([text]);
  const times = Array.from({ length: repeats }, () => lintAll([text]));
  return { factor, lines: text.split("\n").length, wua: median(times.map((t) => t.wua)), parse: median(times.map((t) => t.parse)) };
});
console.log("growth of the wua rules' time with file size, median of repeated lints (budget: 4x the file, at most about 4.6x the time):");
for (const g of growth) console.log(`  ${g.factor}x: ${g.lines} lines, wua ${g.wua.toFixed(1)} ms, parse ${ms(g.parse)}`);
console.log(`  4x/1x = ${(growth[1].wua / growth[0].wua).toFixed(2)}, 16x/4x = ${(growth[2].wua / growth[1].wua).toFixed(2)}, 16x/1x = ${(growth[2].wua / growth[0].wua).toFixed(2)}`);
console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
