/**
 * Editor squiggles: the real VS Code ESLint language server (vscode-langservers-extracted) over
 * stdio, with the repository as workspace (its eslint.config.js uses the built plugin). The server
 * only answers pull requests for diagnostics (LSP 3.17), so the test pulls them as VS Code does.
 * PowerShell documents are opened with VS Code's language id `powershell`, which VS Code only sends
 * when `eslint.validate` lists it: the settings below answer `validate: "on"` for every document.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { EOL } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const serverScript = join(root, "node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server");
const workspaceUri = pathToFileURL(root).href.replace(/\/$/u, "");

interface Position { line: number; character: number }
interface Range { start: Position; end: Position }
interface Diagnostic { range: Range; message: string; source?: string; code?: string; codeDescription?: { href: string } }
interface TextEdit { range: Range; newText: string }
interface CodeAction { title: string; kind?: string; command?: { command: string; arguments?: unknown[] } }

/** What VS Code sends for one workspace folder: the server needs these keys or it throws. */
const settings: Record<string, unknown> = {
  validate: "on",
  packageManager: "npm",
  useESLintClass: false,
  useFlatConfig: true,
  experimental: {},
  codeAction: { disableRuleComment: { enable: false, location: "separateLine" }, showDocumentation: { enable: true } },
  codeActionOnSave: { enable: false, mode: "all" },
  format: false,
  quiet: false,
  onIgnoredFiles: "off",
  options: {},
  rulesCustomizations: [],
  run: "onType",
  problems: { shortenToSingleLine: false },
  nodePath: null,
  workingDirectory: { mode: "location" },
  workspaceFolder: { uri: workspaceUri, name: "eslint-plugin-wua" },
};

/** Settings that differ for one document (by URI), as a folder's `.vscode/settings.json` would. */
const settingsFor = new Map<string, Record<string, unknown>>();

let server: ChildProcess;
let connection: MessageConnection;
const appliedEdits: { changes?: Record<string, TextEdit[]>; documentChanges?: { edits: TextEdit[] }[] }[] = [];

beforeAll(async () => {
  server = spawn(process.execPath, [serverScript, "--stdio"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
  connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  connection.onRequest("workspace/configuration", (params: { items: { scopeUri?: string }[] }) =>
    params.items.map((item) => ({ ...settings, ...(item.scopeUri === undefined ? {} : settingsFor.get(item.scopeUri)) })),
  );
  connection.onRequest("client/registerCapability", () => null);
  connection.onRequest("window/workDoneProgress/create", () => null);
  connection.onRequest("workspace/applyEdit", (params: { edit: (typeof appliedEdits)[number] }) => {
    appliedEdits.push(params.edit);
    return { applied: true };
  });
  connection.onNotification(() => undefined);
  connection.listen();
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: workspaceUri,
    workspaceFolders: [{ uri: workspaceUri, name: "eslint-plugin-wua" }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, applyEdit: true, executeCommand: {} },
      textDocument: {
        synchronization: { didSave: true },
        diagnostic: { dynamicRegistration: false },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source"] } } },
      },
    },
  });
  await connection.sendNotification("initialized", {});
}, 30_000);

afterAll(async () => {
  try {
    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
  } finally {
    connection.dispose();
    server.kill();
  }
});

function open(relativePath: string, languageId: string, unsavedText?: string): { uri: string; text: string } {
  const text = unsavedText ?? readFileSync(join(root, relativePath), "utf8");
  const uri = pathToFileURL(join(root, relativePath)).href;
  void connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
  return { uri, text };
}

/** Pull diagnostics until the server has loaded ESLint and linted the document. */
async function pullDiagnostics(uri: string): Promise<Diagnostic[]> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const report = (await connection.sendRequest("textDocument/diagnostic", { textDocument: { uri } })) as { items?: Diagnostic[] };
    if (report.items && report.items.length > 0) return report.items;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return [];
}

const rangeText = (r: Range): string => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

describe("VS Code ESLint language server", () => {
  it("sends the wua diagnostics with their ranges, rule ids and doc links", async () => {
    const { uri } = open("examples/remote/deploy-patches.js", "javascript");
    const diagnostics = await pullDiagnostics(uri);
    expect(diagnostics.map((d) => `${d.code} ${rangeText(d.range)}`)).toEqual([
      "wua/no-remote-unavailable-member 18:12-18:22",
      "wua/no-remote-unavailable-member 23:26-23:48",
      "wua/no-remote-unavailable-member 27:25-27:46",
    ]);
    expect(diagnostics.every((d) => d.source === "eslint")).toBe(true);
    expect(diagnostics[0]!.codeDescription?.href).toBe(
      "https://github.com/eslint-plugin-wua/eslint-plugin-wua/blob/main/docs/rules/no-remote-unavailable-member.md",
    );
    expect(diagnostics[0]!.message).toContain("IUpdate.AcceptEula");
  });

  it("lints the JScript of .wsf and .hta files at their own positions", async () => {
    const wsf = open("examples/remote/patch-jobs.wsf", "xml");
    expect((await pullDiagnostics(wsf.uri)).map((d) => `${d.code} ${rangeText(d.range)}`)).toEqual([
      "wua/no-remote-unavailable-member 24:31-24:52",
    ]);
    const hta = open("examples/remote/update-console.hta", "html");
    expect((await pullDiagnostics(hta.uri)).map((d) => `${d.code} ${rangeText(d.range)}`)).toEqual([
      "wua/no-remote-ishidden-write 25:23-25:31",
    ]);
  });

  it("offers the suggestion as a code action whose edit drops the computer name", async () => {
    const { uri, text } = open("examples/remote/driver-cleanup.js", "javascript");
    const [diagnostic] = await pullDiagnostics(uri);
    expect(diagnostic?.code).toBe("wua/no-remote-ishidden-write");
    const actions = (await connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri },
      range: diagnostic!.range,
      context: { diagnostics: [diagnostic], only: ["quickfix"] },
    })) as CodeAction[];
    const suggestion = actions.find((a) => a.title.startsWith("Create the Microsoft.Update.Session on this computer"));
    expect(suggestion?.command?.command).toBe("eslint.applySuggestion");
    appliedEdits.length = 0;
    await connection.sendRequest("workspace/executeCommand", suggestion!.command);
    const edits = appliedEdits.flatMap((edit) => [...Object.values(edit.changes ?? {}).flat(), ...(edit.documentChanges ?? []).flatMap((c) => c.edits)]);
    expect(edits).toHaveLength(1);
    const lines = text.split("\n");
    const { start, end } = edits[0]!.range;
    expect(lines[start.line]!.slice(start.character, end.character)).toBe(", computer");
    expect(edits[0]!.newText).toBe("");
  });
});

/** The `.vscode/settings.json` that the README's "PowerShell in VS Code" section recommends. */
function readmePowerShellSettings(): Record<string, unknown> {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### PowerShell in VS Code"));
  const block = /```json\n([\s\S]*?)```/u.exec(section);
  return JSON.parse(block![1]!) as Record<string, unknown>;
}

/** What VS Code itself sends when `eslint.codeAction.disableRuleComment` is left alone. */
const vsCodeDefaultDisableRuleComment = { enable: true, location: "separateLine", commentStyle: "line" };

async function codeActionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return (await connection.sendRequest("textDocument/codeAction", {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ["quickfix"] },
  })) as CodeAction[];
}

/** Runs a code action's command and returns the edits the server asks the client to apply. */
async function editsOf(action: CodeAction): Promise<TextEdit[]> {
  appliedEdits.length = 0;
  await connection.sendRequest("workspace/executeCommand", action.command);
  return appliedEdits.flatMap((edit) => [...Object.values(edit.changes ?? {}).flat(), ...(edit.documentChanges ?? []).flatMap((c) => c.edits)]);
}

function offsetOf(text: string, position: Position): number {
  const lineStarts = [0, ...[...text.matchAll(/\n/gu)].map((m) => m.index + 1)];
  return Math.min(lineStarts[position.line]! + position.character, text.length);
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
  return sorted.reduce((result, e) => result.slice(0, offsetOf(text, e.range.start)) + e.newText + result.slice(offsetOf(text, e.range.end)), text);
}

/** One pull after a change: the server lints the document's current text when asked. */
async function diagnosticsAfterChange(uri: string, version: number, text: string): Promise<Diagnostic[]> {
  void connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
  const report = (await connection.sendRequest("textDocument/diagnostic", { textDocument: { uri } })) as { items?: Diagnostic[] };
  return report.items ?? [];
}

const dcomScript = [
  "param($Computer)",
  '$session = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", $Computer))',
  "$installer = $session.CreateUpdateInstaller()",
  "",
].join("\n");
const suggestionTitle = "Create the Microsoft.Update.Session on this computer instead (drop $Computer)";

describe("VS Code ESLint language server on PowerShell documents", () => {
  const docs = "https://github.com/eslint-plugin-wua/eslint-plugin-wua/blob/main/docs/rules/";

  it("sends the diagnostics of .ps1 and .psm1 documents with their ranges, rule ids and doc links", async () => {
    const ps1 = open("examples/remote/Get-PatchReport.ps1", "powershell");
    const diagnostics = await pullDiagnostics(ps1.uri);
    expect(diagnostics.map((d) => `${d.code} ${rangeText(d.range)}`)).toEqual([
      "wua/no-remote-ishidden-write 43:29-43:37",
      "wua/no-remote-unavailable-member 51:21-51:31",
      "wua/no-remote-unavailable-member 56:28-56:50",
      "wua/no-remote-unavailable-member 60:27-60:48",
    ]);
    // The ranges cover the member as written in the file.
    const lines = ps1.text.split("\n");
    expect(diagnostics.map((d) => lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character))).toEqual([
      "IsHidden",
      "AcceptEula",
      "CreateUpdateDownloader",
      "CreateUpdateInstaller",
    ]);
    expect(diagnostics.every((d) => d.source === "eslint")).toBe(true);
    expect(diagnostics.map((d) => d.codeDescription?.href)).toEqual([
      `${docs}no-remote-ishidden-write.md`,
      `${docs}no-remote-unavailable-member.md`,
      `${docs}no-remote-unavailable-member.md`,
      `${docs}no-remote-unavailable-member.md`,
    ]);
    expect(diagnostics[1]!.message).toContain("IUpdate.AcceptEula");

    const psm1 = open("examples/remote/UpdateServices.psm1", "powershell");
    expect((await pullDiagnostics(psm1.uri)).map((d) => `${d.code} ${rangeText(d.range)}`)).toEqual([
      "wua/no-remote-unavailable-member 35:14-35:35",
      "wua/no-remote-unavailable-member 41:14-41:27",
    ]);
  });

  it("shows a worker's failures when only the worker is open, naming the script that sends it", async () => {
    const worker = open("examples/remote/fleet/Install-Worker.ps1", "powershell");
    const diagnostics = await pullDiagnostics(worker.uri);
    const lines = worker.text.split("\n");
    expect(diagnostics.map((d) => lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character))).toEqual([
      "CreateUpdateDownloader",
      "CreateUpdateInstaller",
    ]);
    for (const diagnostic of diagnostics) {
      expect(diagnostic.message).toContain(`Install-Worker.ps1, which runs on $ComputerName: ${join("examples", "remote", "fleet", "Start-Patching.ps1")} line 25 sends it with Invoke-Command -FilePath`);
    }
  });

  it("offers the suggestion on a DCOM creation as a code action whose edit drops the computer", async () => {
    const { uri, text } = open("Install-Dcom.unsaved.ps1", "powershell", dcomScript);
    const diagnostics = await pullDiagnostics(uri);
    expect(diagnostics.map((d) => `${d.code} ${rangeText(d.range)}`)).toEqual(["wua/no-remote-unavailable-member 3:23-3:44"]);
    const actions = await codeActionsFor(uri, diagnostics[0]!);
    const suggestion = actions.find((a) => a.title.startsWith(suggestionTitle));
    expect(suggestion?.command?.command).toBe("eslint.applySuggestion");
    const edits = await editsOf(suggestion!);
    expect(edits).toHaveLength(1);
    const edited = applyEdits(text, edits);
    expect(edited).toBe(text.replace(", $Computer", ""));
    expect(edited.split("\n")[1]).toBe('$session = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session"))');
    // Created on this computer, the session is no longer reported.
    expect(await diagnosticsAfterChange(uri, 2, edited)).toEqual([]);
  });

  it("with VS Code's default settings, offers disable quick fixes that write JavaScript comments into PowerShell", async () => {
    const path = "Install-Dcom.default-settings.unsaved.ps1";
    settingsFor.set(pathToFileURL(join(root, path)).href, { codeAction: { disableRuleComment: vsCodeDefaultDisableRuleComment, showDocumentation: { enable: true } } });
    const { uri, text } = open(path, "powershell", dcomScript);
    const [diagnostic] = await pullDiagnostics(uri);
    const actions = await codeActionsFor(uri, diagnostic!);
    const rule = "wua/no-remote-unavailable-member";
    const disableLine = actions.find((a) => a.title === `Disable ${rule} for this line`);
    const disableFile = actions.find((a) => a.title === `Disable ${rule} for the entire file`);
    expect(disableLine).toBeDefined();
    expect(disableFile).toBeDefined();

    // The server knows no comment syntax for `powershell` and falls back to JavaScript's.
    const lineEdits = await editsOf(disableLine!);
    expect(lineEdits).toEqual([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: `// eslint-disable-next-line ${rule}${EOL}` }]);
    const fileEdits = await editsOf(disableFile!);
    expect(fileEdits).toHaveLength(1);
    expect(fileEdits[0]!.newText).toMatch(new RegExp(`^/\\*\\*? eslint-disable ${rule} \\*/${EOL}$`, "u"));

    // `//` is not a PowerShell comment: the "disabled" line is still reported, one line lower.
    const edited = applyEdits(text, lineEdits);
    const after = await diagnosticsAfterChange(uri, 2, edited);
    expect(after.map((d) => `${d.code} ${rangeText(d.range)}`)).toEqual([`${rule} 4:23-4:44`]);
  });

  it("the README's settings list powershell and turn the disable quick fixes off, keeping the suggestion", async () => {
    const recommended = readmePowerShellSettings();
    expect(recommended["eslint.validate"]).toContain("powershell");
    const disableRuleComment = recommended["eslint.codeAction.disableRuleComment"];
    expect(disableRuleComment).toEqual({ enable: false });

    const path = "Install-Dcom.readme-settings.unsaved.ps1";
    // The extension passes the object to the server; VS Code may fill in the keys the user left
    // out from the extension's defaults (`location`, `commentStyle`). Both forms are checked.
    settingsFor.set(pathToFileURL(join(root, path)).href, {
      codeAction: { disableRuleComment: { ...vsCodeDefaultDisableRuleComment, ...(disableRuleComment as object) }, showDocumentation: { enable: true } },
    });
    const { uri } = open(path, "powershell", dcomScript);
    const [diagnostic] = await pullDiagnostics(uri);
    const titles = (await codeActionsFor(uri, diagnostic!)).map((a) => a.title);
    expect(titles.filter((t) => t.startsWith("Disable "))).toEqual([]);
    expect(titles.some((t) => t.startsWith(suggestionTitle))).toBe(true);
    expect(titles).toContain("Show documentation for wua/no-remote-unavailable-member");

    // Also as written, without the defaults VS Code merges in.
    const barePath = "Install-Dcom.bare-setting.unsaved.ps1";
    settingsFor.set(pathToFileURL(join(root, barePath)).href, { codeAction: { disableRuleComment, showDocumentation: { enable: true } } });
    const bare = open(barePath, "powershell", dcomScript);
    const [bareDiagnostic] = await pullDiagnostics(bare.uri);
    const bareTitles = (await codeActionsFor(bare.uri, bareDiagnostic!)).map((a) => a.title);
    expect(bareTitles.filter((t) => t.startsWith("Disable "))).toEqual([]);
    expect(bareTitles.some((t) => t.startsWith(suggestionTitle))).toBe(true);
  });
});

/** The `.vscode/settings.json` that the README's "VBScript in VS Code" section recommends. */
function readmeVBScriptSettings(): Record<string, unknown> {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### VBScript in VS Code"));
  const block = /```json\n([\s\S]*?)```/u.exec(section);
  return JSON.parse(block![1]!) as Record<string, unknown>;
}

describe("VS Code ESLint language server on VBScript documents", () => {
  // VS Code gives .vbs files its Visual Basic language, `vb`, which the README's settings list.
  const languageId = "vb";

  it("sends the diagnostics of a .vbs document with their ranges, rule ids and doc links", async () => {
    expect(readmeVBScriptSettings()["eslint.validate"]).toContain(languageId);
    const vbs = open("examples/remote/install-on-server.vbs", languageId);
    const diagnostics = await pullDiagnostics(vbs.uri);
    const lines = vbs.text.split("\n");
    expect(diagnostics.map((d) => `${d.code} ${rangeText(d.range)} ${lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character)}`)).toEqual([
      "wua/no-remote-unavailable-member 35:32-35:54 CreateUpdateDownloader",
      "wua/no-remote-unavailable-member 40:31-40:52 CreateUpdateInstaller",
    ]);
    expect(diagnostics.every((d) => d.codeDescription?.href === "https://github.com/eslint-plugin-wua/eslint-plugin-wua/blob/main/docs/rules/no-remote-unavailable-member.md")).toBe(true);
  });

  it("offers the suggestion as a code action whose edit drops the computer, and the finding goes", async () => {
    const script = 'strComputer = WScript.Arguments(0)\nSet session = CreateObject("Microsoft.Update.Session", strComputer)\nSet installer = session.CreateUpdateInstaller()\n';
    const { uri, text } = open("install.unsaved.vbs", languageId, script);
    const diagnostics = await pullDiagnostics(uri);
    expect(diagnostics.map((d) => `${d.code} ${rangeText(d.range)}`)).toEqual(["wua/no-remote-unavailable-member 3:25-3:46"]);
    const actions = await codeActionsFor(uri, diagnostics[0]!);
    const suggestion = actions.find((a) => a.title.startsWith("Create the Microsoft.Update.Session on this computer instead (drop strComputer)"));
    expect(suggestion?.command?.command).toBe("eslint.applySuggestion");
    const edited = applyEdits(text, await editsOf(suggestion!));
    expect(edited.split("\n")[1]).toBe('Set session = CreateObject("Microsoft.Update.Session")');
    expect(await diagnosticsAfterChange(uri, 2, edited)).toEqual([]);
  });
});
