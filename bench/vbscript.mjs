// VBScript parser speed: our parser (dist/vbscript/parser) on a generated corpus of VBScript, against
// espree on the JScript equivalent of the same programs. One generator builds a small program model
// (procedures, assignments, `Set` and object creation, calls with and without parentheses, member
// chains, `If`/`ElseIf`/`Else`, `For`, `For Each`, `Do While`, `Select Case`, `With`, string
// concatenation, comments) and two printers emit it as VBScript and as JScript, so both parsers read
// the same program in their own language. Prints the median of several passes and the ratio
// (target: the VBScript parse takes no longer than espree's). Then the wua rules as ESLint times them
// on that corpus, and on a second one from the same model with members that fail remotely, where the
// analysis cannot be skipped (target: the wua rules at most a tenth of the parse).
//
//   npx tsc -p tsconfig.build.json
//   node bench/vbscript.mjs              # BENCH_VBS_LINES (default 120000), BENCH_PASSES (default 7)
import * as espree from "espree";
import { parse } from "../dist/vbscript/parser/index.js";
import { seeded } from "../scripts/seeded-random.mjs";

const TARGET_LINES = Number(process.env.BENCH_VBS_LINES ?? 120_000);
const PASSES = Number(process.env.BENCH_PASSES ?? 7);
const FILE_LINES = 400;

// --- the program model ---------------------------------------------------------------------------
// Expressions: { kind: "name", name } | { kind: "number", value } | { kind: "string", value }
//   | { kind: "member", object, name } | { kind: "call", callee, args } | { kind: "binary", op, left, right }
//   | { kind: "not", argument } | { kind: "create", progId, location }
// Statements: assign, set, call, if, for, forEach, doWhile, select, with, comment, exit-free bodies.
// Binary operators are named by meaning: add, sub, mul, concat, eq, ne, lt, gt, and, or.

/**
 * `reportable`: members some WUA interface refuses to a remote caller join the pool (none of the
 * default pool's members fails remotely on the interfaces the corpus reaches, so the wua rules can
 * tell that from the text and skip the analysis; this corpus keeps the analysis itself measured).
 */
function generator(random, reportable = false) {
  const pick = (items) => items[Math.floor(random() * items.length)];
  const names = ["strComputer", "objSession", "objSearcher", "colUpdates", "intCount", "strTitle", "objFile", "objShell", "arrItems", "intIndex", "strLine", "blnDone"];
  const members = ["Title", "Count", "Item", "Updates", "Name", "Value", "IsInstalled", "Identity", "UpdateID", "Path", "Size", "Description"];
  const methods = ["Search", "WriteLine", "Add", "Run", "Echo", "Close", "CreateUpdateSearcher", "OpenTextFile", "GetFolder", "Exists"];
  if (reportable) {
    members.push("IsHidden");
    methods.push("CreateUpdateInstaller", "AcceptEula", "QueryHistory");
  }
  const progIds = ["Microsoft.Update.Session", "Scripting.FileSystemObject", "WScript.Shell", "Microsoft.Update.UpdateColl"];
  const name = () => ({ kind: "name", name: pick(names) });

  function expression(depth) {
    const roll = random();
    if (depth > 2 || roll < 0.25) {
      const leaf = random();
      if (leaf < 0.4) return name();
      if (leaf < 0.7) return { kind: "number", value: Math.floor(random() * 1000) };
      return { kind: "string", value: pick(["IsInstalled=0", "Searching...", "C:\\Logs\\patch.log", "Done: ", ", "]) };
    }
    if (roll < 0.45) return { kind: "member", object: name(), name: pick(members) };
    if (roll < 0.6) return { kind: "call", callee: { kind: "member", object: name(), name: pick(methods) }, args: [expression(depth + 1)] };
    if (roll < 0.7) return { kind: "call", callee: { kind: "member", object: { kind: "member", object: name(), name: "Updates" }, name: "Item" }, args: [name()] };
    if (roll < 0.95) return { kind: "binary", op: pick(["add", "sub", "mul", "concat", "concat", "eq", "lt", "and"]), left: expression(depth + 1), right: expression(depth + 1) };
    return { kind: "not", argument: expression(depth + 1) };
  }

  function condition() {
    return { kind: "binary", op: pick(["eq", "ne", "lt", "gt", "and", "or"]), left: expression(2), right: expression(2) };
  }

  function statement(depth) {
    const roll = random();
    if (depth >= 2 || roll < 0.35) {
      const simple = random();
      if (simple < 0.3) return { kind: "assign", target: name(), value: expression(0) };
      if (simple < 0.45) return { kind: "set", target: name(), value: random() < 0.5 ? { kind: "create", progId: pick(progIds), location: random() < 0.3 ? name() : null } : { kind: "call", callee: { kind: "member", object: name(), name: pick(methods) }, args: [] } };
      if (simple < 0.75) return { kind: "call", callee: { kind: "member", object: name(), name: pick(methods) }, args: [expression(1), expression(2)].slice(0, 1 + Math.floor(random() * 2)) };
      if (simple < 0.85) return { kind: "assign", target: { kind: "member", object: name(), name: pick(members) }, value: expression(1) };
      return { kind: "comment", text: pick(["check the result", "next server", "log and go on", "the searcher is remote here"]) };
    }
    const body = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => statement(depth + 1));
    if (roll < 0.55) return { kind: "if", test: condition(), consequent: body(), elseIfs: random() < 0.3 ? [{ test: condition(), body: body() }] : [], alternate: random() < 0.5 ? body() : null };
    if (roll < 0.65) return { kind: "for", counter: "i" + depth, start: { kind: "number", value: 0 }, end: { kind: "binary", op: "sub", left: { kind: "member", object: name(), name: "Count" }, right: { kind: "number", value: 1 } }, body: body() };
    if (roll < 0.75) return { kind: "forEach", element: "objItem" + depth, collection: { kind: "member", object: name(), name: "Updates" }, body: body() };
    if (roll < 0.82) return { kind: "doWhile", test: condition(), body: body() };
    if (roll < 0.92) return { kind: "select", discriminant: name(), cases: [1, 2, 3].map((value) => ({ value, body: body() })), otherwise: body() };
    return { kind: "with", object: name(), body: [{ kind: "assign", target: { kind: "member", object: null, name: pick(members) }, value: expression(2) }, ...body()] };
  }

  function procedure(index) {
    return { kind: "function", name: `Process${index}`, params: ["server", "count"], body: Array.from({ length: 6 + Math.floor(random() * 6) }, () => statement(0)) };
  }
  return { procedure, statement };
}

// --- printers ------------------------------------------------------------------------------------

const VB_OPERATORS = { add: "+", sub: "-", mul: "*", concat: "&", eq: "=", ne: "<>", lt: "<", gt: ">", and: "And", or: "Or" };
const JS_OPERATORS = { add: "+", sub: "-", mul: "*", concat: "+", eq: "==", ne: "!=", lt: "<", gt: ">", and: "&&", or: "||" };

function vbExpression(e) {
  switch (e.kind) {
    case "name":
      return e.name;
    case "number":
      return String(e.value);
    case "string":
      return `"${e.value}"`;
    case "member":
      return `${e.object === null ? "" : vbExpression(e.object)}.${e.name}`;
    case "call":
      return `${vbExpression(e.callee)}(${e.args.map(vbExpression).join(", ")})`;
    case "binary":
      return `(${vbExpression(e.left)} ${VB_OPERATORS[e.op]} ${vbExpression(e.right)})`;
    case "not":
      return `Not ${vbExpression(e.argument)}`;
    case "create":
      return `CreateObject("${e.progId}"${e.location === null ? "" : `, ${vbExpression(e.location)}`})`;
  }
  throw new Error(e.kind);
}

function jsExpression(e, withObject = "withObject") {
  switch (e.kind) {
    case "name":
      return e.name;
    case "number":
      return String(e.value);
    case "string":
      return JSON.stringify(e.value);
    case "member":
      return `${e.object === null ? withObject : jsExpression(e.object)}.${e.name}`;
    case "call":
      return `${jsExpression(e.callee)}(${e.args.map((a) => jsExpression(a)).join(", ")})`;
    case "binary":
      return `(${jsExpression(e.left)} ${JS_OPERATORS[e.op]} ${jsExpression(e.right)})`;
    case "not":
      return `!${jsExpression(e.argument)}`;
    case "create":
      return `new ActiveXObject("${e.progId}"${e.location === null ? "" : `, ${jsExpression(e.location)}`})`;
  }
  throw new Error(e.kind);
}

function vbStatement(s, indent, out) {
  const pad = "    ".repeat(indent);
  const block = (body) => body.forEach((child) => vbStatement(child, indent + 1, out));
  switch (s.kind) {
    case "assign":
      out.push(`${pad}${vbExpression(s.target)} = ${vbExpression(s.value)}`);
      return;
    case "set":
      out.push(`${pad}Set ${vbExpression(s.target)} = ${vbExpression(s.value)}`);
      return;
    case "call":
      // Written as VBScript scripts write calls: no parentheses.
      out.push(`${pad}${vbExpression(s.callee)}${s.args.length > 0 ? " " + s.args.map(vbExpression).join(", ") : ""}`);
      return;
    case "comment":
      out.push(`${pad}' ${s.text}`);
      return;
    case "if":
      out.push(`${pad}If ${vbExpression(s.test)} Then`);
      block(s.consequent);
      for (const clause of s.elseIfs) {
        out.push(`${pad}ElseIf ${vbExpression(clause.test)} Then`);
        block(clause.body);
      }
      if (s.alternate !== null) {
        out.push(`${pad}Else`);
        block(s.alternate);
      }
      out.push(`${pad}End If`);
      return;
    case "for":
      out.push(`${pad}For ${s.counter} = ${vbExpression(s.start)} To ${vbExpression(s.end)}`);
      block(s.body);
      out.push(`${pad}Next`);
      return;
    case "forEach":
      out.push(`${pad}For Each ${s.element} In ${vbExpression(s.collection)}`);
      block(s.body);
      out.push(`${pad}Next`);
      return;
    case "doWhile":
      out.push(`${pad}Do While ${vbExpression(s.test)}`);
      block(s.body);
      out.push(`${pad}Loop`);
      return;
    case "select":
      out.push(`${pad}Select Case ${vbExpression(s.discriminant)}`);
      for (const clause of s.cases) {
        out.push(`${pad}    Case ${clause.value}`);
        clause.body.forEach((child) => vbStatement(child, indent + 2, out));
      }
      out.push(`${pad}    Case Else`);
      s.otherwise.forEach((child) => vbStatement(child, indent + 2, out));
      out.push(`${pad}End Select`);
      return;
    case "with":
      out.push(`${pad}With ${vbExpression(s.object)}`);
      block(s.body);
      out.push(`${pad}End With`);
      return;
  }
  throw new Error(s.kind);
}

function jsStatement(s, indent, out, withObject) {
  const pad = "    ".repeat(indent);
  const block = (body, inner = withObject) => body.forEach((child) => jsStatement(child, indent + 1, out, inner));
  const e = (expression) => jsExpression(expression, withObject);
  switch (s.kind) {
    case "assign":
    case "set":
      out.push(`${pad}${e(s.target)} = ${e(s.value)};`);
      return;
    case "call":
      out.push(`${pad}${e(s.callee)}(${s.args.map(e).join(", ")});`);
      return;
    case "comment":
      out.push(`${pad}// ${s.text}`);
      return;
    case "if":
      out.push(`${pad}if (${e(s.test)}) {`);
      block(s.consequent);
      for (const clause of s.elseIfs) {
        out.push(`${pad}} else if (${e(clause.test)}) {`);
        block(clause.body);
      }
      if (s.alternate !== null) {
        out.push(`${pad}} else {`);
        block(s.alternate);
      }
      out.push(`${pad}}`);
      return;
    case "for":
      out.push(`${pad}for (${s.counter} = ${e(s.start)}; ${s.counter} <= ${e(s.end)}; ${s.counter}++) {`);
      block(s.body);
      out.push(`${pad}}`);
      return;
    case "forEach":
      out.push(`${pad}for (var ${s.element}Enum = new Enumerator(${e(s.collection)}); !${s.element}Enum.atEnd(); ${s.element}Enum.moveNext()) {`);
      out.push(`${pad}    var ${s.element} = ${s.element}Enum.item();`);
      block(s.body);
      out.push(`${pad}}`);
      return;
    case "doWhile":
      out.push(`${pad}while (${e(s.test)}) {`);
      block(s.body);
      out.push(`${pad}}`);
      return;
    case "select":
      out.push(`${pad}switch (${e(s.discriminant)}) {`);
      for (const clause of s.cases) {
        out.push(`${pad}    case ${clause.value}:`);
        clause.body.forEach((child) => jsStatement(child, indent + 2, out, withObject));
        out.push(`${pad}        break;`);
      }
      out.push(`${pad}    default:`);
      s.otherwise.forEach((child) => jsStatement(child, indent + 2, out, withObject));
      out.push(`${pad}}`);
      return;
    case "with": {
      // JScript has `with`, but not in strict code: a variable reads the same.
      const inner = `with${indent}`;
      out.push(`${pad}var ${inner} = ${e(s.object)};`);
      out.push(`${pad}{`);
      block(s.body, inner);
      out.push(`${pad}}`);
      return;
    }
  }
  throw new Error(s.kind);
}

function programs(seed, reportable = false) {
  const random = seeded(seed);
  const { procedure } = generator(random, reportable);
  const vbFiles = [];
  const jsFiles = [];
  let vbLines = 0;
  let jsLines = 0;
  let index = 0;
  while (vbLines < TARGET_LINES) {
    const vb = ["Option Explicit", `Dim ${["strComputer", "objSession", "objSearcher", "colUpdates", "intCount", "strTitle", "objFile", "objShell", "arrItems", "intIndex", "strLine", "blnDone", "i0", "i1", "i2"].join(", ")}`];
    const js = [`var ${["strComputer", "objSession", "objSearcher", "colUpdates", "intCount", "strTitle", "objFile", "objShell", "arrItems", "intIndex", "strLine", "blnDone", "i0", "i1", "i2"].join(", ")};`];
    if (reportable) {
      // Objects created on strComputer are then remote (until a procedure assigns it something else).
      vb.push('strComputer = "SRV01"');
      js.push('strComputer = "SRV01";');
    }
    while (vb.length < FILE_LINES) {
      const unit = procedure(index++);
      vb.push(`Function ${unit.name}(${unit.params.join(", ")})`);
      js.push(`function ${unit.name}(${unit.params.join(", ")}) {`);
      for (const s of unit.body) {
        vbStatement(s, 1, vb);
        jsStatement(s, 1, js, "withObject");
      }
      vb.push(`    ${unit.name} = intCount`);
      js.push(`    return intCount;`);
      vb.push("End Function", "");
      js.push("}", "");
      vb.push(`${unit.name} strComputer, ${index}`);
      js.push(`${unit.name}(strComputer, ${index});`);
    }
    vbFiles.push(vb.join("\r\n"));
    jsFiles.push(js.join("\r\n"));
    vbLines += vb.length;
    jsLines += js.length;
  }
  return { vbFiles, jsFiles, vbLines, jsLines };
}

const { vbFiles, jsFiles, vbLines, jsLines } = programs(0x5eed);

// The corpus must be valid in both languages, or the comparison means nothing.
for (const text of vbFiles) {
  const errors = parse(text).errors;
  if (errors.length > 0) throw new Error(`generated VBScript does not parse: ${errors[0].message} at ${errors[0].loc.start.line}:${errors[0].loc.start.column}`);
}
const ESPREE_OPTIONS = { ecmaVersion: 5, sourceType: "script", range: true, loc: true, comment: true, tokens: true };
for (const text of jsFiles) espree.parse(text, ESPREE_OPTIONS);

function timed(files, run) {
  const start = performance.now();
  for (const text of files) run(text);
  return performance.now() - start;
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const parseVb = (text) => parse(text);
// ESLint asks espree for ranges, locations, comments and tokens: ours gives the same (tokens on demand).
const parseJs = (text) => espree.parse(text, ESPREE_OPTIONS);
for (let i = 0; i < 3; i++) {
  timed(vbFiles, parseVb);
  timed(jsFiles, parseJs);
}
// Also espree at its leanest (ranges only), and ours with the token list built, to bound the comparison.
const parseJsBare = (text) => espree.parse(text, { ecmaVersion: 5, sourceType: "script", range: true });
const parseVbWithTokens = (text) => parse(text).tokens;
const vbTimes = [];
const jsTimes = [];
const jsBareTimes = [];
const vbTokenTimes = [];
for (let pass = 0; pass < PASSES; pass++) {
  vbTimes.push(timed(vbFiles, parseVb));
  jsTimes.push(timed(jsFiles, parseJs));
  jsBareTimes.push(timed(jsFiles, parseJsBare));
  vbTokenTimes.push(timed(vbFiles, parseVbWithTokens));
}
const vb = median(vbTimes);
const js = median(jsTimes);
console.log(`\nVBScript corpus: ${vbFiles.length} files, ${vbLines} lines; the JScript equivalent: ${jsLines} lines; ${PASSES} passes, medians`);
console.log(`VBScript parser (ours): ${vb.toFixed(0)} ms`);
console.log(`espree on the JScript equivalent (ranges, locations, comments, tokens): ${js.toFixed(0)} ms`);
console.log(`ratio VBScript / espree: ${(vb / js).toFixed(2)} (target: at most 1.00)`);
console.log(`with the token list built: ${median(vbTokenTimes).toFixed(0)} ms; espree with ranges only: ${median(jsBareTimes).toFixed(0)} ms; ratio ${(median(vbTokenTimes) / median(jsBareTimes)).toFixed(2)}`);
console.log(`  every pass, ours: ${vbTimes.map((t) => t.toFixed(0)).join(", ")} ms; espree: ${jsTimes.map((t) => t.toFixed(0)).join(", ")} ms`);

// --- the wua rules on the same corpus, as ESLint times them --------------------------------------
// Linter's per-pass timing (stats: true) splits parse and rule time; the wua rules are compared with
// the parse of the same files in the same run (target: at most a tenth of it).
const { Linter } = await import("eslint");
const { default: plugin } = await import("../dist/index.js");
const WUA_RULES = Object.keys(plugin.rules).map((rule) => `wua/${rule}`);
const linter = new Linter({ configType: "flat" });
function lintCorpus(files = vbFiles) {
  let parseTime = 0;
  let wuaTime = 0;
  let messages = 0;
  for (const [index, text] of files.entries()) {
    messages += linter.verifyAndFix(text, plugin.configs.strict, { filename: `bench-${index}.vbs`, stats: true, fix: false }).messages.length;
    for (const pass of linter.getTimes().passes) {
      parseTime += pass.parse.total;
      for (const rule of WUA_RULES) wuaTime += pass.rules?.[rule]?.total ?? 0;
    }
  }
  return { parseTime, wuaTime, messages };
}
lintCorpus();
const lintPasses = Array.from({ length: PASSES }, lintCorpus);
const eslintParse = median(lintPasses.map((pass) => pass.parseTime));
const wua = median(lintPasses.map((pass) => pass.wuaTime));
console.log(`\nLinted with the strict config (${lintPasses[0].messages} messages per pass): parse as ESLint times it ${eslintParse.toFixed(0)} ms, wua rules ${wua.toFixed(0)} ms`);
console.log(`ratio wua rules / VBScript parse: ${(wua / eslintParse).toFixed(2)} (target: at most 0.10); wua rules / espree parse of the JScript equivalent: ${(wua / js).toFixed(2)}`);
console.log(`  every pass, wua / parse: ${lintPasses.map((pass) => (pass.wuaTime / pass.parseTime).toFixed(2)).join(", ")}`);

// The same program model with members that fail for a remote caller (and a remote computer name):
// here the analysis runs on every file, and reports.
const reporting = programs(0x5eed, true).vbFiles;
lintCorpus(reporting);
const reportingPasses = Array.from({ length: PASSES }, () => lintCorpus(reporting));
const reportingParse = median(reportingPasses.map((pass) => pass.parseTime));
const reportingWua = median(reportingPasses.map((pass) => pass.wuaTime));
console.log(`\nThe corpus with members that fail remotely (${reporting.length} files, ${reportingPasses[0].messages} messages per pass): parse ${reportingParse.toFixed(0)} ms, wua rules ${reportingWua.toFixed(0)} ms`);
console.log(`ratio wua rules / VBScript parse: ${(reportingWua / reportingParse).toFixed(2)}; wua rules / espree parse of the JScript equivalent of the first corpus: ${(reportingWua / js).toFixed(2)}`);
console.log(`  every pass, wua / parse: ${reportingPasses.map((pass) => (pass.wuaTime / pass.parseTime).toFixed(2)).join(", ")}`);
