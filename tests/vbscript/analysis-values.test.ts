/** How the analysis follows a WUA object through a VBScript script. */
import { describe, expect, it } from "vitest";
import { findings, reportedTexts } from "./lint-vbscript.js";

const REMOTE = 'Set remote = CreateObject("Microsoft.Update.Session", "SRV-01")\n';
const LOCAL = 'Set here = CreateObject("Microsoft.Update.Session")\n';
const SESSIONS = REMOTE + LOCAL;
const UPDATES = `${REMOTE}Set result = remote.CreateUpdateSearcher().Search("IsInstalled=0")\n`;

const reports = (code: string): string[] => reportedTexts(SESSIONS + code);
const reportsOnUpdates = (code: string): string[] => reportedTexts(UPDATES + code);

describe("variables", () => {
  it("follows Set and plain assignment in statement order", () => {
    expect(reports("Set s = remote\ns.CreateUpdateInstaller")).toEqual(["CreateUpdateInstaller"]);
    expect(reports("Set s = remote\nSet s = here\ns.CreateUpdateInstaller")).toEqual([]);
    expect(reports("s.CreateUpdateInstaller\nSet s = remote")).toEqual([]);
    expect(reportedTexts('c = "SRV"\nLet c = "."\nSet s = CreateObject("Microsoft.Update.Session", c)\ns.CreateUpdateInstaller')).toEqual([]);
  });

  it("reads Dim x : Set x = ... on one line, and Set continued on the next line", () => {
    expect(reports("Dim s : Set s = remote : s.CreateUpdateInstaller")).toEqual(["CreateUpdateInstaller"]);
    expect(reports("Set s = _\n  remote\ns.CreateUpdateInstaller")).toEqual(["CreateUpdateInstaller"]);
  });

  it("does not take an object assigned without Set (that assigns its default value)", () => {
    expect(reports("s = remote\ns.CreateUpdateInstaller")).toEqual([]);
  });

  it("reads a variable declared and never assigned as Empty: this computer", () => {
    expect(reportedTexts('Dim c\nSet s = CreateObject("Microsoft.Update.Session", c)\ns.CreateUpdateInstaller')).toEqual([]);
  });
});

describe("members", () => {
  it("resolves names without regard to case", () => {
    expect(reports("remote.createupdateinstaller")).toEqual(["createupdateinstaller"]);
    expect(reports("Set i = remote.CREATEUPDATEINSTALLER()")).toEqual(["CREATEUPDATEINSTALLER"]);
  });

  it("follows member chains", () => {
    expect(reports('remote.CreateUpdateSearcher().Search("IsInstalled=0").Updates.Item(0).AcceptEula')).toEqual(["AcceptEula"]);
  });

  it("calls members named without parentheses, in statements and expressions", () => {
    expect(reports("remote.CreateUpdateDownloader")).toEqual(["CreateUpdateDownloader"]);
    expect(reports("Set d = remote.CreateUpdateDownloader")).toEqual(["CreateUpdateDownloader"]);
    expect(reports('Set searcher = remote.CreateUpdateSearcher\nsearcher.Search "IsInstalled=0"\nsearcher.BeginSearch "IsInstalled=0", Nothing, Empty')).toEqual(["BeginSearch"]);
  });

  it("reports writes and reads of refused properties, and only writes of IsHidden", () => {
    expect(reportsOnUpdates("result.Updates.Item(0).IsHidden = True")).toEqual(["IsHidden"]);
    expect(reportsOnUpdates("hidden = result.Updates.Item(0).IsHidden")).toEqual([]);
    expect(reports("Set p = remote.WebProxy")).toEqual(["WebProxy"]);
    expect(reports("Set remote.WebProxy = Nothing")).toEqual(["WebProxy"]);
  });

  it("reaches a collection's default member: coll(i) is coll.Item(i)", () => {
    expect(reportsOnUpdates("Set u = result.Updates(0)\nu.AcceptEula")).toEqual(["AcceptEula"]);
    expect(reportsOnUpdates("Set coll = result.Updates\ncoll(0).AcceptEula")).toEqual(["AcceptEula"]);
    expect(reportsOnUpdates("Set coll = result.Updates\nSet u = coll.item(1)\nu.AcceptEula")).toEqual(["AcceptEula"]);
  });

  it("leaves members of the same names on other objects alone", () => {
    const code = 'Set fso = CreateObject("Scripting.FileSystemObject")\nSet f = fso.GetFile("C:\\x.txt")\nf.IsHidden = True\nf.AcceptEula\nSet o = GetObject("winmgmts:")\no.Pause';
    expect(reports(code)).toEqual([]);
  });
});

describe("one root cause, one report", () => {
  it("does not report what a refused member would have yielded", () => {
    expect(reports("Set i = remote.CreateUpdateInstaller()\ni.Install\ni.Commit 0\nSet d = remote.CreateUpdateDownloader()\nd.Download")).toEqual([
      "CreateUpdateInstaller",
      "CreateUpdateDownloader",
    ]);
  });

  it("does not report a refused creation's object again", () => {
    expect(findings('Set si = CreateObject("Microsoft.Update.SystemInfo", "SRV")\nWScript.Echo si.RebootRequired\nWScript.Echo si.OemHardwareSupportLink')).toEqual([
      "no-remote-unavailable-interface@1:10",
    ]);
  });

  it("reports a use reached on several paths once", () => {
    expect(reports("For i = 1 To 3\n  remote.CreateUpdateInstaller\nNext")).toEqual(["CreateUpdateInstaller"]);
    expect(reports("Sub Go\n  remote.CreateUpdateInstaller\nEnd Sub\nGo\nGo\nCall Go()")).toEqual(["CreateUpdateInstaller"]);
  });
});

describe("branches", () => {
  it("joins If, ElseIf and Else: remote if any path is", () => {
    expect(reports("If a Then\n  Set s = here\nElseIf b Then\n  Set s = remote\nElse\n  Set s = here\nEnd If\ns.CreateUpdateInstaller")).toEqual(["CreateUpdateInstaller"]);
    expect(reports("If a Then\n  Set s = here\nElse\n  Set s = here\nEnd If\ns.CreateUpdateInstaller")).toEqual([]);
    expect(reports("Set s = remote\nIf a Then\n  Set s = here\nElse\n  Set s = here\nEnd If\ns.CreateUpdateInstaller")).toEqual([]);
    expect(reports("Set s = remote\nIf a Then\n  Set s = here\nEnd If\ns.CreateUpdateInstaller")).toEqual(["CreateUpdateInstaller"]);
  });

  it("joins a single-line If, with and without Else", () => {
    expect(reports("Set s = here\nIf a Then Set s = remote\ns.CreateUpdateInstaller")).toEqual(["CreateUpdateInstaller"]);
    expect(reports("If a Then Set s = here Else Set s = remote\ns.CreateUpdateInstaller")).toEqual(["CreateUpdateInstaller"]);
    expect(reports("If a Then Set s = here Else Set s = here\ns.CreateUpdateInstaller")).toEqual([]);
  });

  it("joins the cases of Select Case", () => {
    expect(reports('Select Case mode\n  Case "a"\n    Set s = here\n  Case "b", "c"\n    Set s = remote\n  Case Else\n    Set s = here\nEnd Select\ns.CreateUpdateInstaller')).toEqual([
      "CreateUpdateInstaller",
    ]);
    expect(reports('Set s = remote\nSelect Case mode\n  Case "a"\n    Set s = here\n  Case Else\n    Set s = here\nEnd Select\ns.CreateUpdateInstaller')).toEqual([]);
  });

  it("joins a location assigned in branches", () => {
    const code = 'If WScript.Arguments.Count > 0 Then\n  c = WScript.Arguments(0)\nElse\n  c = "."\nEnd If\nSet s = CreateObject("Microsoft.Update.Session", c)\ns.CreateUpdateInstaller';
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
    expect(reportedTexts(code.replace("WScript.Arguments(0)", '"localhost"'))).toEqual([]);
  });
});

describe("loops", () => {
  it("hands For Each the collection's elements", () => {
    expect(reportsOnUpdates("For Each u In result.Updates\n  u.AcceptEula\nNext")).toEqual(["AcceptEula"]);
    expect(reportsOnUpdates("For Each u In result.Updates\n  For Each c In u.Categories\n    WScript.Echo c.Name\n  Next\n  u.IsHidden = True\nNext")).toEqual(["IsHidden"]);
  });

  it("follows For with Item(i), Do and While loops", () => {
    expect(reportsOnUpdates("For i = 0 To result.Updates.Count - 1 Step 1\n  Set u = result.Updates.Item(i)\n  u.AcceptEula\nNext")).toEqual(["AcceptEula"]);
    expect(reports("Do While n < 3\n  remote.CreateUpdateInstaller\n  n = n + 1\nLoop")).toEqual(["CreateUpdateInstaller"]);
    expect(reports("Do\n  remote.CreateUpdateInstaller\nLoop Until True")).toEqual(["CreateUpdateInstaller"]);
    expect(reports("While n < 3\n  remote.CreateUpdateDownloader\nWend")).toEqual(["CreateUpdateDownloader"]);
  });

  it("joins a value set inside a loop with the value before it", () => {
    expect(reports("Set s = here\nFor i = 1 To 2\n  s.CreateUpdateInstaller\n  Set s = remote\nNext")).toEqual(["CreateUpdateInstaller"]);
  });

  it("follows elements of an Array", () => {
    expect(reports("list = Array(here, remote)\nFor Each s In list\n  s.CreateUpdateInstaller\nNext")).toEqual(["CreateUpdateInstaller"]);
  });
});

describe("With blocks", () => {
  it("reads .Member from the With object, the innermost one when nested", () => {
    expect(reports("With remote\n  .CreateUpdateInstaller\n  Set d = .CreateUpdateDownloader()\nEnd With")).toEqual(["CreateUpdateInstaller", "CreateUpdateDownloader"]);
    expect(reports("With here\n  .CreateUpdateInstaller\nEnd With")).toEqual([]);
    expect(reportsOnUpdates("With result.Updates.Item(0)\n  With .Categories\n    WScript.Echo .Count\n  End With\n  .IsHidden = True\nEnd With")).toEqual(["IsHidden"]);
  });

  it("ends with End With", () => {
    expect(reports("With remote\nEnd With\nWith here\n  .CreateUpdateInstaller\nEnd With")).toEqual([]);
  });
});

describe("procedures", () => {
  it("binds parameters at call sites, with and without Call and parentheses", () => {
    const sub = "Sub Install(session)\n  Set i = session.CreateUpdateInstaller()\nEnd Sub\n";
    expect(reports(`${sub}Install remote`)).toEqual(["CreateUpdateInstaller"]);
    expect(reports(`${sub}Call Install(remote)`)).toEqual(["CreateUpdateInstaller"]);
    expect(reports(`${sub}Install (remote)`)).toEqual(["CreateUpdateInstaller"]);
    expect(reports(`${sub}Install here`)).toEqual([]);
  });

  it("calls procedures declared further down", () => {
    expect(reports("Install remote\nSub Install(session)\n  session.CreateUpdateInstaller\nEnd Sub")).toEqual(["CreateUpdateInstaller"]);
  });

  it("returns a function's result, assigned to its name", () => {
    const fn = 'Function SessionOn(computer)\n  Set SessionOn = CreateObject("Microsoft.Update.Session", computer)\nEnd Function\n';
    expect(reportedTexts(`${fn}Set s = SessionOn("SRV-01")\ns.CreateUpdateInstaller`)).toEqual(["CreateUpdateInstaller"]);
    expect(reportedTexts(`${fn}Set s = SessionOn(".")\ns.CreateUpdateInstaller`)).toEqual([]);
    expect(reportedTexts('Function Local\n  Set Local = CreateObject("Microsoft.Update.Session")\nEnd Function\nSet s = Local\ns.CreateUpdateInstaller')).toEqual([]);
  });

  it("joins a result left by Exit Function with the one at the end, and skips what follows an Exit", () => {
    const early = "Function Pick(c)\n  If c Then\n    Set Pick = remote\n    Exit Function\n  End If\n  Set Pick = here\nEnd Function\nSet s = Pick(x)\ns.CreateUpdateInstaller";
    expect(reports(early)).toEqual(["CreateUpdateInstaller"]);
    const dead = "Function Pick\n  Set Pick = here\n  Exit Function\n  Set Pick = remote\nEnd Function\nSet s = Pick\ns.CreateUpdateInstaller";
    expect(reports(dead)).toEqual([]);
    expect(reports("For Each x In Array(1)\n  Exit For\n  remote.CreateUpdateInstaller\nNext")).toEqual([]);
  });

  it("reads a parameter of a procedure nothing calls as another computer", () => {
    const code = 'Sub Check(computer)\n  Set s = CreateObject("Microsoft.Update.Session", computer)\n  s.CreateUpdateInstaller\nEnd Sub';
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });

  it("writes a ByRef parameter back to the caller's variable, and not a ByVal one", () => {
    const byRef = "Sub Connect(session)\n  Set session = remote\nEnd Sub\nSet s = here\nConnect s\ns.CreateUpdateInstaller";
    expect(reports(byRef)).toEqual(["CreateUpdateInstaller"]);
    expect(reports(byRef.replace("Connect(session)", "Connect(ByRef session)"))).toEqual(["CreateUpdateInstaller"]);
    expect(reports(byRef.replace("Connect(session)", "Connect(ByVal session)"))).toEqual([]);
    // A parenthesised argument is passed by value.
    expect(reports(byRef.replace("Connect s", "Connect (s)"))).toEqual([]);
  });

  it("keeps what a procedure set in a global passed to it ByRef and left alone", () => {
    expect(reports("Sub Touch(out)\n  Set s = remote\nEnd Sub\nSet s = here\nTouch s\ns.CreateUpdateInstaller")).toEqual(["CreateUpdateInstaller"]);
  });

  it("keeps a procedure's locals apart from the globals of the same name", () => {
    const code = "Set s = here\nSub Other\n  Dim s\n  Set s = remote\nEnd Sub\nOther\ns.CreateUpdateInstaller";
    expect(reports(code)).toEqual([]);
    expect(reports(code.replace("  Dim s\n", ""))).toEqual(["CreateUpdateInstaller"]);
  });

  it("reads globals set before the call", () => {
    expect(reports("Sub Go\n  s.CreateUpdateInstaller\nEnd Sub\nSet s = here\nGo\nSet s = remote\nGo")).toEqual(["CreateUpdateInstaller"]);
  });

  it("stops at recursion without a guess", () => {
    expect(reports("Function F(n)\n  Set F = F(n - 1)\nEnd Function\nSet x = F(3)\nx.CreateUpdateInstaller")).toEqual([]);
  });
});

describe("classes", () => {
  const CLASS = [
    "Class Updater",
    "  Private m_session",
    "  Public Computer",
    "  Private Sub Class_Initialize",
    '    Set m_session = CreateObject("Microsoft.Update.Session", strComputer)',
    "  End Sub",
    "  Public Property Get Session",
    "    Set Session = m_session",
    "  End Property",
    "  Public Sub Install",
    "    Set inst = Me.Session.CreateUpdateInstaller()",
    "  End Sub",
    "  Public Function Searcher",
    "    Set Searcher = m_session.CreateUpdateSearcher()",
    "  End Function",
    "End Class",
    "",
  ].join("\n");

  it("runs Class_Initialize with New, and members through Me and Property Get", () => {
    expect(reportedTexts(`${CLASS}strComputer = WScript.Arguments(0)\nSet u = New Updater\nu.Install`)).toEqual(["CreateUpdateInstaller"]);
    expect(reportedTexts(`${CLASS}strComputer = "."\nSet u = New Updater\nu.Install`)).toEqual([]);
    // Install, which nothing calls here, is run at the end on the fields as the script left them.
    expect(reportedTexts(`${CLASS}strComputer = "SRV"\nSet u = New Updater\nu.Session.CreateUpdateDownloader`)).toEqual(["CreateUpdateInstaller", "CreateUpdateDownloader"]);
    expect(reportedTexts(`${CLASS}strComputer = "SRV"\nSet u = New Updater\nu.Searcher().BeginSearch "x", Nothing, Empty`)).toEqual(["CreateUpdateInstaller", "BeginSearch"]);
  });

  it("keeps the fields of each New apart", () => {
    const helper = [
      "Class Helper",
      "  Private m_session",
      "  Sub Init(computer)",
      '    Set m_session = CreateObject("Microsoft.Update.Session", computer)',
      "  End Sub",
      "  Sub Install",
      "    Set i = m_session.CreateUpdateInstaller()",
      "  End Sub",
      "  Function Searcher",
      "    Set Searcher = m_session.CreateUpdateSearcher()",
      "  End Function",
      "End Class",
      'Set localHelper = New Helper : localHelper.Init "."',
      'Set remoteHelper = New Helper : remoteHelper.Init "SRV-01"',
      "",
    ].join("\n");
    expect(reportedTexts(`${helper}localHelper.Install\nremoteHelper.Searcher().Search "IsInstalled=0"`)).toEqual([]);
    expect(reportedTexts(`${helper}localHelper.Install\nremoteHelper.Install`)).toEqual(["CreateUpdateInstaller"]);
  });

  it("runs the members of a class nothing makes after its initializer", () => {
    const library = 'Class Patcher\n  Private m\n  Sub Install\n    m.CreateUpdateInstaller\n  End Sub\n  Private Sub Class_Initialize\n    Set m = CreateObject("Microsoft.Update.Session", "SRV-01")\n  End Sub\nEnd Class';
    expect(reportedTexts(library)).toEqual(["CreateUpdateInstaller"]);
  });

  it("calls a class's default member for obj(args)", () => {
    const pool = "Class Pool\n  Public Default Function Session(computer)\n    Set Session = CreateObject(\"Microsoft.Update.Session\", computer)\n  End Function\nEnd Class\nSet p = New Pool\n";
    expect(reportedTexts(`${pool}p("SRV-01").CreateUpdateInstaller`)).toEqual(["CreateUpdateInstaller"]);
    expect(reportedTexts(`${pool}Set s = p(".")\ns.CreateUpdateInstaller`)).toEqual([]);
  });

  it("reads the class's constants, and ends on a constant defined by itself", () => {
    const job = (value: string): string => `Class Job\n  Private Const SERVER = ${value}\n  Sub Run\n    Set s = CreateObject("Microsoft.Update.Session", SERVER)\n    s.CreateUpdateInstaller\n  End Sub\nEnd Class\nSet j = New Job\nj.Run`;
    expect(reportedTexts(job('"SRV-01"'))).toEqual(["CreateUpdateInstaller"]);
    expect(reportedTexts(job('"."'))).toEqual([]);
    expect(reportedTexts(job("SERVER"))).toEqual(["CreateUpdateInstaller"]);
  });

  it("follows public fields and Property Set", () => {
    const holder = "Class Holder\n  Public Item\n  Private m_s\n  Public Property Set Session(value)\n    Set m_s = value\n  End Property\n  Public Sub Go\n    m_s.CreateUpdateDownloader\n  End Sub\nEnd Class\n";
    expect(reports(`${holder}Set h = New Holder\nSet h.Item = remote\nh.Item.CreateUpdateInstaller`)).toEqual(["CreateUpdateInstaller"]);
    expect(reports(`${holder}Set h = New Holder\nSet h.Session = remote\nh.Go`)).toEqual(["CreateUpdateDownloader"]);
    expect(reports(`${holder}Set h = New Holder\nSet h.Session = here\nh.Go`)).toEqual([]);
  });
});
