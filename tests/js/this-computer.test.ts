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

describe("locations passed through parameters and variables", () => {
  it("is local when every call passes a local name", () => {
    const open = 'function open(host) { return new ActiveXObject("Microsoft.Update.Session", host); }\n';
    expect(probeOne(`${open}probe(open("localhost")); open(); open(".");`)).toBe(`${SESSION} local`);
    expect(probeOne(`${open}probe(open("localhost")); open("SRV-01");`)).toBe(`${SESSION} remote`);
    expect(probeOne(`${open}probe(open(x ? "." : "localhost"));`)).toBe(`${SESSION} local`);
    expect(probeOne('function open(host) { probe(new ActiveXObject("Microsoft.Update.Session", host)); }')).toBe(`${SESSION} remote`);
  });

  it("is local when every write of the variable is a local name", () => {
    expect(probeOne('var h = "."; if (x) h = "localhost"; probe(new ActiveXObject("Microsoft.Update.Session", h));'))
      .toBe(`${SESSION} local`);
    expect(probeOne('var h = "."; if (x) h = WScript.Arguments(0); probe(new ActiveXObject("Microsoft.Update.Session", h));'))
      .toBe(`${SESSION} remote`);
  });
});
