/**
 * Ways of creating a COM object that never reach another computer, though they take a second
 * argument: what that argument really is, and the page that says so. Plain data: rules only read it.
 */

/** What a creation's second argument is taken for, where it is not a computer. */
export type IgnoredAs = "event-prefix" | "winax-options";

export interface LocalCreator {
  /** The creating call, for the reader. */
  readonly call: string;
  /** Where its second argument is documented. */
  readonly link: string;
}

export const localCreators: Readonly<Record<IgnoredAs, LocalCreator>> = {
  // Windows Script Host: the second argument prefixes the names of event-handler functions.
  "event-prefix": {
    call: "WScript.CreateObject",
    link: "https://learn.microsoft.com/en-us/previous-versions/windows/internet-explorer/ie-developer/windows-scripting/xzysf6hc(v=vs.84)",
  },
  // winax (Node.js): the second argument is an options object; the object is created in process or
  // in a local server, never on another computer.
  "winax-options": {
    call: "winax's Object / ActiveXObject",
    link: "https://github.com/durs/node-activex#features",
  },
};
