/** One analysis per VBScript file, shared by every wua rule, delivered at the end of ESLint's walk. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { Interpreter } from "../../src/vbscript/analysis/procedures.js";
import { findings, lintVBScript } from "./lint-vbscript.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the VBScript front end", () => {
  it("runs the analysis once per file, whatever the number of wua rules", () => {
    const run = vi.spyOn(Interpreter.prototype, "run");
    const code = 'Set s = CreateObject("Microsoft.Update.Session", "SRV")\ns.CreateUpdateInstaller\nSet si = CreateObject("Microsoft.Update.SystemInfo", "SRV")';
    expect(findings(code)).toEqual(["no-remote-unavailable-member@2:3", "no-remote-unavailable-interface@3:10"]);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("does not run on a file that never names Windows Update", () => {
    const run = vi.spyOn(Interpreter.prototype, "run");
    expect(lintVBScript('Set fso = CreateObject("Scripting.FileSystemObject")\nWScript.Echo fso.GetTempName')).toEqual([]);
    expect(run).not.toHaveBeenCalled();
  });

  it("is the VBScript analysis, not the JavaScript one, that reads .vbs files", () => {
    // JavaScript would not parse this; VBScript's CreateObject with a location is remote.
    expect(findings('Dim s : Set s = CreateObject("Microsoft.Update.Session", "SRV")\ns.AcceptEula : s.CreateUpdateInstaller')).toEqual([
      "no-remote-unavailable-member@2:18",
    ]);
  });
});
