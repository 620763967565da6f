/**
 * What a file and its configuration say about where its WUA objects live, read the same way by every
 * front end: `settings.wua`, the `wua-remote` comment, the names that mean this computer.
 */
import type { WuaSettings } from "./wua-settings.js";

// Read (and checked) in wua-settings.ts; the front ends take them from here with the rest of a file's context.
export { readWuaSettings, type WuaSettings } from "./wua-settings.js";

/** Every WUA ProgID contains "Update": a file that never says it cannot create a WUA object. */
export function mayUseWua(text: string): boolean {
  return /update/iu.test(text);
}

/** Names that mean "this computer" whatever the configuration says. */
const BUILT_IN_LOCAL_NAMES = ["", ".", "localhost", "127.0.0.1", "::1"];

/** Lower-cased: the built-in names and the configured ones. */
export function localNamesOf(settings: WuaSettings): ReadonlySet<string> {
  return new Set([...BUILT_IN_LOCAL_NAMES, ...settings.localNames.map((name) => name.toLowerCase())]);
}

/** Whether a computer name written in a script means this computer (any case; blanks around it ignored). */
export function isLocalName(name: string, localNames: ReadonlySet<string>): boolean {
  return localNames.has(name.trim().toLowerCase());
}

/** A comment's text (without its delimiters) that marks the file as started over the network. */
export function isRemoteMarker(commentText: string): boolean {
  return /^\s*wua-remote\s*(?:--.*)?$/su.test(commentText);
}

/** Why every WUA object of a file is remote, if it is. */
export type RemoteFile = { readonly reason: "marker" | "setting"; readonly line: number } | null;

export function remoteFileOf(markerLine: number | undefined, settings: WuaSettings): RemoteFile {
  if (markerLine !== undefined) return { reason: "marker", line: markerLine };
  return settings.assumeRemote ? { reason: "setting", line: 0 } : null;
}

/** For the message: `in a file marked remote by its wua-remote comment (line 1)`. */
export function remoteFileReason(remoteFile: NonNullable<RemoteFile>): string {
  return remoteFile.reason === "marker"
    ? `in a file marked remote by its wua-remote comment (line ${remoteFile.line})`
    : "in a file linted with settings.wua.assumeRemote";
}

/** Source text on one line, shortened, for a message. */
export function abbreviate(text: string): string {
  const oneLine = text.replace(/\s+/gu, " ");
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}
