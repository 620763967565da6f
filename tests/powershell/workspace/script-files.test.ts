/**
 * The index of PowerShell files under a folder, against real temporary folders: which files it finds,
 * which it never enters, what it caches and for how long, how it decodes them, and its bounds. The
 * clock is a parameter, so that "a second later" costs no waiting.
 */
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  forgetScriptFiles,
  scanScriptFiles,
  SCRIPT_FILES_MAX_DEPTH,
  SCRIPT_FILES_MAX_ENTRIES,
  SCRIPT_FILES_MAX_ROOTS,
  SCRIPT_FILES_REVALIDATION_MS,
  scriptFilesUnder,
  type ScriptFileReader,
  type ScriptFileScan,
} from "../../../src/powershell/workspace/script-files.js";

const MENTION = "Invoke-Command -FilePath .\\worker.ps1";
/** Long enough ago that the index trusts the files' timestamps. */
const AN_HOUR_AGO = new Date(Date.now() - 3_600_000);
const TWO_HOURS_AGO = new Date(Date.now() - 7_200_000);

let folders: string[] = [];
let time = 0;

beforeEach(() => {
  forgetScriptFiles();
  time = Date.now();
});

afterEach(() => {
  for (const folder of folders) {
    chmodTree(folder);
    rmSync(folder, { recursive: true, force: true });
  }
  folders = [];
});

/** A temporary folder with these files, every file and folder dated an hour ago. */
function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), "wua-script-files-"));
  folders.push(root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(root, file, ".."), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  dateTree(root, AN_HOUR_AGO);
  return root;
}

/** Links are left alone: utimes would date their targets. */
function dateTree(path: string, date: Date): void {
  if (lstatSync(path).isDirectory()) for (const name of readdirSync(path)) dateTree(join(path, name), date);
  if (!lstatSync(path).isSymbolicLink()) utimesSync(path, date, date);
}

function chmodTree(path: string): void {
  const stats = lstatSync(path);
  if (stats.isSymbolicLink()) return;
  chmodSync(path, stats.isDirectory() ? 0o755 : 0o644);
  if (stats.isDirectory()) for (const name of readdirSync(path)) chmodTree(join(path, name));
}

/** A reader that records what it was asked, keeping each file's text. */
function recordingReader(word = "Invoke-Command") {
  const mentioned: string[] = [];
  const read: string[] = [];
  const reader: ScriptFileReader<string> = {
    mentions: (text) => {
      mentioned.push(text);
      return text.includes(word);
    },
    read: (path, text) => {
      read.push(path);
      return text;
    },
  };
  return { reader, mentioned, read };
}

const scan = (overrides: Partial<ScriptFileScan> = {}): ScriptFileScan => ({
  now: () => time,
  maxEntries: SCRIPT_FILES_MAX_ENTRIES,
  maxDepth: SCRIPT_FILES_MAX_DEPTH,
  readFile: readFileSync,
  ...overrides,
});

const found = (map: ReadonlyMap<string, unknown>, root: string): string[] =>
  [...map.keys()].map((path) => relative(root, path).split("\\").join("/")).sort();

const later = (): void => {
  time += SCRIPT_FILES_REVALIDATION_MS;
};

describe("scriptFilesUnder: which files", () => {
  it("finds .ps1 and .psm1 files in any case in nested folders, by absolute path, and nothing else", () => {
    const root = tree({
      "top.ps1": MENTION,
      "a/b/c/deep.psm1": MENTION,
      "a/UPPER.PS1": MENTION,
      "a/Mixed.PsM1": MENTION,
      "a/manifest.psd1": MENTION,
      "a/types.ps1xml": MENTION,
      "a/notes.txt": MENTION,
      "a/backup.ps1.bak": MENTION,
      "a/ps1": MENTION,
      "node_modules/pkg/module.ps1": MENTION,
      ".git/hooks/hook.ps1": MENTION,
      ".vscode/task.ps1": MENTION,
      "a/.hidden/inner.ps1": MENTION,
    });
    const { reader } = recordingReader();
    const map = scriptFilesUnder(relative(process.cwd(), root), reader);
    expect(found(map, root)).toEqual(["a/Mixed.PsM1", "a/UPPER.PS1", "a/b/c/deep.psm1", "top.ps1"]);
    expect(map.get(resolve(root, "a/b/c/deep.psm1"))).toBe(MENTION);
    for (const path of map.keys()) expect(path).toBe(resolve(path));
  });

  it("follows no symbolic link, to a folder or to a file, out of the root", () => {
    const outside = tree({ "outside.ps1": MENTION, "elsewhere/far.ps1": MENTION });
    const root = tree({ "inside.ps1": MENTION });
    symlinkSync(join(outside, "elsewhere"), join(root, "linked-folder"), "dir");
    symlinkSync(join(outside, "outside.ps1"), join(root, "linked-file.ps1"), "file");
    dateTree(root, AN_HOUR_AGO);
    const { reader, read } = recordingReader();
    expect(found(scanScriptFiles(root, reader, scan()), root)).toEqual(["inside.ps1"]);
    expect(read).toEqual([join(root, "inside.ps1")]);
    // The files behind the links are there to be found: it is the links that are not followed.
    expect(found(scanScriptFiles(outside, reader, scan()), outside)).toEqual(["elsewhere/far.ps1", "outside.ps1"]);
  });

  it("hands `read` only the files that `mentions` accepts, and keeps only those", () => {
    const root = tree({ "sender.ps1": MENTION, "plain.ps1": "Get-Date", "other.psm1": "function f { }" });
    const { reader, mentioned, read } = recordingReader();
    const map = scanScriptFiles(root, reader, scan());
    expect(mentioned.sort()).toEqual(["Get-Date", MENTION, "function f { }"].sort());
    expect(read).toEqual([join(root, "sender.ps1")]);
    expect(found(map, root)).toEqual(["sender.ps1"]);
  });

  it("decodes UTF-16 and UTF-32 with a byte-order mark, UTF-16 without one, and UTF-8 without its mark", () => {
    const text = '$s = New-Object -ComObject Microsoft.Update.Session # é 😀\r\n' + MENTION;
    const utf16le = Buffer.from(text, "utf16le");
    const utf32le = Buffer.alloc((Array.from(text).length + 1) * 4);
    [0xfeff, ...Array.from(text, (c) => c.codePointAt(0)!)].forEach((cp, i) => utf32le.writeUInt32LE(cp, i * 4));
    const root = tree({
      "utf16le-mark.ps1": Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]),
      "utf16be-mark.ps1": Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf16le).swap16()]),
      "utf16le-bare.ps1": utf16le,
      "utf32le-mark.ps1": utf32le,
      "utf8-mark.ps1": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      "utf8.ps1": text,
    });
    const map = scanScriptFiles(root, recordingReader().reader, scan());
    expect(map.size).toBe(6);
    for (const [path, value] of map) expect([path, value]).toEqual([path, text]);
  });

  it("skips what the system refuses to read, without throwing (root is refused nothing)", () => {
    const root = tree({ "readable.ps1": MENTION, "locked.ps1": MENTION, "closed/inner.ps1": MENTION });
    chmodSync(join(root, "locked.ps1"), 0o000);
    chmodSync(join(root, "closed"), 0o000);
    const expected = process.getuid?.() === 0 ? ["closed/inner.ps1", "locked.ps1", "readable.ps1"] : ["readable.ps1"];
    expect(found(scanScriptFiles(root, recordingReader().reader, scan()), root)).toEqual(expected);
  });

  it("skips a file whose reading fails, and tries it again at the next look at the disk", () => {
    const root = tree({ "readable.ps1": MENTION, "locked.ps1": MENTION });
    let refuse = true;
    const readFile = (path: string): Buffer => {
      if (refuse && path.endsWith("locked.ps1")) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      return readFileSync(path);
    };
    const { reader } = recordingReader();
    expect(found(scanScriptFiles(root, reader, scan({ readFile })), root)).toEqual(["readable.ps1"]);
    refuse = false;
    later();
    expect(found(scanScriptFiles(root, reader, scan({ readFile })), root)).toEqual(["locked.ps1", "readable.ps1"]);
  });

  it("answers an empty map for a root that is missing or is a file", () => {
    const root = tree({ "file.ps1": MENTION });
    const { reader } = recordingReader();
    expect(scanScriptFiles(join(root, "missing"), reader, scan()).size).toBe(0);
    expect(scanScriptFiles(join(root, "file.ps1"), reader, scan()).size).toBe(0);
  });
});

describe("scriptFilesUnder: caching", () => {
  it("does not touch the disk within the window: the same map, even for a file deleted meanwhile", () => {
    const root = tree({ "a.ps1": MENTION, "b.ps1": MENTION, "quiet.ps1": "Get-Date" });
    const { reader, mentioned, read } = recordingReader();
    const first = scanScriptFiles(root, reader, scan());
    expect(read).toHaveLength(2);
    unlinkSync(join(root, "a.ps1"));
    time += SCRIPT_FILES_REVALIDATION_MS - 1;
    expect(scanScriptFiles(root, reader, scan())).toBe(first);
    expect(first.has(join(root, "a.ps1"))).toBe(true);
    expect([read.length, mentioned.length]).toEqual([2, 3]);
    time += 1;
    expect(found(scanScriptFiles(root, reader, scan()), root)).toEqual(["b.ps1"]);
    expect([read.length, mentioned.length]).toEqual([2, 3]);
  });

  it("after the window, reads no unchanged file again, including one that mentioned nothing", () => {
    const root = tree({ "a.ps1": MENTION, "quiet.ps1": "Get-Date" });
    const { reader, mentioned, read } = recordingReader();
    const first = scanScriptFiles(root, reader, scan());
    later();
    expect(scanScriptFiles(root, reader, scan())).toBe(first);
    expect([read.length, mentioned.length]).toEqual([1, 2]);
  });

  it("reads a file again once its mtime changed, and only that file", () => {
    const root = tree({ "a.ps1": `${MENTION} # 1`, "b.ps1": MENTION });
    const { reader, read } = recordingReader();
    scanScriptFiles(root, reader, scan());
    // The same size: only the mtime tells the new version apart.
    writeFileSync(join(root, "a.ps1"), `${MENTION} # 2`);
    utimesSync(join(root, "a.ps1"), TWO_HOURS_AGO, TWO_HOURS_AGO);
    expect(scanScriptFiles(root, reader, scan()).get(join(root, "a.ps1"))).toBe(`${MENTION} # 1`);
    later();
    expect(scanScriptFiles(root, reader, scan()).get(join(root, "a.ps1"))).toBe(`${MENTION} # 2`);
    expect(read.sort()).toEqual([join(root, "a.ps1"), join(root, "a.ps1"), join(root, "b.ps1")]);
  });

  it("picks up a new file after the window, and drops a file that no longer mentions anything", () => {
    const root = tree({ "a.ps1": MENTION, "sub/b.ps1": MENTION });
    const { reader } = recordingReader();
    expect(found(scanScriptFiles(root, reader, scan()), root)).toEqual(["a.ps1", "sub/b.ps1"]);
    writeFileSync(join(root, "sub/new.psm1"), MENTION);
    writeFileSync(join(root, "a.ps1"), "Get-Date");
    expect(found(scanScriptFiles(root, reader, scan()), root)).toEqual(["a.ps1", "sub/b.ps1"]);
    later();
    expect(found(scanScriptFiles(root, reader, scan()), root)).toEqual(["sub/b.ps1", "sub/new.psm1"]);
  });

  it("reuses a folder's listing while the folder's own mtime is unchanged", () => {
    const root = tree({ "sub/a.ps1": MENTION });
    const { reader } = recordingReader();
    scanScriptFiles(root, reader, scan());
    writeFileSync(join(root, "sub/hidden-by-cache.ps1"), MENTION);
    utimesSync(join(root, "sub/hidden-by-cache.ps1"), AN_HOUR_AGO, AN_HOUR_AGO);
    utimesSync(join(root, "sub"), AN_HOUR_AGO, AN_HOUR_AGO);
    later();
    expect(found(scanScriptFiles(root, reader, scan()), root)).toEqual(["sub/a.ps1"]);
    utimesSync(join(root, "sub"), TWO_HOURS_AGO, TWO_HOURS_AGO);
    later();
    expect(found(scanScriptFiles(root, reader, scan()), root)).toEqual(["sub/a.ps1", "sub/hidden-by-cache.ps1"]);
  });

  it("does not trust a version modified just before it was read: same size and mtime, new text", () => {
    const root = tree({ "fresh.ps1": `${MENTION} # 1`, "old.ps1": `${MENTION} # 1` });
    const justNow = new Date(time);
    utimesSync(join(root, "fresh.ps1"), justNow, justNow);
    const { reader } = recordingReader();
    scanScriptFiles(root, reader, scan());
    for (const [file, date] of [["fresh.ps1", justNow], ["old.ps1", AN_HOUR_AGO]] as const) {
      writeFileSync(join(root, file), `${MENTION} # 2`);
      utimesSync(join(root, file), date, date);
    }
    later();
    const map = scanScriptFiles(root, reader, scan());
    expect(map.get(join(root, "fresh.ps1"))).toBe(`${MENTION} # 2`);
    // The proof that the other one was cached: an unchanged stamp is trusted when it is old enough.
    expect(map.get(join(root, "old.ps1"))).toBe(`${MENTION} # 1`);
  });

  it("does not trust the listing of a folder modified just before it was listed", () => {
    const root = tree({ "sub/a.ps1": MENTION });
    const justNow = new Date(time);
    utimesSync(join(root, "sub"), justNow, justNow);
    const { reader } = recordingReader();
    scanScriptFiles(root, reader, scan());
    writeFileSync(join(root, "sub/b.ps1"), MENTION);
    utimesSync(join(root, "sub"), justNow, justNow);
    later();
    expect(found(scanScriptFiles(root, reader, scan()), root)).toEqual(["sub/a.ps1", "sub/b.ps1"]);
  });

  it("keeps each reader's results apart", () => {
    const root = tree({ "a.ps1": MENTION, "b.ps1": "Get-Date" });
    const byLength: ScriptFileReader<number> = { mentions: () => true, read: (_, text) => text.length };
    const first = recordingReader();
    const second = recordingReader("Get-Date");
    expect([...scanScriptFiles(root, first.reader, scan()).values()]).toEqual([MENTION]);
    expect([...scanScriptFiles(root, second.reader, scan()).values()]).toEqual(["Get-Date"]);
    expect(new Set(scanScriptFiles(root, byLength, scan()).values())).toEqual(new Set([MENTION.length, "Get-Date".length]));
    expect([first.read, second.read]).toEqual([[join(root, "a.ps1")], [join(root, "b.ps1")]]);
  });

  it(`keeps ${SCRIPT_FILES_MAX_ROOTS} roots, dropping the least recently used`, () => {
    const roots = Array.from({ length: SCRIPT_FILES_MAX_ROOTS + 1 }, () => tree({ "a.ps1": MENTION }));
    const { reader, read } = recordingReader();
    for (const root of roots) scanScriptFiles(root, reader, scan());
    expect(read).toHaveLength(roots.length);
    scanScriptFiles(roots.at(-1)!, reader, scan());
    expect(read).toHaveLength(roots.length);
    scanScriptFiles(roots[0]!, reader, scan());
    expect(read).toHaveLength(roots.length + 1);
  });

  it("forgetScriptFiles forgets everything", () => {
    const root = tree({ "a.ps1": MENTION });
    const { reader, read } = recordingReader();
    const first = scanScriptFiles(root, reader, scan());
    forgetScriptFiles();
    expect(scanScriptFiles(root, reader, scan())).not.toBe(first);
    expect(read).toHaveLength(2);
  });
});

describe("scriptFilesUnder: bounds", () => {
  it("has the documented bounds and window", () => {
    expect([SCRIPT_FILES_MAX_ENTRIES, SCRIPT_FILES_MAX_DEPTH, SCRIPT_FILES_REVALIDATION_MS]).toEqual([20_000, 32, 1_000]);
  });

  it("stops after the maximum number of entries, folders included, nearest the root first", () => {
    const root = tree({ "a.ps1": MENTION, "sub/b.ps1": MENTION });
    const { reader } = recordingReader();
    expect(found(scanScriptFiles(root, reader, scan({ maxEntries: 2 })), root)).toEqual(["a.ps1"]);
    forgetScriptFiles();
    expect(found(scanScriptFiles(root, reader, scan({ maxEntries: 3 })), root)).toEqual(["a.ps1", "sub/b.ps1"]);
  });

  it("stops within one large folder", () => {
    const root = tree(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}.ps1`, MENTION])));
    const { reader, read } = recordingReader();
    expect(scanScriptFiles(root, reader, scan({ maxEntries: 4 })).size).toBe(4);
    expect(read).toHaveLength(4);
    forgetScriptFiles();
    expect(scanScriptFiles(root, reader, scan()).size).toBe(10);
  });

  it("counts the entries of a reused listing against the bound too", () => {
    const root = tree({ "a.ps1": MENTION, "sub/b.ps1": MENTION, "sub/c.ps1": MENTION });
    const { reader } = recordingReader();
    const bounded = scan({ maxEntries: 4 });
    expect(scanScriptFiles(root, reader, bounded).size).toBe(3);
    writeFileSync(join(root, "d.ps1"), MENTION);
    later();
    const map = scanScriptFiles(root, reader, bounded);
    // The root's three entries, then one of the unchanged folder's two.
    expect(found(map, root).filter((path) => !path.startsWith("sub/"))).toEqual(["a.ps1", "d.ps1"]);
    expect(map.size).toBe(3);
  });

  it("does not enter folders deeper than the maximum depth", () => {
    const root = tree({ "d1/one.ps1": MENTION, "d1/d2/two.ps1": MENTION, "d1/d2/d3/three.ps1": MENTION });
    const { reader } = recordingReader();
    expect(found(scanScriptFiles(root, reader, scan({ maxDepth: 2 })), root)).toEqual(["d1/d2/two.ps1", "d1/one.ps1"]);
    forgetScriptFiles();
    expect(found(scanScriptFiles(root, reader, scan({ maxDepth: 3 })), root)).toHaveLength(3);
  });
});
