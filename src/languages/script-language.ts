/**
 * An ESLint language for a text file read by one of the plugin's own parsers: synchronous, so it
 * lives in the main entry, and every file is linted (a file the language's interpreter would not
 * run gets one message from its SourceCode, and the rest of it is still checked).
 */

export interface ScriptFile {
  readonly body: string | Uint8Array;
  readonly path: string;
}

export interface ScriptLanguageParts<Root, SourceCode> {
  /** Node type to the keys of its children, for ESLint's selectors. */
  readonly visitorKeys: Readonly<Record<string, readonly string[]>>;
  /** `path` is the file's, or a processor's virtual name inside it (`page.hta/0_page.vbs`). */
  readonly parse: (text: string, path: string) => Root;
  readonly createSourceCode: (text: string, ast: Root) => SourceCode;
}

export class ScriptLanguage<Root, SourceCode> {
  readonly fileType = "text" as const;
  readonly lineStart = 1 as const;
  readonly columnStart = 0 as const;
  readonly nodeTypeKey = "type";
  readonly visitorKeys: Record<string, string[]>;
  readonly defaultLanguageOptions = {};
  readonly #parts: ScriptLanguageParts<Root, SourceCode>;

  constructor(parts: ScriptLanguageParts<Root, SourceCode>) {
    this.#parts = parts;
    // ESLint's type asks for arrays it may change; it never does, but a copy keeps the parser's own.
    this.visitorKeys = Object.fromEntries(Object.entries(parts.visitorKeys).map(([type, keys]) => [type, [...keys]]));
  }

  validateLanguageOptions(options: unknown): void {
    if (options !== undefined && (typeof options !== "object" || options === null)) {
      throw new TypeError("languageOptions must be an object");
    }
  }

  parse(file: ScriptFile): { ok: true; ast: Root } {
    return { ok: true, ast: this.#parts.parse(textOf(file), file.path) };
  }

  createSourceCode(file: ScriptFile, parseResult: { ast: Root }): SourceCode {
    return this.#parts.createSourceCode(textOf(file), parseResult.ast);
  }
}

function textOf(file: ScriptFile): string {
  return typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
}
