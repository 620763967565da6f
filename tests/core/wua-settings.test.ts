/** Reading and checking settings.wua, without ESLint: the values the front ends get and the problems reported. */
import { describe, expect, it } from "vitest";
import { nearestName } from "../../src/core/nearest-name.js";
import { checkWuaSettings, readWuaSettings } from "../../src/core/wua-settings.js";

describe("checkWuaSettings", () => {
  it.each([
    ["no settings at all", undefined],
    ["settings without wua", { other: { x: 1 } }],
    ["an empty settings.wua", { wua: {} }],
    ["every setting", { wua: { assumeRemote: true, localNames: ["ADMIN-WS01", "build-pc"] } }],
  ])("finds nothing wrong with %s", (_, settings) => {
    expect(checkWuaSettings(settings).problems).toEqual([]);
  });

  it("reads every valid setting", () => {
    expect(readWuaSettings({ wua: { assumeRemote: true, localNames: ["ADMIN-WS01"] } })).toEqual({ assumeRemote: true, localNames: ["ADMIN-WS01"] });
    expect(readWuaSettings({})).toEqual({ assumeRemote: false, localNames: [] });
  });

  it("names the key, the value given and what is allowed, one sentence per mistake", () => {
    const { problems } = checkWuaSettings({ wua: { assumRemote: true, assumeRemote: "yes", localNames: "SRV-01", color: "blue" } });
    expect(problems).toEqual([
      "settings.wua.assumRemote is not a setting of eslint-plugin-wua. Did you mean assumeRemote? The settings are assumeRemote and localNames.",
      'settings.wua.assumeRemote is "yes"; it takes true or false.',
      'settings.wua.localNames is "SRV-01"; it takes a list of computer names, such as ["SRV-01"].',
      "settings.wua.color is not a setting of eslint-plugin-wua. The settings are assumeRemote and localNames.",
    ]);
  });

  it("keeps the valid parts: a mistake in one key leaves the others in force", () => {
    expect(checkWuaSettings({ wua: { assumeRemote: true, localNames: "x" } }).settings).toEqual({ assumeRemote: true, localNames: [] });
    expect(checkWuaSettings({ wua: { assumeRemote: "true", localNames: ["A", 1, "B"] } }).settings).toEqual({ assumeRemote: false, localNames: ["A", "B"] });
    expect(checkWuaSettings({ wua: { LocalNames: ["A"], assumeRemote: true } }).settings).toEqual({ assumeRemote: true, localNames: [] });
  });

  it("suggests the key that differs only in case", () => {
    expect(checkWuaSettings({ wua: { LocalNames: ["A"] } }).problems[0]).toContain("Did you mean localNames?");
  });

  it("lists the first wrong names of localNames and counts the rest", () => {
    const [problem] = checkWuaSettings({ wua: { localNames: [1, "A", null, true, {}, [], 7] } }).problems;
    expect(problem).toBe(
      'settings.wua.localNames[0] is 1, settings.wua.localNames[2] is null, settings.wua.localNames[3] is true, 3 more are not text either; each computer name must be text in quotes, such as "ADMIN-WS01" (the other names apply).',
    );
  });

  it.each([
    [null, "settings.wua is null;"],
    [true, "settings.wua is true;"],
    ["yes", 'settings.wua is "yes";'],
    [[1, "a", [2], { b: 1 }, 5], 'settings.wua is the list [1, "a", a list, an object, ...];'],
    [() => true, "settings.wua is a function;"],
  ])("reports settings.wua = %j as not an object", (wua, start) => {
    const { settings, problems } = checkWuaSettings({ wua });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(start);
    expect(problems[0]).toContain("it must be an object, such as { assumeRemote: true }.");
    expect(settings).toEqual({ assumeRemote: false, localNames: [] });
  });

  it("shortens a long value", () => {
    const [problem] = checkWuaSettings({ wua: { assumeRemote: "x".repeat(500) } }).problems;
    expect(problem!.length).toBeLessThan(120);
  });

  it("never throws, whatever the configuration holds", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const hostile: unknown[] = [
      { wua: proxy },
      { wua: { get assumeRemote(): never { throw new Error("boom"); } } },
      { wua: { assumeRemote: Symbol("x"), localNames: [10n, Symbol("y")] } },
      { wua: Object.create(null) as object },
      { get wua(): never { throw new TypeError("no"); } },
    ];
    for (const settings of hostile) {
      const result = checkWuaSettings(settings);
      expect(result.settings.assumeRemote).toBe(false);
    }
    expect(checkWuaSettings(hostile[1]).problems).toEqual(["settings.wua could not be read (boom); it must be a plain object, such as { assumeRemote: true }."]);
  });
});

describe("nearestName", () => {
  const keys = ["assumeRemote", "localNames"];

  it.each([
    ["assumRemote", "assumeRemote"],
    ["asumeRemote", "assumeRemote"],
    ["assmueRemote", "assumeRemote"],
    ["ASSUMEREMOTE", "assumeRemote"],
    ["localName", "localNames"],
    ["localnames", "localNames"],
  ])("takes %s for %s", (given, meant) => {
    expect(nearestName(given, keys)).toBe(meant);
  });

  it.each([["remote"], ["names"], [""], ["x"], ["assume"]])("suggests nothing for %j", (given) => {
    expect(nearestName(given, keys)).toBeUndefined();
  });
});
