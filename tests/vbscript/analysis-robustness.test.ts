/** No rule throws on any VBScript input, broken code still reports what can be read, and cost stays bounded. */
import { describe, expect, it } from "vitest";
import { pseudoRandomBytes } from "../pseudo-random-bytes.js";
import { lintVBScript, reportedTexts } from "./lint-vbscript.js";

const REMOTE_SESSION = 'Set s = CreateObject("Microsoft.Update.Session", "SRV-01")';

/** Pieces of VBScript, WUA names among them, put together at random into programs that are mostly broken. */
const VOCABULARY = [
  "Set", "Dim", "ReDim", "Preserve", "Const", "Let", "Call", "If", "Then", "Else", "ElseIf", "End", "Select", "Case",
  "For", "Each", "In", "To", "Step", "Next", "Do", "Loop", "While", "Until", "Wend", "With", "Sub", "Function",
  "Property", "Get", "Class", "New", "Me", "ByRef", "ByVal", "Exit", "On", "Error", "Resume", "Nothing", "Empty",
  "Null", "True", "False", "And", "Or", "Not", "Is", "Mod", "Public", "Private", "Default", "Execute", "GetRef",
  "s", "u", "coll", "x", "F", "C", "WScript", "Arguments", "CreateObject", '"Microsoft.Update.Session"',
  '"Microsoft.Update.SystemInfo"', '"SRV-01"', '"."', "CreateUpdateInstaller", "CreateUpdateSearcher", "Search",
  "Updates", "Item", "IsHidden", "AcceptEula", "WebProxy", "Count", "=", "(", ")", ",", ".", ":", "&", "+", "-",
  "_", "'", "\n", "\n", "\n", "0", "1", "#1/2/2003#", "&HFF", "[x y]", '"', "\r\n",
];

function randomProgram(seed: number): string {
  const bytes = pseudoRandomBytes(160, seed);
  const words: string[] = [];
  for (let i = 0; i < bytes.length; i += 2) {
    words.push(VOCABULARY[((bytes[i]! << 8) | bytes[i + 1]!) % VOCABULARY.length]!);
  }
  return words.join(" ");
}

const REALISTIC = [
  "' wua-remote",
  "Option Explicit",
  "On Error Resume Next",
  "Dim strComputer : strComputer = WScript.Arguments(0)",
  'Dim objSession : Set objSession = CreateObject("Microsoft.Update.Session", strComputer)',
  "Set objSearcher = objSession.CreateupdateSearcher()",
  'Set objResults = objSearcher.Search("IsInstalled=0 and Type=\'Software\'")',
  "For Each objUpdate In objResults.Updates",
  "  If Not objUpdate.EulaAccepted Then objUpdate.AcceptEula Else WScript.Echo objUpdate.Title",
  "  With objUpdate : .IsHidden = True : End With",
  "Next",
  "Select Case objResults.Updates.Count",
  "  Case 0 : WScript.Quit",
  "  Case Else : Set objInstaller = objSession.CreateUpdateInstaller()",
  "End Select",
  "Class Runner",
  "  Private m",
  "  Public Property Set S(v) : Set m = v : End Property",
  "  Sub Go : m.CreateUpdateDownloader : End Sub",
  "End Class",
  "Set r = New Runner : Set r.S = objSession : r.Go",
].join("\n");

describe("hostile and broken input", () => {
  it("lints several hundred random programs without throwing", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const code = randomProgram(seed);
      let messages: ReturnType<typeof lintVBScript> = [];
      expect(() => (messages = lintVBScript(code)), `seed ${seed}:\n${code}`).not.toThrow();
      expect(messages.filter((m) => m.fatal), `seed ${seed}`).toEqual([]);
      for (const message of messages) expect(message.message, `seed ${seed}`).not.toMatch(/``|created on {2}/u);
    }
  });

  it("lints every truncation of a realistic script without throwing", () => {
    for (let end = 0; end <= REALISTIC.length; end++) {
      const truncated = REALISTIC.slice(0, end);
      expect(() => lintVBScript(truncated), `truncated at ${end}`).not.toThrow();
    }
  });

  it("lints random bytes with a .vbs name", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const junk = `Microsoft.Update.Session ${pseudoRandomBytes(2000, seed).toString("latin1")}`;
      expect(() => lintVBScript(junk), `seed ${seed}`).not.toThrow();
    }
  });

  it("lints deep nesting of blocks and parentheses without a stack overflow", () => {
    const depth = 5_000;
    const ifs = `${"If a Then\n".repeat(depth)}s.Update\n${"End If\n".repeat(depth)}`;
    const parens = `x = ${"(".repeat(depth)}1${")".repeat(depth)}\nu = "Update"`;
    const withs = `${REMOTE_SESSION}\n${"With s\n".repeat(depth)}.CreateUpdateInstaller\n${"End With\n".repeat(depth)}`;
    for (const code of [ifs, parens, withs]) expect(() => lintVBScript(code)).not.toThrow();
  });
});

describe("broken code still reports what can be read", () => {
  it("reports after a statement VBScript rejects", () => {
    expect(reportedTexts(`${REMOTE_SESSION}\nx = = 1\ns.CreateUpdateInstaller`)).toEqual(["CreateUpdateInstaller"]);
    expect(reportedTexts(`${REMOTE_SESSION}\nIf a Then\n  x = 1\nElse If b Then\n  x = 2\nEnd If\ns.CreateUpdateInstaller`)).toEqual(["CreateUpdateInstaller"]);
  });

  it("calls a procedure declared where VBScript allows none", () => {
    expect(reportedTexts(`${REMOTE_SESSION}\nIf a Then\n  Sub Go\n    s.CreateUpdateInstaller\n  End Sub\nEnd If\nGo`)).toEqual(["CreateUpdateInstaller"]);
  });

  it("reports inside an unterminated block", () => {
    expect(reportedTexts(`${REMOTE_SESSION}\nFor Each u In s.CreateUpdateSearcher().Search("x").Updates\n  u.AcceptEula`)).toEqual(["AcceptEula"]);
  });
});

describe("cost", () => {
  it("follows a 10,000-long chain of variable copies", () => {
    const lines = [REMOTE_SESSION, "Set v0 = s"];
    for (let i = 1; i < 10_000; i++) lines.push(`Set v${i} = v${i - 1}`);
    lines.push("v9999.CreateUpdateInstaller");
    expect(reportedTexts(lines.join("\n"))).toEqual(["CreateUpdateInstaller"]);
  });

  it("lints procedures that call each other in a ring, and twice each in a chain", () => {
    const ring = Array.from({ length: 50 }, (_, i) => `Function F${i}(x)\n  Set F${i} = F${(i + 1) % 50}(x)\nEnd Function`).join("\n");
    expect(() => lintVBScript(`${REMOTE_SESSION}\n${ring}\nSet y = F0(s)\ny.CreateUpdateInstaller`)).not.toThrow();
    const chain = Array.from({ length: 60 }, (_, i) => `Sub G${i}(x)\n  G${i + 1} x\n  G${i + 1} x\n  x.CreateUpdateInstaller\nEnd Sub`).join("\n");
    const started = Date.now();
    // Each procedure's own use, once: 2^60 calls are never made.
    expect(reportedTexts(`${REMOTE_SESSION}\n${chain}\nG0 s`)).toEqual(Array.from({ length: 60 }, () => "CreateUpdateInstaller"));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("lints long files that nest arrays and grow strings line by line", () => {
    const arrays = ["a = Array(1)", ...Array.from({ length: 20_000 }, () => "a = Array(a)"), "Set s = CreateObject(\"Microsoft.Update.Session\", a(0))"];
    const strings = ['c = "SRV"', ...Array.from({ length: 20_000 }, () => 'If x Then c = c & "-" Else c = c & "+"'), REMOTE_SESSION];
    for (const code of [arrays.join("\n"), strings.join("\n")]) {
      const started = Date.now();
      expect(() => lintVBScript(code)).not.toThrow();
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  });

  it("lints a class whose initializer creates another of itself", () => {
    const code = `${REMOTE_SESSION}\nClass Node\n  Private nextNode\n  Sub Class_Initialize\n    Set nextNode = New Node\n    s.CreateUpdateInstaller\n  End Sub\nEnd Class\nSet n = New Node`;
    expect(reportedTexts(code)).toEqual(["CreateUpdateInstaller"]);
  });
});

/** Statements that use WUA objects in many ways, put together at random into programs that mostly parse. */
const STATEMENTS = [
  'Set s = CreateObject("Microsoft.Update.Session", c)',
  'Set s = WScript.CreateObject("Microsoft.Update.Session", c)',
  'Set s = CreateObject("Microsoft.Update.Session")',
  'c = "SRV-" & n',
  "c = WScript.Arguments(0)",
  'c = "."',
  "Set r = s.CreateUpdateSearcher().Search(q)",
  "For Each u In r.Updates",
  "Next",
  "If u.IsHidden Then u.IsHidden = False Else u.AcceptEula",
  "If n > 1 Then",
  "ElseIf n Then",
  "Else",
  "End If",
  "With s",
  ".CreateUpdateInstaller",
  "End With",
  "Set u = r.Updates(n)",
  "Set u = Nothing",
  "Do While n < 3 : n = n + 1 : Loop",
  "Sub P(ByRef a, ByVal b)",
  "End Sub",
  "Function F(a)",
  "Set F = a",
  "End Function",
  "P s, c",
  "Set s = F(s)",
  "Class K",
  "Public m",
  "Sub Class_Initialize : Set m = s : End Sub",
  "End Class",
  "Set k = New K : k.m.CreateUpdateDownloader",
  "Select Case n",
  "Case 1",
  "Case Else",
  "End Select",
  "Call s.CreateUpdateInstaller()",
  "s.WebProxy = Nothing",
  "On Error Resume Next",
  "Execute c",
];

function statementProgram(seed: number): string {
  const bytes = pseudoRandomBytes(60, seed);
  return Array.from(bytes, (byte) => STATEMENTS[byte % STATEMENTS.length]!).join("\n");
}

describe("programs of WUA statements at random", () => {
  it("lints several hundred of them without throwing", () => {
    let reporting = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const code = statementProgram(seed);
      let messages: ReturnType<typeof lintVBScript> = [];
      expect(() => (messages = lintVBScript(code)), `seed ${seed}:\n${code}`).not.toThrow();
      if (messages.some((m) => m.ruleId !== null)) reporting++;
      // Every message names what it is about: no empty quotes where a text was meant.
      for (const message of messages) expect(message.message, `seed ${seed}`).not.toMatch(/``|""|created on {2}/u);
    }
    // The programs reach the analysis: most of them report something.
    expect(reporting).toBeGreaterThan(150);
  });
});
