/**
 * What a rule knows of the other PowerShell files in the workspace: an index of the `.ps1` and `.psm1`
 * files under a folder, kept per reader. ESLint lints hundreds of files in a row and rules are
 * synchronous, so the walk is bounded, its results are cached, and the disk is looked at again at most
 * once a second.
 */
import { lstatSync, opendirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { join, resolve } from "node:path";
import { decodeUnicode, ENCODING_SAMPLE_BYTES, unicodeEncodingOf } from "../../text/encoding.js";

export interface ScriptFileReader<T> {
  /** Cheap text test: only files for which it is true are handed to `read`. */
  readonly mentions: (text: string) => boolean;
  /** Work out what the index keeps for one file (called once per file version). */
  readonly read: (path: string, text: string) => T;
}

/**
 * The walk stops after this many folder entries (files, folders and anything else, counted alike, so
 * that a tree of empty folders is bounded too): a workspace opened at `C:\` costs a bounded time, and
 * the files found until then are still indexed. Folders are walked level by level, so the files
 * nearest the root are the ones kept.
 */
export const SCRIPT_FILES_MAX_ENTRIES = 20_000;
/** Folders more than this many levels below the root are not entered. */
export const SCRIPT_FILES_MAX_DEPTH = 32;
/** Calls within this many milliseconds of the last look at the disk get the same map back. */
export const SCRIPT_FILES_REVALIDATION_MS = 1_000;
/** How many roots stay cached: an editor's ESLint server may serve a few workspaces at once. */
export const SCRIPT_FILES_MAX_ROOTS = 4;
/**
 * A file or folder modified this recently may be modified again within the timestamp's resolution
 * (a few milliseconds on Linux, 2 seconds on FAT) without its mtime changing: such a version is not
 * trusted, and is looked at again at the next validation.
 */
const RECENT_CHANGE_MS = 2_000;

/** @internal The clock, bounds and file reading, replaceable by tests (a test run as root cannot be refused a file). */
export interface ScriptFileScan {
  readonly now: () => number;
  readonly maxEntries: number;
  readonly maxDepth: number;
  readonly readFile: (path: string) => Buffer;
}

const DEFAULT_SCAN: ScriptFileScan = { now: Date.now, maxEntries: SCRIPT_FILES_MAX_ENTRIES, maxDepth: SCRIPT_FILES_MAX_DEPTH, readFile: readFileSync };

interface FileStamp {
  readonly mtimeMs: number;
  readonly size: number;
}

type EntryKind = "folder" | "script" | "other";

interface FolderListing {
  readonly mtimeMs: number;
  /** In the order the folder gave them; "other" entries are kept because they count towards the bound. */
  readonly entries: readonly { readonly path: string; readonly kind: EntryKind }[];
}

/** One look at the disk, shared by every reader of the root. */
interface Walk {
  readonly at: number;
  readonly scripts: ReadonlyMap<string, FileStamp>;
}

interface FileEntry<T> {
  /** Undefined for a version too recent to trust: the file is read again at the next validation. */
  readonly stamp: FileStamp | undefined;
  /** Undefined when the file does not mention anything: remembered too, so that it is not read again. */
  readonly found: { readonly value: T } | undefined;
}

interface ReaderState<T> {
  readonly walk: Walk;
  readonly entries: ReadonlyMap<string, FileEntry<T>>;
  readonly result: ReadonlyMap<string, T>;
}

interface RootState {
  walk: Walk;
  /** Only listings that were complete and not recently modified. */
  listings: ReadonlyMap<string, FolderListing>;
  /** Keyed by the reader object: two readers never share results, and a dropped reader is forgotten. */
  readonly readers: WeakMap<object, ReaderState<unknown>>;
}

const roots = new Map<string, RootState>();

/** For each PowerShell file (.ps1, .psm1; any case) under `root` whose text `mentions` says yes: read(path, text), by absolute path. */
export function scriptFilesUnder<T>(root: string, reader: ScriptFileReader<T>): ReadonlyMap<string, T> {
  return scanScriptFiles(root, reader, DEFAULT_SCAN);
}

/** Forget everything cached (tests). */
export function forgetScriptFiles(): void {
  roots.clear();
}

/** @internal `scriptFilesUnder` with its clock and bounds as a parameter. */
export function scanScriptFiles<T>(root: string, reader: ScriptFileReader<T>, scan: ScriptFileScan): ReadonlyMap<string, T> {
  const rootPath = resolve(root);
  const now = scan.now();
  let state = roots.get(rootPath);
  if (state === undefined) {
    const { walk, listings } = walkFolders(rootPath, new Map(), now, scan);
    state = { walk, listings, readers: new WeakMap() };
  } else if (!withinWindow(state.walk.at, now)) {
    const { walk, listings } = walkFolders(rootPath, state.listings, now, scan);
    state.walk = walk;
    state.listings = listings;
  }
  // Most recently used last, so that the first one is the one to drop.
  roots.delete(rootPath);
  roots.set(rootPath, state);
  if (roots.size > SCRIPT_FILES_MAX_ROOTS) roots.delete(roots.keys().next().value!);

  const previous = state.readers.get(reader) as ReaderState<T> | undefined;
  if (previous?.walk === state.walk) return previous.result;
  const next = readScripts(state.walk, previous, reader, now, scan.readFile);
  state.readers.set(reader, next);
  return next.result;
}

/** A clock set back counts as out of the window. */
function withinWindow(at: number, now: number): boolean {
  return now >= at && now - at < SCRIPT_FILES_REVALIDATION_MS;
}

/** Level by level from the root, within the bounds; listings of unchanged folders are reused. */
function walkFolders(
  root: string,
  previousListings: ReadonlyMap<string, FolderListing>,
  now: number,
  scan: ScriptFileScan,
): { walk: Walk; listings: Map<string, FolderListing> } {
  const listings = new Map<string, FolderListing>();
  const scripts = new Map<string, FileStamp>();
  const queue = [{ path: root, depth: 0 }];
  let seen = 0;
  for (let i = 0; i < queue.length && seen < scan.maxEntries; i++) {
    const { path, depth } = queue[i]!;
    // The root is the folder the user chose, even through a link; below it, links are never followed.
    const mtimeMs = folderMtime(path, depth === 0);
    if (mtimeMs === undefined) continue;
    let listing = previousListings.get(path);
    if (listing?.mtimeMs !== mtimeMs) {
      const fresh = listFolder(path, mtimeMs, scan.maxEntries - seen);
      if (fresh === undefined) continue;
      listing = fresh.listing;
      if (fresh.complete && now - mtimeMs >= RECENT_CHANGE_MS) listings.set(path, listing);
    } else {
      listings.set(path, listing);
    }
    for (const entry of listing.entries) {
      if (seen >= scan.maxEntries) break;
      seen++;
      if (entry.kind === "folder" && depth < scan.maxDepth) queue.push({ path: entry.path, depth: depth + 1 });
      if (entry.kind === "script") {
        const stamp = fileStamp(entry.path);
        if (stamp !== undefined) scripts.set(entry.path, stamp);
      }
    }
  }
  return { walk: { at: now, scripts }, listings };
}

function folderMtime(path: string, followLink: boolean): number | undefined {
  try {
    const stats = followLink ? statSync(path, { throwIfNoEntry: false }) : lstatSync(path, { throwIfNoEntry: false });
    return stats?.isDirectory() ? stats.mtimeMs : undefined;
  } catch {
    return undefined;
  }
}

/** At most `budget` entries: a folder of a million files is not read to its end. */
function listFolder(folder: string, mtimeMs: number, budget: number): { listing: FolderListing; complete: boolean } | undefined {
  const entries: { path: string; kind: EntryKind }[] = [];
  let complete = false;
  try {
    const dir = opendirSync(folder);
    try {
      // One entry past the budget tells a folder that just fits, whose listing can be kept, from a larger one.
      for (;;) {
        const dirent = dir.readSync();
        if (dirent === null) {
          complete = true;
          break;
        }
        if (entries.length === budget) break;
        entries.push({ path: join(folder, dirent.name), kind: entryKind(dirent) });
      }
    } finally {
      dir.closeSync();
    }
  } catch {
    return undefined;
  }
  return { listing: { mtimeMs, entries }, complete };
}

/** A Dirent describes the entry itself, never a link's target: a link is neither folder nor script. */
function entryKind(dirent: Dirent): EntryKind {
  if (dirent.isDirectory()) return dirent.name.startsWith(".") || dirent.name === "node_modules" ? "other" : "folder";
  if (dirent.isFile() && /\.psm?1$/iu.test(dirent.name)) return "script";
  return "other";
}

function fileStamp(path: string): FileStamp | undefined {
  try {
    const stats = lstatSync(path, { throwIfNoEntry: false });
    return stats?.isFile() ? { mtimeMs: stats.mtimeMs, size: stats.size } : undefined;
  } catch {
    return undefined;
  }
}

/** The reader's entries for the walk's files: unchanged files are not read again. */
function readScripts<T>(walk: Walk, previous: ReaderState<T> | undefined, reader: ScriptFileReader<T>, now: number, readFile: (path: string) => Buffer): ReaderState<T> {
  const entries = new Map<string, FileEntry<T>>();
  let changed = previous === undefined;
  for (const [path, stamp] of walk.scripts) {
    const known = previous?.entries.get(path);
    if (known?.stamp !== undefined && known.stamp.mtimeMs === stamp.mtimeMs && known.stamp.size === stamp.size) {
      entries.set(path, known);
      continue;
    }
    const text = scriptText(path, readFile);
    // Unreadable now, perhaps readable later (a change of permissions leaves the mtime alone): tried again next time.
    if (text === undefined) continue;
    changed = true;
    const found = reader.mentions(text) ? { value: reader.read(path, text) } : undefined;
    entries.set(path, { stamp: now - stamp.mtimeMs >= RECENT_CHANGE_MS ? stamp : undefined, found });
  }
  if (previous !== undefined && !changed && previous.entries.size === entries.size) {
    return { walk, entries, result: previous.result };
  }
  const result = new Map<string, T>();
  for (const [path, entry] of entries) if (entry.found !== undefined) result.set(path, entry.found.value);
  return { walk, entries, result };
}

/** UTF-16 and UTF-32 as PowerShell reads them (with a byte-order mark, or UTF-16 without one), else UTF-8. */
function scriptText(path: string, readFile: (path: string) => Buffer): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFile(path);
  } catch {
    return undefined;
  }
  const encoding = unicodeEncodingOf(bytes.subarray(0, ENCODING_SAMPLE_BYTES));
  const decoded = encoding === undefined ? undefined : decodeUnicode(bytes, encoding);
  if (decoded !== undefined) return decoded;
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
