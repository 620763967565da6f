import { describe, expect, it } from "vitest";
import {
  lookUpProgId,
  resolveDefaultMember,
  resolveMember,
  viewsOf,
  viewsReturnedBy,
  type InterfaceName,
} from "../../src/core/object-model.js";
import { creationRow, memberVerdict, type ArgumentFact } from "../../src/core/remote-status.js";

const declaredBy = (views: readonly InterfaceName[], name: string): string[] =>
  resolveMember(views, name).map((d) => `${d.interfaceName}.${d.memberName}`);

describe("member resolution", () => {
  const session = viewsOf("IUpdateSession");
  const searcher = viewsOf("IUpdateSearcher");
  const update = viewsOf("IUpdate");

  it("sees the newest interfaces an object implements", () => {
    expect(session).toEqual(["IUpdateSession3"]);
    expect(searcher).toEqual(["IUpdateSearcher3"]);
    expect(update).toEqual(["IUpdateEx", "IWindowsDriverUpdate5"]);
    expect(viewsOf("IUpdateInstaller")).toEqual(["IUpdateInstaller4"]);
    expect(viewsOf("ISearchResult")).toEqual(["ISearchResult"]);
  });

  it("keeps the interface that declares a member", () => {
    expect(declaredBy(session, "QueryHistory")).toEqual(["IUpdateSession3.QueryHistory"]);
    expect(declaredBy(searcher, "QueryHistory")).toEqual(["IUpdateSearcher.QueryHistory"]);
    expect(declaredBy(session, "UserLocale")).toEqual(["IUpdateSession2.UserLocale"]);
    expect(declaredBy(session, "CreateUpdateInstaller")).toEqual(["IUpdateSession.CreateUpdateInstaller"]);
  });

  it("resolves names case-insensitively and reports the declared spelling", () => {
    expect(declaredBy(session, "createUPDATEinstaller")).toEqual(["IUpdateSession.CreateUpdateInstaller"]);
    expect(declaredBy(searcher, "search")).toEqual(["IUpdateSearcher.Search"]);
  });

  it("resolves a member in every view of an update: software and driver", () => {
    expect(declaredBy(update, "CopyToCache")).toEqual(["IUpdate2.CopyToCache", "IWindowsDriverUpdate2.CopyToCache"]);
    expect(declaredBy(update, "AcceptEula")).toEqual(["IUpdate.AcceptEula"]);
    expect(declaredBy(update, "DriverClass")).toEqual(["IWindowsDriverUpdate.DriverClass"]);
    expect(declaredBy(update, "NoSuchMember")).toEqual([]);
    expect(declaredBy(update, "toString")).toEqual([]);
  });

  it("finds default members and what members return", () => {
    expect(resolveDefaultMember(viewsOf("IUpdateCollection")).map((d) => d.memberName)).toEqual(["Item"]);
    expect(resolveDefaultMember(update).map((d) => d.memberName)).toEqual(["Title"]);
    expect(viewsReturnedBy(resolveMember(session, "CreateUpdateSearcher"))).toEqual(["IUpdateSearcher3"]);
    expect(viewsReturnedBy(resolveMember(viewsOf("IUpdateCollection"), "Item"))).toEqual(update);
    expect(viewsReturnedBy(resolveMember(update, "Title"))).toEqual([]);
  });

  it("resolves every member that Microsoft's search, download and install sample uses", () => {
    const chain: [InterfaceName, string, string | null][] = [
      ["IUpdateSession", "CreateUpdateSearcher", "IUpdateSearcher3"],
      ["IUpdateSearcher", "Search", "ISearchResult"],
      ["ISearchResult", "Updates", "IUpdateCollection"],
      ["IUpdateCollection", "Count", null],
      ["IUpdateCollection", "Item", "IUpdateEx|IWindowsDriverUpdate5"],
      ["IUpdateCollection", "Add", null],
      ["IUpdate", "Title", null],
      ["IUpdate", "IsDownloaded", null],
      ["IUpdate", "EulaAccepted", null],
      ["IUpdate", "InstallationBehavior", "IInstallationBehavior"],
      ["IInstallationBehavior", "CanRequestUserInput", null],
      ["IUpdateSession", "CreateUpdateDownloader", "IUpdateDownloaderEx"],
      ["IUpdateDownloader", "Updates", "IUpdateCollection"],
      ["IUpdateDownloader", "Download", "IDownloadResult"],
      ["IUpdateSession", "CreateUpdateInstaller", "IUpdateInstaller4"],
      ["IUpdateInstaller", "Install", "IInstallationResult"],
      ["IInstallationResult", "ResultCode", null],
      ["IInstallationResult", "RebootRequired", null],
      ["IInstallationResult", "GetUpdateResult", "IUpdateInstallationResult"],
      ["IUpdateInstallationResult", "ResultCode", null],
    ];
    for (const [iface, member, yields] of chain) {
      const declared = resolveMember(viewsOf(iface), member);
      expect(declared.length, `${iface}.${member}`).toBeGreaterThan(0);
      expect(viewsReturnedBy(declared).join("|") || null, `${iface}.${member}`).toBe(yields);
    }
  });
});

describe("ProgIDs", () => {
  it.each([
    ["Microsoft.Update.Session", "IUpdateSession3"],
    ["microsoft.update.session.1", "IUpdateSession3"],
    ["Microsoft.Update.Searcher", "IUpdateSearcher3"],
    ["Microsoft.Update.Downloader", "IUpdateDownloader"],
    ["Microsoft.Update.Installer", "IUpdateInstaller2"],
    ["Microsoft.Update.UpdateColl", "IUpdateCollection"],
    ["Microsoft.Update.StringColl", "IStringCollection"],
    ["Microsoft.Update.AutoUpdate", "IAutomaticUpdates2"],
    ["Microsoft.Update.ServiceManager", "IUpdateServiceManager2"],
    ["Microsoft.Update.SystemInfo", "ISystemInformation"],
    ["Microsoft.Update.AgentInfo", "IWindowsUpdateAgentInfo"],
    ["Microsoft.Update.WebProxy", "IWebProxy"],
    ["Microsoft.Update.InstallationAgent", "IInstallationAgent"],
  ])("%s -> %s", (progId, defaultInterface) => {
    expect(lookUpProgId(progId)?.defaultInterface).toBe(defaultInterface);
  });

  it("knows nothing of other ProgIDs", () => {
    expect(lookUpProgId("Scripting.FileSystemObject")).toBeUndefined();
    expect(lookUpProgId("Microsoft.Update")).toBeUndefined();
  });
});

describe("remote verdicts: the four states", () => {
  const noArguments = (): ArgumentFact => ({ kind: "unknown" });
  const verdict = (iface: InterfaceName, member: string, argument: (index: number) => ArgumentFact = noArguments) => {
    const [declared] = resolveMember([iface], member);
    return memberVerdict(declared!, argument).status;
  };

  it("available, unavailable, read-only remotely, unlisted", () => {
    expect(verdict("IUpdateSearcher", "Search")).toBe("available");
    expect(verdict("IUpdateSession", "CreateUpdateInstaller")).toBe("unavailable");
    expect(verdict("IUpdate", "IsHidden")).toBe("read-only-remotely");
    expect(verdict("IUpdateSession3", "QueryHistory")).toBe("unlisted");
    expect(verdict("IUpdateSession3", "CreateUpdateSearcher")).toBe("available");
    expect(verdict("ISystemInformation", "RebootRequired")).toBe("unavailable");
  });

  it("decides AddService2 by its authorizationCabPath argument", () => {
    const at2 = (fact: ArgumentFact) => (index: number): ArgumentFact => (index === 2 ? fact : { kind: "unknown" });
    expect(verdict("IUpdateServiceManager2", "AddService2", at2({ kind: "missing" }))).toBe("unavailable");
    expect(verdict("IUpdateServiceManager2", "AddService2", at2({ kind: "constant", value: "" }))).toBe("unavailable");
    expect(verdict("IUpdateServiceManager2", "AddService2", at2({ kind: "constant", value: null }))).toBe("unavailable");
    expect(verdict("IUpdateServiceManager2", "AddService2", at2({ kind: "constant", value: "C:\\auth.cab" }))).toBe("unlisted");
    expect(verdict("IUpdateServiceManager2", "AddService2", at2({ kind: "unknown" }))).toBe("unlisted");
  });

  it("forbids creating some interfaces remotely", () => {
    expect(creationRow(viewsOf("ISystemInformation"))?.id).toBe("ISystemInformation");
    expect(creationRow(viewsOf("IUpdateInstaller2"))?.id).toBe("IUpdateInstaller");
    expect(creationRow(viewsOf("IUpdateDownloader"))?.id).toBe("IUpdateDownloader");
    expect(creationRow(viewsOf("IUpdateSession3"))).toBeUndefined();
  });
});
