// npm run bench, PowerShell part: lints a generated PowerShell corpus in one process and prints,
// measured side by side in that run, a bare tree-sitter parse of the same files (the floor), the
// language's parse as ESLint times it (tree-sitter, recovery of grammar gaps, the plain tree, the
// source code), and the wua rules; then growth with file size, and what one-file command-line runs
// cost for a .ps1 against a .js. No thresholds: see bench/README.md for the targets.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Linter } from "eslint";
import powershell from "../dist/powershell.js";
import { parseTree } from "../dist/powershell/parser.js";
import { powershellGrowthFile, powershellScript } from "./powershell-corpus.mjs";
import { script } from "./corpus.mjs";

const WUA_RULES = Object.keys(powershell.configs.strict[0].rules);
const linter = new Linter({ configType: "flat" });
const config = powershell.configs.strict;

function bareParse(texts) {
  const start = performance.now();
  for (const text of texts) parseTree(text).delete();
  return performance.now() - start;
}

function lintAll(texts) {
  const totals = { parse: 0, wua: 0, total: 0, messages: 0 };
  const start = performance.now();
  for (const [index, text] of texts.entries()) {
    totals.messages += linter.verifyAndFix(text, config, { filename: `bench-${index}.ps1`, stats: true, fix: false }).messages.length;
    for (const pass of linter.getTimes().passes) {
      totals.parse += pass.parse.total;
      for (const rule of WUA_RULES) totals.wua += pass.rules?.[rule]?.total ?? 0;
    }
  }
  totals.total = performance.now() - start;
  return totals;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (t) => `${t.toFixed(0)} ms`;

const FILES = Number(process.env.BENCH_FILES ?? 300);
const PASSES = Number(process.env.BENCH_PASSES ?? 5);
const corpus = Array.from({ length: FILES }, (_, i) => powershellScript(i + 1));
const lineCount = corpus.reduce((sum, text) => sum + text.split("\n").length, 0);

lintAll(corpus.slice(0, 20));
bareParse(corpus.slice(0, 20));
const passes = Array.from({ length: PASSES }, () => ({ bare: bareParse(corpus), ...lintAll(corpus) }));
const run = passes.toSorted((a, b) => a.parse / a.bare - b.parse / b.bare)[Math.floor(PASSES / 2)];

console.log(`\nPowerShell corpus: ${FILES} files, ${lineCount} lines, ${run.messages} messages; ${PASSES} passes, the median pass shown`);
console.log(`bare tree-sitter parse: ${ms(run.bare)}`);
console.log(`language's parse (as ESLint times it): ${ms(run.parse)} = ${(run.parse / run.bare).toFixed(2)}x the bare parse (target: at most 2x)`);
console.log(`wua rules together: ${ms(run.wua)} = ${((100 * run.wua) / run.parse).toFixed(1)}% of the language's parse (target: at most 10%)`);
console.log(`whole lint: ${ms(run.total)}`);
console.log(`  every pass, parse / bare: ${passes.map((p) => (p.parse / p.bare).toFixed(2)).join(", ")}`);
console.log(`  every pass, wua / parse: ${passes.map((p) => `${((100 * p.wua) / p.parse).toFixed(1)}%`).join(", ")}`);

const growth = [
  { factor: 1, repeats: 11 },
  { factor: 4, repeats: 7 },
  { factor: 16, repeats: 3 },
].map(({ factor, repeats }) => {
  const text = powershellGrowthFile(45 * factor);
  lintAll([text]);
  const times = Array.from({ length: repeats }, () => lintAll([text]));
  return { factor, lines: text.split("\n").length, wua: median(times.map((t) => t.wua)), parse: median(times.map((t) => t.parse)) };
});
console.log("growth with file size, median of repeated lints (target: linear, 4x the file at most about 4.6x the time):");
for (const g of growth) console.log(`  ${g.factor}x: ${g.lines} lines, wua ${g.wua.toFixed(1)} ms, parse ${ms(g.parse)}`);
console.log(`  wua 4x/1x = ${(growth[1].wua / growth[0].wua).toFixed(2)}, 16x/4x = ${(growth[2].wua / growth[1].wua).toFixed(2)}; parse 4x/1x = ${(growth[1].parse / growth[0].parse).toFixed(2)}`);

// One-file runs as a pre-commit hook makes them: a new Node process per file, start to exit.
const root = fileURLToPath(new URL("../", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "wua-bench-"));
try {
  writeFileSync(join(folder, "one.ps1"), powershellScript(1));
  writeFileSync(join(folder, "one.js"), script(1));
  writeFileSync(
    join(folder, "eslint.config.mjs"),
    [
      `import wua from ${JSON.stringify(join(root, "dist/index.js"))};`,
      `import wuaPowerShell from ${JSON.stringify(join(root, "dist/powershell.js"))};`,
      'export default [{ files: ["**/*.js"], languageOptions: { sourceType: "script" } }, ...wua.configs.recommended, ...wuaPowerShell.configs.recommended];',
    ].join("\n"),
  );
  const REPEATS = Number(process.env.BENCH_RUNS ?? 7);
  const timeRun = (args) => {
    const times = [];
    for (let i = 0; i < REPEATS; i++) {
      const start = performance.now();
      spawnSync(process.execPath, args, { cwd: folder, stdio: "ignore" });
      times.push(performance.now() - start);
    }
    return median(times);
  };
  const wuaLint = join(root, "dist/cli/wua-lint.js");
  const eslint = join(root, "node_modules/eslint/bin/eslint.js");
  const rows = [
    ["wua-lint", timeRun([wuaLint, "one.js"]), timeRun([wuaLint, "one.ps1"])],
    ["eslint", timeRun([eslint, "one.js"]), timeRun([eslint, "one.ps1"])],
  ];
  console.log(`one-file runs, start to exit, median of ${REPEATS} (target: .ps1 at most about 1.5x .js):`);
  for (const [name, js, ps] of rows) console.log(`  ${name}: .js ${ms(js)}, .ps1 ${ms(ps)}, .ps1/.js = ${(ps / js).toFixed(2)}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
