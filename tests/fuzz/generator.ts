/**
 * Random programs for the fuzz test, biased towards WUA-shaped code: sessions created here and on
 * other computers, member chains over the real object model, collections, reassignments, functions,
 * callbacks and properties, mixed with eslump's random JavaScript. Deterministic for a seed.
 */
import { generateRandomJS } from "eslump";
import { seeded } from "../../scripts/seeded-random.mjs";
import { interfaces } from "../../src/data/object-model.js";

type Random = () => number;

const MEMBER_NAMES = [...new Set(Object.values(interfaces).flatMap((iface) => Object.keys(iface.members)))];
const PROG_IDS = ["Microsoft.Update.Session", "Microsoft.Update.Searcher", "Microsoft.Update.AutoUpdate", "Microsoft.Update.ServiceManager", "Microsoft.Update.SystemInfo", "Microsoft.Update.Installer", "Microsoft.Update.UpdateColl", "microsoft.update.session.1", "WScript.Network", "Scripting.FileSystemObject"];
const LOCATIONS = ['"SRV-01"', '"."', '"localhost"', '""', "null", "host", "WScript.Arguments(0)", "/* where */ \"SRV-02\"", "...hosts", '"SRV" + n', "net.ComputerName", "getHost()"];
const VARIABLES = ["s", "t", "u", "r", "c", "e", "x", "list", "obj", "host"];

class Builder {
  private depth = 0;
  constructor(private readonly random: Random) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  member(): string {
    const name = this.pick(MEMBER_NAMES);
    return this.chance(0.1) ? name.toLowerCase() : name;
  }

  creation(): string {
    const progId = this.pick(PROG_IDS);
    const how = this.random();
    if (how < 0.15) return `WScript.CreateObject("${progId}")`;
    if (how < 0.25) return `new ActiveXObject("${progId}")`;
    return `new ActiveXObject("${progId}", ${this.pick(LOCATIONS)})`;
  }

  expression(): string {
    if (this.depth > 4) return this.pick(VARIABLES);
    this.depth++;
    try {
      const v = this.pick(VARIABLES);
      switch (Math.floor(this.random() * 16)) {
        case 0: return this.creation();
        case 1: return `${v}.${this.member()}(${this.args()})`;
        case 2: return `${v}.${this.member()}`;
        case 3: return `${v}[${this.chance(0.5) ? "0" : `"${this.member()}"`}]`;
        case 4: return `${v}(i)`;
        case 5: return `new Enumerator(${this.expression()}).item()`;
        case 6: return `${this.pick(VARIABLES)} ? ${this.expression()} : ${this.expression()}`;
        case 7: return `${v} || ${this.expression()}`;
        case 8: return `[${this.expression()}, ${v}]`;
        case 9: return `{ k: ${this.expression()} }`;
        case 10: return `f(${this.expression()})`;
        case 11: return `(function (p) { return p.${this.member()}; })(${v})`;
        case 12: return `${v}?.${this.member()}?.()`;
        case 13: return `obj.k`;
        case 14: return `(${v} = ${this.expression()})`;
        default: return v;
      }
    } finally {
      this.depth--;
    }
  }

  args(): string {
    const count = Math.floor(this.random() * 4);
    return Array.from({ length: count }, () => (this.chance(0.3) ? '""' : this.chance(0.5) ? this.pick(VARIABLES) : this.expression())).join(", ");
  }

  statement(): string {
    if (this.depth > 3) return `${this.pick(VARIABLES)}.${this.member()}();`;
    this.depth++;
    try {
      const v = this.pick(VARIABLES);
      switch (Math.floor(this.random() * 25)) {
        case 0: return `var ${v} = ${this.creation()};`;
        case 1: return `${v} = ${this.expression()};`;
        case 2: return `${v}.${this.member()}(${this.args()});`;
        case 3: return `${v}.${this.member()} = ${this.expression()};`;
        case 4: return `var { ${this.member()}: ${v} } = ${this.expression()};`;
        case 5: return `function f(${v}, q) { ${this.block()} return ${this.expression()}; }`;
        case 6: return `if (${v}) { ${this.block()} } else { ${this.block()} }`;
        case 7: return `for (var i = 0; i < ${v}.Count; i++) { ${this.block()} }`;
        case 8: return `for (var e = new Enumerator(${v}); !e.atEnd(); e.moveNext()) { var x = e.item(); ${this.block()} }`;
        case 9: return `for (var x of ${v}) { ${this.block()} }`;
        case 10: return `list.push(${this.expression()}); list.forEach(function (x) { ${this.block()} });`;
        case 11: return `obj.k = ${this.expression()}; obj.k.${this.member()}();`;
        case 12: return `function P(a) { this.k = a; } P.prototype.m = function () { this.k.${this.member()}(); }; new P(${v}).m();`;
        case 13: return `f.call(null, ${this.expression()}); f.apply(null, [${v}]);`;
        case 14: return `while (${v}) { ${this.block()} break; }`;
        case 15: return `try { ${this.block()} } catch (err) { ${v} = null; }`;
        case 16: return `var [${v}, q = ${this.expression()}] = [${this.expression()}, ...list]; [${v}] = f(${v});`;
        case 17: return `obj = Object.assign({}, obj, { k: ${this.expression()} }, ...list); obj = { ...obj, k: ${v} }; obj.k.${this.member()}();`;
        case 18: return `var g = f.bind(${v}, ${this.expression()}); g(${this.args()}); [${v}].forEach(g);`;
        case 19: return `function w(h, cb) { cb.call(null, new ActiveXObject("Microsoft.Update.Session", h)); } w(${this.pick(LOCATIONS)}, function (${v}) { ${this.block()} });`;
        case 20: return `var o2 = { get k() { return ${this.expression()}; } }; Object.defineProperty(obj, "k", { get: function () { return ${v}; } }); o2.k.${this.member()}();`;
        case 21: return `function h() { this.${this.member()}(); return this; } h.call(${v}).${this.member()}(); h.apply(${this.expression()}, list);`;
        case 22: return `function g1(a) { return g2(a); } function g2(b) { return g1(b) || b; } g1(${v}).${this.member()}();`;
        case 23: return `${v} = new ActiveXObject(["Microsoft", "Update", "Session"].join("."), ${this.pick(LOCATIONS)}); obj.k = ${v}; obj.k = null; obj.k.${this.member()}();`;
        default: return `${v}++;`;
      }
    } finally {
      this.depth--;
    }
  }

  block(): string {
    const count = 1 + Math.floor(this.random() * 3);
    return Array.from({ length: count }, () => this.statement()).join(" ");
  }
}

/** A program for `seed`: WUA-shaped statements, sometimes around a random eslump program. */
export function generateProgram(seed: number): string {
  const random = seeded(seed);
  const builder = new Builder(random);
  const lines: string[] = [];
  if (builder.chance(0.1)) lines.push("// wua-remote");
  lines.push("var list = [], obj = {}, hosts = [], n = 1, net = new ActiveXObject(\"WScript.Network\");");
  // Start from objects a real script would hold, so that most programs reach the rules.
  lines.push(`var s = new ActiveXObject("Microsoft.Update.Session", ${builder.pick(LOCATIONS)}), u = s.CreateUpdateSearcher().Search("IsInstalled=0").Updates, t = u.Item(0);`);
  const count = 3 + Math.floor(random() * 12);
  for (let i = 0; i < count; i++) lines.push(builder.statement());
  if (builder.chance(0.2)) lines.push(randomJavaScript(random));
  return lines.join(builder.chance(0.1) ? "\r\n" : "\n");
}

/** eslump's random JavaScript, made reproducible by feeding it the seeded generator. */
function randomJavaScript(random: Random): string {
  const original = Math.random;
  Math.random = random;
  try {
    return generateRandomJS({ sourceType: "script", maxDepth: 5, comments: false, whitespace: false });
  } finally {
    Math.random = original;
  }
}
