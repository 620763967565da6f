/**
 * The cmdlets the analysis understands, and PowerShell's parameter binding for them: full names,
 * aliases, any unambiguous prefix, `-Name:value`, switches, positions and splatting.
 */
import type { CommandElement } from "./syntax.js";

export interface CommandSpec {
  /** Lower-cased parameter names, with their aliases, and whether each is a switch. */
  readonly parameters: Readonly<Record<string, { readonly aliases?: readonly string[]; readonly isSwitch?: boolean }>>;
}

/** Parameters every cmdlet has. */
const COMMON: CommandSpec["parameters"] = {
  verbose: { aliases: ["vb"], isSwitch: true },
  debug: { aliases: ["db"], isSwitch: true },
  erroraction: { aliases: ["ea"] },
  warningaction: { aliases: ["wa"] },
  informationaction: { aliases: ["infa"] },
  progressaction: { aliases: ["proga"] },
  errorvariable: { aliases: ["ev"] },
  warningvariable: { aliases: ["wv"] },
  informationvariable: { aliases: ["iv"] },
  outvariable: { aliases: ["ov"] },
  outbuffer: { aliases: ["ob"] },
  pipelinevariable: { aliases: ["pv"] },
};

function spec(parameters: CommandSpec["parameters"]): CommandSpec {
  return { parameters: { ...COMMON, ...parameters } };
}

/** How Invoke-Command and New-PSSession reach a computer, and how they log on there. */
const CONNECTION: CommandSpec["parameters"] = {
  computername: { aliases: ["cn"] },
  session: {},
  hostname: {},
  sshconnection: {},
  connectionuri: { aliases: ["uri", "cu"] },
  vmname: {},
  vmid: { aliases: ["vmguid"] },
  containerid: {},
  credential: {},
  port: {},
  usessl: { isSwitch: true },
  configurationname: {},
  applicationname: {},
  throttlelimit: {},
  sessionoption: {},
  authentication: {},
  enablenetworkaccess: { isSwitch: true },
  certificatethumbprint: {},
  allowredirection: { isSwitch: true },
  runasadministrator: { isSwitch: true },
  username: {},
  keyfilepath: { aliases: ["identityfilepath"] },
  sshtransport: { isSwitch: true },
  subsystem: {},
  connectingtimeout: {},
  options: {},
};

export const INVOKE_COMMAND = spec({
  ...CONNECTION,
  scriptblock: { aliases: ["command"] },
  filepath: { aliases: ["pspath"] },
  argumentlist: { aliases: ["args"] },
  inputobject: {},
  asjob: { isSwitch: true },
  indisconnectedsession: { aliases: ["disconnected"], isSwitch: true },
  sessionname: {},
  hidecomputername: { aliases: ["hcn"], isSwitch: true },
  jobname: {},
  nonewscope: { isSwitch: true },
  remotedebug: { isSwitch: true },
  strictmode: {},
});

export const NEW_PSSESSION = spec({
  ...CONNECTION,
  name: {},
  usewindowspowershell: { isSwitch: true },
});

export const NEW_OBJECT = spec({
  typename: {},
  comobject: {},
  argumentlist: { aliases: ["args"] },
  property: {},
  strict: { isSwitch: true },
});

export const FOREACH_OBJECT = spec({
  process: {},
  begin: {},
  end: {},
  remainingscripts: {},
  membername: {},
  argumentlist: { aliases: ["args"] },
  inputobject: {},
  parallel: {},
  throttlelimit: {},
  timeoutseconds: {},
  asjob: { isSwitch: true },
  usenewrunspace: { isSwitch: true },
  whatif: { aliases: ["wi"], isSwitch: true },
  confirm: { aliases: ["cf"], isSwitch: true },
});

export const WHERE_OBJECT = spec({
  filterscript: {},
  property: {},
  value: {},
  inputobject: {},
});

export const SELECT_OBJECT = spec({
  property: {},
  excludeproperty: {},
  expandproperty: {},
  first: {},
  last: {},
  skip: {},
  skiplast: {},
  index: {},
  skipindex: {},
  unique: { isSwitch: true },
  caseinsensitive: { isSwitch: true },
  wait: { isSwitch: true },
  inputobject: {},
});

export const START_JOB = spec({
  scriptblock: { aliases: ["command"] },
  filepath: {},
  literalpath: { aliases: ["pspath", "lp"] },
  name: {},
  credential: {},
  authentication: {},
  initializationscript: {},
  workingdirectory: {},
  runas32: { isSwitch: true },
  psversion: {},
  inputobject: {},
  argumentlist: { aliases: ["args"] },
  definitionname: {},
  definitionpath: {},
  type: {},
  throttlelimit: {},
});

export const IMPORT_MODULE = spec({
  name: {},
  fullyqualifiedname: {},
  assembly: {},
  moduleinfo: {},
  prefix: {},
  function: {},
  cmdlet: {},
  variable: {},
  alias: {},
  force: { isSwitch: true },
  passthru: { isSwitch: true },
  ascustomobject: { isSwitch: true },
  global: { isSwitch: true },
  scope: {},
  argumentlist: { aliases: ["args"] },
  disablenamechecking: { isSwitch: true },
  noclobber: { isSwitch: true },
  requiredversion: {},
  minimumversion: { aliases: ["version"] },
  maximumversion: {},
  pssession: {},
  cimsession: {},
  usewindowspowershell: { aliases: ["usewinps"], isSwitch: true },
  skipeditioncheck: { isSwitch: true },
});

export const JOIN_PATH = spec({
  path: { aliases: ["pspath"] },
  childpath: {},
  additionalchildpath: {},
  resolve: { isSwitch: true },
  credential: {},
});

/**
 * The parameters PowerShell adds to every workflow and activity (about_WorkflowCommonParameters): a
 * workflow's `-PSComputerName` and `-PSConnectionUri` name the computers it runs on.
 */
export const WORKFLOW_COMMON = spec({
  pscomputername: {},
  psconnectionuri: {},
  pscredential: {},
  psport: {},
  psusessl: { isSwitch: true },
  psconfigurationname: {},
  psapplicationname: {},
  psallowredirection: { isSwitch: true },
  pssessionoption: {},
  psauthentication: {},
  psauthenticationlevel: {},
  pscertificatethumbprint: {},
  pspersist: {},
  psparametercollection: {},
  psprivatemetadata: {},
  psrunningtimeoutsec: {},
  pselapsedtimeoutsec: {},
  psconnectionretrycount: {},
  psconnectionretryintervalsec: {},
  psactionrunningtimeoutsec: {},
  psactionretrycount: {},
  psactionretryintervalsec: {},
  psdisableserialization: {},
  psdisableserializationpreference: {},
  psremotingbehavior: {},
  psdebug: {},
  asjob: { isSwitch: true },
  jobname: {},
  inputobject: {},
});

/** Commands by name and alias; lower-cased. */
export const COMMAND_NAMES: Readonly<Record<string, string>> = {
  "invoke-command": "invoke-command",
  icm: "invoke-command",
  "new-object": "new-object",
  "new-pssession": "new-pssession",
  nsn: "new-pssession",
  "foreach-object": "foreach-object",
  "%": "foreach-object",
  foreach: "foreach-object",
  "where-object": "where-object",
  "?": "where-object",
  where: "where-object",
  "select-object": "select-object",
  select: "select-object",
  "sort-object": "sort-object",
  sort: "sort-object",
  "tee-object": "tee-object",
  tee: "tee-object",
  "write-output": "write-output",
  echo: "write-output",
  write: "write-output",
  "out-null": "out-null",
  "start-job": "start-job",
  sajb: "start-job",
  "start-threadjob": "start-threadjob",
  inlinescript: "inlinescript",
  "import-module": "import-module",
  ipmo: "import-module",
  "join-path": "join-path",
};

/** Every spelling of a command's parameters that PowerShell accepts (names, aliases, unique prefixes), worked out once. */
const spellings = new WeakMap<CommandSpec, Map<string, string | undefined>>();

/** `name` as PowerShell resolves a parameter: exact name or alias first, then a unique prefix. */
export function resolveParameter(command: CommandSpec, name: string): string | undefined {
  let known = spellings.get(command);
  if (known === undefined) {
    known = new Map();
    spellings.set(command, known);
  }
  if (known.has(name)) return known.get(name);
  const entries = Object.entries(command.parameters);
  let resolved = entries.find(([full, details]) => full === name || details.aliases?.includes(name))?.[0];
  if (resolved === undefined) {
    const matches = entries.filter(([full]) => full.startsWith(name));
    resolved = matches.length === 1 ? matches[0]![0] : undefined;
  }
  known.set(name, resolved);
  return resolved;
}

/**
 * Binds a command line. `isSplat` tells splatted arguments (`@params`) apart; `isValue` tells
 * whether the element after a switch is its value (only after `-Switch:`).
 */
export function bindCommand<Node>(
  command: CommandSpec,
  elements: readonly CommandElement[],
  isSplat: (node: Node) => boolean,
): { named: Map<string, Node | true>; positional: Node[]; splats: Node[]; unresolved: boolean } {
  const named = new Map<string, Node | true>();
  const positional: Node[] = [];
  const splats: Node[] = [];
  let unresolved = false;
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]!;
    if (element.kind === "argument") {
      const node = element.node as Node;
      if (isSplat(node)) splats.push(node);
      else positional.push(node);
      continue;
    }
    const full = resolveParameter(command, element.name);
    if (full === undefined) unresolved = true;
    const details = full === undefined ? undefined : command.parameters[full];
    const next = elements[i + 1];
    if (details?.isSwitch && !element.colon) {
      named.set(full!, true);
    } else if (next?.kind === "argument") {
      if (full !== undefined) named.set(full, next.node as Node);
      i++;
    } else if (full !== undefined) {
      named.set(full, true);
    }
  }
  return { named, positional, splats, unresolved };
}
