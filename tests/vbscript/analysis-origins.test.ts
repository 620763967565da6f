/** Where a VBScript WUA object is created, and whether that is another computer. */
import { describe, expect, it } from "vitest";
import { applied, findings, lintVBScript, parseErrors, reportedTexts, wuaMessages } from "./lint-vbscript.js";

const INSTALL = "\nSet objInstaller = objSession.CreateUpdateInstaller()";
const createdOn = (location: string, head = ""): string =>
  `${head}Set objSession = CreateObject("Microsoft.Update.Session", ${location})${INSTALL}`;

/** The Microsoft sample's shape: search, download and install on this computer. */
const MICROSOFT_SAMPLE = `Set updateSession = CreateObject("Microsoft.Update.Session")
updateSession.ClientApplicationID = "MSDN Sample Script"
Set updateSearcher = updateSession.CreateupdateSearcher()
WScript.Echo "Searching for updates..." & vbCRLF
Set searchResult = _
updateSearcher.Search("IsInstalled=0 and Type='Software' and IsHidden=0")
For I = 0 To searchResult.Updates.Count-1
    Set update = searchResult.Updates.Item(I)
    WScript.Echo I + 1 & "> " & update.Title
Next
If searchResult.Updates.Count = 0 Then
    WScript.Echo "There are no applicable updates."
    WScript.Quit
End If
Set updatesToDownload = CreateObject("Microsoft.Update.UpdateColl")
For I = 0 to searchResult.Updates.Count-1
    Set update = searchResult.Updates.Item(I)
    addThisUpdate = false
    If update.InstallationBehavior.CanRequestUserInput = true Then
        WScript.Echo I + 1 & "> skipping: " & update.Title
    Else
        If update.EulaAccepted = false Then
            update.AcceptEula()
        End If
        addThisUpdate = true
    End If
    If addThisUpdate = true Then
        updatesToDownload.Add(update)
    End If
Next
Set downloader = updateSession.CreateUpdateDownloader()
downloader.Updates = updatesToDownload
downloader.Download()
Set updatesToInstall = CreateObject("Microsoft.Update.UpdateColl")
For I = 0 To searchResult.Updates.Count-1
    set update = searchResult.Updates.Item(I)
    If update.IsDownloaded = true Then
       updatesToInstall.Add(update)
    End If
Next
strInput = LCase(Left(strInput, 1))
If (strInput = "y" or strInput = "yes") Then
    Set installer = updateSession.CreateUpdateInstaller()
    installer.Updates = updatesToInstall
    Set installationResult = installer.Install()
    For I = 0 to updatesToInstall.Count - 1
        WScript.Echo I + 1 & "> " & updatesToInstall.Item(i).Title & ": " & installationResult.GetUpdateResult(i).ResultCode
    Next
End If
`;

/** The shape of public remote VBScript: search and history only, on a computer read from InputBox. */
const REMOTE_SEARCH_ONLY = `strComputer = InputBox("Enter computer")
Set objSession = CreateObject("Microsoft.Update.Session", strComputer)
Set objSearcher = objSession.CreateUpdateSearcher
intHistoryCount = objSearcher.GetTotalHistoryCount
Set colHistory = objSearcher.QueryHistory(0, intHistoryCount)
For Each objEntry in colHistory
    Wscript.Echo "Operation: " & objEntry.Operation & " " & objEntry.Title
Next
Set colUpdates = objSearcher.Search("Type='Software'").Updates
For i = 0 to colUpdates.Count - 1
    Wscript.Echo colUpdates.Item(i).Title & " " & colUpdates(i).IsInstalled
Next
`;

describe("CreateObject's location", () => {
  it("keeps a remote script that only searches silent", () => {
    expect(parseErrors(REMOTE_SEARCH_ONLY)).toEqual([]);
    expect(lintVBScript(REMOTE_SEARCH_ONLY)).toEqual([]);
    // The same script installing is reported.
    expect(reportedTexts(`${REMOTE_SEARCH_ONLY}Set objInstaller = objSession.CreateUpdateInstaller()`)).toEqual(["CreateUpdateInstaller"]);
  });

  it("keeps the Microsoft sample (search, download, install here) silent under strict", () => {
    expect(parseErrors(MICROSOFT_SAMPLE)).toEqual([]);
    expect(lintVBScript(MICROSOFT_SAMPLE)).toEqual([]);
  });

  it("reads a missing, empty or loopback location as this computer", () => {
    for (const location of ['""', '"."', '"localhost"', '"LOCALHOST"', '"127.0.0.1"', '"::1"', "vbNullString", "Empty"]) {
      expect(findings(createdOn(location)), location).toEqual([]);
    }
    expect(findings(`Set objSession = CreateObject("Microsoft.Update.Session")${INSTALL}`)).toEqual([]);
  });

  it("reads the script's arguments, InputBox and anything unknown as another computer", () => {
    const heads = [
      "strComputer = WScript.Arguments(0)\n",
      "strComputer = WScript.Arguments.Item(0)\n",
      'strComputer = WScript.Arguments.Named("s")\n',
      'strComputer = InputBox("Computer name?")\n',
      "strComputer = GetComputerFromSomewhere()\n",
      "",
    ];
    for (const head of heads) expect(reportedTexts(createdOn("strComputer", head)), head).toEqual(["CreateUpdateInstaller"]);
  });

  it("reads a constant computer name, concatenations of constants and Const values", () => {
    expect(reportedTexts(createdOn('"SRV-01"'))).toEqual(["CreateUpdateInstaller"]);
    expect(reportedTexts(createdOn('"SRV" & "-01"'))).toEqual(["CreateUpdateInstaller"]);
    expect(reportedTexts(createdOn('"loc" & "alhost"'))).toEqual([]);
    expect(reportedTexts(createdOn("SERVER", 'Const SERVER = "."\n'))).toEqual([]);
    expect(reportedTexts(createdOn("SERVER", 'Const SERVER = "SRV-01"\n'))).toEqual(["CreateUpdateInstaller"]);
    expect(reportedTexts(createdOn("Trim(s)", 's = " localhost "\n'))).toEqual([]);
    expect(reportedTexts(createdOn('"" & strComputer & ""', "strComputer = WScript.Arguments(0)\n"))).toEqual(["CreateUpdateInstaller"]);
  });

  it("keeps this computer's name, and a choice of local names, through concatenation with empty strings and string functions", () => {
    const network = 'strComputer = CreateObject("WScript.Network").ComputerName\n';
    expect(reportedTexts(createdOn('"" & strComputer & ""', network))).toEqual([]);
    expect(reportedTexts(createdOn("UCase(Trim(strComputer))", network))).toEqual([]);
    expect(reportedTexts(createdOn('"\\\\" & strComputer', network))).toEqual(["CreateUpdateInstaller"]);
    const choice = 'If a Then c = "." Else c = "localhost"\n';
    expect(reportedTexts(createdOn('c & ""', choice))).toEqual([]);
    expect(reportedTexts(createdOn('c & "x"', choice))).toEqual(["CreateUpdateInstaller"]);
  });

  it("reads this computer's own name as this computer", () => {
    expect(reportedTexts(createdOn("strComputer", 'strComputer = CreateObject("WScript.Network").ComputerName\n'))).toEqual([]);
    expect(reportedTexts(createdOn("strComputer", 'Set sh = CreateObject("WScript.Shell")\nstrComputer = sh.ExpandEnvironmentStrings("%COMPUTERNAME%")\n'))).toEqual([]);
  });

  it("reads the names in settings.wua.localNames as this computer, in any case", () => {
    const settings = { wua: { localNames: ["ADMIN-WS01"] } };
    expect(findings(createdOn('"admin-ws01"'), { settings })).toEqual([]);
    expect(findings(createdOn('"SRV-01"'), { settings })).toEqual(["no-remote-unavailable-member@2:31"]);
  });

  it("reads ProgIDs without regard to case, plain or versioned", () => {
    expect(reportedTexts('Set s = CreateObject("microsoft.update.session", "SRV")\ns.CreateUpdateInstaller')).toEqual(["CreateUpdateInstaller"]);
    expect(reportedTexts('Set s = CreateObject("Microsoft.Update.Session.1", "SRV")\ns.CreateUpdateInstaller')).toEqual(["CreateUpdateInstaller"]);
  });

  it("says where the object became remote, in VBScript's terms", () => {
    const [message] = wuaMessages(createdOn("strComputer", "strComputer = WScript.Arguments(0)\n"));
    expect(message!.message).toContain("the Microsoft.Update.Session created on strComputer at line 2");
    const [literal] = wuaMessages(createdOn('"SRV-01"'));
    expect(literal!.message).toContain('the Microsoft.Update.Session created on "SRV-01" at line 1');
  });

  it("does not follow GetObject", () => {
    expect(findings('Set s = GetObject("Microsoft.Update.Session", "SRV")\ns.CreateUpdateInstaller')).toEqual([]);
  });

  it("does not run the text handed to Execute, ExecuteGlobal or Eval", () => {
    const code = 'Execute "Set s = CreateObject(""Microsoft.Update.Session"", ""SRV"") : s.CreateUpdateInstaller"\nExecuteGlobal "x"\nx = Eval("1")';
    expect(findings(code)).toEqual([]);
  });

  it("reports the same under On Error Resume Next", () => {
    expect(findings(`On Error Resume Next\n${createdOn('"SRV"')}`)).toEqual(["no-remote-unavailable-member@3:31"]);
  });
});

describe("the suggestion to create the object here", () => {
  it("deletes a plain name or a string literal, leaving code that parses", () => {
    for (const location of ["strComputer", '"SRV-01"']) {
      const code = createdOn(location);
      const [message] = wuaMessages(code);
      const [suggestion] = message!.suggestions!;
      const result = applied(code, suggestion!);
      expect(result).toBe(`Set objSession = CreateObject("Microsoft.Update.Session")${INSTALL}`);
      expect(parseErrors(result)).toEqual([]);
    }
  });

  it("deletes across a line continuation", () => {
    const code = `Set objSession = CreateObject("Microsoft.Update.Session", _\n    strComputer)${INSTALL}`;
    const result = applied(code, wuaMessages(code)[0]!.suggestions![0]!);
    expect(result).toBe(`Set objSession = CreateObject("Microsoft.Update.Session")${INSTALL}`);
    expect(parseErrors(result)).toEqual([]);
  });

  it("is not offered for a computed location, a function call, or a file VBScript cannot run", () => {
    expect(wuaMessages(createdOn('"SRV" & strDomain'))[0]!.suggestions ?? []).toEqual([]);
    expect(wuaMessages(createdOn("GetServer()"))[0]!.suggestions ?? []).toEqual([]);
    const functionNamedBare = `Function Server\n  Server = "SRV"\nEnd Function\n${createdOn("Server")}`;
    expect(wuaMessages(functionNamedBare)[0]!.suggestions ?? []).toEqual([]);
    const classMember = `Class Job\n  Property Get Server\n    Server = "SRV"\n  End Property\n  Sub Run\n    ${createdOn("Server")}\n  End Sub\nEnd Class`;
    expect(reportedTexts(classMember)).toEqual(["CreateUpdateInstaller"]);
    expect(wuaMessages(classMember)[0]!.suggestions ?? []).toEqual([]);
    const broken = `${createdOn("strComputer")}\nIf x Then`;
    expect(findings(broken)).toEqual(["no-remote-unavailable-member@2:31"]);
    expect(wuaMessages(broken)[0]!.suggestions ?? []).toEqual([]);
  });

  it("names an argument the parser could not read without quoting it", () => {
    const code = `Set objSession = CreateObject("Microsoft.Update.Session", \u0001strComputer)${INSTALL}`;
    const [message] = wuaMessages(code);
    expect(message!.message).toContain("the Microsoft.Update.Session created at line 1 on a computer named by text VBScript cannot read");
    expect(message!.suggestions ?? []).toEqual([]);
    expect(wuaMessages('Set s = WScript.CreateObject("Microsoft.Update.Session", \u0001x)')).toEqual([]);
  });

  it.each([
    ["an operator with nothing before it", "= strComputer"],
    ["a concatenation cut short", "strComputer &"],
    ["a lone operator", "&"],
  ])("names a half-written argument (%s) without quoting it", (_, argument) => {
    const code = `Set objSession = CreateObject("Microsoft.Update.Session", ${argument})${INSTALL}`;
    const [message] = wuaMessages(code);
    expect(message!.message).toContain("the Microsoft.Update.Session created at line 1 on a computer named by text VBScript cannot read");
    expect(message!.message).not.toMatch(/created on {2}|created on [=&]/u);
    expect(wuaMessages(`Set s = WScript.CreateObject("Microsoft.Update.Session", ${argument})`)).toEqual([]);
  });

  it("is not offered when the object is remote because the file is", () => {
    const code = `' wua-remote\nSet objSession = CreateObject("Microsoft.Update.Session")${INSTALL}`;
    expect(findings(code)).toEqual(["no-remote-unavailable-member@3:31"]);
    expect(wuaMessages(code)[0]!.suggestions ?? []).toEqual([]);
  });
});

describe("a file started over the network", () => {
  const local = `Set objSession = CreateObject("Microsoft.Update.Session")${INSTALL}`;

  it("is remote with a wua-remote comment, written with ' or Rem", () => {
    expect(findings(`' wua-remote\n${local}`)).toEqual(["no-remote-unavailable-member@3:31"]);
    expect(findings(`Rem wua-remote\n${local}`)).toEqual(["no-remote-unavailable-member@3:31"]);
    expect(findings(`${local} ' wua-remote`)).toEqual(["no-remote-unavailable-member@2:31"]);
    expect(findings(`' not wua-remote\n${local}`)).toEqual([]);
  });

  it("is remote with settings.wua.assumeRemote", () => {
    const [message] = wuaMessages(local, { settings: { wua: { assumeRemote: true } } });
    expect(message!.message).toContain("in a file linted with settings.wua.assumeRemote");
    expect(findings(local, { settings: { wua: { assumeRemote: false } } })).toEqual([]);
  });

  it("makes WScript.CreateObject's objects remote too", () => {
    expect(findings(`' wua-remote\nSet s = WScript.CreateObject("Microsoft.Update.Session")\ns.CreateUpdateInstaller`)).toEqual(["no-remote-unavailable-member@3:3"]);
  });
});

describe("WScript.CreateObject", () => {
  it("creates the object here: no second argument, nothing reported", () => {
    expect(lintVBScript('Set s = WScript.CreateObject("Microsoft.Update.Session")\nSet i = s.CreateUpdateInstaller()')).toEqual([]);
  });

  it("reports a computer-like second argument as ignored, and does not make the object remote", () => {
    const code = 'Set s = WScript.CreateObject("Microsoft.Update.Session", "SRV-01")\nSet i = s.CreateUpdateInstaller()';
    const messages = wuaMessages(code);
    expect(messages.map((m) => `${m.ruleId}:${m.messageId}@${m.line}:${m.column}`)).toEqual(["wua/no-ignored-location:eventPrefix@1:58"]);
    expect(messages[0]!.message).toContain('The Microsoft.Update.Session is not created on "SRV-01"');
    // The advice is VBScript's own way of naming the computer.
    expect(messages[0]!.message).toContain("create the object with `CreateObject(progId, computer)` under Windows Script Host");
    const suggestions = messages[0]!.suggestions!;
    expect(suggestions.map((s) => s.messageId)).toEqual(["createThere", "dropArgument"]);
    const createThere = applied(code, suggestions[0]!);
    expect(createThere).toBe('Set s = CreateObject("Microsoft.Update.Session", "SRV-01")\nSet i = s.CreateUpdateInstaller()');
    expect(parseErrors(createThere)).toEqual([]);
    // Created there, the object is remote: the installer is then refused.
    expect(findings(createThere)).toEqual(["no-remote-unavailable-member@2:11"]);
    const dropped = applied(code, suggestions[1]!);
    expect(dropped).toBe('Set s = WScript.CreateObject("Microsoft.Update.Session")\nSet i = s.CreateUpdateInstaller()');
    expect(lintVBScript(dropped)).toEqual([]);
  });

  it("reports an unknown second argument, without the suggestion to create it there", () => {
    const code = 'strComputer = WScript.Arguments(0)\nSet s = WScript.CreateObject("Microsoft.Update.Session", strComputer)';
    const [message] = wuaMessages(code);
    expect(message!.message).toContain("the computer named by `strComputer`");
    expect(message!.suggestions!.map((s) => s.messageId)).toEqual(["dropArgument"]);
  });

  it("offers no edit in a file VBScript cannot run", () => {
    const [message] = wuaMessages('Set s = WScript.CreateObject("Microsoft.Update.Session", "SRV-01")\nIf x Then');
    expect(message!.ruleId).toBe("wua/no-ignored-location");
    expect(message!.suggestions ?? []).toEqual([]);
  });

  it("leaves this computer's names, numbers and objects alone", () => {
    for (const argument of ['"localhost"', '"."', '""', "1", "CreateObject(\"WScript.Network\").ComputerName"]) {
      expect(findings(`Set s = WScript.CreateObject("Microsoft.Update.Session", ${argument})`), argument).toEqual([]);
    }
  });

  it("leaves other objects' creations alone", () => {
    expect(findings('Set fso = WScript.CreateObject("Scripting.FileSystemObject", "SRV-01")')).toEqual([]);
  });
});
