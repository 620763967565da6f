/**
 * Batch files that run themselves as VBScript: which first lines count as a launcher (forms taken
 * from public hybrid scripts), and the `wua/batch` processor through the real `Linter` and `ESLint`
 * classes with the plugin's configs, reporting and suggesting in the original file.
 */
import { ESLint, Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { findVBScriptLauncher, hasVBScriptLauncher } from "../../src/processors/vbscript-launcher.js";

const config = [...plugin.configs.recommended] as Linter.Config[];

/** As the `ESLint` class does: lint every virtual file some config matches (`Linter` alone takes `.js` only). */
function lint(text: string, filename: string): Linter.LintMessage[] {
  return new Linter({ configType: "flat" }).verify(text, config, { filename, filterCodeBlock: () => true });
}

function summary(messages: readonly Linter.LintMessage[]): string[] {
  return messages.map((m) => `${m.ruleId ?? "vbscript"}@${m.line}:${m.column}`);
}

function applySuggestion(text: string, message: Linter.LintMessage): string {
  const fix = message.suggestions?.[0]?.fix;
  if (!fix) throw new Error("no suggestion");
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

const REMOTE_BODY = ['Set s = CreateObject("Microsoft.Update.Session", "SRV-01")', "Set i = s.CreateUpdateInstaller()", ""].join("\r\n");

describe("VBScript launchers", () => {
  // Each as public hybrids write it: the launch, then VBScript.
  it.each([
    ["a quote, then & (notes; a Japanese npm export script)", `' 2> Nul & @Cls & @Cscript //NoLogo //E:VBScript "%~f0" %* & @pause & @Exit /b`],
    ["a quote and 2>nul", `' 2>nul & @cscript //nologo //e:vbscript "%~f0" %* & exit /b`],
    ["::' (notes; an AutoCAD loader)", `::'@cscript //nologo //e:vbscript "%~f0" %* & @goto :eof`],
    [":' (an HTTP getter)", `:'@cscript //nologo //e:vbscript "%~f0" %* & @exit /b`],
    ["Rem^ & (notes)", `Rem^ &@cscript //nologo //e:vbscript "%~f0" %*`],
    ["Rem^ & with for /f (a sleep helper)", `Rem^ &@For /f %%r in ('Cscript //nologo //e:vbscript "%~f0" %~1') do @Set "Result=%%r"`],
    ["Rem and Ctrl+Z", `rem\u001Acscript //nologo //E:vbscript %0 %*`],
    ["wscript, %0 and the engine's short name", `' & wscript //nologo //e:vbs %0`],
    ["a quoted path to cscript.exe", `::'"%windir%\\System32\\cscript.exe" //nologo //e:vbscript "%~f0" %*`],
    ["SysWOW64 and %~dpnx0", `' >nul 2>&1 & %SystemRoot%\\SysWOW64\\cscript.exe //E:VBScript //nologo "%~dpnx0" %*`],
    ["host options after the script", `' & call cscript "%~f0" //nologo //e:VBScript %*`],
    ["single-slash host options before the script (a multi-language template)", `::'@cscript /nologo /e:vbscript "%~f0" %*&exit /b`],
    ["Rem^ & with other commands first (a mission cleaner)", `rem^ & del /q mission.sqm.oldBackup & del /q README.md &@cscript //nologo //e:vbscript "%~f0" & del "%~f0" & exit /b`],
  ])("accepts %s", (_, launcher) => {
    expect(findVBScriptLauncher(`${launcher}\r\nWScript.Echo "hello"\r\n`)).toEqual({ line: 1 });
  });

  it("accepts a launch after a preamble of lines that are comments to VBScript (zip.cmd, yedcont.bat, a color tool, a called label)", () => {
    const bachmann = ["::'@ECHO OFF", "::'SETLOCAL ENABLEDELAYEDEXPANSION", "::'    CALL \"%~dp0\\_DEBUG\"", "::'", `::'"%windir%\\System32\\cscript.exe" //nologo //e:vbscript "%~f0" %*`, "::'goto :EOF", "Const NAME = \"zip.vbs\""];
    expect(findVBScriptLauncher(bachmann.join("\r\n"))).toEqual({ line: 5 });
    const kartonagnick = ["::'@echo off & call :'checkParent || exit /b 1", `::'set "xDEBUG=ON"`, `::'cscript //nologo //e:vbscript "%~f0" %*`, "::'exit /b", "", "dim g_fso"];
    expect(findVBScriptLauncher(kartonagnick.join("\n"))).toEqual({ line: 3 });
    const colorTool = ["::' ---------- Batch portion -------------------", "  rem^ &@echo OFF", "  rem^ &set /p p1=[ Drag and Drop input Text File] ", `  rem^ &wscript //nologo //e:vbscript %0 %p1% "%p2%"`, "  rem^ &goto :eof", "'--- VBS portion ---", "Dim file"];
    expect(findVBScriptLauncher(colorTool.join("\r\n"))).toEqual({ line: 4 });
    const subroutine = ["::' Magic header (this is a batch file with embedded vbs)", "", "::", "rem^ &@echo off", "rem^ &call :'sub", "rem^ &exit /b", "", ":'sub", "rem^ &cls", `rem^ &cscript //nologo //e:vbscript "%~f0"`, "rem^ &exit /b", " '", "Dim x"];
    expect(findVBScriptLauncher(subroutine.join("\r\n"))).toEqual({ line: 10 });
    expect(findVBScriptLauncher(["", "Rem a hybrid", `' & cscript //nologo //e:vbscript "%~f0"`].join("\n"))).toEqual({ line: 3 });
  });

  it("accepts a launcher after a UTF-8 byte-order mark", () => {
    expect(hasVBScriptLauncher(`\uFEFF' & cscript //nologo //e:vbscript "%~f0" %*\r\n`)).toBe(true);
  });

  it.each([
    ["batch before the launch: cscript could not compile the file", `@echo off\r\n' & cscript //nologo //e:vbscript "%~f0" %*`],
    ["VBScript code before the launch", `Option Explicit\r\n' & cscript //nologo //e:vbscript "%~f0" %*`],
    ["no //e:vbscript: cscript has no engine for .cmd", `' & cscript //nologo "%~f0" %*`],
    ["a JScript hybrid", `' & cscript //nologo //e:jscript "%~f0" %*`],
    ["an encoded engine", `' & cscript //nologo //e:vbscript.encode "%~f0" %*`],
    ["another script in the folder", `' & cscript //nologo //e:vbscript "%~dp0helper.vbs" %*`],
    ["this file as an argument to another script", `' & cscript //nologo //e:vbscript helper.vbs "%~f0"`],
    ["this file's bare name or folder", `' & cscript //nologo //e:vbscript %~n0 & cscript //e:vbscript "%~dp0"`],
    ["no & after the quote: cmd runs only the command named '", `' cscript //nologo //e:vbscript "%~f0" %*`],
    ["an & inside quotes", `' "& cscript //nologo //e:vbscript %~f0"`],
    ["an escaped &", `' ^& cscript //nologo //e:vbscript "%~f0"`],
    ["a REM comment (a comment to cmd too)", `Rem cscript //nologo //e:vbscript "%~f0" %*`],
    ["REM with an escaped &", `rem^&cscript //nologo //e:vbscript "%~f0"`],
    [":: without a quote (VBScript code after the colons)", `:: cscript //nologo //e:vbscript "%~f0" %*`],
    ["a name starting with Rem", `Remark = 1 & cscript //e:vbscript "%~f0"`],
    ["a batch/WSF hybrid (run as .wsf, not as VBScript)", `<!-- : Begin batch script\r\n@echo off\r\ncscript //nologo "%~f0?.wsf"`],
    ["cscript as part of a longer name", `' & mycscript //e:vbscript "%~f0"`],
    ["/e:vbscript after the script: an argument for the script", `' & cscript "%~f0" /e:vbscript`],
    ["the launch inside a VBScript Sub that cmd reads as a label and commands", `:Sub bat
echo off & cls
echo '>nul & start "" wscript //e:vbscript "%~f0" %*
Exit Sub : End Sub`],
  ])("rejects %s", (_, text) => {
    expect(findVBScriptLauncher(`${text}\r\nWScript.Echo "hello"\r\n`)).toBeUndefined();
  });

  it("rejects a batch file that echoes VBScript into a temporary file: those lines are data", () => {
    const echoes = [
      "@echo off",
      "rem Writes a helper script and runs it.",
      `echo Set s = CreateObject("Microsoft.Update.Session", "%1") > "%temp%\\scan.vbs"`,
      `echo s.CreateUpdateInstaller ^& WScript.Echo 1 >> "%temp%\\scan.vbs"`,
      `cscript //nologo //e:vbscript "%temp%\\scan.vbs"`,
    ];
    expect(hasVBScriptLauncher(echoes.join("\r\n"))).toBe(false);
    expect(hasVBScriptLauncher("")).toBe(false);
    expect(hasVBScriptLauncher("rem only comments\r\n\r\n")).toBe(false);
  });
});

describe("the batch processor", () => {
  const HYBRID = `' 2>nul & @cscript //nologo //e:vbscript "%~f0" %* & exit /b\r\n${REMOTE_BODY}`;

  it("lints a hybrid whole as VBScript, at the file's lines and columns", () => {
    expect(summary(lint(HYBRID, "patch.cmd"))).toEqual(["wua/no-remote-unavailable-member@3:11"]);
    expect(summary(lint(HYBRID, "patch.bat"))).toEqual(["wua/no-remote-unavailable-member@3:11"]);
  });

  it.each([
    ["::'", `::'@cscript //nologo //e:vbscript "%~f0" %* & @goto :eof`],
    [":'", `:'@cscript //nologo //e:vbscript "%~f0" %* & @exit /b`],
    ["Rem^ &", `Rem^ &@cscript //nologo //e:vbscript "%~f0" %*`],
    ["Rem and Ctrl+Z", `rem\u001Acscript //nologo //E:vbscript %0 %*`],
  ])("reads the %s launcher line as VBScript reads it: a comment", (_, launcher) => {
    const messages = lint(`${launcher}\r\n${REMOTE_BODY}`, "hybrid.cmd");
    expect(summary(messages)).toEqual(["wua/no-remote-unavailable-member@3:11"]);
  });

  it("applies the suggestion to the original file, which then lints clean", () => {
    const [message] = lint(HYBRID, "patch.cmd");
    const fixed = applySuggestion(HYBRID, message!);
    expect(fixed).toBe(HYBRID.replace(', "SRV-01")', ")"));
    expect(lint(fixed, "patch.cmd")).toEqual([]);
  });

  it("reports a VBScript syntax error at its place, and still lints the rest", () => {
    const messages = lint(HYBRID.replace("Set i = ", "Set = 1\r\nSet i = "), "broken.cmd");
    expect(summary(messages)).toEqual(["vbscript@3:5", "wua/no-remote-unavailable-member@4:11"]);
    expect(messages[0]!.message).toContain("VBScript cannot run this file: Expected identifier");
  });

  it("lints ordinary batch files clean, including one that echoes WUA VBScript into a temporary .vbs", () => {
    const echoes = `@echo off\r\necho Set s = CreateObject("Microsoft.Update.Session", "%1") > "%temp%\\x.vbs"\r\necho s.CreateUpdateInstaller >> "%temp%\\x.vbs"\r\ncscript //nologo "%temp%\\x.vbs"\r\n`;
    expect(lint(echoes, "echo.bat")).toEqual([]);
    expect(lint("@echo off\r\nwuauclt /detectnow\r\n", "plain.cmd")).toEqual([]);
    // VBScript in a file that does not launch itself is not code either.
    expect(lint(REMOTE_BODY, "not-a-hybrid.cmd")).toEqual([]);
  });

  it("reports a mistake in settings.wua once, on line 1, as for any file", () => {
    const wrongSettings: Linter.Config[] = [...config, { settings: { wua: { localNames: "ADMIN-WS01" } } }];
    const messages = new Linter({ configType: "flat" }).verify(HYBRID, wrongSettings, { filename: "patch.cmd", filterCodeBlock: () => true });
    const settingsMessages = messages.filter((m) => m.messageId === "invalidSettings");
    expect(summary(settingsMessages).map((position) => position.split("@")[1])).toEqual(["1:1"]);
    expect(settingsMessages[0]!.message).toContain('settings.wua.localNames is "ADMIN-WS01"');
  });

  it("carries meta for ESLint's cache and allows fixes", () => {
    expect(plugin.processors.batch.meta).toEqual({ name: "eslint-plugin-wua/batch", version: plugin.meta.version });
    expect(plugin.processors.batch.supportsAutofix).toBe(true);
  });

  describe("through the ESLint class, as the CLI and editors run it", () => {
    const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: config });
    const lintText = async (text: string, filePath: string): Promise<ESLint.LintResult> => (await eslint.lintText(text, { filePath }))[0]!;

    it("reports in a hybrid, honours its eslint-disable comments, and keeps offsets after a byte-order mark", async () => {
      expect(summary((await lintText(HYBRID, "patch.cmd")).messages)).toEqual(["wua/no-remote-unavailable-member@3:11"]);
      const disabled = await lintText(HYBRID.replace("Set i = ", "' eslint-disable-next-line wua/no-remote-unavailable-member -- a task on SRV-01\r\nSet i = "), "disabled.cmd");
      expect(disabled.messages).toEqual([]);
      expect(summary(disabled.suppressedMessages)).toEqual(["wua/no-remote-unavailable-member@4:11"]);
      const marked = await lintText(`\uFEFF${HYBRID}`, "marked.cmd");
      expect(summary(marked.messages)).toEqual(["wua/no-remote-unavailable-member@3:11"]);
      // ESLint applies ranges to the text without its mark.
      expect(applySuggestion(HYBRID, marked.messages[0]!)).toBe(HYBRID.replace(', "SRV-01")', ")"));
    });

    it("lints a batch file without a launcher clean", async () => {
      const result = await lintText("@echo off\r\ncscript //nologo scan.vbs\r\n", "run.bat");
      expect(result.messages).toEqual([]);
      expect(result.errorCount + result.warningCount).toBe(0);
    });
  });
});
