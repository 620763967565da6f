import { describe, expect, it } from "vitest";
import { probeOne } from "./probe.js";

const SESSION = "IUpdateSession3";

describe("locations that name this computer", () => {
  it.each([
    ['new ActiveXObject("WScript.Network").ComputerName'],
    ['WScript.CreateObject("WScript.Network").computername'],
    ['new ActiveXObject("WScript.Shell").ExpandEnvironmentStrings("%COMPUTERNAME%")'],
    ['WScript.CreateObject("WScript.Shell").expandEnvironmentStrings("%computername%")'],
  ])("%s is local", (location) => {
    expect(probeOne(`probe(new ActiveXObject("Microsoft.Update.Session", ${location}));`)).toBe(`${SESSION} local`);
  });

  it("follows the helper objects and the name through variables", () => {
    const code = `var net = new ActiveXObject("WScript.Network");
var me = net.ComputerName;
var s = new ActiveXObject("Microsoft.Update.Session", me);
probe(s);`;
    expect(probeOne(code)).toBe(`${SESSION} local`);
  });

  it.each([
    ['new ActiveXObject("WScript.Network", "SRV-01").ComputerName'],
    ['new ActiveXObject("WScript.Network").UserDomain'],
    ['new ActiveXObject("WScript.Shell").ExpandEnvironmentStrings("%TARGET%")'],
    ['new ActiveXObject("WScript.Shell").ExpandEnvironmentStrings(name)'],
  ])("%s is another computer", (location) => {
    expect(probeOne(`probe(new ActiveXObject("Microsoft.Update.Session", ${location}));`)).toBe(`${SESSION} remote`);
  });

  it("still honours the wua-remote marker", () => {
    const code = '// wua-remote\nprobe(new ActiveXObject("Microsoft.Update.Session", new ActiveXObject("WScript.Network").ComputerName));';
    expect(probeOne(code)).toBe(`${SESSION} remote`);
  });
});
