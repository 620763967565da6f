/**
 * SARIF 2.1.0 from ESLint results, for GitHub code scanning and other SARIF viewers. `wua-lint
 * --format sarif` uses it, and it is an ESLint formatter in its own right:
 * `eslint --format ./node_modules/eslint-plugin-wua/dist/formatters/sarif.js .`
 */
import { createRequire } from "node:module";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { ESLint, type Linter } from "eslint";
import { rules as wuaRules } from "../rules/index.js";

const packageJson = createRequire(import.meta.url)("../../package.json") as {
  name: string;
  version: string;
  repository: string | { url: string };
};

/** The final 2.1.0 schema: the multitool flags the older pre-release (rtm.5) address (SARIF1011). */
const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/** The name CodeQL and the SARIF specification's examples give the root of the sources. */
const SOURCE_ROOT = "%SRCROOT%";

type Level = "error" | "warning" | "note";

interface Region {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

interface Location {
  physicalLocation: { artifactLocation: ArtifactLocation; region?: Region };
}

interface ReportingDescriptor {
  id: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  helpUri?: string;
  help?: { text: string; markdown: string };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations: Location[];
  suppressions?: { kind: "inSource" | "external"; justification?: string }[];
}

interface Notification {
  level: Level;
  message: { text: string };
  locations: Location[];
}

/** What ESLint hands a formatter, less what SARIF has no use for (colours, --max-warnings). */
export type SarifFormatterContext = Pick<ESLint.LintResultData, "cwd" | "rulesMeta">;

interface RuleDocs {
  docs?: { description?: string; url?: string } | undefined;
}

/**
 * The rules of the run: the plugin's own rules always, so a clean run still documents them, then
 * any other rule (core ESLint, other plugins) that reported something, as ESLint describes it.
 */
class RuleTable {
  readonly descriptors: ReportingDescriptor[] = [];
  private readonly indexById = new Map<string, number>();

  constructor(private readonly rulesMeta: SarifFormatterContext["rulesMeta"]) {
    for (const [name, rule] of Object.entries(wuaRules)) this.add(`wua/${name}`, rule.meta);
  }

  indexOf(ruleId: string): number {
    return this.indexById.get(ruleId) ?? this.add(ruleId, this.rulesMeta[ruleId]);
  }

  private add(id: string, meta: RuleDocs | undefined): number {
    const descriptor: ReportingDescriptor = { id };
    const description = meta?.docs?.description;
    const url = meta?.docs?.url;
    if (description) {
      descriptor.shortDescription = { text: description };
      // GitHub's upload rules (the multitool's GH2012) ask for a full description and help as well.
      descriptor.fullDescription = { text: description };
    }
    // Code scanning shows `help` beside an alert and does not read `helpUri`: the link goes in both.
    const summary = description ?? id;
    if (url) descriptor.helpUri = url;
    descriptor.help = url
      ? { text: `${summary}\n\nDocumentation: ${url}`, markdown: `${summary}\n\n[Documentation of ${id}](${url})` }
      : { text: summary, markdown: summary };
    this.indexById.set(id, this.descriptors.length);
    return this.descriptors.push(descriptor) - 1;
  }
}

function levelOf(message: Linter.LintMessage): Level {
  // ESLint's types say a message is never "off", but a formatter should not break if one is.
  const severity: number = message.severity;
  return severity === 2 ? "error" : severity === 1 ? "warning" : "note";
}

/**
 * ESLint's lines and columns are 1-based and its columns count UTF-16 code units, with the end
 * column just past the last character: SARIF's convention too, so they are copied as they are.
 * Some messages (a file ESLint ignored, say) have no position and get no region.
 */
function regionOf(message: Linter.LintMessage): Region | undefined {
  if (!(message.line >= 1)) return undefined;
  const region: Region = { startLine: message.line };
  if (message.column >= 1) region.startColumn = message.column;
  const { endLine, endColumn } = message;
  if (endLine !== undefined && endLine >= message.line) {
    region.endLine = endLine;
    const endsAfterStart = endLine > message.line || (endColumn ?? 0) >= (region.startColumn ?? 1);
    if (endColumn !== undefined && endColumn >= 1 && endsAfterStart) region.endColumn = endColumn;
  }
  return region;
}

/**
 * A file under the working folder is a relative URI from %SRCROOT%, which code scanning maps onto
 * the repository; any other file can only be named by its absolute URI.
 */
function artifactLocationOf(filePath: string, cwd: string): ArtifactLocation {
  const absolute = resolve(cwd, filePath);
  const fromRoot = relative(cwd, absolute);
  const outside = fromRoot === "" || fromRoot === ".." || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot);
  if (outside) return { uri: pathToFileURL(absolute).href };
  return { uri: fromRoot.split(sep).map(encodeURIComponent).join("/"), uriBaseId: SOURCE_ROOT };
}

function folderUri(folder: string): string {
  const uri = pathToFileURL(folder).href;
  return uri.endsWith("/") ? uri : `${uri}/`;
}

function repositoryPage(): string {
  const { repository } = packageJson;
  const url = typeof repository === "string" ? repository : repository.url;
  return url.replace(/^git\+/u, "").replace(/\.git$/u, "");
}

/**
 * ESLint records an `eslint-disable` comment as a "directive" and an entry of its suppressions file
 * (`eslint --suppress-all`) as a "file": in SARIF terms, in the source and outside it.
 */
function suppressionsOf(message: Linter.SuppressedLintMessage): NonNullable<SarifResult["suppressions"]> {
  return message.suppressions.map(({ kind, justification }) => ({
    kind: kind === "directive" ? "inSource" : "external",
    ...(justification ? { justification } : {}),
  }));
}

/** The SARIF log of these results, as text. */
export function formatResultsAsSarif(results: readonly ESLint.LintResult[], context: SarifFormatterContext): string {
  const rules = new RuleTable(context.rulesMeta);
  // Every linted file, clean or not, is listed: the record of what was checked. Its role says so,
  // which is also what keeps the list from being mere copies of the result locations (SARIF2004).
  const artifacts: { location: ArtifactLocation; roles: ["analysisTarget"] }[] = [];
  const artifactIndexByPath = new Map<string, number>();
  const sarifResults: SarifResult[] = [];
  // A message with no rule is ESLint's own: a file it could not parse, a disable comment left
  // unused. Code scanning wants a rule for each alert, so these go on the tool's status page.
  const notifications: Notification[] = [];

  for (const lintResult of results) {
    const location = artifactLocationOf(lintResult.filePath, context.cwd);
    let index = artifactIndexByPath.get(lintResult.filePath);
    if (index === undefined) {
      index = artifacts.push({ location, roles: ["analysisTarget"] }) - 1;
      artifactIndexByPath.set(lintResult.filePath, index);
    }
    const locationsOf = (message: Linter.LintMessage): Location[] => {
      const region = regionOf(message);
      return [{ physicalLocation: { artifactLocation: { ...location, index }, ...(region ? { region } : {}) } }];
    };
    const report = (message: Linter.LintMessage, suppressions?: SarifResult["suppressions"]): void => {
      const common = { level: levelOf(message), message: { text: message.message }, locations: locationsOf(message) };
      if (message.ruleId === null) notifications.push(common);
      else sarifResults.push({ ruleId: message.ruleId, ruleIndex: rules.indexOf(message.ruleId), ...common, ...(suppressions ? { suppressions } : {}) });
    };
    for (const message of lintResult.messages) report(message);
    for (const message of lintResult.suppressedMessages) report(message, suppressionsOf(message));
  }

  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: { name: packageJson.name, version: packageJson.version, informationUri: repositoryPage(), rules: rules.descriptors },
          // The findings also depend on the ESLint that parsed the files, whose version is here.
          extensions: [{ name: "ESLint", version: ESLint.version, informationUri: "https://eslint.org" }],
        },
        // ESLint has already run to the end when a formatter is called, even if some files failed to parse.
        invocations: [{ executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: folderUri(context.cwd) } },
        artifacts,
        results: sarifResults,
        columnKind: "utf16CodeUnits",
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** ESLint loads a formatter given by path through its default export. */
export default formatResultsAsSarif satisfies ESLint.FormatterFunction;
