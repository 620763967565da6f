/**
 * Editor squiggles: the real VS Code ESLint language server (vscode-langservers-extracted) over
 * stdio, with the repository as workspace (its eslint.config.js uses the built plugin). The server
 * only answers pull requests for diagnostics (LSP 3.17), so the test pulls them as VS Code does.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
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
const settings = {
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

let server: ChildProcess;
let connection: MessageConnection;
const appliedEdits: { changes?: Record<string, TextEdit[]>; documentChanges?: { edits: TextEdit[] }[] }[] = [];

beforeAll(async () => {
  server = spawn(process.execPath, [serverScript, "--stdio"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
  connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  connection.onRequest("workspace/configuration", (params: { items: unknown[] }) => params.items.map(() => settings));
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

function open(relativePath: string, languageId: string): { uri: string; text: string } {
  const text = readFileSync(join(root, relativePath), "utf8");
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
