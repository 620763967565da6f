/**
 * Whether a batch file (.bat, .cmd) runs itself as VBScript: a "hybrid" whose whole text is a
 * VBScript program, with the batch part hidden in lines VBScript reads as comments. cscript compiles
 * the whole file, so every line before the launch must be harmless VBScript; cmd runs those lines, so
 * one of them must start cscript or wscript with `//e:vbscript` on the file itself (`%~f0`, `%0`).
 * Anything else is an ordinary batch file, even one that writes VBScript lines into a temporary
 * `.vbs` with `echo`: those lines are data there, not code.
 *
 * The first lines it accepts, each as cmd and VBScript read it:
 * - `' 2>nul & @cscript //nologo //e:vbscript "%~f0" %* & exit /b`: cmd runs a command named `'`
 *   (which fails quietly) and then what follows `&`; VBScript sees a comment.
 * - `Rem^ &@cscript ...`: the escaped blank keeps cmd from reading a REM, so it runs what follows
 *   `&`; VBScript sees `Rem`, a comment.
 * - `Rem` followed by Ctrl+Z (U+001A) and a command: cmd runs the command; VBScript sees `Rem`.
 * - `::'@cscript ...` and `:'@cscript ...`: public hybrids rely on cmd running the text after the
 *   `'`; VBScript sees empty statements (`:`) and a comment.
 * Lines before the launch may also be blank, `Rem` comments, or comments of those forms.
 */

/** A hybrid's launch: the line (1-based) on which cmd starts the file again as VBScript. */
export interface VBScriptLauncher {
  readonly line: number;
}

/** How cmd and VBScript read one line of the file's preamble. */
interface PreambleLine {
  /** The text cmd runs as commands on this line; empty when it runs nothing. */
  readonly commands: string;
}

/** The launch of a batch file that runs itself as VBScript, or undefined for any other batch file. */
export function findVBScriptLauncher(text: string): VBScriptLauncher | undefined {
  let lineNumber = 0;
  for (const rawLine of linesOf(text.replace(/^\uFEFF/u, ""))) {
    lineNumber++;
    const line = readPreambleLine(rawLine);
    // A line VBScript would not compile: cscript could not run this file as VBScript.
    if (line === undefined) return undefined;
    if (launchesThisFileAsVBScript(line.commands)) return { line: lineNumber };
  }
  return undefined;
}

/** The lines one by one: most batch files stop being a preamble on their first line. */
function* linesOf(text: string): Generator<string> {
  const lineContent = /[^\r\n]*/uy;
  let start = 0;
  for (;;) {
    lineContent.lastIndex = start;
    lineContent.exec(text);
    const end = lineContent.lastIndex;
    yield text.slice(start, end);
    if (end === text.length) return;
    start = end + (text.startsWith("\r\n", end) ? 2 : 1);
  }
}

export function hasVBScriptLauncher(text: string): boolean {
  return findVBScriptLauncher(text) !== undefined;
}

/** Letters, digits and `_` continue a VBScript name: `Remark` is a name, `Rem^` a comment. */
const REM_KEYWORD = /^rem(?![\p{L}\p{N}_])/iu;

/** The line as a preamble line, or undefined when it is VBScript code (or not VBScript at all). */
function readPreambleLine(rawLine: string): PreambleLine | undefined {
  const line = rawLine.replace(/^[ \t]+/u, "");
  if (line === "") return { commands: "" };
  if (line.startsWith("'")) return { commands: afterFirstCommand(line) };
  const colonComment = /^::?'/u.exec(line);
  if (colonComment) return { commands: line.slice(colonComment[0].length) };
  // Other colon lines: cmd skips them as labels; VBScript accepts only empty statements and a comment.
  const colons = /^(?::[ \t]*)+/u.exec(line);
  if (colons) {
    const rest = line.slice(colons[0].length);
    return rest === "" || rest.startsWith("'") || REM_KEYWORD.test(rest) ? { commands: "" } : undefined;
  }
  if (!REM_KEYWORD.test(line)) return undefined;
  const afterRem = line.slice(3);
  const escapedBlank = /^\^[ \t]+&/u.exec(afterRem);
  if (escapedBlank) return { commands: afterRem.slice(escapedBlank[0].length) };
  if (afterRem.startsWith("\u001A")) return { commands: afterRem.slice(1) };
  return { commands: "" };
}

/** What cmd runs after the line's first command: everything past its first `&` or `|`. */
function afterFirstCommand(line: string): string {
  const [, ...rest] = splitCommands(line);
  return rest.join(" & ");
}

/**
 * The line's commands, split where cmd splits them: at `&`, `&&`, `|` and `||` outside double
 * quotes and not escaped with `^`.
 */
function splitCommands(line: string): string[] {
  const commands: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '"') quoted = !quoted;
    if (!quoted && char === "^" && i + 1 < line.length) {
      current += char + line[i + 1]!;
      i++;
      continue;
    }
    if (!quoted && (char === "&" || char === "|")) {
      commands.push(current);
      current = "";
      if (line[i + 1] === char) i++;
      continue;
    }
    current += char;
  }
  commands.push(current);
  return commands;
}

/**
 * `cscript` or `wscript`, with a path or `.exe` or not, as a command: at the start, after `@`, a
 * blank, `(` or `'` (inside `for /f ... in ('...')`), or as the end of a quoted path.
 */
const SCRIPT_HOST = /(?:^|[\s@('"\\/])[cw]script(?:\.exe)?"?(?=\s|$)/giu;

/** `//E:VBScript`, `//e:vbs`: the engine vbscript.dll registers under both names. */
const VBSCRIPT_ENGINE = /^\/\/?e:(?:vbscript|vbs)$/iu;

/**
 * `%0`, `%~0`, `%~f0`, `%~dpnx0` and the like: the batch file's own path. `%~dp0` (its folder) or
 * `%~n0` (its bare name) are not.
 */
function isThisFile(argument: string): boolean {
  const match = /^%(?:~([a-z]*))?0$/iu.exec(argument);
  if (match === null) return false;
  const modifiers = (match[1] ?? "").toLowerCase();
  if (/[^dpnxsf]/u.test(modifiers)) return false;
  return modifiers === "" || modifiers.includes("f") || [..."dpnx"].every((modifier) => modifiers.includes(modifier));
}

function launchesThisFileAsVBScript(commands: string): boolean {
  for (const command of splitCommands(commands)) {
    for (const host of command.matchAll(SCRIPT_HOST)) {
      const argumentsText = command.slice(host.index + host[0].length);
      if (runsThisFileAsVBScript(hostArguments(argumentsText))) return true;
    }
  }
  return false;
}

/**
 * The host's arguments up to the end of its command: a `'` or `)` closing `for /f ... in ('...')`,
 * or a redirection; quotes taken off.
 */
function hostArguments(text: string): string[] {
  const found: string[] = [];
  const argument = /\s*(?:"([^"]*)"?|([^\s"')<>]+))/uy;
  let match: RegExpExecArray | null;
  while ((match = argument.exec(text)) !== null) found.push(match[1] ?? match[2]!);
  return found;
}

/**
 * The first argument that is not an option is the script. Host options come before it (`//e:` or
 * `/e:`) or anywhere with two slashes; after it, one slash starts an argument for the script.
 */
function runsThisFileAsVBScript(hostArgs: readonly string[]): boolean {
  const scriptIndex = hostArgs.findIndex((argument) => !argument.startsWith("/"));
  if (scriptIndex === -1 || !isThisFile(hostArgs[scriptIndex]!)) return false;
  return hostArgs.some((argument, index) => VBSCRIPT_ENGINE.test(argument) && (index < scriptIndex || argument.startsWith("//")));
}
