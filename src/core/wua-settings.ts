/**
 * `settings.wua` of the ESLint configuration: the values the front ends use, and the mistakes in it,
 * in words for the administrator who wrote the configuration. One reading gives both, so that what is
 * reported as ignored is exactly what is ignored.
 */
import { nearestName } from "./nearest-name.js";

export interface WuaSettings {
  /** Treat every WUA object in the file as remote (scripts started over WinRM, SSH, PsExec, Ansible). */
  readonly assumeRemote: boolean;
  /** Extra computer names that mean "this computer", compared case-insensitively. */
  readonly localNames: readonly string[];
}

export interface CheckedWuaSettings {
  /** The valid parts, with the defaults in place of anything wrong. */
  readonly settings: WuaSettings;
  /** One sentence per mistake, naming the key, what was given and what is allowed. */
  readonly problems: readonly string[];
}

const DEFAULTS: WuaSettings = { assumeRemote: false, localNames: [] };

type Reader = (value: unknown, path: string, problems: string[]) => Partial<WuaSettings>;

/** Each setting: how its value is read, and what is said when it cannot be. */
const READERS: Readonly<Record<keyof WuaSettings, Reader>> = {
  assumeRemote(value, path, problems) {
    if (typeof value === "boolean") return { assumeRemote: value };
    // `"true"` in quotes is the likeliest way to get this wrong.
    const unquote = value === "true" || value === "false" ? `, without quotes` : "";
    problems.push(`${path} is ${describeValue(value)}; it takes true or false${unquote}.`);
    return {};
  },
  localNames(value, path, problems) {
    if (!Array.isArray(value)) {
      // The name given, put in a list, is the likeliest fix.
      const example = typeof value === "string" && value !== "" && value.length <= 40 ? JSON.stringify([value]) : '["ADMIN-WS01"]';
      problems.push(`${path} is ${describeValue(value)}; it takes a list of computer names, such as ${example}.`);
      return {};
    }
    const names: string[] = [];
    const wrong: string[] = [];
    value.forEach((name: unknown, index) => {
      if (typeof name === "string") names.push(name);
      else wrong.push(`${path}[${index}] is ${describeValue(name)}`);
    });
    if (wrong.length > 0) {
      const listed = wrong.length > 3 ? [...wrong.slice(0, 3), `${wrong.length - 3} more are not text either`] : wrong;
      problems.push(`${listed.join(", ")}; each computer name must be text in quotes, such as "ADMIN-WS01" (the other names apply).`);
    }
    return { localNames: names };
  },
};

const KEYS = Object.keys(READERS) as (keyof WuaSettings)[];

const checked = new WeakMap<object, CheckedWuaSettings>();

/**
 * Read and check `settings.wua`. ESLint hands every file of a configuration the same settings object,
 * so the answer is kept per object. Anything the configuration throws at it (a getter that throws, a
 * revoked proxy) becomes a problem, never an exception.
 */
export function checkWuaSettings(settings: unknown): CheckedWuaSettings {
  if (typeof settings !== "object" || settings === null) return { settings: DEFAULTS, problems: [] };
  let result = checked.get(settings);
  if (result === undefined) {
    try {
      result = checkWua((settings as Record<string, unknown>)["wua"]);
    } catch (error) {
      result = { settings: DEFAULTS, problems: [`settings.wua could not be read (${errorText(error)}); it must be a plain object, such as { assumeRemote: true }.`] };
    }
    checked.set(settings, result);
  }
  return result;
}

/** The settings to work with: anything malformed gives way to the default. */
export function readWuaSettings(settings: unknown): WuaSettings {
  return checkWuaSettings(settings).settings;
}

function checkWua(wua: unknown): CheckedWuaSettings {
  // A configuration without settings.wua is the usual case, not a mistake.
  if (wua === undefined) return { settings: DEFAULTS, problems: [] };
  if (typeof wua !== "object" || wua === null || Array.isArray(wua)) {
    return { settings: DEFAULTS, problems: [`settings.wua is ${describeValue(wua)}; it must be an object, such as { assumeRemote: true }.`] };
  }
  const problems: string[] = [];
  let settings: WuaSettings = DEFAULTS;
  for (const [key, value] of Object.entries(wua)) {
    const path = `settings.wua.${key}`;
    if (isKnownKey(key)) {
      // A key set to undefined is a key left out, as ESLint's own settings merging treats it.
      if (value !== undefined) settings = { ...settings, ...READERS[key](value, path, problems) };
      continue;
    }
    const meant = nearestName(key, KEYS);
    const guess = meant === undefined ? "" : ` Did you mean ${meant}?`;
    problems.push(`${path} is not a setting of eslint-plugin-wua.${guess} The settings are ${KEYS.join(" and ")}.`);
  }
  return { settings, problems };
}

function isKnownKey(key: string): key is keyof WuaSettings {
  return Object.hasOwn(READERS, key);
}

/** A value as the administrator wrote it, short enough for a message. */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return `the list [${value.slice(0, 4).map(describeItem).join(", ")}${value.length > 4 ? ", ..." : ""}]`;
  return describeItem(value);
}

function describeItem(value: unknown): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
    case "object":
      if (value === null) return "null";
      return Array.isArray(value) ? "a list" : "an object";
    case "function":
      return "a function";
    default:
      return String(value);
  }
}

function errorText(error: unknown): string {
  try {
    return error instanceof Error ? error.message : "an error was thrown";
  } catch {
    return "an error was thrown";
  }
}
