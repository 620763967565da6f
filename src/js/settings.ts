/** `settings.wua` as users write it in their ESLint config; anything malformed falls back to the defaults. */

export interface WuaSettings {
  /** Treat every WUA object in the file as remote (scripts started over WinRM, SSH, PsExec, Ansible). */
  readonly assumeRemote: boolean;
  /** Extra computer names that mean "this computer", compared case-insensitively. */
  readonly localNames: readonly string[];
}

export function readWuaSettings(settings: unknown): WuaSettings {
  const raw = isRecord(settings) && isRecord(settings["wua"]) ? settings["wua"] : {};
  const localNames = Array.isArray(raw["localNames"])
    ? raw["localNames"].filter((name): name is string => typeof name === "string")
    : [];
  return { assumeRemote: raw["assumeRemote"] === true, localNames };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
