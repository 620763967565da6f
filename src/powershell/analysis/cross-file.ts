/**
 * Code that travels between files: a worker script another file runs on other computers with
 * `Invoke-Command -FilePath`, and a library's function another file dot-sources or imports and sends
 * as `${function:Name}`. The senders are found among the PowerShell files under ESLint's working
 * directory (script-files.ts keeps that index bounded and cached); each sender is read once per version
 * by running the analysis on it with a recorder of what it sends.
 */
import path from "node:path";
import { localNamesOf, readWuaSettings } from "../../core/file-context.js";
import type { Ast, CommandAst, FunctionDefinitionAst, ScriptAst } from "../parser/ast.js";
import { forEachChild } from "../parser/children.js";
import { parse } from "../parser/index.js";
import { scriptFilesUnder, type ScriptFileReader } from "../workspace/script-files.js";
import type { SendRecorder } from "./interpreter-base.js";
import { Interpreter, type SentFromElsewhere } from "./functions.js";
import type { RemoteSession } from "./scope.js";
import { Scope } from "./scope.js";
import { factsOf, ScriptIndexer, type ScriptIndex } from "./script-index.js";

/** One `Invoke-Command` that sends code written elsewhere. */
interface Send {
  readonly line: number;
  /** How the command names the computers: `$servers`. */
  readonly target: string;
}

/** What one file sends; paths resolved from its folder, lower-cased for comparison. */
interface FileSends {
  readonly files: ReadonlyMap<string, Send>;
  readonly functions: ReadonlyMap<string, Send>;
  readonly libraries: ReadonlySet<string>;
}

/**
 * A file that sends code written elsewhere names Invoke-Command, and a script file (`.ps1`) or a
 * function (`${function:X}`). (Lookarounds rather than `\b`, which V8 runs many times slower under
 * the `iu` flags.)
 */
const MENTIONS_INVOKE_COMMAND = /invoke-command|(?<![\w-])icm(?![\w-])/iu;
const MENTIONS_CODE_ELSEWHERE = /\.ps[md]?1(?!\w)|function:/iu;
/** `Install-Worker.ps1` in `"$PSScriptRoot\Install-Worker.ps1"`, `.\Install-Worker.ps1`, `'Install-Worker.ps1'`. */
const SCRIPT_NAME = /([^\s'"`\\/(){}$,;:=]+)\.ps[md]?1(?!\w)/giu;
/** `Install-Updates` in `${function:Install-Updates}`, `$function:Install-Updates`. */
const FUNCTION_NAME = /function:([^\s'"`(){}$,;]+)/giu;

/**
 * A possible sender, with the script and function names it writes. It is analysed only when it
 * names a linted file (`Install-Worker.ps1`) or one of its functions (`function:Install-Updates`),
 * then its text is dropped: most possible senders send nothing a linted file is concerned with.
 */
interface PossibleSender {
  text: string;
  /** Lower-cased: `install-worker.ps1`'s name as `install-worker`, functions as `function:install-updates`. */
  readonly names: ReadonlySet<string>;
  sends?: FileSends | undefined;
}

const senders: ScriptFileReader<PossibleSender> = {
  mentions: (text) => MENTIONS_INVOKE_COMMAND.test(text) && MENTIONS_CODE_ELSEWHERE.test(text),
  read: (_file, text) => ({ text, names: namesIn(text) }),
};

function namesIn(text: string): ReadonlySet<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(SCRIPT_NAME)) names.add(match[1]!.toLowerCase());
  for (const match of text.matchAll(FUNCTION_NAME)) names.add(`function:${match[1]!.toLowerCase()}`);
  return names;
}

/**
 * Where other files under `cwd` send this file's code to other computers: the whole file, or some of
 * its functions. Undefined when none does (or the file is not one on disk under `cwd`).
 */
export function sentFromElsewhere(cwd: string, filename: string, definitions: ReadonlyMap<string, FunctionDefinitionAst>): SentFromElsewhere | undefined {
  const relative = path.relative(cwd, filename);
  if (!path.isAbsolute(filename) || relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  const self = normalized(filename);
  let file: RemoteSession | undefined;
  const functions = new Map<string, RemoteSession>();
  // A sender writes the file's name (`Install-Worker.ps1`) or `function:` and a function's name.
  const wanted = [path.parse(filename).name.toLowerCase(), ...[...definitions.keys()].map((key) => `function:${key}`)];
  for (const { sender, key, possible } of sendersByPath(cwd)) {
    if (key === self) continue;
    if (possible.text !== "") {
      if (!wanted.some((name) => possible.names.has(name))) continue;
      possible.sends = sendsOf(sender, possible.text);
      possible.text = "";
    }
    const sends = possible.sends;
    if (sends === undefined) continue;
    const senderName = path.relative(cwd, sender);
    const send = sends.files.get(self);
    if (send !== undefined && file === undefined) {
      file = session(`in ${path.basename(filename)}, which runs on ${send.target}: ${senderName} line ${send.line} sends it with Invoke-Command -FilePath`);
    }
    if (!sends.libraries.has(self)) continue;
    for (const [key, fnSend] of sends.functions) {
      const name = definitions.get(key)?.name;
      if (name === undefined || functions.has(key)) continue;
      functions.set(key, session(`in function ${name}, which runs on ${fnSend.target}: ${senderName} line ${fnSend.line} sends it with Invoke-Command as \${function:${name}}`));
    }
  }
  return file === undefined && functions.size === 0 ? undefined : { file, functions };
}

/** The index's possible senders in path order, sorted once per version of the index (it hands back the same map while nothing changed). */
const ordered = new WeakMap<ReadonlyMap<string, PossibleSender>, readonly { sender: string; key: string; possible: PossibleSender }[]>();

function sendersByPath(cwd: string): readonly { sender: string; key: string; possible: PossibleSender }[] {
  const index = scriptFilesUnder(cwd, senders);
  let list = ordered.get(index);
  if (list === undefined) {
    list = [...index].sort(([a], [b]) => a.localeCompare(b)).map(([sender, possible]) => ({ sender, key: normalized(sender), possible }));
    ordered.set(index, list);
  }
  return list;
}

/** The remote session of code sent from another file, whose sending command is not in this file's tree. */
function session(description: string): RemoteSession {
  return { command: {}, description };
}

/** What a sender file sends, by running the analysis on it with `$PSScriptRoot` known. */
function sendsOf(file: string, text: string): FileSends | undefined {
  const folder = path.dirname(file);
  const files = new Map<string, Send>();
  const functions = new Map<string, Send>();
  const libraries = new Set<string>();
  const sendAt = (command: CommandAst, target: string): Send => ({ line: command.loc.start.line, target });
  const recorder: SendRecorder = {
    file: (written, command, target) => {
      const resolved = resolveScriptPath(folder, written);
      if (resolved !== undefined && !files.has(resolved)) files.set(resolved, sendAt(command, target));
    },
    outsideFunction: (name, command, target) => {
      if (!functions.has(name)) functions.set(name, sendAt(command, target));
    },
    library: (written) => {
      const resolved = resolveScriptPath(folder, written);
      if (resolved !== undefined) libraries.add(resolved);
    },
  };
  try {
    const script = parse(text);
    const index = indexOf(script);
    // The sender's own configuration is not known here: the built-in names of this computer judge its targets.
    const facts = factsOf(script, text, index, { localNames: localNamesOf(readWuaSettings(undefined)), remoteFile: null });
    new Interpreter({ ...facts, scriptPath: file, sends: recorder }, new Scope(null)).run(script, index.leftovers);
  } catch {
    // A file the analysis cannot read sends nothing it knows of; linting it will say why.
    return undefined;
  }
  return files.size === 0 && functions.size === 0 ? undefined : { files, functions, libraries };
}

/** The index ESLint's walk collects for a linted file, collected here by a walk of our own. */
function indexOf(script: ScriptAst): ScriptIndex {
  const indexer = new ScriptIndexer();
  const listeners = indexer.listeners() as Record<string, ((node: Ast) => void) | undefined>;
  const visit = (node: Ast): void => {
    listeners[node.type]?.(node);
    forEachChild(node, visit);
  };
  visit(script);
  return indexer.index();
}

/**
 * A path as a script writes it (`$PSScriptRoot\worker.ps1`, `.\lib.ps1`, `lib\tools.psm1`), resolved
 * from the script's folder; undefined for a drive or network path, which names no file here.
 */
function resolveScriptPath(folder: string, written: string): string | undefined {
  const trimmed = written.trim();
  if (trimmed === "" || /^[a-z]:|^[\\/]{2}/iu.test(trimmed) || !/\.ps[md]?1$/iu.test(trimmed)) return undefined;
  return normalized(path.resolve(folder, trimmed.replace(/\\/gu, "/")));
}

/** Windows compares paths without case; scripts written there often spell a file's name differently. */
function normalized(file: string): string {
  return path.resolve(file).toLowerCase();
}
