/**
 * The JScript inside a Windows Script File (.wsf) or an HTML Application (.hta), found by a real
 * HTML/XML tokenizer. Entities are never expanded and DTDs are never read, so hostile markup
 * (entity bombs) costs nothing. Plain data out: no ESLint here.
 */
import { Parser } from "htmlparser2";

export type ContainerKind = "wsf" | "hta";

/** The code of one `<script>` element: `[start, end)` offsets in the file, markers excluded. */
export interface ScriptBlock {
  readonly start: number;
  readonly end: number;
  /** `<![CDATA[` and `]]>` around the code, to blank out. */
  readonly markers: readonly (readonly [number, number])[];
}

/** Blocks analysed together: a `.wsf` job, or a whole `.hta` page. */
export interface ScriptGroup {
  readonly name: string;
  readonly blocks: readonly ScriptBlock[];
}

export interface ContainerProblem {
  readonly offset: number;
  readonly message: string;
  readonly severity: 1 | 2;
}

export interface ScriptContainer {
  readonly groups: readonly ScriptGroup[];
  readonly problems: readonly ContainerProblem[];
}

type Language = "js" | "encoded" | "other";

const JS_LANGUAGES = new Set(["jscript", "javascript", "ecmascript", "javascript1.1", "javascript1.2", "javascript1.3", "javascript1.5"]);
const JS_TYPES = new Set(["text/javascript", "application/javascript", "text/jscript", "text/ecmascript", "application/ecmascript", "application/x-javascript"]);
const CDATA_OPEN = "<![CDATA[";
const CDATA_CLOSE = "]]>";

function languageOf(attributes: Record<string, string>): Language {
  const language = attributes["language"]?.trim().toLowerCase();
  if (language !== undefined && language !== "") {
    if (JS_LANGUAGES.has(language)) return "js";
    return language === "jscript.encode" ? "encoded" : "other";
  }
  const type = attributes["type"]?.trim().toLowerCase();
  if (type === undefined || type === "") return "js";
  return JS_TYPES.has(type) ? "js" : "other";
}

export function findScriptBlocks(text: string, kind: ContainerKind): ScriptContainer {
  const groups: { name: string; blocks: ScriptBlock[] }[] = [];
  const problems: ContainerProblem[] = [];
  const pageGroup = { name: kind === "hta" ? "page" : "file", blocks: [] as ScriptBlock[] };
  let job: { name: string; blocks: ScriptBlock[] } | null = null;
  let jobCount = 0;
  let openScript: { openStart: number; openEnd: number; language: Language; external: boolean } | null = null;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "job" && kind === "wsf") {
          jobCount++;
          const id = attributes["id"]?.trim();
          job = { name: `job${jobCount}${id ? `-${id.replace(/[^\w-]/gu, "_")}` : ""}`, blocks: [] };
          groups.push(job);
        } else if (name === "script") {
          openScript = {
            openStart: parser.startIndex,
            openEnd: parser.endIndex,
            language: languageOf(attributes),
            external: attributes["src"] !== undefined,
          };
        }
      },
      onclosetag(name, isImplied) {
        if (name === "job") {
          job = null;
          return;
        }
        if (name !== "script" || openScript === null) return;
        const script = openScript;
        openScript = null;
        const selfClosed = isImplied && parser.endIndex === script.openEnd;
        if (selfClosed || script.external) return;
        if (isImplied) {
          problems.push({ offset: script.openStart, severity: 2, message: "This <script> element is never closed, so its code was not linted." });
          return;
        }
        if (script.language === "encoded") {
          problems.push({ offset: script.openStart, severity: 1, message: "This JScript.Encode block is encoded and cannot be read, so it was not linted." });
          return;
        }
        if (script.language !== "js") return;
        const block = blockOf(text, script.openEnd + 1, parser.startIndex, problems);
        if (block) (job ?? pageGroup).blocks.push(block);
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(text);
  parser.end();

  if (pageGroup.blocks.length > 0) groups.unshift(pageGroup);
  return { groups: groups.filter((group) => group.blocks.length > 0), problems };
}

/** The code between the tags, with its CDATA markers located. */
function blockOf(text: string, start: number, end: number, problems: ContainerProblem[]): ScriptBlock | undefined {
  const content = text.slice(start, end);
  const open = content.indexOf(CDATA_OPEN);
  if (open === -1 || content.slice(0, open).trim() !== "") return { start, end, markers: [] };
  const close = content.lastIndexOf(CDATA_CLOSE);
  if (close < open + CDATA_OPEN.length || content.slice(close + CDATA_CLOSE.length).trim() !== "") {
    problems.push({ offset: start + open, severity: 2, message: "This CDATA section is not closed before </script>, so its code was not linted." });
    return undefined;
  }
  return {
    start,
    end,
    markers: [
      [start + open, start + open + CDATA_OPEN.length],
      [start + close, start + close + CDATA_CLOSE.length],
    ],
  };
}

/** Every UTF-16 unit but line breaks becomes a space (no `u` flag: offsets count units). */
const NOT_LINE_BREAK = /[^\r\n\u2028\u2029]/g;

function blank(text: string): string {
  return text.replace(NOT_LINE_BREAK, " ");
}

/**
 * The group's code at the very offsets it has in the file: everything else becomes spaces (line
 * breaks kept). Lines, columns, fixes and suggestions need no mapping back.
 */
export function virtualText(text: string, group: ScriptGroup): string {
  let result = "";
  let position = 0;
  for (const block of group.blocks) {
    result += blank(text.slice(position, block.start));
    let cursor = block.start;
    for (const [from, to] of block.markers) {
      result += text.slice(cursor, from) + blank(text.slice(from, to));
      cursor = to;
    }
    result += text.slice(cursor, block.end);
    position = block.end;
  }
  return result + blank(text.slice(position));
}
