// npm run bench, PowerShell part: lints a generated PowerShell corpus in one process and prints,
// measured side by side in that run: a bare tree-sitter-powershell parse of the same files (wasm at
// full speed: the speed a grammar-based parser reaches), the plugin's own parser alone, the language's
// parse as ESLint times it (the parser and the source code), and the wua rules; then growth with file
// size, and one-file command-line runs of a .ps1 against a .js. No thresholds: bench/README.md has
// the targets.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Linter } from "eslint";
import plugin from "../dist/index.js";
import { parse } from "../dist/powershell/parser/index.js";
import { script } from "./corpus.mjs";
import { powershellGrowthFile, powershellScript } from "./powershell-corpus.mjs";
import { loadTreeSitter, parseWithTreeSitter } from "./tree-sitter-reference.mjs";

await loadTreeSitter({ fullSpeed: true });

const WUA_RULES = Object.keys(plugin.rules).map((name) => `wua/${name}`);
const linter = new Linter({ configType: "flat" });
const config = plugin.configs.strict;

function timed(texts, run) {
  const start = performance.now();
  for (const text of texts) run(text);
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

// Warm-up: JIT and wasm tiering out of the measurement.
for (let i = 0; i < 3; i++) {
  timed(corpus, parseWithTreeSitter);
  timed(corpus, parse);
}
lintAll(corpus.slice(0, 50));
const passes = Array.from({ length: PASSES }, () => ({ bare: timed(corpus, parseWithTreeSitter), parser: timed(corpus, parse), ...lintAll(corpus) }));
const byParse = passes.toSorted((a, b) => a.parse / a.bare - b.parse / b.bare);
const run = byParse[Math.floor(PASSES / 2)];

console.log(`\nPowerShell corpus: ${FILES} files, ${lineCount} lines, ${run.messages} messages; ${PASSES} passes, the median pass shown`);
console.log(`bare tree-sitter-powershell parse (wasm at full speed): ${ms(run.bare)}`);
console.log(`the plugin's parser alone: ${ms(run.parser)} = ${(run.parser / run.bare).toFixed(2)}x the bare tree-sitter parse`);
console.log(`language's parse (as ESLint times it): ${ms(run.parse)} = ${(run.parse / run.bare).toFixed(2)}x the bare tree-sitter parse (target: at most 0.5x)`);
console.log(`wua rules together: ${ms(run.wua)} = ${(run.wua / run.bare).toFixed(2)}x the bare tree-sitter parse (target: at most 0.2x)`);
console.log(`whole lint: ${ms(run.total)}`);
console.log(`  every pass, parse / bare: ${passes.map((p) => (p.parse / p.bare).toFixed(2)).join(", ")}`);
console.log(`  every pass, wua / bare: ${passes.map((p) => (p.wua / p.bare).toFixed(2)).join(", ")}`);

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
for (const g of growth) console.log(`  ${g.factor}x: ${g.lines} lines, wua ${g.wua.toFixed(1)} ms, parse ${g.parse.toFixed(1)} ms`);
console.log(
  `  wua 4x/1x = ${(growth[1].wua / growth[0].wua).toFixed(2)}, 16x/4x = ${(growth[2].wua / growth[1].wua).toFixed(2)}; ` +
    `parse 4x/1x = ${(growth[1].parse / growth[0].parse).toFixed(2)}, 16x/4x = ${(growth[2].parse / growth[1].parse).toFixed(2)}`,
);

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
      'export default [{ files: ["**/*.js"], languageOptions: { sourceType: "script" } }, ...wua.configs.recommended];',
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
  console.log(`one-file runs, start to exit, median of ${REPEATS} (target: a .ps1 no slower than a .js):`);
  for (const [name, js, ps] of rows) console.log(`  ${name}: .js ${ms(js)}, .ps1 ${ms(ps)}, .ps1/.js = ${(ps / js).toFixed(2)}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
// Optimised wasm code keeps V8's compiler threads busy after the last parse; do not wait for them.
process.exit(0);
