/**
 * What Microsoft documents about WUA objects used by a remote caller, row by row.
 * Spec: "Using WUA From a Remote Computer" (the remote-use page) and the member reference pages
 * that say "This method cannot be called from a remote computer". Plain data: rules only read it.
 */
import type { InterfaceName } from "./object-model.js";

export const REMOTE_USE_PAGE =
  "https://learn.microsoft.com/en-us/windows/win32/wua_sdk/using-wua-from-a-remote-computer";
export const API_PAGE_BASE = "https://learn.microsoft.com/en-us/windows/win32/api/wuapi/";

/** How a remote caller fares with a member. `unlisted`: documented neither way. */
export type RemoteStatus = "available" | "unavailable" | "read-only-remotely" | "unlisted";

/** Where a row's fact is stated. */
export type RowSource = "remote-use-page" | "member-page";

/** A refusal that depends on the arguments of the call. */
export interface EmptyArgumentCondition {
  readonly kind: "argument-empty";
  readonly index: number;
  readonly parameter: string;
}

export interface MemberRow {
  readonly id: string;
  readonly scope: "member";
  readonly interface: InterfaceName;
  readonly member: string;
  readonly status: "unavailable" | "read-only-remotely";
  readonly source: RowSource;
  /** Position in the remote-use page's "not available" list, when the row comes from there. */
  readonly pageRow?: number;
  readonly link: string;
  readonly condition?: EmptyArgumentCondition;
  /** What an administrator can do instead. */
  readonly advice: string;
}

export interface InterfaceRow {
  readonly id: string;
  readonly scope: "interface";
  readonly interface: InterfaceName;
  readonly status: "unavailable";
  readonly source: RowSource;
  readonly pageRow?: number;
  readonly link: string;
  /** Why a remote caller cannot use it, when the reason is not the page's own list. */
  readonly basis?: string;
  readonly advice: string;
}

export type RemoteRow = MemberRow | InterfaceRow;

const RUN_ON_TARGET =
  "Run this part on that computer itself, for example as a scheduled task that starts the script there.";
const MANAGE_AU_ON_TARGET =
  "Change Automatic Updates on that computer itself (a script run there, or Group Policy).";
const SERVICES_ON_TARGET =
  "Register or remove update services from a script that runs on that computer, for example as a scheduled task.";

const api = (slug: string): string => API_PAGE_BASE + slug;

const member = (
  iface: InterfaceName,
  name: string,
  details: Omit<MemberRow, "id" | "scope" | "interface" | "member" | "status"> & {
    status?: MemberRow["status"];
  },
): MemberRow => ({
  id: `${iface}.${name}`,
  scope: "member",
  interface: iface,
  member: name,
  status: details.status ?? "unavailable",
  ...details,
});

/** The page's "not available" list (20 rows) followed by the refusals found on member pages. */
export const remoteRows: readonly RemoteRow[] = [
  member("IUpdateSession", "CreateUpdateDownloader", {
    source: "remote-use-page", pageRow: 1,
    link: api("nf-wuapi-iupdatesession-createupdatedownloader"), advice: RUN_ON_TARGET,
  }),
  member("IUpdateSession", "CreateUpdateInstaller", {
    source: "remote-use-page", pageRow: 2,
    link: api("nf-wuapi-iupdatesession-createupdateinstaller"), advice: RUN_ON_TARGET,
  }),
  member("IUpdateSession", "WebProxy", {
    source: "remote-use-page", pageRow: 3, link: REMOTE_USE_PAGE,
    advice: "Configure the proxy on that computer itself (a script run there, or Group Policy).",
  }),
  member("IUpdateSearcher", "BeginSearch", {
    source: "remote-use-page", pageRow: 4, link: api("nf-wuapi-iupdatesearcher-beginsearch"),
    advice: "Call Search instead: it is available to remote callers and returns the result when the search ends.",
  }),
  member("IUpdateSearcher", "EndSearch", {
    source: "remote-use-page", pageRow: 5, link: api("nf-wuapi-iupdatesearcher-endsearch"),
    advice: "Call Search instead: it is available to remote callers and returns the result when the search ends.",
  }),
  member("IUpdate", "IsHidden", {
    status: "read-only-remotely", source: "remote-use-page", pageRow: 6, link: REMOTE_USE_PAGE,
    advice: "Hide or show updates from a script that runs on that computer, for example as a scheduled task; reading IsHidden remotely is fine.",
  }),
  member("IUpdate", "AcceptEula", {
    source: "remote-use-page", pageRow: 7, link: api("nf-wuapi-iupdate-accepteula"), advice: RUN_ON_TARGET,
  }),
  member("IUpdate", "CopyFromCache", {
    source: "remote-use-page", pageRow: 8, link: api("nf-wuapi-iupdate-copyfromcache"), advice: RUN_ON_TARGET,
  }),
  member("IUpdate2", "CopyToCache", {
    source: "remote-use-page", pageRow: 9, link: api("nf-wuapi-iupdate2-copytocache"), advice: RUN_ON_TARGET,
  }),
  member("IWindowsDriverUpdate2", "CopyToCache", {
    source: "remote-use-page", pageRow: 10, link: api("nf-wuapi-iwindowsdriverupdate2-copytocache"),
    advice: RUN_ON_TARGET,
  }),
  member("IUpdateServiceManager", "AddService", {
    source: "remote-use-page", pageRow: 11, link: api("nf-wuapi-iupdateservicemanager-addservice"),
    advice: SERVICES_ON_TARGET,
  }),
  member("IUpdateServiceManager", "RegisterServiceWithAU", {
    source: "remote-use-page", pageRow: 12,
    link: api("nf-wuapi-iupdateservicemanager-registerservicewithau"), advice: SERVICES_ON_TARGET,
  }),
  member("IUpdateServiceManager", "UnregisterServiceWithAU", {
    source: "remote-use-page", pageRow: 13,
    link: api("nf-wuapi-iupdateservicemanager-unregisterservicewithau"), advice: SERVICES_ON_TARGET,
  }),
  member("IAutomaticUpdates", "Pause", {
    source: "remote-use-page", pageRow: 14, link: api("nf-wuapi-iautomaticupdates-pause"),
    advice: MANAGE_AU_ON_TARGET,
  }),
  member("IAutomaticUpdates", "Resume", {
    source: "remote-use-page", pageRow: 15, link: api("nf-wuapi-iautomaticupdates-resume"),
    advice: MANAGE_AU_ON_TARGET,
  }),
  member("IAutomaticUpdates", "ShowSettingsDialog", {
    source: "remote-use-page", pageRow: 16, link: api("nf-wuapi-iautomaticupdates-showsettingsdialog"),
    advice: "Open the settings on that computer; a dialog cannot be shown to a remote caller.",
  }),
  member("IAutomaticUpdates", "Settings", {
    source: "remote-use-page", pageRow: 17, link: REMOTE_USE_PAGE, advice: MANAGE_AU_ON_TARGET,
  }),
  member("IAutomaticUpdates", "ServiceEnabled", {
    source: "remote-use-page", pageRow: 18, link: REMOTE_USE_PAGE,
    advice: "Check the Windows Update service on that computer itself, for example with a script run there.",
  }),
  member("IAutomaticUpdates", "EnableService", {
    source: "remote-use-page", pageRow: 19, link: api("nf-wuapi-iautomaticupdates-enableservice"),
    advice: MANAGE_AU_ON_TARGET,
  }),
  {
    id: "ISystemInformation",
    scope: "interface",
    interface: "ISystemInformation",
    status: "unavailable",
    source: "remote-use-page",
    pageRow: 20,
    link: REMOTE_USE_PAGE,
    advice: "Create Microsoft.Update.SystemInfo on that computer itself, in a script that runs there.",
  },
  member("IUpdateCollection", "Copy", {
    source: "member-page", link: api("nf-wuapi-iupdatecollection-copy"),
    advice: "Build the new collection with Microsoft.Update.UpdateColl and Add each update to it instead.",
  }),
  member("IUpdateServiceManager", "RemoveService", {
    source: "member-page", link: api("nf-wuapi-iupdateservicemanager-removeservice"), advice: SERVICES_ON_TARGET,
  }),
  member("IUpdateServiceManager", "AddScanPackageService", {
    source: "member-page", link: api("nf-wuapi-iupdateservicemanager-addscanpackageservice"),
    advice: SERVICES_ON_TARGET,
  }),
  member("IUpdateServiceManager2", "AddService2", {
    source: "member-page", link: api("nf-wuapi-iupdateservicemanager2-addservice2"),
    condition: { kind: "argument-empty", index: 2, parameter: "authorizationCabPath" },
    advice: "Pass the path of the service's authorization cab, or register the service from a script that runs on that computer.",
  }),
  {
    id: "IUpdateDownloader",
    scope: "interface",
    interface: "IUpdateDownloader",
    status: "unavailable",
    source: "member-page",
    link: api("nf-wuapi-iupdatesession-createupdatedownloader"),
    basis: "IUpdateSession.CreateUpdateDownloader, the documented way to get a downloader, cannot be called from a remote computer",
    advice: RUN_ON_TARGET,
  },
  {
    id: "IUpdateInstaller",
    scope: "interface",
    interface: "IUpdateInstaller",
    status: "unavailable",
    source: "member-page",
    link: api("nf-wuapi-iupdatesession-createupdateinstaller"),
    basis: "IUpdateSession.CreateUpdateInstaller, the documented way to get an installer, cannot be called from a remote computer",
    advice: RUN_ON_TARGET,
  },
];

/** The remote-use page's list of interfaces a remote caller may use (26). */
export const availableInterfaces: readonly InterfaceName[] = [
  "IUpdateSession", "IUpdateSession2", "IUpdateSearcher", "IAutomaticUpdates", "ISearchResult",
  "IUpdateCollection", "IUpdate", "IUpdate2", "IWindowsDriverUpdate", "IWindowsDriverUpdate2",
  "IUpdateIdentity", "IImageInformation", "IInstallationBehavior", "IStringCollection",
  "IUpdateHistoryEntryCollection", "IUpdateHistoryEntry", "ICategoryCollection", "ICategory",
  "IUpdateExceptionCollection", "IUpdateException", "IUpdateDownloadContentCollection",
  "IUpdateDownloadContent", "IUpdateServiceManager", "IUpdateServiceCollection", "IUpdateService",
  "IWindowsUpdateAgentInfo",
];
