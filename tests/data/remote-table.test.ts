/**
 * The table against the spec: the test keeps its own copy of the documented rows (a user's clone
 * has no research notes), and every row must have a failing and a passing example.
 */
import { describe, expect, it } from "vitest";
import { availableInterfaces, remoteRows } from "../../src/data/remote-table.js";
import { lint } from "../helpers.js";
import { located, rowScenarios } from "../rules/row-cases.js";

/** "Using WUA From a Remote Computer": the "not available" list, in the page's order. */
const PAGE_ROWS: [number, string, "unavailable" | "read-only-remotely"][] = [
  [1, "IUpdateSession.CreateUpdateDownloader", "unavailable"],
  [2, "IUpdateSession.CreateUpdateInstaller", "unavailable"],
  [3, "IUpdateSession.WebProxy", "unavailable"],
  [4, "IUpdateSearcher.BeginSearch", "unavailable"],
  [5, "IUpdateSearcher.EndSearch", "unavailable"],
  [6, "IUpdate.IsHidden", "read-only-remotely"],
  [7, "IUpdate.AcceptEula", "unavailable"],
  [8, "IUpdate.CopyFromCache", "unavailable"],
  [9, "IUpdate2.CopyToCache", "unavailable"],
  [10, "IWindowsDriverUpdate2.CopyToCache", "unavailable"],
  [11, "IUpdateServiceManager.AddService", "unavailable"],
  [12, "IUpdateServiceManager.RegisterServiceWithAU", "unavailable"],
  [13, "IUpdateServiceManager.UnregisterServiceWithAU", "unavailable"],
  [14, "IAutomaticUpdates.Pause", "unavailable"],
  [15, "IAutomaticUpdates.Resume", "unavailable"],
  [16, "IAutomaticUpdates.ShowSettingsDialog", "unavailable"],
  [17, "IAutomaticUpdates.Settings", "unavailable"],
  [18, "IAutomaticUpdates.ServiceEnabled", "unavailable"],
  [19, "IAutomaticUpdates.EnableService", "unavailable"],
  [20, "ISystemInformation", "unavailable"],
];

/** Refusals stated on member reference pages ("cannot be called from a remote computer"). */
const MEMBER_PAGE_ROWS = [
  "IUpdateCollection.Copy",
  "IUpdateServiceManager.RemoveService",
  "IUpdateServiceManager.AddScanPackageService",
  "IUpdateServiceManager2.AddService2",
];

/** Creating these remotely is refused because their documented factory methods are. */
const FACTORY_ROWS = ["IUpdateDownloader", "IUpdateInstaller"];

const AVAILABLE = [
  "IUpdateSession", "IUpdateSession2", "IUpdateSearcher", "IAutomaticUpdates", "ISearchResult",
  "IUpdateCollection", "IUpdate", "IUpdate2", "IWindowsDriverUpdate", "IWindowsDriverUpdate2",
  "IUpdateIdentity", "IImageInformation", "IInstallationBehavior", "IStringCollection",
  "IUpdateHistoryEntryCollection", "IUpdateHistoryEntry", "ICategoryCollection", "ICategory",
  "IUpdateExceptionCollection", "IUpdateException", "IUpdateDownloadContentCollection",
  "IUpdateDownloadContent", "IUpdateServiceManager", "IUpdateServiceCollection", "IUpdateService",
  "IWindowsUpdateAgentInfo",
];

describe("the remote-use table", () => {
  it("holds the page's 20 rows, with their numbers and statuses", () => {
    const fromPage = remoteRows
      .filter((row) => row.source === "remote-use-page")
      .map((row) => [row.pageRow, row.id, row.status]);
    expect(fromPage).toEqual(PAGE_ROWS);
  });

  it("holds the refusals found on member pages, and the two factory-based interface rows", () => {
    const fromMemberPages = remoteRows.filter((row) => row.source === "member-page").map((row) => row.id);
    expect(fromMemberPages).toEqual([...MEMBER_PAGE_ROWS, ...FACTORY_ROWS]);
    const addService2 = remoteRows.find((row) => row.id === "IUpdateServiceManager2.AddService2");
    expect(addService2?.scope === "member" && addService2.condition).toEqual({
      kind: "argument-empty",
      index: 2,
      parameter: "authorizationCabPath",
    });
  });

  it("lists the page's 26 available interfaces", () => {
    expect(availableInterfaces).toEqual(AVAILABLE);
  });

  it("links every row to Microsoft's documentation and says what to do instead", () => {
    for (const row of remoteRows) {
      expect(row.link, row.id).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\/windows\/win32\//u);
      expect(row.advice.length, row.id).toBeGreaterThan(20);
    }
  });

  it("has a failing and a passing example for every row", () => {
    const covered = new Set(rowScenarios.flatMap((scenario) => scenario.rows));
    expect([...covered].sort()).toEqual(remoteRows.map((row) => row.id).sort());
  });
});

describe.each(rowScenarios.map((scenario) => [scenario.rows.join(" + "), scenario] as const))("%s", (_rows, scenario) => {
  const rules = { [`wua/${scenario.rule}`]: "error" as const };
  it("fails remotely with a message an administrator can act on", () => {
    const messages = lint(located(scenario.code).code, { rules });
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message!.message).toContain(scenario.mentions);
    expect(message!.message).toContain("0x80070005");
    expect(message!.message).toContain('"SRV-01"');
    expect(message!.message).toMatch(/See https:\/\/learn\.microsoft\.com\//u);
  });
  it("passes on the local (or allowed) form", () => {
    expect(lint(scenario.valid, { rules })).toEqual([]);
  });
});
