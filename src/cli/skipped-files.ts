/**
 * Script files wua-lint does not lint, found in the folders it was given: an administrator pointing it
 * at a folder of .vbs and .bat files must not read "no problems" as "checked".
 */
import { readdirSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";

/** Kinds of script, by extension, that may drive WUA but that wua-lint does not read. */
const UNLINTED_SCRIPTS: Record<string, string> = {
  ".vbs": "VBScript",
  ".vbe": "encoded VBScript",
  ".jse": "encoded JScript",
  ".wsc": "Windows Script Component",
  ".bat": "batch",
  ".cmd": "batch",
};

/** Folders ESLint never lints; walking them would only cost time. */
const NEVER_WALKED = new Set(["node_modules", ".git"]);

/** How many skipped files are named one by one before the rest are counted. */
const NAMED_AT_MOST = 10;

export function isUnlintedScript(path: string): boolean {
  return Object.hasOwn(UNLINTED_SCRIPTS, extname(path).toLowerCase());
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
    } else if (isUnlintedScript(entry.name)) {
      found.add(child);
    }
  }
}

/** `3 files skipped, not linted: 1 VBScript (.vbs), 2 batch (.bat, .cmd)`, then the files. */
export function describeSkippedFiles(files: readonly string[], cwd: string): string {
  const byKind = new Map<string, { count: number; extensions: Set<string> }>();
  for (const file of files) {
    const extension = extname(file).toLowerCase();
    const kind = UNLINTED_SCRIPTS[extension] ?? extension;
    const entry = byKind.get(kind) ?? { count: 0, extensions: new Set<string>() };
    entry.count++;
    entry.extensions.add(extension);
    byKind.set(kind, entry);
  }
  const kinds = [...byKind].map(([kind, { count, extensions }]) => `${count} ${kind} (${[...extensions].sort().join(", ")})`).join(", ");
  const named = files.slice(0, NAMED_AT_MOST).map((file) => `  ${relative(cwd, file) || file}`);
  const rest = files.length > NAMED_AT_MOST ? [`  and ${files.length - NAMED_AT_MOST} more`] : [];
  return [`wua-lint: ${files.length} file${files.length === 1 ? "" : "s"} skipped, not linted: ${kinds}`, ...named, ...rest].join("\n");
}
