/**
 * Script files wua-lint does not lint, found in the folders it was given: an administrator pointing it
 * at a folder of .vbe and .bat files must not read "no problems" as "checked". A batch file is linted
 * when it runs itself as VBScript (the plugin's batch processor hands it over as VBScript); any other
 * batch file is named here.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { hasVBScriptLauncher } from "../processors/vbscript-launcher.js";

/** Why a file is not linted, as the summary names it: for one file, and for several. */
interface SkipReason {
  readonly one: string;
  readonly several: string;
}

const sameForSeveral = (kind: string): SkipReason => ({ one: kind, several: kind });

/** Kinds of script, by extension, that may drive WUA but that wua-lint does not read. */
const UNLINTED_SCRIPTS: Record<string, SkipReason> = {
  ".vbe": sameForSeveral("encoded VBScript"),
  ".jse": sameForSeveral("encoded JScript"),
  ".wsc": sameForSeveral("Windows Script Component"),
};

const BATCH_EXTENSIONS = new Set([".bat", ".cmd"]);

/** A batch file the batch processor hands over as nothing. */
const BATCH_WITHOUT_LAUNCHER: SkipReason = {
  one: "batch file without a VBScript launcher",
  several: "batch files without a VBScript launcher",
};

/**
 * ESLint matches the configs' file patterns (`.vbs`, `.bat`, `.cmd`) with case, even on Windows:
 * `UPDATE.VBS` is not linted at all, and would otherwise pass unnoticed.
 */
const NOT_LOWER_CASE: Record<string, SkipReason> = {
  ".vbs": { one: "VBScript file whose extension is not lower case", several: "VBScript files whose extension is not lower case" },
  ".bat": { one: "batch file whose extension is not lower case", several: "batch files whose extension is not lower case" },
  ".cmd": { one: "batch file whose extension is not lower case", several: "batch files whose extension is not lower case" },
};

/** A file that could be read when it was found skipped and no longer can. */
const NO_LONGER_READABLE = sameForSeveral("unreadable file");

/** Folders ESLint never lints; walking them would only cost time. */
const NEVER_WALKED = new Set(["node_modules", ".git"]);

/** How many skipped files are named one by one before the rest are counted. */
const NAMED_AT_MOST = 10;

export function isUnlintedScript(path: string): boolean {
  return skipReasonOf(path) !== undefined;
}

function skipReasonOf(path: string): SkipReason | undefined {
  const extension = extname(path);
  const lowerCase = extension.toLowerCase();
  if (BATCH_EXTENSIONS.has(lowerCase)) {
    const text = textAsESLintReadsIt(path);
    if (text === undefined) return undefined;
    if (!hasVBScriptLauncher(text)) return BATCH_WITHOUT_LAUNCHER;
  }
  if (extension !== lowerCase && Object.hasOwn(NOT_LOWER_CASE, lowerCase)) return NOT_LOWER_CASE[lowerCase];
  return Object.hasOwn(UNLINTED_SCRIPTS, lowerCase) ? UNLINTED_SCRIPTS[lowerCase] : undefined;
}

/**
 * The file as ESLint hands it to the batch processor (UTF-8), so that both see the same launcher. A
 * batch file saved as UTF-16 has none this way, and rightly: cmd does not run such a file either.
 * An unreadable file is left to ESLint, which says why.
 */
function textAsESLintReadsIt(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * The unlinted script files under the given paths, sorted. wua-lint reads no user config, so ESLint's
 * default ignores (node_modules, .git) are the only ones. (ESLint's `isPathIgnored` cannot tell: it
 * calls every file without a matching config ignored.)
 */
export function findSkippedFiles(paths: readonly string[]): string[] {
  const found = new Set<string>();
  for (const path of paths) collectUnlinted(path, found);
  return [...found].sort();
}

function collectUnlinted(path: string, found: Set<string>): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    return;
  }
  if (!isFolder) {
    if (isUnlintedScript(path)) found.add(path);
    return;
  }
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) {
      if (!NEVER_WALKED.has(entry.name)) collectUnlinted(child, found);
    } else if (isUnlintedScript(child)) {
      found.add(child);
    }
  }
}

/**
 * `3 files skipped, not linted: 1 encoded VBScript (.vbe), 2 batch files without a VBScript launcher
 * (.bat, .cmd)`, then the files.
 */
export function describeSkippedFiles(files: readonly string[], cwd: string): string {
  const byReason = new Map<SkipReason, { count: number; extensions: Set<string> }>();
  for (const file of files) {
    const reason = skipReasonOf(file) ?? NO_LONGER_READABLE;
    const entry = byReason.get(reason) ?? { count: 0, extensions: new Set<string>() };
    entry.count++;
    // The extension as written where its case is the reason; otherwise one name per extension.
    entry.extensions.add(Object.values(NOT_LOWER_CASE).includes(reason) ? extname(file) : extname(file).toLowerCase());
    byReason.set(reason, entry);
  }
  const kinds = [...byReason]
    .map(([reason, { count, extensions }]) => `${count} ${count === 1 ? reason.one : reason.several} (${[...extensions].sort().join(", ")})`)
    .join(", ");
  const named = files.slice(0, NAMED_AT_MOST).map((file) => `  ${relative(cwd, file) || file}`);
  const rest = files.length > NAMED_AT_MOST ? [`  and ${files.length - NAMED_AT_MOST} more`] : [];
  return [`wua-lint: ${files.length} file${files.length === 1 ? "" : "s"} skipped, not linted: ${kinds}`, ...named, ...rest].join("\n");
}
