/** wua-lint's command line: its options, ESLint's short flags for them, and one clear line for a mistake. */
import { parseArgs } from "node:util";

export const HELP = `Usage: wua-lint [options] [paths...]

Reports Windows Update Agent (WUA) calls that fail when the objects live on another computer.
Paths default to the current folder. PowerShell .ps1 and .psm1 files and VBScript .vbs files are
linted, Windows Script Host .js files are parsed as scripts, .mjs as modules, .cjs as CommonJS,
.ts/.mts/.cts with @typescript-eslint/parser, and the JScript and VBScript inside .wsf and .hta
files are linted in place, as is a .bat or .cmd file that runs itself as VBScript (its first lines
start cscript //e:vbscript "%~f0"). Files saved as UTF-16 ("Unicode") or UTF-32 are read as such.
Script files it does not lint (.vbe, .jse, .wsc, other batch files) are named at the end. A
folder's own ESLint config is not used.

Options:
  --strict                   also report members that are not documented for remote callers
  --assume-remote            treat every WUA object as remote (scripts started over WinRM or SSH)
  -f, --format <name>        stylish (default), json, or sarif (for GitHub code scanning)
  -o, --output-file <path>   write the report to a file instead of the terminal
  --max-warnings <n>         exit with 1 when there are more than n warnings
  --quiet                    report errors only
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no problems, 1 problems found, 2 usage or internal error.`;

const FORMATS = ["stylish", "json", "sarif"];

export class UsageError extends Error {}

export interface Options {
  readonly paths: string[];
  readonly strict: boolean;
  readonly assumeRemote: boolean;
  readonly format: string;
  readonly outputFile: string | undefined;
  readonly maxWarnings: number | undefined;
  readonly quiet: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

/** ESLint options an ESLint user may reach for, and why wua-lint has none. */
const ESLINT_ONLY_OPTIONS: Record<string, string> = {
  "-c": "wua-lint uses its own configuration; to lint with an eslint.config.js, run eslint with the plugin",
  "--config": "wua-lint uses its own configuration; to lint with an eslint.config.js, run eslint with the plugin",
  "--fix": "wua-lint does not change files; its suggested edits are offered in editors through ESLint",
  "--fix-dry-run": "wua-lint does not change files; its suggested edits are offered in editors through ESLint",
  "--ext": "wua-lint picks the files it lints by their extension itself",
  "--rule": "to choose rules, run eslint with the plugin and your own configuration",
};

export function readOptions(argv: readonly string[]): Options {
  const { values, positionals } = parseCommandLine(argv);
  if (!FORMATS.includes(values.format)) throw new UsageError(`Unknown format "${values.format}": use ${FORMATS.join(", ")}.`);
  let maxWarnings: number | undefined;
  if (values["max-warnings"] !== undefined) {
    maxWarnings = Number(values["max-warnings"]);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError("--max-warnings takes a whole number of 0 or more.");
  }
  return {
    paths: positionals.length > 0 ? positionals : ["."],
    strict: values.strict,
    assumeRemote: values["assume-remote"],
    format: values.format,
    outputFile: values["output-file"],
    maxWarnings,
    quiet: values.quiet,
    help: values.help,
    version: values.version,
  };
}

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        strict: { type: "boolean", default: false },
        "assume-remote": { type: "boolean", default: false },
        format: { type: "string", short: "f", default: "stylish" },
        "output-file": { type: "string", short: "o" },
        "max-warnings": { type: "string" },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(describeArgumentError(error as Error & { code?: string }));
  }
}

/** Node's own wording quotes unevenly and speaks of "positional arguments": say it for a user instead. */
function describeArgumentError(error: Error & { code?: string }): string {
  const option = /'(-[^',\s]*)/u.exec(error.message)?.[1];
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option !== undefined) {
    const name = option.split("=")[0]!;
    const reason = ESLINT_ONLY_OPTIONS[name];
    if (reason !== undefined) return `${name} is an eslint option that wua-lint does not take: ${reason}.`;
    return `Unknown option ${name}. A path that starts with "-" goes after "--": wua-lint -- ${name}`;
  }
  const longName = /'(?:-\w, )?(--?[\w-]+)/u.exec(error.message)?.[1];
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && longName !== undefined) {
    return error.message.includes("argument missing") ? `${longName} needs a value.` : `${longName} takes no value.`;
  }
  return error.message;
}
