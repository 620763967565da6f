// node bench/compare.mjs <build A>/index.js <build B>/index.js
// Lints the benchmark corpus with two builds of the plugin, file by file in alternation within one
// process, so that both meet the same machine noise; prints the wua rules' time of each (ESLint's
// `stats`) and B/A. How bench/README.md measured each change.
import { Linter } from "eslint";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { script } from "./corpus.mjs";

const paths = process.argv.slice(2, 4);
if (paths.length !== 2) {
  console.error("usage: node bench/compare.mjs <build A>/index.js <build B>/index.js");
  process.exit(2);
}
const builds = await Promise.all(paths.map((path) => import(pathToFileURL(resolve(path)).href)));
const configs = builds.map(({ default: plugin }) => [
  { languageOptions: { ecmaVersion: "latest", sourceType: "script" } },
  { plugins: { wua: plugin }, rules: Object.fromEntries(Object.keys(plugin.rules).map((rule) => [`wua/${rule}`, "error"])) },
]);
const corpus = Array.from({ length: Number(process.env.BENCH_FILES ?? 300) }, (_, i) => script(i + 1));
const linter = new Linter({ configType: "flat" });
const time = [0, 0];
const messages = [0, 0];
for (let pass = 0; pass < Number(process.env.BENCH_PASSES ?? 4); pass++) {
  for (const [index, text] of corpus.entries()) {
    // Alternate which build goes first, so that neither always runs on a warmer cache.
    for (const which of pass % 2 === 0 ? [0, 1] : [1, 0]) {
      const result = linter.verifyAndFix(text, configs[which], { filename: `bench-${index}.js`, stats: true, fix: false });
      messages[which] += result.messages.length;
      for (const timing of linter.getTimes().passes) {
        for (const ruleTime of Object.values(timing.rules ?? {})) time[which] += ruleTime.total;
      }
    }
  }
}
console.log(`A: ${time[0].toFixed(0)} ms, ${messages[0]} messages`);
console.log(`B: ${time[1].toFixed(0)} ms, ${messages[1]} messages`);
console.log(`B/A = ${(time[1] / time[0]).toFixed(3)}`);
