/**
 * The JScript and VBScript inside a Windows Script File (.wsf) or an HTML Application (.hta), found
 * by a real HTML/XML tokenizer. Entities are never expanded and DTDs are never read, so hostile
 * markup (entity bombs) costs nothing. Plain data out: no ESLint here.
 */
import { Parser } from "htmlparser2";

export type ContainerKind = "wsf" | "hta";

/** The languages whose blocks are linted, each in a virtual file of its own. */
export type BlockLanguage = "jscript" | "vbscript";

/** The code of one `<script>` element: `[start, end)` offsets in the file, markers excluded. */
export interface ScriptBlock {
  readonly start: number;
  readonly end: number;
  /**
   * Ranges inside the block that are not code, to blank out, in order: `<![CDATA[` and `]]>`, and in
   * an `.hta` the lines VBScript reads as comments because they start with `<!--` or `-->`.
   */
  readonly markers: readonly (readonly [number, number])[];
}

/** Blocks of one language analysed together: those of a `.wsf` job, or of a whole `.hta` page. */
export interface ScriptGroup {
  readonly name: string;
  readonly language: BlockLanguage;
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

/** What a `<script>` element holds: code in a language linted here, encoded code, or something else. */
type BlockContents = BlockLanguage | "JScript.Encode" | "VBScript.Encode" | "other";

const JS_LANGUAGES = new Set(["jscript", "javascript", "ecmascript", "javascript1.1", "javascript1.2", "javascript1.3", "javascript1.5"]);
const JS_TYPES = new Set(["text/javascript", "application/javascript", "text/jscript", "text/ecmascript", "application/ecmascript", "application/x-javascript"]);
/** The script engine names vbscript.dll registers for running code ("VBS" is the short one). */
const VBS_LANGUAGES = new Set(["vbscript", "vbs"]);
const VBS_TYPES = new Set(["text/vbscript"]);
const ENCODED_LANGUAGES: Record<string, BlockContents> = { "jscript.encode": "JScript.Encode", "vbscript.encode": "VBScript.Encode" };
const CDATA_OPEN = "<![CDATA[";
const CDATA_CLOSE = "]]>";

/** The `language` attribute (a script engine's name, any case) wins over `type`, as the hosts read them. */
function contentsOf(attributes: Record<string, string>): BlockContents {
  const language = attributes["language"]?.trim().toLowerCase();
  if (language !== undefined && language !== "") {
    if (JS_LANGUAGES.has(language)) return "jscript";
    if (VBS_LANGUAGES.has(language)) return "vbscript";
    return ENCODED_LANGUAGES[language] ?? "other";
  }
  const type = attributes["type"]?.trim().toLowerCase();
  if (type === undefined || type === "") return "jscript";
  if (JS_TYPES.has(type)) return "jscript";
  return VBS_TYPES.has(type) ? "vbscript" : "other";
}

/** The blocks of a job or page in the order they appear; split by language at the end. */
interface Container {
  readonly name: string;
  readonly blocks: { readonly language: BlockLanguage; readonly block: ScriptBlock }[];
}

/** One group per language, in the order each language first appears in the container. */
function groupsOf(container: Container): ScriptGroup[] {
  const byLanguage = new Map<BlockLanguage, ScriptBlock[]>();
  for (const { language, block } of container.blocks) {
    const blocks = byLanguage.get(language) ?? [];
    blocks.push(block);
    byLanguage.set(language, blocks);
  }
  return [...byLanguage].map(([language, blocks]) => ({ name: container.name, language, blocks }));
}

export function findScriptBlocks(text: string, kind: ContainerKind): ScriptContainer {
  const jobs: Container[] = [];
  const problems: ContainerProblem[] = [];
  const page: Container = { name: kind === "hta" ? "page" : "file", blocks: [] };
  let job: Container | null = null;
  let jobCount = 0;
  let openScript: { openStart: number; openEnd: number; contents: BlockContents; external: boolean } | null = null;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "job" && kind === "wsf") {
          jobCount++;
          const id = attributes["id"]?.trim();
          job = { name: `job${jobCount}${id ? `-${id.replace(/[^\w-]/gu, "_")}` : ""}`, blocks: [] };
          jobs.push(job);
        } else if (name === "script") {
          openScript = {
            openStart: parser.startIndex,
            openEnd: parser.endIndex,
            contents: contentsOf(attributes),
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
        if (script.contents === "JScript.Encode" || script.contents === "VBScript.Encode") {
          problems.push({ offset: script.openStart, severity: 1, message: `This ${script.contents} block is encoded and cannot be read, so it was not linted.` });
          return;
        }
        if (script.contents === "other") return;
        const block = blockOf(text, script.openEnd + 1, parser.startIndex, problems);
        if (!block) return;
        // A page's host (MSHTML) tells the VBScript engine it reads HTML by passing "</script>" as
        // the end of the code; nothing shows Windows Script Host doing so for a .wsf job, whose
        // code is left as written.
        const withComments = kind === "hta" && script.contents === "vbscript" ? withHtmlCommentLines(text, block) : block;
        (job ?? page).blocks.push({ language: script.contents, block: withComments });
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(text);
  parser.end();

  return { groups: [page, ...jobs].flatMap(groupsOf), problems };
}

/**
 * Lines of a page's VBScript block that start with `<!--` or `-->` (the old way of hiding scripts
 * from browsers without them): VBScript hosted in HTML reads each as a comment to the end of its
 * line, where a `.vbs` file would not even parse. They are blanked like the CDATA markers.
 */
function withHtmlCommentLines(text: string, block: ScriptBlock): ScriptBlock {
  const comments: [number, number][] = [];
  const commentLine = /^[ \t]*(?:<!--|-->)[^\r\n\u2028\u2029]*/gmu;
  const code = text.slice(block.start, block.end);
  for (const match of code.matchAll(commentLine)) {
    const start = block.start + match.index + match[0].search(/\S/u);
    comments.push([start, block.start + match.index + match[0].length]);
  }
  if (comments.length === 0) return block;
  const outside = comments.filter(([start, end]) => block.markers.every(([from, to]) => end <= from || start >= to));
  const markers = [...block.markers, ...outside].sort(([a], [b]) => a - b);
  return { ...block, markers };
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
 * breaks kept). Lines, columns, fixes and suggestions need no mapping back. A byte-order mark is
 * kept as it is: ESLint takes it off the file and off each virtual file alike, so that offsets
 * count from the same place in both.
 */
export function virtualText(text: string, group: ScriptGroup): string {
  const virtual = blankedOutside(text, group);
  return text.startsWith(BYTE_ORDER_MARK) ? BYTE_ORDER_MARK + virtual.slice(1) : virtual;
}

const BYTE_ORDER_MARK = "\uFEFF";

function blankedOutside(text: string, group: ScriptGroup): string {
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
